// docs/domain.md §11 "Headers": what every response of the app carries (proxy.ts sets them;
// decision 010). Pure, so the policy is read and tested in one place.

export type HeaderOptions = {
  /** A fresh random value per request; Next.js puts it on its own scripts (it reads it from the request's CSP). */
  nonce: string;
  /** `next dev` needs eval for React's debugging; never in a build. */
  development: boolean;
  /** Served over HTTPS (directly or behind a proxy that says so): HSTS and upgrade-insecure-requests. */
  https: boolean;
};

/**
 * Scripts only with this request's nonce (and what those load: 'strict-dynamic'); no plugins,
 * no framing, no foreign <base> or form targets. Styles allow inline: Next's built-in error pages
 * and React `style` props write style attributes, and a nonce cannot cover those (a nonce in
 * style-src would also switch 'unsafe-inline' off).
 */
export function contentSecurityPolicy({ nonce, development, https }: HeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Powerful features nobody here needs are off for the page and anything it might embed. */
export const permissionsPolicy = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Every security header of a response. */
export function securityHeaders(options: HeaderOptions): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": permissionsPolicy,
    // For browsers without frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // A year; subdomains are not ours to decide.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** HTTPS directly, or a proxy in front saying so (its first hop); a client's claim only adds HSTS, which browsers ignore over HTTP. */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
