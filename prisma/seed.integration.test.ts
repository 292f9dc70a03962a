// The seed on the real PostgreSQL: the admin when missing, the demo label on request (with
// every demo manager's queue at work), running it twice changes nothing, and an existing admin
// keeps their password.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/auth/guards";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { DeadlinePayload } from "@/lib/requests/deadline";
import { isExpiringSoon } from "@/lib/requests/deadline-rules";
import { openStatuses } from "@/lib/requests/open-request";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { listManagerQueue } from "@/lib/requests/queries";
import { remindOfDeadline } from "@/lib/requests/remind-of-deadline";
import { assignSignRequest } from "@/lib/requests/sign/assign-sign-request";
import { resetDatabase } from "@/tests/support/reset-database";
import { demoDesks } from "./demo-requests";
import { DEMO_PASSWORD, seedDatabase } from "./seed-database";

async function snapshot() {
  const [users, managers, artists, releases, tracks, trackArtists, outbox, requests, history, comments, notifications, publications] = await Promise.all([
    prisma.user.findMany({ select: { email: true, role: true, passwordHash: true }, orderBy: { email: "asc" } }),
    prisma.manager.count(),
    prisma.artist.findMany({ select: { nickname: true, active: true, contractDueDate: true, manager: { select: { user: { select: { email: true } } } } }, orderBy: { nickname: "asc" } }),
    prisma.release.findMany({ select: { title: true, status: true, _count: { select: { tracks: true } } }, orderBy: { title: "asc" } }),
    prisma.track.count(),
    prisma.trackArtist.count(),
    prisma.outboxEvent.findMany({ select: { name: true, payload: true, availableAt: true }, orderBy: { id: "asc" } }),
    prisma.request.findMany({ select: { id: true, type: true, status: true, resolution: true, managerId: true, expiresAt: true, grade: true }, orderBy: { id: "asc" } }),
    prisma.requestHistory.count(),
    prisma.requestComment.count(),
    prisma.notification.count(),
    prisma.publication.count(),
  ]);
  return { users, managers, artists, releases, tracks, trackArtists, outbox, requests, history, comments, notifications, publications };
}

/** The statuses an open request rests in: Processing only ever lasts inside the grading's transaction (docs/domain.md §3.2 step 2). */
const restingOpenStatuses = openStatuses.filter((status) => status !== "PROCESSING");

