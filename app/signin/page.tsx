import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CSRF_HEADER } from "@/lib/auth/csrf-cookie";
import { signInErrorMessage } from "@/lib/auth/signin-messages";
import { Notice } from "@/components/Notice";
import { safeReturnPath } from "@/lib/auth/redirects";
import { getViewer } from "@/lib/auth/session";
import { SignInForm } from "./SignInForm";

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const sp = await searchParams;
  return { title: sp.error || sp.csrf ? "Error: Sign in" : "Sign in" };
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
  return (
    <div className="max-w-2xl">
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
          Sign in with your new password. Any other sessions have ended.
        </Notice>
      ) : null}
      {sp.signedout ? <Notice tone="success" title="You have signed out" /> : null}
      <h1 className="h1">Sign in</h1>
      <p className="mb-6">Sign in with the email address and password your council gave you.</p>
      <SignInForm returnTo={returnTo} csrfToken={csrfToken} serverError={error} />
      <p className="mt-6">
        <Link href="/signin/forgot">Forgotten your password?</Link>
      </p>
    </div>
  );
}
