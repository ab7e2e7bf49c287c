"use client";
// CWC-B3: recording an absence. Dates stay as typed after an error; the error summary links to each field.
import { useActionState } from "react";
import { DateInput } from "@/components/DateInput";
import { ErrorSummary } from "@/components/ErrorSummary";
import { recordAbsenceAction } from "./actions";
import type { AbsenceFormState } from "./absence-state";

const ORDER = ["fromDate", "toDate", "form"];

export function AbsenceForm() {
  const [state, action, pending] = useActionState<AbsenceFormState, FormData>(recordAbsenceAction, {
    errors: {},
    values: {},
  });
  const errors = ORDER.filter((k) => state.errors[k]).map((k) => ({
    field: k === "form" ? undefined : k,
    message: state.errors[k]!,
  }));
  return (
    <>
      <ErrorSummary errors={errors} />
      {state.saved ? (
        <p className="mb-4 border-l-4 border-success pl-4" role="status">
          Your absence has been recorded.
        </p>
      ) : null}
      <form action={action} noValidate>
        <DateInput
          id="fromDate"
          name="fromDate"
          legend="First day away"
          hint="For example, 14 1 2027"
          value={state.values.fromDate ?? ""}
          error={state.errors.fromDate}
        />
        <DateInput
          id="toDate"
          name="toDate"
          legend="Last day away"
          value={state.values.toDate ?? ""}
          error={state.errors.toDate}
        />
        <button type="submit" className="btn" disabled={pending}>
          Record the absence
        </button>
      </form>
    </>
  );
}
