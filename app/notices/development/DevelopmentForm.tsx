"use client";
// WIG-A12, HTC-A3: a significant-development bulletin. Every councillor is ticked to begin with; the protocol's
// audience (every group, or all members) is checked when it is sent.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Notice } from "@/components/Notice";
import type { DevelopmentFormState } from "@/lib/notices/form";
import { sendDevelopmentAction } from "./actions";

const ORDER = ["audienceIds", "title", "body", "form"];

export function DevelopmentForm({ members }: { members: { id: string; label: string }[] }) {
  const all = members.map((m) => m.id);
  const [state, action, pending] = useActionState<DevelopmentFormState, FormData>(sendDevelopmentAction, {
    errors: {},
    values: { audienceIds: all, title: "", body: "" },
  });
  const v = state.sent !== undefined ? { audienceIds: all, title: "", body: "" } : state.values;
  const errors = ORDER.filter((k) => state.errors[k]).map((k) => ({
    field: k === "form" ? undefined : k,
    message: state.errors[k]!,
  }));
  const field = (k: string) => (state.errors[k] ? "border-l-4 border-error pl-4" : "");
  return (
    <>
      {state.sent !== undefined ? (
        <Notice
          tone="success"
          title={`Your bulletin was sent to ${state.sent} ${state.sent === 1 ? "councillor" : "councillors"}.`}
        />
      ) : null}
      <ErrorSummary errors={errors} />
      <form action={action} noValidate key={state.sent !== undefined ? "sent" : "editing"}>
        <div className={`mb-6 ${field("title")}`}>
          <label htmlFor="title" className="label">
            Title
          </label>
          {state.errors.title ? (
            <span id="title-error" className="field-error">
              {state.errors.title}
            </span>
          ) : null}
          <input
            id="title"
            name="title"
            defaultValue={v.title}
            className="input"
            aria-invalid={state.errors.title ? true : undefined}
            aria-describedby={state.errors.title ? "title-error" : undefined}
          />
        </div>
        <div className={`mb-6 ${field("body")}`}>
          <label htmlFor="body" className="label">
            What has happened?
          </label>
          {state.errors.body ? (
            <span id="body-error" className="field-error">
              {state.errors.body}
            </span>
          ) : null}
          <textarea
            id="body"
            name="body"
            rows={6}
            defaultValue={v.body}
            className="input"
            aria-invalid={state.errors.body ? true : undefined}
            aria-describedby={state.errors.body ? "body-error" : undefined}
          />
        </div>
        <fieldset className={`mb-6 ${field("audienceIds")}`}>
          <legend className="label">Who is told</legend>
          <span className="hint">
            Everyone is ticked. Your council&apos;s protocol decides how far it can be narrowed.
          </span>
          {state.errors.audienceIds ? <span className="field-error">{state.errors.audienceIds}</span> : null}
          {members.map((m, i) => (
            <div key={m.id} className="mb-2 flex gap-3">
              <input
                type="checkbox"
                id={i === 0 ? "audienceIds" : `audience-${m.id}`}
                name="audienceIds"
                value={m.id}
                defaultChecked={v.audienceIds.includes(m.id)}
                className="h-6 w-6"
              />
              <label htmlFor={i === 0 ? "audienceIds" : `audience-${m.id}`}>{m.label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn" disabled={pending}>
          Send the bulletin
        </button>
      </form>
    </>
  );
}
