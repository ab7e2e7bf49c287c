// Single sign-on, step 1 (docs/decisions/0015): from the email address typed on the sign-in page (or a council's
// slug), to that council's OpenID Connect provider, with a sealed cookie holding the state, nonce and PKCE verifier.
import { ssoStartResponse } from "@/lib/sso/flow";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return ssoStartResponse(req);
}
