// Everything the request page shows and offers, read once through the visibility builder: the detail (cut to the
// viewer's access level), the actions the workflow allows this person now with the fields their forms need, files,
// invited officers, and the notices attached to decisions.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { profileOf } from "@/lib/protocol/council-profile";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { involvementsOpen, type Ladder } from "@/lib/workflow/complaint";
import type { ActionSpec, Choice, FieldSpec } from "./action-specs";
import { advisoryNoteRecipients } from "./advisory";
import { listAttachments } from "./attachments";
import { logConfidentialView } from "./confidential-views";
import { worksOn } from "./internal-notes";
import { followUpUntil } from "./follow-up";
import { mayChangeDue, OFFICER_PAUSE } from "./due-changes";
import { listLeadershipMeetings } from "@/lib/meetings/leadership";
import { councilCommittees } from "@/lib/organisation/queries";
import {
  availableBriefingActions,
  availableComplaintActions,
  availableInformationActions,
  GROUND_LABELS,
  groundOptions,
  OUTCOME_LABELS,
} from "./available-actions";
import { GROUP_REPORT_SECTIONS, toBriefing } from "./briefings";
import { formatDate } from "./describe";
import { toInfoRequest } from "./information";
import { STATUS_LABELS } from "./labels";
import { memberAnswers } from "./answers";
import { findVisibleRequest, toRequestDetail, type RequestDetail, type VisibleRequest } from "./queries";
import { shareTargets } from "./sharing";
import { requesterIdsOf } from "./store";
import { staffWorkload } from "./workload";
import { AUTHORITY_FIELD } from "@/lib/section-e/authority";

export type SameSubject = {
  id: string;
  reference: string;
  group: string;
  status: string;
  accepted: boolean;
  at: string;
};

export type RequestPage = {
  detail: RequestDetail;
  specs: ActionSpec[];
  sameSubject: SameSubject[];
  files: {
    id: string;
    filename: string;
    size: number;
    createdAt: string;
    /** CWC-A10: EXEMPT or CONFIDENTIAL (NONE otherwise); madePublicAt once the Clerk records it public (HTC-A4). */
    marking: string;
    madePublicAt: string | null;
    uploadedBy: string;
  }[];
  attendees: { id: string; name: string; status: string }[];
  agendaMeeting: { id: string; title: string; date: string } | null;
  notices: { ruleId: string; text: string }[];
  refusal: { ground: string; groundLabel: string; reasons: string } | null;
  /** Steps waiting on someone else that the viewer should know about (e.g. governance advice awaited). */
  waiting: string[];
  /** What the member told us when filing, as kept on the request (for everyone with full access). */
  answers: { key: string; value: string }[];
  /** A complaint of bullying, harassment, discrimination or victimisation (C2007-C1). */
  serious: boolean;
  /** A briefing's proposed attendee: normally the Chief Officer of the service (HAL-B2, WIG-B2, DEF-B2). */
  proposedAttendee: string | null;
};

/** C2007-C1: bullying, harassment, discrimination and victimisation complaints are flagged SERIOUS at filing. */
export const isSeriousComplaint = (data: unknown) => !!(data as { serious?: boolean } | null)?.serious;

const personLabel = (u: { name: string; jobTitle: string | null }) =>
  `${u.name}${u.jobTitle ? `, ${u.jobTitle}` : ""}`;
const reasons = (label = "Written reasons", hint?: string): FieldSpec => ({
  kind: "textarea",
  name: "reasons",
  label,
  hint,
});
/** The body or delegation a decision is made under (HAL-E5, WIG-E8, HTC-E3, C2007-E5): optional, never a party group. */
const authority = (): FieldSpec => ({ kind: "text", ...AUTHORITY_FIELD });
const yesNo = (name: string, legend: string, yes = "Yes", no = "No", hint?: string): FieldSpec => ({
  kind: "radios",
  name,
  legend,
  hint,
  options: [
    { value: "yes", label: yes },
    { value: "no", label: no },
  ],
});

async function people(viewer: Viewer, where: Record<string, unknown>): Promise<Choice[]> {
  const rows = await db().user.findMany({
    where: { councilId: viewer.council.id, active: true, ...where },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true },
    take: 300,
  });
  return rows.map((o) => ({ value: o.id, label: personLabel(o) }));
}

/** The latest draft reply written for this decider (lib/requests/internal-notes.ts), to start their reply from. */
function draftReply(row: VisibleRequest, viewer: Viewer): { initial?: string; hint?: string } {
  const draft = [...row.messages].reverse().find((m) => m.kind === "DRAFT_REPLY" && m.authorId !== viewer.id);
  return draft
    ? {
        initial: draft.body,
        hint: "This starts from the draft reply prepared for you: send it as it is or change it.",
      }
    : {};
}

/** Extending or pausing the due date, with a holding reply (the decider, while the request is open). */
function timeSpecs(row: VisibleRequest, viewer: Viewer): ActionSpec[] {
  if (!mayChangeDue(viewer, row)) return [];
  const holding: FieldSpec = {
    kind: "textarea",
    name: "holdingReply",
    label: "Holding reply to the member",
    hint: "The member reads this, and is told the new date or that the request is paused.",
  };
  if (row.pausedAt)
    return row.pauseReason === OFFICER_PAUSE
      ? [
          {
            action: "RESUME_DUE",
            area: "other",
            title: "Resume work on the request",
            hint: "The due date moves on by the working days it was paused.",
            fields: [],
            submit: "Resume",
            tone: "secondary",
          },
        ]
      : [];
  return [
    {
      action: "EXTEND_DUE",
      area: "other",
      title: "Extend the due date",
      fields: [
        { kind: "date", name: "dueDate", label: "New due date" },
        reasons("Why it needs longer", "Recorded on the request."),
        holding,
      ],
      submit: "Extend the due date",
      tone: "secondary",
    },
    {
      action: "PAUSE_DUE",
      area: "other",
      title: "Pause the due date",
      hint: "For example, while waiting for another organisation. Resume it when work can go on.",
      fields: [reasons("Why it is paused", "Recorded on the request."), holding],
      submit: "Pause",
      tone: "secondary",
    },
  ];
}

/** A follow-up question from the member on an answered request, while the council's window is open. */
function followUpSpecs(row: VisibleRequest, viewer: Viewer, now: Date): ActionSpec[] {
  const until = followUpUntil(viewer, row);
  if (!until || londonDate(now) > until) return [];
  return [
    {
      action: "FOLLOW_UP",
      area: "other",
      title: "Ask a follow-up question",
      hint: `It reopens this request with the officer who answered it. You can ask until ${formatDate(until)}; after that, make a new request.`,
      fields: [{ kind: "textarea", name: "question", label: "Your follow-up question" }],
      submit: "Send the follow-up question",
      tone: "secondary",
    },
  ];
}

