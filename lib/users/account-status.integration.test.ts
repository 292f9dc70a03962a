// Disabling and enabling accounts on the real PostgreSQL (docs/domain.md §10): sessions end at
// once, sign-in is refused, a disabled manager gets no new work, and the admin's actions.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { fixedClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assignSignRequest } from "@/lib/requests/sign/assign-sign-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { setAccountDisabled } from "@/lib/users/account-status";
import { OWN_ACCOUNT_REFUSAL } from "@/lib/users/account-status-rule";
import { authenticate } from "@/lib/users/authenticate";
import { actAs, answerOf, authedAs, nextCacheStub } from "@/tests/support/act-as";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { disableAccountAction, enableAccountAction } from "@/app/(app)/admin/actions";

vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: authedAs }));
vi.mock("next/cache", () => nextCacheStub);

// Every account of tests/support/create-accounts.ts has this password.
const PASSWORD = "test-password";

const disabledAtOf = async (userId: number) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).disabledAt;

const assignmentEvents = () => prisma.outboxEvent.count({ where: { name: "sign-request.assignment-due" } });

function rowForm(userId: number, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("userId", String(userId));
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return form;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("setAccountDisabled", () => {
  it("disables an account: its sessions end at once and sign-in says it is disabled", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const user = await createUser(prisma);
    const sessions = [await startSession(user.id), await startSession(user.id)];
    expect(await findSessionUser(sessions[0]!, user.id)).toMatchObject({ id: user.id });

    expect(await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id })).toEqual({ userId: user.id, name: user.name, disabled: true });

    for (const session of sessions) expect(await findSessionUser(session, user.id)).toBeNull();
    expect(await prisma.userSession.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    expect(await authenticate(user.email, PASSWORD)).toMatchObject({ id: user.id, disabled: true });
    // The wrong password learns nothing about the account, disabled or not.
    expect(await authenticate(user.email, "not-the-password")).toBeNull();
  });

  it("enables it again: sign-in works and a new session counts", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const user = await createUser(prisma);
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id });

    expect(await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id })).toMatchObject({ disabled: false });

    expect(await disabledAtOf(user.id)).toBeNull();
    expect(await authenticate(user.email, PASSWORD)).toMatchObject({ id: user.id, disabled: false });
    const session = await startSession(user.id);
    expect(await findSessionUser(session, user.id)).toMatchObject({ id: user.id });
  });

  it("changes nothing when repeated", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const user = await createUser(prisma);
    const first = new Date("2026-03-01T10:00:00Z");
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id }, fixedClock(first));
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id }, fixedClock(new Date("2026-03-02T10:00:00Z")));
    expect(await disabledAtOf(user.id)).toEqual(first);

    await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id });
    await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id });
    expect(await disabledAtOf(user.id)).toBeNull();
  });

  it("refuses the admin's own account, which stays signed in", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const session = await startSession(admin.id);

    const attempt = setAccountDisabled({ userId: admin.id, disabled: true, actorId: admin.id });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ message: OWN_ACCOUNT_REFUSAL });

    expect(await disabledAtOf(admin.id)).toBeNull();
    expect(await findSessionUser(session, admin.id)).toMatchObject({ id: admin.id });
  });

  it("answers an unknown account with not found", async () => {
    const admin = await createUser(prisma, "ADMIN");
    await expect(setAccountDisabled({ userId: admin.id + 1000, disabled: true, actorId: admin.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAccountDisabled({ userId: admin.id + 1000, disabled: false, actorId: admin.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a disabled manager gets no new work", () => {
  async function submitted() {
    const applicant = await createUser(prisma);
    return submitSignRequest(applicant, { nickname: `Applicant ${uniqueSuffix()}`, message: null });
  }

  const assign = (requestId: number) => prisma.$transaction((tx) => assignSignRequest(tx, requestId, 0));

  it("is never chosen for a new sign request, however light their queue", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const busy = await createManager(prisma, "Busy Manager");
    const idle = await createManager(prisma, "Idle Manager");
    await prisma.request.create({
      data: { type: "SIGN_CONTRACT", status: "ON_APPROVAL", applicantId: (await createUser(prisma)).id, managerId: busy.managerId, nickname: `Queued ${uniqueSuffix()}` },
    });
    await setAccountDisabled({ userId: idle.id, disabled: true, actorId: admin.id });

    for (let i = 0; i < 2; i += 1) {
      const request = await submitted();
      expect(await assign(request.id)).toBe("assigned");
      expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).managerId).toBe(busy.managerId);
    }
    expect(await prisma.notification.count({ where: { userId: idle.id } })).toBe(0);
  });

  it("leaves a request waiting, as with no manager at all, while every manager is disabled", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const only = await createManager(prisma);
    await setAccountDisabled({ userId: only.id, disabled: true, actorId: admin.id });
    const request = await submitted();

    expect(await assign(request.id)).toBe("no-manager");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "NEW", managerId: null });
    expect(await prisma.outboxEvent.count({ where: { name: "sign-request.assignment-due", payload: { path: ["attempt"], equals: 1 } } })).toBe(1);
  });

  it("gives waiting sign requests another chance when a manager is enabled again, and only then", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const manager = await createManager(prisma);
    const user = await createUser(prisma);
    await setAccountDisabled({ userId: manager.id, disabled: true, actorId: admin.id });
    await setAccountDisabled({ userId: user.id, disabled: true, actorId: admin.id });
    const request = await submitted();
    const before = await assignmentEvents();

    await setAccountDisabled({ userId: user.id, disabled: false, actorId: admin.id });
    expect(await assignmentEvents()).toBe(before);

    await setAccountDisabled({ userId: manager.id, disabled: false, actorId: admin.id });
    expect(await assignmentEvents()).toBe(before + 1);
    // Enabling again changes nothing, so nothing is tried again.
    await setAccountDisabled({ userId: manager.id, disabled: false, actorId: admin.id });
    expect(await assignmentEvents()).toBe(before + 1);

    expect(await assign(request.id)).toBe("assigned");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).managerId).toBe(manager.managerId);
  });
});

