"use client";
// Information request: the questions the council's profile asks, then "check your answers", then submit.
// Answers live in this component's state, so nothing typed is lost on an error or when changing an answer.
import { useState } from "react";
import { DraftNotice } from "@/components/DraftNotice";
import type { DraftValues } from "@/components/drafts";
import { useDraft } from "@/components/useDraft";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { Checkbox, Checkboxes, Radios, Select, TextArea } from "@/components/FormFields";
import { SummaryList } from "@/components/SummaryList";
import { useCheckThenSubmit } from "@/components/useCheckThenSubmit";
import { CATEGORIES, CLASSIFICATIONS, type InformationFormValues } from "@/lib/requests/schema";
import { checkInformationAction, submitInformationAction, type FormResult } from "./actions";

export type InformationFormConfig = {
  services: { value: string; label: string }[];
  committees: { value: string; label: string }[];
  wards: { value: string; label: string }[];
  members: { value: string; label: string }[];
  chiefExecutiveId: string | null;
  officers: { value: string; label: string }[];
  leadsGroup: boolean;
  show: {
    addressee: boolean;
    service: boolean;
    classification: boolean;
    capacity: boolean;
    chiefExecutive: boolean;
    grounds: boolean;
    groundsRequired: boolean;
    committee: boolean;
    declaration: boolean;
    anotherMember: boolean;
    coRequesters: boolean;
    individualBriefing: boolean;
  };
  anotherMemberNotice: string;
};

const ORDER = [
  "kind",
  "subject",
  "details",
  "addresseeId",
  "serviceId",
  "classification",
  "capacity",
  "wardId",
  "presumedCommitteeId",
  "needToKnowGrounds",
  "category",
  "thirdPartyData",
  "thirdPartyJustification",
  "concernsAnotherMember",
  "concernedMemberIds",
  "sharingAgreed",
  "councilRoleDeclared",
  "coRequesterIds",
];

const INITIAL = {
  kind: "INFORMATION",
  groupId: "",
  subject: "",
  details: "",
  serviceId: "",
  classification: "",
  addresseeId: "",
  needToKnowGrounds: "",
  presumedCommitteeId: "",
  capacity: "",
  wardId: "",
  category: "GENERAL",
  thirdPartyData: "no" as "yes" | "no",
  thirdPartyJustification: "",
  councilRoleDeclared: false,
  concernsAnotherMember: "no",
  concernedMemberIds: [],
  sharingAgreed: false,
  coRequesterIds: [],
} as Required<InformationFormValues>;

/** The answers kept as a draft: text and choices, never the declarations (they are ticked afresh). */
const draftable = (v: Required<InformationFormValues>): DraftValues =>
  Object.fromEntries(
    Object.entries(v).filter(
      (e): e is [string, string | string[]] => typeof e[1] === "string" || Array.isArray(e[1]),
    ),
  );

