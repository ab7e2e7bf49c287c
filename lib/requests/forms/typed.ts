// The briefing, complaint, assistance and agenda-item forms' handlers (plain functions; app/requests/new/[type]/actions.ts wraps them).
import "server-only";
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { fileBriefingRequest, offerBriefings } from "@/lib/requests/briefings";
import { ID_PATTERN } from "@/lib/validation";
import { fileComplaintCase } from "@/lib/requests/complaints";
import { dueText, formatDate } from "@/lib/requests/describe";
import {
  agendaFormSchema,
  assistanceFormSchema,
  briefingFormSchema,
  codeBreachFormSchema,
  complaintFormSchema,
  offerFormSchema,
  zodFieldErrors,
} from "@/lib/requests/schema";
import type { Filed } from "@/lib/requests/store";
import { fileAgendaItem, fileAssistanceRequest, reportSuspectedCodeBreach } from "@/lib/requests/town-council";
import { errorsFrom, type CheckResult, type SubmitResult } from "./types";
import { db } from "@/lib/db";

type Values = Record<string, string | string[]>;
type Opts = { now: Date; idempotencyKey?: string; dryRun?: boolean };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function parse<S extends z.ZodTypeAny>(
  schema: S,
  values: Values,
): { ok: true; data: z.output<S> } | { ok: false; result: CheckResult } {
  const flat = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, one(v) ?? ""]));
  const parsed = schema.safeParse(flat);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, result: { errors: zodFieldErrors(parsed.error) } };
}

/** CWC-B8: other groups named on a joint briefing request (each group's Leader then opts in). */
function jointGroups(values: Values): string[] {
  const raw = values.jointGroupIds;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((g) => ID_PATTERN.test(g));
  return [...new Set(ids)].slice(0, 10);
}

async function run(
  type: string,
  viewer: Viewer,
  values: Values,
  opts: Opts,
): Promise<{ filed: Filed; extra: string[] } | CheckResult> {
  switch (type) {
    case "briefing": {
      const p = parse(briefingFormSchema, values);
      if (!p.ok) return p.result;
      const d = p.data;
      const filed = await fileBriefingRequest(
        viewer,
        {
          kind: d.kind,
          groupIds: d.kind === "ROLE" || !viewer.partyGroup ? [] : [viewer.partyGroup.id, ...jointGroups(values)],
          subjectKey: d.subjectKey,
          subject: d.subject,
          councilBusiness: d.councilBusiness,
          committeeId: d.committeeId,
          serviceId: d.serviceId,
          meetingDate: d.meetingDate,
          startTime: d.startTime,
          durationMinutes: d.durationMinutes,
          onePartyMeeting: d.onePartyMeeting === "yes",
          item: d.item,
          majorIssue: d.majorIssue,
        },
        opts,
      );
      return {
        filed,
        extra: filed.deciderId
          ? []
          : ["It goes to a shared queue for the officers your protocol names; the one who takes it is recorded."],
      };
    }
    case "complaint": {
      const p = parse(complaintFormSchema, values);
      if (!p.ok) return p.result;
      const d = p.data;
      const filed = await fileComplaintCase(
        viewer,
        {
          ...d,
          codeOfConduct: d.codeOfConduct === "yes",
          grievance: d.grievance === "yes",
          category: d.category || null,
        },
        opts,
      );
      return { filed, extra: filed.guidance.map((g) => `${g.text} (${g.ruleId})`) };
    }
    case "assistance": {
      const p = parse(assistanceFormSchema, values);
      if (!p.ok) return p.result;
      return {
        filed: await fileAssistanceRequest(viewer, p.data, opts),
        extra: [
          "The Town Clerk weighs every request for staff help against staff workload, and decides whether all members are told of it.",
        ],
      };
    }
    case "agenda": {
      const p = parse(agendaFormSchema, values);
      if (!p.ok) return p.result;
      const r = await fileAgendaItem(viewer, p.data, opts);
      return {
        filed: r,
        extra: [
          r.meeting
            ? `It will be listed for the ${r.meeting.title} meeting on ${formatDate(r.meeting.date)}.`
            : "It will be listed for the next meeting once one is arranged.",
        ],
      };
    }
    case "offer": {
      const p = parse(offerFormSchema, values);
      if (!p.ok) return p.result;
      const raw = values.groupIds;
      const groupIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).slice(0, 50);
      if (!groupIds.every((g) => ID_PATTERN.test(g))) return { errors: { groupIds: "Choose from the list" } };
      const filed = await offerBriefings(viewer, { ...p.data, serviceId: p.data.serviceId ?? "", groupIds }, opts);
      return {
        filed,
        extra: [
          `Each group gets its own offer (${groupIds.length} in all), confidential to that group; its spokesperson takes it up.`,
        ],
      };
    }
    case "code-breach": {
      const p = parse(codeBreachFormSchema, values);
      if (!p.ok) return p.result;
      return {
        filed: await reportSuspectedCodeBreach(viewer, p.data, opts),
        extra: [
          "The Town Clerk decides whether to ask the Monitoring Officer for advice. The councillor is not told by this service.",
        ],
      };
    }
  }
  return { errors: { form: "That kind of request does not exist." } };
}

export async function checkTypedForm(
  viewer: Viewer,
  type: string,
  values: Values,
  now: Date,
): Promise<CheckResult> {
  const prisma = db();
  try {
    const out = await run(type, viewer, values, { now, dryRun: true });
    if (!("filed" in out)) return out;
    const decider = out.filed.deciderId
      ? await prisma.user.findUnique({
          where: { id: out.filed.deciderId },
          select: { name: true, jobTitle: true },
        })
      : null;
    const due = dueText(out.filed.dueDate, false, false, now);
    return {
      errors: {},
      preview: [
        ...(decider ? [`It will go to ${decider.name}${decider.jobTitle ? `, ${decider.jobTitle}` : ""}.`] : []),
        ...out.extra,
        ...out.filed.notes.map((n) => `${n.message} (${n.ruleId})`),
        ...(due ? [`Council target: ${due}.`] : []),
      ],
    };
  } catch (e) {
    return { errors: errorsFrom(e) };
  }
}

export async function submitTypedForm(
  viewer: Viewer,
  type: string,
  values: Values,
  key: string,
  now: Date,
): Promise<SubmitResult> {
  try {
    const out = await run(type, viewer, values, { now, idempotencyKey: key.slice(0, 64) });
    if (!("filed" in out)) return out;
    return { errors: {}, id: out.filed.id };
  } catch (e) {
    return { errors: errorsFrom(e) };
  }
}
