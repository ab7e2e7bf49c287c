// The request page's action forms: one handler that checks the posted values and dispatches to the use case for the
// request's type. The page's "decide" form names its fields `ACTION__field` (lib/requests/action-specs.ts); they are
// read here as `field`. Destructive steps (withdrawing) ask for confirmation first and run only with `confirmed`.
import "server-only";
import { z } from "zod";
import { londonDate } from "@/lib/dates";
import { FUTURE_EVENT_YEARS, ID_PATTERN, optionalDate, optionalText, shiftYears } from "@/lib/validation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { addInformation } from "@/lib/requests/add-information";
import { sendAdvisoryNote } from "@/lib/requests/advisory";
import { addAttachment, type Upload } from "@/lib/requests/attachments";
import { addInternalNote } from "@/lib/requests/internal-notes";
import { changeDue } from "@/lib/requests/due-changes";
import { followUp } from "@/lib/requests/follow-up";
import {
  actOnBriefing,
  addBriefingNotes,
  GROUP_REPORT_SECTIONS,
  issueGroupReport,
} from "@/lib/requests/briefings";
import { actOnComplaint } from "@/lib/requests/complaints";
import { actOnInformationRequest } from "@/lib/requests/information";
import { markReplyPublic, shareRequest } from "@/lib/requests/sharing";
import {
  actOnAgendaItem,
  decideAssistanceRequest,
  decideCodeBreach,
  reallocateAssistance,
} from "@/lib/requests/town-council";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { durationMinutes, startTime, zodFieldErrors } from "@/lib/requests/schema";
import { visibleWithId } from "@/lib/requests/visibility";
import type { RefusalGround } from "@/lib/protocol/profiles/types";
import { errorsFrom } from "./types";
import { db } from "@/lib/db";
import { recordPath } from "@/lib/section-e/paths";
import { AUTHORITY_STEPS, checkDecisionAuthority, decisionAuthorityWriter } from "@/lib/section-e/authority";
import { withStep } from "@/lib/requests/store";

import type { ActionState } from "@/lib/requests/action-specs";
export type { ActionState };
export type ActionOutcome = ActionState | { done: string; requestId: string };

export const REQUEST_ACTIONS = [
  "WITHDRAW",
  "REQUEST_REVIEW",
  "MEMBER_RESPONDS",
  "GRANT",
  "REFUSE",
  "UPHOLD",
  "OVERTURN",
  "CLOSE",
  "REQUEST_JUSTIFICATION",
  "APPLY_NEED_TO_KNOW_TEST",
  "PROPOSE_SCOPE",
  "ISSUE_ANOTHER_MEMBER_NOTICE",
  "MARK_READILY_AVAILABLE",
  "REFER_FOR_ADVICE",
  "CHAIR_ADVICE",
  "REFER_TO_COMMITTEE",
  "RECORD_COMMITTEE_INSTRUCTIONS",
  "RECORD_GOVERNANCE_ADVICE",
  "ADD_INFORMATION",
  "ESCALATE",
  "ACKNOWLEDGE",
  "RECORD_OUTCOME",
  "CLASSIFY_PARTY_DISCIPLINE",
  "AUTHORISE",
  "SET_INVESTIGATOR",
  "NOMINATE",
  "CONSULT",
  "DELEGATE",
  "INVOLVE",
  "CONVERT_TO_CODE",
  "ACCEPT",
  "DECLINE",
  "OPT_IN",
  "CLERK_DECISION",
  "CODE_BREACH_DECISION",
  "INVITE",
  "ATTENDEE_ANSWER",
  "COMPLETE",
  "ADD_NOTES",
  "ATTACH",
  "PROPOSE_DATE",
  "ACCEPT_DATE",
  "ALLOCATE",
  "TRIAGE",
  "ASSIGN_MEETING",
  "ADD_ADVICE",
  "SHARE",
  "MARK_PUBLIC",
  "ADVISORY_NOTE",
  "WRITE_REPORT",
  "INTERNAL_NOTE",
  "DRAFT_REPLY",
  "EXTEND_DUE",
  "PAUSE_DUE",
  "RESUME_DUE",
  "FOLLOW_UP",
] as const;
export type RequestActionName = (typeof REQUEST_ACTIONS)[number];

