"use client";
// The organisation pages' forms (the shared action forms wired to the organisation handler).
import { ActionForms } from "@/components/ActionForms";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { organisationAction } from "./actions";

export function OrganisationForms({
  id,
  specs,
  backHref,
  heading,
}: {
  id: string;
  specs: ActionSpec[];
  backHref: string;
  heading: string;
}) {
  return (
    <ActionForms requestId={id} specs={specs} act={organisationAction} backHref={backHref} heading={heading} />
  );
}
