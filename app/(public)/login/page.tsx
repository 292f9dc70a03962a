// /login: the sign-in page; a signed-in visitor goes straight on.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { currentUser } from "@/lib/auth/guards";
import { afterSignInPath, safeCallbackPath } from "@/lib/auth/role-home";
import { signInRefusalMessage } from "@/lib/auth/sign-in-refusals";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error, code } = await searchParams;
  const safeCallback = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined) ?? undefined;
  const user = await currentUser();
  if (user) redirect(afterSignInPath(user.role, safeCallback));
  return (
    <AuthCard title="Sign in" description="Welcome back to Cook Droogers.">
      <LoginForm action={signInAction} callbackUrl={safeCallback} refusal={signInRefusalMessage(error, code)} />
    </AuthCard>
  );
}