/** Actions that cannot be undone: the page asks first. */
const CONFIRM: Partial<Record<RequestActionName, string>> = {
  WITHDRAW: "Are you sure you want to withdraw this request? It cannot be reopened.",
};

const long = optionalText(5000);
/** An id picked from a list on the page: "" when none; a forged value is refused before any query. */
const pickedId = z
  .string()
  .optional()
  .default("")
  .refine((v) => v === "" || ID_PATTERN.test(v), "Choose from the list");
/** Several ids picked with checkboxes, one per line. */
const pickedIds = z
  .string()
  .max(65 * 200)
  .optional()
  .default("")
  .transform((v) => v.split("\n").filter(Boolean))
  .refine((ids) => ids.every((i) => ID_PATTERN.test(i)), "Choose from the list");
const yesNo = z.enum(["yes", "no"]).optional();
const checked = z
  .literal("yes")
  .optional()
  .transform((v) => v === "yes");
/** A proposed briefing date: today to two years ahead. */
const proposedDate = optionalDate("The proposed date", () => {
  const today = londonDate(new Date());
  return { min: today, max: shiftYears(today, FUTURE_EVENT_YEARS) };
}).transform((v) => v ?? "");
const code = (max: number, message: string) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Z_]*$/, message)
    .optional()
    .default("");

const schema = z.object({
  requestId: z.string().regex(ID_PATTERN, "That request was not found"),
  action: z.enum(REQUEST_ACTIONS, "Choose what you want to do"),
  confirmed: checked,
  reasons: long,
  /** The body or delegation a decision is made under (HAL-E5, WIG-E8, HTC-E3, C2007-E5). */
  authority: optionalText(300),
  response: long,
  reply: long,
  information: long,
  question: long,
  proposal: long,
  estimate: optionalText(200),
  ground: code(40, "Choose a ground from the list"),
  outcome: code(60, "Choose an outcome from the list"),
  marking: z
    .enum(["", "NONE", "EXEMPT", "CONFIDENTIAL", "PROCEDURAL_ADVICE"])
    .optional()
    .transform((v) => v || undefined),
  onNeedToKnow: checked,
  inStages: checked,
  notSameSubject: checked,
  agrees: yesNo,
  scope: z.enum(["ACCEPT", "AMEND", "KEEP"]).optional(),
  clerkOutcome: z.enum(["ACCEPT", "MODIFY", "DECLINE"]).optional(),
  workloadFinding: z.enum(["WITHIN_WORKLOAD", "NOT_WITHIN_WORKLOAD"]).optional(),
  workloadNote: long,
  appropriateness: z.enum(["APPROPRIATE", "NOT_APPROPRIATE"]).optional(),
  informAllMembers: yesNo,
  allocatedOfficerId: pickedId,
  seekAdvice: yesNo,
  officerId: pickedId,
  chairId: pickedId,
  groupId: pickedId,
  userId: pickedId,
  recipientId: pickedId,
  leadershipMeetingId: pickedId,
  committeeId: pickedId,
  classification: z.enum(["POTENTIAL_DECISION", "POLICY_PRINCIPLE"]).optional(),
  legalImplications: long,
  financialImplications: long,
  section1: long,
  section2: long,
  section3: long,
  section4: long,
  body: optionalText(20000),
  concernedMemberIds: pickedIds,
  attend: yesNo,
  minutesSpent: z
    .string()
    .trim()
    .max(6)
    .optional()
    .default("")
    .refine((v) => v === "" || /^\d+$/.test(v), "Enter the time spent in whole minutes, like 45"),
  leftBeforeDecision: yesNo,
  date: proposedDate,
  notes: long,
  serviceId: pickedId,
  meetingId: pickedId,
  advice: long,
  codeProvision: long,
  draft: long,
  holdingReply: long,
  dueDate: optionalDate("The new due date", () => {
    const today = londonDate(new Date());
    return { min: shiftYears(today, -1), max: shiftYears(today, FUTURE_EVENT_YEARS) };
  }).transform((v) => v ?? ""),
  startTime,
  durationMinutes,
  minuteReference: optionalText(100),
  instructions: long,
  meetingDate: optionalDate("The date of the meeting", () => {
    const today = londonDate(new Date());
    return { min: shiftYears(today, -FUTURE_EVENT_YEARS), max: today };
  }).transform((v) => v ?? ""),
});
type Parsed = z.infer<typeof schema>;

