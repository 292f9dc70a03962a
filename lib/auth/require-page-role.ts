// For pages: a role that may not use the page sees "not found", which reveals nothing.
import "server-only";
import { notFound } from "next/navigation";
import { requireRole, type SessionUser } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export async function requirePageRole(...roles: Role[]): Promise<SessionUser> {
  try {
    return await requireRole(...roles);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}
