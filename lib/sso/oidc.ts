// A council's OpenID Connect provider as the app talks to it (openid-client v6; docs/decisions/0015): the issuer URL
// rules, discovery of `/.well-known/openid-configuration` with a bounded timeout and plain-English errors, and the
// client configuration (cached for a few minutes per issuer, client id and secret).
import "server-only";
import { createHash } from "node:crypto";
import * as client from "openid-client";
import { seal, unseal } from "./seal";

/** What the app asks for: an ID token, the email address and the name. */
export const SSO_SCOPE = "openid email profile";
const DISCOVERY_TIMEOUT_MS = 5_000;
/** Token and UserInfo requests (seconds). */
const REQUEST_TIMEOUT_S = 10;
const CACHE_MS = 10 * 60_000;
const FAILURE_CACHE_MS = 30_000;

const LOOPBACK = new Set(["localhost", "127.0.0.1"]);

/** The app's public address (NEXTAUTH_URL) without a trailing slash. */
export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** The redirect URI a council registers with its provider. */
export const ssoCallbackUrl = () => `${appUrl()}/signin/sso/callback`;

/**
 * Why an issuer URL cannot be used, or null. https only; plain http only for a provider on this machine (localhost,
 * 127.0.0.1) — and only while the app itself runs on http (trials and tests), never beside an https deployment.
 */
export function issuerUrlProblem(raw: string, appIsHttps = appUrl().startsWith("https://")): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter the issuer URL in the correct format, like https://login.microsoftonline.com/<tenant id>/v2.0";
  }
  if (url.username || url.password) return "The issuer URL must not contain a user name or password";
  if (url.search || url.hash) return "The issuer URL must not contain a query (?) or fragment (#)";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname) && !appIsHttps) return null;
  return "The issuer URL must start with https://";
}

/** The client secret as stored: sealed with the app's secret (a database copy alone does not reveal it). */
export const sealClientSecret = (plain: string) => seal(plain, "oidc-client-secret");
/** The stored client secret in clear, or null when it cannot be opened (NEXTAUTH_SECRET changed: enter it again). */
export function openClientSecret(stored: string | null): string | null {
  if (!stored) return null;
  return unseal(stored, "oidc-client-secret");
}

export class DiscoveryError extends Error {}

function describeFetchError(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError")
    return `did not answer within ${DISCOVERY_TIMEOUT_MS / 1000} seconds`;
  const code = err?.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "its address could not be found";
  if (code === "ECONNREFUSED") return "the connection was refused";
  if (code && /CERT|SSL|TLS/.test(code)) return "its security certificate could not be checked";
  return "it could not be reached";
}

/**
 * Reads the issuer's OpenID configuration and checks it is usable for the authorization code flow with PKCE.
 * Throws DiscoveryError with a message an administrator can act on.
 */
export async function fetchIssuerMetadata(issuer: string): Promise<client.ServerMetadata> {
  const problem = issuerUrlProblem(issuer);
  if (problem) throw new DiscoveryError(problem);
  const wellKnown = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(wellKnown, {
      headers: { accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
  } catch (e) {
    throw new DiscoveryError(`${wellKnown} could not be read: ${describeFetchError(e)}.`);
  }
  if (!res.ok)
    throw new DiscoveryError(`${wellKnown} answered with HTTP status ${res.status}, not the configuration.`);
  let meta: Record<string, unknown>;
  try {
    const text = await res.text();
    if (text.length > 200_000) throw new Error("too large");
    meta = JSON.parse(text) as Record<string, unknown>;
    if (!meta || typeof meta !== "object" || Array.isArray(meta)) throw new Error("not an object");
  } catch {
    throw new DiscoveryError(`${wellKnown} did not return an OpenID configuration (JSON).`);
  }
  if (meta.issuer !== issuer)
    throw new DiscoveryError(
      typeof meta.issuer === "string" && meta.issuer.length < 500
        ? `The provider calls itself "${meta.issuer}": enter exactly that as the issuer URL.`
        : `${wellKnown} does not name its issuer.`,
    );
  for (const k of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const)
    if (typeof meta[k] !== "string") throw new DiscoveryError(`The provider's configuration has no ${k}.`);
  const types = meta.response_types_supported;
  if (Array.isArray(types) && !types.includes("code"))
    throw new DiscoveryError("The provider does not offer the authorization code flow (response type 'code').");
  const pkce = meta.code_challenge_methods_supported;
  if (Array.isArray(pkce) && !pkce.includes("S256"))
    throw new DiscoveryError("The provider does not support PKCE with S256.");
  if (!clientAuth(meta as client.ServerMetadata, "x"))
    throw new DiscoveryError("The provider does not accept a client secret (client_secret_basic or _post).");
  return meta as client.ServerMetadata;
}

/** client_secret_basic when the provider offers it (the default when it says nothing), else client_secret_post. */
function clientAuth(meta: client.ServerMetadata, secret: string): client.ClientAuth | null {
  const methods = meta.token_endpoint_auth_methods_supported;
  if (!methods || methods.includes("client_secret_basic")) return client.ClientSecretBasic(secret);
  if (methods.includes("client_secret_post")) return client.ClientSecretPost(secret);
  return null;
}

type Cached = { at: number; config?: client.Configuration; error?: DiscoveryError };
const cache = new Map<string, Cached>();

export type CouncilOidc = { issuer: string; clientId: string; clientSecret: string };

/** The openid-client configuration for a council's provider (discovered, then cached for ten minutes). */
export async function oidcConfiguration(c: CouncilOidc, now = Date.now()): Promise<client.Configuration> {
  const key = createHash("sha256").update(`${c.issuer}\n${c.clientId}\n${c.clientSecret}`).digest("base64url");
  const hit = cache.get(key);
  if (hit && now - hit.at < (hit.config ? CACHE_MS : FAILURE_CACHE_MS)) {
    if (hit.config) return hit.config;
    throw hit.error!;
  }
  try {
    const meta = await fetchIssuerMetadata(c.issuer);
    const config = new client.Configuration(
      meta,
      c.clientId,
      { client_secret: c.clientSecret },
      clientAuth(meta, c.clientSecret)!,
    );
    config.timeout = REQUEST_TIMEOUT_S;
    if (new URL(c.issuer).protocol === "http:") client.allowInsecureRequests(config);
    // Verify the ID token's signature against the provider's published keys too, not only the TLS channel.
    client.enableNonRepudiationChecks(config);
    if (cache.size > 200) cache.clear();
    cache.set(key, { at: now, config });
    return config;
  } catch (e) {
    const error = e instanceof DiscoveryError ? e : new DiscoveryError(String(e));
    cache.set(key, { at: now, error });
    throw error;
  }
}

/** Forgets cached configurations (a council changed its settings; tests). */
export function forgetOidcConfigurations() {
  cache.clear();
}