export function InformationForm({ config }: { config: InformationFormConfig }) {
  const [v, setV] = useState<Required<InformationFormValues>>(INITIAL);
  const draft = useDraft("information", draftable(v), (d) => setV((prev) => ({ ...prev, ...d })));
  const { result, step, pending, errors, onContinue, onSubmit, change } = useCheckThenSubmit<typeof v, FormResult>(
    checkInformationAction,
    submitInformationAction,
    ORDER,
  );
  const set =
    <K extends keyof typeof v>(k: K) =>
    (value: (typeof v)[K]) =>
      setV((prev) => ({ ...prev, [k]: value }));
  const e = (k: string) => result.errors[k];

  const label = (opts: { value: string; label: string }[], value: string | null | undefined) =>
    opts.find((o) => o.value === value)?.label ?? "Not given";
  if (step === "check" && result.preview) {
    const p = result.preview;
    const rows = [
      ...(v.kind === "GROUP_BACKGROUND" ? [{ key: "Asked by", value: "Your group", field: "kind" }] : []),
      ...(v.kind === "INDIVIDUAL_BRIEFING"
        ? [{ key: "Asking for", value: "An individual briefing", field: "kind" }]
        : []),
      { key: "Subject", value: v.subject, field: "subject" },
      ...(config.show.addressee && v.addresseeId && v.addresseeId !== config.chiefExecutiveId
        ? [{ key: "For", value: label(config.officers, v.addresseeId), field: "addresseeId" }]
        : []),
      { key: "What you need", value: v.details, field: "details" },
      ...(config.show.chiefExecutive && v.addresseeId === config.chiefExecutiveId
        ? [{ key: "Addressed to", value: "The Chief Executive", field: "addresseeId" }]
        : []),
      ...(config.show.service
        ? [{ key: "Service that holds it", value: label(config.services, v.serviceId), field: "serviceId" }]
        : []),
      ...(config.show.classification
        ? [
            {
              key: "Kind of request",
              value: label([...CLASSIFICATIONS], v.classification),
              field: "classification",
            },
          ]
        : []),
      ...(config.show.capacity
        ? [
            {
              key: "You ask",
              value:
                v.capacity === "AS_WARD_REPRESENTATIVE"
                  ? `As ward representative for ${label(config.wards, v.wardId)}`
                  : "As a councillor",
              field: "capacity",
            },
          ]
        : []),
      ...(config.show.grounds
        ? [
            {
              key: "Why you need it",
              value: v.presumedCommitteeId
                ? `For the ${label(config.committees, v.presumedCommitteeId)} (need to know presumed)`
                : v.needToKnowGrounds || "Not given",
              field: "needToKnowGrounds",
            },
          ]
        : []),
      { key: "Kind of information", value: label([...CATEGORIES], v.category), field: "category" },
      {
        key: "Other people's personal details",
        value: v.thirdPartyData === "yes" ? `Yes — ${v.thirdPartyJustification}` : "No",
        field: "thirdPartyData",
      },
      ...(config.show.anotherMember
        ? [
            {
              key: "About another councillor",
              value:
                v.concernsAnotherMember === "yes"
                  ? `Yes — ${v.concernedMemberIds.map((id) => label(config.members, id)).join(", ")}; you agreed the reply will be shared with them`
                  : "No",
              field: "concernsAnotherMember",
            },
          ]
        : []),
      ...(config.show.coRequesters && v.coRequesterIds.length
        ? [
            {
              key: "Asking with you",
              value: v.coRequesterIds.map((id) => label(config.members, id)).join(", "),
              field: "coRequesterIds",
            },
          ]
        : []),
    ];
    return (
      <>
        <ErrorSummary errors={errors} />
        <h1 className="h1">Check your answers before sending your request</h1>
        <SummaryList
          rows={rows.map((r) => ({
            key: r.key,
            value: (
              <span className="flex justify-between gap-4">
                <span className="whitespace-pre-wrap">{r.value}</span>
                <button
                  type="button"
                  className="link-plain cursor-pointer underline"
                  onClick={() => change(r.field)}
                >
                  Change<span className="sr-only"> {r.key.toLowerCase()}</span>
                </button>
              </span>
            ),
          }))}
        />
        <h2 className="h2">Where your request will go</h2>
        <p className="mb-2" data-testid="routing">
          {p.triage
            ? "Member services will pass it to the officer who decides it."
            : p.decider
              ? `${p.decider.name}${p.decider.jobTitle ? `, ${p.decider.jobTitle}` : ""}, will decide it.`
              : "It will go to the officer the protocol names."}
        </p>
        {p.dueDate ? (
          <p className="mb-4">
            Council target: a reply by{" "}
            {new Date(`${p.dueDate}T12:00:00Z`).toLocaleDateString("en-GB", {
              weekday: "long",
              day: "numeric",
              month: "long",
              year: "numeric",
            })}{" "}
            (working days, excluding bank holidays).
          </p>
        ) : null}
        {p.notes.map((n) => (
          <p key={n.ruleId} className="mb-4 border-l-4 border-brand pl-4">
            {n.message} <span className="text-base text-muted">({n.ruleId})</span>
          </p>
        ))}
        <button type="button" className="btn" onClick={onSubmit(v)} disabled={pending}>
          {pending ? "Sending…" : "Send request"}
        </button>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="h1">Ask for information</h1>
      <DraftNotice
        at={draft.restoredAt}
        onDiscard={() => {
          draft.discard();
          setV(INITIAL);
        }}
      />
      <form onSubmit={onContinue(v)} noValidate>
        {config.leadsGroup || config.show.individualBriefing ? (
          <Radios
            id="kind"
            label="What are you asking for?"
            value={v.kind ?? "INFORMATION"}
            onChange={set("kind") as (x: string) => void}
            options={[
              { value: "INFORMATION", label: "Information, for me as a councillor" },
              ...(config.show.individualBriefing
                ? [
                    {
                      value: "INDIVIDUAL_BRIEFING",
                      label: "A briefing for me, from the Director of my choice",
                      hint: "Choose the Director's service below. It can be declined only as unreasonable.",
                    },
                  ]
                : []),
              ...(config.leadsGroup
                ? [
                    {
                      value: "GROUP_BACKGROUND",
                      label: "Background information for my group, behind a decision",
                      hint: "Every political group is equally entitled to this. The request and reply stay confidential to your group.",
                    },
                  ]
                : []),
            ]}
            error={e("kind")}
          />
        ) : null}
        <Field
          id="subject"
          label="Subject"
          hint="A few words, for example “Empty council homes in Ashton”"
          value={v.subject}
          onChange={(x) => set("subject")(x.target.value)}
          error={e("subject")}
        />
        <TextArea
          id="details"
          label="What information do you need?"
          value={v.details}
          onChange={set("details")}
          error={e("details")}
        />
        {config.show.chiefExecutive && config.chiefExecutiveId ? (
          <Checkbox
            id="addresseeId"
            label="Send this to the Chief Executive"
            hint="Every councillor may write to the Chief Executive directly."
            checked={v.addresseeId === config.chiefExecutiveId}
            onChange={(c) => set("addresseeId")(c ? config.chiefExecutiveId! : "")}
            error={e("addresseeId")}
          />
        ) : null}
        {config.show.addressee && !(config.show.chiefExecutive && v.addresseeId === config.chiefExecutiveId) ? (
          <Select
            id="addresseeId"
            label="Is it for a particular officer? (optional)"
            hint={
              config.show.classification
                ? "Only routine casework goes to a named officer; anything else goes to the Director, who is copied in."
                : "The officer's Head of Service can always see requests to their staff."
            }
            value={v.addresseeId ?? ""}
            onChange={set("addresseeId")}
            options={config.officers}
            placeholder="No particular officer"
            error={e("addresseeId")}
          />
        ) : null}
        {config.show.service ? (
          <Select
            id="serviceId"
            label="Which service holds the information?"
            hint="If you do not know, leave this and member services will find it."
            value={v.serviceId ?? ""}
            onChange={set("serviceId")}
            options={config.services}
            placeholder="I do not know"
            error={e("serviceId")}
          />
        ) : null}
        {config.show.classification ? (
          <Radios
            id="classification"
            label="What kind of request is it?"
            hint="Routine casework can go to a named officer; anything else goes to the Director."
            value={v.classification ?? ""}
            onChange={set("classification") as (x: string) => void}
            options={[...CLASSIFICATIONS]}
            error={e("classification")}
          />
        ) : null}
        {config.show.capacity ? (
          <>
            <Radios
              id="capacity"
              label="Are you asking as a councillor or as a ward representative?"
              value={v.capacity ?? ""}
              onChange={set("capacity") as (x: string) => void}
              options={[
                { value: "AS_MEMBER", label: "As a councillor" },
                { value: "AS_WARD_REPRESENTATIVE", label: "As a ward representative" },
              ]}
              error={e("capacity")}
            />
            {v.capacity === "AS_WARD_REPRESENTATIVE" ? (
              <Select
                id="wardId"
                label="Which ward?"
                value={v.wardId ?? ""}
                onChange={set("wardId")}
                options={config.wards}
                placeholder="Choose a ward"
                error={e("wardId")}
              />
            ) : null}
          </>
        ) : null}
        {config.show.committee && config.committees.length ? (
          <Select
            id="presumedCommitteeId"
            label="Is this about the work of a committee you sit on?"
            hint="If it is, your need to know is normally presumed and you need not explain it."
            value={v.presumedCommitteeId ?? ""}
            onChange={set("presumedCommitteeId")}
            options={config.committees}
            placeholder="No"
            error={e("presumedCommitteeId")}
          />
        ) : null}
        {config.show.grounds ? (
          <TextArea
            id="needToKnowGrounds"
            label={
              config.show.groundsRequired
                ? "Why do you need this information for your duties as a councillor?"
                : "Why do you need it? (optional)"
            }
            hint={
              config.show.groundsRequired
                ? "Your council's protocol asks you to show your need to know. A roving commission or mere curiosity is not enough."
                : undefined
            }
            value={v.needToKnowGrounds ?? ""}
            onChange={set("needToKnowGrounds")}
            error={e("needToKnowGrounds")}
            rows={3}
          />
        ) : null}
        <Select
          id="category"
          label="What kind of information is it?"
          value={v.category ?? "GENERAL"}
          onChange={set("category") as (x: string) => void}
          options={[...CATEGORIES]}
          error={e("category")}
        />
        <Radios
          id="thirdPartyData"
          label="Does it include other people's personal details?"
          value={v.thirdPartyData ?? ""}
          onChange={set("thirdPartyData") as (x: string) => void}
          options={[
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
          ]}
          error={e("thirdPartyData")}
        />
        {v.thirdPartyData === "yes" ? (
          <TextArea
            id="thirdPartyJustification"
            label="Why do you need other people's personal details?"
            hint="Be specific: your council's protocol requires a written justification."
            value={v.thirdPartyJustification ?? ""}
            onChange={set("thirdPartyJustification")}
            error={e("thirdPartyJustification")}
            rows={3}
          />
        ) : null}
        {config.show.anotherMember ? (
          <>
            <Radios
              id="concernsAnotherMember"
              label="Is this about another councillor, or their conduct?"
              value={v.concernsAnotherMember ?? "no"}
              onChange={set("concernsAnotherMember") as (x: string) => void}
              options={[
                { value: "no", label: "No" },
                { value: "yes", label: "Yes" },
              ]}
              error={e("concernsAnotherMember")}
            />
            {v.concernsAnotherMember === "yes" ? (
              <>
                <Checkboxes
                  id="concernedMemberIds"
                  label="Which councillor or councillors?"
                  values={v.concernedMemberIds ?? []}
                  onChange={set("concernedMemberIds")}
                  options={config.members}
                  error={e("concernedMemberIds")}
                />
                <div className="mb-4 border-l-4 border-brand pl-4">
                  <p className="font-semibold">{config.anotherMemberNotice}</p>
                </div>
                <Checkbox
                  id="sharingAgreed"
                  label="I agree that any reply will be shared with the councillor it concerns"
                  checked={!!v.sharingAgreed}
                  onChange={set("sharingAgreed")}
                  error={e("sharingAgreed")}
                />
              </>
            ) : null}
          </>
        ) : null}
        {config.show.coRequesters && config.members.length ? (
          <Checkboxes
            id="coRequesterIds"
            label="Are other councillors asking with you? (optional)"
            values={v.coRequesterIds ?? []}
            onChange={set("coRequesterIds")}
            options={config.members}
            error={e("coRequesterIds")}
          />
        ) : null}
        {config.show.declaration ? (
          <Checkbox
            id="councilRoleDeclared"
            label="This request is for my work as a councillor, not for party campaigning or private purposes"
            checked={!!v.councilRoleDeclared}
            onChange={set("councilRoleDeclared")}
            error={e("councilRoleDeclared")}
          />
        ) : null}
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Checking…" : "Continue"}
        </button>
      </form>
    </>
  );
}
