// The document shell: html/body, global styles and the default page title.
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cook Droogers", template: "%s · Cook Droogers" },
  description: "Cook Droogers — an independent record label: artists, releases and the people behind them.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#fafaf9",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never at build time: Next.js puts the request's CSP nonce on its
  // scripts only when it renders (proxy.ts, docs/domain.md §11 "Headers").
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
