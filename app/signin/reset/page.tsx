import type { Metadata } from "next";
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { resetLinkValid } from "@/lib/auth/password-reset";
import { ResetForm } from "./ResetForm";

export const metadata: Metadata = { title: "Set a new password" };

export default async function ResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = String((await searchParams).token ?? "");
  const valid = await resetLinkValid(token, new Date());
  return (
    <div className="max-w-2xl">
      <h1 className="h1">{valid ? "Set a new password" : "This link has expired or has already been used"}</h1>
      {valid ? (
        <>
          <p className="mb-6">Once it is set, you are signed out everywhere and sign in with the new password.</p>
          <ResetForm token={token} minLength={MIN_PASSWORD_LENGTH} />
        </>
      ) : (
        <p className="mb-6">
          Links work once, for an hour. <Link href="/signin/forgot">Ask for a new link</Link>.
        </p>
      )}
    </div>
  );
}
