// /admin/users/<id>/move: the admin moves the artist of account <id> to another manager, with
// their open publish requests (docs/domain.md §10 "All requests"). Any other account, or anyone
// but the admin, finds nothing here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HandOverForm } from "@/components/admin/hand-over-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { artistMoveView } from "@/lib/artists/move-artist";
import { requirePageRole } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { moveArtistAction } from "./actions";

export const metadata: Metadata = { title: "Move to manager" };

async function viewOrNotFound(admin: Awaited<ReturnType<typeof requirePageRole>>, rawId: string) {
  const userId = parseId(rawId);
  if (userId === null) notFound();
  try {
    return await artistMoveView(admin, userId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function MoveArtistPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePageRole("ADMIN");
  const artist = await viewOrNotFound(admin, (await params).id);
  const open = artist.openPublishRequests;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/admin/users?q=${encodeURIComponent(artist.email)}`} className="hover:underline">
            ← Users
          </Link>
        }
        title={`Move ${artist.nickname} to another manager`}
        description={`${artist.name} · ${artist.email}`}
      />
      <div className="space-y-6">
        <Card title="Now">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-stone-600">Personal manager</dt>
              <dd className="font-medium">{artist.manager.name}</dd>
            </div>
            <div>
              <dt className="text-stone-600">Open publish requests</dt>
              <dd>{open === 0 ? "None" : `${open}: they move with the artist`}</dd>
            </div>
            <div>
              <dt className="text-stone-600">Contract</dt>
              <dd>{artist.active ? "Active" : "Ended"}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Move to manager" description="The new manager becomes the artist's personal manager and takes over their open publish requests. Both managers and the artist are notified.">
          <HandOverForm
            action={moveArtistAction}
            hidden={{ artistId: String(artist.artistId), currentManagerId: String(artist.manager.managerId) }}
            choices={artist.choices}
            reasonHint="Shown in the history of each request that moves, to the artist too."
            submitLabel="Move to manager"
            pendingLabel="Moving…"
          />
        </Card>
      </div>
    </>
  );
}
