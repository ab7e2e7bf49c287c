// What the sign-in page says when single sign-on could not sign someone in (pure; the codes travel in the URL as
// `?sso=<code>`, never the text, so a link cannot make the page say something it did not).
export const SSO_ERROR_MESSAGES = {
  "invalid-email": "Enter your work email address, like name@council.gov.uk",
  "no-council":
    "Single sign-on is not set up for that email address. Sign in with your email address and password instead.",
  unavailable:
    "Your council's sign-in service could not be reached. Try again in a few minutes, or sign in with your email address and password.",
  expired: "Your sign-in took too long or was started in another window. Start again.",
  refused: "Your council's sign-in could not be checked, so you have not been signed in. Start again.",
  cancelled: "Sign-in with your council account was cancelled. Start again, or sign in with your password.",
  unverified:
    "Your council's sign-in service did not confirm your email address, so you have not been signed in. Ask your council's user administrator for help.",
  "wrong-domain":
    "Your council account's email address is not one your council allows for this service. Ask your council's user administrator for help.",
  "no-account":
    "There is no account for your email address in this service. Accounts are not created by signing in: ask your council's user administrator to invite you.",
  inactive: "Your account has been deactivated. Ask your council's user administrator if you need it back.",
} as const;

export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;

export function ssoErrorMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(SSO_ERROR_MESSAGES, code) ? SSO_ERROR_MESSAGES[code as SsoErrorCode] : null;
}
