// Creates a USER account (docs/domain.md §1): hashed password, lower-cased unique email.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { registerSchema, type RegisterInput } from "@/lib/users/schemas";

export const duplicateEmailMessage = "An account with this email already exists";

/** The columns any account listing or answer may expose: never the password hash. */
export const publicUserSelect = { id: true, name: true, email: true, role: true, createdAt: true } as const;

export type PublicUser = { id: number; name: string; email: string; role: Role; createdAt: Date };

export type NewAccount = { name: string; email: string; passwordHash: string };

/** Validates and hashes outside any transaction (hashing is slow on purpose). */
export async function prepareAccount(input: RegisterInput): Promise<NewAccount> {
  const data = registerSchema.parse(input);
  return { name: data.name, email: data.email, passwordHash: await hashPassword(data.password) };
}

/** Inserts the user row; a taken email becomes a field error on "email". */
export async function insertUser(db: DbClient, account: NewAccount, role: Role): Promise<PublicUser> {
  const { name, email, passwordHash } = account;
  try {
    return await db.user.create({
      data: { name, email: email.trim().toLowerCase(), passwordHash, role },
      select: publicUserSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(duplicateEmailMessage, { field: "email" });
    throw error;
  }
}

export async function registerUser(input: RegisterInput): Promise<PublicUser> {
  return insertUser(prisma, await prepareAccount(input), "USER");
}
