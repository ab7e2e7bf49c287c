import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { councilWardsWithMembers } from "@/lib/organisation/queries";
import { NOTICE_TYPES } from "@/lib/notices/form";
import { WardNoticeForm } from "./WardNoticeForm";

export const metadata: Metadata = { title: "Send a ward notice" };

export default async function WardNoticePage() {
  const viewer = await requireViewer("/notices/new");
  if (!viewer.roles.includes("OFFICER")) notFound();
  const wards = await councilWardsWithMembers(viewer);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Send a ward notice</h1>
      <p className="mb-6 max-w-3xl">
        Keep ward councillors informed: a matter affecting their ward, a public meeting there, a local
        consultation, or information of general interest. It reaches them as a notification and by email.
      </p>
      {wards.length ? (
        <WardNoticeForm
          wards={wards.map((w) => ({
            id: w.id,
            name: w.name,
            members: w.members.map((m) => m.name).join(", ") || "no councillors",
          }))}
          types={NOTICE_TYPES}
        />
      ) : (
        <p>Your council has no wards set up.</p>
      )}
    </>
  );
}
