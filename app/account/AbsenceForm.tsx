"use client";
// CWC-B3: recording an absence. Dates stay as typed after an error; the error summary links to each field.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
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
        <Field
          id="fromDate"
          label="First day away"
          hint="For example 2027-01-14"
          type="date"
          defaultValue={state.values.fromDate ?? ""}
          error={state.errors.fromDate}
          className="w-60"
        />
        <Field
          id="toDate"
          label="Last day away"
          type="date"
          defaultValue={state.values.toDate ?? ""}
          error={state.errors.toDate}
          className="w-60"
        />
        <button type="submit" className="btn" disabled={pending}>
          Record the absence
        </button>
      </form>
    </>
  );
}
