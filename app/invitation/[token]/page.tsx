import type { Metadata } from "next";
import Link from "next/link";
import { INVITATION_DAYS } from "@/lib/admin/invitations";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/requests/describe";
import { invitationState } from "@/lib/users/invitations";
import { InvitationForm } from "./InvitationForm";

export const metadata: Metadata = { title: "Set your password" };

/** Public (signed out): the page an invitation email links to. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const token = String((await params).token ?? "").slice(0, 200);
  const inv = await invitationState(token, new Date());
  if (inv.state === "valid")
    return (
      <div className="max-w-2xl">
        <span className="caption">{inv.councilName}</span>
        <h1 className="h1">Set your password</h1>
        <p className="mb-4">
          Welcome, {inv.name}. Choose a password for your Members&apos; Requests account. You will sign in with
          your email address, <span className="font-semibold break-all">{inv.email}</span>, and this password.
        </p>
        <p className="mb-6">This link works once, until {formatDateTime(inv.expiresAt)}.</p>
        <InvitationForm token={token} email={inv.email} minLength={MIN_PASSWORD_LENGTH} />
      </div>
    );
  return (
    <div className="max-w-2xl">
      {inv.state !== "unknown" ? <span className="caption">{inv.councilName}</span> : null}
      <h1 className="h1">
        {inv.state === "expired"
          ? "This invitation link has expired"
          : inv.state === "used"
            ? "This invitation link has already been used"
            : "This invitation link is not valid"}
      </h1>
      {inv.state === "expired" ? (
        <p className="mb-6">
          Ask {inv.inviterName ?? "your council's user administrator"} to send you a new one: they can do it from
          your page in the service. The new link will work for {INVITATION_DAYS} days.
        </p>
      ) : inv.state === "used" ? (
        <p className="mb-6">
          If you set your password with it, <Link href="/signin">sign in</Link>. If you have forgotten the
          password, <Link href="/signin/forgot">reset it</Link>.
        </p>
      ) : (
        <p className="mb-6">
          It may have been replaced by a newer link: use the one in the most recent invitation email. If that does
          not work either, ask your council&apos;s user administrator to send you a new one.
        </p>
      )}
      <p>
        <Link href="/signin">Go to sign in</Link>
      </p>
    </div>
  );
}
