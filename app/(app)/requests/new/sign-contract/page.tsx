// /requests/new/sign-contract: a user asks to join the label.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignContractForm } from "@/components/requests/sign-contract-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guards";
import { findOpenSignRequest } from "@/lib/requests/queries";
import { maySubmit } from "@/lib/requests/state-machine";
import { submitSignContractAction } from "./actions";

export const metadata: Metadata = { title: "Join the label" };

export default async function SignContractPage() {
  const user = await requireUser();
  // Only someone not yet part of the label may ask to join it; to anyone else the page does not exist (docs/domain.md §1).
  if (!maySubmit("SIGN_CONTRACT", user)) notFound();
  const open = await findOpenSignRequest(user);
  return (
    <>
      <PageHeader
        title="Join the label"
        description="Send the label a request to sign a contract. A manager reviews it; you will be notified of the decision."
      />
      <Card>
        {open ? (
          <Alert tone="info" title="You already have an open request to join the label">
            <Link className="underline" href={`/requests/${open.id}`}>
              See its status
            </Link>
          </Alert>
        ) : (
          <SignContractForm submit={submitSignContractAction} />
        )}
      </Card>
    </>
  );
}
