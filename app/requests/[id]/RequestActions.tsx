"use client";
// The actions the workflow allows this person on this request, each a small form with its own error summary.
import { useActionState, useState } from "react";
import { DraftNotice } from "@/components/DraftNotice";
import { ErrorSummary } from "@/components/ErrorSummary";
import { MAX_ATTACHMENT_BYTES } from "@/lib/workflow/common";
import { useFormDraft } from "@/components/useDraft";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { requestAction, type ActionState } from "./actions";

const ORDER = [
  "serviceId",
  "meetingId",
  "advice",
  "agrees",
  "scope",
  "response",
  "reply",
  "information",
  "clerkOutcome",
  "outcome",
  "workloadFinding",
  "workloadNote",
  "appropriateness",
  "allocatedOfficerId",
  "informAllMembers",
  "seekAdvice",
  "officerId",
  "attend",
  "minutesSpent",
  "leftBeforeDecision",
  "notes",
  "file",
  "date",
  "ground",
  "reasons",
  "form",
];

function ActionForm({ requestId, spec }: { requestId: string; spec: ActionSpec }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(requestAction, {
    errors: {},
    values: {},
  });
  const { ref: draftRef, restoredAt, discard } = useFormDraft(spec.action);
  const [fileError, setFileError] = useState<string | null>(null);
  const err = (k: string) => (k === "file" && fileError ? fileError : state.errors[k]);
  const val = (k: string) => state.values[k] ?? "";
  // Every error is listed: known fields link to their input; anything else is shown without a link, never dropped.
  const known = ORDER.filter((k) => err(k)).map((k) => ({
    field: k === "form" ? undefined : `${spec.action}-${k}`,
    message: err(k)!,
  }));
  const errors = [
    ...known,
    ...Object.keys(state.errors)
      .filter((k) => !ORDER.includes(k))
      .map((k) => ({ message: state.errors[k]! })),
  ];
  const id = (k: string) => `${spec.action}-${k}`;
  // A file over the limit is refused here, before minutes of uploading; the server checks again (DEF-A12).
  const checkFileSize = (e: React.FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      e.preventDefault();
      setFileError("The file must be 5 MB or smaller. (DEF-A12)");
    } else setFileError(null);
  };
  const radios = (k: string, legend: string, options: [string, string][], errorKey = k) => (
    <fieldset className={`mb-4 ${err(errorKey) ? "border-l-4 border-error pl-4" : ""}`}>
      <legend className="label">{legend}</legend>
      {err(errorKey) ? <span className="field-error">{err(errorKey)}</span> : null}
      {options.map(([v, l], i) => (
        <div key={v} className="mb-2 flex gap-3">
          <input
            type="radio"
            id={i === 0 ? id(errorKey) : `${id(k)}-${v}`}
            name={k}
            value={v}
            defaultChecked={val(k) === v}
            className="h-6 w-6"
          />
          <label htmlFor={i === 0 ? id(errorKey) : `${id(k)}-${v}`}>{l}</label>
        </div>
      ))}
    </fieldset>
  );
  const select = (
    k: string,
    label: string,
    options: { value: string; label: string }[],
    placeholder?: string,
    initial = "",
  ) => (
    <div className={`mb-4 ${err(k) ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id(k)} className="label">
        {label}
      </label>
      {err(k) ? <span className="field-error">{err(k)}</span> : null}
      <select id={id(k)} name={k} defaultValue={val(k) || initial} className="input bg-white">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const area = (k: string, label: string, hint?: string) => (
    <div className={`mb-4 ${err(k) ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id(k)} className="label">
        {label}
      </label>
      {hint ? (
        <span id={`${id(k)}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {err(k) ? (
        <span id={`${id(k)}-error`} className="field-error">
          {err(k)}
        </span>
      ) : null}
      <textarea
        id={id(k)}
        name={k}
        rows={4}
        defaultValue={val(k)}
        className={`input ${err(k) ? "input-error" : ""}`}
        aria-invalid={err(k) ? true : undefined}
        aria-describedby={
          [hint ? `${id(k)}-hint` : "", err(k) ? `${id(k)}-error` : ""].join(" ").trim() || undefined
        }
      />
    </div>
  );
  const titles: Record<ActionSpec["action"], string> = {
    WITHDRAW: "Withdraw this request",
    REQUEST_REVIEW: "Ask for a review of the refusal",
    MEMBER_RESPONDS: "Answer the officer",
    GRANT: "Reply and supply the information",
    REFUSE: "Refuse the request",
    UPHOLD: "Uphold the refusal",
    OVERTURN: "Overturn the refusal",
    ADD_INFORMATION: "Add information",
    ESCALATE: "Escalate to the next stage",
    RECORD_OUTCOME: "Record the outcome",
    ACCEPT: "Accept the request",
    DECLINE: "Decline the request",
    CLERK_DECISION: "Decide the request",
    CODE_BREACH_DECISION: "Decide whether to ask the Monitoring Officer",
    INVITE: "Invite an officer to attend or write",
    ATTENDEE_ANSWER: "Answer your invitation",
    COMPLETE: "Record the briefing as held",
    ATTACH: "Attach a file",
    PROPOSE_DATE: "Propose another date",
    ACCEPT_DATE: "Accept the proposed date",
    ALLOCATE: spec.action === "ALLOCATE" && spec.current ? "Reassign to another officer" : "Assign to an officer",
    TRIAGE: "Send to the service that should answer",
    ASSIGN_MEETING: "List it for a meeting",
    ADD_ADVICE: "Add procedural advice",
  };
  return (
    <section aria-labelledby={`${spec.action}-title`} className="mb-8 border-t border-border pt-4">
      <h3 id={`${spec.action}-title`} className="h3">
        {titles[spec.action]}
      </h3>
      <ErrorSummary errors={errors} />
      <DraftNotice at={restoredAt} onDiscard={discard} />
      <form action={formAction} noValidate ref={draftRef} onSubmit={checkFileSize}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="action" value={spec.action} />
        {spec.action === "REQUEST_REVIEW"
          ? area(
              "reasons",
              "Why should the refusal be reviewed?",
              `The review goes to the ${spec.reviewer}. The officer who refused cannot review it.`,
            )
          : null}
        {spec.action === "MEMBER_RESPONDS" ? (
          <>
            {spec.pausedFor === "AGREEMENT" ? (
              <fieldset className={`mb-4 ${err("agrees") ? "border-l-4 border-error pl-4" : ""}`}>
                <legend className="label">
                  Do you agree that the reply will be shared with the councillor it concerns?
                </legend>
                {err("agrees") ? (
                  <span id={`${id("agrees")}-error`} className="field-error">
                    {err("agrees")}
                  </span>
                ) : null}
                <div className="mb-2 flex gap-3">
                  <input
                    type="radio"
                    id={id("agrees")}
                    name="agrees"
                    value="yes"
                    defaultChecked={val("agrees") === "yes"}
                    className="h-6 w-6"
                  />
                  <label htmlFor={id("agrees")}>Yes, I agree</label>
                </div>
                <div className="flex gap-3">
                  <input
                    type="radio"
                    id={`${id("agrees")}-no`}
                    name="agrees"
                    value="no"
                    defaultChecked={val("agrees") === "no"}
                    className="h-6 w-6"
                  />
                  <label htmlFor={`${id("agrees")}-no`}>No — close the request without the information</label>
                </div>
              </fieldset>
            ) : null}
            {spec.pausedFor === "SCOPE" ? (
              <fieldset className={`mb-4 ${err("scope") ? "border-l-4 border-error pl-4" : ""}`}>
                <legend className="label">
                  The officer proposed a narrower request. What would you like to do?
                </legend>
                {err("scope") ? <span className="field-error">{err("scope")}</span> : null}
                {[
                  ["ACCEPT", "Accept the proposal"],
                  ["AMEND", "Amend my request (explain below)"],
                  ["KEEP", "Keep my original request"],
                ].map(([v, l], i) => (
                  <div key={v} className="mb-2 flex gap-3">
                    <input
                      type="radio"
                      id={i === 0 ? id("scope") : `${id("scope")}-${v}`}
                      name="scope"
                      value={v}
                      defaultChecked={val("scope") === v}
                      className="h-6 w-6"
                    />
                    <label htmlFor={i === 0 ? id("scope") : `${id("scope")}-${v}`}>{l}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            {area("response", "Your answer")}
          </>
        ) : null}
        {spec.action === "GRANT" ? area("reply", "Your reply to the member") : null}
        {spec.action === "REFUSE" ? (
          <>
            {select("ground", "Ground for refusal", spec.grounds)}
            {area("reasons", "Written reasons", "Shown to the member. A refusal without reasons is not accepted.")}
          </>
        ) : null}
        {spec.action === "UPHOLD" || spec.action === "OVERTURN"
          ? area("reasons", "Reasons for your decision", "Shown to the member and to the officer who refused.")
          : null}
        {spec.action === "ADD_INFORMATION"
          ? area("information", "Information to add", "The officer handling your request is told.")
          : null}
        {spec.action === "ESCALATE" && spec.informal
          ? area(
              "reasons",
              "Why could it not be resolved informally?",
              "Your council's protocol asks for informal resolution first, if at all possible.",
            )
          : null}
        {spec.action === "RECORD_OUTCOME" ? (
          <>
            {spec.outcomes ? (
              <fieldset className={`mb-4 ${err("outcome") ? "border-l-4 border-error pl-4" : ""}`}>
                <legend className="label">Outcome</legend>
                {err("outcome") ? <span className="field-error">{err("outcome")}</span> : null}
                {spec.outcomes.map((o, i) => (
                  <div key={o.value} className="mb-2 flex gap-3">
                    <input
                      type="radio"
                      id={i === 0 ? id("outcome") : `${id("outcome")}-${o.value}`}
                      name="outcome"
                      value={o.value}
                      defaultChecked={val("outcome") === o.value}
                      className="h-6 w-6"
                    />
                    <label htmlFor={i === 0 ? id("outcome") : `${id("outcome")}-${o.value}`}>{o.label}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            {area("reasons", "Written outcome", "Shown to the complainant.")}
          </>
        ) : null}
        {spec.action === "CLERK_DECISION" ? (
          <>
            <table className="mb-6 w-full text-left text-base">
              <caption className="mb-2 text-left font-semibold">Staff workload now (HTC-D2)</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-1 pr-3">
                    Officer
                  </th>
                  <th scope="col" className="py-1">
                    Open items and estimated hours
                  </th>
                </tr>
              </thead>
              <tbody>
                {spec.staff.map((s) => (
                  <tr key={s.value} className="border-b border-border">
                    <td className="py-1 pr-3">{s.label}</td>
                    <td className="py-1">{s.load}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {radios(
              "clerkOutcome",
              "Your decision",
              [
                ["ACCEPT", "Accept and allocate"],
                ["MODIFY", "Accept with changes to scope or timing"],
                ["DECLINE", "Decline"],
              ],
              err("outcome") ? "outcome" : "clerkOutcome",
            )}
            {select(
              "allocatedOfficerId",
              "Officer who will do the work",
              spec.staff,
              "Choose an officer",
              spec.preferredOfficerId ?? "",
            )}
            {radios("workloadFinding", "Does the task fit the officer's workload?", [
              ["WITHIN_WORKLOAD", "Yes, within workload"],
              ["NOT_WITHIN_WORKLOAD", "No, not within workload"],
            ])}
            {area("workloadNote", "Workload note")}
            {radios("appropriateness", "Is the request appropriate?", [
              ["APPROPRIATE", "Yes"],
              ["NOT_APPROPRIATE", "No"],
            ])}
            {area(
              "reasons",
              "Reasons",
              "Needed to modify or decline, or when the request is not appropriate. Shown to the member.",
            )}
            {radios("informAllMembers", "Should all members be told of this request?", [
              ["yes", "Yes, tell all members"],
              ["no", "No"],
            ])}
          </>
        ) : null}
        {spec.action === "CODE_BREACH_DECISION" ? (
          <>
            {radios("seekAdvice", "Seek the Monitoring Officer's advice?", [
              ["yes", "Yes, refer it to the Monitoring Officer"],
              ["no", "No"],
            ])}
            {area("reasons", "Reasons for your decision")}
          </>
        ) : null}
        {spec.action === "ATTACH" ? (
          <div className={`mb-4 ${err("file") ? "border-l-4 border-error pl-4" : ""}`}>
            <label htmlFor={id("file")} className="label">
              File
            </label>
            <span id={`${id("file")}-hint`} className="hint">
              PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG, up to 5 MB.
            </span>
            {err("file") ? (
              <span id={`${id("file")}-error`} className="field-error">
                {err("file")}
              </span>
            ) : null}
            <input
              type="file"
              id={id("file")}
              name="file"
              aria-describedby={`${id("file")}-hint`}
              className="block"
            />
          </div>
        ) : null}
        {spec.action === "PROPOSE_DATE" ? (
          <>
            <div className={`mb-4 ${err("date") ? "border-l-4 border-error pl-4" : ""}`}>
              <label htmlFor={id("date")} className="label">
                Proposed date
              </label>
              {err("date") ? <span className="field-error">{err("date")}</span> : null}
              <input type="date" id={id("date")} name="date" defaultValue={val("date")} className="input w-60" />
            </div>
            {area(
              "reasons",
              "Why another date?",
              "Shown to the group. Short notice is not a reason to decline a subject accepted for another group.",
            )}
          </>
        ) : null}
        {spec.action === "ACCEPT_DATE" ? <p className="mb-4">The officer proposes {spec.date}.</p> : null}
        {spec.action === "ALLOCATE" ? (
          <>
            {spec.current ? <p className="mb-4">Now assigned to {spec.current}.</p> : null}
            {select("officerId", "Officer", spec.officers, "Choose an officer")}
            <p className="hint mb-4">
              Officers of the service answering this request. They are told, and the request joins their queue. You
              still decide it.
            </p>
          </>
        ) : null}
        {spec.action === "TRIAGE" ? select("serviceId", "Service", spec.services, "Choose a service") : null}
        {spec.action === "ASSIGN_MEETING" ? (
          <>
            {spec.current ? (
              <p className="mb-4">
                Now listed for {spec.current}. A member&apos;s item cannot be declined (DEF-D4): it can be moved to
                another meeting.
              </p>
            ) : null}
            {select("meetingId", "Meeting", spec.meetings, "Choose a meeting")}
          </>
        ) : null}
        {spec.action === "ADD_ADVICE"
          ? area("advice", "Procedural advice", "Shown to the member and with the item.")
          : null}
        {spec.action === "INVITE" ? (
          <>
            <p className="mb-4">
              Officers are invited, never instructed: the officer accepts or declines in person.
            </p>
            {select("officerId", "Officer", spec.officers, "Choose an officer")}
            {area("reasons", "Why this officer? (if your protocol asks)")}
          </>
        ) : null}
        {spec.action === "ATTENDEE_ANSWER" ? (
          <>
            {radios("attend", "Will you attend or write for the group?", [
              ["yes", "Yes, I accept"],
              ["no", "No, I decline"],
            ])}
            {area("reasons", "Reasons (needed to decline)")}
          </>
        ) : null}
        {spec.action === "COMPLETE" ? (
          <>
            <div className={`mb-4 ${err("minutesSpent") ? "border-l-4 border-error pl-4" : ""}`}>
              <label htmlFor={id("minutesSpent")} className="label">
                Time spent, in minutes
              </label>
              {err("minutesSpent") ? <span className="field-error">{err("minutesSpent")}</span> : null}
              <input
                id={id("minutesSpent")}
                name="minutesSpent"
                inputMode="numeric"
                defaultValue={val("minutesSpent")}
                className="input w-32"
              />
            </div>
            {spec.askLeftBeforeDecision
              ? radios("leftBeforeDecision", "Did officers leave before any decision was taken?", [
                  ["yes", "Yes"],
                  ["no", "No, an officer was present for a decision"],
                ])
              : null}
            {area(
              "notes",
              "Notes of the briefing (optional)",
              "Confidential to the group that asked for it and the officers involved: no other group can see them.",
            )}
          </>
        ) : null}
        {spec.action === "DECLINE" ? (
          <>
            {select("ground", "Ground", spec.grounds)}
            {area("reasons", "Written reasons", "Shown to the group. Declining needs reasons.")}
          </>
        ) : null}
        <button
          type="submit"
          className={
            spec.action === "WITHDRAW" || spec.action === "REFUSE" || spec.action === "DECLINE"
              ? "btn-warning"
              : "btn"
          }
          disabled={pending}
        >
          {titles[spec.action]}
        </button>
      </form>
    </section>
  );
}

export function RequestActions({ requestId, specs }: { requestId: string; specs: ActionSpec[] }) {
  if (specs.length === 0) return null;
  return (
    <section aria-labelledby="actions-title" className="mb-10">
      <h2 id="actions-title" className="h2">
        What you can do
      </h2>
      {specs.map((s) => (
        <ActionForm key={s.action} requestId={requestId} spec={s} />
      ))}
    </section>
  );
}
