// The request page's action forms: one handler that dispatches to the use case for the request's type.
import "server-only";
import { z } from "zod";
import { londonDate } from "@/lib/dates";
import { FUTURE_EVENT_YEARS, ID_PATTERN, optionalDate, optionalText, shiftYears } from "@/lib/validation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { addInformation } from "@/lib/requests/add-information";
import { addAttachment, type Upload } from "@/lib/requests/attachments";
import { actOnBriefing } from "@/lib/requests/briefings";
import { actOnComplaint } from "@/lib/requests/complaints";
import { actOnInformationRequest } from "@/lib/requests/information";
import { actOnAgendaItem, decideAssistanceRequest, decideCodeBreach } from "@/lib/requests/town-council";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { zodFieldErrors } from "@/lib/requests/schema";
import { visibleWithId } from "@/lib/requests/visibility";
import type { RefusalGround } from "@/lib/protocol/profiles/types";
import { errorsFrom } from "./types";
import { db } from "@/lib/db";

export type ActionState = { errors: Record<string, string>; values: Record<string, string> };
export type ActionOutcome = ActionState | { done: string; requestId: string };

const long = optionalText(5000);
/** An id picked from a list on the page: "" when none; a forged value is refused before any query. */
const pickedId = z
  .string()
  .optional()
  .default("")
  .refine((v) => v === "" || ID_PATTERN.test(v), "Choose from the list");
/** A proposed briefing date: today to two years ahead. */
const proposedDate = optionalDate("The proposed date", () => {
  const today = londonDate(new Date());
  return { min: today, max: shiftYears(today, FUTURE_EVENT_YEARS) };
}).transform((v) => v ?? "");
const schema = z.object({
  requestId: z.string().regex(ID_PATTERN, "That request was not found"),
  action: z.enum([
    "WITHDRAW",
    "REQUEST_REVIEW",
    "MEMBER_RESPONDS",
    "GRANT",
    "REFUSE",
    "UPHOLD",
    "OVERTURN",
    "ADD_INFORMATION",
    "ESCALATE",
    "RECORD_OUTCOME",
    "ACCEPT",
    "DECLINE",
    "CLERK_DECISION",
    "CODE_BREACH_DECISION",
    "INVITE",
    "ATTENDEE_ANSWER",
    "COMPLETE",
    "ATTACH",
    "PROPOSE_DATE",
    "ACCEPT_DATE",
    "ALLOCATE",
    "TRIAGE",
    "ASSIGN_MEETING",
    "ADD_ADVICE",
  ]),
  reasons: long,
  response: long,
  reply: long,
  information: long,
  ground: z
    .string()
    .max(40)
    .regex(/^[A-Z_]*$/, "Choose a ground from the list")
    .optional()
    .default(""),
  outcome: z
    .string()
    .max(60)
    .regex(/^[A-Z_]*$/, "Choose an outcome from the list")
    .optional()
    .default(""),
  agrees: z.enum(["yes", "no"]).optional(),
  scope: z.enum(["ACCEPT", "AMEND", "KEEP"]).optional(),
  clerkOutcome: z.enum(["ACCEPT", "MODIFY", "DECLINE"]).optional(),
  workloadFinding: z.enum(["WITHIN_WORKLOAD", "NOT_WITHIN_WORKLOAD"]).optional(),
  workloadNote: long,
  appropriateness: z.enum(["APPROPRIATE", "NOT_APPROPRIATE"]).optional(),
  informAllMembers: z.enum(["yes", "no"]).optional(),
  allocatedOfficerId: pickedId,
  seekAdvice: z.enum(["yes", "no"]).optional(),
  officerId: pickedId,
  attend: z.enum(["yes", "no"]).optional(),
  minutesSpent: z
    .string()
    .trim()
    .max(6)
    .optional()
    .default("")
    .refine((v) => v === "" || /^\d+$/.test(v), "Enter the time spent in whole minutes, like 45"),
  leftBeforeDecision: z.enum(["yes", "no"]).optional(),
  date: proposedDate,
  notes: long,
  serviceId: pickedId,
  meetingId: pickedId,
  advice: long,
});

/** Workflow field names → the request page's form field names. */
const FIELD_ALIASES: Record<string, string> = { informalNotResolvedReasons: "reasons", proposedDate: "date" };