/** Internal notes (any officer working on the request) and a draft reply (for the decider) — never the member. */
function noteSpecs(row: VisibleRequest, viewer: Viewer): ActionSpec[] {
  if (!worksOn(viewer, row)) return [];
  const specs: ActionSpec[] = [
    {
      action: "INTERNAL_NOTE",
      area: "other",
      title: "Add an internal note",
      hint: "Seen by the officers working on this request, never by the member.",
      fields: [{ kind: "textarea", name: "notes", label: "Note" }],
      submit: "Add the note",
      tone: "secondary",
    },
  ];
  if (!row.closedAt && row.deciderId && row.deciderId !== viewer.id && row.allocatedToId === viewer.id)
    specs.push({
      action: "DRAFT_REPLY",
      area: "other",
      title: "Draft a reply for the decider",
      hint: "The officer who decides sees it in their reply, to send or change. The member does not see it.",
      fields: [{ kind: "textarea", name: "draft", label: "Draft reply", rows: 6 }],
      submit: "Save the draft reply",
      tone: "secondary",
    });
  return specs;
}

// ---- Information requests -------------------------------------------------------------------------------------------

async function informationSpecs(
  profile: CouncilProfile,
  row: VisibleRequest,
  viewer: Viewer,
): Promise<{ specs: ActionSpec[]; waiting: string[] }> {
  const { actions, refusalAwaitsAdvice, refuseGrounds } = availableInformationActions(
    profile,
    toInfoRequest(row),
    viewer,
  );
  const p = profile.information;
  const reviewer = p.reviewer.value === "DIRECTOR_OF_GOVERNANCE" ? "Director of Governance" : "Monitoring Officer";
  const specs: ActionSpec[] = [];
  const waiting: string[] = [];
  const data = row.data as { pausedFor?: string; concernedMemberIds?: string[] };
  for (const a of actions) {
    switch (a) {
      case "GRANT":
        specs.push({
          action: a,
          area: "decide",
          title: "Reply and supply the information",
          fields: [
            {
              kind: "textarea",
              name: "reply",
              label: "Your reply to the member",
              rows: 6,
              ...draftReply(row, viewer),
            },
            {
              kind: "file",
              name: "file",
              label: "Attach a file (optional)",
              hint: "Up to 5 MB. More files can be added afterwards.",
            },
            {
              kind: "radios",
              name: "marking",
              legend: "Is the reply exempt or confidential?",
              hint: "Marked replies carry a notice and cannot be shared on by the member.",
              options: [
                { value: "NONE", label: "No" },
                { value: "EXEMPT", label: "Exempt information" },
                { value: "CONFIDENTIAL", label: "Confidential" },
                ...(viewer.roles.includes("CHIEF_EXECUTIVE") && p.chiefExecutiveAlwaysAvailable.value
                  ? [
                      {
                        value: "PROCEDURAL_ADVICE",
                        label: "Procedural advice, in confidence",
                        hint: "Seen by this member and you only",
                      },
                    ]
                  : []),
              ],
            },
            ...(p.significantCostProposal.value
              ? [
                  {
                    kind: "checkbox",
                    name: "inStages",
                    label: "This is a first part: more will follow",
                    hint: "The request stays open until the last part is sent. (DEF-A9)",
                  } as FieldSpec,
                ]
              : []),
            authority(),
          ],
          submit: "Send the reply",
          why: [{ ruleId: p.responseRequired.ruleId, text: "A reply must say something of substance." }],
        });
        break;
      case "REFUSE":
        specs.push({
          action: a,
          area: "decide",
          title: row.deciderId === viewer.id ? "Refuse the request" : "Decline the work on neutrality grounds",
          hint: "The member sees the ground and your reasons, and can ask for a review.",
          fields: [
            {
              kind: "select",
              name: "ground",
              label: "Ground for refusal",
              options: groundOptions(refuseGrounds),
              placeholder: "Choose a ground",
            },
            ...(p.needToKnowByChiefOfficerOnly.value
              ? [
                  {
                    kind: "checkbox",
                    name: "onNeedToKnow",
                    label: "The member has not shown a need to know",
                  } as FieldSpec,
                ]
              : []),
            reasons("Written reasons", "Shown to the member. A refusal without reasons is not accepted."),
            authority(),
          ],
          submit: "Refuse the request",
          tone: "warning",
          why: [
            { ruleId: p.refusalReasons.ruleId, text: "Every refusal needs written reasons, shown to the member." },
            { ruleId: p.refusalGrounds.ruleId, text: "The grounds are the ones your council's protocol names." },
          ],
        });
        break;
      case "REQUEST_JUSTIFICATION":
        specs.push({
          action: a,
          area: "decide",
          title: "Ask the member for written justification",
          hint: "The request pauses, and its due date with it, until the member answers.",
          fields: [{ kind: "textarea", name: "question", label: "What should the member justify?" }],
          submit: "Ask the member",
          why: [
            {
              ruleId: "CWC-A6",
              text: "Requests for other people's personal information may need specific, written justification.",
            },
          ],
        });
        break;
      case "APPLY_NEED_TO_KNOW_TEST":
        specs.push({
          action: a,
          area: "decide",
          title: "Apply the need-to-know test",
          hint: "For rare cases: the member is asked why the information is needed for their council duties. The due date pauses.",
          fields: [{ kind: "textarea", name: "question", label: "What does the member need to explain?" }],
          submit: "Ask the member",
          why: [
            { ruleId: "WIG-A2", text: "Only the department's Chief Officer may apply the need-to-know test." },
          ],
        });
        break;
      case "PROPOSE_SCOPE":
        specs.push({
          action: a,
          area: "decide",
          title: "Propose a narrower scope (significant cost)",
          hint: "The member can accept, amend or keep the original request. The due date pauses meanwhile.",
          fields: [
            { kind: "text", name: "estimate", label: "Estimated cost or time" },
            { kind: "textarea", name: "proposal", label: "What you propose instead" },
          ],
          submit: "Send the proposal",
          why: [
            {
              ruleId: "WIG-A5",
              text: "A member asking for bulky information should be flexible where it is costly.",
            },
          ],
        });
        break;
      case "ISSUE_ANOTHER_MEMBER_NOTICE":
        specs.push({
          action: a,
          area: "decide",
          title: "Tell the member this concerns another councillor",
          hint: "The member must agree that the reply will be shared with the councillor it concerns, or it closes unanswered.",
          fields: [
            {
              kind: "checkboxes",
              name: "concernedMemberIds",
              legend: "Which councillor does it concern?",
              options: await people(viewer, { roles: { has: "MEMBER" }, id: { notIn: requesterIdsOf(row) } }),
            },
          ],
          submit: "Send the notice",
          why: [
            {
              ruleId: "WIG-A10",
              text: "Without the member's agreement to share the reply, no information is given.",
            },
          ],
        });
        break;
      case "MARK_READILY_AVAILABLE":
        if (!(row.data as { readilyAvailable?: boolean }).readilyAvailable)
          specs.push({
            action: a,
            area: "decide",
            title: "Mark the information as readily available",
            hint: "It must then be supplied: it can no longer be refused.",
            fields: [],
            submit: "Mark as readily available",
            why: [{ ruleId: "C2007-A4", text: "Information that is readily available will be provided." }],
          });
        break;
      case "REFER_FOR_ADVICE":
        specs.push({
          action: a,
          area: "decide",
          title: "Refer to a Chairman for advice",
          hint: "For a doubtful case. The Chairman advises; the decision stays with you.",
          fields: [
            {
              kind: "select",
              name: "chairId",
              label: "Chairman",
              options: await committeeChairs(viewer),
              placeholder: "Choose a Chairman",
            },
            reasons("Why you are referring it"),
          ],
          submit: "Refer for advice",
          why: [
            {
              ruleId: "C2007-A6",
              text: "In doubtful cases the Chief Executive may seek a Chairman's advice; no single councillor decides.",
            },
          ],
        });
        break;
      case "REFER_TO_COMMITTEE":
        specs.push({
          action: a,
          area: "decide",
          title: "Refer to a Committee for its instructions",
          hint: "The member is told it is waiting for a Committee. You record its instructions after the meeting.",
          fields: [
            {
              kind: "select",
              name: "committeeId",
              label: "Committee",
              options: (await councilCommittees(viewer)).map((c) => ({ value: c.id, label: c.name })),
              placeholder: "Choose a committee",
            },
            reasons("Why you are referring it"),
          ],
          submit: "Refer to the Committee",
          why: [
            {
              ruleId: "C2007-A6",
              text: "In doubtful cases the Chief Executive may seek a Committee's instructions.",
            },
          ],
        });
        break;
      case "RECORD_COMMITTEE_INSTRUCTIONS":
        specs.push({
          action: a,
          area: "decide",
          title: "Record the Committee's instructions",
          hint: "Seen by the officers handling the request. You then respond to the member.",
          fields: [
            { kind: "date", name: "meetingDate", label: "Date of the meeting" },
            { kind: "text", name: "minuteReference", label: "Minute reference" },
            { kind: "textarea", name: "instructions", label: "The Committee's instructions" },
          ],
          submit: "Record the instructions",
          why: [{ ruleId: "C2007-A6", text: "The meeting and the minute reference are recorded." }],
        });
        break;
      case "CHAIR_ADVICE":
        specs.push({
          action: a,
          area: "decide",
          title: "Give your advice",
          hint: "Your advice goes to the Chief Executive, who decides.",
          fields: [{ kind: "textarea", name: "advice", label: "Your advice" }],
          submit: "Send your advice",
          why: [{ ruleId: "C2007-A6", text: "A Chairman's input is advice only." }],
        });
        break;
      case "RECORD_GOVERNANCE_ADVICE":
        specs.push({
          action: a,
          area: "decide",
          title: "Record governance advice",
          hint: "Seen by the officers handling the request, not the member.",
          fields: [{ kind: "textarea", name: "advice", label: "Governance advice" }],
          submit: "Record the advice",
          why: [
            {
              ruleId: "CWC-A3",
              text: "The Chief Officer decides with advice from governance; a refusal waits for it (DEF-A10).",
            },
          ],
        });
        break;
      case "CLOSE":
        specs.push({
          action: a,
          area: "decide",
          title: "Close with a response",
          hint: "For a request answered another way, or with nothing to supply.",
          fields: [{ kind: "textarea", name: "response", label: "Your response to the member" }, authority()],
          submit: "Close the request",
          why: [{ ruleId: p.responseRequired.ruleId, text: "A closure must record a substantive response." }],
        });
        break;
      case "UPHOLD":
      case "OVERTURN":
        specs.push({
          action: a,
          area: "decide",
          title: a === "UPHOLD" ? "Uphold the refusal" : "Overturn the refusal",
          hint: a === "OVERTURN" ? "The information must then be supplied (DEF-A5)." : undefined,
          fields: [reasons("Reasons for your decision", "Shown to the member and to the officer who refused.")],
          submit: a === "UPHOLD" ? "Uphold the refusal" : "Overturn the refusal",
          why: [
            {
              ruleId: p.reviewer.ruleId,
              text: "A refusal is reviewed by someone other than the officer who refused.",
            },
          ],
        });
        break;
      case "TRIAGE": {
        const services = await db().service.findMany({
          where: { councilId: viewer.council.id, retiredAt: null, chiefOfficerId: { not: null } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        });
        specs.push({
          action: a,
          area: "other",
          title: "Send to the service that should answer",
          fields: [
            {
              kind: "select",
              name: "serviceId",
              label: "Service",
              options: services.map((s) => ({ value: s.id, label: s.name })),
              placeholder: "Choose a service",
            },
          ],
          submit: "Send to the service",
          why: [
            {
              ruleId: "DEF-A4",
              text: "Member services route a request whose department the member did not know.",
            },
          ],
        });
        break;
      }
      case "ALLOCATE": {
        const current = row.allocatedToId ? row.people.find((u) => u.id === row.allocatedToId) : null;
        specs.push({
          action: a,
          area: "other",
          title: current ? "Reassign to another officer" : "Assign to an officer",
          hint: `${current ? `Now assigned to ${current.name}. ` : ""}Officers of the service answering this request; you still decide it.`,
          fields: [
            {
              kind: "select",
              name: "officerId",
              label: "Officer",
              options: await people(viewer, {
                roles: { has: "OFFICER" },
                ...(row.serviceId ? { serviceId: row.serviceId } : {}),
                id: { notIn: [viewer.id, row.allocatedToId ?? ""] },
              }),
              placeholder: "Choose an officer",
            },
          ],
          submit: current ? "Reassign" : "Assign",
          tone: "secondary",
          why: [
            {
              ruleId: p.memberCannotDirectWork.ruleId,
              text: "Allocation is for the officer's managers, never the member.",
            },
          ],
        });
        break;
      }
      case "MEMBER_RESPONDS": {
        const paused = data.pausedFor ?? row.pauseReason;
        const fields: FieldSpec[] = [];
        if (paused === "AGREEMENT")
          fields.push(
            yesNo(
              "agrees",
              "Do you agree that the reply will be shared with the councillor it concerns?",
              "Yes, I agree",
              "No — close the request without the information",
            ),
          );
        if (paused === "SCOPE")
          fields.push({
            kind: "radios",
            name: "scope",
            legend: "The officer proposed a narrower request. What would you like to do?",
            options: [
              { value: "ACCEPT", label: "Accept the proposal" },
              { value: "AMEND", label: "Amend my request (explain below)" },
              { value: "KEEP", label: "Keep my original request" },
            ],
          });
        fields.push({ kind: "textarea", name: "response", label: "Your answer" });
        specs.push({ action: a, area: "decide", title: "Answer the officer", fields, submit: "Send your answer" });
        break;
      }
      case "REQUEST_REVIEW":
        specs.push({
          action: a,
          area: "decide",
          title: "Ask for a review of the refusal",
          fields: [
            reasons(
              "Why should the refusal be reviewed?",
              `The review goes to the ${reviewer}. The officer who refused cannot review it.`,
            ),
          ],
          submit: "Ask for a review",
          why: [
            {
              ruleId: p.reviewer.ruleId,
              text: "A refusal can be reviewed once, by someone other than the officer who refused.",
            },
          ],
        });
        break;
      case "WITHDRAW":
        break; // offered for every type below
    }
  }
  // WIG-A9: where replies on individual matters stay with the member (WIG-A8), the deciding Chief Officer may still
  // advise the Portfolio Holder or a Committee Chair on the issue — without giving them the request.
  if (
    p.requesterSharing.value === "OWN_PARTY_ONLY" &&
    row.deciderId === viewer.id &&
    viewer.roles.includes("CHIEF_OFFICER")
  ) {
    const recipients = await advisoryNoteRecipients(viewer);
    specs.push({
      action: "ADVISORY_NOTE",
      area: "other",
      title: "Send an advisory note to a Portfolio Holder or Committee Chair",
      hint: "About the issue only: they are not shown this request or its reply.",
      fields: [
        {
          kind: "select",
          name: "recipientId",
          label: "Send it to",
          options: recipients.map((r) => ({
            value: r.id,
            label: `${r.name}${r.chairOf.length ? `, Chair of ${r.chairOf.map((c) => c.name).join(" and ")}` : r.portfolioName ? `, Cabinet Member for ${r.portfolioName}` : ", Cabinet Member"}`,
          })),
          placeholder: "Choose a person",
        },
        { kind: "textarea", name: "notes", label: "Note" },
      ],
      submit: "Send the note",
      tone: "secondary",
      why: [
        { ruleId: "WIG-A9", text: "Advising a Portfolio Holder or Committee Chair of an issue is allowed." },
        { ruleId: "DEF-A11", text: "The note gives no access to the member's request or reply." },
      ],
    });
  }
  if (refusalAwaitsAdvice)
    waiting.push(
      "Governance advice has not been recorded yet: the request cannot be refused until it is (CWC-A3, DEF-A10).",
    );
  return { specs, waiting };
}

async function committeeChairs(viewer: Viewer): Promise<Choice[]> {
  const rows = await db().committee.findMany({
    where: { councilId: viewer.council.id, retiredAt: null, chairId: { not: null }, chair: { active: true } },
    orderBy: { name: "asc" },
    select: { name: true, chair: { select: { id: true, name: true } } },
  });
  return rows.map((c) => ({ value: c.chair!.id, label: `${c.chair!.name}, Chairman of the ${c.name}` }));
}

// ---- Complaints ----------------------------------------------------------------------------------------------------

/** CWC-C1 consult, WIG-C1 delegate, HTC-C1 involve, CWC-C4 convert: what the stage's handler may do. */
async function involvementSpecs(row: VisibleRequest, viewer: Viewer): Promise<ActionSpec[]> {
  const d = row.data as {
    ladder?: Ladder;
    stageIndex: number;
    stageStatus: string;
    subjectId: string | null;
    subjectServiceId: string | null;
  };
  if (!d.ladder || row.deciderId !== viewer.id || ["CLOSED", "REFERRED_TO_PARTY"].includes(d.stageStatus))
    return [];
  const specs: ActionSpec[] = [];
  const notSubject = { id: { notIn: [viewer.id, d.subjectId ?? "-"] } };
  for (const kind of involvementsOpen(d.ladder, d.stageIndex)) {
    if (kind === "CONSULT")
      specs.push({
        action: "CONSULT",
        area: "other",
        title: viewer.roles.includes("DIRECTOR_OF_GOVERNANCE")
          ? "Consult the Chief Executive"
          : "Consult the Director of Governance",
        hint: "They can read the complaint from now on; you keep handling it.",
        fields: [reasons("What you want their view on", "Recorded on the complaint.")],
        submit: "Consult",
        tone: "secondary",
        why: [{ ruleId: "CWC-C1", text: "The person handling it may consult the other (recorded)." }],
      });
    if (kind === "CONVERT_TO_CODE")
      specs.push({
        action: "CONVERT_TO_CODE",
        area: "decide",
        title: "Treat it as a Code of Conduct complaint",
        hint: "It goes to the Monitoring Officer, who handles it from now on. The complainant is told.",
        fields: [
          reasons("Why it is a Code of Conduct matter"),
          { kind: "textarea", name: "codeProvision", label: "Which provision of the Code of Conduct", rows: 2 },
        ],
        submit: "Send to the Monitoring Officer",
        why: [
          {
            ruleId: "CWC-C4",
            text: "Serious cases and possible Code breaches go to the Director of Governance as Monitoring Officer.",
          },
        ],
      });
    if (kind === "DELEGATE")
      specs.push({
        action: "DELEGATE",
        area: "other",
        title: "Delegate it to the section's senior manager",
        hint: "They handle it from now on; you can still read it.",
        fields: [
          {
            kind: "select",
            name: "officerId",
            label: "Senior manager",
            options: await people(viewer, {
              roles: { has: "OFFICER" },
              serviceId: d.subjectServiceId ?? "-",
              seniority: "SENIOR",
              ...notSubject,
            }),
            placeholder: "Choose a senior manager",
          },
          reasons("Why you are delegating it"),
        ],
        submit: "Delegate",
        tone: "secondary",
        why: [
          { ruleId: "WIG-C1", text: "The Chief Officer may delegate handling to the section's senior manager." },
        ],
      });
    if (kind === "INVOLVE")
      specs.push({
        action: "INVOLVE",
        area: "other",
        title: "Involve a member of staff",
        hint: "They can read the complaint from now on, and are told.",
        fields: [
          {
            kind: "select",
            name: "officerId",
            label: "Member of staff",
            options: await people(viewer, { roles: { has: "OFFICER" }, id: { not: viewer.id } }),
            placeholder: "Choose a member of staff",
          },
          reasons("Why you are involving them"),
        ],
        submit: "Involve",
        tone: "secondary",
        why: [
          {
            ruleId: "HTC-C1",
            text: "Members bring concerns to the Clerk; staff see them when the Clerk involves them.",
          },
        ],
      });
  }
  return specs;
}

async function complaintSpecs(
  profile: CouncilProfile,
  row: VisibleRequest,
  viewer: Viewer,
  now: Date,
): Promise<ActionSpec[]> {
  const c = availableComplaintActions(profile, row, viewer, now);
  const specs: ActionSpec[] = [];
  if (c.acknowledge)
    specs.push({
      action: "ACKNOWLEDGE",
      area: "other",
      title: "Acknowledge the complaint",
      hint: `Tell the complainant you have it and are dealing with it${c.acknowledge.by ? `, by ${formatDate(c.acknowledge.by)}` : ""}.`,
      fields: [
        {
          kind: "textarea",
          name: "reasons",
          label: "Message to the complainant (optional)",
          hint: "For example, what happens next.",
        },
      ],
      submit: "Acknowledge",
      tone: "secondary",
      why: [
        {
          ruleId: "DEF-C7",
          text: `Council target: acknowledge a complaint within ${profile.complaints.ackWorkingDays.value} working days.`,
        },
      ],
    });
  if (c.outcome)
    specs.push({
      action: "RECORD_OUTCOME",
      area: "decide",
      title: "Record the outcome of this stage",
      fields: [
        ...(c.outcome.outcomes
          ? [
              {
                kind: "radios",
                name: "outcome",
                legend: "Outcome",
                options: c.outcome.outcomes.map((o) => ({ value: o, label: OUTCOME_LABELS[o] ?? o })),
              } as FieldSpec,
            ]
          : []),
        reasons("Written outcome", "Shown to the complainant."),
        authority(),
      ],
      submit: "Record the outcome",
    });
  if (c.partyDiscipline)
    specs.push({
      action: "CLASSIFY_PARTY_DISCIPLINE",
      area: "decide",
      title: "Refer it to the party as a matter of party discipline",
      hint: "The member's Group Leader is told, and the complaint closes here as referred to the party.",
      fields: [reasons("Why this is party discipline")],
      submit: "Refer to the party",
      why: [{ ruleId: "CWC-C2", text: "Party discipline is investigated by the party itself." }],
    });
  if (c.escalate)
    specs.push({
      action: "ESCALATE",
      area: "decide",
      title: "Escalate to the next stage",
      fields: c.escalate.informal
        ? [
            reasons(
              "Why could it not be resolved informally?",
              "Your council's protocol asks for informal resolution first, if at all possible.",
            ),
          ]
        : [],
      submit: "Escalate",
    });
  if (c.investigator) {
    const officers = await people(viewer, { roles: { has: "OFFICER" }, id: { not: viewer.id } });
    specs.push({
      action: "AUTHORISE",
      area: "other",
      title: "Authorise someone to investigate",
      hint: "Recorded with who authorised and when.",
      fields: [
        { kind: "select", name: "officerId", label: "Person", options: officers, placeholder: "Choose a person" },
      ],
      submit: "Authorise",
      tone: "secondary",
      why: [
        {
          ruleId: "CWC-C3",
          text: "Investigators are the Chief Executive, the Director of Governance or a person they authorise.",
        },
      ],
    });
    specs.push({
      action: "SET_INVESTIGATOR",
      area: "other",
      title: "Set the investigator",
      fields: [
        {
          kind: "select",
          name: "officerId",
          label: "Investigator",
          options: officers,
          placeholder: "Choose the investigator",
        },
      ],
      submit: "Set the investigator",
      tone: "secondary",
      why: [{ ruleId: "CWC-C3", text: "Anyone else must first be authorised." }],
    });
  }
  specs.push(...(await involvementSpecs(row, viewer)));
  if (c.nominate)
    specs.push({
      action: "NOMINATE",
      area: "other",
      title: "Nominate an officer to deal with it",
      fields: [
        {
          kind: "select",
          name: "officerId",
          label: "Officer",
          options: await people(viewer, { roles: { has: "OFFICER" }, id: { not: viewer.id } }),
          placeholder: "Choose an officer",
        },
      ],
      submit: "Nominate",
      tone: "secondary",
      why: [
        {
          ruleId: "CWC-C5",
          text: "Officer conduct is dealt with by the Chief Executive or their nominated officer.",
        },
      ],
    });
  return specs;
}

// ---- Briefings -----------------------------------------------------------------------------------------------------

/** DEF-B3 / equal treatment (e.g. CWC-B5, HAL-B2): the decider sees other groups' briefings on the same subject. */
async function sameSubjectBriefings(row: VisibleRequest, viewer: Viewer): Promise<SameSubject[]> {
  if (!row.subjectKey) return [];
  const others = await db().request.findMany({
    where: {
      councilId: viewer.council.id,
      type: "BRIEFING",
      subjectKey: row.subjectKey,
      id: { not: row.id },
      status: { in: ["SUBMITTED", "ACCEPTED", "COMPLETED", "DECLINED"] },
    },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, reference: true, status: true, createdAt: true, groupId: true },
  });
  const groupIds = others.map((o) => o.groupId).filter((g): g is string => !!g);
  const groups = await db().partyGroup.findMany({
    where: { id: { in: groupIds } },
    select: { id: true, name: true },
  });
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return others
    .filter((o) => o.groupId !== row.groupId)
    .map((o) => ({
      id: o.id,
      reference: o.reference,
      group: groupNames.get(o.groupId ?? "") ?? "Another group",
      status: STATUS_LABELS[o.status] ?? o.status,
      accepted: ["ACCEPTED", "COMPLETED"].includes(o.status),
      at: o.createdAt.toISOString(),
    }));
}