/** Workflow field names → the request page's form field names. */
const FIELD_ALIASES: Record<string, string> = {
  informalNotResolvedReasons: "reasons",
  proposedDate: "date",
  nomineeId: "officerId",
  investigator: "officerId",
  reason: "reasons",
  note: "notes",
  notSameSubjectConfirmed: "notSameSubject",
};

/** The decide form's `ACTION__field` names as plain field names, for the chosen action only. */
export function normaliseActionValues(values: Record<string, string>): Record<string, string> {
  const action = values.action ?? "";
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const i = k.indexOf("__");
    if (i < 0) out[k] ??= v;
    else if (k.slice(0, i) === action) out[k.slice(i + 2)] = v;
  }
  return out;
}

const required = (field: string, message: string): never => {
  throw new AppError("VALIDATION", message, { [field]: message });
};

async function actOnInformation(viewer: Viewer, d: Parsed, now: Date, file: Upload | null): Promise<void> {
  const act = (a: Parameters<typeof actOnInformationRequest>[2]) =>
    actOnInformationRequest(viewer, d.requestId, a, now);
  switch (d.action) {
    case "TRIAGE":
      if (!d.serviceId) required("serviceId", "Choose the service that should answer the request");
      return act({ type: "TRIAGE", serviceId: d.serviceId, deciderId: "" });
    case "ALLOCATE":
      if (!d.officerId) required("officerId", "Choose the officer to assign the request to");
      return act({ type: "ALLOCATE", officerId: d.officerId, officerServiceId: null });
    case "REQUEST_REVIEW":
    case "UPHOLD":
    case "OVERTURN":
      return act({ type: d.action, reasons: d.reasons });
    case "MEMBER_RESPONDS":
      return act({
        type: "MEMBER_RESPONDS",
        response: d.response,
        agrees: d.agrees === undefined ? undefined : d.agrees === "yes",
        scope: d.scope,
      });
    case "GRANT":
      // A file chosen with the reply is checked first, so a bad file loses nothing (the reply is not yet sent).
      if (file) await addAttachment(viewer, d.requestId, file);
      return act({ type: "GRANT", reply: d.reply, marking: d.marking ?? "NONE", inStages: d.inStages });
    case "REFUSE":
      // No ground chosen is refused by the engine after the reasons (the protocol's own rule is named first).
      return act({
        type: "REFUSE",
        ground: d.ground as RefusalGround,
        reasons: d.reasons,
        onNeedToKnow: d.onNeedToKnow,
      });
    case "CLOSE":
      return act({ type: "CLOSE", response: d.response });
    case "REQUEST_JUSTIFICATION":
      return act({ type: "REQUEST_JUSTIFICATION", question: d.question });
    case "APPLY_NEED_TO_KNOW_TEST":
      return act({ type: "APPLY_NEED_TO_KNOW_TEST", question: d.question });
    case "PROPOSE_SCOPE":
      return act({ type: "PROPOSE_SCOPE", estimate: d.estimate, proposal: d.proposal });
    case "ISSUE_ANOTHER_MEMBER_NOTICE":
      if (!d.concernedMemberIds.length)
        required("concernedMemberIds", "Choose the councillor the request concerns");
      return act({ type: "ISSUE_ANOTHER_MEMBER_NOTICE", concernedMemberIds: d.concernedMemberIds });
    case "MARK_READILY_AVAILABLE":
      return act({ type: "MARK_READILY_AVAILABLE" });
    case "REFER_FOR_ADVICE":
      if (!d.chairId) required("chairId", "Choose the Chairman to ask");
      return act({ type: "REFER_FOR_ADVICE", chairId: d.chairId, reasons: d.reasons });
    case "CHAIR_ADVICE":
      return act({ type: "CHAIR_ADVICE", advice: d.advice });
    case "REFER_TO_COMMITTEE":
      if (!d.committeeId) required("committeeId", "Choose the committee");
      return act({ type: "REFER_TO_COMMITTEE", committeeId: d.committeeId, reasons: d.reasons });
    case "RECORD_COMMITTEE_INSTRUCTIONS":
      return act({
        type: "RECORD_COMMITTEE_INSTRUCTIONS",
        meetingDate: d.meetingDate,
        minuteReference: d.minuteReference,
        instructions: d.instructions,
      });
    case "RECORD_GOVERNANCE_ADVICE":
      return act({ type: "RECORD_GOVERNANCE_ADVICE", advice: d.advice });
    case "WITHDRAW":
      return act({ type: "WITHDRAW" });
    case "ADVISORY_NOTE":
      if (!d.recipientId) required("recipientId", "Choose the Portfolio Holder or Committee Chair");
      return sendAdvisoryNote(viewer, d.requestId, { recipientId: d.recipientId, note: d.notes });
    default:
      throw new AppError("VALIDATION", "That action does not apply to an information request.");
  }
}

