// What `npm run db:seed` writes: the admin from configuration when there is none; the label's
// demo data on request. Idempotent: running it again changes nothing that already exists (an
// existing admin keeps their name and password; `resetAdminPassword` sets ADMIN_PASSWORD again).
import { signArtist } from "@/lib/artists/sign-artist";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";
import { prisma, type DbClient } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { requeueWaitingSignRequests } from "@/lib/requests/sign/requeue-waiting-sign-requests";
import { ensureRelease } from "./demo-release";
import { demoApplicants, seedDemoRequests } from "./demo-requests";

export const DEMO_PASSWORD = "demo-password";
const DEMO_DOMAIN = "cookdroogers.local";

/** Who was seeded; never a password (docs/domain.md §11). */
export type SeededAccount = { role: Role; name: string; email: string };

const demoManagers = [
  { email: `manager1@${DEMO_DOMAIN}`, name: "Marta Keller" },
  { email: `manager2@${DEMO_DOMAIN}`, name: "Jonas Brandt" },
  { email: `manager3@${DEMO_DOMAIN}`, name: "Ilse de Vries" },
  { email: `manager4@${DEMO_DOMAIN}`, name: "Pavel Novak" },
];

const demoArtists = [
  {
    email: `artist1@${DEMO_DOMAIN}`,
    name: "Lena Hart",
    nickname: "Velvet Kettle",
    managerEmail: `manager1@${DEMO_DOMAIN}`,
    release: {
      title: "Slow Boil",
      tracks: [
        { title: "Simmer", genre: "Indie", durationSeconds: 214, type: "song" },
        { title: "Low Heat", genre: "Indie", durationSeconds: 187, type: "song" },
      ],
    },
    // Already out, so the statistics pages have figures as soon as the worker first refreshes.
    publishedRelease: {
      title: "Back Catalogue",
      daysAgo: 60,
      tracks: [
        { title: "First Batch", genre: "Indie", durationSeconds: 201, type: "song" },
        { title: "Leftovers", genre: "Pop", durationSeconds: 176, type: "song" },
        { title: "Washing Up", genre: "Indie", durationSeconds: 64, type: "outro" },
      ],
    },
  },
  {
    email: `artist2@${DEMO_DOMAIN}`,
    name: "Tomas Berg",
    nickname: "Night Pantry",
    managerEmail: `manager2@${DEMO_DOMAIN}`,
    release: {
      title: "Midnight Recipes",
      tracks: [
        { title: "Preheat", genre: "Electronic", durationSeconds: 95, type: "intro" },
        { title: "Sourdough Skies", genre: "Electronic", durationSeconds: 262, type: "song" },
      ],
    },
  },
  {
    email: `artist3@${DEMO_DOMAIN}`,
    name: "Mira Solberg",
    nickname: "Copper Ladle",
    managerEmail: `manager3@${DEMO_DOMAIN}`,
    release: {
      title: "Kitchen Table Sessions",
      tracks: [
        { title: "Ladle Song", genre: "Folk", durationSeconds: 198, type: "song" },
        { title: "Copper and Salt", genre: "Folk", durationSeconds: 233, type: "song" },
      ],
    },
  },
  {
    email: `artist4@${DEMO_DOMAIN}`,
    name: "Kofi Mensah",
    nickname: "Brass Colander",
    managerEmail: `manager4@${DEMO_DOMAIN}`,
    release: {
      title: "Strainer Standards",
      tracks: [
        { title: "Drain the Blues", genre: "Jazz", durationSeconds: 305, type: "song" },
        { title: "Colander Waltz", genre: "Jazz", durationSeconds: 244, type: "song" },
      ],
    },
  },
];

const demoUsers = [
  { email: `user1@${DEMO_DOMAIN}`, name: "Alex Moreau" },
  { email: `user2@${DEMO_DOMAIN}`, name: "Sam Okafor" },
];

/**
 * The admin from configuration when there is none yet. An existing admin keeps their password
 * (ADMIN_PASSWORD only sets the first one) unless `resetAdminPassword` asks for it; an existing
 * account of that email that is not the admin is refused rather than promoted, so whoever
 * registered the address first does not become the admin.
 */
