// Sign-in and registration throttling kept in PostgreSQL (docs/domain.md §11, decision 011):
// every web process counts in the same rows, each step taken under the row's lock, so the
// limits hold however many processes serve the app. The rules are lib/auth/throttle-rules.ts.
import "server-only";
import {
  admitAttempt,
  longestWindowMs,
  recordFailure,
  releaseAttempt,
  throttleRules,
  tooManyAttemptsMessage,
  type ThrottleCounter,
  type ThrottleRule,
  type ThrottleRules,
} from "@/lib/auth/throttle-rules";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db, type DbClient } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { ThrottleKind } from "@/lib/generated/prisma/enums";

/** Refused before any password was checked; the message says when to try again. */
export class TooManyAttemptsError extends DomainError {
  readonly retryAt: Date;
  constructor(retryAt: Date, now: Date) {
    super(tooManyAttemptsMessage(retryAt, now));
    this.name = "TooManyAttemptsError";
    this.retryAt = retryAt;
  }
}

export type ThrottleOptions = { db?: Db; rules?: ThrottleRules; clock?: Clock };

type Check = { kind: ThrottleKind; key: string; rule: ThrottleRule };
type Admitted = { check: Check; admittedIn: Date };

/**
 * Runs one sign-in attempt under the per-account and per-address limits. `attempt` checks the
 * password and answers null for wrong credentials; it is not called at all (no Argon2 hash)
 * when a limit refuses, which throws TooManyAttemptsError. The account is the lower-cased
 * email whether or not such an account exists, so probing unknown emails is throttled alike.
 * A success gives its attempt back but does not clear earlier failures (decision 011).
 */
export async function throttledSignIn<User>(
  who: { email: string; address: string },
  attempt: () => Promise<User | null>,
  { db = prisma, rules = configuredRules(), clock = systemClock }: ThrottleOptions = {},
): Promise<User | null> {
  const admitted = await admit(
    db,
    [
      { kind: "SIGN_IN_ACCOUNT", key: who.email.trim().toLowerCase(), rule: rules.signInAccount },
      { kind: "SIGN_IN_ADDRESS", key: who.address, rule: rules.signInAddress },
    ],
    clock,
  );
  let user: User | null;
  try {
    user = await attempt();
  } catch (error) {
    // Not an answer about the password (e.g. the database failed): the attempt is given back.
    await settle(db, admitted, (counter, { admittedIn }) => releaseAttempt(counter, admittedIn));
    throw error;
  }
  const now = clock.now();
  await settle(db, admitted, (counter, { check, admittedIn }) =>
    user === null ? recordFailure(counter, check.rule, admittedIn, now) : releaseAttempt(counter, admittedIn),
  );
  return user;
}

/** Runs one registration under the per-address limit; every attempt that gets this far counts. */
export async function throttledRegistration<Result>(
  address: string,
  register: () => Promise<Result>,
  { db = prisma, rules = configuredRules(), clock = systemClock }: ThrottleOptions = {},
): Promise<Result> {
  await admit(db, [{ kind: "REGISTRATION_ADDRESS", key: address, rule: rules.registrationAddress }], clock);
  return register();
}

/** Removes counters whose window ended (they count as none), in bounded batches; for the worker. */
export async function pruneThrottleCounters(db: Db, now: Date, batchSize = 5_000): Promise<number> {
  const before = new Date(now.getTime() - longestWindowMs);
  return db.$executeRaw`
    DELETE FROM "ThrottleCounter" WHERE ("kind", "key") IN (
      SELECT "kind", "key" FROM "ThrottleCounter" WHERE "windowStart" < ${before} LIMIT ${batchSize})`;
}

function configuredRules(): ThrottleRules {
  return throttleRules(env());
}

class Refused extends Error {
  constructor(readonly retryAt: Date) {
    super("refused");
  }
}

