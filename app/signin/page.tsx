import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/components/Notice";
import { safeReturnPath } from "@/lib/auth/redirects";
import { getViewer } from "@/lib/auth/session";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string; ended?: string; signedout?: string; changed?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const returnTo = safeReturnPath(sp.callbackUrl);
  if (await getViewer()) redirect(returnTo);
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
      {sp.signedout ? <Notice tone="success" title="You have signed out" /> : null}
      <h1 className="h1">Sign in</h1>
      <p className="mb-6">Sign in with the email address and password your council gave you.</p>
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
