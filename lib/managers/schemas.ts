// Form schemas for managing the label's managers (docs/domain.md §10).
import { z } from "zod";
import { idSchema } from "@/lib/ids";

/** The admin's "Deactivate" on a row of the managers list. */
export const deactivateManagerSchema = z.object({ managerId: idSchema });
