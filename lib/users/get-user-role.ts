// The role of an account by email: where to send a person who has just signed in.
import "server-only";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export async function getUserRoleByEmail(email: string): Promise<Role | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { role: true } });
  return user?.role ?? null;
}
