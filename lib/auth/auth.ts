// next-auth (Auth.js v5): email + password sign-in, sessions as signed JWT cookies that
// carry the user id and the id of the session's row; the role and the row are read from the
// database on every request (lib/auth/guards.ts, decision 012).
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession, startSession } from "@/lib/auth/sessions";
import { throttledSignIn, TooManyAttemptsError } from "@/lib/auth/throttle";
import { authenticate } from "@/lib/users/authenticate";
import { signInSchema } from "@/lib/users/schemas";

/** Sign-in refused by throttling (docs/domain.md §11); `refusal` is what to show ("Too many attempts. Try again in …"). */
export class TooManyAttemptsSignin extends CredentialsSignin {
  code = "too_many_attempts";
  readonly refusal: string;
  constructor(refusal: TooManyAttemptsError) {
    super(refusal.message);
    this.refusal = refusal.message;
  }
}

/** The right password for an account the admin has disabled (docs/domain.md §10). */
export class AccountDisabledSignin extends CredentialsSignin {
  code = "account_disabled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Both ways of signing in arrive here: the login form's action (through `signIn`) and
      // POST /api/auth/callback/credentials; `request` carries the original headers in both.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new CredentialsSignin();
        const { email, password } = parsed.data;
        let user;
        try {
          user = await throttledSignIn({ email, address: clientAddress(request.headers) }, () => authenticate(email, password));
        } catch (error) {
          if (error instanceof TooManyAttemptsError) throw new TooManyAttemptsSignin(error);
          throw error;
        }
        if (!user) throw new CredentialsSignin();
        if (user.disabled) throw new AccountDisabledSignin();
        const sessionId = await startSession(user.id);
        return { id: String(user.id), name: user.name, email: user.email, sessionId };
      },
    }),
  ],
  events: {
    // Both ways of signing out (the header's button, POST /api/auth/signout) end the row, so a
    // copy of the cookie, or one a request in flight sets again, no longer signs anyone in.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (sessionId) await endSession(sessionId);
    },
  },
});
