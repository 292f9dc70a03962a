// The part of the next-auth configuration that needs no database, so the proxy can verify
// the session cookie without loading Prisma or argon2. lib/auth/auth.ts adds the provider.
import type { NextAuthConfig } from "next-auth";
import { SESSION_IDLE_LIMIT_MS } from "@/lib/auth/session-rules";
import { authSecret } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_LIMIT_MS / 1000 },
  pages: { signIn: "/login" },
  providers: [],
  // A wrong password is an expected outcome (the form says so), not a server error to log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: error }, "Auth.js error");
    },
  },
  callbacks: {
    // The cookie carries the user id and the id of the session's row (lib/auth/sessions.ts),
    // which every request checks; nothing else about the person is trusted from it.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
