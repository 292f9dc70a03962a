// The SQL migrations on an empty database: they apply, a second run is a no-op, the
// history is Prisma's, and the result matches prisma/schema.prisma (no drift).
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { applyMigrations, ensureDatabaseExists, readMigrationFiles } from "@/scripts/migrate/apply-migrations";
import { expectedPostgresType, readPrismaSchema } from "@/scripts/migrate/read-prisma-schema";

// A scratch database on the configured server, dropped at the end.
const baseUrl = new URL(env().DATABASE_URL);
const scratchName = `cd_migrations_${Date.now()}`;
const scratchUrl = new URL(baseUrl);
scratchUrl.pathname = `/${scratchName}`;
const migrationsDir = path.resolve("prisma/migrations");
let client: pg.Client;

beforeAll(async () => {
  await ensureDatabaseExists(scratchUrl.toString());
  client = new pg.Client({ connectionString: scratchUrl.toString() });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: Object.assign(new URL(baseUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  await admin.end();
});

describe("migrations", () => {
  it("apply to an empty database and are a no-op the second time", async () => {
    const files = await readMigrationFiles(migrationsDir);
    const first = await applyMigrations(scratchUrl.toString(), migrationsDir);
    expect(first.applied).toEqual(files.map((file) => file.name));
    const second = await applyMigrations(scratchUrl.toString(), migrationsDir);
    expect(second).toEqual({ applied: [], alreadyApplied: files.map((file) => file.name) });

    const history = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(history.rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    expect(history.rows.map((row) => row.checksum)).toEqual(files.map((file) => file.checksum));
    expect(history.rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("run concurrently without applying anything twice (advisory lock)", async () => {
    const results = await Promise.all([applyMigrations(scratchUrl.toString(), migrationsDir), applyMigrations(scratchUrl.toString(), migrationsDir)]);
    expect(results.flatMap((result) => result.applied)).toEqual([]);
  });

  it("build exactly the tables, columns, types, nullability and enums of schema.prisma", async () => {
    const spec = readPrismaSchema(await readFile("prisma/schema.prisma", "utf8"));
    const columns = await client.query<{ table_name: string; column_name: string; is_nullable: string; data_type: string; udt_name: string; character_maximum_length: number | null }>(
      `SELECT table_name, column_name, is_nullable, data_type, udt_name, character_maximum_length
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actualTables = new Set(columns.rows.map((row) => row.table_name));
    expect([...actualTables].sort()).toEqual([...spec.models.keys()].sort());

    const problems: string[] = [];
    for (const [model, expectedColumns] of spec.models) {
      const actual = columns.rows.filter((row) => row.table_name === model);
      const actualNames = actual.map((row) => row.column_name).sort();
      const expectedNames = expectedColumns.map((column) => column.name).sort();
      if (JSON.stringify(actualNames) !== JSON.stringify(expectedNames)) problems.push(`${model}: columns ${actualNames} vs schema ${expectedNames}`);
      for (const column of expectedColumns) {
        const row = actual.find((candidate) => candidate.column_name === column.name);
        if (!row) continue;
        const actualType =
          row.data_type === "USER-DEFINED"
            ? `enum:${row.udt_name}`
            : row.data_type === "ARRAY"
              ? `ARRAY:${row.udt_name}`
            : row.data_type === "character varying"
              ? `character varying(${row.character_maximum_length})`
              : row.data_type;
        const expectedType = expectedPostgresType(column, spec.enums);
        if (actualType !== expectedType) problems.push(`${model}.${column.name}: type ${actualType} vs schema ${expectedType}`);
        if ((row.is_nullable === "YES") !== column.nullable) problems.push(`${model}.${column.name}: nullable ${row.is_nullable} vs schema ${column.nullable}`);
      }
    }
    expect(problems).toEqual([]);

    const enums = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(enums.rows.map((row) => [row.typname, row.labels]))).toEqual(Object.fromEntries(spec.enums));

    const uniqueIndexes = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`);
    const names = new Set(uniqueIndexes.rows.map((row) => row.indexname));
    const missingUnique = [...spec.models.values()].flat().filter((column) => column.unique && !names.has(`${column.model}_${column.name}_key`));
    expect(missingUnique.map((column) => `${column.model}.${column.name}`)).toEqual([]);
  });

  it("enforce the invariants the schema language cannot express", async () => {
    const insertUser = (email: string) =>
      client.query(`INSERT INTO "User" (name, email, "passwordHash") VALUES ('A', $1, '$argon2id$v=19$x') RETURNING id`, [email]);
    await expect(insertUser("Upper@Example.test")).rejects.toThrow(/User_email_lowercase_check/);
    const user = await insertUser(`u${Date.now()}@example.test`);
    await expect(client.query(`INSERT INTO "User" (name, email, "passwordHash") VALUES ('B', 'x@y.z', 'plaintext')`)).rejects.toThrow(/passwordHash/);
    const userId = user.rows[0].id as number;
    await client.query(`INSERT INTO "Request" (type, "applicantId", nickname, "updatedAt") VALUES ('SIGN_CONTRACT', $1, 'Nick', now())`, [userId]);
    await expect(
      client.query(`INSERT INTO "Request" (type, "applicantId", nickname, "updatedAt") VALUES ('SIGN_CONTRACT', $1, 'Other', now())`, [userId]),
    ).rejects.toThrow(/Request_open_sign_per_applicant_key/);
    await expect(client.query(`UPDATE "Request" SET status = 'CLOSED' WHERE "applicantId" = $1`, [userId])).rejects.toThrow(/closed_has_resolution/);
    // Waiting for a decision or for changes (docs/domain.md §9) needs a manager.
    for (const status of ["ON_APPROVAL", "CHANGES_REQUESTED"]) {
      await expect(client.query(`UPDATE "Request" SET status = $2 WHERE "applicantId" = $1`, [userId, status])).rejects.toThrow(/Request_assigned_when_deciding_check/);
    }
    const history = await client.query(`INSERT INTO "RequestHistory" ("requestId", "toStatus") SELECT id, 'NEW' FROM "Request" WHERE "applicantId" = $1 RETURNING id`, [userId]);
    await expect(client.query(`UPDATE "RequestHistory" SET reason = 'rewritten' WHERE id = $1`, [history.rows[0].id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "RequestHistory" WHERE id = $1`, [history.rows[0].id])).rejects.toThrow(/append-only/);
    // An entry that keeps the status is a move between managers (docs/domain.md §10), which names where it went.
    await expect(
      client.query(`INSERT INTO "RequestHistory" ("requestId", "fromStatus", "toStatus") SELECT id, 'NEW', 'NEW' FROM "Request" WHERE "applicantId" = $1`, [userId]),
    ).rejects.toThrow(/RequestHistory_manager_move_check/);
  });
});
