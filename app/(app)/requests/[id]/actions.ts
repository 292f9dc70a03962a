"use server";
// Decisions on one request: accept, decline (assigned manager), withdraw (applicant).
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { toActionState, type ActionState } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { decisionSchema, declineSchema } from "@/lib/requests/schemas";
import { withdrawRequest } from "@/lib/requests/withdraw-request";

function refresh(requestId: number) {
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/requests");
  revalidatePath("/manager/requests");
}

export async function acceptAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = decisionSchema.safeParse({ requestId: formData.get("requestId") });
  if (!parsed.success) return { formError: "This request does not exist." };
  try {
    await acceptRequest(user, parsed.data.requestId);
  } catch (error) {
    return toActionState(error);
  }
  refresh(parsed.data.requestId);
  return { ok: true, message: "Accepted." };
}

export async function declineAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { requestId: formData.get("requestId"), reason: String(formData.get("reason") ?? "") };
  const parsed = declineSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, values };
  try {
    await declineRequest(user, parsed.data.requestId, parsed.data.reason);
  } catch (error) {
    return toActionState(error, values);
  }
  refresh(parsed.data.requestId);
  return { ok: true, message: "Declined." };
}

export async function withdrawAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = decisionSchema.safeParse({ requestId: formData.get("requestId") });
  if (!parsed.success) return { formError: "This request does not exist." };
  try {
    await withdrawRequest(user, parsed.data.requestId);
  } catch (error) {
    return toActionState(error);
  }
  refresh(parsed.data.requestId);
  return { ok: true, message: "Withdrawn." };
}