describe("the admin's Disable and Enable actions", () => {
  it("return to the users list as it was, naming whom they changed", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const user = await createUser(prisma);
    await actAs(admin);

    expect(await answerOf(() => disableAccountAction({}, rowForm(user.id, { page: "2", q: "ada" })))).toEqual({
      kind: "redirect",
      to: `/admin/users?q=ada&page=2&disabled=${user.id}`,
    });
    expect(await disabledAtOf(user.id)).not.toBeNull();
    expect(await answerOf(() => enableAccountAction({}, rowForm(user.id)))).toEqual({ kind: "redirect", to: `/admin/users?enabled=${user.id}` });
    expect(await disabledAtOf(user.id)).toBeNull();
  });

  it("answer the admin's own account, a bad id and anyone but the admin with a message", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const manager = await createManager(prisma);
    const user = await createUser(prisma);

    await actAs(admin);
    expect(await answerOf(() => disableAccountAction({}, rowForm(admin.id)))).toMatchObject({ kind: "state", state: { formError: OWN_ACCOUNT_REFUSAL } });
    expect(await answerOf(() => disableAccountAction({}, rowForm(0)))).toMatchObject({ kind: "state", state: { formError: "Choose an account to disable" } });

    await actAs(manager);
    expect(await answerOf(() => disableAccountAction({}, rowForm(user.id)))).toMatchObject({ kind: "state", state: { formError: "You are not allowed to do this" } });
    expect(await disabledAtOf(user.id)).toBeNull();
  });

  it("send a disabled admin's next call to the login page, changing nothing", async () => {
    const admin = await createUser(prisma, "ADMIN");
    const otherAdmin = await createUser(prisma, "ADMIN");
    const user = await createUser(prisma);
    await actAs(admin);
    await setAccountDisabled({ userId: admin.id, disabled: true, actorId: otherAdmin.id });

    expect(await answerOf(() => disableAccountAction({}, rowForm(user.id)))).toEqual({ kind: "redirect", to: "/login" });
    expect(await disabledAtOf(user.id)).toBeNull();
  });
});
