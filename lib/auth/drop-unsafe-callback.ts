// Requests to Auth.js's own endpoints (app/api/auth/[...nextauth]) with a `callbackUrl` in the
// query string. Auth.js answers one it cannot parse as a URL ("x", "%") with a 500 "server
// configuration" error; the app follows only local return paths anyway (`safeCallbackPath`,
// docs/domain.md §11 "Bad input"). So any other is dropped before Auth.js sees it — the same as
// sending none — and a safe one passes as it came.
import { NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/role-home";

export async function dropUnsafeCallback(request: NextRequest): Promise<NextRequest> {
  const url = new URL(request.url);
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.every((callback) => safeCallbackPath(callback) !== null)) return request;
  url.searchParams.delete("callbackUrl");
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}
