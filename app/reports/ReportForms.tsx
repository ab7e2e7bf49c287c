"use client";
// The report pages' forms (the shared action forms wired to the report handlers).
import { ActionForms } from "@/components/ActionForms";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { reportAction, reportAuthorisationAction, startReportAction } from "./actions";

export function StartReportForm({ specs }: { specs: ActionSpec[] }) {
  return (
    <ActionForms requestId="new" specs={specs} act={startReportAction} backHref="/reports" heading="The report" />
  );
}

export function ReportActionForms({ id, specs }: { id: string; specs: ActionSpec[] }) {
  return <ActionForms requestId={id} specs={specs} act={reportAction} backHref={`/reports/${id}`} />;
}

export function AuthorisationForm({ specs }: { specs: ActionSpec[] }) {
  return (
    <ActionForms
      requestId="new"
      specs={specs}
      act={reportAuthorisationAction}
      backHref="/reports/authorisations"
      heading="Authorise an officer"
    />
  );
}
