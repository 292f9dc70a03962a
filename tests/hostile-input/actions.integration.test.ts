// Hostile input against every server action (docs/domain.md §11 "Bad input"): each field of each
// action — every export of every "use server" file, found on disk so a new one cannot be
// missed — replaced in turn by oversized text, wrong types, numbers out of range, foreign ids,
// and text with wildcards, quotes, markup, NUL, direction overrides, emoji, combining marks and
// lone surrogates (which FormData, like a browser, turns into U+FFFD), called in-process as the
// person who may use it, against the real database.
// Every answer is a field error, a form error, "not found" or a redirect — never an unexpected
// failure or internal text; a refused input writes nothing anywhere; an accepted one is stored
// exactly as given (after the trimming the forms promise, docs/domain.md §2).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signArtist } from "@/lib/artists/sign-artist";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { addUtcDays, systemClock, toIsoDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { eventTopicName } from "@/lib/events/define-event";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { notify } from "@/lib/notifications/notify";
import { logger } from "@/lib/observability/logger";
import { splitNicknames } from "@/lib/releases/schemas";
import { hasUnstorableCharacters } from "@/lib/storable-text";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { transitionRequest } from "@/lib/requests/transition-request";
import { actAs, answerOf, authedAs, nextCacheStub, nextHeadersStub, type ActionAnswer } from "@/tests/support/act-as";
import { createManager, createUser, TEST_PASSWORD } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { changedTables, snapshotTables } from "@/tests/support/table-snapshot";

vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: authedAs }));
vi.mock("next/cache", () => nextCacheStub);
// Each attempt comes from an address of its own, so the per-address throttling of sign-ins and
// registrations (docs/domain.md §11) never refuses an attempt in place of its hostile value.
const requestHeaders = vi.hoisted(() => ({ address: "2001:db8::1" }));
vi.mock("next/headers", () => ({
  ...nextHeadersStub,
  headers: async () => new Headers({ "x-forwarded-for": requestHeaders.address, host: "localhost:3000" }),
}));

/** Attempts so far: numbers each attempt's client address, new account and nickname. */
let attemptCount = 0;

// ---------------------------------------------------------------------------------------------
// The world every action is tried in: one of each kind of person, and things of theirs and of
// others (the "foreign" ones), built through the domain.

type Person = { id: number; email: string };

async function buildWorld() {
  const admin = await createUser(prisma, "ADMIN");
  const manager = await createManager(prisma);
  const otherManager = await createManager(prisma);
  const artist = await signedArtist(manager.managerId!, "Hostile Artist");
  const otherArtist = await signedArtist(otherManager.managerId!, "Other Artist");
  const applicant = await createUser(prisma);
  const otherApplicant = await createUser(prisma);
  const newcomer = await createUser(prisma);
  // A manager with nothing assigned, for "Deactivate" (made again after each success).
  const spareManager = await createManager(prisma);
  const disabledUser = await createUser(prisma);
  await prisma.user.update({ where: { id: disabledUser.id }, data: { disabledAt: new Date() } });

  const request = await assignedSignRequest(applicant, manager.managerId!, "Applicant Star");
  const foreignRequest = await assignedSignRequest(otherApplicant, otherManager.managerId!, "Other Star");
  // Sent back by the manager (docs/domain.md §9), for the amend forms.
  const changesApplicant = await createUser(prisma);
  const changesRequest = await signRequestAwaitingChanges(changesApplicant, manager, "Changes Star");
  const changesPublishRequestId = await publishRequestAwaitingChanges(artist, manager);
  const release = await createReleaseFixture(prisma, artist.artistId, { status: "UNPUBLISHED", tracks: [{ title: "Opening", genre: "pop" }] });
  const foreignRelease = await createReleaseFixture(prisma, otherArtist.artistId, { status: "UNPUBLISHED", tracks: [{ title: "Theirs", genre: "rock" }] });
  await notify(prisma, { userId: applicant.id, message: "Yours" });
  await notify(prisma, { userId: otherApplicant.id, message: "Not yours" });
  const notification = await prisma.notification.findFirstOrThrow({ where: { userId: applicant.id } });
  const foreignNotification = await prisma.notification.findFirstOrThrow({ where: { userId: otherApplicant.id } });

  return {
    admin,
    manager,
    otherManager,
    artist,
    otherArtist,
    applicant,
    otherApplicant,
    newcomer,
    spareManager,
    disabledUser,
    requestId: request.id,
    foreignRequestId: foreignRequest.id,
    releaseId: release.id,
    foreignReleaseId: foreignRelease.id,
    notificationId: notification.id,
    foreignNotificationId: foreignNotification.id,
    publicationDay: toIsoDay(addUtcDays(systemClock.now(), 30)),
    changesApplicant,
    changesRequestId: changesRequest.id,
    changesPublishRequestId,
    failedEventId: await parkedEvent(request.id),
  };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/** An assignment event of the request, parked by the worker and waiting for a retry (docs/domain.md §10 "Failed events"). */
async function parkedEvent(requestId: number): Promise<number> {
  const eventId = globalThis.crypto.randomUUID();
  const payload = { requestId, attempt: 0 };
  const { id } = await prisma.failedEvent.create({
    data: {
      consumer: "hostile-worker",
      eventId,
      eventName: signRequestAssignmentDue.name,
      topic: eventTopicName(signRequestAssignmentDue),
      key: signRequestAssignmentDue.keyOf(payload),
      envelope: { eventId, name: signRequestAssignmentDue.name, version: signRequestAssignmentDue.version, occurredAt: new Date().toISOString(), payload },
      requestId,
      reason: "Hostile failure",
      attempts: 5,
    },
  });
  return id;
}

async function signedArtist(managerId: number, nickname: string) {
  const user = await createUser(prisma);
  const artist = await prisma.$transaction((tx) => signArtist(tx, { userId: user.id, nickname, managerId }));
  return { ...user, artistId: artist.id };
}

/** A sign request On approval with `managerId`, as the worker leaves it (docs/domain.md §3.1 step 2). */
async function assignedSignRequest(applicant: Awaited<ReturnType<typeof createUser>>, managerId: number, nickname: string) {
  const request = await submitSignRequest(applicant, { nickname, message: null });
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: request.id, action: "assign", actor: "system", data: { managerId } }));
  return request;
}

