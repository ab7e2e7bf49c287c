import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { mayReportDevelopments } from "@/lib/notices/form";
import { councilMembersWithGroups } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { DevelopmentForm } from "./DevelopmentForm";

export const metadata: Metadata = { title: "Report a significant development" };

export default async function DevelopmentPage() {
  const viewer = await requireViewer("/notices/development");
  const rule = profileOf(viewer).information.significantDevelopmentsTo;
  if (!rule || !mayReportDevelopments(viewer)) notFound();
  const members = await councilMembersWithGroups(viewer);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Report a significant development</h1>
      <p className="mb-6 max-w-3xl">
        {rule.value === "ALL_MEMBERS"
          ? "Developments of significance go to all members."
          : "Significant developments go to members of every political group, not only the administration."}{" "}
        <span className="text-base text-muted">({rule.ruleId})</span>
      </p>
      <DevelopmentForm
        members={members.map((m) => ({ id: m.id, label: `${m.name}${m.group ? ` (${m.group})` : ""}` }))}
      />
    </>
  );
}