async function actOnComplaintForm(viewer: Viewer, d: Parsed, now: Date): Promise<void> {
  const act = (a: Parameters<typeof actOnComplaint>[2]) => actOnComplaint(viewer, d.requestId, a, now);
  switch (d.action) {
    case "ESCALATE":
      return act({ type: "ESCALATE", informalNotResolvedReasons: d.reasons || undefined });
    case "ACKNOWLEDGE":
      return act({ type: "ACKNOWLEDGE", message: d.reasons || undefined });
    case "RECORD_OUTCOME":
      return act({ type: "RECORD_OUTCOME", outcome: d.outcome || "RESOLVED", reasons: d.reasons });
    case "CLASSIFY_PARTY_DISCIPLINE":
      return act({ type: "CLASSIFY_PARTY_DISCIPLINE", reasons: d.reasons });
    case "AUTHORISE":
      if (!d.officerId) required("officerId", "Choose the person to authorise");
      return act({ type: "AUTHORISE", userId: d.officerId });
    case "SET_INVESTIGATOR":
      if (!d.officerId) required("officerId", "Choose the investigator");
      return act({ type: "SET_INVESTIGATOR", investigator: { id: d.officerId, roles: [] }, authorisedIds: [] });
    case "NOMINATE":
      if (!d.officerId) required("officerId", "Choose the officer to nominate");
      return act({ type: "NOMINATE", nomineeId: d.officerId });
    case "CONSULT":
    case "CONVERT_TO_CODE":
      return act({ type: d.action, reasons: d.reasons, codeProvision: d.codeProvision });
    case "DELEGATE":
    case "INVOLVE":
      if (!d.officerId)
        required(
          "officerId",
          d.action === "DELEGATE" ? "Choose the senior manager" : "Choose the member of staff",
        );
      return act({ type: d.action, userId: d.officerId, reasons: d.reasons });
    case "WITHDRAW":
      return withdrawRequest(viewer, d.requestId, now);
    default:
      throw new AppError("VALIDATION", "That action does not apply to a complaint.");
  }
}

