// Guards next-auth's /api/auth/session: a cookie whose server-side session has ended gets an empty session and is
// cleared, instead of being renewed (a copied cookie must not live on after sign-out).
import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { isSessionLive } from "./sessions";

export async function refuseEndedSession(req: Request): Promise<Response | null> {
  if (!new URL(req.url).pathname.endsWith("/api/auth/session")) return null;
  const token = await getToken({ req: req as NextRequest, secret: process.env.NEXTAUTH_SECRET });
  if (!token) return null;
  if (typeof token.sid === "string" && (await isSessionLive(token.sid))) return null;
  const res = Response.json({});
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"])
    res.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return res;
}