async function briefingSpecs(
  profile: CouncilProfile,
  row: VisibleRequest,
  viewer: Viewer,
  now: Date,
): Promise<{ specs: ActionSpec[]; sameSubject: SameSubject[] }> {
  const b = profile.briefing;
  const proposed = (row.data as { proposedDate?: string | null }).proposedDate ?? null;
  const available = availableBriefingActions(profile, toBriefing(row), viewer, proposed, londonDate(now));
  const sameSubject = available.includes("ACCEPT") ? await sameSubjectBriefings(row, viewer) : [];
  const specs: ActionSpec[] = [];
  for (const a of available) {
    if (a === "ACCEPT")
      specs.push({
        action: a,
        area: "decide",
        title: "Accept the request",
        hint: "You then invite the officers who will attend or write.",
        fields: [],
        submit: "Accept",
      });
    else if (a === "DECLINE") {
      const grounds = [
        ...new Set<"OTHER" | "PARTY_POLITICAL_MATTER" | "PREJUDICES_NEUTRALITY">([
          "OTHER",
          ...(b.councilBusinessOnly.value ? (["PARTY_POLITICAL_MATTER"] as const) : []),
          "PREJUDICES_NEUTRALITY",
        ]),
      ];
      specs.push({
        action: a,
        area: "decide",
        title: "Decline the request",
        fields: [
          { kind: "select", name: "ground", label: "Ground", options: groundOptions(grounds) },
          ...(sameSubject.some((s) => s.accepted)
            ? [
                {
                  kind: "checkbox",
                  name: "notSameSubject",
                  label: "This is not the same subject as the briefing accepted for another group",
                  hint: "Say why in your reasons. The Monitoring Officer can audit it (DEF-B3).",
                } as FieldSpec,
              ]
            : []),
          reasons("Written reasons", "Shown to the group. Declining needs reasons."),
        ],
        submit: "Decline the request",
        tone: "warning",
        why: [
          {
            ruleId: b.equalTreatment.ruleId,
            text: "Groups are treated alike: a subject accepted for one group cannot be declined for another.",
          },
          { ruleId: "DEF-B8", text: "Declining a subject already accepted for another group needs reasons." },
        ],
      });
    } else if (a === "INVITE")
      specs.push({
        action: a,
        area: "other",
        title: "Invite an officer to attend or write",
        hint: "Officers are invited, never instructed: the officer accepts or declines in person.",
        fields: [
          {
            kind: "select",
            name: "officerId",
            label: "Officer",
            options: await people(viewer, { roles: { has: "OFFICER" }, id: { not: viewer.id } }),
            placeholder: "Choose an officer",
          },
          reasons("Why this officer? (if your protocol asks)"),
        ],
        submit: "Invite",
        tone: "secondary",
        why: [
          {
            ruleId: b.invitationsOnly.ruleId,
            text: "No one can instruct an officer to advise or attend a group.",
          },
        ],
      });
    else if (a === "COMPLETE")
      specs.push({
        action: a,
        area: "decide",
        title: "Record the briefing as held",
        fields: [
          { kind: "text", name: "minutesSpent", label: "Time spent, in minutes", inputMode: "numeric" },
          ...(b.leaveBeforeDecision.value
            ? [
                yesNo(
                  "leftBeforeDecision",
                  "Did officers leave before any decision was taken?",
                  "Yes",
                  "No, an officer was present for a decision",
                ),
              ]
            : []),
          {
            kind: "textarea",
            name: "notes",
            label: "Notes of the briefing (optional)",
            hint: "Confidential to the group that asked for it and the officers involved.",
          },
        ],
        submit: "Record as held",
      });
    else if (a === "ATTENDEE_ANSWER")
      specs.push({
        action: a,
        area: "decide",
        title: "Answer your invitation",
        fields: [
          yesNo("attend", "Will you attend or write for the group?", "Yes, I accept", "No, I decline"),
          reasons("Reasons (needed to decline)"),
        ],
        submit: "Send your answer",
      });
    else if (a === "PROPOSE_DATE")
      specs.push({
        action: a,
        area: "other",
        title: "Propose another date",
        fields: [
          { kind: "date", name: "date", label: "Proposed date" },
          { kind: "text", name: "startTime", label: "Start time (optional)", hint: "For example, 18:30" },
          {
            kind: "text",
            name: "durationMinutes",
            label: "Expected length in minutes (optional)",
            inputMode: "numeric",
          },
          reasons(
            "Why another date?",
            "Shown to the group. Short notice is not a reason to decline a subject accepted for another group.",
          ),
        ],
        submit: "Propose the date",
        tone: "secondary",
      });
    else if (a === "ACCEPT_DATE")
      specs.push({
        action: a,
        area: "decide",
        title: "Accept the proposed date",
        hint: `The officer proposes ${formatDate(proposed!)}.`,
        fields: [],
        submit: "Accept the date",
      });
    else if (a === "OPT_IN")
      specs.push({
        action: a,
        area: "decide",
        title:
          row.kind === "OFFERED"
            ? "Take up this briefing for your group"
            : "Join this joint briefing for your group",
        fields: [],
        submit: row.kind === "OFFERED" ? "Take up the briefing" : "Opt in for my group",
        why: [{ ruleId: "DEF-B7", text: "A joint briefing goes ahead once each group's leader has opted in." }],
      });
  }
  return { specs, sameSubject };
}

