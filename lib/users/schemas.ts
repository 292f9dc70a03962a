// Form schemas for accounts, shared by forms and server actions.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { pageSchema } from "@/lib/pagination";
import { storableText } from "@/lib/storable-text";

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email")
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

/** A person's name (docs/domain.md §2): 1–100 characters after trimming. */
export const nameSchema = storableText().trim().min(1, "Enter your name").max(100, "Name must be at most 100 characters");

/** A new password (docs/domain.md §2): 8–200 characters, taken as typed. */
export const passwordSchema = z.string().min(8, "Password must be at least 8 characters").max(200, "Password must be at most 200 characters");

export const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
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
export const ACCOUNT_DISABLED = "This account is disabled. Ask the label to enable it again.";

export const createManagerSchema = registerSchema;

/** A button on a row of the admin's users list: whose account, and the list page to return to. */
const usersListRowSchema = z.object({
  userId: idSchema,
  page: pageSchema,
  q: storableText().trim().max(254).catch(""),
});

/** The admin's "Make manager" button. */
export const appointManagerSchema = usersListRowSchema;

/** The admin's "Disable" and "Enable" buttons (docs/domain.md §10). */
export const accountStatusSchema = usersListRowSchema;

/** The account page's "Name" form (docs/domain.md §11). */
export const renameSchema = z.object({ name: nameSchema });

export const CURRENT_PASSWORD_WRONG = "Current password is wrong";
export const PASSWORD_CHANGED = "Password changed. Your other sessions have been signed out.";

/** The account page's password form: the current password proves it is the person (docs/domain.md §11). */
export const changePasswordSchema = z.object({
  // No password is longer than the rule allows, so a longer one is simply wrong (and costs no hash).
  currentPassword: z.string().min(1, "Enter your current password").max(200, CURRENT_PASSWORD_WRONG),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
