// `npm run db:migrate`: creates the database if needed and applies pending migrations.
import path from "node:path";
import { env } from "@/lib/env";
import { applyMigrations, ensureDatabaseExists } from "@/scripts/migrate/apply-migrations";

async function main() {
  const { DATABASE_URL } = env();
  await ensureDatabaseExists(DATABASE_URL);
  const report = await applyMigrations(DATABASE_URL, path.resolve("prisma/migrations"));
  const applied = report.applied.length ? report.applied.join(", ") : "none";
  console.log(`migrations: ${report.alreadyApplied.length} already applied; applied now: ${applied}`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
