// The security headers of docs/domain.md §11 on public pages, signed-in pages, route handlers
// and "not found", and the app still working under its Content-Security-Policy: no violation
// reported, client-side navigation and the sign-in form work.
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { createUser, signIn } from "./fixtures/users";

type Headers = Record<string, string>;

function headersOf(response: Response | APIResponse | null): Headers {
  expect(response, "a response").not.toBeNull();
  return response!.headers();
}

function policyOf(headers: Headers): Map<string, string> {
  const policy = headers["content-security-policy"];
  expect(policy, "a Content-Security-Policy header").toBeTruthy();
  return new Map(policy!.split(";").map((directive) => directive.trim()).map((directive) => [directive.split(" ")[0]!, directive]));
}

/** The headers every response carries; answers the CSP nonce. */
function expectSecurityHeaders(headers: Headers): string {
  const policy = policyOf(headers);
  const scriptSrc = policy.get("script-src") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in ${scriptSrc}`).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(policy.get("object-src")).toBe("object-src 'none'");
  expect(policy.get("base-uri")).toBe("base-uri 'self'");
  expect(policy.get("form-action")).toBe("form-action 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Served over plain HTTP here.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce!;
}

/** Collects what the browser reports about the policy: violation events and console messages. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __policyViolations: string[] }).__policyViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => {
    const violations = await page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? []);
    return [...messages, ...violations];
  };
}

test("public pages carry the headers, a fresh nonce on Next's scripts, and work under the policy", async ({ page }) => {
  const reported = await watchPolicy(page);

  const home = await page.goto("/");
  const nonce = expectSecurityHeaders(headersOf(home));
  const html = await home!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/<script(?![^>]*\bnonce=)[^>]*>/);

  // Scripts run: a link click is a client-side navigation, which keeps the window's state.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Email")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  const script = /<script[^>]*\bsrc="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(script, "a Next.js chunk").toBeTruthy();
  expect((await page.request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");

  const again = await page.goto("/login");
  expect(expectSecurityHeaders(headersOf(again))).not.toBe(nonce);
  expect(await reported()).toEqual([]);
});

test("signed-in pages carry the headers and the sign-in form works under the policy", async ({ page }) => {
  const reported = await watchPolicy(page);
  const user = await createUser({ role: "USER" });

  await signIn(page, user);
  await expect(page).toHaveURL(/\/requests$/);

  const requests = await page.goto("/requests");
  expectSecurityHeaders(headersOf(requests));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const notifications = await page.goto("/notifications");
  expectSecurityHeaders(headersOf(notifications));
  expect(await reported()).toEqual([]);
});

test("a signed-out visitor of a private page is still sent to sign in, with the headers", async ({ request }) => {
  const response = await request.get("/requests?status=open", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/login?callbackUrl=%2Frequests%3Fstatus%3Dopen");
  expectSecurityHeaders(headersOf(response));
});

test("route handlers and pages that are not found carry the headers too", async ({ page, request }) => {
  expectSecurityHeaders(headersOf(await request.get("/api/health")));
  expectSecurityHeaders(headersOf(await request.get("/api/auth/session")));

  const reported = await watchPolicy(page);
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  expectSecurityHeaders(headersOf(missing));
  expect(await reported()).toEqual([]);
});

test("HSTS is sent when a proxy in front says the request came over HTTPS", async ({ request }) => {
  const headers = headersOf(await request.get("/login", { headers: { "x-forwarded-proto": "https" } }));
  expect(headers["strict-transport-security"]).toBe("max-age=31536000");
  expect(policyOf(headers).has("upgrade-insecure-requests")).toBe(true);
});
