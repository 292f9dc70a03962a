// Which address per-address throttling counts: the proxy's headers, in a fixed order.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  it.each([
    ["X-Forwarded-For's first hop", { "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-real-ip": "10.0.0.9" }, "203.0.113.7"],
    ["a single forwarded address", { "x-forwarded-for": " 2001:DB8::1 " }, "2001:db8::1"],
    ["X-Real-IP without X-Forwarded-For", { "x-real-ip": "198.51.100.4" }, "198.51.100.4"],
    ["X-Real-IP when X-Forwarded-For is empty", { "x-forwarded-for": " , 10.0.0.2", "x-real-ip": "198.51.100.4" }, "198.51.100.4"],
    ["a fixed word without either", {}, "unknown"],
  ])("takes %s", (_case, given, expected) => {
    expect(clientAddress(new Headers(given))).toBe(expected);
  });

  it("cuts an oversized header to a bounded key", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "a".repeat(10_000) }))).toHaveLength(64);
  });
});
