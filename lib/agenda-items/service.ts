// Agenda routes (RULES.md §3.E): a member's agenda item through the Chief Officer and the Chair (HAL-E4), a call for
// a report (WIG-E7) and a failure to implement a committee decision (WIG-E11). Rows of the request engine (type
// AGENDA_ITEM, kind MEMBER_ITEM / CALL_FOR_REPORT / IMPLEMENTATION_FAILURE); an item is on a meeting's agenda when it
// is LISTED with that meeting in Request.meetingId — which is what the agenda pack reads.
//
// Who sees them:
// - a member's item: the proposer, the Chief Officer it concerns and the committee's Chair; once the Chair agrees and
//   it is LISTED, every member (SUMMARY) as public agenda business.
// - a call for a report: whoever made or recorded it, the Chief Officer it went to, the committee's Chair and
//   democratic services.
// - a failure to implement a decision: the Chief Officer who reported it, the committee's Chair, democratic services,
//   and every member (SUMMARY) as an item on the committee's agenda.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { lockMeeting, nextOpenMeeting, openMeetingById } from "@/lib/meetings/next";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionState } from "@/lib/requests/action-specs";
import { toActor } from "@/lib/requests/actor";
import { normaliseActionValues } from "@/lib/requests/forms/request-actions";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Tx } from "@/lib/requests/store";
import { visibleWithId } from "@/lib/requests/visibility";
import {
  EARLIEST_DATE,
  optionalDate,
  optionalId,
  optionalText,
  requiredLine,
  requiredText,
} from "@/lib/validation";
import { userGrant, type Grant } from "@/lib/workflow/access";
import {
  AGENDA_ROUTE_KINDS,
  callForReport,
  decideAgendaStep,
  proposeMemberItem,
  recordImplementationFailure,
  routeApplies,
  type AgendaRouteItem,
  type AgendaRouteKind,
  type AgendaStep,
  type MeetingFacts,
} from "@/lib/workflow/agenda-items";

/** What each route keeps in Request.data. */
export type MemberItemData = { committeeId: string; requestedMeetingId: string; meetingId: string | null };
export type CallForReportData = {
  committeeId: string;
  matter: string;
  termsConfirmed: boolean;
  /** Required by a panel or the Cabinet (not a member's voluntary call). */
  required: boolean;
  /** The committee's terms of reference as shown on the form when the matter was confirmed within them. */
  termsOfReference: string;
  /** The London date it was called for (or recorded as required). */
  calledOn: string;
  meetingId: string | null;
};
export type ImplementationFailureData = {
  committeeId: string;
  decision: string;
  decisionDate: string;
  failure: string;
  reasons: string;
  meetingId: string;
};

type Outcome = ActionState | { done: string; id: string };

const KEY = /^[A-Za-z0-9-]{8,64}$/;
const idempotencyKey = z
  .string()
  .optional()
  .transform((v) => (v && KEY.test(v) ? v : null));
const yes = z
  .string()
  .optional()
  .transform((v) => v === "yes");

const required = (field: string, message: string): never => {
  throw new AppError("VALIDATION", message, { [field]: message });
};

/** A meeting chosen in a form, as the rules see it (null when it is not one of this council's). */
async function meetingFacts(tx: Tx, viewer: Viewer, meetingId: string | null, now: Date): Promise<MeetingFacts> {
  if (!meetingId) return null;
  // The meeting's row lock: publishing its agenda waits for this step, or this step sees it published (HAL-E4).
  await lockMeeting(tx, viewer.council.id, meetingId);
  const m = await openMeetingById(tx, viewer.council.id, meetingId);
  if (!m) return null;
  return {
    id: m.id,
    committeeId: m.committeeId,
    publishedAt: m.publishedAt,
    past: m.date.toISOString().slice(0, 10) < londonDate(now),
  };
}

/** `offered`: for a new item, only a committee still in use (a retired one is not offered in new forms). */
async function committeeOf(tx: Tx, viewer: Viewer, id: string | null, opts: { offered?: boolean } = {}) {
  if (!id) return null;
  return tx.committee.findFirst({
    where: { id, councilId: viewer.council.id, ...(opts.offered ? { retiredAt: null } : {}) },
    select: { id: true, name: true, kind: true, chairId: true, termsOfReference: true },
  });
}

