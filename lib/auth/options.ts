// next-auth 4: credentials sign-in, JWT sessions that carry the user's session version.
// The version is checked against the database wherever data is read (lib/auth/viewer.ts), so
// deactivating a user or changing a password ends their sessions at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";

export const SIGN_IN_ERRORS = {
  INVALID: "INVALID",
  LOCKED: "LOCKED",
} as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email address", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const result = await checkCredentials(
          String(credentials?.email ?? ""),
          String(credentials?.password ?? ""),
        );
        if (result.ok)
          return {
            id: result.user.id,
            name: result.user.name,
            email: result.user.email,
            sv: result.user.sessionVersion,
          };
        // The message travels to the sign-in form, which shows it in the error summary.
        throw new Error(
          result.error === "LOCKED" ? `${SIGN_IN_ERRORS.LOCKED}:${result.minutes}` : SIGN_IN_ERRORS.INVALID,
        );
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
};
