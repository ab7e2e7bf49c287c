"use client";
// The protocol settings form: every setting of the council's profile by area, with its rule and where it comes from;
// an input only where the administrator may change it. One form, one save: a new settings version. Every error is
// listed in the error summary linking to its field, and what was typed is kept.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Tag } from "@/components/Tag";
import type { SettingRow } from "@/lib/admin/settings";
import type { ActionState } from "@/lib/requests/action-specs";

const INITIAL: ActionState = { errors: {}, values: {} };

type Area = { key: string; title: string; rows: SettingRow[] };

function Origin({ row }: { row: SettingRow }): ReactNode {
  if (row.origin === "PROTOCOL")
    return (
      <>
        <Tag tone="grey">From the protocol</Tag>{" "}
        <span className="text-muted">
          {row.ruleId}
          {row.ruleTitle ? `: ${row.ruleTitle}` : ""}
          {row.ruleSource ? `. Source: ${row.ruleSource}` : ""}
        </span>
      </>
    );
  return (
    <>
      <Tag tone="green">Council setting</Tag>{" "}
      <span className="text-muted">
        {row.origin === "SILENT"
          ? `The protocol is silent (default: ${row.defaultValue})`
          : `${row.ruleId === "COUNCIL" ? "The council's choice" : row.ruleId} (default: ${row.defaultValue})`}
        {row.origin === "DEFAULT" && row.ruleTitle ? `. Gap it fills: ${row.ruleTitle}` : ""}
      </span>
    </>
  );
}

function Row({ row, value, error }: { row: SettingRow; value: string; error?: string }) {
  const hintId = `${row.id}-hint`;
  const errorId = `${row.id}-error`;
  const describedBy = [hintId, error ? errorId : ""].join(" ").trim();
  const about = (
    <span id={hintId} className="hint block">
      Now: <strong>{row.value}</strong>
      {row.changed ? " (changed by the council)" : ""}
      <span className="mt-1 block">
        <Origin row={row} />
      </span>
      {row.fixed ? <span className="mt-1 block">{row.fixed}</span> : null}
    </span>
  );
  const errorEl = error ? (
    <span id={errorId} className="field-error">
      <span className="sr-only">Error:</span> {error}
    </span>
  ) : null;
  const wrap = (children: ReactNode) => (
    <div className={`border-b border-border py-4 ${error ? "border-l-4 border-l-error pl-4" : ""}`}>
      {children}
    </div>
  );
  if (!row.input)
    return wrap(
      <>
        <p className="font-bold">{row.name}</p>
        {about}
      </>,
    );
  if (row.input.kind === "number")
    return wrap(
      <>
        <label htmlFor={row.id} className="label">
          {row.name}
        </label>
        {about}
        {errorEl}
        <div className="flex flex-wrap items-center gap-2">
          <input
            type="text"
            id={row.id}
            name={row.field}
            inputMode="numeric"
            defaultValue={value}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            className={`input w-24 ${error ? "input-error" : ""}`}
          />
          <span>
            {row.input.unit} ({row.input.min} to {row.input.max})
          </span>
        </div>
      </>,
    );
  return wrap(
    <fieldset aria-describedby={describedBy}>
      <legend className="label">{row.name}</legend>
      {about}
      {errorEl}
      {row.input.options.map((o, i) => {
        const id = i === 0 ? row.id : `${row.id}-${o.value}`;
        return (
          <div key={o.value} className="mb-2 flex gap-3">
            <input
              type="radio"
              id={id}
              name={row.field}
              value={o.value}
              defaultChecked={value === o.value}
              className="h-6 w-6 shrink-0"
            />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>,
  );
}

export function SettingsForm({
  councilId,
  version,
  areas,
  act,
}: {
  councilId: string;
  version: number;
  areas: Area[];
  act: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(act, INITIAL);
  const rows = areas.flatMap((a) => a.rows);
  const known = new Set(rows.map((r) => r.field));
  const errors = [
    ...rows.filter((r) => state.errors[r.field]).map((r) => ({ field: r.id, message: state.errors[r.field]! })),
    ...(state.errors.note ? [{ field: "note", message: state.errors.note }] : []),
    ...Object.entries(state.errors)
      .filter(([k]) => !known.has(k) && k !== "note")
      .map(([, message]) => ({ message })),
  ];
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <input type="hidden" name="councilId" value={councilId} />
        <input type="hidden" name="expectedVersion" value={state.values.expectedVersion ?? String(version)} />
        {areas.map((a) => (
          <section key={a.key} aria-labelledby={`area-${a.key}`} className="mb-10">
            <h2 id={`area-${a.key}`} className="h2">
              {a.title}
            </h2>
            {a.rows.map((r) => (
              <Row
                key={r.path}
                row={r}
                value={state.values[r.field] ?? r.formValue}
                error={state.errors[r.field]}
              />
            ))}
          </section>
        ))}
        <div className={`mb-6 ${state.errors.note ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="note" className="label">
            Note about this change (optional)
          </label>
          <span id="note-hint" className="hint block">
            Why the council changed it, for instance the meeting or decision that agreed it. Kept with the version.
          </span>
          {state.errors.note ? (
            <span id="note-error" className="field-error">
              <span className="sr-only">Error:</span> {state.errors.note}
            </span>
          ) : null}
          <textarea
            id="note"
            name="note"
            rows={3}
            defaultValue={state.values.note ?? ""}
            aria-describedby={`note-hint${state.errors.note ? " note-error" : ""}`}
            className={`input ${state.errors.note ? "input-error" : ""}`}
          />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          Save as a new version
        </button>
      </form>
    </>
  );
}
