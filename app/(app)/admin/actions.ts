"use server";
// The admin's actions: appoint a user as manager, create a manager account.
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { toActionState, type ActionState } from "@/lib/errors";
import { appointManager } from "@/lib/users/appoint-manager";
import { createManager } from "@/lib/users/create-manager";
import { createManagerSchema } from "@/lib/users/schemas";

const appointSchema = z.object({
  userId: z.coerce.number().int().positive(),
  page: z.coerce.number().int().positive().catch(1),
  q: z.string().trim().max(254).catch(""),
});

export async function appointManagerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let page: number;
  let userId: number;
  let search: string;
  try {
    const admin = await requireRole("ADMIN");
    const parsed = appointSchema.safeParse({
      userId: formData.get("userId"),
      page: formData.get("page") ?? undefined,
      q: formData.get("q") ?? "",
    });
    if (!parsed.success) return { formError: "Choose a user to appoint" };
    ({ userId, page, q: search } = parsed.data);
    await appointManager({ userId, actorId: admin.id });
  } catch (error) {
    unstable_rethrow(error);
    return toActionState(error);
  }
  revalidatePath("/admin", "layout");
  const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...(page > 1 ? { page: String(page) } : {}), appointed: String(userId) });
  redirect(`/admin/users?${query}`);
}

export async function createManagerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  try {
    await requireRole("ADMIN");
    const parsed = createManagerSchema.safeParse({
      name: formData.get("name"),
      email: formData.get("email"),
      password: formData.get("password"),
    });
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    const manager = await createManager(parsed.data);
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Manager account created for ${manager.name} (${manager.email}).` };
  } catch (error) {
    unstable_rethrow(error);
    return toActionState(error, values);
  }
}
