// /releases/<id>/edit: change an unpublished release that no publish request is waiting on.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReleaseForm } from "@/components/releases/release-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getRelease, toReleaseFormValues } from "@/lib/releases/get-release";
import { parseId } from "@/lib/ids";
import { releaseChangeBlocker } from "@/lib/releases/release-rules";
import { requireArtistPage } from "@/lib/auth/guards";
import { updateReleaseAction } from "./actions";

export const metadata: Metadata = { title: "Edit release" };

export default async function EditReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const artist = await requireArtistPage();
  const releaseId = parseId((await params).id);
  const release = releaseId === null ? null : await getRelease(artist.artistId, releaseId);
  if (!release) notFound();
  const blocker = releaseChangeBlocker(release);
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/releases/${release.id}`} className="hover:underline">← {release.title}</Link>}
        title="Edit release"
      />
      <Card>
        {blocker ? (
          <Alert tone="info">{blocker}</Alert>
        ) : (
          <ReleaseForm submit={updateReleaseAction.bind(null, release.id)} initialValues={toReleaseFormValues(release)} cancelHref={`/releases/${release.id}`} />
        )}
      </Card>
    </>
  );
}
