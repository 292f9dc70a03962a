// Test support: people for integration tests, made straight in the database (a manager, an
// artist signed through lib/artists/sign-artist.ts), without going through requests.
import type { SessionUser } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { signArtist } from "@/lib/artists/sign-artist";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "./unique-suffix";

/** The password of every test account. */
export const TEST_PASSWORD = "test-password";

// One Argon2 hash for every test account: hashing is deliberately slow.
let cachedHash: Promise<string> | undefined;

export async function createUser(db: Db, role: Role = "USER", name?: string): Promise<SessionUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: { name: name ?? `Test ${role.toLowerCase()} ${suffix}`, email: `${role.toLowerCase()}-${suffix}@example.test`, passwordHash: await cachedHash, role },
  });
  return { id: user.id, name: user.name, email: user.email, role: user.role, managerId: null, artistId: null };
}

export async function createManager(db: Db, name?: string): Promise<SessionUser> {
  const user = await createUser(db, "MANAGER", name);
  const manager = await db.manager.create({ data: { userId: user.id } });
  return { ...user, managerId: manager.id };
}

/** An artist as the label signs one: a one-year contract with `managerId`, its end scheduled. */
export async function createArtist(db: Db, managerId: number, nickname = `artist-${uniqueSuffix()}`): Promise<SessionUser> {
  const user = await createUser(db, "USER", `Test artist ${uniqueSuffix()}`);
  const artist = await db.$transaction((tx) => signArtist(tx, { userId: user.id, nickname, managerId }));
  return { ...user, role: "ARTIST", artistId: artist.id };
}
