// next-auth (Auth.js v5): email + password sign-in, sessions as signed JWT cookies that
// carry only the user id; the role is read from the database on every request.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { clientAddress } from "@/lib/auth/client-address";
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
        return { id: String(user.id), name: user.name, email: user.email };
      },
    }),
  ],
});
