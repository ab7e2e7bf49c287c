"use client";
// The actions the workflow allows this person on a record, rendered from data (lib/requests/action-specs.ts): used by
// the request page and by the pages of section E records (reports, correspondence, the register), each passing the
// server action that handles its forms.
// The "decide" actions are one form: GOV.UK radios, none preselected, each revealing only its own fields. The others
// are small forms of their own. Every error is listed in an error summary linking to its field; what was typed is
// kept (server state and a draft in the browser); destructive actions ask for confirmation first.
import { useActionState, useId, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { DraftNotice } from "@/components/DraftNotice";
import { ErrorSummary } from "@/components/ErrorSummary";
import { useFormDraft, useRefusedSend } from "@/components/useDraft";
import { decideFieldName, type ActionSpec, type FieldSpec } from "@/lib/requests/action-specs";
import { MAX_ATTACHMENT_BYTES } from "@/lib/workflow/common";
import type { ActionState } from "@/lib/requests/action-specs";
import { DateInput } from "@/components/DateInput";

const INITIAL: ActionState = { errors: {}, values: {} };

/** A server action handling one record's forms: the record's id comes in the hidden field `requestId`. */
export type RecordAction = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Wiring = { requestId: string; act: RecordAction; backHref: string };
const noSubscription = () => () => {};

function Why({ why }: { why?: ActionSpec["why"] }) {
  if (!why?.length) return null;
  return (
    <details className="mb-4 max-w-3xl">
      <summary className="cursor-pointer text-link underline">Why?</summary>
      <ul className="mt-2 space-y-1 border-l-4 border-border pl-4 text-base">
        {why.map((w) => (
          <li key={w.ruleId}>
            {w.text} <span className="text-muted">({w.ruleId})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One field; `id` is the element id, `name` the form name, `error` its message. */
function Field({
  f,
  id,
  name,
  value,
  error,
}: {
  f: FieldSpec;
  id: string;
  name: string;
  value: string;
  error?: string;
}): ReactNode {
  if (f.kind === "info") return <p className="mb-4 max-w-3xl">{f.text}</p>;
  if (f.kind === "hidden") return <input type="hidden" name={f.name} value={f.value} />;
  if (f.kind === "table")
    return (
      <table className="mb-6 w-full text-left text-base">
        <caption className="mb-2 text-left font-semibold">{f.caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {f.headers.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {f.rows.map((r) => (
            <tr key={r.join("|")} className="border-b border-border">
              {r.map((c, i) => (
                <td key={i} className="py-1 pr-3">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  const hint = "hint" in f && f.hint ? f.hint : undefined;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;
  const hintEl = hint ? (
    <span id={`${id}-hint`} className="hint">
      {hint}
    </span>
  ) : null;
  const errorEl = error ? (
    <span id={`${id}-error`} className="field-error">
      <span className="sr-only">Error:</span> {error}
    </span>
  ) : null;
  const wrap = (children: ReactNode) => (
    <div className={`mb-4 ${error ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>
  );
  if (f.kind === "radios" || f.kind === "checkboxes") {
    const type = f.kind === "radios" ? "radio" : "checkbox";
    const chosen = value.split("\n");
    return wrap(
      <fieldset aria-describedby={describedBy}>
        <legend className="label">{f.legend}</legend>
        {hintEl}
        {errorEl}
        {f.options.map((o, i) => (
          <div key={o.value} className="mb-2 flex gap-3">
            <input
              type={type}
              id={i === 0 ? id : `${id}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
              className="h-6 w-6 shrink-0"
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>
              {o.label}
              {o.hint ? <span className="hint block">{o.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>,
    );
  }
  if (f.kind === "checkbox")
    return wrap(
      <>
        {errorEl}
        <div className="flex gap-3">
          <input
            type="checkbox"
            id={id}
            name={name}
            value="yes"
            defaultChecked={value === "yes"}
            aria-describedby={describedBy}
            className="h-6 w-6 shrink-0"
          />
          <label htmlFor={id}>
            {f.label}
            {hintEl}
          </label>
        </div>
      </>,
    );
  const label = (
    <label htmlFor={id} className="label">
      {f.label}
    </label>
  );
  const invalid = error ? true : undefined;
  if (f.kind === "textarea")
    return wrap(
      <>
        {label}
        {hintEl}
        {errorEl}
        <textarea
          id={id}
          name={name}
          rows={f.rows ?? 4}
          defaultValue={value || f.initial}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={`input ${error ? "input-error" : ""}`}
        />
      </>,
    );
  if (f.kind === "select")
    return wrap(
      <>
        {label}
        {hintEl}
        {errorEl}
        <select
          id={id}
          name={name}
          defaultValue={value || f.initial || ""}
          aria-describedby={describedBy}
          aria-invalid={invalid}
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
  if (f.kind === "file")
    return wrap(
      <>
        {label}
        {hintEl}
        {errorEl}
        <input type="file" id={id} name={name} aria-describedby={describedBy} className="block max-w-full" />
      </>,
    );
  if (f.kind === "date")
    return (
      <DateInput
        id={id}
        name={name}
        legend={f.label}
        hint={f.hint}
        error={error}
        value={value || f.initial || ""}
      />
    );
  return wrap(
    <>
      {label}
      {hintEl}
      {errorEl}
      <input
        type="text"
        id={id}
        name={name}
        defaultValue={value || (f.kind === "text" ? f.initial : undefined) || ""}
        inputMode={f.kind === "text" ? f.inputMode : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={`input ${error ? "input-error" : ""}`}
      />
    </>,
  );
}

const fieldName = (f: FieldSpec) => ("name" in f && f.kind !== "hidden" ? f.name : null);

/** The error summary's items, in field order, each linking to its field; anything else is listed unlinked. */
function summary(state: ActionState, entries: { key: string; id: string }[]) {
  const known = entries
    .filter((e) => state.errors[e.key])
    .map((e) => ({ field: e.id, message: state.errors[e.key]! }));
  const keys = new Set(entries.map((e) => e.key));
  return [
    ...known,
    ...Object.keys(state.errors)
      .filter((k) => !keys.has(k))
      .map((k) => ({ message: state.errors[k]! })),
  ];
}

/** A file over the limit is refused here, before minutes of uploading; the server checks again (DEF-A12). */
function checkFileSize(e: FormEvent<HTMLFormElement>, setError: (m: string | null) => void) {
  const input = e.currentTarget.querySelector<HTMLInputElement>('input[type="file"]');
  const file = input?.files?.[0];
  if (file && file.size > MAX_ATTACHMENT_BYTES) {
    e.preventDefault();
    setError("The file must be 5 MB or smaller. (DEF-A12)");
  } else setError(null);
}

/** The confirmation step of a destructive action: the values are sent again with `confirmed`. */
function Confirm({ state, requestId, act, backHref }: { state: ActionState } & Wiring) {
  const [, formAction, pending] = useActionState<ActionState, FormData>(act, INITIAL);
  if (!state.confirm) return null;
  return (
    <div className="mb-6 max-w-3xl border-4 border-error p-4" role="alert" aria-labelledby="confirm-title">
      <h3 id="confirm-title" className="h3">
        {state.confirm}
      </h3>
      <form action={formAction} className="flex flex-wrap items-center gap-4">
        {/* What was sent, once: the record's id and the confirmation are added below. */}
        {Object.entries(state.values)
          .filter(([k]) => k !== "requestId" && k !== "confirmed")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" className="btn-warning" disabled={pending}>
          Yes, continue
        </button>
        <a href={backHref}>No, go back</a>
      </form>
    </div>
  );
}

function DecideForm({ specs, ...wiring }: { specs: ActionSpec[] } & Wiring) {
  const { requestId, act } = wiring;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(act, INITIAL);
  const [picked, setChosen] = useState<string | null>(null);
  const chosen = picked ?? state.values.action ?? "";
  // Without JavaScript every choice's fields are shown (the GOV.UK conditional-reveal fallback).
  const js = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [fileError, setFileError] = useState<string | null>(null);
  const { ref, restoredAt, discard } = useFormDraft("decide");
  useRefusedSend(state);
  // One choice only: no radios, its fields are the form (GOV.UK: do not ask a question with one answer).
  const single = specs.length === 1 ? specs[0]! : null;
  const spec = single ?? specs.find((s) => s.action === chosen);
  const fieldsOf = (s: ActionSpec) => (
    <>
      <Why why={s.why} />
      {s.fields.map((f, k) => {
        const n = fieldName(f);
        const full = n ? decideFieldName(s.action, n) : "";
        return (
          <Field
            key={n ?? `${s.action}-${k}`}
            f={f}
            id={`decide-${full}`}
            name={full}
            value={state.values[full] ?? state.values[n ?? ""] ?? ""}
            error={spec?.action === s.action && n ? errors[n] : undefined}
          />
        );
      })}
    </>
  );
  const errors: Record<string, string> = { ...state.errors, ...(fileError ? { file: fileError } : {}) };
  const entries = [
    ...(single ? [] : [{ key: "action", id: "decide-action" }]),
    ...(spec ? spec.fields.map(fieldName).filter((n): n is string => !!n) : []).map((n) => ({
      key: n,
      id: `decide-${decideFieldName(spec!.action, n)}`,
    })),
  ];
  return (
    <section aria-labelledby="decide-title" className="mb-8 border-t border-border pt-4">
      <h3 id="decide-title" className="h2">
        Decide
      </h3>
      <ErrorSummary errors={summary({ ...state, errors }, entries)} />
      <Confirm state={state} {...wiring} />
      <DraftNotice at={restoredAt} onDiscard={discard} />
      <form action={formAction} noValidate ref={ref} onSubmit={(e) => checkFileSize(e, setFileError)}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="decide" value="yes" />
        {single ? (
          <>
            <input type="hidden" name="action" value={single.action} />
            <p className="label text-xl">{single.title}</p>
            {single.hint ? <p className="mb-4 max-w-3xl">{single.hint}</p> : null}
            <div id={`decide-${single.action}-fields`}>{fieldsOf(single)}</div>
          </>
        ) : (
          <fieldset className={`mb-6 ${errors.action ? "border-l-4 border-error pl-4" : ""}`}>
            <legend className="label text-xl">What do you want to do?</legend>
            {errors.action ? (
              <span id="decide-action-error" className="field-error">
                <span className="sr-only">Error:</span> {errors.action}
              </span>
            ) : null}
            {specs.map((s, i) => (
              <div key={s.action} className="mb-3">
                <div className="flex gap-3">
                  <input
                    type="radio"
                    id={i === 0 ? "decide-action" : `decide-action-${s.action}`}
                    name="action"
                    value={s.action}
                    // Uncontrolled: React resets a form after its action, back to these defaults (the choice sent).
                    defaultChecked={chosen === s.action}
                    onChange={() => setChosen(s.action)}
                    aria-controls={`decide-${s.action}-fields`}
                    className="h-6 w-6 shrink-0"
                  />
                  <label htmlFor={i === 0 ? "decide-action" : `decide-action-${s.action}`}>
                    {s.title}
                    {s.hint ? <span className="hint block">{s.hint}</span> : null}
                  </label>
                </div>
                <div
                  id={`decide-${s.action}-fields`}
                  hidden={js && chosen !== s.action}
                  className="mt-3 ml-3 border-l-4 border-border pl-6"
                >
                  {fieldsOf(s)}
                </div>
              </div>
            ))}
          </fieldset>
        )}
        <button type="submit" className={spec?.tone === "warning" ? "btn-warning" : "btn"} disabled={pending}>
          {spec?.submit ?? "Continue"}
        </button>
      </form>
    </section>
  );
}

function ActionForm({ spec, ...wiring }: { spec: ActionSpec } & Wiring) {
  const { requestId, act } = wiring;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(act, INITIAL);
  const [fileError, setFileError] = useState<string | null>(null);
  const base = spec.key ?? spec.action;
  const { ref, restoredAt, discard } = useFormDraft(base);
  useRefusedSend(state);
  const errors: Record<string, string> = { ...state.errors, ...(fileError ? { file: fileError } : {}) };
  const id = (n: string) => `${base}-${n}`;
  const entries = spec.fields
    .map(fieldName)
    .filter((n): n is string => !!n)
    .map((n) => ({ key: n, id: id(n) }));
  return (
    <section aria-labelledby={`${base}-heading`} className="mb-8 border-t border-border pt-4">
      <h3 id={`${base}-heading`} className="h3">
        {spec.title}
      </h3>
      {spec.hint ? <p className="mb-4 max-w-3xl">{spec.hint}</p> : null}
      <Why why={spec.why} />
      <ErrorSummary errors={summary({ ...state, errors }, entries)} />
      <Confirm state={state} {...wiring} />
      <DraftNotice at={restoredAt} onDiscard={discard} />
      <form action={formAction} noValidate ref={ref} onSubmit={(e) => checkFileSize(e, setFileError)}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="action" value={spec.action} />
        {spec.fields.map((f, k) => {
          const n = fieldName(f);
          return (
            <Field
              key={n ?? k}
              f={f}
              id={n ? id(n) : `${base}-${k}`}
              name={n ?? ""}
              value={n ? (state.values[n] ?? "") : ""}
              error={n ? errors[n] : undefined}
            />
          );
        })}
        <button
          type="submit"
          className={spec.tone === "warning" ? "btn-warning" : spec.tone === "secondary" ? "btn-secondary" : "btn"}
          disabled={pending}
        >
          {spec.submit}
        </button>
      </form>
    </section>
  );
}

export function ActionForms({
  specs,
  heading = "What you can do",
  ...wiring
}: { specs: ActionSpec[]; heading?: string } & Wiring) {
  // Two sets of forms on one page (schedule a meeting beside the Town Clerk's notes) keep their ids apart.
  const headingId = `actions-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  if (specs.length === 0) return null;
  const decide = specs.filter((s) => s.area === "decide");
  const other = specs.filter((s) => s.area === "other");
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="h2">
        {heading}
      </h2>
      {decide.length ? <DecideForm specs={decide} {...wiring} /> : null}
      {other.map((s) => (
        <ActionForm key={s.key ?? s.action} spec={s} {...wiring} />
      ))}
    </section>
  );
}
