"use server";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileBriefingRequest } from "@/lib/requests/briefings";
import { fileComplaintCase } from "@/lib/requests/complaints";
import { dueText, formatDate } from "@/lib/requests/describe";
import { agendaFormSchema, assistanceFormSchema, briefingFormSchema, complaintFormSchema, zodFieldErrors } from "@/lib/requests/schema";
import type { Filed } from "@/lib/requests/store";
import { fileAgendaItem, fileAssistanceRequest } from "@/lib/requests/town-council";
import type { CheckResult } from "@/components/RequestForm";

type Values = Record<string, string | string[]>;
type Opts = { now: Date; idempotencyKey?: string; dryRun?: boolean };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function parse<S extends z.ZodTypeAny>(schema: S, values: Values): { ok: true; data: z.output<S> } | { ok: false; result: CheckResult } {
  const flat = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, one(v) ?? ""]));
  const parsed = schema.safeParse(flat);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, result: { errors: zodFieldErrors(parsed.error) } };
}

async function run(type: string, viewer: Viewer, values: Values, opts: Opts): Promise<{ filed: Filed; extra: string[] } | CheckResult> {
  switch (type) {
    case "briefing": {
      const p = parse(briefingFormSchema, values);
      if (!p.ok) return p.result;
      const d = p.data;
      const filed = await fileBriefingRequest(db(), viewer, {
        kind: d.kind,
        groupIds: d.kind === "ROLE" || !viewer.partyGroup ? [] : [viewer.partyGroup.id],
        subjectKey: d.subjectKey,
        subject: d.subject,
        councilBusiness: d.councilBusiness,
        committeeId: d.committeeId,
        serviceId: d.serviceId,
        meetingDate: d.meetingDate,
        onePartyMeeting: d.onePartyMeeting === "yes",
        item: d.item,
        majorIssue: d.majorIssue,
      }, opts);
      return { filed, extra: filed.deciderId ? [] : ["It goes to a shared queue for the officers your protocol names; the one who takes it is recorded."] };
    }
    case "complaint": {
      const p = parse(complaintFormSchema, values);
      if (!p.ok) return p.result;
      const d = p.data;
      const filed = await fileComplaintCase(db(), viewer, { ...d, codeOfConduct: d.codeOfConduct === "yes", grievance: d.grievance === "yes", category: d.category || null }, opts);
      return { filed, extra: filed.guidance.map((g) => `${g.text} (${g.ruleId})`) };
    }
    case "assistance": {
      const p = parse(assistanceFormSchema, values);
      if (!p.ok) return p.result;
      return { filed: await fileAssistanceRequest(db(), viewer, p.data, opts), extra: ["The Town Clerk weighs every request for staff help against staff workload, and decides whether all members are told of it."] };
    }
    case "agenda": {
      const p = parse(agendaFormSchema, values);
      if (!p.ok) return p.result;
      const r = await fileAgendaItem(db(), viewer, p.data, opts);
      return { filed: r, extra: [r.meeting ? `It will be listed for the ${r.meeting.title} meeting on ${formatDate(r.meeting.date)}.` : "It will be listed for the next meeting once one is arranged."] };
    }
  }
  return { errors: { form: "That kind of request does not exist." } };
}

function fromError(e: unknown): CheckResult {
  if (e instanceof AppError) {
    const withRule = (m: string) => (e.ruleId ? `${m} (${e.ruleId})` : m);
    return { errors: Object.keys(e.fields).length ? Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, withRule(m)])) : { form: withRule(e.message) } };
  }
  throw e;
}

export async function checkRequestAction(type: string, values: Values): Promise<CheckResult> {
  const viewer = await requireViewer(`/requests/new/${type}`);
  try {
    const out = await run(type, viewer, values, { now: new Date(), dryRun: true });
    if (!("filed" in out)) return out;
    const decider = out.filed.deciderId ? await db().user.findUnique({ where: { id: out.filed.deciderId }, select: { name: true, jobTitle: true } }) : null;
    const due = dueText(out.filed.dueDate, false, false);
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
    return fromError(e);
  }
}

export async function submitRequestAction(type: string, values: Values, key: string): Promise<CheckResult> {
  const viewer = await requireViewer(`/requests/new/${type}`);
  let id: string;
  try {
    const out = await run(type, viewer, values, { now: new Date(), idempotencyKey: key.slice(0, 64) });
    if (!("filed" in out)) return out;
    id = out.filed.id;
  } catch (e) {
    return fromError(e);
  }
  redirect(`/requests/${id}/confirmation`);
}
