// The request of a /requests/<id>/… page for the person asking: a signed-out visitor is sent to
// sign in; an id that is not one, or a request they may not see, is "not found".
import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRequestForViewer } from "@/lib/requests/queries";

export async function viewRequestOrNotFound(rawId: string) {
  const user = await requireUser();
  const id = parseId(rawId);
  if (id === null) notFound();
  try {
    return { user, ...(await getRequestForViewer(user, id)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
