// /register: create an account (a plain user who may then ask to join the label).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { currentUser } from "@/lib/auth/guards";
import { roleHome } from "@/lib/auth/role-home";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage() {
  const user = await currentUser();
  if (user) redirect(roleHome(user.role));
  return (
    <AuthCard title="Create your account" description="Register, then send the label a request to join as an artist.">
      <RegisterForm action={registerAction} />
    </AuthCard>
  );
}
