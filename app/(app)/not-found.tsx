// "Not found" inside the signed-in shell (the header stays): also what a role sees for a
// page it may not use, or for another person's data, so nothing is revealed.
import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function AppNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-16 text-center">
      <NotFoundMessage />
    </div>
  );
}
