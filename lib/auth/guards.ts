// Server-side guards: every query and action starts here. The role comes from the
// database, so a promotion takes effect on the next page load without signing in again.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  managerId: number | null;
  artistId: number | null;
};

/** The signed-in person, or null; one database read per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, manager: { select: { id: true } }, artist: { select: { id: true } } },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    managerId: user.manager?.id ?? null,
    artistId: user.artist?.id ?? null,
  };
});

/** For pages: a signed-out visitor goes to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages and actions: the wrong role is refused (pages render it as "not found"). */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new ForbiddenError();
  return user;
}