async function actOnBriefingForm(viewer: Viewer, d: Parsed, now: Date): Promise<void> {
  const act = (a: Parameters<typeof actOnBriefing>[2], extras = {}) =>
    actOnBriefing(viewer, d.requestId, a, now, extras);
  switch (d.action) {
    case "ACCEPT":
      return act({ type: "ACCEPT" });
    case "DECLINE":
      return act({
        type: "DECLINE",
        ground: (d.ground || "OTHER") as RefusalGround,
        reasons: d.reasons,
        notSameSubjectConfirmed: d.notSameSubject,
      });
    case "OPT_IN":
      if (!viewer.partyGroup) throw new AppError("VALIDATION", "You are not a member of a party group.");
      return act({ type: "OPT_IN", groupId: viewer.partyGroup.id });
    case "WITHDRAW":
      return act({ type: "WITHDRAW" });
    case "INVITE":
      if (!d.officerId) required("officerId", "Choose the officer to invite");
      return act({ type: "INVITE", officerId: d.officerId, reasons: d.reasons || undefined });
    case "ATTENDEE_ANSWER":
      if (!d.attend) required("attend", "Say whether you will attend");
      return act({ type: "ATTENDEE_ANSWER", accept: d.attend === "yes", reasons: d.reasons || undefined });
    case "PROPOSE_DATE":
      return act({
        type: "PROPOSE_DATE",
        date: d.date || null,
        reasons: d.reasons,
        startTime: d.startTime,
        durationMinutes: d.durationMinutes,
      });
    case "ACCEPT_DATE":
      return act({ type: "ACCEPT_DATE" });
    case "COMPLETE":
      return act(
        {
          type: "COMPLETE",
          minutesSpent: d.minutesSpent ? Number(d.minutesSpent) : null,
          leftBeforeDecision: d.leftBeforeDecision === undefined ? null : d.leftBeforeDecision === "yes",
        },
        { notes: d.notes },
      );
    case "ADD_NOTES":
      return addBriefingNotes(viewer, d.requestId, d.notes);
    case "WRITE_REPORT":
      return issueGroupReport(viewer, d.requestId, {
        classification: d.classification,
        committeeOrPanel: d.committeeId || null,
        legalImplications: d.legalImplications,
        financialImplications: d.financialImplications,
        sections: Object.fromEntries(
          GROUP_REPORT_SECTIONS.map((k, i) => [k, [d.section1, d.section2, d.section3, d.section4][i] ?? ""]),
        ),
        body: d.body,
      });
    default:
      throw new AppError("VALIDATION", "That action does not apply to a briefing.");
  }
}

async function actOnTownCouncil(viewer: Viewer, type: string, d: Parsed, now: Date): Promise<void> {
  if (type === "AGENDA_ITEM" && d.action === "WITHDRAW")
    return actOnAgendaItem(viewer, d.requestId, { type: "WITHDRAW" });
  if (type === "AGENDA_ITEM" && d.action === "ASSIGN_MEETING") {
    if (!d.meetingId) required("meetingId", "Choose the meeting");
    return actOnAgendaItem(viewer, d.requestId, { type: "ASSIGN_MEETING", meetingId: d.meetingId });
  }
  if (type === "AGENDA_ITEM" && d.action === "ADD_ADVICE")
    return actOnAgendaItem(viewer, d.requestId, { type: "ADD_ADVICE", advice: d.advice });
  if (type === "ASSISTANCE" && d.action === "WITHDRAW") return withdrawRequest(viewer, d.requestId, now);
  if (type === "ASSISTANCE" && d.action === "ALLOCATE") {
    if (!d.officerId) required("officerId", "Choose the member of staff");
    return reallocateAssistance(viewer, d.requestId, d.officerId);
  }
  if (type === "ASSISTANCE" && d.action === "CLERK_DECISION") {
    if (!d.clerkOutcome) required("clerkOutcome", "Choose whether to accept, modify or decline the request");
    return decideAssistanceRequest(
      viewer,
      d.requestId,
      {
        outcome: d.clerkOutcome!,
        workloadFinding: d.workloadFinding ?? null,
        workloadNote: d.workloadNote,
        appropriateness: d.appropriateness ?? null,
        reasons: d.reasons,
        informAllMembers: d.informAllMembers === undefined ? null : d.informAllMembers === "yes",
        allocatedOfficerId: d.allocatedOfficerId || null,
        leadershipMeetingId: d.leadershipMeetingId || null,
      },
      now,
    );
  }
  if (type === "CODE_BREACH" && d.action === "CODE_BREACH_DECISION")
    return decideCodeBreach(
      viewer,
      d.requestId,
      { seekAdvice: d.seekAdvice === undefined ? null : d.seekAdvice === "yes", reasons: d.reasons },
      now,
    );
  throw new AppError("VALIDATION", "That action is not available here.");
}

