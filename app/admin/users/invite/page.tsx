import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { mayAdminister } from "@/lib/admin/audit";
import { requireViewer } from "@/lib/auth/session";
import { INVITATION_DAYS } from "@/lib/admin/invitations";
import { roleOptions } from "@/lib/users/person-schema";
import { AdminForm } from "../AdminForm";
import { invitePersonAction } from "./actions";

export const metadata: Metadata = { title: "Invite a person" };

/** An administrator invites a councillor or officer: they get an email with a link to set their password. */
export default async function InvitePage() {
  const viewer = await requireViewer("/admin/users/invite");
  if (!mayAdminister(viewer)) notFound();
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Invite a person</h1>
      <p className="mb-6 max-w-3xl">
        We email them a link to set their password. The link works once, for {INVITATION_DAYS} days; you can send a
        new one from their page. After inviting them you can add their party group, wards and committees, or their
        service.
      </p>
      <AdminForm
        id="invite"
        act={invitePersonAction}
        submit="Send the invitation"
        fields={[
          { kind: "text", name: "name", label: "Full name", autoComplete: "off" },
          {
            kind: "text",
            name: "email",
            label: "Work email address",
            hint: "They sign in with it. Each address can have one account in the service.",
            type: "email",
            autoComplete: "off",
          },
          {
            kind: "text",
            name: "jobTitle",
            label: "Job title (optional)",
            hint: "As the council uses it, for example “Director of Place” or “Cabinet Member for Environment”.",
          },
          {
            kind: "checkboxes",
            name: "roles",
            legend: "Roles",
            hint: "Choose all that apply. Councillors have the Councillor role; staff the Officer role, and any office they hold.",
            options: roleOptions(viewer.council.profileKey),
          },
        ]}
      />
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
    </>
  );
}
