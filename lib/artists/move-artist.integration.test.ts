// Moving an artist to another manager (docs/domain.md §10 "All requests") on the real PostgreSQL:
// the personal manager changes only if it is still the one the admin saw, and the artist's open
// publish requests go with them — each with its history entry — in one transaction with the
// notifications of both managers and the artist; closed requests and other artists' stay; a
// publish request submitted at the same moment lands with the artist's manager as it ends up.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ARTIST_NOT_FOUND, artistMoveView, moveArtist, type MoveArtistInput } from "@/lib/artists/move-artist";
import type { SessionUser } from "@/lib/auth/guards";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { listManagerQueue } from "@/lib/requests/queries";
import { ARTIST_CHANGED_MEANWHILE, MANAGER_UNAVAILABLE, SAME_MANAGER } from "@/lib/requests/reassignment-rule";
import { requestChanges } from "@/lib/requests/request-changes";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { changedTables, snapshotTables } from "@/tests/support/table-snapshot";

const REASON = "Noor knows this genre best";
const publicationDate = () => addUtcDays(startOfUtcDay(systemClock.now()), 20);

let admin: SessionUser;
let first: SessionUser;
let second: SessionUser;
let artist: SessionUser;

const actorOf = (person: SessionUser) => ({ userId: person.id, artistId: person.artistId! });

/** A publish request of `person` for a new release of theirs, graded On approval unless told `grade: false`. */
async function publishRequest(person: SessionUser, { grade = true } = {}) {
  const release = await createReleaseFixture(prisma, person.artistId!, { status: "UNPUBLISHED", tracks: [{ title: "One", genre: "pop" }] });
  const { id } = await submitPublishRequest(actorOf(person), { releaseId: release.id, expectedDate: publicationDate() });
  if (grade) await prisma.$transaction((tx) => gradePublishRequest(tx, id));
  return id;
}

const input = (to: SessionUser, seen: SessionUser, reason = REASON): MoveArtistInput => ({
  artistId: artist.artistId!,
  managerId: to.managerId!,
  currentManagerId: seen.managerId!,
  reason,
});

const managerOfArtist = async () => (await prisma.artist.findUniqueOrThrow({ where: { id: artist.artistId! } })).managerId;
const requestOf = (id: number) => prisma.request.findUniqueOrThrow({ where: { id } });
const lastMessage = async (userId: number) => (await prisma.notification.findFirst({ where: { userId }, orderBy: { id: "desc" } }))?.message;

async function expectRefusedWritingNothing(call: () => Promise<unknown>, expected: { type: new (...args: never[]) => Error; message?: string; field?: string }) {
  const before = await snapshotTables(prisma);
  const error = await call().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(expected.type);
  if (expected.message) expect((error as Error).message).toBe(expected.message);
  if (expected.field) expect((error as DomainError).field).toBe(expected.field);
  expect(changedTables(before, await snapshotTables(prisma))).toEqual([]);
}