// ---- Town council --------------------------------------------------------------------------------------------------

async function clerkDecisionSpec(row: VisibleRequest, viewer: Viewer): Promise<ActionSpec> {
  const staff = await staffWorkload(viewer);
  const leadership = await listLeadershipMeetings(viewer);
  const options = staff.map((s) => ({ value: s.id, label: personLabel(s) }));
  return {
    action: "CLERK_DECISION",
    area: "decide",
    title: "Decide the request",
    fields: [
      {
        kind: "table",
        caption: "Staff workload now (HTC-D2)",
        headers: ["Officer", "Open items and estimated hours"],
        rows: staff.map((s) => [
          personLabel(s),
          `${s.openItems} open, ${s.estimatedHours} hours estimated${s.capacityHours ? ` of ${s.capacityHours} hours a week` : ""}`,
        ]),
      },
      {
        kind: "radios",
        name: "clerkOutcome",
        legend: "Your decision",
        options: [
          { value: "ACCEPT", label: "Accept and allocate" },
          { value: "MODIFY", label: "Accept with changes to scope or timing" },
          { value: "DECLINE", label: "Decline" },
        ],
      },
      {
        kind: "select",
        name: "allocatedOfficerId",
        label: "Officer who will do the work",
        options,
        placeholder: "Choose an officer",
        initial: (row.data as { preferredOfficerId?: string | null }).preferredOfficerId ?? "",
      },
      {
        kind: "radios",
        name: "workloadFinding",
        legend: "Does the task fit the officer's workload?",
        options: [
          { value: "WITHIN_WORKLOAD", label: "Yes, within workload" },
          { value: "NOT_WITHIN_WORKLOAD", label: "No, not within workload" },
        ],
      },
      { kind: "textarea", name: "workloadNote", label: "Workload note" },
      {
        kind: "radios",
        name: "appropriateness",
        legend: "Is the request appropriate?",
        options: [
          { value: "APPROPRIATE", label: "Yes" },
          { value: "NOT_APPROPRIATE", label: "No" },
        ],
      },
      reasons(
        "Reasons",
        "Needed to modify or decline, or when the request is not appropriate. Shown to the member.",
      ),
      yesNo("informAllMembers", "Should all members be told of this request?", "Yes, tell all members", "No"),
      ...(leadership.length
        ? [
            {
              kind: "select",
              name: "leadershipMeetingId",
              label: "Was this discussed at a Leadership Team meeting? (optional)",
              hint: "Such a meeting gives preliminary consideration only; the decision is yours. (HTC-D9)",
              options: leadership.map((m) => ({
                value: m.id,
                label: `Decided at the meeting of ${formatDate(m.date)}`,
              })),
              placeholder: "No, decided by me",
            } as FieldSpec,
          ]
        : []),
      authority(),
    ],
    submit: "Record your decision",
  };
}

