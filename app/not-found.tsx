// "Not found": also what a role sees for a page it may not use, so nothing is revealed.
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center px-4 py-16 text-center">
      <NotFoundMessage />
    </main>
  );
}
