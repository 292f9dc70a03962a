// The artist behind a page or action: releases and publish requests belong to artists only.
import "server-only";
import { notFound } from "next/navigation";
import { requireRole, requireUser, type SessionUser } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/errors";

/** Who acts on releases: the artist's user (history, notifications) and artist record (ownership). */
export type ArtistActor = { userId: number; artistId: number };

export type ArtistSession = SessionUser & ArtistActor;

/** For server actions: anyone else is refused (the action answers with a ForbiddenError). */
export async function requireArtist(): Promise<ArtistSession> {
  const user = await requireRole("ARTIST");
  if (user.artistId === null) throw new ForbiddenError();
  return { ...user, userId: user.id, artistId: user.artistId };
}

/** For pages: anyone but an artist sees "not found", so the pages reveal nothing. */
export async function requireArtistPage(): Promise<ArtistSession> {
  const user = await requireUser();
  if (user.role !== "ARTIST" || user.artistId === null) notFound();
  return { ...user, userId: user.id, artistId: user.artistId };
}
