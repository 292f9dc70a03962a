// The admin area. Each page and action checks the role itself; this only titles the section.
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Cook Droogers" } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
