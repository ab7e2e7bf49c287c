// The reply address a notification email carries, computed as a mail client would see it (tests only; the service's
// own code is lib/email/reply-address.ts, which is server-only): reply+<request>.<user>.<hmac>@<domain>.
import { createHmac } from "node:crypto";

export function replyAddress(requestId: string, userId: string, domain: string, secret: string): string {
  const sig = createHmac("sha256", secret).update(`reply:${requestId}:${userId}`).digest("hex").slice(0, 32);
  return `reply+${requestId}.${userId}.${sig}@${domain}`;
}
