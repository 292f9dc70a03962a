// The Prisma client (over node-postgres), one per process.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or an interactive-transaction client: what mutations accept as `tx`. */
export type DbClient = Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { cookDroogersPrisma?: PrismaClient };

export function createPrismaClient(databaseUrl = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = globalForPrisma.cookDroogersPrisma ?? createPrismaClient();
globalForPrisma.cookDroogersPrisma = prisma;
