// Who is asking, and may they: the one module of guards for pages, server actions and route
// handlers. The role comes from the database, so a promotion takes effect on the next page
// load without signing in again, and so is the session's row: an ended session or a disabled
// account is signed out on its next request (decision 012). Pages answer a wrong role with
// "not found" (it reveals nothing); actions get a ForbiddenError, which the action helper
// turns into a message.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { findSessionUser } from "@/lib/auth/sessions";
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

/** The signed-in person, or null when signed out or their session has ended; one read per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0 || !session?.sessionId) return null;
  const user = await findSessionUser(session.sessionId, id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionId: session.sessionId,
    managerId: user.manager?.id ?? null,
    artistId: user.artist?.id ?? null,
  };
});

/** For pages: a signed-out visitor goes to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
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
