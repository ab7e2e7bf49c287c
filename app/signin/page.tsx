import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CSRF_HEADER } from "@/lib/auth/csrf-cookie";
import { signInErrorMessage } from "@/lib/auth/signin-messages";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Notice } from "@/components/Notice";
import { safeReturnPath } from "@/lib/auth/redirects";
import { getViewer } from "@/lib/auth/session";
import { anyCouncilUsesSso } from "@/lib/sso/flow";
import { ssoErrorMessage } from "@/lib/sso/messages";
import { SignInForm } from "./SignInForm";
import { SsoForm } from "./SsoForm";

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const sp = await searchParams;
  return { title: sp.error || sp.csrf || ssoErrorMessage(sp.sso) ? "Error: Sign in" : "Sign in" };
}

type Search = Promise<{
  callbackUrl?: string;
  ended?: string;
  signedout?: string;
  changed?: string;
  reset?: string;
  /** From next-auth after a sign-in posted without JavaScript failed (the code the credentials check threw). */
  error?: string;
  csrf?: string;
  /** Why single sign-on did not sign the person in (a code of lib/sso/messages.ts), and the address they typed. */
  sso?: string;
  email?: string;
}>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const returnTo = safeReturnPath(sp.callbackUrl);
  if (await getViewer()) redirect(returnTo);
  const csrfToken = (await headers()).get(CSRF_HEADER) ?? "";
  const error = sp.csrf
    ? "The sign-in form had expired. Enter your email address and password again."
    : sp.error
      ? signInErrorMessage(sp.error === "CredentialsSignin" ? "INVALID" : sp.error)
      : null;
  const ssoError = ssoErrorMessage(sp.sso);
  const showSso = ssoError !== null || (await anyCouncilUsesSso());
  // Only these are about what was typed; the others (refused, no account…) are about the sign-in as a whole.
  const ssoFieldError = sp.sso === "invalid-email" || sp.sso === "no-council" ? ssoError : null;
  return (
    <div className="max-w-2xl">
      {ssoError ? (
        <ErrorSummary errors={[{ ...(ssoFieldError ? { field: "sso-email" } : {}), message: ssoError }]} />
      ) : null}
      {sp.ended ? (
        <Notice title="Your session has ended">
          Your account was changed or deactivated. Sign in again to continue.
        </Notice>
      ) : null}
      {sp.changed ? (
        <Notice tone="success" title="Your password has been changed">
          Sign in with your new password. Your other sessions have ended.
        </Notice>
      ) : null}
      {sp.reset ? (
        <Notice tone="success" title="Your password has been set">
          {sp.reset === "welcome"
            ? "Welcome: sign in with your email address and the password you have just chosen."
            : "Sign in with your new password. Any other sessions have ended."}
        </Notice>
      ) : null}
      {sp.signedout ? <Notice tone="success" title="You have signed out" /> : null}
      <h1 className="h1">Sign in</h1>
      <p className="mb-6">Sign in with the email address and password your council gave you.</p>
      <SignInForm returnTo={returnTo} csrfToken={csrfToken} serverError={error} />
      <p className="mt-6">
        <Link href="/signin/forgot">Forgotten your password?</Link>
      </p>
      {showSso ? (
        <section aria-labelledby="sso-heading" className="mt-10 border-t border-border pt-6">
          <h2 id="sso-heading" className="h2">
            Sign in with your council account
          </h2>
          <p className="mb-6">
            If your council has set up single sign-on (for example with Microsoft 365), enter your work email
            address and you will be taken to your council&apos;s own sign-in page.
          </p>
          <SsoForm
            returnTo={returnTo}
            email={typeof sp.email === "string" ? sp.email.slice(0, 254) : ""}
            error={ssoFieldError}
          />
        </section>
      ) : null}
    </div>
  );
}
