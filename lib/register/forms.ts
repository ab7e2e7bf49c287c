// The register's form handlers (what app/register/actions.ts calls): making an entry (/register/new/<kind>) and the
// steps on an entry's page. Every value from a form is parsed and bounded here; ids are checked against the viewer's
// council by the use cases; refusals come back as field errors naming their rule.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { normaliseActionValues } from "@/lib/requests/forms/request-actions";
import { zodFieldErrors } from "@/lib/requests/schema";
import { visibleWithId } from "@/lib/requests/visibility";
import {
  FUTURE_EVENT_YEARS,
  ID_PATTERN,
  optionalDate,
  optionalId,
  optionalText,
  requiredLine,
  requiredText,
  shiftYears,
} from "@/lib/validation";
import {
  PUBLICITY_CHANNELS,
  PUBLICITY_DECLINE_GROUNDS,
  VISIT_TYPES,
  isRegisterType,
  type PublicityChannel,
} from "@/lib/workflow/register";
import { db } from "@/lib/db";
import { registerKey } from "./common";
import { actOnDisclosure, fileDisclosure } from "./disclosures";
import { fileEvent } from "./events";
import { decidePublicityRequest, filePublicity } from "./publicity";
import { fileVisit } from "./visits";

export type RegisterOutcome = ActionState | { done: string; id: string };

const yes = z
  .string()
  .optional()
  .transform((v) => v === "yes");
