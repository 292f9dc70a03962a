// Which role changes end the account's sessions (docs/domain.md §11, decision 012). Pure.
// USER is where everyone starts: leaving it (signed as an artist, appointed as a manager) only
// adds powers, so the person carries on. Leaving any other role (a manager deactivated, an
// artist or the admin changed) takes powers away: every session of the account ends at once.
import type { Role } from "@/lib/generated/prisma/enums";

export function roleChangeEndsSessions(from: Role, to: Role): boolean {
  return from !== to && from !== "USER";
}
