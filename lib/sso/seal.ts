// Authenticated encryption (AES-256-GCM) with a key derived from NEXTAUTH_SECRET per purpose (HKDF-SHA256): the
// councils' OpenID Connect client secrets at rest, and the short-lived cookie that carries a sign-in's state, nonce
// and PKCE verifier between /signin/sso/start and /signin/sso/callback (docs/decisions/0015). A value sealed for one
// purpose never opens for another.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type SealPurpose = "oidc-client-secret" | "sso-flow";
const PREFIX = "v1.";

function key(purpose: SealPurpose, secret = process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set for single sign-on");
  return Buffer.from(hkdfSync("sha256", secret, "members-requests", `mr-${purpose}`, 32));
}

export function seal(plain: string, purpose: SealPurpose, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The sealed text, or null when it was not sealed with this key for this purpose (or was changed). */
export function unseal(sealed: string, purpose: SealPurpose, secret?: string): string | null {
  if (!sealed.startsWith(PREFIX) || sealed.length > 8_000) return null;
  try {
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(purpose, secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