/** DEF-D4 / HTC-D8: the meeting an agenda item is listed for, and the Town Clerk's listing and advice actions. */
async function agendaItem(
  row: VisibleRequest,
  viewer: Viewer,
  closed: boolean,
  now: Date,
): Promise<{ meeting: RequestPage["agendaMeeting"]; specs: ActionSpec[] }> {
  const meetingId = row.meetingId ?? (row.data as { meetingId?: string | null }).meetingId ?? null;
  const m = meetingId
    ? await db().meeting.findFirst({
        where: { id: meetingId, councilId: viewer.council.id },
        select: { id: true, title: true, date: true },
      })
    : null;
  const meeting = m ? { id: m.id, title: m.title, date: m.date.toISOString().slice(0, 10) } : null;
  if (closed || !viewer.roles.includes("TOWN_CLERK")) return { meeting, specs: [] };
  const meetings = await db().meeting.findMany({
    where: {
      councilId: viewer.council.id,
      date: { gte: new Date(`${londonDate(now)}T00:00:00Z`) },
      // Only meetings whose agenda is still open (and not cancelled) can take an item.
      publishedAt: null,
      cancelledAt: null,
      id: { not: meetingId ?? "" },
    },
    orderBy: { date: "asc" },
    take: 12,
    select: { id: true, title: true, date: true },
  });
  return {
    meeting,
    specs: [
      {
        action: "ASSIGN_MEETING",
        area: "other",
        title: "List it for a meeting",
        hint: meeting
          ? `Now listed for ${meeting.title} on ${formatDate(meeting.date)}. A member's item cannot be declined: it can be moved to another meeting.`
          : undefined,
        fields: [
          {
            kind: "select",
            name: "meetingId",
            label: "Meeting",
            options: meetings.map((x) => ({
              value: x.id,
              label: `${x.title}, ${formatDate(x.date.toISOString().slice(0, 10))}`,
            })),
            placeholder: "Choose a meeting",
          },
        ],
        submit: "List it",
        tone: "secondary",
        why: [{ ruleId: "DEF-D4", text: "The Town Clerk cannot decline or withdraw a member's item." }],
      },
      {
        action: "ADD_ADVICE",
        area: "other",
        title: "Add procedural advice",
        fields: [
          {
            kind: "textarea",
            name: "advice",
            label: "Procedural advice",
            hint: "Shown to the member and with the item.",
          },
        ],
        submit: "Add the advice",
        tone: "secondary",
      },
    ],
  };
}

