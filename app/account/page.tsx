import type { Metadata } from "next";
import { SummaryList } from "@/components/SummaryList";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/session";
import { ChangePasswordForm } from "./ChangePasswordForm";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  return (
    <>
      <h1 className="h1">Your account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: viewer.name },
          { key: "Email address", value: viewer.email },
          { key: "Council", value: viewer.council.name },
        ]}
      />
      <h2 className="h2">Change your password</h2>
      <p className="mb-6">Changing your password signs you out everywhere, including on this device.</p>
      <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
