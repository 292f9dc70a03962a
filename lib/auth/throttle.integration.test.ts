// Sign-in throttling on the real PostgreSQL (docs/domain.md §11): two OS processes sharing the
// database reach the per-account limit together exactly; a locked account refuses even the
// right password without checking it; unknown emails, addresses and registrations are counted
// the same way; ended windows are pruned.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pruneThrottleCounters, throttledRegistration, throttledSignIn, TooManyAttemptsError } from "@/lib/auth/throttle";
import { throttleRules } from "@/lib/auth/throttle-rules";
import { fixedClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { authenticate } from "@/lib/users/authenticate";
import { createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import type { SignInOutcome } from "@/tests/support/sign-in-attempts-script";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

const execFileAsync = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const script = path.join(root, "tests/support/sign-in-attempts-script.ts");

const MINUTE = 60_000;
const rules = throttleRules({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: 5, SIGNIN_MAX_FAILURES_PER_ADDRESS: 3, REGISTRATIONS_PER_ADDRESS_PER_HOUR: 2 });
const start = new Date("2026-12-01T10:00:00.000Z");
const clockAt = (minutes: number) => fixedClock(new Date(start.getTime() + minutes * MINUTE));

/** Sign-in attempts made by another OS process, as another web process would. */
async function attemptsFromAnotherProcess(request: { email: string; password: string; address: string; attempts: number }) {
  const { stdout } = await execFileAsync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, JSON.stringify(request)], {
    cwd: root,
    env: { ...process.env, SIGNIN_MAX_FAILURES_PER_ACCOUNT: "5" },
  });
  return JSON.parse(stdout) as SignInOutcome[];
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    return (await promise) ? "signed-in" : "invalid";
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return error.message;
    throw error;
  }
}

const failing = () => Promise.resolve(null);

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("throttledSignIn across processes", () => {
  it("refuses the sixth failure made by two processes together, then the right password too", async () => {
    const user = await createUser(prisma);
    const attempts = { email: user.email.toUpperCase(), password: "wrong-password", address: `203.0.113.${Math.floor(Math.random() * 200)}`, attempts: 3 };

    const [first, second] = await Promise.all([attemptsFromAnotherProcess(attempts), attemptsFromAnotherProcess(attempts)]);

    const all = [...first, ...second];
    expect(all.filter((result) => result === "invalid")).toHaveLength(5);
    expect(all.filter((result) => result === "too-many-attempts")).toHaveLength(1);

    // The right password, from this process and another address: refused, and never checked.
    const check = vi.fn(() => authenticate(user.email, "test-password"));
    await expect(throttledSignIn({ email: user.email, address: "198.51.100.1" }, check)).rejects.toThrow(/^Too many attempts\. Try again in (14|15) minutes\.$/);
    expect(check).not.toHaveBeenCalled();
    expect(await attemptsFromAnotherProcess({ ...attempts, password: "test-password", attempts: 1 })).toEqual(["too-many-attempts"]);
  });
});

