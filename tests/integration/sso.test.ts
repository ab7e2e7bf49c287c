// Issue 15, deliverable 6: single sign-on with OpenID Connect beside passwords, per council (docs/decisions/0015).
// End to end against a real provider (oidc-provider on 127.0.0.1, tests/support/oidc-provider.ts), driven with plain
// HTTP: the app's start handler → the provider's own login and consent pages → the app's callback handler. Nothing of
// the flow is mocked; the app discovers the provider, exchanges the code and verifies its signed ID token.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveSessions, revokeSession } from "@/lib/auth/sessions";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { flowCookieName, openFlow, sealFlow, ssoCallbackResponse, ssoStartResponse } from "@/lib/sso/flow";
import { handleSaveSso, handleTurnOffSso, loadSsoSettings } from "@/lib/sso/settings";
import { startOidcProvider, type TestAccount, type TestOidcProvider } from "../support/oidc-provider";
import { createIsolatedCouncil, testPrisma } from "./helpers";

// The app's public address: only used to build the redirect URI (the handlers are called directly, not served).
const APP = "http://127.0.0.1:39871";
const CALLBACK = `${APP}/signin/sso/callback`;
process.env.NEXTAUTH_URL = APP;
process.env.NEXTAUTH_SECRET ??= "sso-integration-test-secret";

const prisma: PrismaClient = testPrisma();
const tag = `${process.pid}${Date.now().toString(36)}`;
const DOMAIN = `sso-${tag}.test`;
const DOMAIN2 = `sso2-${tag}.test`;
const NOW = () => new Date();

let provider: TestOidcProvider;
let provider2: TestOidcProvider;
let iso: Awaited<ReturnType<typeof createIsolatedCouncil>>;
let iso2: Awaited<ReturnType<typeof createIsolatedCouncil>>;
let admin: Viewer;
let admin2: Viewer;

const account = (username: string, email: string, extra: Partial<TestAccount> = {}): TestAccount => ({
  username,
  password: `pw-${username}`,
  email,
  ...extra,
});
const ACCOUNTS = {
  ada: account("ada", `ada.lovelace@${DOMAIN}`),
  // The same person with their address in capitals at the provider: matched case-insensitively.
  adaUpper: account("ada-upper", `Ada.Lovelace@${DOMAIN.toUpperCase()}`),
  stranger: account("stranger", `nobody.here@${DOMAIN}`),
  outside: account("outside", `ada.lovelace@elsewhere-${tag}.test`),
  inactive: account("inactive", `ivor.inactive@${DOMAIN}`),
  unverified: account("unverified", `una.unverified@${DOMAIN}`, { emailVerified: false }),
  otherCouncil: account("other", `olga.other@${DOMAIN}`),
};

async function expectNotFound(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("NOT_FOUND");
}

