// The audit log on the real PostgreSQL (docs/domain.md §10): each recorded action writes its one
// entry in its own transaction (an action refused or lost to a race writes none), the table
// refuses UPDATE and DELETE, and the admin's page filters by who, what and when.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { moveArtist } from "@/lib/artists/move-artist";
import { throttledSignIn } from "@/lib/auth/throttle";
import { throttleRules } from "@/lib/auth/throttle-rules";
import type { SessionUser } from "@/lib/auth/guards";
import { addUtcDays, fixedClock, startOfUtcDay, toIsoDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import { reassignRequest } from "@/lib/requests/reassign-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { transitionRequest } from "@/lib/requests/transition-request";
import { setAccountDisabled } from "@/lib/users/account-status";
import { appointManager } from "@/lib/users/appoint-manager";
import { authenticate } from "@/lib/users/authenticate";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

const REASON = "Mia is on leave until spring";

let admin: SessionUser;
let manager: SessionUser;
let other: SessionUser;

const entries = () =>
  prisma.auditEntry.findMany({ orderBy: { id: "asc" }, select: { actorId: true, action: true, targetType: true, targetId: true, detail: true, clientAddress: true } });

/** A sign request On approval with `owner`, as the worker leaves it. */
async function signRequestWith(owner: SessionUser) {
  const applicant = await createUser(prisma);
  const { id } = await submitSignRequest(applicant, { nickname: `Audited ${uniqueSuffix()}`, message: null });
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: owner.managerId! } }));
  return id;
}

beforeEach(async () => {
  await resetDatabase(prisma);
  admin = await createUser(prisma, "ADMIN", "Label Admin");
  manager = await createManager(prisma, "Mia First");
  other = await createManager(prisma, "Noor Second");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("recording", () => {
  it("an accept writes one entry with it; the worker's assignment and a stale second click write none", async () => {
    const requestId = await signRequestWith(manager);
    expect(await entries()).toEqual([]);

    await acceptRequest(manager, requestId);
    await expect(acceptRequest(manager, requestId)).rejects.toBeInstanceOf(ConflictError);

    expect(await entries()).toEqual([
      {
        actorId: manager.id,
        action: "request.accept",
        targetType: "request",
        targetId: String(requestId),
        detail: { type: "SIGN_CONTRACT", from: "ON_APPROVAL", to: "CLOSED", reason: "Accepted by the manager" },
        clientAddress: null,
      },
    ]);
  });

  it("an accept that rolls back takes its entry with it", async () => {
    const requestId = await signRequestWith(manager);
    await expect(
      prisma.$transaction(async (tx) => {
        await transitionRequest(tx, { requestId, action: "accept", actor: manager });
        throw new Error("a later step failed");
      }),
    ).rejects.toThrow("a later step failed");
    expect(await entries()).toEqual([]);
  });

  it("disable, enable and appointing a manager write theirs, naming the admin", async () => {
    const user = await createUser(prisma);
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id });
    await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id });
    await appointManager({ userId: user.id, actorId: admin.id });

    expect(await entries()).toEqual([
      { actorId: admin.id, action: "user.disable", targetType: "user", targetId: String(user.id), detail: {}, clientAddress: null },
      { actorId: admin.id, action: "user.enable", targetType: "user", targetId: String(user.id), detail: {}, clientAddress: null },
      { actorId: admin.id, action: "user.role-change", targetType: "user", targetId: String(user.id), detail: { from: "USER", to: "MANAGER" }, clientAddress: null },
    ]);
  });

  it("a reassignment and moving an artist write theirs; a reassignment lost to a race writes none", async () => {
    const requestId = await signRequestWith(manager);
    const input = { requestId, managerId: other.managerId!, currentManagerId: manager.managerId!, reason: REASON };
    await reassignRequest(admin, input);
    await expect(reassignRequest(admin, input)).rejects.toBeInstanceOf(ConflictError);

    const artist = await createArtist(prisma, manager.managerId!);
    await moveArtist(admin, { artistId: artist.artistId!, managerId: other.managerId!, currentManagerId: manager.managerId!, reason: REASON });

    expect(await entries()).toEqual([
      {
        actorId: admin.id,
        action: "request.reassign",
        targetType: "request",
        targetId: String(requestId),
        detail: { fromManagerId: manager.managerId, toManagerId: other.managerId, reason: REASON },
        clientAddress: null,
      },
      {
        actorId: admin.id,
        action: "artist.move",
        targetType: "artist",
        targetId: String(artist.artistId),
        detail: { fromManagerId: manager.managerId, toManagerId: other.managerId, movedRequestIds: [], reason: REASON },
        clientAddress: null,
      },
    ]);
  });

  it("a sign-in lockout writes one entry when the lock begins, not for the attempts it refuses", async () => {
    const user = await createUser(prisma);
    const rules = throttleRules({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: 3, SIGNIN_MAX_FAILURES_PER_ADDRESS: 100, REGISTRATIONS_PER_ADDRESS_PER_HOUR: 100 });
    const clock = fixedClock(new Date("2026-11-20T10:00:00.000Z"));
    const attempt = () => throttledSignIn({ email: user.email, address: "192.0.2.7" }, () => authenticate(user.email, "wrong-password"), { rules, clock }).catch(() => "refused");
    for (let index = 0; index < 5; index += 1) await attempt();

    expect(await entries()).toEqual([
      {
        actorId: null,
        action: "signin.lockout",
        targetType: "account",
        targetId: user.email,
        detail: { userId: user.id, lockedUntil: "2026-11-20T10:15:00.000Z" },
        clientAddress: "192.0.2.7",
      },
    ]);
  });
});

describe("append-only", () => {
  it("the database refuses UPDATE and DELETE of an entry", async () => {
    const user = await createUser(prisma);
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id });
    await expect(prisma.$executeRaw`UPDATE "AuditEntry" SET "action" = 'user.enable'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEntry"`).rejects.toThrow(/append-only/);
    expect(await entries()).toMatchObject([{ action: "user.disable" }]);
  });
});

describe("listAuditEntries", () => {
  it("filters by who (literally), what and when, newest first", async () => {
    const user = await createUser(prisma);
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id });
    await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id });
    await acceptRequest(manager, await signRequestWith(manager));
    const today = toIsoDay(startOfUtcDay(new Date()));
    const list = async (params: Record<string, string>) => (await listAuditEntries(parseAuditFilters(params))).entries.map((entry) => entry.action);

    expect(await list({})).toEqual(["request.accept", "user.enable", "user.disable"]);
    expect(await list({ who: "label adm" })).toEqual(["user.enable", "user.disable"]);
    expect(await list({ who: admin.email.toUpperCase() })).toEqual(["user.enable", "user.disable"]);
    expect(await list({ who: "%" })).toEqual([]);
    expect(await list({ action: "user.disable" })).toEqual(["user.disable"]);
    expect(await list({ action: "no-such-action" })).toHaveLength(3);
    expect(await list({ from: today, to: today })).toHaveLength(3);
    expect(await list({ from: toIsoDay(addUtcDays(startOfUtcDay(new Date()), 1)) })).toEqual([]);
    expect(await list({ to: toIsoDay(addUtcDays(startOfUtcDay(new Date()), -1)) })).toEqual([]);
  });
});