async function seedAdmin(options: { resetAdminPassword: boolean }): Promise<SeededAccount> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME } = env();
  const email = ADMIN_EMAIL.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, role: true } });
  if (!existing) {
    await prisma.user.create({ data: { email, name: ADMIN_NAME, role: "ADMIN", passwordHash: await hashPassword(ADMIN_PASSWORD) } });
    return { role: "ADMIN", name: ADMIN_NAME, email };
  }
  if (existing.role !== "ADMIN") {
    throw new Error(`The account ${email} (ADMIN_EMAIL) exists and is not the admin; set ADMIN_EMAIL to another address.`);
  }
  if (options.resetAdminPassword) {
    // Whoever held the old password may be signed in: every session of the admin ends too.
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash } });
      await endSessionsOf(tx, existing.id);
    });
  }
  return { role: "ADMIN", name: existing.name, email };
}

/** Creates the account when missing; an existing account is left as it is. */
async function ensureUser(tx: DbClient, input: { email: string; name: string; role: Role }, passwordHash: string) {
  return tx.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, role: input.role, passwordHash },
    update: {},
    select: { id: true, role: true },
  });
}

/**
 * A demo artist signed as the label signs anyone (lib/artists/sign-artist.ts: contract, manager,
 * contract-end event), when the account is missing; an existing account is left as it is.
 * Answers the artist's id, or null when the account exists but is not that artist.
 */
async function ensureArtist(
  tx: DbClient,
  input: { email: string; name: string; nickname: string; managerId: number },
  passwordHash: string,
): Promise<number | null> {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { role: true, artist: { select: { id: true } } } });
  if (existing) return existing.role === "ARTIST" && existing.artist ? existing.artist.id : null;
  const user = await tx.user.create({ data: { email: input.email, name: input.name, role: "USER", passwordHash }, select: { id: true } });
  const artist = await signArtist(tx, { userId: user.id, nickname: input.nickname, managerId: input.managerId });
  return artist.id;
}

async function ensureManager(
  tx: DbClient,
  input: { email: string; name: string },
  passwordHash: string,
): Promise<{ id: number; created: boolean } | null> {
  const user = await ensureUser(tx, { ...input, role: "MANAGER" }, passwordHash);
  if (user.role !== "MANAGER") return null;
  const existing = await tx.manager.findUnique({ where: { userId: user.id }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const manager = await tx.manager.create({ data: { userId: user.id }, select: { id: true } });
  return { id: manager.id, created: true };
}

async function seedDemoData(): Promise<SeededAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = startOfUtcDay(systemClock.now());

  await prisma.$transaction(async (tx) => {
    const managerIds = new Map<string, number>();
    let newManagers = 0;
    for (const manager of demoManagers) {
      const seeded = await ensureManager(tx, manager, passwordHash);
      if (seeded === null) continue;
      managerIds.set(manager.email, seeded.id);
      if (seeded.created) newManagers += 1;
    }
    // Sign requests that waited for a manager get one now, as when the admin appoints one.
    if (newManagers > 0) await requeueWaitingSignRequests(tx);

    for (const artist of demoArtists) {
      const managerId = managerIds.get(artist.managerEmail);
      if (managerId === undefined) continue;
      const artistId = await ensureArtist(tx, { email: artist.email, name: artist.name, nickname: artist.nickname, managerId }, passwordHash);
      if (artistId === null) continue;

      await ensureRelease(tx, artistId, { ...artist.release, releaseDate: today, status: "UNPUBLISHED" });
      if ("publishedRelease" in artist && artist.publishedRelease) {
        const day = addUtcDays(today, -artist.publishedRelease.daysAgo);
        const release = await ensureRelease(tx, artistId, { ...artist.publishedRelease, releaseDate: day, status: "PUBLISHED" });
        if (release.created) {
          await tx.publication.create({ data: { releaseId: release.id, scheduledDate: day, managerId, publishedAt: day } });
        }
      }
    }

    for (const user of demoUsers) {
      await ensureUser(tx, { ...user, role: "USER" }, passwordHash);
    }
  });

  // The requests in every demo manager's queue, each in a transaction of its own.
  await seedDemoRequests(passwordHash);

  return [
    ...demoManagers.map((manager) => ({ role: "MANAGER" as const, ...manager })),
    ...demoArtists.map((artist) => ({ role: "ARTIST" as const, email: artist.email, name: artist.name })),
    ...demoUsers.map((user) => ({ role: "USER" as const, ...user })),
    ...demoApplicants.map((user) => ({ role: "USER" as const, ...user })),
  ];
}

export async function seedDatabase(options: { demoData: boolean; resetAdminPassword?: boolean }): Promise<SeededAccount[]> {
  const accounts = [await seedAdmin({ resetAdminPassword: options.resetAdminPassword ?? false })];
  if (options.demoData) accounts.push(...(await seedDemoData()));
  return accounts;
}
