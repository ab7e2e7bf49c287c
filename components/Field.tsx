// A labelled input with hint and inline error (GOV.UK form group). Presentational only.
import type { InputHTMLAttributes } from "react";

type Props = { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>;

export function Field({ id, label, hint, error, className, ...input }: Props) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          <span className="sr-only">Error:</span> {error}
        </span>
      ) : null}
      <input
        id={id}
        name={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`input ${error ? "input-error" : ""} ${className ?? ""}`}
        {...input}
      />
    </div>
  );
}
