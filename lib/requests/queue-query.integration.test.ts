// The queue's SQL (lib/requests/queue-sql.ts, decision 019) shows exactly what the queue showed
// when it was a Prisma `where`: for every filter, search field, sort and page, the manager's
// queue and the admin's list return the same requests in the same order as that reference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { Clock } from "@/lib/clock";
import { literalLikeText } from "@/lib/like-pattern";
import { expiringSoonUntil } from "@/lib/requests/deadline-rules";
import { openRequestWhere } from "@/lib/requests/open-request";
import { listAllRequests, listManagerQueue, listSelect, type AllRequestsFilters } from "@/lib/requests/queries";
import { queueCountSql, queueWhereSql } from "@/lib/requests/queue-sql";
import type { ManagerFilter, QueueSort, QueueStatusFilter } from "@/lib/requests/queue-filters";
import type { SessionUser } from "@/lib/auth/guards";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

const NOW = new Date("2026-06-01T12:00:00Z");
const clock: Clock = { now: () => NOW };
const DAY = 24 * 60 * 60 * 1000;

/** The queue's filters as the Prisma `where` and `orderBy` they were before decision 019. */
function referenceWhere(scope: Prisma.RequestWhereInput, status: QueueStatusFilter, type: RequestType | "all", searchText: string): Prisma.RequestWhereInput {
  const search = searchText.trim() ? literalLikeText(searchText.trim()) : undefined;
  const statusWhere: Prisma.RequestWhereInput =
    status === "open" ? openRequestWhere : status === "expiring" ? { ...openRequestWhere, expiresAt: { lte: expiringSoonUntil(NOW) } } : status === "all" ? {} : { status };
  return {
    ...scope,
    ...statusWhere,
    ...(type !== "all" ? { type } : {}),
    ...(search
      ? {
          OR: [
            { applicant: { name: { contains: search, mode: "insensitive" } } },
            { applicant: { email: { contains: search, mode: "insensitive" } } },
            { nickname: { contains: search, mode: "insensitive" } },
            { release: { artist: { nickname: { contains: search, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
}

const referenceOrder: Record<QueueSort, Prisma.RequestOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  "grade-best": [{ grade: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
  "grade-worst": [{ grade: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  "expiring-first": [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
};

async function referenceIds(scope: Prisma.RequestWhereInput, filters: Required<Omit<AllRequestsFilters, "manager" | "page">>) {
  return (
    await prisma.request.findMany({
      where: referenceWhere(scope, filters.status, filters.type, filters.search),
      orderBy: referenceOrder[filters.sort],
      select: { id: true },
    })
  ).map((row) => row.id);
}

let first: SessionUser;
let second: SessionUser;
const admin: SessionUser = { id: 0, name: "Admin", email: "admin@example.test", role: "ADMIN", managerId: null, artistId: null };

beforeAll(async () => {
  await resetDatabase(prisma);
  first = await createManager(prisma, "First Manager");
  second = await createManager(prisma, "Second Manager");
  const managers = [first.managerId as number, second.managerId as number];
  const artists = await Promise.all(["Velvet Percent", "Quiet_Harbor", "Lunar Fox"].map((nickname, index) => createArtist(prisma, managers[index % 2] as number, nickname)));
  const releases = [];
  for (const [index, artist] of artists.entries()) {
    for (const title of ["A", "B"]) {
      releases.push(
        await prisma.release.create({ data: { artistId: artist.artistId as number, title: `${title}${index}`, releaseDate: new Date("2026-09-01T00:00:00Z") } }),
      );
    }
  }
  const people = await Promise.all(
    ["Ada Okafor", "Ben Moss", "Cleo OKAFOR", "Dmitri 100% Real", "Echo Harbor", "Farah Silva", "Gus Tanaka", "Hana Byrne"].map((name) => createUser(prisma, "USER", name)),
  );
  // Sign requests: every status, each with its own second of creation and, when open, a deadline.
  const statuses: RequestStatus[] = ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED", "CLOSED"];
  let second_ = 0;
  for (const [index, person] of people.entries()) {
    for (let round = 0; round < 3; round += 1) {
      // One open sign request per person at most: the first round's status, the others closed.
      const status = round === 0 ? (statuses[index % statuses.length] as RequestStatus) : "CLOSED";
      second_ += 1;
      await prisma.request.create({
        data: {
          type: "SIGN_CONTRACT",
          status,
          resolution: status === "CLOSED" ? "DECLINED" : null,
          applicantId: person.id,
          managerId: status === "NEW" && index % 2 === 0 ? null : managers[(index + round) % 2],
          nickname: `${["Neon", "Paper", "Static"][round]} ${index} ${round === 1 ? "Harbor" : "Tide"}`,
          expiresAt: status === "CLOSED" ? null : new Date(NOW.getTime() + ((index * 3) % 12) * DAY + second_ * 1000),
          createdAt: new Date(NOW.getTime() - 100 * DAY + second_ * 1000),
        },
      });
    }
  }
  // Publish requests, graded or not, one open per release at most.
  for (const [index, release] of releases.entries()) {
    const artist = artists[Math.floor(index / 2)] as SessionUser;
    for (let round = 0; round < 2; round += 1) {
      const status: RequestStatus = round === 0 ? (["NEW", "ON_APPROVAL", "PROCESSING"][index % 3] as RequestStatus) : "CLOSED";
      second_ += 1;
      await prisma.request.create({
        data: {
          type: "PUBLISH_RELEASE",
          status,
          resolution: status === "CLOSED" ? "ACCEPTED" : null,
          applicantId: artist.id,
          managerId: managers[Math.floor(index / 2) % 2],
          releaseId: release.id,
          expectedDate: new Date("2026-09-01T00:00:00Z"),
          grade: status === "NEW" || status === "PROCESSING" ? null : -((index + round) % 4),
          expiresAt: status === "CLOSED" ? null : new Date(NOW.getTime() + (index % 10) * DAY + second_ * 1000),
          createdAt: new Date(NOW.getTime() - 100 * DAY + second_ * 1000),
        },
      });
    }
  }
});

afterAll(async () => {
  await resetDatabase(prisma);
  await prisma.$disconnect();
});

const statusChoices: QueueStatusFilter[] = ["open", "expiring", "NEW", "ON_APPROVAL", "CLOSED", "all"];
const typeChoices: (RequestType | "all")[] = ["all", "SIGN_CONTRACT", "PUBLISH_RELEASE"];
// Applicant name (any case), email, requested nickname, artist nickname, LIKE characters, nothing.
// A fragment spanning two fields (name, then email, joined by the search text's separator) must
// match nothing, as each field alone does not contain it.
const searches = ["", "okafor", "example.test", "harbor", "velvet", "quiet_", "100%", "lunar fox", "  tide  ", "no such thing", "okafor\u001fuser-"];
const sorts: QueueSort[] = ["newest", "oldest", "grade-best", "grade-worst", "expiring-first"];

describe("the queue's SQL", () => {
  it("shows a manager exactly the requests, order and count the Prisma filters showed", async () => {
    for (const manager of [first, second]) {
      for (const status of statusChoices) {
        for (const type of typeChoices) {
          for (const search of searches) {
            const expected = await referenceIds({ managerId: manager.managerId }, { status, type, search, sort: "newest" });
            const page = await listManagerQueue(manager, { status, type, search }, clock);
            expect({ status, type, search, ids: page.requests.map((request) => request.id), total: page.total }).toEqual({
              status,
              type,
              search,
              ids: expected.slice(0, 20),
              total: expected.length,
            });
          }
        }
      }
    }
    // Each search field finds something in the fixture, so the comparison above is not empty-handed.
    const found = async (search: string) => (await listAllRequests(admin, { status: "all", search }, clock)).total;
    expect({ name: await found("okafor"), email: await found("user-"), nickname: await found("tide"), artist: await found("quiet_") }).toEqual({
      name: 6,
      email: 36,
      nickname: 16,
      artist: 4,
    });
  });

  it("sorts and pages as before, for the manager and for the admin by manager", async () => {
    const scopes: { filter: ManagerFilter; where: Prisma.RequestWhereInput }[] = [
      { filter: "all", where: {} },
      { filter: "none", where: { managerId: null } },
      { filter: first.managerId as number, where: { managerId: first.managerId } },
    ];
    for (const sort of sorts) {
      for (const status of ["open", "all"] as const) {
        // Every request of the fixture has its own creation time, so every sort is a total order.
        const expectedQueue = await referenceIds({ managerId: second.managerId }, { status, type: "all", search: "", sort });
        const queue = await listManagerQueue(second, { status, sort }, clock);
        expect({ sort, status, ids: queue.requests.map((request) => request.id) }).toEqual({ sort, status, ids: expectedQueue.slice(0, 20) });
        for (const scope of scopes) {
          const expected = await referenceIds(scope.where, { status, type: "all", search: "", sort });
          const pageOne = await listAllRequests(admin, { status, sort, manager: scope.filter }, clock);
          const pageTwo = await listAllRequests(admin, { status, sort, manager: scope.filter, page: 2 }, clock);
          expect(pageOne.total).toBe(expected.length);
          expect(pageOne.requests.map((request) => request.id)).toEqual(expected.slice(0, 20));
          expect(pageTwo.requests.map((request) => request.id)).toEqual(expected.length > 20 ? expected.slice(20, 40) : expected.slice(0, 20));
        }
      }
    }
  });

  it("gives each row what a Prisma read of the same request gives (one statement, decision 022)", async () => {
    for (const manager of ["all", "none"] as const) {
      const page = await listAllRequests(admin, { status: "all", manager }, clock);
      const reference = await prisma.request.findMany({
        where: { id: { in: page.requests.map((request) => request.id) } },
        // What the queue's rows were read with before decision 022.
        select: {
          ...listSelect,
          applicantId: true,
          managerId: true,
          manager: { select: { user: { select: { name: true } } } },
          release: { select: { id: true, title: true, artist: { select: { nickname: true } } } },
        },
      });
      const byId = new Map(reference.map((row) => [row.id, row]));
      expect(page.requests.length).toBeGreaterThan(0);
      expect(page.requests).toEqual(page.requests.map((request) => byId.get(request.id)));
    }
    // The fixture's first page holds both kinds, so both shapes of a row were compared.
    const firstPage = (await listAllRequests(admin, { status: "all" }, clock)).requests;
    expect(new Set(firstPage.map((request) => request.release === null))).toEqual(new Set([true, false]));
  });

  it("finds a person by their new name and email, and an artist by their new nickname, at once", async () => {
    const person = await prisma.user.findFirstOrThrow({ where: { name: "Hana Byrne" }, select: { id: true, email: true } });
    const artist = await prisma.artist.findFirstOrThrow({ where: { nickname: "Lunar Fox" }, select: { id: true } });
    const found = async (search: string) => (await listAllRequests(admin, { status: "all", search }, clock)).requests.map((request) => request.id);
    const theirs = await referenceIds({ applicantId: person.id }, { status: "all", type: "all", search: "", sort: "newest" });
    const released = await referenceIds({ release: { artistId: artist.id } }, { status: "all", type: "all", search: "", sort: "newest" });
    expect(theirs.length).toBeGreaterThan(0);
    expect(released.length).toBeGreaterThan(0);
    expect(await found("zephyrine")).toEqual([]);

    await prisma.user.update({ where: { id: person.id }, data: { name: "Hana Zephyrine", email: "hana.renamed@example.test" } });
    await prisma.artist.update({ where: { id: artist.id }, data: { nickname: "Solar Kite" } });

    expect(await found("zephyrine")).toEqual(theirs);
    expect(await found("HANA.RENAMED@")).toEqual(theirs);
    expect(await found("byrne")).toEqual([]);
    expect(await found(person.email)).toEqual([]);
    expect(await found("solar kite")).toEqual(released);
    expect(await found("lunar fox")).toEqual([]);
    // A requested nickname amended (docs/domain.md §9 "Request changes").
    const amended = theirs[0] as number;
    await prisma.request.update({ where: { id: amended }, data: { nickname: "Amended Nickname" } });
    expect(await found("amended nick")).toEqual([amended]);
    // And every filter and search still agrees with the reference after the renames.
    for (const manager of [first, second]) {
      for (const search of [...searches, "zephyrine", "solar"]) {
        const expected = await referenceIds({ managerId: manager.managerId }, { status: "all", type: "all", search, sort: "newest" });
        const page = await listManagerQueue(manager, { status: "all", search }, clock);
        expect({ search, ids: page.requests.map((request) => request.id), total: page.total }).toEqual({ search, ids: expected.slice(0, 20), total: expected.length });
      }
    }
  });

  it("counts up to one past its limit, so a list over it says more without counting them all", async () => {
    const count = async (limit: number) =>
      (await prisma.$queryRaw<{ total: number }[]>(queueCountSql(queueWhereSql({ manager: "all" }, { status: "all", type: "all" }, NOW), limit)))[0]?.total;
    const all = await prisma.request.count();
    expect(all).toBeGreaterThan(10);
    expect([await count(10), await count(all), await count(all + 5)]).toEqual([11, all, all]);
    // Far below the limit, the lists say exactly how many and nothing more.
    expect(await listAllRequests(admin, { status: "all" }, clock)).toMatchObject({ total: all, more: false });
  });

  it("stops counting a search past its limit and still shows each page in order (decision 022)", async () => {
    // "example.test" ends most of the fixture's emails: more matches than this limit.
    const limits = { list: 100_000, search: 25 };
    for (const sort of sorts) {
      const expected = await referenceIds({}, { status: "all", type: "all", search: "example.test", sort });
      expect(expected.length).toBeGreaterThan(limits.search);
      const pages = await Promise.all([1, 2, 3].map((page) => listAllRequests(admin, { status: "all", search: "example.test", sort, page }, clock, limits)));
      expect(pages.map((page) => ({ page: page.page, pageCount: page.pageCount, total: page.total, more: page.more, ids: page.requests.map((request) => request.id) }))).toEqual([
        { page: 1, pageCount: 2, total: 25, more: true, ids: expected.slice(0, 20) },
        { page: 2, pageCount: 2, total: 25, more: true, ids: expected.slice(20, 40) },
        // Past the pages the count reaches: the first page, as for any page past the last.
        { page: 1, pageCount: 2, total: 25, more: true, ids: expected.slice(0, 20) },
      ]);
    }
    // Below the limit the count is exact.
    const few = await listAllRequests(admin, { status: "all", search: "okafor" }, clock, limits);
    expect({ total: few.total, more: few.more }).toEqual({ total: 6, more: false });
  });

  it("shows the first page for a page beyond the last, and each row with its parties and names", async () => {
    const beyond = await listManagerQueue(first, { status: "all", page: 999 }, clock);
    expect(beyond.page).toBe(1);
    expect(beyond.requests.map((request) => request.id)).toEqual((await referenceIds({ managerId: first.managerId }, { status: "all", type: "all", search: "", sort: "newest" })).slice(0, 20));
    const [row] = (await listAllRequests(admin, { status: "all", type: "PUBLISH_RELEASE", manager: first.managerId as number }, clock)).requests;
    expect(row).toMatchObject({ managerId: first.managerId, manager: { user: { name: "First Manager" } }, release: { artist: { nickname: expect.any(String) } } });
  });
});
