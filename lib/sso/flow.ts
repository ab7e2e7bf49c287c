// Single sign-on with OpenID Connect, per council (docs/decisions/0015): the authorization code flow with PKCE, a
// state and a nonce, run by our own route handlers (/signin/sso/start and /signin/sso/callback) with openid-client —
// next-auth 4's providers are fixed when the app starts, and each council brings its own provider from the database.
// A verified email address is matched to an active, invited user of that council; nobody is created by signing in.
// The session is the same as a password sign-in's: a Session row and next-auth's JWT cookie (lib/auth/session-cookie).
import "server-only";
import * as client from "openid-client";
import { normaliseEmail } from "@/lib/auth/credentials";
import { safeReturnPath } from "@/lib/auth/redirects";
import { mintSessionCookie, secureCookies, serializeCookie, type CookieToSet } from "@/lib/auth/session-cookie";
import { openSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { SsoErrorCode } from "./messages";
import { openClientSecret, oidcConfiguration, SSO_SCOPE, ssoCallbackUrl, type CouncilOidc } from "./oidc";
import { seal, unseal } from "./seal";

/** How long a person has at their provider before the sign-in must start again. */
const FLOW_SECONDS = 10 * 60;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const flowCookieName = () => `${secureCookies() ? "__Secure-" : ""}mr-sso-flow`;
const FLOW_PATH = "/signin/sso";

/** What the browser carries between start and callback, sealed (AES-GCM): nobody can read or change it. */
export type SsoFlow = {
  councilId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
};

export const sealFlow = (f: SsoFlow) => seal(JSON.stringify(f), "sso-flow");
export function openFlow(sealed: string | undefined | null, now = new Date()): SsoFlow | null {
  const text = sealed ? unseal(sealed, "sso-flow") : null;
  if (!text) return null;
  try {
    const f = JSON.parse(text) as SsoFlow;
    return typeof f.exp === "number" && f.exp > now.getTime() ? f : null;
  } catch {
    return null;
  }
}

type CouncilRow = {
  id: string;
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcClientSecret: string | null;
  oidcEmailDomain: string | null;
};
const COUNCIL_SSO = {
  id: true,
  oidcIssuer: true,
  oidcClientId: true,
  oidcClientSecret: true,
  oidcEmailDomain: true,
} as const;

/** The council's provider, when single sign-on is fully set up (and its secret can be opened). */
function providerOf(c: CouncilRow | null): (CouncilOidc & { domain: string; councilId: string }) | null {
  if (!c?.oidcIssuer || !c.oidcClientId || !c.oidcEmailDomain) return null;
  const clientSecret = openClientSecret(c.oidcClientSecret);
  if (!clientSecret) {
    if (c.oidcClientSecret)
      console.error(`[members-requests] SSO: council ${c.id}'s client secret cannot be opened; enter it again`);
    return null;
  }
  return {
    councilId: c.id,
    issuer: c.oidcIssuer,
    clientId: c.oidcClientId,
    clientSecret,
    domain: c.oidcEmailDomain,
  };
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

/** Whether any council offers single sign-on (the sign-in page shows its form only then; without a database, not). */
export async function anyCouncilUsesSso(): Promise<boolean> {
  try {
    return (
      (await db().council.count({ where: { oidcIssuer: { not: null }, oidcEmailDomain: { not: null } } })) > 0
    );
  } catch (e) {
    console.error("[members-requests] SSO: could not check whether any council uses single sign-on:", String(e));
    return false;
  }
}

export type StartResult =
  { ok: true; location: string; flowCookie: CookieToSet } | { ok: false; error: SsoErrorCode };

/**
 * Begins a sign-in: the council from the email address's domain (or a council's slug, for a link a council
 * publishes), then the address of its provider's authorization endpoint and the sealed flow cookie.
 */
export async function beginSso(
  input: { email?: string | null; council?: string | null; returnTo?: string | null },
  now = new Date(),
): Promise<StartResult> {
  let row: CouncilRow | null = null;
  let email: string | null = null;
  if (input.council && !input.email) {
    if (!/^[a-z0-9-]{1,60}$/.test(input.council)) return { ok: false, error: "no-council" };
    row = await db().council.findUnique({ where: { slug: input.council }, select: COUNCIL_SSO });
  } else {
    email = normaliseEmail(input.email ?? "");
    if (!EMAIL.test(email)) return { ok: false, error: "invalid-email" };
    const domain = domainOf(email);
    row = await db().council.findFirst({ where: { oidcEmailDomain: domain }, select: COUNCIL_SSO });
  }
  const provider = providerOf(row);
  if (!provider) return { ok: false, error: "no-council" };
  let config: client.Configuration;
  try {
    config = await oidcConfiguration(provider);
  } catch (e) {
    console.error(`[members-requests] SSO: council ${provider.councilId}'s provider is unavailable:`, String(e));
    return { ok: false, error: "unavailable" };
  }
  const flow: SsoFlow = {
    councilId: provider.councilId,
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    returnTo: safeReturnPath(input.returnTo),
    exp: now.getTime() + FLOW_SECONDS * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: ssoCallbackUrl(),
    scope: SSO_SCOPE,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    // Entra ID and others fill in the account name; the person can still choose another.
    ...(email ? { login_hint: email } : {}),
  });
  return {
    ok: true,
    location: url.href,
    flowCookie: {
      name: flowCookieName(),
      value: sealFlow(flow),
      options: { httpOnly: true, sameSite: "lax", path: FLOW_PATH, secure: secureCookies(), maxAge: FLOW_SECONDS },
    },
  };
}

export type FinishResult =
  | { ok: true; returnTo: string; userId: string; sessionId: string; sessionCookie: CookieToSet }
  | { ok: false; error: SsoErrorCode; returnTo?: string };

const verified = (v: unknown) => v === true || v === "true";

/**
 * Completes a sign-in from the provider's redirect (`search` is the callback's query string): checks the flow
 * cookie and state, exchanges the code with the PKCE verifier, verifies the ID token (signature, issuer, audience,
 * expiry, nonce), requires a verified email address in the council's allowed domain, and matches it to an active
 * user of that council. Only then opens a session.
 */
export async function finishSso(
  search: string,
  sealedFlow: string | undefined | null,
  now = new Date(),
): Promise<FinishResult> {
  const flow = openFlow(sealedFlow, now);
  if (!flow) return { ok: false, error: "expired" };
  const fail = (error: SsoErrorCode): FinishResult => ({ ok: false, error, returnTo: flow.returnTo });
  const params = new URLSearchParams(search);
  if (params.get("state") !== flow.state) return fail("refused");
  if (params.has("error")) return fail(params.get("error") === "access_denied" ? "cancelled" : "refused");
  const row = await db().council.findUnique({ where: { id: flow.councilId }, select: COUNCIL_SSO });
  const provider = providerOf(row);
  if (!provider) return fail("no-council");
  let config: client.Configuration;
  try {
    config = await oidcConfiguration(provider);
  } catch (e) {
    console.error(`[members-requests] SSO: council ${provider.councilId}'s provider is unavailable:`, String(e));
    return fail("unavailable");
  }
  let claims: Record<string, unknown>;
  try {
    const callback = new URL(ssoCallbackUrl());
    callback.search = params.toString();
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return fail("refused");
    claims = { ...idToken };
    // Providers that keep the email claims out of the ID token give them at the UserInfo endpoint (same subject).
    if (typeof claims.email !== "string" && tokens.access_token)
      claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
  } catch (e) {
    console.error(`[members-requests] SSO: a sign-in to council ${provider.councilId} was refused:`, String(e));
    return fail("refused");
  }
  if (typeof claims.email !== "string") return fail("unverified");
  // email_verified: true; or, from Microsoft Entra ID (which does not send email_verified), its xms_edov claim
  // ("email domain owner verified"), an optional claim the app registration adds.
  const isVerified =
    claims.email_verified === undefined ? verified(claims.xms_edov) : verified(claims.email_verified);
  if (!isVerified) return fail("unverified");
  const email = normaliseEmail(claims.email);
  if (!EMAIL.test(email) || domainOf(email) !== provider.domain) return fail("wrong-domain");
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, active: true, sessionVersion: true, councilId: true },
  });
  if (!user || user.councilId !== provider.councilId) return fail("no-account");
  if (!user.active) return fail("inactive");
  const sessionId = await openSession(user.id, now, "SSO");
  return {
    ok: true,
    returnTo: flow.returnTo,
    userId: user.id,
    sessionId,
    sessionCookie: await mintSessionCookie(user, sessionId, now),
  };
}

