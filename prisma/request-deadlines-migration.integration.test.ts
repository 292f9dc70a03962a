// The migration 20261210110000_request_deadlines on a database that already holds requests:
// it backfills every request's deadline from the rule of docs/domain.md §3.1/§3.2 step 6
// (lib/requests/deadline-rules.ts), open and closed alike, in any session time zone.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { requestExpiresAt } from "@/lib/requests/deadline-rules";
import { applyMigrations, ensureDatabaseExists } from "@/scripts/migrate/apply-migrations";

const MIGRATION = "20261210110000_request_deadlines";
const migrationsDir = path.resolve("prisma/migrations");
const scratchName = `cd_deadlines_migration_${Date.now()}`;
const scratchUrl = Object.assign(new URL(env().DATABASE_URL), { pathname: `/${scratchName}` }).toString();
let before: string;
let client: pg.Client;

beforeAll(async () => {
  // The migrations before this one, in a folder of their own.
  before = await mkdtemp(path.join(tmpdir(), "migrations-before-"));
  for (const name of (await readdir(migrationsDir)).filter((name) => name < MIGRATION)) {
    await cp(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
  }
  await ensureDatabaseExists(scratchUrl);
  await applyMigrations(scratchUrl, before);
  // A session far from UTC: the backfill must not depend on it.
  client = new pg.Client({ connectionString: scratchUrl, options: "-c TimeZone=Pacific/Chatham" });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: Object.assign(new URL(env().DATABASE_URL), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  await admin.end();
  await rm(before, { recursive: true, force: true });
});

async function insertId(sql: string, values: unknown[]): Promise<number> {
  return (await client.query<{ id: number }>(`${sql} RETURNING "id"`, values)).rows[0]!.id;
}

describe(`migration ${MIGRATION}`, () => {
  it("backfills the deadline of open and closed requests of both types", async () => {
    const hash = "$argon2id$fixture";
    const user = (email: string) => insertId(`INSERT INTO "User" ("name", "email", "passwordHash") VALUES ('Someone', $1, $2)`, [email, hash]);
    const managerId = await insertId(`INSERT INTO "Manager" ("userId") VALUES ($1)`, [await user("manager@example.test")]);
    const artistUserId = await user("artist@example.test");
    const artistId = await insertId(`INSERT INTO "Artist" ("userId", "nickname", "contractDueDate", "managerId") VALUES ($1, 'Nova', '2028-01-01', $2)`, [
      artistUserId,
      managerId,
    ]);
    const releaseId = await insertId(`INSERT INTO "Release" ("artistId", "title", "releaseDate", "updatedAt") VALUES ($1, 'Dawn', '2026-01-01', now())`, [artistId]);

    const signCreatedAt = new Date("2026-03-28T23:30:00.123Z"); // 90 days later crosses a DST change in many zones
    const openSign = await insertId(
      `INSERT INTO "Request" ("type", "applicantId", "nickname", "createdAt", "updatedAt") VALUES ('SIGN_CONTRACT', $1, 'Open one', $2, now())`,
      [await user("open@example.test"), signCreatedAt],
    );
    const closedSign = await insertId(
      `INSERT INTO "Request" ("type", "status", "resolution", "applicantId", "nickname", "createdAt", "updatedAt")
       VALUES ('SIGN_CONTRACT', 'CLOSED', 'DECLINED', $1, 'Closed one', $2, now())`,
      [await user("closed@example.test"), signCreatedAt],
    );
    const publish = await insertId(
      `INSERT INTO "Request" ("type", "applicantId", "managerId", "releaseId", "expectedDate", "createdAt", "updatedAt")
       VALUES ('PUBLISH_RELEASE', $1, $2, $3, '2026-12-12', '2026-11-20T15:00:00Z', now())`,
      [artistUserId, managerId, releaseId],
    );

    await applyMigrations(scratchUrl, migrationsDir);

    const rows = await client.query<{ id: number; expiresAt: Date; reminderSentAt: Date | null }>(
      `SELECT "id", "expiresAt", "reminderSentAt" FROM "Request" ORDER BY "id"`,
    );
    const expected = requestExpiresAt({ type: "SIGN_CONTRACT", createdAt: signCreatedAt, expectedDate: null });
    expect(rows.rows.map((row) => [row.id, row.expiresAt.toISOString(), row.reminderSentAt])).toEqual([
      [openSign, expected.toISOString(), null],
      [closedSign, expected.toISOString(), null],
      [publish, "2026-12-12T00:00:00.000Z", null],
    ]);
    const index = await client.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Request_open_managerId_expiresAt_idx'`);
    expect(index.rows[0]?.indexdef).toContain(`WHERE (status <> 'CLOSED'::"RequestStatus")`);
  });
});
