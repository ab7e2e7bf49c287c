"use client";
// HAL-B4, WIG-B1: recording a standing arrangement. What was typed stays after an error.
import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Select, TextArea } from "@/components/FormFields";
import type { ArrangementFormState } from "@/lib/organisation/arrangements";
import { proposeArrangementAction } from "./actions";

type Option = { value: string; label: string };
const ORDER = ["officerId", "groupId", "safeguards", "form"];

export function ArrangementForm({ officers, groups }: { officers: Option[]; groups: Option[] }) {
  const [state, action, pending] = useActionState<ArrangementFormState, FormData>(proposeArrangementAction, {
    errors: {},
    values: {},
  });
  // Controlled fields: what was typed stays after a failed submission.
  const [v, setV] = useState({ officerId: "", groupId: "", safeguards: "" });
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const errors = ORDER.filter((k) => state.errors[k]).map((k) => ({
    field: k === "form" ? undefined : k,
    message: state.errors[k]!,
  }));
  return (
    <>
      <ErrorSummary errors={errors} />
      {state.saved ? (
        <p className="mb-4 border-l-4 border-success pl-4" role="status">
          The arrangement is recorded. It is in force once the officer agrees.
        </p>
      ) : null}
      <form action={action} noValidate>
        <Select
          id="officerId"
          label="Officer"
          options={officers}
          placeholder="Choose an officer"
          value={v.officerId}
          onChange={set("officerId")}
          error={state.errors.officerId}
        />
        <Select
          id="groupId"
          label="Group to advise"
          options={groups}
          placeholder="Choose a group"
          value={v.groupId}
          onChange={set("groupId")}
          error={state.errors.groupId}
        />
        <TextArea
          id="safeguards"
          label="Safeguards for political neutrality"
          hint="For example: advice on council business only, notes shared with the Monitoring Officer, reviewed every six months."
          value={v.safeguards}
          onChange={set("safeguards")}
          error={state.errors.safeguards}
        />
        <button type="submit" className="btn" disabled={pending}>
          Record the arrangement
        </button>
      </form>
    </>
  );
}
