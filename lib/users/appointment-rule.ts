// Whom the admin may appoint as a manager (docs/domain.md §6): a plain user, never an artist,
// a manager or the admin. The appointment and the admin's "Make manager" button both ask it. Pure.
import type { Role } from "@/lib/generated/prisma/enums";

export const appointableRole = "USER" as const satisfies Role;

export function canAppointManager(role: Role): role is typeof appointableRole {
  return role === appointableRole;
}
