"use client";
// A form of the people-administration pages: fields start from the person's current values (checkboxes ticked, the
// select chosen), errors are listed in a GOV.UK error summary linking to each field, and after an error what was sent
// is shown again — nothing typed is lost. The server action redirects on success.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import type { ActionState } from "@/lib/requests/action-specs";

export type Option = { value: string; label: string; hint?: string };

export type AdminField =
  | {
      kind: "text";
      name: string;
      label: string;
      hint?: string;
      initial?: string;
      type?: "text" | "email" | "password";
      autoComplete?: string;
      inputMode?: "numeric";
      width?: string;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      hint?: string;
      options: Option[];
      initial?: string;
      placeholder?: string;
    }
  | { kind: "checkboxes"; name: string; legend: string; hint?: string; options: Option[]; initial?: string[] }
  | { kind: "radios"; name: string; legend: string; hint?: string; options: Option[]; initial?: string }
  | { kind: "checkbox"; name: string; label: string; hint?: string; initial?: boolean }
  | { kind: "hidden"; name: string; value: string }
  | { kind: "text-block"; text: string };

export type AdminAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

const INITIAL: ActionState = { errors: {}, values: {} };

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={`${id}-hint`} className="hint">
      {text}
    </span>
  ) : null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span id={`${id}-error`} className="field-error">
      <span className="sr-only">Error:</span> {error}
    </span>
  ) : null;
}

function Field({ f, id, value, error }: { f: AdminField; id: string; value: string; error?: string }): ReactNode {
  if (f.kind === "hidden") return <input type="hidden" name={f.name} value={f.value} />;
  if (f.kind === "text-block") return <p className="mb-4 max-w-3xl">{f.text}</p>;
  const hint = "hint" in f ? f.hint : undefined;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;
  const wrap = (children: ReactNode) => (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>
  );
  if (f.kind === "checkboxes" || f.kind === "radios") {
    const chosen = value.split("\n");
    const type = f.kind === "radios" ? "radio" : "checkbox";
    return wrap(
      <fieldset aria-describedby={describedBy}>
        <legend className="label">{f.legend}</legend>
        <Hint id={id} text={hint} />
        <FieldError id={id} error={error} />
        {f.options.length === 0 ? <p className="text-muted">There is nothing to choose from yet.</p> : null}
        {f.options.map((o, i) => {
          const oid = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} className="mb-2 flex gap-3">
              <input
                type={type}
                id={oid}
                name={f.name}
                value={o.value}
                defaultChecked={chosen.includes(o.value)}
                className="h-6 w-6 shrink-0"
              />
              <label htmlFor={oid} className="min-w-0 break-words">
                {o.label}
                {o.hint ? <span className="hint block">{o.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>,
    );
  }
  if (f.kind === "checkbox")
    return wrap(
      <>
        <FieldError id={id} error={error} />
        <div className="flex gap-3">
          <input
            type="checkbox"
            id={id}
            name={f.name}
            value="yes"
            defaultChecked={value === "yes"}
            aria-describedby={describedBy}
            className="h-6 w-6 shrink-0"
          />
          <label htmlFor={id}>
            {f.label}
            <Hint id={id} text={hint} />
          </label>
        </div>
      </>,
    );
  const label = (
    <label htmlFor={id} className="label">
      {f.label}
    </label>
  );
  if (f.kind === "select")
    return wrap(
      <>
        {label}
        <Hint id={id} text={hint} />
        <FieldError id={id} error={error} />
        <select
          id={id}
          name={f.name}
          defaultValue={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="input bg-white"
        >
          {f.placeholder !== undefined ? <option value="">{f.placeholder}</option> : null}
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </>,
    );
  return wrap(
    <>
      {label}
      <Hint id={id} text={hint} />
      <FieldError id={id} error={error} />
      <input
        type={f.type ?? "text"}
        id={id}
        name={f.name}
        defaultValue={f.type === "password" ? undefined : value}
        autoComplete={f.autoComplete}
        inputMode={f.inputMode}
        spellCheck={f.type === "email" ? false : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`input ${error ? "input-error" : ""} ${f.width ?? ""}`}
      />
    </>,
  );
}

const initialOf = (f: AdminField): string => {
  if (f.kind === "checkboxes") return (f.initial ?? []).join("\n");
  if (f.kind === "checkbox") return f.initial ? "yes" : "";
  if (f.kind === "text" || f.kind === "select" || f.kind === "radios") return f.initial ?? "";
  return "";
};

const nameOf = (f: AdminField) => (f.kind === "hidden" || f.kind === "text-block" ? null : f.name);

export function AdminForm({
  id,
  title,
  hint,
  fields,
  submit,
  act,
  tone = "primary",
}: {
  /** Prefix of the element ids (unique on the page). */
  id: string;
  /** The form's heading (h2), if it has one. */
  title?: string;
  hint?: string;
  fields: AdminField[];
  submit: string;
  act: AdminAction;
  tone?: "primary" | "secondary" | "warning";
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(act, INITIAL);
  // After a submission, what was sent (a checkbox group with nothing ticked is absent from it); before, the record.
  const sent = Object.keys(state.values).length > 0;
  const valueOf = (f: AdminField) => {
    const n = nameOf(f);
    if (!n) return "";
    return sent ? (state.values[n] ?? "") : initialOf(f);
  };
  const elementId = (n: string) => `${id}-${n}`;
  const named = fields.map(nameOf).filter((n): n is string => !!n);
  const summary = [
    ...named.filter((n) => state.errors[n]).map((n) => ({ field: elementId(n), message: state.errors[n]! })),
    ...Object.keys(state.errors)
      .filter((k) => !named.includes(k))
      .map((k) => ({ message: state.errors[k]! })),
  ];
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={title ? headingId : undefined} className="mb-10 max-w-3xl">
      {title ? (
        <h2 id={headingId} className="h2">
          {title}
        </h2>
      ) : null}
      {hint ? <p className="mb-4">{hint}</p> : null}
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        {fields.map((f, k) => {
          const n = nameOf(f);
          return (
            <Field
              key={n ?? `${id}-${k}`}
              f={f}
              id={n ? elementId(n) : `${id}-${k}`}
              value={valueOf(f)}
              error={n ? state.errors[n] : undefined}
            />
          );
        })}
        <button
          type="submit"
          className={tone === "warning" ? "btn-warning" : tone === "secondary" ? "btn-secondary" : "btn"}
          disabled={pending}
        >
          {submit}
        </button>
      </form>
    </section>
  );
}