/** A new applicant with a sign request On approval with the manager (the last one was decided). */
async function renewSignRequest(world: World) {
  world.applicant = await createUser(prisma);
  world.requestId = (await assignedSignRequest(world.applicant, world.manager.managerId!, `Applicant ${attemptCount}`)).id;
}

/** A sign request On approval with the manager, sent back for changes (docs/domain.md §9). */
async function signRequestAwaitingChanges(applicant: Awaited<ReturnType<typeof createUser>>, manager: Awaited<ReturnType<typeof createManager>>, nickname: string) {
  const request = await assignedSignRequest(applicant, manager.managerId!, nickname);
  await requestChanges(manager, request.id, "Another nickname, please");
  return request;
}

/** The artist's publish request for a release of theirs, graded and sent back for changes. */
async function publishRequestAwaitingChanges(artist: { id: number; artistId: number }, manager: Awaited<ReturnType<typeof createManager>>) {
  const release = await createReleaseFixture(prisma, artist.artistId, { status: "UNPUBLISHED", tracks: [{ title: "Sent back", genre: "pop" }] });
  const { id } = await submitPublishRequest({ userId: artist.id, artistId: artist.artistId }, { releaseId: release.id, expectedDate: addUtcDays(systemClock.now(), 20) });
  await prisma.$transaction((tx) => gradePublishRequest(tx, id));
  await requestChanges(manager, id, "Another date, please");
  return id;
}

/** A new applicant with a sign request sent back for changes (the last one was resubmitted). */
async function renewChangesRequest(world: World) {
  world.changesApplicant = await createUser(prisma);
  world.changesRequestId = (await signRequestAwaitingChanges(world.changesApplicant, world.manager, `Changes ${attemptCount}`)).id;
}

/** Another publish request sent back for changes (the last one was resubmitted). */
async function renewChangesPublishRequest(world: World) {
  world.changesPublishRequestId = await publishRequestAwaitingChanges(world.artist, world.manager);
}

/** Another unpublished release of the artist (the last one was deleted or put up for publication). */
async function renewRelease(world: World) {
  world.releaseId = (await createReleaseFixture(prisma, world.artist.artistId, { status: "UNPUBLISHED", tracks: [{ title: "Again", genre: "pop" }] })).id;
}

// ---------------------------------------------------------------------------------------------
// The hostile values.

type FormValue = string | Blob | string[] | undefined; // undefined: the field is left out
type Hostile = { label: string; value: FormValue };

const oversized: Hostile[] = [
  { label: "10k characters", value: "x".repeat(10_000) },
  { label: "1M characters", value: "y".repeat(1_000_000) },
];

const wrongTypes: Hostile[] = [
  { label: "a file", value: new File(["<b>text</b>"], "hostile.html", { type: "text/html" }) },
  { label: "a blob", value: new Blob(["\u0000\u0001binary"]) },
  { label: "a repeated key", value: ["first", "second"] },
  { label: "empty", value: "" },
  { label: "missing", value: undefined },
];

const numbers: Hostile[] = ["-1", "0", "2147483648", "9007199254740993", "1e309", "NaN", "1e3", " 12 ", "0x10", "Infinity", "1.5", "-0", "١٢"].map(
  (value) => ({ label: `number ${JSON.stringify(value)}`, value }),
);

const texts: Hostile[] = [
  { label: "percent", value: "100% real" },
  { label: "underscore", value: "_" },
  { label: "LIKE wildcards and a backslash", value: "%_\\" },
  { label: "an apostrophe", value: "O'Brien" },
  { label: "double quotes", value: 'say "hi"' },
  { label: "SQL", value: `'; DROP TABLE "User"; --` },
  { label: "markup", value: "<script>alert(1)</script>" },
  { label: "a NUL character", value: "a\u0000b" },
  { label: "a right-to-left override", value: "\u202Eevil\u202C" },
  { label: "emoji", value: "🎤🎸🔥" },
  { label: "combining marks", value: "Zoe\u0301\u0308" },
  { label: "a lone high surrogate", value: "a\uD800b" },
  { label: "a lone low surrogate", value: "\uDC00x" },
  { label: "only whitespace", value: " \t\n " },
];

const days: Hostile[] = ["2026-02-30", "0000-01-01", "9999-12-31", "+275760-09-13", "2026-1-1", "2026-01-01T00:00:00Z", "2026-13-01"].map((value) => ({
  label: `day ${JSON.stringify(value)}`,
  value,
}));

const callbacks: Hostile[] = ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", "/login"].map(
  (value) => ({ label: `callback ${JSON.stringify(value)}`, value }),
);

/** Every field meets these. */
const everyValue = [...oversized, ...wrongTypes, ...numbers, ...texts];

/** Fields an action does not read: a few values under a name that objects know. */
const extraValues: Hostile[] = [...oversized, ...wrongTypes, ...texts].filter(({ label }) =>
  ["1M characters", "a file", "a NUL character", "a lone high surrogate"].includes(label),
);
const EXTRA_FIELD = "__proto__";

/** Arguments bound by a page (`action.bind(null, id)`), which a caller can replace. */
const hostileBound: { label: string; value: unknown }[] = [
  ...[-1, 0, 2 ** 31, 2 ** 53 + 1, Infinity, -Infinity, NaN, 1.5, "1e3", " 12 ", "0x10", "", "abc", null, undefined, {}, [], true].map((value) => ({
    label: `bound ${typeof value === "number" ? String(value) : JSON.stringify(value) ?? "undefined"}`,
    value,
  })),
];

/**
 * What the action reads as text from a form value: the first of a repeated key, "" for a file.
 * A form value is a string of Unicode scalar values: a lone surrogate arrives as U+FFFD, from a
 * browser (UTF-8) and from FormData alike, so that is what is stored.
 */
function textOf(value: FormValue): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return "";
  const probe = new FormData();
  probe.append("text", first);
  return probe.get("text") as string;
}

// ---------------------------------------------------------------------------------------------
// The actions: how each is called, by whom, with which valid form, and which fields are tried.

type Accepted = (world: World, given: FormValue, answer: ActionAnswer) => Promise<void>;

