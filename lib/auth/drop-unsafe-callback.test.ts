// A return address Auth.js could not parse never reaches it; a safe one, and everything else, passes.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { dropUnsafeCallback } from "@/lib/auth/drop-unsafe-callback";

const origin = "http://localhost:3000";

describe("dropUnsafeCallback", () => {
  it.each(["x", "%", "toString", "https://evil.example/", "//evil.example", "/login"])("drops the callbackUrl %j and keeps the rest of the query", async (callback) => {
    const request = new NextRequest(`${origin}/api/auth/session?a=1&callbackUrl=${encodeURIComponent(callback)}&b=2`);
    const passed = await dropUnsafeCallback(request);
    expect(passed.nextUrl.searchParams.has("callbackUrl")).toBe(false);
    expect(passed.nextUrl.search).toBe("?a=1&b=2");
  });

  it("drops every callbackUrl when one of the repeated ones is unsafe (Auth.js reads the last)", async () => {
    const passed = await dropUnsafeCallback(new NextRequest(`${origin}/api/auth/session?callbackUrl=%2Frequests&callbackUrl=x`));
    expect(passed.nextUrl.searchParams.getAll("callbackUrl")).toEqual([]);
  });

  it("passes a request with a safe callbackUrl, or none, as it came", async () => {
    for (const url of [`${origin}/api/auth/signin?callbackUrl=%2Frequests%2F12`, `${origin}/api/auth/csrf`]) {
      const request = new NextRequest(url);
      expect(await dropUnsafeCallback(request)).toBe(request);
    }
  });

  it("keeps a posted form's method, headers and body", async () => {
    const request = new NextRequest(`${origin}/api/auth/callback/credentials?callbackUrl=x`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.7" },
      body: "email=a%40example.test&password=secret",
    });
    const passed = await dropUnsafeCallback(request);
    expect(passed.method).toBe("POST");
    expect(passed.headers.get("x-forwarded-for")).toBe("203.0.113.7");
    expect(await passed.text()).toBe("email=a%40example.test&password=secret");
  });
});
