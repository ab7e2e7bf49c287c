"use client";
// The request page's actions: the shared action forms (components/ActionForms.tsx) wired to the request's handler.
import { ActionForms } from "@/components/ActionForms";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { requestAction } from "./actions";

export function RequestActions({ requestId, specs }: { requestId: string; specs: ActionSpec[] }) {
  return (
    <ActionForms requestId={requestId} specs={specs} act={requestAction} backHref={`/requests/${requestId}`} />
  );
}