// ---- The route handlers' whole work, as Request → Response (so tests drive exactly what the routes run) ----------

function cookieFrom(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function seeOther(location: string, cookies: CookieToSet[]): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const c of cookies) headers.append("Set-Cookie", serializeCookie(c));
  return new Response(null, { status: 303, headers });
}

const clearFlow = (): CookieToSet => ({
  name: flowCookieName(),
  value: "",
  options: { httpOnly: true, sameSite: "lax", path: FLOW_PATH, secure: secureCookies(), maxAge: 0 },
});

function backToSignIn(error: SsoErrorCode, returnTo?: string, email?: string | null): string {
  const q = new URLSearchParams({ sso: error });
  if (returnTo && returnTo !== "/") q.set("callbackUrl", returnTo);
  // What the person typed comes back into the field (only into the field: the message is chosen by its code).
  if (email && (error === "invalid-email" || error === "no-council")) q.set("email", email.slice(0, 254));
  return `/signin?${q}`;
}

/** GET /signin/sso/start?email=…|council=…&callbackUrl=… */
export async function ssoStartResponse(req: Request, now = new Date()): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const returnTo = safeReturnPath(q.get("callbackUrl"));
  const out = await beginSso({ email: q.get("email"), council: q.get("council"), returnTo }, now);
  if (!out.ok) return seeOther(backToSignIn(out.error, returnTo, q.get("email")), []);
  return seeOther(out.location, [out.flowCookie]);
}

/** GET /signin/sso/callback?code=…&state=… (from the provider). */
export async function ssoCallbackResponse(req: Request, now = new Date()): Promise<Response> {
  const out = await finishSso(
    new URL(req.url).search,
    cookieFrom(req.headers.get("cookie"), flowCookieName()),
    now,
  );
  if (!out.ok) return seeOther(backToSignIn(out.error, out.returnTo), [clearFlow()]);
  return seeOther(out.returnTo, [clearFlow(), out.sessionCookie]);
}
