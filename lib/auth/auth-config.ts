// The part of the next-auth configuration that needs no database, so the proxy can verify
// the session cookie without loading Prisma or argon2. lib/auth/auth.ts adds the provider.
import type { NextAuthConfig } from "next-auth";
import { authSecret } from "@/lib/env";

export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  pages: { signIn: "/login" },
  providers: [],
  // A wrong password is an expected outcome (the form says so), not a server error to log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
