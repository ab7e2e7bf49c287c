// Runs before every page, route handler and server action: a fresh CSP nonce per request (Next puts it on its own
// scripts when it finds the policy on the request), and the security headers of lib/security/headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isHttps, securityHeaders } from "@/lib/security/headers";
import { CSRF_HEADER, csrfCookieName, newCsrf, tokenOf } from "@/lib/auth/csrf-cookie";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps(request.url, request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy(nonce, {
    https,
    dev: process.env.NODE_ENV === "development",
    ssoForm: request.nextUrl.pathname === "/signin",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The sign-in form works without JavaScript: it carries next-auth's CSRF token (lib/auth/csrf-cookie.ts).
  const secret = process.env.NEXTAUTH_SECRET;
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  let freshCsrf: string | null = null;
  if (secret && request.nextUrl.pathname === "/signin") {
    const existing = tokenOf(request.cookies.get(csrfCookieName(secure))?.value, secret);
    const csrf = existing ? { token: existing, cookie: null } : newCsrf(secret);
    requestHeaders.set(CSRF_HEADER, csrf.token);
    freshCsrf = csrf.cookie;
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (freshCsrf)
    response.cookies.set(csrfCookieName(secure), freshCsrf, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
    });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(securityHeaders({ https }))) response.headers.set(k, v);
  return response;
}

export const config = {
  // Static files carry their headers from next.config.js; prefetches need no nonce.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|favicon.svg|icon-|robots.txt|site.webmanifest).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
