// Single sign-on, step 2 (docs/decisions/0015): the provider's redirect back. The code is exchanged, the ID token
// verified and the verified email matched to an active user of the council; then the same session as a password
// sign-in (a Session row and next-auth's cookie), or back to the sign-in page with the reason.
import { ssoCallbackResponse } from "@/lib/sso/flow";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return ssoCallbackResponse(req);
}
