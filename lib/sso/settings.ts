// A council's single sign-on settings (docs/decisions/0015), for its administrators only: issuer URL, client id,
// client secret (write-only: sealed at rest, never shown or logged, "set" afterwards) and the email domain allowed.
// "Test and save" reads the issuer's OpenID configuration first; every change is an AdminEvent in the same
// transaction, whose before/after say only whether the secret was set or changed.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ActionState } from "@/lib/requests/action-specs";
import { zodFieldErrors } from "@/lib/requests/schema";
import { TX_OPTIONS } from "@/lib/requests/store";
import { oneLine } from "@/lib/validation";
import {
  DiscoveryError,
  fetchIssuerMetadata,
  forgetOidcConfigurations,
  issuerUrlProblem,
  openClientSecret,
  sealClientSecret,
  ssoCallbackUrl,
} from "./oidc";

export type SsoSettingsView = {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Whether a client secret is stored; the secret itself never leaves the server. */
  secretSet: boolean;
  emailDomain: string;
  /** The redirect URI to register with the provider. */
  callbackUrl: string;
  /** Active people of the council whose email address is in the allowed domain. */
  activeAtDomain: number;
};

/** The settings page's view, or null for anyone but the council's administrators (the page is then not found). */
export async function loadSsoSettings(viewer: Viewer): Promise<SsoSettingsView | null> {
  if (!mayAdminister(viewer)) return null;
  const c = await db().council.findUniqueOrThrow({
    where: { id: viewer.council.id },
    select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true, oidcEmailDomain: true },
  });
  const activeAtDomain = c.oidcEmailDomain
    ? await db().user.count({
        where: { councilId: viewer.council.id, active: true, email: { endsWith: `@${c.oidcEmailDomain}` } },
      })
    : 0;
  return {
    enabled: !!(c.oidcIssuer && c.oidcClientId && c.oidcEmailDomain),
    issuer: c.oidcIssuer ?? "",
    clientId: c.oidcClientId ?? "",
    secretSet: !!c.oidcClientSecret,
    emailDomain: c.oidcEmailDomain ?? "",
    callbackUrl: ssoCallbackUrl(),
    activeAtDomain,
  };
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

const line = () =>
  z
    .string()
    .optional()
    .default("")
    .transform((s) => oneLine(s));