type FieldSpec = {
  name: string;
  /** More values for this field (foreign ids, days, return addresses). */
  extra?: (world: World) => Hostile[];
  /** Checks a hostile value that was accepted: stored exactly as given. Without it, acceptance must change nothing. */
  accepted?: Accepted;
};

type ActionSpec = {
  file: string;
  name: string;
  /** A defineFormAction (answers nothing) or a defineAction (answers a state). */
  style: "state" | "form";
  as: (world: World) => Person | null;
  /** Someone who may not use it (a wrong role, or the wrong party). */
  outsider?: (world: World) => Person;
  form: (world: World) => Record<string, FormValue>;
  bound?: (world: World) => unknown[];
  foreignBound?: (world: World) => unknown[];
  fields: FieldSpec[];
  /** Its valid form can be sent again after a success (so the world need not be built again). */
  repeatable?: boolean;
  /** Makes again what a success used up (a decided request, an appointed user), instead of a whole new world. */
  renew?: (world: World) => Promise<void>;
  /** The valid form changes nothing in the database (signing out in-process has no cookie to end). */
  validWritesNothing?: boolean;
  /** Tables a refused attempt still writes on purpose (the throttling counters). */
  refusalWrites?: string[];
};

const trimmedText =
  (read: (world: World, answer: ActionAnswer) => Promise<unknown>, empty: unknown = ""): Accepted =>
  async (world, given, answer) => {
    const expected = textOf(given).trim();
    expect(await read(world, answer)).toBe(expected === "" ? empty : expected);
  };

const idFrom = (answer: ActionAnswer, prefix: string) => {
  expect(answer).toMatchObject({ kind: "redirect" });
  const to = (answer as { to: string }).to;
  expect(to.startsWith(prefix)).toBe(true);
  return Number(to.slice(prefix.length));
};

/** A return to the admin's users list keeps the search as typed (trimmed) and a real page number. */
const usersListReturn =
  (field: "q" | "page"): Accepted =>
  async (_world, given, answer) => {
    expect(answer).toMatchObject({ kind: "redirect" });
    const url = new URL((answer as { to: string }).to, "http://localhost");
    expect(url.pathname).toBe("/admin/users");
    const text = textOf(given).trim();
    // A search that could not be stored is dropped, like one that is too long.
    if (field === "q") expect(url.searchParams.get("q")).toBe(text === "" || text.length > 254 || hasUnstorableCharacters(text) ? null : text);
    else expect(url.searchParams.get("page")).toBe(/^\d{1,9}$/.test(text) && Number(text) > 1 ? String(Number(text)) : null);
  };

const releaseForm = (title: string) => ({
  title,
  releaseDate: "2026-05-01",
  trackTitle: "Track One",
  trackDuration: "180",
  trackGenre: "pop",
  trackType: "song",
  trackArtists: "",
});

/** The release's fields, read back from the release the action wrote (`which`). */
function releaseFields(which: (world: World, answer: ActionAnswer) => number): FieldSpec[] {
  const release = (world: World, answer: ActionAnswer) =>
    prisma.release.findUniqueOrThrow({
      where: { id: which(world, answer) },
      include: { tracks: { orderBy: { position: "asc" }, include: { artists: { include: { artist: true } } } } },
    });
  const firstTrack = async (world: World, answer: ActionAnswer) => (await release(world, answer)).tracks[0]!;
  return [
    { name: "title", accepted: trimmedText(async (world, answer) => (await release(world, answer)).title) },
    {
      name: "releaseDate",
      extra: () => days,
      accepted: trimmedText(async (world, answer) => toIsoDay((await release(world, answer)).releaseDate)),
    },
    { name: "trackTitle", accepted: trimmedText(async (world, answer) => (await firstTrack(world, answer)).title) },
    {
      name: "trackDuration",
      accepted: async (world, given, answer) => expect((await firstTrack(world, answer)).durationSeconds).toBe(Number(textOf(given).trim())),
    },
    { name: "trackGenre", accepted: trimmedText(async (world, answer) => (await firstTrack(world, answer)).genre) },
    { name: "trackType", accepted: trimmedText(async (world, answer) => (await firstTrack(world, answer)).type) },
    {
      name: "trackArtists",
      extra: () => [{ label: "another artist's nickname in another case", value: "OTHER ARTIST" }],
      accepted: async (world, given, answer) => {
        const track = await firstTrack(world, answer);
        const others = track.artists.filter((performer) => performer.artistId !== world.artist.artistId).map((performer) => performer.artist.nickname.toLowerCase());
        expect(others.sort()).toEqual(splitNicknames(textOf(given)).map((nickname) => nickname.toLowerCase()).sort());
      },
    },
  ];
}

const usersListRowFields = (whom: string): FieldSpec[] => [
  { name: "userId", extra: (world) => [{ label: `${whom}: no such user`, value: "2147483647" }, { label: `${whom}: the admin`, value: String(world.admin.id) }] },
  { name: "page", accepted: usersListReturn("page") },
  { name: "q", accepted: usersListReturn("q") },
];

const accountFields = (find: (world: World, given: FormValue, field: string) => Promise<{ name: string; email: string; passwordHash: string }>): FieldSpec[] => [
  { name: "name", accepted: async (world, given) => expect((await find(world, given, "name")).name).toBe(textOf(given).trim()) },
  { name: "email", extra: (world) => [{ label: "a taken email in capitals", value: world.newcomer.email.toUpperCase() }] },
  { name: "password", accepted: async (world, given) => expect(await verifyPassword((await find(world, given, "password")).passwordHash, textOf(given))).toBe(true) },
];

/** A new account's email, another for each attempt, so that every attempt may succeed. */
let newAccountEmail = "";
const nextAccountEmail = () => (newAccountEmail = `new-account-${attemptCount}@example.test`);
const newAccount = () => prisma.user.findUniqueOrThrow({ where: { email: newAccountEmail } });

