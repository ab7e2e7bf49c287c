// The next-auth session cookie for a sign-in that did not go through next-auth (single sign-on, docs/decisions/0015):
// the same JWT next-auth's credentials callback writes — made by our own jwt() callback from ./options.ts, encrypted
// with next-auth's encode() and NEXTAUTH_SECRET, under next-auth's cookie name and options — so getServerSession,
// loadViewer, sign-out and revocation treat it exactly like a password sign-in (docs/decisions/0003).
import "server-only";
import type { JWT } from "next-auth/jwt";
import { encode } from "next-auth/jwt";
import { authOptions } from "./options";
import { SESSION_HOURS } from "./sessions";

export type CookieToSet = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: string; secure: boolean; expires?: Date; maxAge?: number };
};

/** next-auth's own rule (core/init): secure cookies, with the __Secure- prefix, when NEXTAUTH_URL is https. */
export const secureCookies = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

export async function mintSessionCookie(
  user: { id: string; name: string; email: string; sessionVersion: number },
  sessionId: string,
  now = new Date(),
): Promise<CookieToSet> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set");
  const maxAge = authOptions.session?.maxAge ?? SESSION_HOURS * 3600;
  // As next-auth's callback route does: the default token, then our jwt() callback adds uid, sv and sid.
  const defaultToken: JWT = { name: user.name, email: user.email, picture: undefined, sub: user.id };
  const jwt = authOptions.callbacks?.jwt;
  if (!jwt) throw new Error("authOptions.callbacks.jwt is missing");
  const token = await jwt({
    token: defaultToken,
    user: { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion, sid: sessionId } as never,
    account: { providerAccountId: user.id, type: "oauth", provider: "oidc" },
    trigger: "signIn",
    isNewUser: false,
  } as Parameters<typeof jwt>[0]);
  return {
    name: sessionCookieName(),
    value: await encode({ token, secret, maxAge }),
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      expires: new Date(now.getTime() + maxAge * 1000),
    },
  };
}

/** A Set-Cookie header value. */
export function serializeCookie(c: CookieToSet): string {
  const o = c.options;
  return [
    `${c.name}=${c.value}`,
    `Path=${o.path}`,
    ...(o.expires ? [`Expires=${o.expires.toUTCString()}`] : []),
    ...(o.maxAge !== undefined ? [`Max-Age=${o.maxAge}`] : []),
    "HttpOnly",
    "SameSite=Lax",
    ...(o.secure ? ["Secure"] : []),
  ].join("; ");
}
