// Releases on the real PostgreSQL: creating with performers, editing and deleting only while
// allowed, and never touching another artist's release.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUtcDays, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { createRelease } from "@/lib/releases/create-release";
import { deleteRelease } from "@/lib/releases/delete-release";
import { getRelease, toReleaseFormValues } from "@/lib/releases/get-release";
import { listPublishableReleases } from "@/lib/releases/list-publishable-releases";
import { listReleases } from "@/lib/releases/list-releases";
import type { ArtistActor } from "@/lib/auth/guards";
import { releaseInputSchema, type ReleaseInput } from "@/lib/releases/schemas";
import { updateRelease } from "@/lib/releases/update-release";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

const today = startOfUtcDay(new Date());

async function setUpArtist(nickname?: string) {
  const manager = await createManager(prisma);
  const artist = await createArtist(prisma, manager.managerId!, nickname);
  return { manager, artist, actor: { userId: artist.id, artistId: artist.artistId! } satisfies ArtistActor };
}

function input(overrides: Partial<ReleaseInput> = {}): ReleaseInput {
  return {
    title: "Night Drive",
    releaseDate: today,
    tracks: [
      { title: "Intro", durationSeconds: 60, genre: "Synthwave", type: "intro", artists: [] },
      { title: "Highway", durationSeconds: 240, genre: "Synthwave", type: "song", artists: [] },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("releases", () => {
  it("creates a release with ordered tracks; the owner always performs, others are found by nickname in any case", async () => {
    const guestNickname = `Guest-${uniqueSuffix()}`;
    const guest = await setUpArtist(guestNickname);
    const { actor } = await setUpArtist();
    const parsed = releaseInputSchema.parse({
      title: "  Night Drive ",
      releaseDate: "2026-05-01",
      tracks: [
        { title: "Intro", durationSeconds: "60", genre: "Synthwave", type: "intro", artists: "" },
        { title: "Duet", durationSeconds: "200", genre: "Synthwave", type: "song", artists: ` ${guestNickname.toUpperCase()}, ${guestNickname} ` },
      ],
    });
    const { id } = await createRelease(actor, parsed);

    const release = await getRelease(actor.artistId, id);
    expect(release).toMatchObject({ title: "Night Drive", status: "UNPUBLISHED" });
    expect(release?.tracks.map((track) => [track.position, track.title, track.otherArtists])).toEqual([
      [1, "Intro", []],
      [2, "Duet", [guestNickname]],
    ]);
    const performers = await prisma.trackArtist.findMany({ where: { track: { releaseId: id } } });
    expect(performers.filter((row) => row.artistId === actor.artistId)).toHaveLength(2);
    expect(performers.filter((row) => row.artistId === guest.actor.artistId)).toHaveLength(1);
    expect(toReleaseFormValues(release!).tracks[1]).toEqual({ title: "Duet", durationSeconds: "200", genre: "Synthwave", type: "song", artists: guestNickname });
  });

  it("refuses an unknown performer on that track's field and creates nothing", async () => {
    const { actor } = await setUpArtist();
    const tracks = [input().tracks[0]!, { ...input().tracks[1]!, artists: ["nobody-by-this-name"] }];
    const error = await createRelease(actor, input({ tracks })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe("tracks.1.artists");
    expect(await prisma.release.count({ where: { artistId: actor.artistId } })).toBe(0);
  });

  it("edits a release: new title, tracks replaced in the new order", async () => {
    const { actor } = await setUpArtist();
    const { id } = await createRelease(actor, input());
    await updateRelease(actor, id, input({ title: "Night Drive (Deluxe)", tracks: [{ title: "Outro", durationSeconds: 90, genre: "Ambient", type: "outro", artists: [] }] }));
    const release = await getRelease(actor.artistId, id);
    expect(release?.title).toBe("Night Drive (Deluxe)");
    expect(release?.tracks.map((track) => [track.position, track.title])).toEqual([[1, "Outro"]]);
  });

  it("hides another artist's release from every read and refuses every change to it", async () => {
    const owner = await setUpArtist();
    const intruder = await setUpArtist();
    const { id } = await createRelease(owner.actor, input());
    expect(await getRelease(intruder.actor.artistId, id)).toBeNull();
    expect((await listReleases(intruder.actor.artistId)).map((release) => release.id)).not.toContain(id);
    await expect(updateRelease(intruder.actor, id, input({ title: "Hijacked" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRelease(intruder.actor, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.release.findUniqueOrThrow({ where: { id } })).title).toBe("Night Drive");
  });

  it("refuses edits and deletion while a publish request is open, and deletion once a request existed", async () => {
    const { actor, artist } = await setUpArtist();
    const { id } = await createRelease(actor, input());
    expect((await listPublishableReleases(actor.artistId)).map((release) => release.id)).toContain(id);
    const request = await submitPublishRequest(actor, { releaseId: id, expectedDate: addUtcDays(today, 30) });

    expect((await listPublishableReleases(actor.artistId)).map((release) => release.id)).not.toContain(id);
    expect((await listReleases(actor.artistId)).find((release) => release.id === id)?.openRequest).toMatchObject({ id: request.id, status: "NEW" });
    await expect(updateRelease(actor, id, input({ title: "Changed" }))).rejects.toThrow(/open publish request/);
    await expect(deleteRelease(actor, id)).rejects.toBeInstanceOf(ConflictError);

    await withdrawRequest(artist, request.id);
    await updateRelease(actor, id, input({ title: "Changed" }));
    await expect(deleteRelease(actor, id)).rejects.toThrow(/publish request history/);
  });

  it("refuses changes to a scheduled release", async () => {
    const { actor, manager } = await setUpArtist();
    const { id } = await createRelease(actor, input());
    await prisma.release.update({ where: { id }, data: { status: "SCHEDULED" } });
    await prisma.publication.create({ data: { releaseId: id, scheduledDate: addUtcDays(today, 20), managerId: manager.managerId! } });
    await expect(updateRelease(actor, id, input({ title: "Changed" }))).rejects.toThrow(/scheduled/);
    await expect(deleteRelease(actor, id)).rejects.toThrow(/scheduled/);
    const listed = (await listReleases(actor.artistId)).find((release) => release.id === id);
    expect(listed?.scheduledDate?.toISOString()).toBe(addUtcDays(today, 20).toISOString());
  });

  it("deletes an unpublished release that never had a request, with its tracks", async () => {
    const { actor } = await setUpArtist();
    const { id } = await createRelease(actor, input());
    await deleteRelease(actor, id);
    expect(await prisma.release.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.track.count({ where: { releaseId: id } })).toBe(0);
  });
});
