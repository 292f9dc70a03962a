// The demo label's requests (README "demo data"; docs/domain.md §3, §9): every demo manager's
// queue holds open requests of both kinds in each status an open request rests in — New (its
// worker step still to come), On approval and Changes requested — one of them expiring within
// 7 days and one with a conversation, next to a few closed ones for history. Processing is not
// among them: grading passes through it inside one transaction (docs/domain.md §3.2 step 2
// "Built"), so no request ever rests there, and one left there would never move again.
//
// Every request is built through the services a person or the worker would have used — submit,
// assign, grade, request changes, resubmit, comment, accept, decline, withdraw — as steps of one
// transaction per demo request, so its history, notifications, deadline and due-time events
// (expiry, reminder, go-live, the worker's next step) are exactly theirs, and the worker takes
// the demo data on like any other. The events of the steps the seed took in the worker's place
// (assigning, grading) stay in the outbox; the worker finds those steps done and skips them, as
// it does a message delivered twice (docs/domain.md §3 "Safe to repeat"). The seed's own choices:
// a demo sign request goes to the demo manager whose queue it fills, not the one with the
// lightest queue (its history says so), and the request expiring soon is submitted under the
// rules of five days ago (the submit services take a clock).
//
// Idempotent: a demo request is made in the transaction that makes what names it — its
// applicant's account (sign requests) or its release (publish requests) — and not at all when
// that exists already; so a second run adds nothing, and whatever became of a demo request since
// (the worker's steps, a newcomer's decisions) stays as it is. Nothing else is touched.
import type { ArtistSession, SessionUser } from "@/lib/auth/guards";
import { addUtcDays, fixedClock, startOfUtcDay, systemClock, type Clock } from "@/lib/clock";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { declineRequest } from "@/lib/requests/decline-request";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { earliestPublicationDate } from "@/lib/requests/publish/publication-date-rule";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { resubmitRequest } from "@/lib/requests/resubmit-request";
import { assignToManager } from "@/lib/requests/sign/assign-sign-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { ensureRelease, type DemoTrack } from "./demo-release";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The history entry of a demo sign request's assignment: not the fair choice of §3.1 step 2. */
export const DEMO_ASSIGNMENT_REASON = "Demo data: assigned to this manager's queue";

type Person = { email: string; name: string };
type DemoComment = { by: "applicant" | "manager"; body: string; internal?: true };

/** A sign request from a demo applicant of its own, and how far it got. */
type SignStory = {
  applicant: Person;
  nickname: string;
  message: string;
  then:
    | { step: "conversation"; comments: DemoComment[] }
    | { step: "changes-requested"; reason: string }
    | { step: "resubmitted"; reason: string; nickname: string; message: string }
    | { step: "declined"; reason: string };
};

/** A publish request of the desk's artist for a release of its own, and how far it got. */
type PublishStory = {
  release: string;
  /** Days from today to the expected date; unset: the earliest date allowed when it was submitted. */
  expectedInDays?: number;
  /** Submitted this many days ago, under that day's date rule: how a request comes to expire soon. */
  submittedDaysAgo?: number;
  then:
    | { step: "waiting-for-grade" }
    | { step: "on-approval" }
    | { step: "changes-requested"; reason: string }
    | { step: "accepted" }
    | { step: "withdrawn" };
};

/** One demo manager's queue: sign requests sent to them and the publish requests of their artist. */
type Desk = { managerEmail: string; artistEmail: string; genre: string; sign: SignStory[]; publish: PublishStory[] };

const applicant = (n: number, name: string): Person => ({ email: `applicant${n}@cookdroogers.local`, name });