const yesNo = (message: string) => z.enum(["yes", "no"], { error: message });
/** Ids picked with checkboxes, one per line; a forged value is refused before any query. */
const pickedIds = z
  .string()
  .optional()
  .default("")
  .transform((v) => [
    ...new Set(
      v
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .refine((ids) => ids.length <= 100 && ids.every((id) => ID_PATTERN.test(id)), "Choose from the list");

/** Event and visit dates: up to a year back (recorded afterwards) and two years ahead (DEF: bounded dates). */
const boundedDate = (label: string, now: Date) =>
  optionalDate(label, () => {
    const today = londonDate(now);
    return { min: shiftYears(today, -1), max: shiftYears(today, FUTURE_EVENT_YEARS) };
  });

const disclosureSchema = z.object({
  otherPartyId: optionalId("Choose the person from the list"),
  relationship: requiredText(5000, "Describe the relationship"),
});

const visitSchema = (now: Date) =>
  z.object({
    establishment: requiredLine(200, "Enter the establishment you will visit"),
    serviceId: optionalId("Choose the service from the list"),
    visitDate: boundedDate("The date of the visit", now),
    visitType: z.enum(VISIT_TYPES, { error: "Choose the type of visit" }),
    school: yesNo("Say whether the establishment is a school"),
    arrangedWithHeadteacher: yes,
    headteacherName: optionalText(200),
    specialCircumstances: optionalText(5000),
  });

const publicitySchema = z.object({
  subject: requiredLine(200, "Say what should be publicised"),
  details: requiredText(5000, "Say what the publicity should say"),
  channel: z.enum(Object.keys(PUBLICITY_CHANNELS) as [PublicityChannel, ...PublicityChannel[]], {
    error: "Choose how it should be published",
  }),
  featuredIds: pickedIds,
  representingIds: pickedIds,
  declaration: yes,
});

const eventSchema = (now: Date) =>
  z.object({
    subject: requiredLine(200, "Enter the name of the event"),
    details: optionalText(5000),
    eventDate: boundedDate("The date of the event", now),
    office: z.string().trim().max(200).optional().default(""),
    wardIds: pickedIds,
  });

function parse<S extends z.ZodTypeAny>(schema: S, values: Record<string, string>) {
  const p = schema.safeParse(values);
  return p.success ? { ok: true as const, data: p.data as z.output<S> } : { ok: false as const, error: p.error };
}

/**
 * Makes a register entry from the creation form (/register/new/<kind>): `values.action` is the type of entry
 * (DISCLOSURE, VISIT, PUBLICITY or EVENT). A double submission makes one entry.
 */
export async function handleRegisterEntry(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<RegisterOutcome> {
  const type = values.action ?? "";
  const key = registerKey(type, values, now);
  const fail = (errors: Record<string, string>) => ({ errors, values });
  try {
    switch (type) {
      case "DISCLOSURE": {
        const p = parse(disclosureSchema, values);
        if (!p.ok) return fail(zodFieldErrors(p.error));
        const filed = await fileDisclosure(viewer, p.data, { now, idempotencyKey: key });
        return { done: type, id: filed.id };
      }
      case "VISIT": {
        const p = parse(visitSchema(now), values);
        if (!p.ok) return fail(zodFieldErrors(p.error));
        const filed = await fileVisit(
          viewer,
          { ...p.data, school: p.data.school === "yes" },
          { now, idempotencyKey: key },
        );
        return { done: type, id: filed.id };
      }
      case "PUBLICITY": {
        const p = parse(publicitySchema, values);
        if (!p.ok) return fail(zodFieldErrors(p.error));
        const filed = await filePublicity(
          viewer,
          { ...p.data, declared: p.data.declaration },
          { now, idempotencyKey: key },
        );
        return { done: type, id: filed.id };
      }
      case "EVENT": {
        const p = parse(eventSchema(now), values);
        if (!p.ok) return fail(zodFieldErrors(p.error));
        if (!p.data.eventDate) return fail({ eventDate: "Enter the date of the event" });
        const filed = await fileEvent(
          viewer,
          { ...p.data, eventDate: p.data.eventDate },
          { now, idempotencyKey: key },
        );
        return { done: type, id: filed.id };
      }
      default:
        return fail({ form: "That kind of register entry does not exist." });
    }
  } catch (e) {
    return fail(errorsFrom(e));
  }
}

const stepSchema = z.object({
  requestId: z.string().regex(ID_PATTERN, "That record was not found."),
  action: z.enum(["CONSULT_GROUP_LEADER", "CLOSE", "SHARE_WITH_OTHER_PARTY", "APPROVE", "DECLINE"], {
    error: "Choose what you want to do",
  }),
  leaderId: z.string().trim().max(64).optional().default(""),
  notes: optionalText(5000),
  courseOfAction: optionalText(5000),
  reasons: optionalText(5000),
  ground: z.string().trim().max(64).optional().default(""),
  confirmed: yes,
});

const CONFIRM: Record<string, (v: Record<string, string>) => string> = {
  SHARE_WITH_OTHER_PARTY: () =>
    "Are you sure you want to share this disclosure with the other person? They will be able to read all of it.",
};

/** A step on a register entry's page (a disclosure's recipient; a publicity request's communications officer). */
export async function handleRegisterAction(
  viewer: Viewer,
  posted: Record<string, string>,
  now: Date,
): Promise<RegisterOutcome> {
  const values = posted;
  const p = stepSchema.safeParse(normaliseActionValues(posted));
  if (!p.success) return { errors: zodFieldErrors(p.error), values };
  const d = p.data;
  try {
    const row = await db().request.findFirst({
      where: visibleWithId(viewer, d.requestId),
      select: { type: true },
    });
    if (!row || !isRegisterType(row.type)) throw new AppError("NOT_FOUND", "That record was not found.");
    if (row.type === "DISCLOSURE") {
      if (d.action === "CONSULT_GROUP_LEADER")
        await actOnDisclosure(viewer, d.requestId, { type: d.action, leaderId: d.leaderId, notes: d.notes }, now);
      else if (d.action === "CLOSE")
        await actOnDisclosure(viewer, d.requestId, { type: d.action, courseOfAction: d.courseOfAction }, now);
      else if (d.action === "SHARE_WITH_OTHER_PARTY") {
        if (!d.confirmed) return { errors: {}, values, confirm: CONFIRM[d.action]!(values) };
        await actOnDisclosure(viewer, d.requestId, { type: d.action, reasons: d.reasons }, now);
      } else
        throw new AppError("VALIDATION", "Choose what you want to do", { action: "Choose what you want to do" });
    } else if (row.type === "PUBLICITY") {
      if (d.action === "APPROVE")
        await decidePublicityRequest(viewer, d.requestId, { type: "APPROVE", notes: d.notes }, now);
      else if (d.action === "DECLINE") {
        if (d.ground && !Object.hasOwn(PUBLICITY_DECLINE_GROUNDS, d.ground))
          return { errors: { ground: "Choose why you are declining it" }, values };
        await decidePublicityRequest(
          viewer,
          d.requestId,
          { type: "DECLINE", ground: d.ground, reasons: d.reasons },
          now,
        );
      } else
        throw new AppError("VALIDATION", "Choose what you want to do", { action: "Choose what you want to do" });
    } else {
      // Visit notices and ceremonial events are records: nothing more is asked of anyone.
      throw new AppError("CONFLICT", "Nothing more can be done on this record.");
    }
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { done: d.action, id: d.requestId };
}
