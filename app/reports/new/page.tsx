import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { councilCommittees, councilPeople, councilServices } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { isId } from "@/lib/validation";
import { StartReportForm } from "../ReportForms";

export const metadata: Metadata = { title: "Start a report" };

/** An officer starts a report to the Council, the Cabinet, a Board or a Committee (HAL-E1, CWC-E5, HTC-E1…). */
export default async function NewReportPage({ searchParams }: { searchParams: Promise<{ call?: string }> }) {
  const viewer = await requireViewer("/reports/new");
  const { call } = await searchParams;
  const profile = profileOf(viewer);
  const r = profile.duties.reports;
  const officer = viewer.roles.includes("OFFICER") || viewer.roles.includes("TOWN_CLERK");
  if (!officer)
    return (
      <>
        <h1 className="h1">Start a report</h1>
        <p className="mb-4 max-w-3xl">
          Officer reports are written by officers. As a member you can suggest content on a report shared with you,
          and call for a report where your council&apos;s protocol provides for it.{" "}
          <span className="text-base text-muted">({r.authors.ruleId})</span>
        </p>
        <p>
          <Link href="/reports">Back to reports</Link>
        </p>
      </>
    );
  const [services, committees, people] = await Promise.all([
    councilServices(viewer),
    councilCommittees(viewer),
    councilPeople(viewer),
  ]);
  const specs: ActionSpec[] = [
    {
      action: "START",
      area: "other",
      title: "Start a report",
      hint: "Give full and impartial advice, with every valid option. Members can suggest content; the report stays yours.",
      fields: [
        ...(call && isId(call) ? [{ kind: "hidden" as const, name: "callId", value: call }] : []),
        { kind: "text", name: "title", label: "Title" },
        {
          kind: "select",
          name: "serviceId",
          label: "Which service is it from?",
          options: services.map((s) => ({ value: s.id, label: s.name })),
          placeholder: "Choose a service",
          initial: viewer.service?.id,
        },
        {
          kind: "select",
          name: "committeeId",
          label: "Who is it to?",
          options: committees.map((c) => ({ value: c.id, label: c.name })),
          placeholder: "Choose the council, Cabinet, board or committee",
        },
        {
          kind: "textarea",
          name: "summary",
          label: "Report",
          hint: "The background, the options and your advice.",
          rows: 10,
        },
        { kind: "textarea", name: "recommendations", label: "Recommendations", rows: 5 },
        ...(r.consultation.value
          ? [
              {
                kind: "checkboxes" as const,
                name: "affectedServiceIds",
                legend: "Other services the report affects",
                hint: `Their Director is consulted before the report is published (${r.consultation.ruleId}).`,
                options: services.map((s) => ({ value: s.id, label: s.name })),
              },
              {
                kind: "select" as const,
                name: "portfolioMemberId",
                label: "For a Cabinet report: the Cabinet Member whose portfolio it is on",
                hint: `They are consulted before the report is published (${r.consultation.ruleId}).`,
                options: people
                  .filter((p) => p.roles.includes("CABINET_MEMBER"))
                  .map((p) => ({
                    value: p.id,
                    label: `${p.name}${p.portfolioName ? `, Cabinet Member for ${p.portfolioName}` : p.jobTitle ? `, ${p.jobTitle}` : ""}`,
                  })),
                placeholder: "Not a Cabinet report",
              },
            ]
          : []),
      ],
      submit: "Start the report",
      why: [
        {
          ruleId: r.authors.ruleId,
          text:
            r.authors.value === "OFFICERS"
              ? "Officers prepare reports."
              : r.authors.value === "DIRECTORS_OR_AUTHORISED"
                ? "The Deputy Chief Executive, the Chief Operating Officer and Directors start reports, or officers they authorise."
                : "Reports are written by the Chief Officer or an officer they authorise.",
        },
      ],
    },
  ];
  return (
    <>
      <p className="mb-4">
        <Link href="/reports">Back to reports</Link>
      </p>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Start a report</h1>
      <StartReportForm specs={specs} />
    </>
  );
}
