// Test support: empties every table of the database between integration tests.
import type { Db } from "@/lib/db";

/**
 * Truncates every table of the current schema except Prisma's migration history, read from
 * the database itself so that a new table is never forgotten. Ids keep growing (no RESTART
 * IDENTITY), so a stale Kafka message from an earlier test never hits a new row.
 */
export async function resetDatabase(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const quoted = tables.map((table) => `"${table.name.replaceAll('"', '""')}"`);
  await db.$executeRawUnsafe(`TRUNCATE ${quoted.join(", ")}`);
}
