// Page links keep the list's filters and drop page=1.
import { describe, expect, it } from "vitest";
import { pageHref } from "@/components/ui/pagination";

describe("pageHref", () => {
  it("omits the page parameter on the first page", () => {
    expect(pageHref("/admin/users", 1)).toBe("/admin/users");
  });

  it("keeps other parameters and replaces page", () => {
    expect(pageHref("/manager/requests", 3, { status: "NEW", page: "2", type: undefined, empty: "" })).toBe("/manager/requests?status=NEW&page=3");
  });
});