/** A report for the group, written as for the committee or panel (HAL-B6, WIG-B4). */
async function groupReportSpec(
  viewer: Viewer,
  rule: NonNullable<CouncilProfile["briefing"]["reportRules"]>,
): Promise<ActionSpec> {
  const committees = await councilCommittees(viewer);
  const committee: FieldSpec = {
    kind: "select",
    name: "committeeId",
    label: rule.value === "HAL" ? "Committee it is written for" : "Panel it is written for",
    hint: rule.value === "HAL" ? "Needed for a report on a potential decision." : undefined,
    options: committees.map((c) => ({ value: c.id, label: c.name })),
    placeholder: "Choose",
  };
  const fields: FieldSpec[] =
    rule.value === "HAL"
      ? [
          {
            kind: "radios",
            name: "classification",
            legend: "What is the report about?",
            options: [
              {
                value: "POTENTIAL_DECISION",
                label: "A potential decision (budget choices, for example)",
                hint: "Written as for the committee, completing its report template",
              },
              { value: "POLICY_PRINCIPLE", label: "Policy or principle", hint: "May be informal" },
            ],
          },
          committee,
          ...GROUP_REPORT_SECTIONS.map((k, i): FieldSpec => ({
            kind: "textarea",
            name: `section${i + 1}`,
            label: k,
            rows: 3,
          })),
          {
            kind: "textarea",
            name: "body",
            label: "Report (for policy or principle, or anything further)",
            rows: 6,
          },
        ]
      : [
          committee,
          { kind: "textarea", name: "legalImplications", label: "Legal implications", rows: 3 },
          { kind: "textarea", name: "financialImplications", label: "Financial implications", rows: 3 },
          { kind: "textarea", name: "body", label: "Report", rows: 6 },
        ];
  return {
    action: "WRITE_REPORT",
    area: "other",
    title: "Write a report for the group",
    hint: "Confidential to the group, like the briefing.",
    fields,
    submit: "Issue the report",
    tone: "secondary",
    why: [
      {
        ruleId: rule.ruleId,
        text:
          rule.value === "HAL"
            ? "A report on potential decision-making is written as if for the relevant committee."
            : "A report to a group is written as for the panel, with legal and financial advice.",
      },
    ],
  };
}

