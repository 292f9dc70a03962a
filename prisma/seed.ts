// `npm run db:seed`: the admin from configuration, always; demo data of the label unless
// SEED_DEMO_DATA=false. Safe to run again (see prisma/seed-database.ts).
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { seedDatabase } from "./seed-database";

async function main() {
  const demoData = env().SEED_DEMO_DATA;
  const accounts = await seedDatabase({ demoData });
  console.log(`Seeded ${demoData ? "the admin and demo data" : "the admin (SEED_DEMO_DATA=false)"}. Accounts:`);
  console.table(accounts.map(({ role, name, email, password }) => ({ role, name, email, password })));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
