// /releases/new: an artist creates a release with its tracks.
import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseForm } from "@/components/releases/release-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { systemClock, toIsoDay } from "@/lib/clock";
import { requireArtistPage } from "@/lib/auth/guards";
import { emptyTrackValues } from "@/lib/releases/schemas";
import { createReleaseAction } from "./actions";

export const metadata: Metadata = { title: "New release" };

export default async function NewReleasePage() {
  await requireArtistPage();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/releases" className="hover:underline">← Releases</Link>}
        title="New release"
        description="A release has a title, a release date and at least one track. It stays unpublished until the label accepts a publish request for it."
      />
      <Card>
        <ReleaseForm
          submit={createReleaseAction}
          initialValues={{ title: "", releaseDate: toIsoDay(systemClock.now()), tracks: [emptyTrackValues] }}
          cancelHref="/releases"
        />
      </Card>
    </>
  );
}