describe("throttledSignIn", () => {
  it("locks an account for 15 minutes from the fifth failure, then lets the right password in", async () => {
    const user = await createUser(prisma);
    const signIn = (minutes: number, password: string) =>
      outcome(throttledSignIn({ email: user.email, address: "192.0.2.1" }, () => authenticate(user.email, password), { rules: { ...rules, signInAddress: { limit: 100, windowMs: 15 * MINUTE } }, clock: clockAt(minutes) }));

    for (const minute of [0, 1, 2, 3]) expect(await signIn(minute, "wrong-password")).toBe("invalid");
    expect(await signIn(10, "wrong-password")).toBe("invalid");
    expect(await signIn(11, "test-password")).toBe("Too many attempts. Try again in 14 minutes.");
    expect(await signIn(24.5, "test-password")).toBe("Too many attempts. Try again in 1 minute.");
    expect(await signIn(25, "test-password")).toBe("signed-in");
  });

  it("throttles an email without an account exactly like one with an account", async () => {
    const email = `nobody-${uniqueSuffix()}@example.test`;
    const options = { rules: { ...rules, signInAddress: { limit: 100, windowMs: 15 * MINUTE } }, clock: clockAt(0) };
    const results = [];
    for (let index = 0; index < 6; index += 1) results.push(await outcome(throttledSignIn({ email, address: "192.0.2.2" }, failing, options)));
    expect(results).toEqual([...Array(5).fill("invalid"), "Too many attempts. Try again in 15 minutes."]);
  });

  it("counts failures per client address across accounts, and other addresses go on", async () => {
    const options = { rules, clock: clockAt(0) };
    for (let index = 0; index < 3; index += 1) {
      expect(await outcome(throttledSignIn({ email: `guess-${index}@example.test`, address: "192.0.2.3" }, failing, options))).toBe("invalid");
    }
    const check = vi.fn(failing);
    expect(await outcome(throttledSignIn({ email: "guess-9@example.test", address: "192.0.2.3" }, check, options))).toBe("Too many attempts. Try again in 15 minutes.");
    expect(check).not.toHaveBeenCalled();
    expect(await outcome(throttledSignIn({ email: "guess-9@example.test", address: "192.0.2.4" }, failing, options))).toBe("invalid");
    // The refused attempt was counted nowhere: the account has one failure, not two.
    expect(await prisma.throttleCounter.findUnique({ where: { kind_key: { kind: "SIGN_IN_ACCOUNT", key: "guess-9@example.test" } } })).toMatchObject({ count: 1 });
  });

  it("gives a successful attempt back and does not count an attempt that failed to run", async () => {
    const options = { rules, clock: clockAt(0) };
    const who = { email: "someone@example.test", address: "192.0.2.5" };
    expect(await outcome(throttledSignIn(who, failing, options))).toBe("invalid");
    expect(await outcome(throttledSignIn(who, () => Promise.resolve({ id: 1 }), options))).toBe("signed-in");
    await expect(throttledSignIn(who, () => Promise.reject(new Error("database gone")), options)).rejects.toThrow("database gone");
    const counters = await prisma.throttleCounter.findMany({ orderBy: { kind: "asc" }, select: { kind: true, count: true } });
    expect(counters).toEqual([
      { kind: "SIGN_IN_ACCOUNT", count: 1 },
      { kind: "SIGN_IN_ADDRESS", count: 1 },
    ]);
  });
});

describe("throttledRegistration", () => {
  it("allows the configured number of registrations per address an hour, refusing before any work", async () => {
    const register = vi.fn(() => Promise.resolve("registered"));
    expect(await throttledRegistration("192.0.2.6", register, { rules, clock: clockAt(0) })).toBe("registered");
    expect(await throttledRegistration("192.0.2.6", register, { rules, clock: clockAt(30) })).toBe("registered");
    await expect(throttledRegistration("192.0.2.6", register, { rules, clock: clockAt(59) })).rejects.toThrow("Too many attempts. Try again in 1 minute.");
    expect(register).toHaveBeenCalledTimes(2);
    expect(await throttledRegistration("192.0.2.7", register, { rules, clock: clockAt(59) })).toBe("registered");
    expect(await throttledRegistration("192.0.2.6", register, { rules, clock: clockAt(60) })).toBe("registered");
  });
});

describe("pruneThrottleCounters", () => {
  it("removes counters whose every window has ended and keeps the rest", async () => {
    await prisma.throttleCounter.createMany({
      data: [
        { kind: "SIGN_IN_ACCOUNT", key: "old@example.test", windowStart: new Date(start.getTime() - 61 * MINUTE), count: 5 },
        { kind: "REGISTRATION_ADDRESS", key: "192.0.2.8", windowStart: new Date(start.getTime() - 59 * MINUTE), count: 10 },
      ],
    });
    expect(await pruneThrottleCounters(prisma, start)).toBe(1);
    expect(await prisma.throttleCounter.findMany({ select: { key: true } })).toEqual([{ key: "192.0.2.8" }]);
  });
});
