// The sign-contract form, shared by the page and its action.
import { z } from "zod";
import { storableText } from "@/lib/storable-text";

const NICKNAME_MAX = 64;
const MESSAGE_MAX = 2000;

export const signContractSchema = z.object({
  nickname: storableText()
    .trim()
    .min(1, "Enter the nickname you want to perform under")
    .max(NICKNAME_MAX, `Nickname must be at most ${NICKNAME_MAX} characters`),
  message: storableText()
    .trim()
    .max(MESSAGE_MAX, `Message must be at most ${MESSAGE_MAX} characters`)
    .transform((value) => (value === "" ? null : value)),
});

export type SignContractInput = z.infer<typeof signContractSchema>;
