"use server";
// Server action of the sign-contract form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { requireUser } from "@/lib/auth/guards";
import { signContractSchema } from "@/lib/requests/sign/schemas";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";

const readSignContractForm = (formData: FormData) => ({ nickname: formText(formData, "nickname"), message: formText(formData, "message") });

export const submitSignContractAction = defineAction({
  guard: requireUser,
  schema: signContractSchema,
  input: readSignContractForm,
  values: readSignContractForm,
  run: (input, user) => submitSignRequest(user, input),
  onSuccess: ({ id }) => {
    revalidatePath("/requests");
    redirect(`/requests/${id}`);
  },
});