export const ssoSettingsSchema = z
  .object({
    issuer: line().pipe(
      z
        .string()
        .min(1, "Enter the issuer URL")
        .max(500, "Enter an issuer URL of 500 characters or fewer")
        .superRefine((v, ctx) => {
          const problem = issuerUrlProblem(v);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    clientId: line().pipe(
      z
        .string()
        .min(1, "Enter the client ID")
        .max(255, "Enter a client ID of 255 characters or fewer")
        .regex(/^\S+$/, "The client ID must not contain spaces"),
    ),
    // Not trimmed beyond the ends: a secret is used exactly as the provider issued it.
    clientSecret: z
      .string()
      .optional()
      .default("")
      .transform((s) => s.trim())
      .pipe(z.string().max(1000, "Enter a client secret of 1,000 characters or fewer")),
    emailDomain: line().pipe(
      z
        .string()
        .min(1, "Enter the email domain people sign in with, like council.gov.uk")
        .transform((s) => s.toLowerCase().replace(/^@/, ""))
        .pipe(z.string().regex(DOMAIN, "Enter the email domain in the correct format, like council.gov.uk")),
    ),
  })
  .strip();

const SECRET_FIELDS = new Set(["clientSecret"]);
/** What the form gets back after an error: everything typed except the secret (never sent back to the browser). */
const keep = (values: Record<string, string>) => ({
  ...Object.fromEntries(
    Object.entries(values).filter(([k, v]) => !SECRET_FIELDS.has(k) && typeof v === "string" && v.length <= 1000),
  ),
  ...(values.clientSecret?.trim() ? { secretTyped: "yes" } : {}),
});

type Snapshot = {
  issuer: string | null;
  clientId: string | null;
  emailDomain: string | null;
  clientSecret: string;
};

export type SaveSsoResult = ActionState | { done: true };

/**
 * Test and save: validates the fields, reads the issuer's `/.well-known/openid-configuration` (5-second timeout),
 * refuses a domain another council already uses, then saves and audits in one transaction.
 */
export async function handleSaveSso(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
  deps: { fetchMetadata?: typeof fetchIssuerMetadata } = {},
): Promise<SaveSsoResult> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  const parsed = ssoSettingsSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values: keep(values) };
  const v = parsed.data;
  const current = await db().council.findUniqueOrThrow({
    where: { id: viewer.council.id },
    select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true, oidcEmailDomain: true },
  });
  const storedSecret = openClientSecret(current.oidcClientSecret);
  if (!v.clientSecret && !storedSecret)
    return {
      errors: {
        clientSecret: current.oidcClientSecret
          ? "The stored client secret can no longer be read: enter it again"
          : "Enter the client secret",
      },
      values: keep(values),
    };
  try {
    await (deps.fetchMetadata ?? fetchIssuerMetadata)(v.issuer);
  } catch (e) {
    const message =
      e instanceof DiscoveryError ? e.message : "The issuer's OpenID configuration could not be read.";
    return { errors: { issuer: `Single sign-on was not saved. ${message}` }, values: keep(values) };
  }
  const before: Snapshot = {
    issuer: current.oidcIssuer,
    clientId: current.oidcClientId,
    emailDomain: current.oidcEmailDomain,
    clientSecret: current.oidcClientSecret ? "set" : "not set",
  };
  const after: Snapshot = {
    issuer: v.issuer,
    clientId: v.clientId,
    emailDomain: v.emailDomain,
    clientSecret: v.clientSecret ? "changed" : "unchanged",
  };
  const conflict = await db().$transaction(async (tx) => {
    // One council per email domain: the sign-in page finds the council from the domain. The lock makes the check
    // and the write one step for every council at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('members-requests:sso-domain'))`;
    const other = await tx.council.findFirst({
      where: { oidcEmailDomain: v.emailDomain, id: { not: viewer.council.id } },
      select: { id: true },
    });
    if (other) return true;
    await tx.council.update({
      where: { id: viewer.council.id },
      data: {
        oidcIssuer: v.issuer,
        oidcClientId: v.clientId,
        oidcEmailDomain: v.emailDomain,
        ...(v.clientSecret ? { oidcClientSecret: sealClientSecret(v.clientSecret) } : {}),
      },
    });
    const changed = [
      ...(["issuer", "clientId", "emailDomain"] as const)
        .filter((k) => before[k] !== after[k])
        .map((k) => LABELS[k]),
      ...(v.clientSecret ? ["client secret"] : []),
    ];
    await recordAdminChange(tx, viewer.council, viewer, {
      entity: "SSO",
      entityId: viewer.council.id,
      action: current.oidcIssuer ? "UPDATE" : "ENABLE",
      summary: !current.oidcIssuer
        ? `Turned on single sign-on for @${v.emailDomain} with ${v.issuer}`
        : changed.length
          ? `Changed single sign-on: ${changed.join(", ")}`
          : "Tested single sign-on (no change)",
      before,
      after,
    });
    return false;
  }, TX_OPTIONS);
  if (conflict)
    return {
      errors: { emailDomain: "Another council already uses single sign-on for this email domain" },
      values: keep(values),
    };
  forgetOidcConfigurations();
  void now; // the audit row takes the database's time
  return { done: true };
}

const LABELS = { issuer: "issuer URL", clientId: "client ID", emailDomain: "email domain" } as const;

/** Turns single sign-on off (after the page's confirmation): the settings and the secret are removed. */
export async function handleTurnOffSso(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<{ done: true } | ActionState> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  if (values.confirmed !== "yes")
    return { errors: { form: "Confirm that you want to turn off single sign-on" }, values: {} };
  await db().$transaction(async (tx) => {
    const c = await tx.council.findUniqueOrThrow({
      where: { id: viewer.council.id },
      select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true, oidcEmailDomain: true },
    });
    if (!c.oidcIssuer && !c.oidcClientId && !c.oidcClientSecret && !c.oidcEmailDomain) return;
    await tx.council.update({
      where: { id: viewer.council.id },
      data: { oidcIssuer: null, oidcClientId: null, oidcClientSecret: null, oidcEmailDomain: null },
    });
    await recordAdminChange(tx, viewer.council, viewer, {
      entity: "SSO",
      entityId: viewer.council.id,
      action: "DISABLE",
      summary: "Turned off single sign-on: people sign in with their email address and password",
      before: {
        issuer: c.oidcIssuer,
        clientId: c.oidcClientId,
        emailDomain: c.oidcEmailDomain,
        clientSecret: c.oidcClientSecret ? "set" : "not set",
      },
      after: { issuer: null, clientId: null, emailDomain: null, clientSecret: "removed" },
    });
  }, TX_OPTIONS);
  forgetOidcConfigurations();
  void now; // the audit row takes the database's time
  return { done: true };
}
