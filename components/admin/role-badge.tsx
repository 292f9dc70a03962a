// A person's role as a badge: "User", "Artist", "Manager", "Admin".
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { roleLabels } from "@/lib/auth/role-home";
import type { Role } from "@/lib/generated/prisma/enums";

const tones: Record<Role, BadgeTone> = { USER: "neutral", ARTIST: "success", MANAGER: "accent", ADMIN: "info" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{roleLabels[role]}</Badge>;
}
