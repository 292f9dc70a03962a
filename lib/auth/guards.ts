// Who is asking, and may they: the one module of guards for pages, server actions and route
// handlers. The role comes from the database, so a promotion takes effect on the next page
// load without signing in again, and so is the session's row: an ended session or a disabled
// account is signed out on its next request (decision 012). Pages answer a wrong role with
// "not found" (it reveals nothing); actions get a ForbiddenError, which the action helper
// turns into a message.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { systemClock } from "@/lib/clock";
import { findSessionUser } from "@/lib/auth/sessions";
import { parseSessionClaims, sessionClaims, VERIFIED_SESSION_HEADER, type SessionClaims } from "@/lib/auth/verified-session";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  managerId: number | null;
  artistId: number | null;
};

/** The person of this request, with the session they came with (a password change keeps it). */
export type CurrentUser = SessionUser & { sessionId: string };

/**
 * What the session cookie claims: on private pages proxy.ts has already verified it and passes
 * the claims on (lib/auth/verified-session.ts), so it is decrypted once per request; elsewhere
 * (public pages, route handlers under /api) Auth.js reads the cookie here. Outside Next.js
 * (NEXT_RUNTIME unset: the integration tests, which stand in for `auth`) there is no proxy and
 * no request to read.
 */
async function cookieClaims(): Promise<SessionClaims | null> {
  const verified = process.env.NEXT_RUNTIME ? parseSessionClaims((await headers()).get(VERIFIED_SESSION_HEADER)) : null;
  if (verified) return verified;
  const session = await auth();
  return sessionClaims(session?.user?.id, session?.sessionId);
}

/**
 * The signed-in person and their unread notifications, or null when signed out or their session
 * has ended; one read per request (one statement: lib/auth/sessions.ts).
 */
const currentSession = cache(async (): Promise<{ user: CurrentUser; unreadNotifications: number } | null> => {
  const claims = await cookieClaims();
  if (!claims) return null;
  const { userId: id, sessionId } = claims;
  const user = await findSessionUser(sessionId, id, systemClock, { countUnread: true });
  if (!user) return null;
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      sessionId,
      managerId: user.manager?.id ?? null,
      artistId: user.artist?.id ?? null,
    },
    unreadNotifications: user.unreadNotifications ?? 0,
  };
});

/** The signed-in person, or null when signed out or their session has ended; one read per request. */
export async function currentUser(): Promise<CurrentUser | null> {
  return (await currentSession())?.user ?? null;
}

/** For pages: a signed-out visitor goes to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For the signed-in layout: the person (signed-out visitors go to /login) and their unread count. */
export async function requireUserWithUnreadCount(): Promise<{ user: CurrentUser; unreadNotifications: number }> {
  const session = await currentSession();
  if (!session) redirect("/login");
  return session;
}

/** For actions: the wrong role is refused with a ForbiddenError. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new ForbiddenError();
  return user;
}

/** For pages: a role that may not use the page sees "not found". */
export async function requirePageRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}

/** For route handlers: the signed-in person when they hold one of `roles`, else null (answer 404). */
export async function findUserWithRole(...roles: Role[]): Promise<CurrentUser | null> {
  const user = await currentUser();
  return user && roles.includes(user.role) ? user : null;
}

/** Who acts on releases: the artist's user (history, notifications) and artist record (ownership). */
export type ArtistActor = { userId: number; artistId: number };

export type ArtistSession = SessionUser & ArtistActor;

function asArtist(user: SessionUser): ArtistSession | null {
  return user.role === "ARTIST" && user.artistId !== null ? { ...user, userId: user.id, artistId: user.artistId } : null;
}

/** For actions: releases and publish requests belong to artists only. */
export async function requireArtist(): Promise<ArtistSession> {
  const artist = asArtist(await requireUser());
  if (!artist) throw new ForbiddenError();
  return artist;
}

/** For pages: anyone but an artist sees "not found". */
export async function requireArtistPage(): Promise<ArtistSession> {
  const artist = asArtist(await requireUser());
  if (!artist) notFound();
  return artist;
}

/** For public actions (sign in, register): anyone may call them; throttling is their own. */
export async function allowAnyone(): Promise<null> {
  return null;
}
