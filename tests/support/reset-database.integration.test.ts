// resetDatabase on the real PostgreSQL: every table is emptied, a table added later too, and
// the migration history is kept.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArtist, createManager } from "./create-accounts";
import { resetDatabase } from "./reset-database";

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "ResetProbe"`);
  await prisma.$disconnect();
});

describe("resetDatabase", () => {
  it("empties every table, one it was never told about included, and keeps the migration history", async () => {
    const manager = await createManager(prisma);
    await createArtist(prisma, manager.managerId!);
    await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "ResetProbe" ("id" INTEGER PRIMARY KEY)`);
    await prisma.$executeRawUnsafe(`INSERT INTO "ResetProbe" ("id") VALUES (1)`);
    const migrationsBefore = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "_prisma_migrations"`;

    await resetDatabase(prisma);

    expect([await prisma.user.count(), await prisma.manager.count(), await prisma.artist.count(), await prisma.outboxEvent.count()]).toEqual([0, 0, 0, 0]);
    expect(await prisma.$queryRaw`SELECT count(*)::int AS count FROM "ResetProbe"`).toEqual([{ count: 0 }]);
    expect(await prisma.$queryRaw`SELECT count(*) FROM "_prisma_migrations"`).toEqual(migrationsBefore);
    expect(migrationsBefore[0]!.count).toBeGreaterThan(0n);
  });
});
