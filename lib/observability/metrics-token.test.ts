// Who may read the metrics (decision 016): the configured bearer token only; nobody while none is configured.
import { describe, expect, it } from "vitest";
import { bearerToken, hasMetricsToken, metricsAccess, metricsRefusal, sameToken } from "@/lib/observability/metrics-token";

const token = "0123456789abcdef-metrics";

describe("metricsAccess", () => {
  it("lets in the caller presenting the configured token", () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(`bearer ${token}`, token)).toBe("allowed");
  });

  it("refuses a missing, wrong, truncated, extended or differently sent token", () => {
    for (const header of [null, undefined, "", "Bearer", `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Basic ${token}`, token, `Bearer ${token} extra`, "Bearer WRONG"]) {
      expect(metricsAccess(header, token), String(header)).toBe("refused");
    }
  });

  it("is off for everyone, the right-looking caller too, while no token is configured", () => {
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe("off");
    expect(metricsAccess("Bearer ", "")).toBe("off");
    // The unit tier configures no METRICS_TOKEN.
    expect(hasMetricsToken(`Bearer ${token}`)).toBe(false);
  });
});

describe("the pieces", () => {
  it("reads the token of a Bearer header only", () => {
    expect(bearerToken(`Bearer  ${token} `)).toBe(token);
    expect(bearerToken("Token abc")).toBeNull();
  });

  it("compares tokens of any length without throwing (timingSafeEqual needs equal lengths: both are hashed)", () => {
    expect(sameToken("a", "a much longer configured token")).toBe(false);
    expect(sameToken(token, token)).toBe(true);
  });

  it("answers 404 while metrics are off and 401 with a Bearer challenge when the token is wrong", () => {
    expect(metricsRefusal("off").status).toBe(404);
    const refused = metricsRefusal("refused");
    expect(refused.status).toBe(401);
    expect(refused.headers["WWW-Authenticate"]).toMatch(/^Bearer /);
  });
});
