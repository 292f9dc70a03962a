// Submit a sign-contract request (docs/domain.md §3.1 step 1): a USER asks to join the label.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { DomainError, ForbiddenError, violatedConstraint } from "@/lib/errors";
import { requestExpiryDue, signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { openRequestWhere } from "@/lib/requests/open-request";
import { maySubmit } from "@/lib/requests/state-machine";
import type { SignContractInput } from "@/lib/requests/sign/schemas";
import { signRequestExpiresAt } from "@/lib/requests/timing";

const NICKNAME_TAKEN = "This nickname is already taken";
const ALREADY_OPEN = "You already have an open request to join the label";

export async function submitSignRequest(user: SessionUser, input: SignContractInput) {
  if (!maySubmit("SIGN_CONTRACT", user)) {
    throw new ForbiddenError("Only people who are not yet part of the label can ask to join it");
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const open = await tx.request.findFirst({
        where: { applicantId: user.id, type: "SIGN_CONTRACT", ...openRequestWhere },
        select: { id: true },
      });
      if (open) throw new DomainError(ALREADY_OPEN);
      const takenByArtist = await tx.artist.findFirst({
        where: { nickname: { equals: input.nickname, mode: "insensitive" } },
        select: { id: true },
      });
      const takenByRequest = await tx.request.findFirst({
        where: { type: "SIGN_CONTRACT", ...openRequestWhere, nickname: { equals: input.nickname, mode: "insensitive" } },
        select: { id: true },
      });
      if (takenByArtist || takenByRequest) throw new DomainError(NICKNAME_TAKEN, { field: "nickname" });

      const request = await tx.request.create({
        data: { type: "SIGN_CONTRACT", applicantId: user.id, nickname: input.nickname, message: input.message },
      });
      await tx.requestHistory.create({
        data: { requestId: request.id, fromStatus: null, toStatus: "NEW", actorId: user.id, reason: "Request submitted" },
      });
      await enqueueEvent(tx, signRequestAssignmentDue, { requestId: request.id, attempt: 0 });
      await enqueueEvent(tx, requestExpiryDue, { requestId: request.id }, { availableAt: signRequestExpiresAt(request.createdAt) });
      return request;
    });
  } catch (error) {
    // Two submissions racing past the checks: the partial unique indexes decide.
    const constraint = violatedConstraint(error);
    if (constraint === "Request_open_sign_per_applicant_key") throw new DomainError(ALREADY_OPEN);
    if (constraint) throw new DomainError(NICKNAME_TAKEN, { field: "nickname" });
    throw error;
  }
}
