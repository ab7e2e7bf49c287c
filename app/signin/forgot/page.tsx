import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/Notice";
import { RESET_MINUTES } from "@/lib/auth/password-reset";
import { ForgotForm } from "./ForgotForm";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const { sent } = await searchParams;
  return (
    <div className="max-w-2xl">
      <h1 className="h1">Reset your password</h1>
      {sent ? (
        <Notice tone="success" title="Check your email">
          If the address has an account, we have sent it a link to set a new password. The link works once, for{" "}
          {RESET_MINUTES} minutes. Nothing arrived? Check your junk folder, or ask your council&apos;s user
          administrator.
        </Notice>
      ) : (
        <>
          <p className="mb-6">
            Enter the email address you sign in with. We will send it a link to set a new password.
          </p>
          <ForgotForm />
        </>
      )}
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
