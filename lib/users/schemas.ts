// Form schemas for accounts, shared by forms and server actions.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { pageSchema } from "@/lib/pagination";

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email")
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const registerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Name must be at most 100 characters"),
  email: emailSchema,
  password: z.string().min(8, "Password must be at least 8 characters").max(200, "Password must be at most 200 characters"),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

/** The sign-in form: the credentials, and where the person was heading (checked again before use). */
export const signInFormSchema = signInSchema.extend({
  callbackUrl: z.string().max(2000).nullable().catch(null),
});

export const INVALID_CREDENTIALS = "Invalid email or password";

export const createManagerSchema = registerSchema;

/** The admin's "Make manager" button: whom, and the list page to return to. */
export const appointManagerSchema = z.object({
  userId: idSchema,
  page: pageSchema,
  q: z.string().trim().max(254).catch(""),
});
