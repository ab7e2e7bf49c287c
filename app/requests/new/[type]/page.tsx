import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestForm, type Question } from "@/components/RequestForm";
import { requireViewer } from "@/lib/auth/session";
import {
  councilCommittees,
  councilGroupsWithSpokespersons,
  councilPeople,
  councilServices,
} from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { checkComplaintGuidance } from "@/lib/register/complaint-guidance";
import { toActor } from "@/lib/requests/actor";
import { requestOptions } from "@/lib/workflow/options";
import { checkRequestAction, submitRequestAction } from "./actions";

export const metadata: Metadata = { title: "Make a request" };

const TYPES = ["briefing", "complaint", "assistance", "agenda", "code-breach", "offer"] as const;
const yesNo = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
];

export default async function NewRequestTypePage({ params }: { params: Promise<{ type: string }> }) {
  const { type } = await params;
  if (!(TYPES as readonly string[]).includes(type)) notFound();
  const viewer = await requireViewer(`/requests/new/${type}`);
  const profile = profileOf(viewer);
  const option = requestOptions(profile, toActor(viewer)).find((o) => o.key === type);
  if (!option) notFound();
  if (!option.allowed) {
    return (
      <>
        <h1 className="h1">{option.label}</h1>
        <p className="mb-4 max-w-3xl">
          {option.whyNot} <span className="text-base text-muted">({option.ruleId})</span>
        </p>
        <p>
          <Link href="/requests/new">Choose something else</Link>
        </p>
      </>
    );
  }
  const [services, committees, people] = await Promise.all([
    councilServices(viewer),
    councilCommittees(viewer),
    councilPeople(viewer),
  ]);
  const svc = services.map((s) => ({ value: s.id, label: s.name }));
  let title = option.label;
  let questions: Question[] = [];
  const notices: string[] = [];
  if (type === "briefing") {
    const b = profile.briefing;
    const roleBriefing =
      b.roleBriefings.value &&
      (viewer.roles.includes("CABINET_MEMBER") || viewer.roles.includes("COMMITTEE_CHAIR"));
    notices.push(
      "Officers are invited to advise or attend, never instructed. What is discussed stays confidential to your group.",
    );
    questions = [
      ...(roleBriefing
        ? [
            {
              name: "kind",
              kind: "radios" as const,
              label: "Is this for your group, or for your own role?",
              options: [
                { value: "GROUP", label: `For ${viewer.partyGroup?.name ?? "my group"}` },
                { value: "ROLE", label: "For my role as Cabinet Member or Chair" },
              ],
            },
          ]
        : []),
      { name: "subject", kind: "text", label: "Subject of the briefing" },
      ...(b.jointBriefings.value && viewer.partyGroup
        ? [
            {
              name: "jointGroupIds",
              kind: "checkboxes" as const,
              label: "Other groups asking with yours (optional)",
              hint: "A joint briefing goes ahead once each group's Leader has opted in. Its content is shared by the groups taking part.",
              options: (await councilGroupsWithSpokespersons(viewer))
                .filter((g) => g.id !== viewer.partyGroup!.id)
                .map((g) => ({ value: g.id, label: g.name })),
            },
          ]
        : []),
      {
        name: "subjectKey",
        kind: "text",
        label: "Decision, agenda item or report it relates to",
        hint: "For example a Cabinet decision reference or an agenda item. Requests on the same subject are treated equally across groups.",
      },
      {
        name: "councilBusiness",
        kind: "textarea",
        label: "Which council business is it about?",
        hint: "Officers advise on council business only, not party political matters.",
      },
      {
        name: "serviceId",
        kind: "select",
        label: "Which service does it concern?",
        options: svc,
        placeholder: "Choose a service",
      },
      {
        name: "committeeId",
        kind: "select",
        label: "Which committee or portfolio? (optional)",
        options: committees.map((c) => ({ value: c.id, label: c.name })),
        placeholder: "None",
      },
      {
        name: "meetingDate",
        kind: "date",
        label: "Date of the meeting (optional)",
        hint: "Give officers at least 5 working days to prepare.",
      },
      {
        name: "startTime",
        kind: "text",
        label: "Start time (optional)",
        hint: "For example, 18:30",
      },
      {
        name: "durationMinutes",
        kind: "text",
        label: "Expected length in minutes (optional)",
        hint: "Keep the time asked of officers reasonable.",
      },
      {
        name: "onePartyMeeting",
        kind: "radios",
        label: "Is the meeting for members of one party only?",
        options: yesNo,
      },
      ...(b.leaveBeforeDecision.value
        ? [
            {
              name: "item",
              kind: "text" as const,
              label: "Which item should officers attend for?",
              showIf: { name: "onePartyMeeting", equals: "yes" },
            },
            {
              name: "majorIssue",
              kind: "textarea" as const,
              label: "Why is it a major issue?",
              hint: "Officers attend for the item only and leave before any decision.",
              showIf: { name: "onePartyMeeting", equals: "yes" },
            },
          ]
        : []),
    ];
  } else if (type === "complaint") {
    title = "Make a complaint";
    const c = profile.complaints;
    if (c.startGuidance) notices.push(`${c.startGuidance.value} (${c.startGuidance.ruleId})`);
    // WIG-E10 always; HTC-E4 with its condition stated ("if your complaint is about an officer"). The check step
    // shows it again for the person chosen (lib/requests/complaints.ts).
    notices.push(...((await checkComplaintGuidance(viewer, {})).preview ?? []));
    questions = [
      {
        name: "subjectUserId",
        kind: "select",
        label: "Who is the complaint about?",
        hint: "A complaint never goes to the person it is about.",
        options: people.map((p) => ({ value: p.id, label: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ""}` })),
        placeholder: "An issue, not a person",
      },
      { name: "summary", kind: "text", label: "In a few words, what is it about?" },
      { name: "details", kind: "textarea", label: "What happened?" },
      ...(c.seriousCategories
        ? [
            {
              name: "category",
              kind: "select" as const,
              label: "Is it about any of these? (optional)",
              hint: `Bullying, harassment, discrimination and victimisation are serious offences: such a complaint is marked serious. (${c.seriousCategories.ruleId})`,
              options: c.seriousCategories.value.map((v) => ({
                value: v,
                label: v.charAt(0) + v.slice(1).toLowerCase(),
              })),
              placeholder: "None of these",
            },
          ]
        : []),
      {
        name: "codeOfConduct",
        kind: "radios",
        label: "Is it about a councillor breaching the Code of Conduct?",
        options: yesNo,
      },
      {
        name: "statementOfFacts",
        kind: "textarea",
        label: "Statement of the facts",
        hint: "Code of Conduct complaints are made in writing to the Monitoring Officer.",
        showIf: { name: "codeOfConduct", equals: "yes" },
      },
      {
        name: "codeProvision",
        kind: "text",
        label: "Which part of the Code of Conduct?",
        showIf: { name: "codeOfConduct", equals: "yes" },
      },
      ...(profile.townClerkGate
        ? [
            {
              name: "grievance",
              kind: "radios" as const,
              label: "Is this a personal grievance about how you were treated?",
              options: yesNo,
            },
          ]
        : []),
      ...(c.partyDiscipline
        ? [
            {
              name: "chosenHandler",
              kind: "radios" as const,
              label: "For a complaint about a councillor: who should handle it?",
              options: [
                { value: "CHIEF_EXECUTIVE", label: "The Chief Executive" },
                { value: "DIRECTOR_OF_GOVERNANCE", label: "The Director of Governance" },
              ],
            },
          ]
        : []),
    ];
  } else if (type === "assistance") {
    questions = [
      { name: "subject", kind: "text", label: "What do you need help with?" },
      { name: "details", kind: "textarea", label: "Describe the help you need" },
      {
        name: "preferredOfficerId",
        kind: "select",
        label: "Which member of staff would you like to help? (optional)",
        hint: "The Town Clerk decides who does the work.",
        options: people
          .filter(
            (p) => (p.roles as string[]).includes("OFFICER") && !(p.roles as string[]).includes("TOWN_CLERK"),
          )
          .map((p) => ({ value: p.id, label: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ""}` })),
        placeholder: "No preference",
      },
      {
        name: "estimatedHours",
        kind: "number",
        label: "How many hours of officer time do you think it needs? (optional)",
        hint: "For example 2 or 1.5",
      },
    ];
  } else if (type === "offer") {
    const groups = await councilGroupsWithSpokespersons(viewer);
    notices.push(
      "Offer the same briefing to every group: each group's offer stays confidential to it. Leaving a group out needs reasons. (WIG-B5, WIG-B7)",
    );
    questions = [
      { name: "subject", kind: "text", label: "Subject of the briefing" },
      { name: "councilBusiness", kind: "textarea", label: "Which council business is it about?" },
      {
        name: "serviceId",
        kind: "select",
        label: "Your service",
        hint: "The offer goes to each group's spokesperson for this service.",
        options: svc.filter((s) => viewer.headedServiceIds.includes(s.value)),
        placeholder: "Choose your service",
      },
      {
        name: "groupIds",
        kind: "checkboxes",
        label: "Offer it to",
        options: groups.map((g) => ({
          value: g.id,
          label: `${g.name}${g.offices.length ? ` (${g.offices.map((o) => `${o.user.name}, ${o.portfolio}`).join("; ")})` : " (no spokesperson)"}`,
        })),
      },
      {
        name: "reasonsForOmission",
        kind: "textarea",
        label: "If you leave a group out, why?",
        hint: "Needed when a group with a spokesperson for your service is not offered the briefing.",
      },
    ];
  } else if (type === "code-breach") {
    notices.push("Your report goes to the Town Clerk only. Say what happened, when, and who was there.");
    questions = [
      {
        name: "memberId",
        kind: "select",
        label: "Which councillor does it concern?",
        options: people
          .filter((p) => (p.roles as string[]).includes("MEMBER"))
          .map((p) => ({ value: p.id, label: p.name })),
        placeholder: "Choose a councillor",
      },
      { name: "awareOn", kind: "date", label: "When did you become aware of it?", hint: "For example 2027-01-14" },
      { name: "facts", kind: "textarea", label: "What happened?" },
    ];
  } else {
    questions = [
      { name: "title", kind: "text", label: "Title of the agenda item" },
      { name: "details", kind: "textarea", label: "What should the meeting consider?" },
    ];
  }
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <RequestForm
        title={title}
        questions={questions}
        initial={
          type === "briefing"
            ? { kind: "GROUP", onePartyMeeting: "no" }
            : type === "complaint"
              ? { codeOfConduct: "no", grievance: "no" }
              : type === "offer"
                ? { serviceId: viewer.headedServiceIds[0] ?? "" }
                : {}
        }
        check={checkRequestAction.bind(null, type)}
        submit={submitRequestAction.bind(null, type)}
        notices={notices}
      />
    </>
  );
}