// ---- Sharing -------------------------------------------------------------------------------------------------------

/** Sharing a reply or briefing (CWC-A9, WIG-A8, DEF-B5, C2007-B1) and, for the Town Clerk, marking it public (HTC-A4). */
async function sharingSpecs(row: VisibleRequest, viewer: Viewer): Promise<ActionSpec[]> {
  const specs: ActionSpec[] = [];
  const answered =
    (row.type === "INFORMATION" && row.status === "GRANTED") ||
    (row.type === "BRIEFING" && ["ACCEPTED", "COMPLETED"].includes(row.status));
  if (!answered) return specs;
  const marked = row.messages.filter((m) => m.marking !== "NONE" && !m.madePublicAt);
  if (marked.length && viewer.roles.includes("TOWN_CLERK"))
    specs.push({
      action: "MARK_PUBLIC",
      area: "other",
      title: "Record that the confidential information is now public",
      fields: [reasons("Why, and where, was it made public?")],
      submit: "Mark as public",
      tone: "secondary",
      why: [{ ruleId: "HTC-A4", text: "Confidential information stays confidential until it is made public." }],
    });
  const targets = await shareTargets(viewer, row);
  if (!targets.members.length && !targets.groups.length) return specs;
  const fields: FieldSpec[] = [];
  if (targets.members.length)
    fields.push({
      kind: "select",
      name: "userId",
      label: "Share with a councillor",
      options: targets.members.map((m) => ({ value: m.id, label: m.name })),
      placeholder: "Choose a councillor",
    });
  if (targets.groups.length)
    fields.push({
      kind: "select",
      name: "groupId",
      label: targets.members.length ? "Or share with a whole group" : "Share with a group",
      options: targets.groups.map((g) => ({ value: g.id, label: g.name })),
      placeholder: "Choose a group",
    });
  specs.push({
    action: "SHARE",
    area: "other",
    title: row.type === "BRIEFING" ? "Agree to share this briefing" : "Share this reply",
    hint: "They can then read the request and its reply. The sharing is recorded.",
    fields,
    submit: "Share",
    tone: "secondary",
    why: [
      {
        ruleId: "DEF-B5",
        text: "Group content is shared beyond the group only with the agreement of its Leader.",
      },
    ],
  });
  return specs;
}

// ---- The page ------------------------------------------------------------------------------------------------------

