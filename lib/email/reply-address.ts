// Reply addresses (issue 13): every notification email about a request carries a Reply-To unique to the request and
// the recipient, signed so that it cannot be guessed or altered: reply+<requestId>.<userId>.<signature>@<domain>.
// The signature is an HMAC of both ids with the service's secret; lower-case hex, as mail systems may fold case.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

const ID = /^[a-z0-9]{10,40}$/;

function secret(): string {
  const s = process.env.INBOUND_EMAIL_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("INBOUND_EMAIL_SECRET or NEXTAUTH_SECRET must be set to sign reply addresses");
  return s;
}

const sign = (requestId: string, userId: string) =>
  createHmac("sha256", secret()).update(`reply:${requestId}:${userId}`).digest("hex").slice(0, 32);

/** The domain replies are received at, or null when replying by email is off (the default). */
export const replyDomain = (env: Record<string, string | undefined> = process.env) =>
  env.INBOUND_EMAIL_DOMAIN?.trim().toLowerCase() || null;

export function replyAddress(requestId: string, userId: string, domain: string): string {
  return `reply+${requestId}.${userId}.${sign(requestId, userId)}@${domain}`;
}

/** The request and person a reply address stands for, when it is one of ours and its signature holds. */
export function readReplyAddress(address: string, domain: string): { requestId: string; userId: string } | null {
  const m = /^reply\+([a-z0-9]+)\.([a-z0-9]+)\.([0-9a-f]{32})@(.+)$/.exec(address.trim().toLowerCase());
  if (!m || m[4] !== domain || !ID.test(m[1]!) || !ID.test(m[2]!)) return null;
  const expected = Buffer.from(sign(m[1]!, m[2]!));
  const given = Buffer.from(m[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { requestId: m[1]!, userId: m[2]! }
    : null;
}