export const demoDesks: Desk[] = [
  {
    managerEmail: "manager1@cookdroogers.local",
    artistEmail: "artist1@cookdroogers.local",
    genre: "Indie",
    sign: [
      {
        applicant: applicant(1, "Nora Lindqvist"),
        nickname: "Paper Lanterns",
        message: "Dream pop from Malmö; three self-released EPs and a tour of small clubs behind us.",
        then: {
          step: "conversation",
          comments: [
            { by: "applicant", body: "Is there anything else you need from us? We can send live recordings." },
            { by: "manager", body: "Live recordings would help, thanks. A link to the last show is enough." },
            { by: "manager", body: "Saw them at Plan B last spring: strong live act, small but loyal audience.", internal: true },
          ],
        },
      },
      {
        applicant: applicant(2, "Ravi Menon"),
        nickname: "Monsoon Static",
        message: "Lo-fi guitar records made in a garage.",
        then: { step: "changes-requested", reason: "Tell us a little more: how many releases so far, and where can we hear them?" },
      },
      {
        applicant: applicant(3, "Greta Holm"),
        nickname: "Quiet Harbour",
        message: "Folk duo.",
        then: {
          step: "resubmitted",
          reason: "Another act goes by a very similar name; could you choose another one?",
          nickname: "Quiet Harbour Duo",
          message: "Folk duo from Gothenburg; the name now says who we are.",
        },
      },
      {
        applicant: applicant(4, "Bruno Costa"),
        nickname: "Loud Neighbour",
        message: "Noise rock, very loud.",
        then: { step: "declined", reason: "Noise rock is not what the label releases; good luck elsewhere." },
      },
    ],
    publish: [
      { release: "Pressure Cooker", expectedInDays: 12, then: { step: "waiting-for-grade" } },
      { release: "Steam Rising", expectedInDays: 16, then: { step: "on-approval" } },
      { release: "Second Helping", expectedInDays: 20, then: { step: "changes-requested", reason: "Could it come out a week later, after the festival?" } },
      { release: "Last Orders", submittedDaysAgo: 5, then: { step: "on-approval" } },
      { release: "Bain-Marie", expectedInDays: 24, then: { step: "accepted" } },
      { release: "Cold Brew", expectedInDays: 30, then: { step: "withdrawn" } },
    ],
  },
  {
    managerEmail: "manager2@cookdroogers.local",
    artistEmail: "artist2@cookdroogers.local",
    genre: "Electronic",
    sign: [
      {
        applicant: applicant(5, "Yuki Tanaka"),
        nickname: "Neon Ferns",
        message: "Ambient electronics for late trains.",
        then: {
          step: "conversation",
          comments: [
            { by: "applicant", body: "We have a new EP almost finished; should we wait for it?" },
            { by: "manager", body: "No need to wait; send the demo when it is ready and we will listen." },
            { by: "manager", body: "Streams grew steadily last year; worth a meeting.", internal: true },
          ],
        },
      },
      {
        applicant: applicant(6, "Amara Diallo"),
        nickname: "Dust Choir",
        message: "Choir samples over slow beats.",
        then: { step: "changes-requested", reason: "Please add a link to your music in the message." },
      },
      {
        applicant: applicant(7, "Felix Wagner"),
        nickname: "Tin Orchard",
        message: "Synth pop.",
        then: {
          step: "resubmitted",
          reason: "A sentence or two about you would help us decide.",
          nickname: "Tin Orchard",
          message: "Synth pop from Leipzig; two albums, both on streaming services.",
        },
      },
      {
        applicant: applicant(8, "Sofia Reyes"),
        nickname: "Glass Pigeons",
        message: "Techno.",
        then: { step: "declined", reason: "Our techno roster is full this year." },
      },
    ],
    publish: [
      { release: "Fridge Light", expectedInDays: 13, then: { step: "waiting-for-grade" } },
      // The date of Bain-Marie (accepted above): the grade shows "One release per day" at work.
      { release: "Larder Loops", expectedInDays: 24, then: { step: "on-approval" } },
      { release: "Proving Drawer", expectedInDays: 18, then: { step: "changes-requested", reason: "The mastering is not finished; pick a later date." } },
      { release: "Four A.M. Toast", submittedDaysAgo: 4, then: { step: "on-approval" } },
      { release: "Crumb Theory", expectedInDays: 26, then: { step: "accepted" } },
      { release: "Late Shift", expectedInDays: 32, then: { step: "withdrawn" } },
    ],
  },
  {
    managerEmail: "manager3@cookdroogers.local",
    artistEmail: "artist3@cookdroogers.local",
    genre: "Folk",
    sign: [
      {
        applicant: applicant(9, "Hugo Laurent"),
        nickname: "Salt Meridian",
        message: "Sea shanties, rearranged for strings.",
        then: {
          step: "conversation",
          comments: [
            { by: "manager", body: "Thanks for applying. Do you play live as well?" },
            { by: "applicant", body: "Yes, about twenty shows a year, mostly in Brittany." },
            { by: "manager", body: "Check whether the string players are under contract elsewhere.", internal: true },
          ],
        },
      },
      {
        applicant: applicant(10, "Ingrid Nilsen"),
        nickname: "Fjord Radio",
        message: "Radio plays with songs.",
        then: { step: "changes-requested", reason: "Is this music or spoken word? Tell us what you would release with us." },
      },
      {
        applicant: applicant(11, "Mateo Rossi"),
        nickname: "Olive Grove Tapes",
        message: "Acoustic.",
        then: {
          step: "resubmitted",
          reason: "Say a little about the music, please.",
          nickname: "Olive Grove Tapes",
          message: "Acoustic guitar and voice, recorded outdoors in Puglia.",
        },
      },
      {
        applicant: applicant(12, "Chen Wei"),
        nickname: "Paper Tigers Club",
        message: "Cover band.",
        then: { step: "declined", reason: "We sign artists with their own songs." },
      },
    ],
    publish: [
      { release: "Kindling", expectedInDays: 11, then: { step: "waiting-for-grade" } },
      { release: "Hearth Songs", expectedInDays: 17, then: { step: "on-approval" } },
      { release: "Stone Soup", expectedInDays: 22, then: { step: "changes-requested", reason: "Two of the tracks still need a title." } },
      { release: "Harvest Moon", submittedDaysAgo: 5, then: { step: "on-approval" } },
      { release: "Woodsmoke", expectedInDays: 28, then: { step: "accepted" } },
      { release: "Barley Field", expectedInDays: 34, then: { step: "withdrawn" } },
    ],
  },
  {
    managerEmail: "manager4@cookdroogers.local",
    artistEmail: "artist4@cookdroogers.local",
    genre: "Jazz",
    sign: [
      {
        applicant: applicant(13, "Elena Petrova"),
        nickname: "Midnight Ferry",
        message: "A jazz trio playing the harbour bars.",
        then: {
          step: "conversation",
          comments: [
            { by: "applicant", body: "We would love to release the trio's first album with you." },
            { by: "manager", body: "Glad to hear it. Who writes the songs?" },
            { by: "manager", body: "Ask the booking agent about their summer dates before deciding.", internal: true },
          ],
        },
      },
      {
        applicant: applicant(14, "Omar Haddad"),
        nickname: "Desert Cable",
        message: "Oud and electronics.",
        then: { step: "changes-requested", reason: "Please tell us where you have performed so far." },
      },
      {
        applicant: applicant(15, "Lucy Grant"),
        nickname: "Rainy Arcade",
        message: "Chiptune jazz.",
        then: {
          step: "resubmitted",
          reason: "Could you send a link to your recordings?",
          nickname: "Rainy Arcade",
          message: "Chiptune jazz; recordings on the usual streaming services under this name.",
        },
      },
      {
        applicant: applicant(16, "Tariq Aziz"),
        nickname: "Brick Lane Echo",
        message: "Hi.",
        then: { step: "declined", reason: "There is not enough here for us to decide on." },
      },
    ],
    publish: [
      { release: "Blue Flame", expectedInDays: 14, then: { step: "waiting-for-grade" } },
      { release: "Simmer Down", expectedInDays: 19, then: { step: "on-approval" } },
      { release: "Slow Reduction", expectedInDays: 23, then: { step: "changes-requested", reason: "Let us avoid the week of the jazz festival; a week later?" } },
      { release: "Drip Coffee", submittedDaysAgo: 6, then: { step: "on-approval" } },
      { release: "Pan-Fried Bop", expectedInDays: 29, then: { step: "accepted" } },
      { release: "Rolling Boil", expectedInDays: 35, then: { step: "withdrawn" } },
    ],
  },
];