/** Actions on any type of request: adding information or a file, sharing, marking public. */
async function actOnAnyRequest(viewer: Viewer, d: Parsed, now: Date, file: Upload | null): Promise<boolean> {
  switch (d.action) {
    case "ADD_INFORMATION":
      await addInformation(viewer, d.requestId, d.information);
      return true;
    case "FOLLOW_UP":
      await followUp(viewer, d.requestId, d.question, now);
      return true;
    case "EXTEND_DUE":
      await changeDue(
        viewer,
        d.requestId,
        { type: "EXTEND_DUE", dueDate: d.dueDate, reasons: d.reasons, holdingReply: d.holdingReply },
        now,
      );
      return true;
    case "PAUSE_DUE":
      await changeDue(
        viewer,
        d.requestId,
        { type: "PAUSE_DUE", reasons: d.reasons, holdingReply: d.holdingReply },
        now,
      );
      return true;
    case "RESUME_DUE":
      await changeDue(viewer, d.requestId, { type: "RESUME_DUE" }, now);
      return true;
    case "INTERNAL_NOTE":
      await addInternalNote(viewer, d.requestId, "INTERNAL_NOTE", d.notes);
      return true;
    case "DRAFT_REPLY":
      await addInternalNote(viewer, d.requestId, "DRAFT_REPLY", d.draft);
      return true;
    case "ATTACH":
      await addAttachment(
        viewer,
        d.requestId,
        file,
        d.marking === "EXEMPT" || d.marking === "CONFIDENTIAL" ? d.marking : "NONE",
      );
      return true;
    case "SHARE":
      if (!d.userId && !d.groupId) required("userId", "Choose a councillor or a group to share with");
      await shareRequest(viewer, d.requestId, d.groupId ? { groupId: d.groupId } : { userId: d.userId });
      return true;
    case "MARK_PUBLIC":
      await markReplyPublic(viewer, d.requestId, d.reasons, now);
      return true;
    default:
      return false;
  }
}

export async function handleRequestAction(
  viewer: Viewer,
  posted: Record<string, string>,
  now: Date,
  file: Upload | null = null,
): Promise<ActionOutcome> {
  const values = posted;
  const parsed = schema.safeParse(normaliseActionValues(posted));
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    const row = await db().request.findFirst({
      where: visibleWithId(viewer, d.requestId),
      select: { id: true, type: true, kind: true },
    });
    // Section E records are acted on from their own pages only, where their rules apply (copying correspondence
    // needs the originator's consent, CWC-E1): the request page's actions do not exist for them.
    if (!row || recordPath(row)) throw new AppError("NOT_FOUND", "That request was not found.");
    const question = CONFIRM[d.action];
    if (question && !d.confirmed) return { errors: {}, values, confirm: question };
    // A decision's authority is checked before anything is saved, and shown on the timeline after the step.
    const authority = AUTHORITY_STEPS[row.type]?.includes(d.action)
      ? await checkDecisionAuthority(db(), viewer, d.authority)
      : "";
    // The authority joins the decision's own transaction (saved with it, or not at all).
    await withStep(decisionAuthorityWriter(viewer, d.action, authority), async () => {
      if (await actOnAnyRequest(viewer, d, now, file)) {
        // handled
      } else if (row.type === "INFORMATION") await actOnInformation(viewer, d, now, file);
      else if (row.type === "COMPLAINT") await actOnComplaintForm(viewer, d, now);
      else if (row.type === "BRIEFING") await actOnBriefingForm(viewer, d, now);
      else await actOnTownCouncil(viewer, row.type, d, now);
    });
  } catch (e) {
    // The engine names some fields as the workflow knows them; the form shows them where the person typed.
    const errors = errorsFrom(e);
    for (const [engine, form] of Object.entries(FIELD_ALIASES))
      if (errors[engine] && !errors[form]) errors[form] = errors[engine]!;
    for (const engine of Object.keys(FIELD_ALIASES)) delete errors[engine];
    return { errors, values };
  }
  return { done: d.action, requestId: d.requestId };
}
