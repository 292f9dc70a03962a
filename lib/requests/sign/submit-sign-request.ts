// Submit a sign-contract request (docs/domain.md §3.1 step 1): a USER asks to join the label.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { DomainError, ForbiddenError, violatedConstraint } from "@/lib/errors";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestExpiresAt, scheduleDeadline } from "@/lib/requests/deadline";
import { openRequestSql, openRequestWhere } from "@/lib/requests/open-request";
import { maySubmit } from "@/lib/requests/state-machine";
import type { SignContractInput } from "@/lib/requests/sign/schemas";

/** The refusal of anyone already part of the label (an artist, a manager, the admin). */
export const SIGN_REQUEST_REFUSAL = "Only people who are not yet part of the label can ask to join it";
export const NICKNAME_TAKEN = "This nickname is already taken";
const ALREADY_OPEN = "You already have an open request to join the label";

/**
 * Taken by an artist or by an open sign request, ignoring case but otherwise exactly
 * (docs/domain.md §11 "Exact names"): the same `lower(…) = lower(…)` as the unique indexes
 * (which can serve it), never Prisma's case-insensitive `equals`, which PostgreSQL runs as
 * ILIKE, where `%` and `_` are wildcards. `exceptRequestId`: the request being amended
 * (docs/domain.md §9), whose own nickname does not stand in its way.
 */
async function nicknameTaken(tx: DbClient, nickname: string, exceptRequestId?: number): Promise<boolean> {
  const notThisRequest = exceptRequestId === undefined ? Prisma.empty : Prisma.sql`AND r."id" <> ${exceptRequestId}`;
  const rows = await tx.$queryRaw<{ taken: number }[]>`
    SELECT 1 AS taken FROM "Artist" WHERE lower("nickname") = lower(${nickname})
    UNION ALL
    SELECT 1 FROM "Request" r
    WHERE r."type" = 'SIGN_CONTRACT' AND ${Prisma.raw(openRequestSql("r"))} AND lower(r."nickname") = lower(${nickname}) ${notThisRequest}
    LIMIT 1`;
  return rows.length > 0;
}

/** The nickname rule of docs/domain.md §3.1 step 1, on submitting and on amending (§9). */
export async function checkNicknameAvailable(tx: DbClient, nickname: string, options: { exceptRequestId?: number } = {}): Promise<void> {
  if (await nicknameTaken(tx, nickname, options.exceptRequestId)) throw new DomainError(NICKNAME_TAKEN, { field: "nickname" });
}

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function submitSignRequest(user: SessionUser, input: SignContractInput, db: Db | DbClient = prisma) {
  if (!maySubmit("SIGN_CONTRACT", user)) {
    throw new ForbiddenError(SIGN_REQUEST_REFUSAL);
  }
  try {
    return await inTransaction(db, async (tx) => {
      const open = await tx.request.findFirst({
        where: { applicantId: user.id, type: "SIGN_CONTRACT", ...openRequestWhere },
        select: { id: true },
      });
      if (open) throw new DomainError(ALREADY_OPEN);
      await checkNicknameAvailable(tx, input.nickname);

      const request = await tx.request.create({
        data: { type: "SIGN_CONTRACT", applicantId: user.id, nickname: input.nickname, message: input.message },
      });
      await tx.requestHistory.create({
        data: { requestId: request.id, fromStatus: null, toStatus: "NEW", actorId: user.id, reason: "Request submitted" },
      });
      await enqueueEvent(tx, signRequestAssignmentDue, { requestId: request.id, attempt: 0 });
      await scheduleDeadline(tx, { requestId: request.id, expiresAt: requestExpiresAt(request) });
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