/** The demo applicants, for the seed's list of accounts. */
export const demoApplicants: Person[] = demoDesks.flatMap((desk) => desk.sign.map((story) => story.applicant));

/** Two tracks in the artist's genre; the second an instrumental of the first. */
function demoTracks(title: string, genre: string): DemoTrack[] {
  return [
    { title, genre, durationSeconds: 208, type: "song" },
    { title: `${title} (Instrumental)`, genre, durationSeconds: 191, type: "song" },
  ];
}

/** The demo manager as a signed-in person, when that account still is a manager. */
async function findManager(tx: DbClient, where: { email: string } | { managerId: number }): Promise<(SessionUser & { managerId: number; disabled: boolean }) | null> {
  const user = await tx.user.findFirst({
    where: "email" in where ? { email: where.email } : { manager: { id: where.managerId } },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, manager: { select: { id: true } } },
  });
  if (!user || user.role !== "MANAGER" || !user.manager) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, managerId: user.manager.id, artistId: null, disabled: user.disabledAt !== null };
}

/** The demo artist as a signed-in person, when that account still is an artist. */
async function findArtist(tx: DbClient, email: string): Promise<ArtistSession | null> {
  const user = await tx.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, artist: { select: { id: true } } },
  });
  if (!user || user.role !== "ARTIST" || !user.artist) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, managerId: null, artistId: user.artist.id, userId: user.id };
}