const specs: ActionSpec[] = [
  {
    file: "app/(public)/login/actions.ts",
    name: "signInAction",
    style: "state",
    repeatable: true,
    as: () => null,
    form: (world) => ({ email: world.applicant.email, password: TEST_PASSWORD, callbackUrl: "/requests" }),
    // A wrong password counts as a failed sign-in; the fifth locks the account, and the lock is audited (docs/domain.md §10).
    refusalWrites: ["ThrottleCounter", "AuditEntry"],
    fields: [
      { name: "email" },
      { name: "password" },
      {
        name: "callbackUrl",
        extra: () => callbacks,
        accepted: async (_world, given, answer) => {
          expect(answer).toMatchObject({ kind: "redirect" });
          const to = (answer as { to: string }).to;
          expect(to.startsWith("/") && !to.startsWith("//") && !to.includes("\\")).toBe(true);
          expect(to.startsWith("/login")).toBe(false);
          if (to !== "/requests") expect(to).toBe(textOf(given));
        },
      },
    ],
  },
  {
    file: "app/(public)/register/actions.ts",
    name: "registerAction",
    style: "state",
    as: () => null,
    form: () => ({ name: "New Person", email: nextAccountEmail(), password: "a-long-password" }),
    repeatable: true,
    // Every registration that passes the form's rules counts against the address (docs/domain.md §11).
    refusalWrites: ["ThrottleCounter"],
    fields: accountFields(async (_world, given, field) =>
      field === "email" ? prisma.user.findUniqueOrThrow({ where: { email: textOf(given).trim().toLowerCase() } }) : newAccount(),
    ),
  },
  {
    file: "components/auth/sign-out-action.ts",
    name: "signOutAction",
    style: "form",
    repeatable: true,
    as: (world) => world.applicant,
    form: () => ({}),
    validWritesNothing: true,
    fields: [],
  },
  {
    file: "app/(app)/account/actions.ts",
    name: "renameAction",
    style: "state",
    repeatable: true,
    as: (world) => world.applicant,
    form: () => ({ name: "Renamed Person" }),
    fields: [{ name: "name", accepted: trimmedText((world) => prisma.user.findUniqueOrThrow({ where: { id: world.applicant.id } }).then((user) => user.name)) }],
  },
  {
    file: "app/(app)/account/actions.ts",
    name: "changePasswordAction",
    style: "state",
    renew: async (world) => {
      await prisma.user.update({ where: { id: world.applicant.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
    },
    as: (world) => world.applicant,
    form: () => ({ currentPassword: TEST_PASSWORD, newPassword: "another-long-password" }),
    // A wrong password counts as a failed sign-in; the fifth locks the account, and the lock is audited (docs/domain.md §10).
    refusalWrites: ["ThrottleCounter", "AuditEntry"],
    fields: [
      { name: "currentPassword" },
      {
        name: "newPassword",
        accepted: async (world, given) => {
          const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: world.applicant.id } });
          expect(await verifyPassword(passwordHash, textOf(given))).toBe(true);
        },
      },
    ],
  },
  {
    file: "app/(app)/account/actions.ts",
    name: "signOutEverywhereAction",
    style: "state",
    repeatable: true,
    as: (world) => world.applicant,
    form: () => ({}),
    fields: [],
  },
  {
    file: "app/(app)/admin/actions.ts",
    name: "appointManagerAction",
    style: "state",
    renew: async (world) => {
      world.newcomer = await createUser(prisma);
    },
    as: (world) => world.admin,
    outsider: (world) => world.manager,
    form: (world) => ({ userId: String(world.newcomer.id), page: "2", q: "search" }),
    fields: usersListRowFields("appoint"),
  },
  {
    file: "app/(app)/admin/actions.ts",
    name: "disableAccountAction",
    style: "state",
    repeatable: true,
    as: (world) => world.admin,
    outsider: (world) => world.artist,
    form: (world) => ({ userId: String(world.newcomer.id), page: "2", q: "search" }),
    fields: usersListRowFields("disable"),
  },
  {
    file: "app/(app)/admin/actions.ts",
    name: "enableAccountAction",
    style: "state",
    repeatable: true,
    as: (world) => world.admin,
    outsider: (world) => world.applicant,
    form: (world) => ({ userId: String(world.disabledUser.id), page: "2", q: "search" }),
    fields: usersListRowFields("enable"),
  },
  {
    file: "app/(app)/admin/actions.ts",
    name: "createManagerAction",
    style: "state",
    as: (world) => world.admin,
    outsider: (world) => world.manager,
    form: () => ({ name: "New Manager", email: nextAccountEmail(), password: "a-long-password" }),
    repeatable: true,
    fields: accountFields(async (_world, given, field) =>
      field === "email" ? prisma.user.findUniqueOrThrow({ where: { email: textOf(given).trim().toLowerCase() } }) : newAccount(),
    ),
  },
  {
    // The admin's "Deactivate" (docs/domain.md §10): the manager becomes a USER; another one for the next try.
    file: "app/(app)/admin/actions.ts",
    name: "deactivateManagerAction",
    style: "state",
    renew: async (world) => {
      world.spareManager = await createManager(prisma);
    },
    as: (world) => world.admin,
    outsider: (world) => world.manager,
    form: (world) => ({ managerId: String(world.spareManager.managerId) }),
    fields: [{ name: "managerId", extra: () => [{ label: "no such manager", value: "2147483647" }] }],
  },
  {
    // The admin's "Reassign" (docs/domain.md §10 "All requests"): the request moves to the other manager.
    file: "app/(app)/admin/requests/actions.ts",
    name: "reassignRequestAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.admin,
    outsider: (world) => world.manager,
    form: (world) => ({
      requestId: String(world.requestId),
      currentManagerId: String(world.manager.managerId),
      managerId: String(world.otherManager.managerId),
      reason: "Covering for a colleague",
    }),
    fields: [
      {
        name: "requestId",
        extra: (world) => [
          { label: "another manager's request", value: String(world.foreignRequestId) },
          { label: "a publish request", value: String(world.changesPublishRequestId) },
        ],
      },
      { name: "currentManagerId", extra: (world) => [{ label: "a manager the request is not with", value: String(world.otherManager.managerId) }] },
      {
        name: "managerId",
        extra: (world) => [
          { label: "the manager who has it", value: String(world.manager.managerId) },
          { label: "no such manager", value: "2147483647" },
        ],
        // A choice is trimmed like every field; one that happens to name the other manager is that manager.
        accepted: async (world, given) => {
          expect(Number(textOf(given).trim())).toBe(world.otherManager.managerId);
          expect((await prisma.request.findUniqueOrThrow({ where: { id: world.requestId } })).managerId).toBe(world.otherManager.managerId);
        },
      },
      {
        name: "reason",
        // The managers' notifications quote the reason, cut to their 500 characters: never inside an emoji.
        extra: () => [{ label: "the longest reason, all emoji", value: "🎤".repeat(1000) }],
        accepted: async (world, given) => {
          const entry = await prisma.requestHistory.findFirstOrThrow({ where: { requestId: world.requestId }, orderBy: { id: "desc" } });
          expect(entry).toMatchObject({ reason: textOf(given).trim(), fromManagerId: world.manager.managerId, toManagerId: world.otherManager.managerId });
          const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: world.requestId, userId: world.otherManager.id }, orderBy: { id: "desc" } });
          const { nickname } = await prisma.request.findUniqueOrThrow({ where: { id: world.requestId } });
          expect(`The label reassigned request #${world.requestId} ("${nickname}") to you: ${textOf(given).trim()}`.startsWith(notification.message)).toBe(true);
        },
      },
    ],
  },
  {
    // The admin's "Move to manager" (docs/domain.md §10): the artist moves to the other manager; moved back to try again.
    file: "app/(app)/admin/users/[id]/move/actions.ts",
    name: "moveArtistAction",
    style: "state",
    renew: async (world) => {
      await prisma.artist.update({ where: { id: world.artist.artistId }, data: { managerId: world.manager.managerId! } });
    },
    as: (world) => world.admin,
    outsider: (world) => world.artist,
    form: (world) => ({
      artistId: String(world.artist.artistId),
      currentManagerId: String(world.manager.managerId),
      managerId: String(world.otherManager.managerId),
      reason: "A better fit for the genre",
    }),
    fields: [
      {
        name: "artistId",
        extra: (world) => [
          { label: "an artist of another manager", value: String(world.otherArtist.artistId) },
          { label: "no such artist", value: "2147483647" },
        ],
      },
      { name: "currentManagerId", extra: (world) => [{ label: "a manager the artist is not with", value: String(world.otherManager.managerId) }] },
      {
        name: "managerId",
        extra: (world) => [{ label: "the artist's own manager", value: String(world.manager.managerId) }],
        accepted: async (world, given) => {
          expect(Number(textOf(given).trim())).toBe(world.otherManager.managerId);
          expect((await prisma.artist.findUniqueOrThrow({ where: { id: world.artist.artistId } })).managerId).toBe(world.otherManager.managerId);
        },
      },
      {
        name: "reason",
        extra: () => [{ label: "the longest reason, all emoji", value: "🎤".repeat(1000) }],
        accepted: async (world, given) => {
          expect((await prisma.artist.findUniqueOrThrow({ where: { id: world.artist.artistId } })).managerId).toBe(world.otherManager.managerId);
          const notification = await prisma.notification.findFirstOrThrow({ where: { userId: world.otherManager.id }, orderBy: { id: "desc" } });
          // "The label moved Hostile Artist to you from <manager>[, with N open publish requests]: <reason>", cut to 500 characters.
          const [said] = notification.message.split(": ");
          expect(said!.startsWith(`The label moved Hostile Artist to you from ${world.manager.name}`)).toBe(true);
          expect(`${said}: ${textOf(given).trim()}`.startsWith(notification.message)).toBe(true);
        },
      },
    ],
  },
  {
    // The admin's "Retry" (docs/domain.md §10 "Failed events"): a retry of the event in the outbox.
    file: "app/(app)/admin/failed-events/actions.ts",
    name: "retryFailedEventAction",
    style: "state",
    renew: async (world) => {
      world.failedEventId = await parkedEvent(world.requestId);
    },
    as: (world) => world.admin,
    outsider: (world) => world.manager,
    form: (world) => ({ failedEventId: String(world.failedEventId) }),
    fields: [{ name: "failedEventId", extra: () => [{ label: "no such failed event", value: "2147483647" }] }],
  },
  {
    // The admin's "Retry all" of the list as filtered by event name: a name that matches nothing retries nothing.
    file: "app/(app)/admin/failed-events/actions.ts",
    name: "retryAllFailedEventsAction",
    style: "state",
    renew: async (world) => {
      world.failedEventId = await parkedEvent(world.requestId);
    },
    as: (world) => world.admin,
    outsider: (world) => world.artist,
    form: () => ({ event: signRequestAssignmentDue.name }),
    fields: [
      {
        name: "event",
        accepted: async (world, given) => {
          const name = textOf(given).trim();
          const { retryEventId } = await prisma.failedEvent.findUniqueOrThrow({ where: { id: world.failedEventId } });
          expect(retryEventId !== null).toBe(name === "" || name === signRequestAssignmentDue.name);
        },
      },
    ],
  },
  {
    file: "app/(app)/manager/report/actions.ts",
    name: "refreshStatisticsAction",
    style: "state",
    repeatable: true,
    as: (world) => world.manager,
    outsider: (world) => world.artist,
    form: () => ({}),
    fields: [],
  },
  {
    file: "app/(app)/notifications/actions.ts",
    name: "markNotificationReadAction",
    style: "form",
    repeatable: true,
    as: (world) => world.applicant,
    form: (world) => ({ notificationId: String(world.notificationId) }),
    fields: [{ name: "notificationId", extra: (world) => [{ label: "another person's notification", value: String(world.foreignNotificationId) }] }],
  },
  {
    file: "app/(app)/notifications/actions.ts",
    name: "markAllNotificationsReadAction",
    style: "form",
    repeatable: true,
    as: (world) => world.applicant,
    form: () => ({}),
    fields: [],
  },
  {
    file: "app/(app)/releases/[id]/actions.ts",
    name: "deleteReleaseAction",
    style: "state",
    renew: renewRelease,
    as: (world) => world.artist,
    outsider: (world) => world.manager,
    form: () => ({}),
    bound: (world) => [world.releaseId],
    foreignBound: (world) => [world.foreignReleaseId],
    fields: [],
  },
  {
    file: "app/(app)/releases/[id]/edit/actions.ts",
    name: "updateReleaseAction",
    style: "state",
    repeatable: true,
    as: (world) => world.artist,
    outsider: (world) => world.applicant,
    form: () => releaseForm("Edited Release"),
    bound: (world) => [world.releaseId],
    foreignBound: (world) => [world.foreignReleaseId],
    fields: releaseFields((world) => world.releaseId),
  },
  {
    file: "app/(app)/releases/new/actions.ts",
    name: "createReleaseAction",
    style: "state",
    repeatable: true,
    as: (world) => world.artist,
    outsider: (world) => world.manager,
    form: () => releaseForm("A Release"),
    fields: releaseFields((_world, answer) => idFrom(answer, "/releases/")),
  },
  {
    file: "app/(app)/manager/requests/actions.ts",
    name: "decideSelectedAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.manager,
    outsider: (world) => world.artist,
    form: (world) => ({ decision: "decline", requestId: String(world.requestId), reason: "Not this time" }),
    fields: [
      {
        name: "requestId",
        extra: (world) => [
          // Decided per request: another manager's is "not changed: Request not found", and nothing is written.
          { label: "another manager's request", value: String(world.foreignRequestId) },
          { label: "more requests than the limit", value: Array.from({ length: 101 }, () => String(world.requestId)) },
        ],
      },
      { name: "decision", extra: () => [{ label: "another action's name", value: "withdraw" }, { label: "a decision in capitals", value: "DECLINE" }] },
      {
        name: "reason",
        accepted: async (world, given) => {
          expect((await prisma.request.findUniqueOrThrow({ where: { id: world.requestId } })).resolutionReason).toBe(textOf(given).trim());
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/[id]/actions.ts",
    name: "acceptAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.manager,
    outsider: (world) => world.applicant,
    form: (world) => ({ requestId: String(world.requestId) }),
    fields: [{ name: "requestId", extra: (world) => [{ label: "another manager's request", value: String(world.foreignRequestId) }] }],
  },
  {
    file: "app/(app)/requests/[id]/actions.ts",
    name: "declineAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.manager,
    outsider: (world) => world.applicant,
    form: (world) => ({ requestId: String(world.requestId), reason: "Not this time" }),
    fields: [
      { name: "requestId", extra: (world) => [{ label: "another manager's request", value: String(world.foreignRequestId) }] },
      {
        name: "reason",
        // The applicant's notification quotes the reason, cut to its 500 characters: never inside an emoji.
        extra: () => [{ label: "the longest reason, all emoji", value: "🎤".repeat(1000) }],
        accepted: async (world, given) => {
          const request = await prisma.request.findUniqueOrThrow({ where: { id: world.requestId } });
          expect(request.resolutionReason).toBe(textOf(given).trim());
          const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: world.requestId, userId: world.applicant.id }, orderBy: { id: "desc" } });
          expect(`Your sign contract request was declined: ${textOf(given).trim()}`.startsWith(notification.message)).toBe(true);
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/[id]/actions.ts",
    name: "withdrawAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.applicant,
    outsider: (world) => world.otherApplicant,
    form: (world) => ({ requestId: String(world.requestId) }),
    fields: [{ name: "requestId", extra: (world) => [{ label: "another applicant's request", value: String(world.foreignRequestId) }] }],
  },
  {
    file: "app/(app)/requests/[id]/conversation-actions.ts",
    name: "postCommentAction",
    style: "state",
    repeatable: true,
    as: (world) => world.manager,
    outsider: (world) => world.otherManager,
    form: (world) => ({ requestId: String(world.requestId), body: "A comment for the applicant" }),
    fields: [
      { name: "requestId", extra: (world) => [{ label: "another manager's request", value: String(world.foreignRequestId) }] },
      {
        name: "body",
        // The applicant's notification quotes the comment, cut to its 500 characters: never inside an emoji.
        extra: () => [{ label: "the longest comment, all emoji", value: "🎤".repeat(2000) }],
        accepted: async (world, given) => {
          const comment = await prisma.requestComment.findFirstOrThrow({ where: { requestId: world.requestId }, orderBy: { id: "desc" } });
          expect(comment).toMatchObject({ body: textOf(given).trim(), internal: false, authorId: world.manager.id });
          const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: world.requestId, userId: world.applicant.id }, orderBy: { id: "desc" } });
          expect(`${world.manager.name} commented on request #${world.requestId}: ${textOf(given).trim()}`.startsWith(notification.message)).toBe(true);
        },
      },
      {
        // A checkbox: only its absence (a public comment) is accepted; anything but "on" is refused.
        name: "internal",
        accepted: async (world, given) => {
          expect(given).toBeUndefined();
          const comment = await prisma.requestComment.findFirstOrThrow({ where: { requestId: world.requestId }, orderBy: { id: "desc" } });
          expect(comment.internal).toBe(false);
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/[id]/actions.ts",
    name: "requestChangesAction",
    style: "state",
    renew: renewSignRequest,
    as: (world) => world.manager,
    outsider: (world) => world.applicant,
    form: (world) => ({ requestId: String(world.requestId), reason: "Another nickname, please" }),
    fields: [
      {
        name: "requestId",
        extra: (world) => [
          { label: "another manager's request", value: String(world.foreignRequestId) },
          { label: "a request already sent back", value: String(world.changesRequestId) },
        ],
      },
      {
        name: "reason",
        // The applicant's notification quotes the reason, cut to its 500 characters: never inside an emoji.
        extra: () => [{ label: "the longest reason, all emoji", value: "🎤".repeat(1000) }],
        accepted: async (world, given) => {
          const round = await prisma.requestHistory.findFirstOrThrow({ where: { requestId: world.requestId, toStatus: "CHANGES_REQUESTED" }, orderBy: { id: "desc" } });
          expect(round.reason).toBe(textOf(given).trim());
          const notification = await prisma.notification.findFirstOrThrow({ where: { requestId: world.requestId, userId: world.applicant.id }, orderBy: { id: "desc" } });
          expect(`Your manager asks for changes to your sign contract request: ${textOf(given).trim()}`.startsWith(notification.message)).toBe(true);
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/[id]/amend/actions.ts",
    name: "resubmitSignRequestAction",
    style: "state",
    renew: renewChangesRequest,
    as: (world) => world.changesApplicant,
    outsider: (world) => world.manager,
    form: (world) => ({ requestId: String(world.changesRequestId), nickname: `Amended Voice ${attemptCount}`, message: "Amended words" }),
    fields: [
      { name: "requestId", extra: (world) => [{ label: "another applicant's request", value: String(world.foreignRequestId) }] },
      {
        name: "nickname",
        extra: () => [{ label: "an artist's nickname in another case", value: "hostile ARTIST" }, { label: "an open request's nickname", value: "applicant star" }],
        accepted: trimmedText(async (world) => (await prisma.request.findUniqueOrThrow({ where: { id: world.changesRequestId } })).nickname),
      },
      {
        name: "message",
        accepted: trimmedText(async (world) => (await prisma.request.findUniqueOrThrow({ where: { id: world.changesRequestId } })).message, null),
      },
    ],
  },
  {
    file: "app/(app)/requests/[id]/amend/actions.ts",
    name: "resubmitPublishRequestAction",
    style: "state",
    renew: renewChangesPublishRequest,
    as: (world) => world.artist,
    outsider: (world) => world.manager,
    form: (world) => ({ requestId: String(world.changesPublishRequestId), expectedDate: world.publicationDay }),
    fields: [
      { name: "requestId", extra: (world) => [{ label: "another applicant's request", value: String(world.foreignRequestId) }] },
      {
        name: "expectedDate",
        extra: () => days,
        accepted: async (world, given) => {
          const request = await prisma.request.findUniqueOrThrow({ where: { id: world.changesPublishRequestId } });
          expect(toIsoDay(request.expectedDate!)).toBe(textOf(given).trim());
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/new/publish/actions.ts",
    name: "submitPublishRequestAction",
    style: "state",
    renew: renewRelease,
    as: (world) => world.artist,
    outsider: (world) => world.applicant,
    form: (world) => ({ releaseId: String(world.releaseId), expectedDate: world.publicationDay }),
    fields: [
      { name: "releaseId", extra: (world) => [{ label: "another artist's release", value: String(world.foreignReleaseId) }] },
      {
        name: "expectedDate",
        extra: () => days,
        accepted: async (_world, given, answer) => {
          const request = await prisma.request.findUniqueOrThrow({ where: { id: idFrom(answer, "/requests/") } });
          expect(toIsoDay(request.expectedDate!)).toBe(textOf(given).trim());
        },
      },
    ],
  },
  {
    file: "app/(app)/requests/new/sign-contract/actions.ts",
    name: "submitSignContractAction",
    style: "state",
    renew: async (world) => {
      world.newcomer = await createUser(prisma);
    },
    as: (world) => world.newcomer,
    outsider: (world) => world.artist,
    form: () => ({ nickname: `Fresh Voice ${attemptCount}`, message: "Hello label" }),
    fields: [
      {
        name: "nickname",
        extra: () => [{ label: "an artist's nickname in another case", value: "hostile ARTIST" }, { label: "an open request's nickname", value: "applicant star" }],
        accepted: trimmedText(async (_world, answer) => (await prisma.request.findUniqueOrThrow({ where: { id: idFrom(answer, "/requests/") } })).nickname),
      },
      {
        name: "message",
        accepted: trimmedText(async (_world, answer) => (await prisma.request.findUniqueOrThrow({ where: { id: idFrom(answer, "/requests/") } })).message, null),
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Running one attempt and judging its answer.

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** Every "use server" module of the app, by path from the repository root. */
function serverActionFiles(): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(path.join(root, directory), { withFileTypes: true })) {
      const relative = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && /^\s*(?:\/\/.*\n\s*)*["']use server["']/.test(readFileSync(path.join(root, relative), "utf8"))) found.push(relative);
    }
  };
  for (const directory of ["app", "components", "lib"]) walk(directory);
  return found.sort();
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function loadAction(spec: ActionSpec): Promise<Action> {
  const loaded = (await import(/* @vite-ignore */ path.join(root, spec.file))) as Record<string, Action>;
  const action = loaded[spec.name];
  if (typeof action !== "function") throw new Error(`${spec.file} exports no ${spec.name}`);
  return action;
}

function formDataOf(fields: Record<string, FormValue>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) formData.append(name, one);
  }
  return formData;
}

/** What an unexpected failure looks like, or internal detail leaking into what a person reads. */
const internalText = [
  /prisma/i,
  /Invalid `/,
  /ECONN/,
  /postgres/i,
  /\n\s+at /,
  /\(\/[^)]*:\d+:\d+\)/,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT INTO\b/,
  /\bviolates\b/,
  /invalid byte sequence/i,
  /Something went wrong on our side/,
];

function messagesOf(answer: ActionAnswer): string[] {
  if (answer.kind !== "state" || typeof answer.state !== "object" || answer.state === null) return [];
  const state = answer.state as { formError?: string; message?: string; fieldErrors?: Record<string, string[] | undefined> };
  return [state.formError, state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter((text): text is string => typeof text === "string");
}

function isRefusal(answer: ActionAnswer): boolean {
  if (answer.kind === "not-found") return true;
  if (answer.kind !== "state" || typeof answer.state !== "object" || answer.state === null) return false;
  const state = answer.state as { formError?: string; fieldErrors?: object };
  return Boolean(state.formError) || Object.keys(state.fieldErrors ?? {}).length > 0;
}

/** Log lines of the action helper's unexpected-failure path (lib/errors.ts `toActionState`: fields with a `reference`). */
const unexpectedFailures: unknown[][] = [];

let world: World;

async function freshWorld() {
  await resetDatabase(prisma);
  world = await buildWorld();
}

/** One call; its form, bound arguments and caller are read from the world as it is when the call is made. */
type Attempt = {
  label: string;
  form: () => Record<string, FormValue>;
  bound: () => unknown[];
  as: () => Person | null;
  accepted?: Accepted;
  /** The hostile value, as it was when the call was made. */
  given?: () => FormValue;
};

/** One call; returns a description of what was wrong with its answer, or null when it was fine. */
async function attempt(spec: ActionSpec, action: Action, { label, form, bound, as, accepted, given }: Attempt): Promise<string | null> {
  requestHeaders.address = `2001:db8::${(++attemptCount).toString(16)}`;
  await actAs(as());
  const sent = given?.();
  const formData = formDataOf(form());
  const boundArgs = bound();
  const before = await snapshotTables(prisma);
  unexpectedFailures.length = 0;
  const answer = await answerOf(() => (spec.style === "form" ? action(formData) : action(...boundArgs, {}, formData)));
  const changed = changedTables(before, await snapshotTables(prisma));
  const problems: string[] = [];
  if (answer.kind === "crash") problems.push(`crashed: ${String(answer.error)}`);
  for (const failure of unexpectedFailures) problems.push(`unexpected failure: ${failure.map(String).join(" ").slice(0, 400)}`);
  for (const message of messagesOf(answer)) {
    const leak = internalText.find((pattern) => pattern.test(message));
    if (leak) problems.push(`message shows internal text (${leak}): ${message.slice(0, 300)}`);
  }
  const unexpectedWrites = changed.filter((table) => !(spec.refusalWrites ?? []).includes(table));
  if (isRefusal(answer) || !accepted) {
    if (unexpectedWrites.length) problems.push(`${isRefusal(answer) ? "refused, but wrote to" : "not refused, and wrote to"} ${unexpectedWrites.join(", ")}`);
  } else {
    try {
      await accepted(world, sent, answer);
    } catch (error) {
      problems.push(`accepted, but not stored as given: ${String(error).slice(0, 400)}`);
    }
  }
  // The world is built again after a change that used it up (a decided request, a taken nickname).
  if (unexpectedWrites.length && !spec.repeatable) {
    if (spec.renew) await spec.renew(world);
    else await freshWorld();
  }
  return problems.length ? `${label}: ${problems.join("; ")} (answer: ${JSON.stringify(answer, (_key, value) => (typeof value === "string" && value.length > 200 ? `${value.slice(0, 200)}…` : value)).slice(0, 600)})` : null;
}

/** Runs attempts and fails once with every problem found, so one run shows them all. */
async function expectAllFine(spec: ActionSpec, attempts: Attempt[]) {
  const action = await loadAction(spec);
  const problems: string[] = [];
  for (const one of attempts) {
    const problem = await attempt(spec, action, one);
    if (problem) problems.push(problem);
  }
  expect(problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

let errorSpy: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  const original = logger.error.bind(logger) as (...args: unknown[]) => void;
  errorSpy = vi.spyOn(logger, "error").mockImplementation(((...args: unknown[]) => {
    const fields = args[0] as { reference?: unknown; err?: unknown } | undefined;
    if (typeof fields === "object" && fields !== null && "reference" in fields) unexpectedFailures.push([args[1], fields.err]);
    else original(...args);
  }) as typeof logger.error);
});

beforeEach(async () => {
  await freshWorld();
});

afterAll(async () => {
  errorSpy.mockRestore();
  await prisma.$disconnect();
});

describe("the sweep covers every server action", () => {
  it("has a spec for every export of every \"use server\" file, and no spec for an action that is gone", async () => {
    const exported: string[] = [];
    for (const file of serverActionFiles()) {
      const loaded = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const name of Object.keys(loaded)) exported.push(`${file}#${name}`);
    }
    expect(exported.length).toBeGreaterThan(0);
    expect(specs.map((spec) => `${spec.file}#${spec.name}`).sort()).toEqual(exported.sort());
  });
});

for (const spec of specs) {
  describe(`${spec.name} (${spec.file})`, () => {
    const base = (overrides: Record<string, FormValue> = {}) => ({ ...spec.form(world), ...overrides });
    const boundArgs = () => spec.bound?.(world) ?? [];

    it("accepts its valid form (so that every refusal below is the hostile value's doing)", async () => {
      const action = await loadAction(spec);
      await actAs(spec.as(world));
      const before = await snapshotTables(prisma);
      const answer = await answerOf(() => (spec.style === "form" ? action(formDataOf(base())) : action(...boundArgs(), {}, formDataOf(base()))));
      expect(isRefusal(answer), JSON.stringify(answer)).toBe(false);
      expect(answer.kind).not.toBe("crash");
      expect(changedTables(before, await snapshotTables(prisma)).length > 0).toBe(!spec.validWritesNothing);
    });

    it("answers a guest and a person without the right with a redirect or a message, writing nothing", async () => {
      const people = [...(spec.as(world) ? [null] : []), ...(spec.outsider ? [spec.outsider(world)] : [])];
      await expectAllFine(
        spec,
        people.map((person, index) => ({
          label: person ? `as ${person.email}` : "as a guest",
          form: () => base(),
          bound: boundArgs,
          as: () => [...(spec.as(world) ? [null] : []), ...(spec.outsider ? [spec.outsider(world)] : [])][index] ?? null,
        })),
      );
    });

    for (const field of spec.fields) {
      it(`refuses or stores exactly every hostile "${field.name}"`, async () => {
        // Extra values name things of the world, which is built again after an accepted value.
        const extra = (field.extra?.(world) ?? []).map(({ label }, index) => ({ label, value: () => field.extra!(world)[index]!.value }));
        const values = [...everyValue.map(({ label, value }) => ({ label, value: () => value })), ...extra];
        await expectAllFine(
          spec,
          values.map(({ label, value }) => ({
            label: `${field.name} = ${label}`,
            form: () => base({ [field.name]: value() }),
            bound: boundArgs,
            as: () => spec.as(world),
            accepted: field.accepted,
            given: value,
          })),
        );
      });
    }

    it(`ignores fields it does not read, named "${EXTRA_FIELD}"`, async () => {
      await expectAllFine(
        spec,
        extraValues.map(({ label, value }) => ({
          label: `${EXTRA_FIELD} = ${label}`,
          form: () => base({ [EXTRA_FIELD]: value }),
          bound: boundArgs,
          as: () => spec.as(world),
          accepted: async () => undefined,
        })),
      );
    });

    if (spec.bound) {
      it("refuses every hostile bound id, and another artist's, writing nothing", async () => {
        const foreign = spec.foreignBound ? [{ label: "another artist's release", value: () => spec.foreignBound!(world) }] : [];
        await expectAllFine(spec, [
          ...hostileBound.map(({ label, value }) => ({ label, form: () => base(), bound: () => [value], as: () => spec.as(world) })),
          ...foreign.map(({ label, value }) => ({ label, form: () => base(), bound: value, as: () => spec.as(world) })),
        ]);
      });
    }
  });
}
