// The one way an account's role changes: conditional on the role it had, and ending the
// account's sessions when the change takes powers away (lib/users/role-change-rule.ts).
import "server-only";
import { endSessionsOf } from "@/lib/auth/sessions";
import type { DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleChangeEndsSessions } from "@/lib/users/role-change-rule";

/** Call inside the caller's transaction; false when the account no longer has role `from`. */
export async function changeRole(tx: DbClient, userId: number, from: Role, to: Role): Promise<boolean> {
  const changed = await tx.user.updateMany({ where: { id: userId, role: from }, data: { role: to } });
  if (changed.count !== 1) return false;
  if (roleChangeEndsSessions(from, to)) await endSessionsOf(tx, userId);
  return true;
}
