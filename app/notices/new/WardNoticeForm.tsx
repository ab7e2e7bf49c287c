"use client";
import { useActionState } from "react";
import { DraftNotice } from "@/components/DraftNotice";
import { ErrorSummary } from "@/components/ErrorSummary";
import { useFormDraft } from "@/components/useDraft";
import { Notice } from "@/components/Notice";
import type { NoticeFormState } from "@/lib/notices/form";
import { sendWardNoticeAction } from "./actions";

const ORDER = ["wardIds", "type", "title", "body", "audienceIds", "form"];

export function WardNoticeForm({
  wards,
  types,
}: {
  wards: { id: string; name: string; members: string }[];
  types: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<NoticeFormState, FormData>(sendWardNoticeAction, {
    errors: {},
    values: { wardIds: [], type: "", title: "", body: "" },
  });
  const err = (k: string) => state.errors[k] ?? (k === "wardIds" ? state.errors.audienceIds : undefined);
  const errors = ORDER.filter((k) => state.errors[k]).map((k) => ({
    field: k === "form" ? undefined : k === "audienceIds" ? "wardIds" : k,
    message: state.errors[k]!,
  }));
  const v = state.values;
  const { ref: draftRef, restoredAt, discard } = useFormDraft("notice", { sent: state.sent !== undefined });
  return (
    <>
      {state.sent !== undefined ? (
        <Notice
          tone="success"
          title={`Your notice was sent to ${state.sent} ${state.sent === 1 ? "councillor" : "councillors"}.`}
        />
      ) : null}
      <ErrorSummary errors={errors} />
      <DraftNotice at={restoredAt} onDiscard={discard} />
      {/* The key resets the uncontrolled fields after a successful send, and keeps them after an error. */}
      <form action={action} noValidate key={state.sent !== undefined ? "sent" : "editing"} ref={draftRef}>
        <fieldset className={`mb-6 ${err("wardIds") ? "border-l-4 border-error pl-4" : ""}`}>
          <legend className="label">Wards</legend>
          <span className="hint">
            Every councillor for each ward you choose is told: nobody can be left out. Add neighbouring wards where
            it helps.
          </span>
          {err("wardIds") ? <span className="field-error">{err("wardIds")}</span> : null}
          {wards.map((w, i) => (
            <div key={w.id} className="mb-2 flex gap-3">
              <input
                type="checkbox"
                id={i === 0 ? "wardIds" : `ward-${w.id}`}
                name="wardIds"
                value={w.id}
                defaultChecked={v.wardIds.includes(w.id)}
                className="h-6 w-6"
              />
              <label htmlFor={i === 0 ? "wardIds" : `ward-${w.id}`}>
                {w.name} <span className="text-base text-muted">({w.members})</span>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className={`mb-6 ${err("type") ? "border-l-4 border-error pl-4" : ""}`}>
          <legend className="label">What kind of notice is it?</legend>
          {err("type") ? <span className="field-error">{err("type")}</span> : null}
          {Object.entries(types).map(([value, label], i) => (
            <div key={value} className="mb-2 flex gap-3">
              <input
                type="radio"
                id={i === 0 ? "type" : `type-${value}`}
                name="type"
                value={value}
                defaultChecked={v.type === value}
                className="h-6 w-6"
              />
              <label htmlFor={i === 0 ? "type" : `type-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div className={`mb-6 ${err("title") ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="title" className="label">
            Title
          </label>
          {err("title") ? (
            <span id="title-error" className="field-error">
              {err("title")}
            </span>
          ) : null}
          <input
            id="title"
            name="title"
            defaultValue={v.title}
            className={`input ${err("title") ? "input-error" : ""}`}
            aria-invalid={err("title") ? true : undefined}
            aria-describedby={err("title") ? "title-error" : undefined}
          />
        </div>
        <div className={`mb-6 ${err("body") ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="body" className="label">
            Notice
          </label>
          {err("body") ? (
            <span id="body-error" className="field-error">
              {err("body")}
            </span>
          ) : null}
          <textarea
            id="body"
            name="body"
            rows={6}
            defaultValue={v.body}
            className={`input ${err("body") ? "input-error" : ""}`}
            aria-invalid={err("body") ? true : undefined}
            aria-describedby={err("body") ? "body-error" : undefined}
          />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          Send the notice
        </button>
      </form>
    </>
  );
}