async function chiefOfficerOf(tx: Tx, viewer: Viewer, serviceId: string | null) {
  if (!serviceId) return null;
  const s = await tx.service.findFirst({
    where: { id: serviceId, councilId: viewer.council.id, retiredAt: null },
    select: { id: true, chiefOfficerId: true },
  });
  if (!s) required("serviceId", "Choose a service from the list");
  return s!;
}

async function democraticServices(tx: Tx, viewer: Viewer): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "DEMOCRATIC_SERVICES" } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

const title = (kind: string, subject: string) => `${kind} “${subject}”`;

// ---- HAL-E4: a member's agenda item ------------------------------------------------------------------------------

const memberItemSchema = z.object({
  idempotencyKey,
  committeeId: optionalId("Choose a Board or Committee from the list"),
  meetingId: optionalId("Choose a meeting from the list"),
  serviceId: optionalId("Choose a service from the list"),
  title: requiredLine(200, "Enter a title for the item"),
  details: requiredText(5000, "Describe the item"),
});

/** HAL-E4: a member proposes an item for a committee's agenda; it goes first to the Chief Officer it concerns. */
export async function handleProposeMemberItem(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<Outcome> {
  const off = routeApplies(profileOf(viewer), "MEMBER_ITEM");
  if (off) return { errors: errorsFrom(new AppError(off.code, off.message, {}, off.ruleId)), values };
  const parsed = memberItemSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  const profile = profileOf(viewer);
  try {
    const filed = await fileOnce(viewer, d.idempotencyKey, async (tx) => {
      const committee = await committeeOf(tx, viewer, d.committeeId, { offered: true });
      if (d.committeeId && !committee) required("committeeId", "Choose a Board or Committee from the list");
      const service = await chiefOfficerOf(tx, viewer, d.serviceId);
      // The meeting defaults to the committee's next meeting whose agenda is still open.
      const meeting = d.meetingId
        ? await meetingFacts(tx, viewer, d.meetingId, now)
        : committee
          ? await nextOpenMeeting(tx, viewer.council.id, committee.id, now).then((m) =>
              m ? { id: m.id, committeeId: m.committeeId, publishedAt: null } : null,
            )
          : null;
      const decision = proposeMemberItem(profile, toActor(viewer), {
        committeeId: committee?.id ?? null,
        chairId: committee?.chairId ?? null,
        chiefOfficerId: service?.chiefOfficerId ?? null,
        meeting,
        title: d.title,
        details: d.details,
      });
      if (!decision.ok) fail(decision);
      const chiefOfficerId = service!.chiefOfficerId!;
      const data: MemberItemData = {
        committeeId: committee!.id,
        requestedMeetingId: meeting!.id,
        meetingId: null,
      };
      const created = await createRequest(tx, {
        viewer,
        type: "AGENDA_ITEM",
        kind: "MEMBER_ITEM",
        status: decision.to,
        subject: d.title,
        details: d.details,
        serviceId: service!.id,
        deciderId: chiefOfficerId,
        data,
        idempotencyKey: d.idempotencyKey,
        ruleId: decision.ruleId,
        grants: [
          ...userGrant(viewer.id, decision.ruleId),
          ...userGrant(chiefOfficerId, decision.ruleId),
          ...userGrant(committee!.chairId, decision.ruleId),
        ],
        notify: [
          {
            userIds: [chiefOfficerId],
            kind: "AGENDA_ITEM_PROPOSED",
            title: `${title("Agenda item", d.title)} for ${committee!.name}: discuss it with the member`,
          },
        ],
        auditData: { committeeId: committee!.id, requestedMeetingId: meeting!.id },
      });
      return tx.request.update({ where: { id: created.id }, data: { committeeId: committee!.id } });
    });
    return { done: "PROPOSE", id: filed.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

// ---- WIG-E7: a call for a report -------------------------------------------------------------------------------

const callSchema = z.object({
  idempotencyKey,
  committeeId: optionalId("Choose a committee from the list"),
  serviceId: optionalId("Choose a service from the list"),
  matter: requiredLine(200, "Enter the matter the report is to cover"),
  details: optionalText(5000),
  termsConfirmed: yes,
  required: yes,
});

/**
 * WIG-E7: a member calls for a report to a committee on a matter within its terms of reference (which the form shows
 * and the member confirms), or democratic services / the Chief Executive record that a panel or the Cabinet required
 * one. It goes to the Chief Officer of the service chosen.
 */
export async function handleCallForReport(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<Outcome> {
  const off = routeApplies(profileOf(viewer), "CALL_FOR_REPORT");
  if (off) return { errors: errorsFrom(new AppError(off.code, off.message, {}, off.ruleId)), values };
  const parsed = callSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  const profile = profileOf(viewer);
  try {
    const filed = await fileOnce(viewer, d.idempotencyKey, async (tx) => {
      const committee = await committeeOf(tx, viewer, d.committeeId, { offered: true });
      if (d.committeeId && !committee) required("committeeId", "Choose a committee from the list");
      const service = await chiefOfficerOf(tx, viewer, d.serviceId);
      if (service && !service.chiefOfficerId)
        required("serviceId", "That service has no Chief Officer set up to report");
      const decision = callForReport(profile, toActor(viewer), {
        committee: committee ? { id: committee.id, kind: committee.kind } : null,
        chiefOfficerId: service?.chiefOfficerId ?? null,
        matter: d.matter,
        termsConfirmed: d.termsConfirmed,
        required: d.required,
      });
      if (!decision.ok) fail(decision);
      const chiefOfficerId = service!.chiefOfficerId!;
      const data: CallForReportData = {
        committeeId: committee!.id,
        matter: d.matter,
        termsConfirmed: true,
        required: d.required,
        termsOfReference: committee!.termsOfReference,
        calledOn: londonDate(now),
        meetingId: null,
      };
      const readers = [viewer.id, chiefOfficerId, committee!.chairId, ...(await democraticServices(tx, viewer))];
      const created = await createRequest(tx, {
        viewer,
        type: "AGENDA_ITEM",
        kind: "CALL_FOR_REPORT",
        status: decision.to,
        subject: d.matter,
        details: d.details,
        serviceId: service!.id,
        deciderId: chiefOfficerId,
        data,
        idempotencyKey: d.idempotencyKey,
        ruleId: decision.ruleId,
        grants: readers.flatMap((id) => userGrant(id, decision.ruleId)),
        notify: [
          {
            userIds: [chiefOfficerId],
            kind: "REPORT_CALLED_FOR",
            title: `${d.required ? `${committee!.name} requires a report` : `A report to ${committee!.name} is called for`}: ${d.matter}`,
          },
        ],
        auditData: { committeeId: committee!.id, termsConfirmed: true, required: d.required },
      });
      return tx.request.update({ where: { id: created.id }, data: { committeeId: committee!.id } });
    });
    return { done: "CALL_FOR_REPORT", id: filed.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

// ---- WIG-E11: a failure to implement a committee decision --------------------------------------------------------

const failureSchema = z.object({
  idempotencyKey,
  committeeId: optionalId("Choose a committee from the list"),
  decision: requiredLine(160, "Enter the decision that was not implemented"),
  decisionDate: optionalDate("The date of the decision", () => ({
    min: EARLIEST_DATE,
    max: londonDate(new Date()),
  })),
  failure: requiredText(5000, "Say what failed"),
  reasons: requiredText(5000, "Say why it was not implemented"),
});

/** WIG-E11: a Chief Officer records the failure; it is LISTED at once on the committee's next open meeting. */
export async function handleRecordImplementationFailure(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<Outcome> {
  const off = routeApplies(profileOf(viewer), "IMPLEMENTATION_FAILURE");
  if (off) return { errors: errorsFrom(new AppError(off.code, off.message, {}, off.ruleId)), values };
  const parsed = failureSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  const profile = profileOf(viewer);
  try {
    const filed = await fileOnce(viewer, d.idempotencyKey, async (tx) => {
      const committee = await committeeOf(tx, viewer, d.committeeId, { offered: true });
      if (d.committeeId && !committee) required("committeeId", "Choose a committee from the list");
      const meeting = committee ? await nextOpenMeeting(tx, viewer.council.id, committee.id, now) : null;
      const decision = recordImplementationFailure(profile, toActor(viewer), {
        committeeId: committee?.id ?? null,
        nextMeetingId: meeting?.id ?? null,
        decision: d.decision,
        decisionDate: d.decisionDate,
        failure: d.failure,
        reasons: d.reasons,
      });
      if (!decision.ok) fail(decision);
      const data: ImplementationFailureData = {
        committeeId: committee!.id,
        decision: d.decision,
        decisionDate: d.decisionDate!,
        failure: d.failure,
        reasons: d.reasons,
        meetingId: decision.meetingId,
      };
      const democratic = await democraticServices(tx, viewer);
      const grants: Grant[] = [
        ...[viewer.id, committee!.chairId, ...democratic].flatMap((id) => userGrant(id, decision.ruleId)),
        // On the committee's agenda: public agenda business for every member.
        { allMembers: true, level: "SUMMARY", ruleId: decision.ruleId },
      ];
      const subject = `Failure to implement: ${d.decision}`;
      const created = await createRequest(tx, {
        viewer,
        type: "AGENDA_ITEM",
        kind: "IMPLEMENTATION_FAILURE",
        status: decision.to,
        subject,
        details: `What failed:\n${d.failure}\n\nWhy:\n${d.reasons}`,
        serviceId: viewer.service?.id ?? null,
        data,
        idempotencyKey: d.idempotencyKey,
        ruleId: decision.ruleId,
        grants,
        notify: [
          {
            userIds: [committee!.chairId, ...democratic],
            kind: "AGENDA_ITEM_LISTED",
            title: `${title("Agenda item", subject)} listed for ${meeting!.title}, ${meeting!.date.toISOString().slice(0, 10)}`,
          },
        ],
        auditData: { committeeId: committee!.id, meetingId: decision.meetingId },
      });
      return tx.request.update({
        where: { id: created.id },
        data: { committeeId: committee!.id, meetingId: decision.meetingId },
      });
    });
    return { done: "IMPLEMENTATION_FAILURE", id: filed.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

/** The creation forms' one server action dispatches on the route (a hidden field of each form). */
export async function handleNewAgendaItem(viewer: Viewer, values: Record<string, string>, now: Date) {
  switch (values.kind) {
    case "MEMBER_ITEM":
      return handleProposeMemberItem(viewer, values, now);
    case "CALL_FOR_REPORT":
      return handleCallForReport(viewer, values, now);
    case "IMPLEMENTATION_FAILURE":
      return handleRecordImplementationFailure(viewer, values, now);
    default:
      return { errors: { form: "Choose what kind of agenda item to make." }, values } satisfies ActionState;
  }
}

// ---- Steps on an item ------------------------------------------------------------------------------------------

export const STEP_ACTIONS = ["RECORD_DISCUSSION", "AGREE", "NOT_AGREE", "ACKNOWLEDGE", "WITHDRAW"] as const;

const stepSchema = z.object({
  requestId: z.string().regex(/^[a-z0-9]{1,64}$/i, "That agenda item was not found"),
  action: z.enum(STEP_ACTIONS, "Choose what you want to do"),
  confirmed: yes,
  discussion: optionalText(5000),
  reasons: optionalText(5000),
  meetingId: optionalId("Choose a meeting from the list"),
});

const STEP_TITLES: Record<(typeof STEP_ACTIONS)[number], string> = {
  RECORD_DISCUSSION: "the Chief Officer has discussed it: it is now with the Chair",
  AGREE: "the Chair agreed it: it is on the agenda",
  NOT_AGREE: "the Chair did not agree it",
  ACKNOWLEDGE: "the Chief Officer acknowledged it",
  WITHDRAW: "withdrawn",
};

/** The steps on an agenda item's page: the Chief Officer's discussion, the Chair's decision, acknowledgement. */
export async function handleAgendaItemAction(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState | { done: string; requestId: string }> {
  // The decide form names its fields ACTION__field (lib/requests/action-specs.ts): read as plain names.
  const parsed = stepSchema.safeParse(normaliseActionValues(values));
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  if (d.action === "WITHDRAW" && !d.confirmed)
    return { errors: {}, values, confirm: "Are you sure you want to withdraw this item? It cannot be reopened." };
  try {
    await db().$transaction(async (tx) => {
      const row = await tx.request.findFirst({
        where: {
          type: "AGENDA_ITEM",
          kind: { in: [...AGENDA_ROUTE_KINDS] },
          ...visibleWithId(viewer, d.requestId),
        },
      });
      if (!row) throw notFound("That agenda item");
      const data = row.data as Record<string, unknown>;
      const item: AgendaRouteItem = {
        kind: row.kind as AgendaRouteKind,
        state: row.status,
        proposerId: row.createdById,
        deciderId: row.deciderId,
        committeeId: row.committeeId,
      };
      let step: AgendaStep;
      switch (d.action) {
        case "RECORD_DISCUSSION":
          step = { type: "RECORD_DISCUSSION", discussion: d.discussion };
          break;
        case "AGREE":
          // The meeting the member asked for, unless the Chair chooses another open one.
          step = {
            type: "AGREE",
            meeting: await meetingFacts(
              tx,
              viewer,
              d.meetingId ?? (data.requestedMeetingId as string | null),
              now,
            ),
          };
          break;
        case "NOT_AGREE":
          step = { type: "NOT_AGREE", reasons: d.reasons };
          break;
        case "ACKNOWLEDGE":
          step = { type: "ACKNOWLEDGE", meeting: await meetingFacts(tx, viewer, d.meetingId, now) };
          if (d.meetingId && !step.meeting) required("meetingId", "Choose a meeting from the list");
          break;
        case "WITHDRAW":
          step = { type: "WITHDRAW" };
          break;
      }
      const decision = decideAgendaStep(toActor(viewer), item, step);
      if (!decision.ok) fail(decision);
      const committee = await committeeOf(tx, viewer, row.committeeId);
      const patch: Parameters<typeof transition>[1]["patch"] = {};
      const grants: Grant[] = [];
      let notify: (string | null)[] = [row.createdById, row.deciderId];
      let reasons: string | null = null;
      let auditData: Record<string, unknown> = {};
      if (step.type === "RECORD_DISCUSSION") {
        await tx.message.create({
          data: {
            councilId: row.councilId,
            requestId: row.id,
            authorId: viewer.id,
            kind: "DISCUSSION",
            body: step.discussion.trim(),
          },
        });
        if (!committee?.chairId)
          fail({ code: "VALIDATION", ruleId: decision.ruleId, message: "The committee has no Chair set up." });
        patch.deciderId = committee!.chairId;
        notify = [row.createdById, committee!.chairId];
      }
      if ((step.type === "AGREE" || step.type === "ACKNOWLEDGE") && step.meeting) {
        patch.meetingId = step.meeting.id;
        patch.data = { ...data, meetingId: step.meeting.id };
        auditData = { meetingId: step.meeting.id };
      }
      if (step.type === "AGREE") {
        // On the agenda: public agenda business, every member can see it.
        grants.push({ allMembers: true, level: "SUMMARY", ruleId: decision.ruleId });
        patch.deciderId = null;
      }
      if (step.type === "NOT_AGREE") reasons = step.reasons;
      if (decision.to === "NOT_AGREED" || decision.to === "WITHDRAWN") {
        patch.closedAt = now;
        patch.deciderId = null;
        if (decision.to === "WITHDRAWN") notify = [row.deciderId];
      }
      await transition(tx, {
        request: row,
        viewer,
        action: step.type,
        to: decision.to,
        ruleId: decision.ruleId,
        reasons,
        patch,
        grants,
        notify: [
          {
            userIds: notify,
            kind: `AGENDA_${step.type}`,
            title: `${title(row.kind === "CALL_FOR_REPORT" ? "Call for a report" : "Agenda item", row.subject)}: ${STEP_TITLES[d.action]}`,
          },
        ],
        auditData,
      });
    }, TX_OPTIONS);
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { done: d.action, requestId: d.requestId };
}
