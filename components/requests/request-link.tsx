// A request's name in lists: "#12 Nickname" or "#13 Release title", linking to its page.
import Link from "next/link";
import type { RequestType } from "@/lib/generated/prisma/enums";

export function RequestLink({ request }: { request: { id: number; type: RequestType; nickname: string | null; release: { title: string } | null } }) {
  return (
    <Link className="font-medium text-accent-700 hover:underline" href={`/requests/${request.id}`}>
      #{request.id} {request.type === "SIGN_CONTRACT" ? request.nickname : request.release?.title}
    </Link>
  );
}
