// The people and objects of the authorization matrix (access-table.ts), made through the domain
// in the database of DATABASE_URL: in-process by actions.integration.test.ts, and by
// e2e/fixtures/access-world-script.ts for e2e/authorization.spec.ts.
import type { SessionUser } from "@/lib/auth/guards";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { publishRequestGradingDue } from "@/lib/events/definitions";
import { eventTopicName } from "@/lib/events/define-event";
import { notify } from "@/lib/notifications/notify";
import { createRelease } from "@/lib/releases/create-release";
import { requestExpiresAt, scheduleDeadline } from "@/lib/requests/deadline";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { transitionRequest } from "@/lib/requests/transition-request";
import { setAccountDisabled } from "@/lib/users/account-status";
import { createArtist, createManager, createUser, TEST_PASSWORD } from "@/tests/support/create-accounts";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import type { TestRole } from "./access-table";

export type SignedInRole = Exclude<TestRole, "guest">;

/** Everyone of the table but the guest; all with the password `password`. */
export type AccessWorld = { accounts: Record<SignedInRole, SessionUser>; password: string };

/** The people of access-table.ts `roleDescriptions`; the disabled one is still enabled (see `disable`). */
export async function createAccessWorld(): Promise<AccessWorld> {
  const manager = await createManager(prisma, "Matrix manager");
  const otherManager = await createManager(prisma, "Matrix other manager");
  const artist = await createArtist(prisma, manager.managerId!, `matrix-artist-${uniqueSuffix()}`);
  return {
    accounts: {
      user: await createUser(prisma, "USER", "Matrix user"),
      artist,
      manager,
      otherManager,
      admin: await createUser(prisma, "ADMIN", "Matrix admin"),
      disabled: await createArtist(prisma, manager.managerId!, `matrix-disabled-${uniqueSuffix()}`),
    },
    password: TEST_PASSWORD,
  };
}

/** The admin disables the disabled role's account: it cannot sign in, and its sessions end (docs/domain.md §10). */
export async function disableAccount(world: AccessWorld): Promise<void> {
  await setAccountDisabled({ userId: world.accounts.disabled.id, disabled: true, actorId: world.accounts.admin.id });
}

const artistActor = (world: AccessWorld) => ({ userId: world.accounts.artist.id, artistId: world.accounts.artist.artistId! });

/** "release": the artist's unpublished release with one track. */
export async function createArtistRelease(world: AccessWorld, title = "Matrix release"): Promise<{ id: number }> {
  return createRelease(artistActor(world), {
    title,
    releaseDate: startOfUtcDay(systemClock.now()),
    tracks: [{ title: "Matrix track", durationSeconds: 180, genre: "Jazz", type: "song", artists: [] }],
  });
}

/** A publication date the rule of docs/domain.md §3.2 accepts today, well within a new contract. */
export function allowedPublicationDate(): Date {
  return addUtcDays(startOfUtcDay(systemClock.now()), 14);
}

/**
 * "signRequest": written as the user submits it and the worker assigns it to the manager, in
 * one transaction and without the events a running worker would act on (the e2e worker would
 * otherwise assign it to whichever manager is least loaded).
 */
export async function createSignRequest(world: AccessWorld): Promise<{ id: number }> {
  const { user, manager } = world.accounts;
  return prisma.$transaction(async (tx) => {
    const request = await tx.request.create({
      data: { type: "SIGN_CONTRACT", applicantId: user.id, nickname: `Matrix ${uniqueSuffix()}` },
      select: { id: true },
    });
    await tx.requestHistory.create({ data: { requestId: request.id, fromStatus: null, toStatus: "NEW", actorId: user.id, reason: "Request submitted" } });
    await transitionRequest(tx, { requestId: request.id, action: "assign", actor: "system", data: { managerId: manager.managerId! } });
    return request;
  });
}

/**
 * "publishRequest": submitted by the artist for a release of theirs (other than "release"), so
 * the artist's manager holds it. `grade`: graded at once to On approval (in-process, where no
 * worker runs; the e2e worker grades it by itself).
 */
export async function createPublishRequest(world: AccessWorld, { grade }: { grade: boolean }): Promise<{ id: number; releaseId: number }> {
  const release = await createArtistRelease(world, "Matrix release up for publication");
  const { id } = await submitPublishRequest(artistActor(world), { releaseId: release.id, expectedDate: allowedPublicationDate() });
  if (grade) await prisma.$transaction((tx) => gradePublishRequest(tx, id));
  return { id, releaseId: release.id };
}

/** "signRequestAwaitingChanges": the user's sign request, sent back to them by the manager (docs/domain.md §9). */
export async function createSignRequestAwaitingChanges(world: AccessWorld): Promise<{ id: number }> {
  const request = await createSignRequest(world);
  await requestChanges(world.accounts.manager, request.id, "Matrix: please choose another nickname");
  return request;
}

/**
 * "publishRequestAwaitingChanges": the artist's publish request for a release of theirs, graded
 * and sent back by the manager; written as submitted but without its grading event, so that a
 * running e2e worker leaves it as it is.
 */
export async function createPublishRequestAwaitingChanges(world: AccessWorld): Promise<{ id: number; releaseId: number }> {
  const { artist, manager } = world.accounts;
  const release = await createArtistRelease(world, "Matrix release sent back");
  const id = await prisma.$transaction(async (tx) => {
    const request = await tx.request.create({
      data: { type: "PUBLISH_RELEASE", applicantId: artist.id, managerId: manager.managerId!, releaseId: release.id, expectedDate: allowedPublicationDate() },
    });
    await tx.requestHistory.create({ data: { requestId: request.id, fromStatus: null, toStatus: "NEW", actorId: artist.id, reason: "Submitted" } });
    await scheduleDeadline(tx, { requestId: request.id, expiresAt: requestExpiresAt(request) });
    await gradePublishRequest(tx, request.id);
    return request.id;
  });
  await requestChanges(manager, id, "Matrix: please choose another date");
  return { id, releaseId: release.id };
}

/** "ownNotification" and "usersNotification": one unread notification for each account. */
export async function notifyEveryone(world: AccessWorld): Promise<Record<SignedInRole, number>> {
  const ids: Partial<Record<SignedInRole, number>> = {};
  for (const [role, account] of Object.entries(world.accounts) as [SignedInRole, SessionUser][]) {
    await notify(prisma, { userId: account.id, message: `A notification for the ${role}` });
    ids[role] = (await prisma.notification.findFirstOrThrow({ where: { userId: account.id }, orderBy: { id: "desc" }, select: { id: true } })).id;
  }
  return ids as Record<SignedInRole, number>;
}

/**
 * "failedEvent": the grading event of a new publish request of the artist, as the worker records
 * it when it parks the event (docs/domain.md §10 "Failed events"), waiting for a retry.
 */
export async function createFailedEvent(world: AccessWorld): Promise<{ id: number }> {
  const request = await createPublishRequest(world, { grade: false });
  const eventId = globalThis.crypto.randomUUID();
  const payload = { requestId: request.id };
  const { id } = await prisma.failedEvent.create({
    data: {
      consumer: "matrix-worker",
      eventId,
      eventName: publishRequestGradingDue.name,
      topic: eventTopicName(publishRequestGradingDue),
      key: publishRequestGradingDue.keyOf(payload),
      envelope: { eventId, name: publishRequestGradingDue.name, version: publishRequestGradingDue.version, occurredAt: new Date().toISOString(), payload },
      requestId: request.id,
      reason: "Matrix failure",
      attempts: 5,
    },
  });
  return { id };
}
