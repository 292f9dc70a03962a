// Test support: a fingerprint of every table's contents, to prove that a refused input wrote
// nothing (no row added, changed or removed anywhere), whatever table a bug might touch.
import type { Db } from "@/lib/db";

export type TableSnapshot = Record<string, string>;

/**
 * One digest per table of the current schema (but Prisma's migration history), over its rows'
 * text in a stable order; the tables are read from the database itself, so a new one is never
 * forgotten. Meant for the small databases of integration tests.
 */
export async function snapshotTables(db: Db): Promise<TableSnapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  if (tables.length === 0) return {};
  const digests = tables.map(({ name }) => {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const label = `'${name.replaceAll("'", "''")}'`;
    return `SELECT ${label} AS name, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${quoted} t`;
  });
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(digests.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose contents differ between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