/** Counts an attempt under every check, all or none; throws TooManyAttemptsError when one refuses. */
async function admit(db: Db, checks: Check[], clock: Clock): Promise<Admitted[]> {
  const now = clock.now();
  try {
    return await db.$transaction(async (tx) => {
      const admitted: Admitted[] = [];
      const refusals: Date[] = [];
      for (const check of inLockOrder(checks)) {
        await tx.$executeRaw`
          INSERT INTO "ThrottleCounter" ("kind", "key", "windowStart", "count")
          VALUES (${check.kind}::"ThrottleKind", ${check.key}, ${now}, 0) ON CONFLICT DO NOTHING`;
        const admission = admitAttempt(await lockCounter(tx, check), check.rule, now);
        if (!admission.allowed) {
          refusals.push(admission.retryAt);
          continue;
        }
        await writeCounter(tx, check, admission.counter);
        admitted.push({ check, admittedIn: admission.counter.windowStart });
      }
      // Rolls back every count taken above: a refused attempt counts nowhere.
      if (refusals.length > 0) throw new Refused(new Date(Math.max(...refusals.map((retryAt) => retryAt.getTime()))));
      return admitted;
    });
  } catch (error) {
    if (error instanceof Refused) throw new TooManyAttemptsError(error.retryAt, now);
    throw error;
  }
}

/** Applies `step` to each admitted attempt's counter under its lock. */
async function settle(db: Db, admitted: Admitted[], step: (counter: ThrottleCounter | null, admission: Admitted) => ThrottleCounter | null) {
  await db.$transaction(async (tx) => {
    for (const admission of admitted) {
      const counter = await lockCounter(tx, admission.check);
      const next = step(counter, admission);
      if (next && next !== counter) await writeCounter(tx, admission.check, next);
      if (lockStarted(admission.check, counter, next)) await auditLockout(tx, admission, admitted, next);
    }
  });
}

/**
 * This failure locked the account: recordFailure answers a new counter at the limit only when
 * the limit is reached (the window restarts); a counter cannot pass the limit, and giving an
 * attempt back leaves it below.
 */
function lockStarted(check: Check, before: ThrottleCounter | null, after: ThrottleCounter | null): after is ThrottleCounter {
  return check.kind === "SIGN_IN_ACCOUNT" && after !== null && after !== before && after.count >= check.rule.limit;
}

/** Once, when the lock begins (docs/domain.md §10); the refused attempts during it are not logged. */
async function auditLockout(tx: DbClient, admission: Admitted, admitted: Admitted[], counter: ThrottleCounter) {
  const email = admission.check.key;
  const account = await tx.user.findUnique({ where: { email }, select: { id: true } });
  const address = admitted.find(({ check }) => check.kind === "SIGN_IN_ADDRESS")?.check.key ?? null;
  await recordAudit(tx, {
    actorId: null,
    action: "signin.lockout",
    targetType: "account",
    targetId: email.slice(0, 320),
    detail: { userId: account?.id ?? null, lockedUntil: new Date(counter.windowStart.getTime() + admission.check.rule.windowMs).toISOString() },
    clientAddress: address,
  });
}

// One order for every transaction that locks several counters, so two never deadlock.
function inLockOrder(checks: Check[]): Check[] {
  return [...checks].sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}

async function lockCounter(tx: DbClient, check: Check): Promise<ThrottleCounter | null> {
  const rows = await tx.$queryRaw<ThrottleCounter[]>`
    SELECT "windowStart", "count" FROM "ThrottleCounter"
    WHERE "kind" = ${check.kind}::"ThrottleKind" AND "key" = ${check.key} FOR UPDATE`;
  return rows[0] ?? null;
}

async function writeCounter(tx: DbClient, check: Check, counter: ThrottleCounter) {
  await tx.throttleCounter.update({
    where: { kind_key: { kind: check.kind, key: check.key } },
    data: { windowStart: counter.windowStart, count: counter.count },
  });
}
