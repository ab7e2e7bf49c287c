"use client";
// HTC-D9: the Town Clerk's notes of a Leadership Team meeting (preliminary consideration only).
import { useActionState } from "react";
import { DateInput } from "@/components/DateInput";
import { ErrorSummary } from "@/components/ErrorSummary";
import type { LeadershipFormState } from "@/lib/meetings/leadership";
import { recordLeadershipMeetingAction } from "./actions";

const ORDER = ["date", "notes", "form"];

export function LeadershipForm() {
  const [state, action, pending] = useActionState<LeadershipFormState, FormData>(recordLeadershipMeetingAction, {
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
          The meeting notes have been recorded.
        </p>
      ) : null}
      <form action={action} noValidate key={state.saved ? "saved" : "editing"}>
        <DateInput
          id="date"
          name="date"
          legend="Date of the meeting"
          value={state.values.date ?? ""}
          error={state.errors.date}
        />
        <div className={`mb-6 ${state.errors.notes ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="notes" className="label">
            Notes of preliminary consideration
          </label>
          <span id="notes-hint" className="hint">
            Forthcoming policy issues and the agenda. No decision can be recorded here.
          </span>
          {state.errors.notes ? (
            <span id="notes-error" className="field-error">
              <span className="sr-only">Error:</span> {state.errors.notes}
            </span>
          ) : null}
          <textarea
            id="notes"
            name="notes"
            rows={5}
            defaultValue={state.values.notes ?? ""}
            aria-describedby={`notes-hint${state.errors.notes ? " notes-error" : ""}`}
            className="input"
          />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          Record the meeting
        </button>
      </form>
    </>
  );
}