/** A demo manager as the queue page sees them once signed in. */
async function signedInManager(email: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { manager: true } });
  return { id: user.id, name: user.name, email: user.email, role: user.role, managerId: user.manager!.id, artistId: null };
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("seedDatabase", () => {
  it("seeds only the admin when demo data is off", async () => {
    const accounts = await seedDatabase({ demoData: false });
    expect(accounts).toEqual([{ role: "ADMIN", name: env().ADMIN_NAME, email: env().ADMIN_EMAIL.toLowerCase() }]);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: env().ADMIN_EMAIL.toLowerCase() } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(admin.passwordHash, env().ADMIN_PASSWORD)).toBe(true);
    expect(await prisma.user.count()).toBe(1);
  });

  it("seeds the demo label like the original system", async () => {
    const accounts = await seedDatabase({ demoData: true });
    expect(accounts.map((account) => account.email)).toEqual([
      env().ADMIN_EMAIL.toLowerCase(),
      "manager1@cookdroogers.local",
      "manager2@cookdroogers.local",
      "manager3@cookdroogers.local",
      "manager4@cookdroogers.local",
      "artist1@cookdroogers.local",
      "artist2@cookdroogers.local",
      "artist3@cookdroogers.local",
      "artist4@cookdroogers.local",
      "user1@cookdroogers.local",
      "user2@cookdroogers.local",
      ...Array.from({ length: 16 }, (_, index) => `applicant${index + 1}@cookdroogers.local`),
    ]);
    const state = await snapshot();
    expect(state.managers).toBe(4);
    expect(state.artists).toHaveLength(4);
    for (const artist of state.artists) expect(artist.active).toBe(true);
    // One artist for each demo manager.
    expect(state.artists.map((artist) => artist.manager.user.email).sort()).toEqual([1, 2, 3, 4].map((n) => `manager${n}@cookdroogers.local`));
    // "Back Catalogue" is already out, for the statistics pages; each artist has one unpublished
    // release no request is about, ready for a newcomer's publish request.
    const releases = new Map(state.releases.map((release) => [release.title, [release.status, release._count.tracks]]));
    expect(releases.get("Back Catalogue")).toEqual(["PUBLISHED", 3]);
    for (const title of ["Slow Boil", "Midnight Recipes", "Kitchen Table Sessions", "Strainer Standards"]) {
      expect(releases.get(title)).toEqual(["UNPUBLISHED", 2]);
      expect(await prisma.request.count({ where: { release: { title } } })).toBe(0);
    }
    expect(await prisma.publication.count({ where: { publishedAt: { not: null } } })).toBe(1);
    // Every track names its release's owner among its performers.
    expect(state.trackArtists).toBe(state.tracks);
    // Each artist's contract end is scheduled, as signing schedules it.
    expect(state.outbox.filter((event) => event.name === "artist.contract-end-due")).toHaveLength(4);
    // The users keep no request of their own: a newcomer signing in as one may join the label.
    expect(await prisma.request.count({ where: { applicant: { email: { in: ["user1@cookdroogers.local", "user2@cookdroogers.local"] } } } })).toBe(0);

    const artist = await prisma.user.findUniqueOrThrow({ where: { email: "artist1@cookdroogers.local" } });
    expect(await verifyPassword(artist.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    await seedDatabase({ demoData: true });
    const first = await snapshot();
    await seedDatabase({ demoData: true });
    expect(await snapshot()).toEqual(first);
  });

  it("fills every demo manager's queue: both kinds in each status an open request rests in, one expiring soon, one conversation", async () => {
    await seedDatabase({ demoData: true });
    const now = new Date();
    for (const desk of demoDesks) {
      const manager = await signedInManager(desk.managerEmail);
      // The query of the queue page, as the manager first sees it (open requests).
      const { requests } = await listManagerQueue(manager, { status: "open" });
      const shown = new Set(requests.map((request) => `${request.type} ${request.status}`));
      for (const type of ["SIGN_CONTRACT", "PUBLISH_RELEASE"] satisfies RequestType[]) {
        for (const status of restingOpenStatuses satisfies RequestStatus[]) expect(shown, desk.managerEmail).toContain(`${type} ${status}`);
      }

      // The filter "Expiring within 7 days" has something to show.
      const expiring = await listManagerQueue(manager, { status: "expiring" });
      expect(expiring.requests.length, desk.managerEmail).toBeGreaterThanOrEqual(1);
      for (const request of expiring.requests) expect(isExpiringSoon(request.expiresAt!, now)).toBe(true);

      // One request holds a conversation: a comment from each side and the manager's internal note.
      const comments = await prisma.requestComment.findMany({
        where: { requestId: { in: requests.map((request) => request.id) } },
        select: { requestId: true, authorId: true, internal: true },
      });
      const talkedAbout = requests.filter((request) => comments.some((comment) => comment.requestId === request.id));
      expect(talkedAbout, desk.managerEmail).toHaveLength(1);
      const conversation = comments.filter((comment) => comment.requestId === talkedAbout[0]!.id);
      expect(conversation).toContainEqual(expect.objectContaining({ authorId: talkedAbout[0]!.applicantId, internal: false }));
      expect(conversation).toContainEqual(expect.objectContaining({ authorId: manager.id, internal: false }));
      expect(conversation).toContainEqual(expect.objectContaining({ authorId: manager.id, internal: true }));

      // And a history of decided ones.
      const closed = await listManagerQueue(manager, { status: "CLOSED" });
      expect(new Set(closed.requests.map((request) => request.resolution))).toEqual(new Set(["ACCEPTED", "DECLINED", "WITHDRAWN"]));
    }
  });

  it("schedules what the services schedule, so the worker takes the demo requests on", async () => {
    await seedDatabase({ demoData: true });
    const now = new Date();
    const open = await prisma.request.findMany({
      where: { status: { not: "CLOSED" } },
      select: { id: true, type: true, status: true, managerId: true, expiresAt: true },
    });
    const pending = await prisma.outboxEvent.findMany({ where: { sentAt: null }, select: { name: true, payload: true, availableAt: true } });
    const eventsOf = (requestId: number, name: string) =>
      pending.filter((event) => event.name === name && (event.payload as { requestId?: number }).requestId === requestId);

    for (const request of open) {
      // The deadline of the rules, stored and scheduled (lib/requests/deadline.ts): its expiry,
      // and its reminder 7 days before — at once when fewer are left.
      expect(request.expiresAt).not.toBeNull();
      const payload: DeadlinePayload = { requestId: request.id, expiresAt: request.expiresAt!.toISOString() };
      expect(eventsOf(request.id, "request.expiry-due").map((event) => [event.payload, event.availableAt])).toEqual([[payload, request.expiresAt]]);
      const [reminder, ...more] = eventsOf(request.id, "request.reminder-due");
      expect(more).toEqual([]);
      expect(reminder!.payload).toEqual(payload);
      if (isExpiringSoon(request.expiresAt!, now)) expect(reminder!.availableAt.getTime()).toBeLessThanOrEqual(now.getTime());
      else expect(reminder!.availableAt.getTime()).toBeGreaterThan(now.getTime());
    }

    // The worker's steps: each reminder due now is sent to the request's manager…
    const expiringSoon = open.filter((request) => isExpiringSoon(request.expiresAt!, now));
    expect(expiringSoon).toHaveLength(demoDesks.length);
    for (const request of expiringSoon) {
      const [reminder] = eventsOf(request.id, "request.reminder-due");
      expect(await prisma.$transaction((tx) => remindOfDeadline(tx, reminder!.payload as DeadlinePayload))).toBe("reminded");
    }
    // …each New request is taken on: a publish request graded, a resubmitted sign request back
    // with its manager; both then wait for that manager on approval…
    const waiting = open.filter((request) => request.status === "NEW");
    expect(waiting).toHaveLength(2 * demoDesks.length);
    for (const request of waiting) {
      if (request.type === "PUBLISH_RELEASE") {
        expect(eventsOf(request.id, "publish-request.grading-due")).toHaveLength(1);
        expect(await prisma.$transaction((tx) => gradePublishRequest(tx, request.id))).toMatchObject({ graded: true });
      } else {
        expect(eventsOf(request.id, "sign-request.assignment-due").length).toBeGreaterThanOrEqual(1);
        expect(await prisma.$transaction((tx) => assignSignRequest(tx, request.id, 0))).toBe("assigned");
      }
      expect(await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "ON_APPROVAL", managerId: request.managerId });
    }
    // …and the steps the seed took in the worker's place find nothing left to do.
    for (const request of open.filter((request) => request.status === "ON_APPROVAL")) {
      if (request.type === "PUBLISH_RELEASE") {
        expect(await prisma.$transaction((tx) => gradePublishRequest(tx, request.id))).toEqual({ graded: false, reason: "already-graded" });
      } else {
        expect(await prisma.$transaction((tx) => assignSignRequest(tx, request.id, 0))).toBe("skipped");
      }
    }
  });

  it("leaves out a demo request the rules refuse today, and the other person's request alone", async () => {
    await seedDatabase({ demoData: false });
    const someone = await prisma.user.create({
      data: { name: "Not Demo", email: "someone@example.test", passwordHash: (await prisma.user.findFirstOrThrow()).passwordHash },
    });
    // Their open sign request holds the nickname of applicant1's demo request.
    const theirs = await prisma.request.create({ data: { type: "SIGN_CONTRACT", applicantId: someone.id, nickname: "paper lanterns" } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await seedDatabase({ demoData: true });
      await seedDatabase({ demoData: true });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("applicant1@cookdroogers.local: This nickname is already taken"));
    } finally {
      warn.mockRestore();
    }
    expect(await prisma.user.count({ where: { email: "applicant1@cookdroogers.local" } })).toBe(0);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
    // The rest of that manager's queue is there.
    const manager = await signedInManager("manager1@cookdroogers.local");
    const { requests } = await listManagerQueue(manager, { status: "open" });
    expect(requests.filter((request) => request.type === "SIGN_CONTRACT").map((request) => request.status).sort()).toEqual(["CHANGES_REQUESTED", "NEW"]);
  });

  it("never answers a password", async () => {
    const accounts = await seedDatabase({ demoData: true });
    for (const account of accounts) expect(Object.keys(account).sort()).toEqual(["email", "name", "role"]);
  });

  it("leaves an existing admin's password and name alone", async () => {
    await seedDatabase({ demoData: false });
    const email = env().ADMIN_EMAIL.toLowerCase();
    await prisma.user.update({ where: { email }, data: { name: "Renamed Admin", passwordHash: await hashPassword("changed by the admin") } });

    await seedDatabase({ demoData: false });

    const admin = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(admin).toMatchObject({ role: "ADMIN", name: "Renamed Admin" });
    expect(await verifyPassword(admin.passwordHash, "changed by the admin")).toBe(true);
    expect(await verifyPassword(admin.passwordHash, env().ADMIN_PASSWORD)).toBe(false);
  });

  it("sets ADMIN_PASSWORD again only when asked to", async () => {
    await seedDatabase({ demoData: false });
    const email = env().ADMIN_EMAIL.toLowerCase();
    const { id } = await prisma.user.update({ where: { email }, data: { passwordHash: await hashPassword("forgotten by the admin") } });
    const session = await startSession(id);

    await seedDatabase({ demoData: false, resetAdminPassword: true });

    const admin = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(admin.passwordHash, env().ADMIN_PASSWORD)).toBe(true);
    // Whoever was signed in with the old password is signed out.
    expect(await findSessionUser(session, id)).toBeNull();
  });

  it("refuses to make an existing account of ADMIN_EMAIL the admin", async () => {
    const email = env().ADMIN_EMAIL.toLowerCase();
    await prisma.user.create({ data: { email, name: "First Comer", passwordHash: await hashPassword("whoever registered it") } });

    await expect(seedDatabase({ demoData: false })).rejects.toThrow(`The account ${email} (ADMIN_EMAIL) exists and is not the admin`);
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "USER", name: "First Comer" });
  });

  it("leaves a demo account that changed since alone", async () => {
    await seedDatabase({ demoData: true });
    await prisma.user.update({ where: { email: "user1@cookdroogers.local" }, data: { role: "MANAGER", name: "Promoted" } });
    await seedDatabase({ demoData: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "user1@cookdroogers.local" } })).toMatchObject({ role: "MANAGER", name: "Promoted" });
  });

  it("gives sign requests that were waiting for a manager the new managers", async () => {
    await seedDatabase({ demoData: false });
    const applicant = await prisma.user.create({
      data: { name: "Early Bird", email: "early@example.test", passwordHash: (await prisma.user.findFirstOrThrow()).passwordHash },
    });
    const waiting = await prisma.request.create({ data: { type: "SIGN_CONTRACT", applicantId: applicant.id, nickname: "Early Bird" } });

    await seedDatabase({ demoData: true });

    const requeued = await prisma.outboxEvent.count({
      where: { name: "sign-request.assignment-due", payload: { path: ["requestId"], equals: waiting.id } },
    });
    expect(requeued).toBe(1);
  });
});
