// `npm run db:seed`: the admin from configuration when there is none; demo data of the label
// when SEED_DEMO_DATA says so (unset: in development only). Safe to run again (see
// prisma/seed-database.ts). `npm run db:seed -- --reset-admin-password` sets the existing
// admin's password to ADMIN_PASSWORD. Prints who was seeded, never a password.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { assertProductionSafety } from "@/lib/security/production-safety";
import { seedDatabase } from "./seed-database";

async function main() {
  const config = env();
  assertProductionSafety(config, "The seed"); // docs/domain.md §11, decision 010
  const resetAdminPassword = process.argv.slice(2).includes("--reset-admin-password");
  const demoData = config.SEED_DEMO_DATA;
  const accounts = await seedDatabase({ demoData, resetAdminPassword });
  console.log(`Seeded ${demoData ? "the admin and demo data" : "the admin (no demo data: SEED_DEMO_DATA)"}. Accounts:`);
  console.table(accounts.map(({ role, name, email }) => ({ role, name, email })));
  if (resetAdminPassword) console.log(`The password of ${accounts[0]?.email} is now ADMIN_PASSWORD.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
