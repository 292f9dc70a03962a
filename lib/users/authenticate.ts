// Checks an email and password; the same answer for an unknown email and a wrong password.
// Whether the account is disabled is said only to someone who knew the password.
import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";

// Verifying against a real hash for unknown emails keeps the timing of both failures alike.
let decoyHash: Promise<string> | undefined;

export async function authenticate(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  if (!user) {
    decoyHash ??= hashPassword("decoy-password-for-timing");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email, disabled: user.disabledAt !== null };
}
