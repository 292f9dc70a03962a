// The seed on the real PostgreSQL: the admin when missing, the demo label on request, running
// it twice changes nothing, and an existing admin keeps their password.
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { resetDatabase } from "@/tests/support/reset-database";
import { DEMO_PASSWORD, seedDatabase } from "./seed-database";

async function snapshot() {
  const [users, managers, artists, releases, tracks, trackArtists, outbox] = await Promise.all([
    prisma.user.findMany({ select: { email: true, role: true, passwordHash: true }, orderBy: { email: "asc" } }),
    prisma.manager.count(),
    prisma.artist.findMany({ select: { nickname: true, active: true, contractDueDate: true, manager: { select: { user: { select: { email: true } } } } }, orderBy: { nickname: "asc" } }),
    prisma.release.findMany({ select: { title: true, status: true, _count: { select: { tracks: true } } }, orderBy: { title: "asc" } }),
    prisma.track.count(),
    prisma.trackArtist.count(),
    prisma.outboxEvent.findMany({ select: { name: true }, orderBy: { id: "asc" } }),
  ]);
  return { users, managers, artists, releases, tracks, trackArtists, outbox };
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
      "user1@cookdroogers.local",
      "user2@cookdroogers.local",
    ]);
    const state = await snapshot();
    expect(state.managers).toBe(4);
    expect(state.artists).toHaveLength(2);
    for (const artist of state.artists) expect(artist.active).toBe(true);
    expect(state.artists.map((artist) => artist.manager.user.email).sort()).toEqual(["manager1@cookdroogers.local", "manager2@cookdroogers.local"]);
    // Titles in order: "Back Catalogue" (already out, for the statistics pages), then one
    // unpublished release per artist, ready for a publish request.
    expect(state.releases.map((release) => [release.title, release.status, release._count.tracks])).toEqual([
      ["Back Catalogue", "PUBLISHED", 3],
      ["Midnight Recipes", "UNPUBLISHED", 2],
      ["Slow Boil", "UNPUBLISHED", 2],
    ]);
    expect(await prisma.publication.count({ where: { publishedAt: { not: null } } })).toBe(1);
    // Every track names its release's owner among its performers.
    expect(state.trackArtists).toBe(state.tracks);
    expect(state.outbox.map((event) => event.name)).toEqual(["artist.contract-end-due", "artist.contract-end-due"]);

    const artist = await prisma.user.findUniqueOrThrow({ where: { email: "artist1@cookdroogers.local" } });
    expect(await verifyPassword(artist.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    await seedDatabase({ demoData: true });
    const first = await snapshot();
    await seedDatabase({ demoData: true });
    expect(await snapshot()).toEqual(first);
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
