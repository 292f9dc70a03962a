// The sign-contract form, shared by the page and its action.
import { z } from "zod";

const NICKNAME_MAX = 64;
const MESSAGE_MAX = 2000;

export const signContractSchema = z.object({
  nickname: z
    .string()
    .trim()
    .min(1, "Enter the nickname you want to perform under")
    .max(NICKNAME_MAX, `Nickname must be at most ${NICKNAME_MAX} characters`),
  message: z
    .string()
    .trim()
    .max(MESSAGE_MAX, `Message must be at most ${MESSAGE_MAX} characters`)
    .transform((value) => (value === "" ? null : value)),
});

export type SignContractInput = z.infer<typeof signContractSchema>;