beforeEach(async () => {
  await resetDatabase(prisma);
  admin = await createUser(prisma, "ADMIN", "Label Admin");
  first = await createManager(prisma, "Mia First");
  second = await createManager(prisma, "Noor Second");
  artist = await createArtist(prisma, first.managerId!, "Moving Artist");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("moving an artist to another manager", () => {
  it("changes their manager and takes their open publish requests along, each with a history entry; both managers and the artist are told", async () => {
    const waiting = await publishRequest(artist, { grade: false });
    const onApproval = await publishRequest(artist);
    const sentBack = await publishRequest(artist);
    await requestChanges(first, sentBack, "Another date, please");
    const declined = await publishRequest(artist);
    await declineRequest(first, declined, "Not this one");
    const someoneElse = await createArtist(prisma, first.managerId!);
    const theirs = await publishRequest(someoneElse);

    const moved = await moveArtist(admin, input(second, first));

    expect(moved).toEqual({ nickname: "Moving Artist", managerName: second.name, movedRequestIds: [waiting, onApproval, sentBack] });
    expect(await managerOfArtist()).toBe(second.managerId);
    for (const [id, status] of [
      [waiting, "NEW"],
      [onApproval, "ON_APPROVAL"],
      [sentBack, "CHANGES_REQUESTED"],
    ] as const) {
      expect(await requestOf(id)).toMatchObject({ managerId: second.managerId, status });
      const entry = await prisma.requestHistory.findFirstOrThrow({ where: { requestId: id }, orderBy: { id: "desc" } });
      expect(entry).toMatchObject({ fromStatus: status, toStatus: status, actorId: admin.id, reason: REASON, fromManagerId: first.managerId, toManagerId: second.managerId });
    }
    expect((await requestOf(declined)).managerId).toBe(first.managerId);
    expect((await requestOf(theirs)).managerId).toBe(first.managerId);

    expect(await lastMessage(first.id)).toBe(`The label moved Moving Artist to ${second.name}, with 3 open publish requests: ${REASON}`);
    expect(await lastMessage(second.id)).toBe(`The label moved Moving Artist to you from ${first.name}, with 3 open publish requests: ${REASON}`);
    expect(await lastMessage(artist.id)).toBe(`Your manager at the label is now ${second.name}.`);

    // The new manager works them; the former one has only the other artist's left.
    expect((await listManagerQueue(second)).requests.map((request) => request.id).sort()).toEqual([waiting, onApproval, sentBack].sort());
    expect((await listManagerQueue(first)).requests.map((request) => request.id)).toEqual([theirs]);
    await expect(acceptRequest(first, onApproval)).rejects.toBeInstanceOf(NotFoundError);
    await acceptRequest(second, onApproval);

    // What the artist submits from now on goes to the new manager.
    expect((await requestOf(await publishRequest(artist, { grade: false }))).managerId).toBe(second.managerId);
  });

  it("moves an artist with nothing open, and says so", async () => {
    await expect(moveArtist(admin, input(second, first))).resolves.toMatchObject({ movedRequestIds: [] });
    expect(await lastMessage(second.id)).toBe(`The label moved Moving Artist to you from ${first.name}: ${REASON}`);
  });

  it("is the admin's alone, in the move and on its page", async () => {
    await publishRequest(artist);
    for (const caller of [first, second, artist, await createUser(prisma)]) {
      await expectRefusedWritingNothing(() => moveArtist(caller, input(second, first)), { type: ForbiddenError });
      await expect(artistMoveView(caller, artist.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("shows the admin the artist, their manager, their open requests and the managers to choose from; any other account is not found", async () => {
    await publishRequest(artist);
    await expect(artistMoveView(admin, artist.id)).resolves.toMatchObject({
      nickname: "Moving Artist",
      manager: { managerId: first.managerId, name: first.name },
      openPublishRequests: 1,
      choices: [{ managerId: second.managerId, name: second.name }],
    });
    for (const account of [first, admin, await createUser(prisma)]) await expect(artistMoveView(admin, account.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses the manager they have, a disabled manager, one who is no longer a manager, and an artist that does not exist", async () => {
    await publishRequest(artist);
    await expectRefusedWritingNothing(() => moveArtist(admin, input(first, first)), { type: DomainError, message: SAME_MANAGER, field: "managerId" });
    await prisma.user.update({ where: { id: second.id }, data: { disabledAt: new Date() } });
    await expectRefusedWritingNothing(() => moveArtist(admin, input(second, first)), { type: DomainError, message: MANAGER_UNAVAILABLE, field: "managerId" });
    const demoted = await createManager(prisma);
    await prisma.user.update({ where: { id: demoted.id }, data: { role: "USER" } });
    await expectRefusedWritingNothing(() => moveArtist(admin, input(demoted, first)), { type: DomainError, message: MANAGER_UNAVAILABLE, field: "managerId" });
    await expectRefusedWritingNothing(() => moveArtist(admin, { ...input(first, first), artistId: 2_147_483_647 }), { type: NotFoundError, message: ARTIST_NOT_FOUND });
  });

  it("refuses when the artist is no longer with the manager the admin saw, and lets one of two moves at once win", async () => {
    const third = await createManager(prisma, "Otto Third");
    await expectRefusedWritingNothing(() => moveArtist(admin, input(third, second)), { type: ConflictError, message: ARTIST_CHANGED_MEANWHILE });

    const results = await Promise.allSettled([moveArtist(admin, input(second, first)), moveArtist(admin, input(third, first))]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((lost.reason as Error).message).toBe(ARTIST_CHANGED_MEANWHILE);
    expect(await managerOfArtist()).toBe(results[0]!.status === "fulfilled" ? second.managerId : third.managerId);
  });

  it("never leaves a publish request submitted during the move with the manager the artist left", async () => {
    for (let round = 0; round < 4; round += 1) {
      const [from, to] = round % 2 === 0 ? [first, second] : [second, first];
      const release = await createReleaseFixture(prisma, artist.artistId!, { status: "UNPUBLISHED", tracks: [{ title: `Race ${round}`, genre: "pop" }] });
      const [submitted, moved] = await Promise.allSettled([
        submitPublishRequest(actorOf(artist), { releaseId: release.id, expectedDate: publicationDate() }),
        moveArtist(admin, input(to, from)),
      ]);
      expect(submitted.status).toBe("fulfilled");
      expect(moved.status).toBe("fulfilled");
      expect((await requestOf((submitted as PromiseFulfilledResult<{ id: number }>).value.id)).managerId).toBe(to.managerId);
    }
  });

  it("writes nothing at all when a step fails after the artist's manager changed (one transaction)", async () => {
    await publishRequest(artist);
    // A reason longer than the history column holds (the form's schema keeps it out): the
    // requests' history entries fail after the artist's and the requests' updates.
    await expectRefusedWritingNothing(() => moveArtist(admin, input(second, first, "x".repeat(2001))), { type: Error });
    expect(await managerOfArtist()).toBe(first.managerId);
  });
});
