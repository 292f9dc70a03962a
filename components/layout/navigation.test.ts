// Each role's navigation and which item is current.
import { describe, expect, it } from "vitest";
import { activeNavHref, navigationFor } from "@/components/layout/navigation";

describe("navigationFor", () => {
  it("gives each role its own items", () => {
    expect(navigationFor("USER").map((item) => item.label)).toEqual(["My requests", "Join the label"]);
    expect(navigationFor("ARTIST").map((item) => item.label)).toEqual(["My requests", "Releases", "Statistics"]);
    expect(navigationFor("MANAGER").map((item) => item.label)).toEqual(["Queue", "Artists", "Report"]);
    expect(navigationFor("ADMIN").map((item) => item.label)).toEqual(["Users", "Managers", "All requests", "Failed events", "Audit log"]);
  });

  it("never shows another role's area", () => {
    expect(navigationFor("USER").some((item) => item.href.startsWith("/admin") || item.href.startsWith("/manager"))).toBe(false);
    expect(navigationFor("ARTIST").some((item) => item.href.startsWith("/admin") || item.href.startsWith("/manager"))).toBe(false);
    expect(navigationFor("MANAGER").some((item) => item.href.startsWith("/admin"))).toBe(false);
  });
});

describe("activeNavHref", () => {
  const items = navigationFor("USER");

  it("marks the longest matching item", () => {
    expect(activeNavHref(items, "/requests/new/sign-contract")).toBe("/requests/new/sign-contract");
    expect(activeNavHref(items, "/requests/42")).toBe("/requests");
    expect(activeNavHref(items, "/requests")).toBe("/requests");
  });

  it("does not match on a mere prefix of a word", () => {
    expect(activeNavHref(navigationFor("ARTIST"), "/releasesx")).toBeNull();
    expect(activeNavHref(items, "/notifications")).toBeNull();
  });
});