export async function loadRequestPage(viewer: Viewer, id: string, now: Date): Promise<RequestPage> {
  const row = await findVisibleRequest(viewer, id);
  const detail = toRequestDetail(viewer, row);
  await logConfidentialView(viewer, row.id, detail.messages);
  const profile = profileOf(viewer);
  const full = detail.level === "FULL";
  const specs: ActionSpec[] = [];
  const waiting: string[] = [];
  let sameSubject: SameSubject[] = [];
  let agendaMeeting: RequestPage["agendaMeeting"] = null;
  if (row.type === "INFORMATION" && full) {
    const info = await informationSpecs(profile, row, viewer);
    specs.push(...info.specs);
    waiting.push(...info.waiting);
  }
  if (row.type === "COMPLAINT" && full) specs.push(...(await complaintSpecs(profile, row, viewer, now)));
  // Invited officers hold summary access and may answer their invitation (HAL-B1): metadata-only access acts on nothing.
  if (row.type === "BRIEFING" && detail.level !== "METADATA") {
    const b = await briefingSpecs(profile, row, viewer, now);
    specs.push(...b.specs);
    sameSubject = b.sameSubject;
  }
  if (row.type === "ASSISTANCE" && row.status === "SUBMITTED" && viewer.roles.includes("TOWN_CLERK"))
    specs.push(await clerkDecisionSpec(row, viewer));
  if (
    row.type === "ASSISTANCE" &&
    ["ACCEPTED", "MODIFIED"].includes(row.status) &&
    viewer.roles.includes("TOWN_CLERK")
  ) {
    const staff = await staffWorkload(viewer);
    specs.push({
      action: "ALLOCATE",
      area: "other",
      title: "Reallocate to another member of staff",
      fields: [
        {
          kind: "select",
          name: "officerId",
          label: "Member of staff",
          options: staff
            .filter((s) => s.id !== row.allocatedToId)
            .map((s) => ({ value: s.id, label: personLabel(s) })),
          placeholder: "Choose a member of staff",
        },
      ],
      submit: "Reallocate",
      tone: "secondary",
      why: [{ ruleId: "HTC-D5", text: "Only the Town Clerk allocates or reallocates staff work." }],
    });
  }
  if (row.type === "CODE_BREACH" && row.status === "REPORTED" && viewer.roles.includes("TOWN_CLERK"))
    specs.push({
      action: "CODE_BREACH_DECISION",
      area: "decide",
      title: "Decide whether to ask the Monitoring Officer",
      fields: [
        yesNo(
          "seekAdvice",
          "Seek the Monitoring Officer's advice?",
          "Yes, refer it to the Monitoring Officer",
          "No",
        ),
        reasons("Reasons for your decision"),
      ],
      submit: "Record your decision",
      why: [{ ruleId: "HTC-D7", text: "The Town Clerk decides whether to seek the Monitoring Officer's advice." }],
    });
  if (row.type === "AGENDA_ITEM") {
    const a = await agendaItem(row, viewer, detail.closed, now);
    agendaMeeting = a.meeting;
    specs.push(...a.specs);
  }
  const isRequester = requesterIdsOf(row).includes(viewer.id);
  const handles = [row.deciderId, row.allocatedToId, row.reviewerId].includes(viewer.id);
  const withdrawable =
    row.type === "INFORMATION"
      ? availableInformationActions(profile, toInfoRequest(row), viewer).actions.includes("WITHDRAW")
      : row.type === "BRIEFING"
        ? availableBriefingActions(profile, toBriefing(row), viewer).includes("WITHDRAW")
        : isRequester && ["COMPLAINT", "ASSISTANCE", "AGENDA_ITEM"].includes(row.type);
  if (isRequester && !detail.closed && full)
    specs.push({
      action: "ADD_INFORMATION",
      area: "other",
      title: "Add information",
      fields: [
        {
          kind: "textarea",
          name: "information",
          label: "Information to add",
          hint: "The officer handling your request is told.",
        },
      ],
      submit: "Add the information",
      tone: "secondary",
    });
  if (((isRequester && !detail.closed) || handles) && full)
    specs.push({
      action: "ATTACH",
      area: "other",
      title: "Attach a file",
      fields: [
        {
          kind: "file",
          name: "file",
          label: "File",
          hint: "PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG, up to 5 MB.",
        },
        ...(handles
          ? [
              {
                kind: "select",
                name: "marking",
                label: "Is the file exempt or confidential?",
                hint: "A marked file carries a notice and can never be shared on.",
                options: [
                  { value: "EXEMPT", label: "Exempt information" },
                  { value: "CONFIDENTIAL", label: "Confidential" },
                ],
                placeholder: "Not marked",
              } as FieldSpec,
            ]
          : []),
      ],
      submit: "Attach a file",
      tone: "secondary",
    });
  if (full) specs.push(...(await sharingSpecs(row, viewer)));
  specs.push(...followUpSpecs(row, viewer, now), ...timeSpecs(row, viewer), ...noteSpecs(row, viewer));
  if (row.type === "BRIEFING" && full && ["ACCEPTED", "COMPLETED"].includes(row.status)) {
    const takesPart =
      row.deciderId === viewer.id ||
      row.attendees.some((a) => a.officerId === viewer.id && a.status === "ACCEPTED");
    const rule = profile.briefing.reportRules;
    if (takesPart && rule) specs.push(await groupReportSpec(viewer, rule));
    if (takesPart)
      specs.push({
        action: "ADD_NOTES",
        area: "other",
        title: "Add notes of the briefing",
        fields: [
          {
            kind: "textarea",
            name: "notes",
            label: "Notes",
            hint: "Confidential to the group that asked for the briefing and the officers taking part.",
          },
        ],
        submit: "Add the notes",
        tone: "secondary",
        why: [
          { ruleId: "DEF-B6", text: "Briefing content is seen by the requesting group and the officers in it." },
        ],
      });
  }
  if (withdrawable && !detail.closed)
    specs.push({
      action: "WITHDRAW",
      area: "other",
      title: "Withdraw this request",
      hint: "The officer handling it is told. A withdrawn request cannot be reopened.",
      fields: [],
      submit: "Withdraw this request",
      tone: "warning",
    });

  const attendeeRows = row.type === "BRIEFING" && full ? row.attendees : [];
  const names = new Map(row.people.map((u) => [u.id, personLabel(u)]));
  const people = new Map(row.people.map((u) => [u.id, u.name]));
  const files = full ? await listAttachments(id) : [];
  const notices = full
    ? row.events
        .filter((e) => e.action === "GRANT" || e.action === "REFUSE")
        .flatMap((e) => (e.data as { notices?: { ruleId: string; text: string }[] }).notices ?? [])
    : [];
  const refusal = full ? ((row.data as { refusal?: { ground: string; reasons: string } }).refusal ?? null) : null;
  const wardId = (row.data as { wardId?: string | null }).wardId;
  const ward =
    full && wardId
      ? ((
          await db().ward.findFirst({
            where: { id: wardId, councilId: viewer.council.id },
            select: { name: true },
          })
        )?.name ?? null)
      : null;
  const answers = await memberAnswers(viewer, row, detail.level, ward);
  const serious = row.type === "COMPLAINT" && full && isSeriousComplaint(row.data);
  const proposedId =
    row.type === "BRIEFING" ? (row.data as { proposedAttendeeId?: string | null }).proposedAttendeeId : null;
  const proposed =
    full && proposedId
      ? await db().user.findFirst({
          where: { id: proposedId, councilId: viewer.council.id },
          select: { name: true, jobTitle: true },
        })
      : null;
  return {
    detail,
    specs,
    sameSubject,
    files: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
      marking: f.marking,
      madePublicAt: f.madePublicAt?.toISOString() ?? null,
      uploadedBy: people.get(f.uploadedById) ?? "A former user",
    })),
    attendees: attendeeRows.map((a) => ({
      id: a.id,
      name: names.get(a.officerId) ?? "A former officer",
      status: a.status,
    })),
    agendaMeeting,
    notices,
    refusal: refusal
      ? { ...refusal, groundLabel: GROUND_LABELS[refusal.ground as keyof typeof GROUND_LABELS] ?? refusal.ground }
      : null,
    waiting,
    answers,
    serious,
    proposedAttendee: proposed ? personLabel(proposed) : null,
  };
}
