"use server";
// Server action of the sign-contract form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { toActionState, type ActionState } from "@/lib/errors";
import { signContractSchema } from "@/lib/requests/sign/schemas";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";

export async function submitSignContractAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { nickname: String(formData.get("nickname") ?? ""), message: String(formData.get("message") ?? "") };
  const parsed = signContractSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, values };
  let requestId: number;
  try {
    requestId = (await submitSignRequest(user, parsed.data)).id;
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath("/requests");
  redirect(`/requests/${requestId}`);
}