export async function handleRequestAction(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
  file: Upload | null = null,
): Promise<ActionOutcome> {
  const prisma = db();
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    const row = await prisma.request.findFirst({
      where: visibleWithId(viewer, d.requestId),
      select: { type: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "That request was not found.");
    if (d.action === "ADD_INFORMATION") await addInformation(viewer, d.requestId, d.information);
    else if (d.action === "ATTACH") await addAttachment(viewer, d.requestId, file);
    else if (d.action === "WITHDRAW" && (row.type === "COMPLAINT" || row.type === "ASSISTANCE"))
      await withdrawRequest(viewer, d.requestId, now);
    else if (d.action === "WITHDRAW" && row.type === "AGENDA_ITEM")
      await actOnAgendaItem(viewer, d.requestId, { type: "WITHDRAW" });
    else if (row.type === "AGENDA_ITEM" && d.action === "ASSIGN_MEETING") {
      if (!d.meetingId) return { errors: { meetingId: "Choose the meeting" }, values };
      await actOnAgendaItem(viewer, d.requestId, { type: "ASSIGN_MEETING", meetingId: d.meetingId });
    } else if (row.type === "AGENDA_ITEM" && d.action === "ADD_ADVICE")
      await actOnAgendaItem(viewer, d.requestId, { type: "ADD_ADVICE", advice: d.advice });
    else if (row.type === "ASSISTANCE" && d.action === "CLERK_DECISION") {
      if (!d.clerkOutcome)
        return { errors: { clerkOutcome: "Choose whether to accept, modify or decline the request" }, values };
      await decideAssistanceRequest(
        viewer,
        d.requestId,
        {
          outcome: d.clerkOutcome,
          workloadFinding: d.workloadFinding ?? null,
          workloadNote: d.workloadNote,
          appropriateness: d.appropriateness ?? null,
          reasons: d.reasons,
          informAllMembers: d.informAllMembers === undefined ? null : d.informAllMembers === "yes",
          allocatedOfficerId: d.allocatedOfficerId || null,
        },
        now,
      );
    } else if (row.type === "CODE_BREACH" && d.action === "CODE_BREACH_DECISION") {
      await decideCodeBreach(
        viewer,
        d.requestId,
        { seekAdvice: d.seekAdvice === undefined ? null : d.seekAdvice === "yes", reasons: d.reasons },
        now,
      );
    } else if (row.type === "COMPLAINT") {
      if (d.action === "ESCALATE")
        await actOnComplaint(
          viewer,
          d.requestId,
          { type: "ESCALATE", informalNotResolvedReasons: d.reasons || undefined },
          now,
        );
      else if (d.action === "RECORD_OUTCOME")
        await actOnComplaint(
          viewer,
          d.requestId,
          { type: "RECORD_OUTCOME", outcome: d.outcome || "RESOLVED", reasons: d.reasons },
          now,
        );
      else throw new AppError("VALIDATION", "That action does not apply to a complaint.");
    } else if (row.type === "BRIEFING") {
      if (d.action === "ACCEPT") await actOnBriefing(viewer, d.requestId, { type: "ACCEPT" }, now);
      else if (d.action === "DECLINE")
        await actOnBriefing(
          viewer,
          d.requestId,
          { type: "DECLINE", ground: (d.ground || "OTHER") as RefusalGround, reasons: d.reasons },
          now,
        );
      else if (d.action === "WITHDRAW") await actOnBriefing(viewer, d.requestId, { type: "WITHDRAW" }, now);
      else if (d.action === "INVITE") {
        if (!d.officerId) return { errors: { officerId: "Choose the officer to invite" }, values };
        await actOnBriefing(
          viewer,
          d.requestId,
          { type: "INVITE", officerId: d.officerId, reasons: d.reasons || undefined },
          now,
        );
      } else if (d.action === "ATTENDEE_ANSWER") {
        if (!d.attend) return { errors: { attend: "Say whether you will attend" }, values };
        await actOnBriefing(
          viewer,
          d.requestId,
          { type: "ATTENDEE_ANSWER", accept: d.attend === "yes", reasons: d.reasons || undefined },
          now,
        );
      } else if (d.action === "PROPOSE_DATE") {
        await actOnBriefing(
          viewer,
          d.requestId,
          { type: "PROPOSE_DATE", date: d.date || null, reasons: d.reasons },
          now,
        );
      } else if (d.action === "ACCEPT_DATE") {
        await actOnBriefing(viewer, d.requestId, { type: "ACCEPT_DATE" }, now);
      } else if (d.action === "COMPLETE") {
        await actOnBriefing(
          viewer,
          d.requestId,
          {
            type: "COMPLETE",
            minutesSpent: d.minutesSpent ? Number(d.minutesSpent) : null,
            leftBeforeDecision: d.leftBeforeDecision === undefined ? null : d.leftBeforeDecision === "yes",
          },
          now,
          { notes: d.notes },
        );
      } else throw new AppError("VALIDATION", "That action does not apply to a briefing.");
    } else if (row.type === "INFORMATION" && d.action === "ALLOCATE") {
      if (!d.officerId) return { errors: { officerId: "Choose the officer to assign the request to" }, values };
      await actOnInformationRequest(
        viewer,
        d.requestId,
        { type: "ALLOCATE", officerId: d.officerId, officerServiceId: null },
        now,
      );
    } else if (row.type === "INFORMATION" && d.action === "TRIAGE") {
      if (!d.serviceId)
        return { errors: { serviceId: "Choose the service that should answer the request" }, values };
      await actOnInformationRequest(
        viewer,
        d.requestId,
        { type: "TRIAGE", serviceId: d.serviceId, deciderId: "" },
        now,
      );
    } else if (row.type === "INFORMATION") {
      const a = d.action;
      await actOnInformationRequest(
        viewer,
        d.requestId,
        a === "REQUEST_REVIEW" || a === "UPHOLD" || a === "OVERTURN"
          ? { type: a, reasons: d.reasons }
          : a === "MEMBER_RESPONDS"
            ? {
                type: a,
                response: d.response,
                agrees: d.agrees === undefined ? undefined : d.agrees === "yes",
                scope: d.scope,
              }
            : a === "GRANT"
              ? { type: a, reply: d.reply }
              : a === "REFUSE"
                ? { type: a, ground: d.ground as RefusalGround, reasons: d.reasons }
                : { type: "WITHDRAW" },
        now,
      );
    } else throw new AppError("VALIDATION", "That action is not available here.");
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
