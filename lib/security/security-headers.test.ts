import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, servedOverHttps } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc123==", development: false, https: false }));

  it("lets scripts run only with the request's nonce", () => {
    expect(production.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(production.get("script-src")).not.toContain("unsafe-inline");
    expect(production.get("script-src")).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins, foreign base URLs and form targets", () => {
    expect(production.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(production.get("object-src")).toBe("object-src 'none'");
    expect(production.get("base-uri")).toBe("base-uri 'self'");
    expect(production.get("form-action")).toBe("form-action 'self'");
    expect(production.get("default-src")).toBe("default-src 'self'");
  });

  it("allows eval only for `next dev`", () => {
    const development = directives(contentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(development.get("script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  it("upgrades insecure requests only over HTTPS", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: "n", development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, a strict referrer policy and a permissions policy", () => {
    const headers = securityHeaders({ nonce: "n", development: false, https: false });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation"]) expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
  });

  it("sends HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", development: false, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ nonce: "n", development: false, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000");
  });
});

describe("servedOverHttps", () => {
  it("reads the URL or the first forwarded protocol", () => {
    expect(servedOverHttps(new URL("https://label.example/"), null)).toBe(true);
    expect(servedOverHttps(new URL("http://127.0.0.1:3000/"), null)).toBe(false);
    expect(servedOverHttps(new URL("http://web:3000/"), "https")).toBe(true);
    expect(servedOverHttps(new URL("http://web:3000/"), "HTTPS, http")).toBe(true);
    expect(servedOverHttps(new URL("http://web:3000/"), "http")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
