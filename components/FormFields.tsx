// GOV.UK form patterns: textarea, select, radios and checkboxes with hint and inline error. Presentational only.
import type { ReactNode } from "react";

type Base = { id: string; label: string; hint?: ReactNode; error?: string };

const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function Group({ id, error, children }: { id: string; error?: string; children: ReactNode }) {
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`} data-field={id}>
      {children}
    </div>
  );
}
function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
}: Base & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Group id={id} error={error}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`input ${error ? "input-error" : ""}`}
      />
    </Group>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  placeholder,
}: Base & {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <Group id={id} error={error}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`input bg-white ${error ? "input-error" : ""}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

export function Radios({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
}: Base & {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string; hint?: string }[];
}) {
  return (
    <Group id={id} error={error}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o, i) => (
          <div key={o.value} className="mb-2 flex items-start gap-3">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="mt-1 h-6 w-6 accent-ink"
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>
              {o.label}
              {o.hint ? <span className="block text-base text-muted">{o.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>
    </Group>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Group id={id} error={error}>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className="mt-1 h-6 w-6 accent-ink"
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </Group>
  );
}

export function Checkboxes({
  id,
  label,
  hint,
  error,
  values,
  onChange,
  options,
}: Base & { values: string[]; onChange: (v: string[]) => void; options: { value: string; label: string }[] }) {
  return (
    <Group id={id} error={error}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o, i) => (
          <div key={o.value} className="mb-2 flex items-start gap-3">
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${o.value}`}
              checked={values.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
              }
              className="mt-1 h-6 w-6 accent-ink"
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </Group>
  );
}