// ---- A browser, in plain HTTP: cookies per origin, redirects followed by hand --------------------------------

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (!value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

type Flow = { appJar: Jar; callbackUrl: string; providerPages: string[] };

/**
 * Starts at the app's start handler with the email typed, signs in at the provider as `as` (its login form, then
 * its consent form), and stops at the provider's redirect back to the app's callback, which is returned.
 */
async function throughProvider(typedEmail: string, as: TestAccount, p = provider): Promise<Flow> {
  const appJar = new Jar();
  const start = await ssoStartResponse(
    new Request(`${APP}/signin/sso/start?${new URLSearchParams({ email: typedEmail, callbackUrl: "/requests" })}`),
  );
  expect(start.status).toBe(303);
  appJar.take(start);
  let location = start.headers.get("location")!;
  expect(location.startsWith(`${p.issuer}/`)).toBe(true);
  const providerJar = new Jar();
  const providerPages: string[] = [];
  for (let hop = 0; hop < 12; hop++) {
    if (location.startsWith(CALLBACK)) return { appJar, callbackUrl: location, providerPages };
    const res = await fetch(new URL(location, p.issuer), {
      redirect: "manual",
      headers: { cookie: providerJar.header() },
    });
    providerJar.take(res);
    if (res.status >= 300 && res.status < 400) {
      location = new URL(res.headers.get("location")!, p.issuer).href;
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    providerPages.push(/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? "");
    // The provider's own form: its login form (username and password) or its consent form.
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams();
    if (html.includes('name="username"')) {
      body.set("username", as.username);
      body.set("password", as.password);
    }
    const posted = await fetch(new URL(action.replace(/&amp;/g, "&"), p.issuer), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: providerJar.header(), "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    providerJar.take(posted);
    expect(posted.status, await posted.clone().text()).toBe(303);
    location = new URL(posted.headers.get("location")!, p.issuer).href;
  }
  throw new Error("the provider never redirected back to the app");
}

/** The app's callback handler, with the browser's cookies. */
async function callback(url: string, cookie: string) {
  const res = await ssoCallbackResponse(new Request(url, { headers: { cookie } }));
  expect(res.status).toBe(303);
  return res;
}

async function sessionsOf(userId: string) {
  return prisma.session.count({ where: { userId } });
}

/** The viewer behind the next-auth session cookie the callback set, as every page loads it. */
async function viewerFromCookie(res: Response): Promise<{ viewer: Viewer | null; sid: string }> {
  const jar = new Jar();
  jar.take(res);
  const token = await decode({ token: jar.get("next-auth.session-token"), secret: process.env.NEXTAUTH_SECRET! });
  expect(token).not.toBeNull();
  const sid = token!.sid as string;
  return { viewer: await loadViewer(token!.uid as string, token!.sv as number, sid), sid };
}

const user = (councilId: string, name: string, email: string, active = true) =>
  prisma.user.create({
    data: { councilId, name, email: email.toLowerCase(), passwordHash: "!", roles: ["MEMBER"], active },
  });

let ada: { id: string };
let inactive: { id: string };
let una: { id: string };

beforeAll(async () => {
  iso = await createIsolatedCouncil(prisma);
  iso2 = await createIsolatedCouncil(prisma);
  admin = await iso.viewer(iso.ids.admin);
  admin2 = await iso2.viewer(iso2.ids.admin);
  // The invited people of the council, at its domain; one deactivated; one of another council at the same domain.
  ada = await user(iso.council.id, "Ada Lovelace", ACCOUNTS.ada.email);
  inactive = await user(iso.council.id, "Ivor Inactive", ACCOUNTS.inactive.email, false);
  una = await user(iso.council.id, "Una Unverified", ACCOUNTS.unverified.email);
  await user(iso2.council.id, "Olga Other", ACCOUNTS.otherCouncil.email);
  await user(iso2.council.id, "Bo Second", `bo.second@${DOMAIN2}`);
  provider = await startOidcProvider({ redirectUris: [CALLBACK], accounts: Object.values(ACCOUNTS) });
  // A second council's provider puts the email claims in the ID token itself (as Entra ID does).
  provider2 = await startOidcProvider({
    redirectUris: [CALLBACK],
    accounts: [account("bo", `bo.second@${DOMAIN2}`)],
    idTokenClaims: true,
  });
  const saved = await handleSaveSso(
    admin,
    {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      emailDomain: DOMAIN,
    },
    NOW(),
  );
  expect(saved).toEqual({ done: true });
});

afterAll(async () => {
  await provider?.close();
  await provider2?.close();
});

describe("single sign-on: configuration (/admin/sso)", () => {
  it("test-and-save read the issuer's configuration and saved the settings with an AdminEvent; the secret is sealed and never in the log", async () => {
    const c = await prisma.council.findUniqueOrThrow({ where: { id: iso.council.id } });
    expect(c).toMatchObject({
      oidcIssuer: provider.issuer,
      oidcClientId: provider.clientId,
      oidcEmailDomain: DOMAIN,
    });
    expect(c.oidcClientSecret).toBeTruthy();
    expect(c.oidcClientSecret).not.toContain(provider.clientSecret);
    const events = await prisma.adminEvent.findMany({ where: { councilId: iso.council.id, entity: "SSO" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "ENABLE", actorId: admin.id, entityId: iso.council.id });
    expect(events[0]!.before).toMatchObject({ issuer: null, clientSecret: "not set" });
    expect(events[0]!.after).toMatchObject({
      issuer: provider.issuer,
      emailDomain: DOMAIN,
      clientSecret: "changed",
    });
    expect(JSON.stringify(events)).not.toContain(provider.clientSecret);
  });

  it("the settings page shows the secret only as set, never its value", async () => {
    const view = await loadSsoSettings(admin);
    expect(view).toMatchObject({
      enabled: true,
      issuer: provider.issuer,
      clientId: provider.clientId,
      secretSet: true,
      emailDomain: DOMAIN,
      callbackUrl: CALLBACK,
      activeAtDomain: 2,
    });
    expect(JSON.stringify(view)).not.toContain(provider.clientSecret);
    // A failed save gives back what was typed, except the secret.
    const failed = await handleSaveSso(
      admin,
      { issuer: "ftp://nowhere", clientId: "x", clientSecret: "a-new-secret-typed", emailDomain: DOMAIN },
      NOW(),
    );
    expect("errors" in failed && failed.errors.issuer).toMatch(/must start with https:\/\//);
    expect(JSON.stringify(failed)).not.toContain("a-new-secret-typed");
  });

  it("non-administrators get not found; another council's administrator sees and changes only their own council", async () => {
    const member = await iso.viewer(iso.ids.m1);
    expect(await loadSsoSettings(member)).toBeNull();
    await expectNotFound(
      handleSaveSso(
        member,
        { issuer: provider.issuer, clientId: "c", clientSecret: "s", emailDomain: `x-${tag}.test` },
        NOW(),
      ),
    );
    await expectNotFound(handleTurnOffSso(member, { confirmed: "yes" }, NOW()));
    // The other council's administrator: their own (empty) settings, nothing of this council's.
    const theirs = await loadSsoSettings(admin2);
    expect(theirs).toMatchObject({ enabled: false, issuer: "", clientId: "", secretSet: false });
    expect(JSON.stringify(theirs)).not.toContain(provider.issuer);
    await handleTurnOffSso(admin2, { confirmed: "yes" }, NOW());
    expect((await prisma.council.findUniqueOrThrow({ where: { id: iso.council.id } })).oidcIssuer).toBe(
      provider.issuer,
    );
    // …and cannot claim this council's email domain.
    const clash = await handleSaveSso(
      admin2,
      {
        issuer: provider2.issuer,
        clientId: provider2.clientId,
        clientSecret: provider2.clientSecret,
        emailDomain: DOMAIN,
      },
      NOW(),
    );
    expect("errors" in clash && clash.errors.emailDomain).toBe(
      "Another council already uses single sign-on for this email domain",
    );
  });

  it("test-and-save refuses an issuer it cannot read, with a clear error, and saves nothing", async () => {
    // A port nobody listens on, and a server that never answers (the 5-second timeout).
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const unreachable = await handleSaveSso(
      admin2,
      { issuer: `http://127.0.0.1:${closedPort}`, clientId: "c", clientSecret: "s", emailDomain: DOMAIN2 },
      NOW(),
    );
    expect("errors" in unreachable && unreachable.errors.issuer).toBe(
      `Single sign-on was not saved. http://127.0.0.1:${closedPort}/.well-known/openid-configuration could not be read: the connection was refused.`,
    );
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const silentPort = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const slow = await handleSaveSso(
      admin2,
      { issuer: `http://127.0.0.1:${silentPort}`, clientId: "c", clientSecret: "s", emailDomain: DOMAIN2 },
      NOW(),
    );
    silent.closeAllConnections();
    silent.close();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect("errors" in slow && slow.errors.issuer).toMatch(
      /could not be read: did not answer within 5 seconds\.$/,
    );
    const wrongIssuer = await handleSaveSso(
      admin2,
      { issuer: `${provider2.issuer}/`, clientId: "c", clientSecret: "s", emailDomain: DOMAIN2 },
      NOW(),
    );
    expect("errors" in wrongIssuer && wrongIssuer.errors.issuer).toContain(
      `The provider calls itself "${provider2.issuer}": enter exactly that as the issuer URL.`,
    );
    const blank = await handleSaveSso(admin2, { issuer: "", clientId: "", emailDomain: "not a domain" }, NOW());
    expect("errors" in blank && blank.errors).toMatchObject({
      issuer: "Enter the issuer URL",
      clientId: "Enter the client ID",
      emailDomain: "Enter the email domain in the correct format, like council.gov.uk",
    });
    const c = await prisma.council.findUniqueOrThrow({ where: { id: iso2.council.id } });
    expect(c.oidcIssuer).toBeNull();
    expect(await prisma.adminEvent.count({ where: { councilId: iso2.council.id, entity: "SSO" } })).toBe(0);
  });
});

describe("single sign-on: signing in against a real OpenID Connect provider", () => {
  it("an invited, active person of the council is signed in: a Session row and next-auth's cookie, which loads the viewer; signing out ends it", async () => {
    const before = await sessionsOf(ada.id);
    const flow = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.ada);
    expect(flow.providerPages).toEqual(["Sign in to the council", "Allow access"]);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/requests");
    expect(res.headers.getSetCookie().join("\n")).toMatch(
      /next-auth\.session-token=.+; Path=\/;.*HttpOnly; SameSite=Lax/,
    );
    expect(await sessionsOf(ada.id)).toBe(before + 1);
    const { viewer, sid } = await viewerFromCookie(res);
    expect(viewer).toMatchObject({ id: ada.id, email: ACCOUNTS.ada.email, council: { id: iso.council.id } });
    // The session records how they signed in; their administrator's page shows it.
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sid } })).method).toBe("SSO");
    expect((await liveSessions(ada.id)).map((x) => x.method)).toContain("SSO");
    // The flow cookie is cleared; the same callback cannot be replayed.
    expect(res.headers.getSetCookie().join("\n")).toContain(`${flowCookieName()}=; Path=/signin/sso; Max-Age=0`);
    const replay = await callback(flow.callbackUrl, flow.appJar.header());
    expect(replay.headers.get("location")).toBe("/signin?sso=refused&callbackUrl=%2Frequests");
    // Sign-out (next-auth's signOut event) revokes the row: the same cookie no longer loads anyone.
    await revokeSession(sid);
    expect((await viewerFromCookie(res)).viewer).toBeNull();
  });

  it("the provider's email is matched case-insensitively; a council's provider that puts the email in the ID token works too", async () => {
    const flow = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.adaUpper);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect((await viewerFromCookie(res)).viewer?.id).toBe(ada.id);

    const saved = await handleSaveSso(
      admin2,
      {
        issuer: provider2.issuer,
        clientId: provider2.clientId,
        clientSecret: provider2.clientSecret,
        emailDomain: DOMAIN2,
      },
      NOW(),
    );
    expect(saved).toEqual({ done: true });
    const bo = provider2.accounts[0]!;
    const flow2 = await throughProvider(bo.email, bo, provider2);
    const res2 = await callback(flow2.callbackUrl, flow2.appJar.header());
    const { viewer } = await viewerFromCookie(res2);
    expect(viewer).toMatchObject({ email: bo.email, council: { id: iso2.council.id } });
  });

  it("an unknown email is refused with a clear message, and no account or session is created", async () => {
    const users = await prisma.user.count();
    const sessions = await prisma.session.count();
    const flow = await throughProvider(ACCOUNTS.stranger.email, ACCOUNTS.stranger);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=no-account&callbackUrl=%2Frequests");
    expect(res.headers.getSetCookie().join("\n")).not.toContain("next-auth.session-token");
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.session.count()).toBe(sessions);
  });

  it("a person of another council with an address at this domain is refused (no-account)", async () => {
    const flow = await throughProvider(ACCOUNTS.otherCouncil.email, ACCOUNTS.otherCouncil);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=no-account&callbackUrl=%2Frequests");
  });

  it("an email outside the allowed domain is refused, even for an existing person's name", async () => {
    const sessions = await sessionsOf(ada.id);
    // Ada's address was typed (so this council's provider), but the provider's account is at another domain.
    const flow = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.outside);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=wrong-domain&callbackUrl=%2Frequests");
    expect(await sessionsOf(ada.id)).toBe(sessions);
  });

  it("an email the provider has not verified is refused", async () => {
    const flow = await throughProvider(ACCOUNTS.unverified.email, ACCOUNTS.unverified);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=unverified&callbackUrl=%2Frequests");
    expect(await sessionsOf(una.id)).toBe(0);
  });

  it("a deactivated person is refused and gets no session", async () => {
    const flow = await throughProvider(ACCOUNTS.inactive.email, ACCOUNTS.inactive);
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=inactive&callbackUrl=%2Frequests");
    expect(await sessionsOf(inactive.id)).toBe(0);
  });

  it("a wrong state is refused, and so is a wrong nonce in the ID token (the code is not accepted either way)", async () => {
    const sessions = await sessionsOf(ada.id);
    // State: the provider's redirect with another state (a forged or crossed callback).
    const flow = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.ada);
    const forged = new URL(flow.callbackUrl);
    forged.searchParams.set("state", "forged-state");
    const res = await callback(forged.href, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=refused&callbackUrl=%2Frequests");
    // Nonce: the browser's sealed flow carries another nonce than the one the ID token was issued for.
    const flow2 = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.ada);
    const name = flowCookieName();
    const sealed = openFlow(flow2.appJar.get(name))!;
    expect(sealed).not.toBeNull();
    const res2 = await callback(flow2.callbackUrl, `${name}=${sealFlow({ ...sealed, nonce: "another-nonce" })}`);
    expect(res2.headers.get("location")).toBe("/signin?sso=refused&callbackUrl=%2Frequests");
    // A changed (unsealable) flow cookie, or none at all: the sign-in has expired.
    const tampered = `${flow2.appJar.get(name)!.slice(0, -4)}AAAA`;
    expect((await callback(flow2.callbackUrl, `${name}=${tampered}`)).headers.get("location")).toBe(
      "/signin?sso=expired",
    );
    expect((await callback(flow2.callbackUrl, "")).headers.get("location")).toBe("/signin?sso=expired");
    expect(await sessionsOf(ada.id)).toBe(sessions);
  });

  it("the email-first step: an unknown domain or a malformed address goes back to the sign-in page with the address kept", async () => {
    const unknown = await ssoStartResponse(
      new Request(`${APP}/signin/sso/start?email=someone%40nowhere-${tag}.test`),
    );
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("location")).toBe(`/signin?sso=no-council&email=someone%40nowhere-${tag}.test`);
    expect(unknown.headers.getSetCookie()).toEqual([]);
    const bad = await ssoStartResponse(new Request(`${APP}/signin/sso/start?email=not-an-address`));
    expect(bad.headers.get("location")).toBe("/signin?sso=invalid-email&email=not-an-address");
    // A council's own link (by slug) starts at its provider; an open redirect is not possible.
    const bySlug = await ssoStartResponse(
      new Request(`${APP}/signin/sso/start?council=${iso.council.slug}&callbackUrl=https%3A%2F%2Fevil.example%2F`),
    );
    expect(bySlug.headers.get("location")!.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    const jar = new Jar();
    jar.take(bySlug);
    expect(openFlow(jar.get(flowCookieName()))?.returnTo).toBe("/");
  });

  it("turning single sign-on off (audited) stops new sign-ins through it", async () => {
    const flow = await throughProvider(ACCOUNTS.ada.email, ACCOUNTS.ada);
    const out = await handleTurnOffSso(admin, { confirmed: "yes" }, NOW());
    expect(out).toEqual({ done: true });
    const event = await prisma.adminEvent.findFirstOrThrow({
      where: { councilId: iso.council.id, entity: "SSO", action: "DISABLE" },
    });
    expect(event.after).toMatchObject({ issuer: null, clientSecret: "removed" });
    expect(JSON.stringify(event)).not.toContain(provider.clientSecret);
    // A sign-in already under way when it was turned off is refused at the callback…
    const res = await callback(flow.callbackUrl, flow.appJar.header());
    expect(res.headers.get("location")).toBe("/signin?sso=no-council&callbackUrl=%2Frequests");
    // …and a new one cannot start.
    const start = await ssoStartResponse(
      new Request(`${APP}/signin/sso/start?email=${encodeURIComponent(ACCOUNTS.ada.email)}`),
    );
    expect(start.headers.get("location")).toBe(
      `/signin?sso=no-council&email=${encodeURIComponent(ACCOUNTS.ada.email)}`,
    );
  });
});
