// /requests/new/publish: an artist asks the label to publish one of their releases.
import type { Metadata } from "next";
import Link from "next/link";
import { PublishRequestForm } from "@/components/requests/publish-request-form";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDay } from "@/lib/clock";
import { requireArtistPage } from "@/lib/auth/guards";
import { parseId } from "@/lib/ids";
import { firstParam } from "@/lib/search-params";
import { getPublishFormOptions } from "@/lib/requests/publish/get-publish-form-options";
import { isWithinContract } from "@/lib/requests/publish/publication-date-rule";
import { INACTIVE_ARTIST_MESSAGE } from "@/lib/requests/publish/submit-publish-request";
import { submitPublishRequestAction } from "./actions";

export const metadata: Metadata = { title: "Request publication" };

export default async function PublishRequestPage({ searchParams }: { searchParams: Promise<{ releaseId?: string | string[] }> }) {
  const artist = await requireArtistPage();
  const options = await getPublishFormOptions(artist.artistId);
  const wanted = parseId(firstParam((await searchParams).releaseId));
  const selected = options.releases.find((release) => release.id === wanted)?.id;

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/releases" className="hover:underline">← Releases</Link>}
        title="Request publication"
        description="Ask the label to publish a release on a date. The label's system grades the request, then your manager decides."
      />
      <Card>
        {!options.active ? (
          <Alert tone="warning" title="You cannot submit publish requests">
            {INACTIVE_ARTIST_MESSAGE}
          </Alert>
        ) : options.releases.length === 0 ? (
          <EmptyState
            title="No release to submit"
            description="Every release of yours is already scheduled, published or waiting on a publish request. Create a new release first."
            action={
              <LinkButton href="/releases/new" variant="primary">
                New release
              </LinkButton>
            }
          />
        ) : !isWithinContract(options.earliestDate, options.contractDueDate) ? (
          <Alert tone="warning" title="Your contract ends too soon">
            Your contract ends on {formatDay(options.contractDueDate)}, before the earliest possible publication date (
            {formatDay(options.earliestDate)}). Contact your manager.
          </Alert>
        ) : (
          <PublishRequestForm
            submit={submitPublishRequestAction}
            releases={options.releases}
            selectedReleaseId={selected}
            earliestDate={toIsoDay(options.earliestDate)}
            earliestDateLabel={formatDay(options.earliestDate)}
            latestDate={toIsoDay(options.contractDueDate)}
            latestDateLabel={formatDay(options.contractDueDate)}
          />
        )}
      </Card>
    </>
  );
}
