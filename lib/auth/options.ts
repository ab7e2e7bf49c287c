// next-auth 4: credentials sign-in, JWT session cookies that carry a server-side session id (./sessions.ts).
// Every page and action checks the session row (lib/auth/session.ts → loadViewer), so signing out, deactivating a
// user or changing a password ends their sessions at once, on every instance (docs/decisions/0003).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./credentials";
import { revokeSession, SESSION_HOURS } from "./sessions";

export const SIGN_IN_ERRORS = {
  INVALID: "INVALID",
  LOCKED: "LOCKED",
  UNAVAILABLE: "UNAVAILABLE",
} as const;

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email address", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        let result;
        try {
          result = await checkCredentials(
            String(credentials?.email ?? ""),
            String(credentials?.password ?? ""),
            clientAddress(header(req?.headers, "x-forwarded-for")),
          );
        } catch (e) {
          // Never show a database error's text on the sign-in page.
          console.error("[members-requests] sign-in failed:", e);
          throw new Error(SIGN_IN_ERRORS.UNAVAILABLE);
        }
        if (result.ok)
          return {
            id: result.user.id,
            name: result.user.name,
            email: result.user.email,
            sv: result.user.sessionVersion,
            sid: result.sessionId,
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
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
