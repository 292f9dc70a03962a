"use server";
// Server action of the publish request form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formFields, formText } from "@/lib/actions/define-action";
import { requireArtist } from "@/lib/auth/guards";
import { publishRequestInputSchema } from "@/lib/requests/publish/schemas";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";

export const submitPublishRequestAction = defineAction({
  guard: requireArtist,
  schema: publishRequestInputSchema,
  input: (formData) => ({ releaseId: formText(formData, "releaseId"), expectedDate: formText(formData, "expectedDate") }),
  values: (formData) => formFields(formData, "releaseId", "expectedDate"),
  run: (input, artist) => submitPublishRequest(artist, input),
  onSuccess: ({ id }) => {
    revalidatePath("/requests");
    revalidatePath("/releases");
    redirect(`/requests/${id}`);
  },
});
