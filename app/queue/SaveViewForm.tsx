"use client";
// "Save this view": the queue's current filters under a name (GOV.UK error summary and inline error; what was typed
// stays after an error). The saved list above the filters is refreshed by the action.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import type { SavedViewFormState } from "@/lib/requests/saved-views";
import { saveViewAction } from "./actions";

export function SaveViewForm({ query, maxLength }: { query: string; maxLength: number }) {
  const [state, action, pending] = useActionState<SavedViewFormState, FormData>(saveViewAction, {
    errors: {},
    values: {},
  });
  const nameError = state.errors.name;
  const errors = [
    ...(nameError ? [{ field: "view-name", message: nameError }] : []),
    ...(state.errors.form ? [{ message: state.errors.form }] : []),
  ];
  return (
    <section aria-labelledby="save-view-title" className="mb-6 bg-panel p-4">
      <h2 id="save-view-title" className="h3">
        Save this view
      </h2>
      <ErrorSummary errors={errors} />
      {state.saved ? (
        <p className="mb-4 border-l-4 border-success pl-4" role="status">
          Saved as ‘{state.saved}’. It is listed under ‘Your saved views’.
        </p>
      ) : null}
      <form action={action} noValidate>
        <input type="hidden" name="query" value={query} />
        <div className={`mb-4 ${nameError ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="view-name" className="label">
            Name
          </label>
          <span id="view-name-hint" className="hint">
            For example, ‘Overdue in my service’. Up to {maxLength} characters.
          </span>
          {nameError ? (
            <span id="view-name-error" className="field-error">
              <span className="sr-only">Error:</span> {nameError}
            </span>
          ) : null}
          <input
            // React resets a form after its action: the box then shows what was typed after an error, and is
            // empty after a save.
            key={state.saved ? `saved-${state.saved}` : `typed-${state.values.name ?? ""}`}
            id="view-name"
            name="name"
            defaultValue={state.values.name ?? ""}
            aria-describedby={nameError ? "view-name-hint view-name-error" : "view-name-hint"}
            aria-invalid={nameError ? true : undefined}
            autoComplete="off"
            className={`input bg-white ${nameError ? "input-error" : ""}`}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={pending}>
          Save this view
        </button>
      </form>
    </section>
  );
}
