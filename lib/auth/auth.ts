// next-auth (Auth.js v5): email + password sign-in, sessions as signed JWT cookies that
// carry only the user id; the role is read from the database on every request.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { authenticate } from "@/lib/users/authenticate";
import { signInSchema } from "@/lib/users/schemas";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await authenticate(parsed.data.email, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        return { id: String(user.id), name: user.name, email: user.email };
      },
    }),
  ],
});
