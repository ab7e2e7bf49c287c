"use client";
// Notification preferences: email as each thing happens, or once a day in one email (lib/email/digest.ts).
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { saveEmailPreferenceAction } from "./actions";

const CHOICES = [
  { value: "IMMEDIATE", label: "As each thing happens", hint: "An email for every update on your requests." },
  {
    value: "DAILY",
    label: "Once a day, in one email",
    hint: "A summary at 7am of everything since the last one.",
  },
];

export function EmailPreferenceForm({ current }: { current: string }) {
  const [state, action, pending] = useActionState(saveEmailPreferenceAction, {
    errors: {} as Record<string, string>,
  });
  return (
    <>
      <ErrorSummary
        errors={Object.entries(state.errors).map(([field, message]) => ({
          field: `emailFrequency-${field}`,
          message,
        }))}
      />
      {state.saved ? (
        <p className="mb-4 border-l-4 border-success pl-4" role="status">
          Your email preference has been saved.
        </p>
      ) : null}
      <form action={action} noValidate>
        <fieldset className="mb-6">
          <legend className="label">How should we email you about your requests?</legend>
          {CHOICES.map((c, i) => (
            <div key={c.value} className="mb-2 flex gap-3">
              <input
                type="radio"
                id={i === 0 ? "emailFrequency-emailFrequency" : `emailFrequency-${c.value}`}
                name="emailFrequency"
                value={c.value}
                defaultChecked={current === c.value}
                className="h-6 w-6 shrink-0"
              />
              <label htmlFor={i === 0 ? "emailFrequency-emailFrequency" : `emailFrequency-${c.value}`}>
                {c.label}
                <span className="hint block">{c.hint}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn" disabled={pending}>
          Save the preference
        </button>
      </form>
    </>
  );
}
