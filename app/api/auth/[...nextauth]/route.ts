// Auth.js endpoints (session, CSRF, callbacks); sign-in itself goes through the login form's action.
// A return address Auth.js could not parse is dropped first (lib/auth/drop-unsafe-callback.ts).
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { dropUnsafeCallback } from "@/lib/auth/drop-unsafe-callback";

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await dropUnsafeCallback(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  return handlers.POST(await dropUnsafeCallback(request));
}