/** Made now, or left alone: false when its applicant's account exists (made before, or not ours). */
async function seedSignStory(tx: DbClient, desk: Desk, story: SignStory, passwordHash: string, clock: Clock): Promise<boolean> {
  const manager = await findManager(tx, { email: desk.managerEmail });
  // A disabled manager gets no new work (docs/domain.md §10), a demoted one none at all.
  if (!manager || manager.disabled) return false;
  if (await tx.user.findUnique({ where: { email: story.applicant.email }, select: { id: true } })) return false;
  const user = await tx.user.create({ data: { ...story.applicant, role: "USER", passwordHash }, select: { id: true } });
  const applicant: SessionUser = { id: user.id, ...story.applicant, role: "USER", managerId: null, artistId: null };

  const request = await submitSignRequest(applicant, { nickname: story.nickname, message: story.message }, tx);
  await assignToManager(tx, request, manager.managerId, DEMO_ASSIGNMENT_REASON);
  const { then } = story;
  switch (then.step) {
    case "conversation":
      for (const comment of then.comments) {
        const author = comment.by === "applicant" ? applicant : manager;
        await postComment({ requestId: request.id, author, body: comment.body, internal: comment.internal ?? false }, tx);
      }
      break;
    case "changes-requested":
      await requestChanges(manager, request.id, then.reason, tx);
      break;
    case "resubmitted":
      await requestChanges(manager, request.id, then.reason, tx);
      await resubmitRequest(applicant, request.id, { type: "SIGN_CONTRACT", nickname: then.nickname, message: then.message }, clock, tx);
      break;
    case "declined":
      await declineRequest(manager, request.id, then.reason, tx);
      break;
  }
  return true;
}

/** Made now, or left alone: false when the release exists (made before, or the artist's own). */
async function seedPublishStory(tx: DbClient, desk: Desk, story: PublishStory, clock: Clock): Promise<boolean> {
  const artist = await findArtist(tx, desk.artistEmail);
  if (!artist) return false;
  const now = clock.now();
  const submittedClock = story.submittedDaysAgo === undefined ? clock : fixedClock(new Date(now.getTime() - story.submittedDaysAgo * DAY_MS));
  const expectedDate =
    story.expectedInDays === undefined ? earliestPublicationDate(submittedClock.now()) : addUtcDays(startOfUtcDay(now), story.expectedInDays);
  const release = await ensureRelease(tx, artist.artistId, {
    title: story.release,
    releaseDate: expectedDate,
    status: "UNPUBLISHED",
    tracks: demoTracks(story.release, desk.genre),
  });
  if (!release.created) return false;

  const { id } = await submitPublishRequest(artist, { releaseId: release.id, expectedDate }, submittedClock, tx);
  const { then } = story;
  if (then.step === "waiting-for-grade") return true; // the worker grades it (its event is queued)
  await gradePublishRequest(tx, id);
  if (then.step === "withdrawn") {
    await withdrawRequest(artist, id, tx);
    return true;
  }
  // The artist's personal manager, whom the submission assigned.
  const { managerId } = await tx.request.findUniqueOrThrow({ where: { id }, select: { managerId: true } });
  const manager = managerId === null ? null : await findManager(tx, { managerId });
  if (!manager) return true;
  if (then.step === "changes-requested") await requestChanges(manager, id, then.reason, tx);
  if (then.step === "accepted") await acceptRequest(manager, id, clock, tx);
  return true;
}

/**
 * One demo request in a transaction of its own. One that the rules refuse today (a nickname
 * taken by someone's real request, a demo artist whose contract ended) is left out with a
 * warning rather than stopping the seed, and is tried again on the next run.
 */
async function seedStory(what: string, story: (tx: DbClient) => Promise<boolean>): Promise<boolean> {
  try {
    return await prisma.$transaction(story, { timeout: 30_000 });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.warn(`Demo data: left out the ${what}: ${error.message}`);
    return false;
  }
}

/** Seeds the demo requests that do not exist yet; answers how many it made. */
export async function seedDemoRequests(passwordHash: string, clock: Clock = systemClock): Promise<number> {
  let made = 0;
  for (const desk of demoDesks) {
    for (const story of desk.sign) {
      if (await seedStory(`sign request of ${story.applicant.email}`, (tx) => seedSignStory(tx, desk, story, passwordHash, clock))) made += 1;
    }
    for (const story of desk.publish) {
      if (await seedStory(`publish request for "${story.release}"`, (tx) => seedPublishStory(tx, desk, story, clock))) made += 1;
    }
  }
  return made;
}
