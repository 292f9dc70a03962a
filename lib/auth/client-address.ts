// The client address that per-address throttling counts (docs/domain.md §11, decision 011).
// It is read from headers, so it is only as true as the reverse proxy in front of the app
// makes it: the proxy must set (not append to) X-Forwarded-For or X-Real-IP. `next start`
// alone sets X-Forwarded-For to the connecting socket's address when the request has none.

export const unknownAddress = "unknown";

/** Longer than any IPv6 address with a zone; anything longer is cut, never trusted to be short. */
const maxAddressLength = 64;

/** X-Forwarded-For's first hop when present, else X-Real-IP, else "unknown". */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || unknownAddress;
  return address.slice(0, maxAddressLength).toLowerCase();
}
