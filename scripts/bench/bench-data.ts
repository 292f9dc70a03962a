// What the pipeline benchmarks share to make their data and their load (scripts/bench/pipeline.ts,
// pipeline-processes.ts; the queue bench's bulk loader uses the hash). No database client of its
// own: the benchmarks import theirs after choosing the bench database.
import type { SessionUser } from "@/lib/auth/guards";
import type { Db } from "@/lib/db";

/**
 * Bench users never sign in; any value passing the table's CHECK will do, and skipping Argon2
 * keeps seeding out of the figures.
 */
export const PLACEHOLDER_HASH = "$argon2id$bench-placeholder-never-verified";

/** `count` people who may ask to join the label, made in one statement. */
export async function createApplicants(db: Db, runId: string, count: number): Promise<SessionUser[]> {
  const rows = await db.$queryRaw<{ id: number; name: string; email: string }[]>`
    INSERT INTO "User" ("name", "email", "passwordHash", "role")
    SELECT 'Bench applicant ' || g, 'bench-' || ${runId} || '-' || g || '@example.test', ${PLACEHOLDER_HASH}, 'USER'
    FROM generate_series(1, ${count}::int) AS g
    RETURNING "id", "name", "email"`;
  return rows.map((row) => ({ ...row, role: "USER", managerId: null, artistId: null }));
}

/** `work` for every item, at most `limit` at a time, items taken in order. */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}
