// Sign-in without JavaScript: next-auth 4 checks a CSRF token posted with the form against its csrf cookie
// (`<token>|sha256(token + secret)`). The browser gets that cookie from the proxy when it opens the sign-in page,
// and the page puts the same token in a hidden field, so a plain HTML form post to the credentials callback works.
// With JavaScript, next-auth's own client reads the same cookie. Node's crypto only (the proxy runs on Node).
import { createHash, randomBytes } from "node:crypto";

export const csrfCookieName = (secure: boolean) => `${secure ? "__Host-" : ""}next-auth.csrf-token`;
/** The request header the proxy passes the token to the sign-in page in. */
export const CSRF_HEADER = "x-signin-csrf";

const hashOf = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token of a valid cookie value, or null. */
export function tokenOf(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const [token, hash] = cookieValue.split("|");
  return token && hash === hashOf(token, secret) ? token : null;
}

/** A fresh token and the cookie value that carries it. */
export function newCsrf(secret: string): { token: string; cookie: string } {
  const token = randomBytes(32).toString("hex");
  return { token, cookie: `${token}|${hashOf(token, secret)}` };
}
