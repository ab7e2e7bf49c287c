"use client";
// A request form driven by a list of questions, then "check your answers", then submit. Answers stay in this
// component's state, so nothing typed is lost on an error or when an answer is changed.
import { useState } from "react";
import { DateInput } from "./DateInput";
import { DraftNotice } from "./DraftNotice";
import { ErrorSummary } from "./ErrorSummary";
import { Field } from "./Field";
import { Checkboxes, Radios, Select, TextArea } from "./FormFields";
import { SummaryList } from "./SummaryList";
import { useCheckThenSubmit } from "./useCheckThenSubmit";
import { useDraft } from "./useDraft";

export type Question = {
  name: string;
  kind: "text" | "textarea" | "select" | "radios" | "checkboxes" | "date" | "number";
  label: string;
  hint?: string;
  options?: { value: string; label: string; hint?: string }[];
  placeholder?: string;
  /** Shown only when another answer has this value. */
  showIf?: { name: string; equals: string };
};

export type { CheckResult } from "@/lib/requests/forms/types";
import type { CheckResult } from "@/lib/requests/forms/types";
type Values = Record<string, string | string[]>;

export function RequestForm({
  title,
  questions,
  initial,
  check,
  submit,
  notices = [],
}: {
  title: string;
  questions: Question[];
  initial?: Values;
  check: (values: Values) => Promise<CheckResult>;
  submit: (values: Values, key: string) => Promise<CheckResult>;
  notices?: string[];
}) {
  const blank = (): Values => ({
    ...Object.fromEntries(questions.map((q) => [q.name, q.kind === "checkboxes" ? [] : ""])),
    ...initial,
  });
  const [values, setValues] = useState<Values>(blank);
  /** Bumped when the draft is discarded, so the date inputs start afresh. */
  const [resets, setResets] = useState(0);
  const draft = useDraft("request", values, (d) => setValues((prev) => ({ ...prev, ...d })));
  const { result, step, pending, errors, onContinue, onSubmit, change } = useCheckThenSubmit(
    check,
    submit,
    questions.map((q) => q.name),
  );
  const visible = questions.filter((q) => !q.showIf || values[q.showIf.name] === q.showIf.equals);
  const set = (name: string) => (v: string | string[]) => setValues((prev) => ({ ...prev, [name]: v }));
  const shown = (q: Question) => {
    const v = values[q.name];
    if (Array.isArray(v))
      return v.map((x) => q.options?.find((o) => o.value === x)?.label ?? x).join(", ") || "None";
    return (q.options?.find((o) => o.value === v)?.label ?? v) || "Not given";
  };

  if (step === "check" && result.preview) {
    return (
      <>
        <ErrorSummary errors={errors} />
        <h1 className="h1">Check your answers before sending</h1>
        <SummaryList
          rows={visible.map((q) => ({
            key: q.label,
            value: (
              <span className="flex justify-between gap-4">
                <span className="whitespace-pre-wrap">{shown(q)}</span>
                <button
                  type="button"
                  className="link-plain cursor-pointer underline"
                  onClick={() => change(q.name)}
                >
                  Change<span className="sr-only"> {q.label.toLowerCase()}</span>
                </button>
              </span>
            ),
          }))}
        />
        <h2 className="h2">Where it will go</h2>
        <div data-testid="routing" className="mb-6 max-w-3xl space-y-2">
          {result.preview.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <button type="button" className="btn" onClick={onSubmit(values)} disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </button>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="h1">{title}</h1>
      <DraftNotice
        at={draft.restoredAt}
        onDiscard={() => {
          draft.discard();
          setValues(blank());
          setResets((n) => n + 1);
        }}
      />
      {notices.map((n) => (
        <p key={n} className="mb-6 max-w-3xl border-l-4 border-brand pl-4">
          {n}
        </p>
      ))}
      <form onSubmit={onContinue(values)} noValidate>
        {visible.map((q) => {
          const common = { id: q.name, label: q.label, hint: q.hint, error: result.errors[q.name] };
          const v = values[q.name];
          switch (q.kind) {
            case "date":
              return (
                <DateInput
                  key={`${q.name}-${draft.restoredAt ?? ""}-${resets}`}
                  id={q.name}
                  name={q.name}
                  legend={q.label}
                  hint={q.hint}
                  error={result.errors[q.name]}
                  value={String(v ?? "")}
                  onChange={set(q.name)}
                />
              );
            case "textarea":
              return <TextArea key={q.name} {...common} value={String(v ?? "")} onChange={set(q.name)} />;
            case "select":
              return (
                <Select
                  key={q.name}
                  {...common}
                  value={String(v ?? "")}
                  onChange={set(q.name)}
                  options={q.options ?? []}
                  placeholder={q.placeholder}
                />
              );
            case "radios":
              return (
                <Radios
                  key={q.name}
                  {...common}
                  value={String(v ?? "")}
                  onChange={set(q.name)}
                  options={q.options ?? []}
                />
              );
            case "checkboxes":
              return (
                <Checkboxes
                  key={q.name}
                  {...common}
                  values={Array.isArray(v) ? v : []}
                  onChange={set(q.name)}
                  options={q.options ?? []}
                />
              );
            default:
              return (
                <Field
                  key={q.name}
                  {...common}
                  type="text"
                  inputMode={q.kind === "number" ? "decimal" : undefined}
                  value={String(v ?? "")}
                  onChange={(e) => set(q.name)(e.target.value)}
                />
              );
          }
        })}
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Checking…" : "Continue"}
        </button>
      </form>
    </>
  );
}
