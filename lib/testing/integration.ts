// Helpers for integration tests against the real PostgreSQL (never used by the app).
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { addUtcYears, startOfUtcDay } from "@/lib/clock";
import type { Role } from "@/lib/generated/prisma/enums";

let cachedHash: Promise<string> | undefined;

/** Empties the domain tables. Ids keep growing, so stale Kafka messages never hit new rows. */
export async function resetDatabase(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`
    TRUNCATE "Notification", "RequestHistory", "Request", "TrackStatistic", "TrackArtist", "Track", "Publication",
             "Release", "Artist", "Manager", "User", "OutboxEvent", "ProcessedMessage", "MessageFailure", "WorkerHeartbeat", "StatisticsRefresh"`);
}

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function createUser(db: Db, role: Role = "USER", name?: string): Promise<SessionUser> {
  cachedHash ??= hashPassword("test-password");
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

export async function createArtist(db: Db, managerId: number, nickname = `artist-${uniqueSuffix()}`): Promise<SessionUser> {
  const user = await createUser(db, "ARTIST");
  const artist = await db.artist.create({
    data: { userId: user.id, nickname, managerId, contractDueDate: addUtcYears(startOfUtcDay(new Date()), 1) },
  });
  return { ...user, artistId: artist.id };
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
