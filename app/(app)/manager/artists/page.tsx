// /manager/artists: the manager's artists, their contracts and whether they are active.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { parsePage } from "@/lib/pagination";
import { formatDay } from "@/lib/clock";
import { listManagerArtists } from "@/lib/requests/queries";

export const metadata: Metadata = { title: "Artists" };

export default async function ManagerArtistsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("MANAGER");
  const params = await searchParams;
  const { artists, total, page, pageCount } = await listManagerArtists(user, { page: parsePage(params.page) });
  return (
    <>
      <PageHeader title="Artists" description="The artists you manage. A contract ends on its due date; the artist then becomes inactive." />
      {artists.length === 0 ? (
        <EmptyState title="No artists yet" description="When you accept a request to join the label, the new artist appears here." />
      ) : (
        <>
          <Table caption="Your artists">
            <TableHead>
              <tr>
                <TableHeaderCell>Nickname</TableHeaderCell>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Contract due</TableHeaderCell>
                <TableHeaderCell>Activity</TableHeaderCell>
                <TableHeaderCell>Releases</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {artists.map((artist) => (
                <TableRow key={artist.id}>
                  <TableCell label="Nickname" className="font-medium">{artist.nickname}</TableCell>
                  <TableCell label="Person">
                    <div>{artist.user.name}</div>
                    <div className="text-xs text-stone-500">{artist.user.email}</div>
                  </TableCell>
                  <TableCell label="Contract due" className="whitespace-nowrap">{formatDay(artist.contractDueDate)}</TableCell>
                  <TableCell label="Activity">{artist.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Inactive (contract ended)</Badge>}</TableCell>
                  <TableCell label="Releases">{artist._count.releases}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={pageCount} basePath="/manager/artists" total={total} itemLabel="artists" />
        </>
      )}
    </>
  );
}
