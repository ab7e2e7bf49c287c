"use client";
// GOV.UK date input: a fieldset with Day, Month and Year boxes. The three parts travel as one value
// "year-month-day" in a hidden field named `name` (lib/validation.ts joinedDate makes it an ISO date), so every form
// handler reads one date field, and what the person typed comes back exactly as typed after an error.
import { useState } from "react";

const split = (v: string) => {
  const m = /^(\d*)-(\d*)-(\d*)$/.exec(v);
  return m
    ? { year: m[1]!, month: String(Number(m[2]) || m[2] || ""), day: String(Number(m[3]) || m[3] || "") }
    : { year: "", month: "", day: "" };
};

export function DateInput({
  id,
  name,
  legend,
  hint,
  error,
  value = "",
  onChange,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  /** "year-month-day" (ISO or as typed). */
  value?: string;
  /** Controlled forms (filing journeys) hear every change; otherwise the field is uncontrolled. */
  onChange?: (value: string) => void;
}) {
  const [parts, setParts] = useState(() => split(value));
  const joined = parts.year || parts.month || parts.day ? `${parts.year}-${parts.month}-${parts.day}` : "";
  const set = (k: keyof typeof parts) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [k]: e.target.value.trim() };
    setParts(next);
    onChange?.(next.year || next.month || next.day ? `${next.year}-${next.month}-${next.day}` : "");
  };
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;
  const box = (k: keyof typeof parts, label: string, width: string) => (
    <div>
      <label htmlFor={k === "day" ? id : `${id}-${k}`} className="mb-1 block text-base">
        {label}
      </label>
      <input
        id={k === "day" ? id : `${id}-${k}`}
        inputMode="numeric"
        autoComplete="off"
        value={parts[k]}
        onChange={set(k)}
        maxLength={k === "year" ? 4 : 2}
        aria-invalid={error ? true : undefined}
        className={`input ${width} ${error ? "input-error" : ""}`}
      />
    </div>
  );
  return (
    <fieldset className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`} aria-describedby={describedBy}>
      <legend className="label">{legend}</legend>
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
      <div className="flex gap-4">
        {box("day", "Day", "w-14")}
        {box("month", "Month", "w-14")}
        {box("year", "Year", "w-20")}
      </div>
      <input type="hidden" name={name} value={joined} />
    </fieldset>
  );
}
