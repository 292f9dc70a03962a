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

/**
 * Runs `work` in a transaction of its own when given the client, or inside the caller's when
 * given a transaction client: a service that usually commits on its own can then be one step of
 * a larger transaction (the demo seed builds each demo request from several of them).
 */
export function inTransaction<T>(db: Db | DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}
