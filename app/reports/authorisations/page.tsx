import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { requireViewer } from "@/lib/auth/session";
import { profileOf } from "@/lib/protocol/council-profile";
import { formatDate } from "@/lib/requests/describe";
import { loadAuthorisations } from "@/lib/reports/page";
import { AuthorisationForm } from "../ReportForms";

export const metadata: Metadata = { title: "Officers authorised to write reports" };

/** HAL-E1, C2007-E3, WIG-E4, CWC-E5: a Chief Officer records which of their officers may write reports. */
export default async function AuthorisationsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const viewer = await requireViewer("/reports/authorisations");
  const officers = await loadAuthorisations(viewer);
  if (!officers) notFound();
  const { done } = await searchParams;
  const rule = profileOf(viewer).duties.reports.authors.ruleId;
  return (
    <>
      <p className="mb-4">
        <Link href="/reports">Reports</Link>
      </p>
      {done ? (
        <Notice
          title={done === "ended" ? "The authorisation has been ended." : "The authorisation has been recorded."}
          tone="success"
        />
      ) : null}
      <h1 className="h1">Officers authorised to write reports</h1>
      <p className="mb-6 max-w-3xl">
        Reports are written by you or an officer you authorise ({rule}). Each authorisation is recorded with its
        date.
      </p>
      <ul className="mb-8 max-w-3xl space-y-1">
        {officers.map((o) => (
          <li key={o.id}>
            {o.name}
            {o.jobTitle ? `, ${o.jobTitle}` : ""}:{" "}
            {o.authorisedSince ? `authorised since ${formatDate(o.authorisedSince)}` : "not authorised"}
          </li>
        ))}
      </ul>
      <AuthorisationForm
        specs={[
          {
            action: "AUTHORISE",
            area: "other",
            title: "Change an authorisation",
            fields: [
              {
                kind: "select",
                name: "officerId",
                label: "Officer",
                options: officers.map((o) => ({ value: o.id, label: o.name })),
                placeholder: "Choose an officer",
              },
              {
                kind: "radios",
                name: "on",
                legend: "May they write reports for your service?",
                options: [
                  { value: "yes", label: "Yes, authorise them" },
                  { value: "no", label: "No, end their authorisation" },
                ],
              },
            ],
            submit: "Record",
          },
        ]}
      />
    </>
  );
}
