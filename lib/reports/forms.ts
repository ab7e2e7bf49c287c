// The report pages' form handlers (plain functions; app/reports/actions.ts wraps them): what a person typed is parsed,
// bounded and passed to the service; every refusal comes back as field errors naming the rule, and nothing typed is
// lost (the values go back to the form).
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { ID_PATTERN, optionalId, optionalText, requiredId, requiredLine, requiredText } from "@/lib/validation";
import { SUPPRESSING_ACTIONS } from "@/lib/workflow/reports";
import {
  addMemberReport,
  addSuggestion,
  decideChange,
  listForMeeting,
  proposeChange,
  recordReportOutcome,
  respondToConsultation,
  reviseReportText,
  setAuthorisation,
  shareDraft,
  startReport,
  suppress,
} from "./service";

export type ReportOutcome = ActionState | { done: string; id: string };

const textFields = {
  title: requiredLine(200, "Enter the report's title"),
  summary: requiredText(20_000, "Enter the report: its summary and advice"),
  recommendations: requiredText(10_000, "Enter the recommendations"),
  note: optionalText(1000),
};

const startSchema = z.object({
  ...textFields,
  serviceId: requiredId("Choose the service the report is from"),
  committeeId: requiredId("Choose who the report is to"),
  portfolioMemberId: optionalId(),
  callId: optionalId(),
});

const ids = (v: string | undefined) =>
  [...new Set((v ?? "").split("\n").map((s) => s.trim()))].filter((s) => ID_PATTERN.test(s)).slice(0, 30);

function parsed<S extends z.ZodTypeAny>(
  schema: S,
  values: Record<string, string>,
): { data: z.output<S> } | { errors: Record<string, string> } {
  const p = schema.safeParse(values);
  return p.success ? { data: p.data as z.output<S> } : { errors: zodFieldErrors(p.error) ?? {} };
}

/** "Start a report" (HAL-E1, C2007-E3, WIG-E4, CWC-E5, HTC-E1). */
export async function handleStartReport(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ReportOutcome> {
  const p = parsed(startSchema, values);
  if ("errors" in p) return { errors: p.errors, values };
  try {
    const filed = await startReport(
      viewer,
      { ...p.data, affectedServiceIds: ids(values.affectedServiceIds) },
      { now, idempotencyKey: (values.idempotencyKey ?? "").slice(0, 64) || null },
    );
    return { done: "STARTED", id: filed.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

const ACTIONS = [
  "REVISE",
  "PROPOSE_CHANGE",
  "APPROVE_CHANGE",
  "DECLINE_CHANGE",
  "SUGGEST",
  "OWN_REPORT",
  "SHARE",
  "CONSULTED",
  "LIST",
  "OUTCOME",
  ...SUPPRESSING_ACTIONS,
] as const;

const actionSchema = z.object({
  requestId: requiredId("That report was not found"),
  action: z.enum(ACTIONS, { error: "That action does not exist" }),
});

/** Every action on the report page, by name. Members have no withdraw / hold / do-not-present action: a forged one
 * reaches the rule and is refused (HAL-E3, WIG-E4, HTC-E2…). */
export async function handleReportAction(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ReportOutcome> {
  void now;
  const a = actionSchema.safeParse(values);
  if (!a.success) return { errors: { form: "That action does not exist." }, values };
  const { requestId: id, action } = a.data;
  try {
    switch (action) {
      case "REVISE":
      case "PROPOSE_CHANGE": {
        const p = parsed(z.object({ ...textFields, ground: optionalText(40) }), values);
        if ("errors" in p) return { errors: p.errors, values };
        const { ground, ...text } = p.data;
        if (action === "REVISE") await reviseReportText(viewer, id, text, ground || null);
        else {
          const r = await proposeChange(viewer, id, text);
          if (r.refused)
            return {
              errors: { form: `${r.refused.message} (${r.refused.ruleId})` },
              values,
            };
        }
        break;
      }
      case "APPROVE_CHANGE":
      case "DECLINE_CHANGE": {
        const p = parsed(
          z.object({
            proposalId: requiredId("That proposed change was not found"),
            decision: z
              .enum(["APPROVE", "DECLINE"], { error: "Choose whether you approve the change" })
              .optional()
              .transform((d) => d ?? (action === "APPROVE_CHANGE" ? undefined : "DECLINE")),
            reasons: optionalText(5000),
          }),
          values,
        );
        if ("errors" in p) return { errors: p.errors, values };
        if (!p.data.decision) return { errors: { decision: "Choose whether you approve the change" }, values };
        await decideChange(viewer, id, p.data.proposalId, p.data.decision === "APPROVE", p.data.reasons);
        break;
      }
      case "SUGGEST": {
        const p = parsed(
          z.object({ suggestion: requiredText(5000, "Enter your suggestion"), timing: optionalText(300) }),
          values,
        );
        if ("errors" in p) return { errors: p.errors, values };
        await addSuggestion(viewer, id, p.data.suggestion, p.data.timing);
        break;
      }
      case "OWN_REPORT": {
        const p = parsed(
          z.object({
            title: requiredLine(200, "Enter your report's title"),
            body: requiredText(20_000, "Enter your report"),
            reason: requiredText(2000, "Give the exceptional reason for adding your own report"),
          }),
          values,
        );
        if ("errors" in p) return { errors: p.errors, values };
        await addMemberReport(viewer, id, p.data);
        break;
      }
      case "SHARE": {
        const p = parsed(z.object({ groupId: optionalId(), userId: optionalId() }), values);
        if ("errors" in p) return { errors: p.errors, values };
        if (p.data.groupId && p.data.userId)
          return { errors: { groupId: "Share with one group or one member at a time" }, values };
        await shareDraft(viewer, id, p.data);
        break;
      }
      case "CONSULTED": {
        const p = parsed(z.object({ comments: optionalText(5000) }), values);
        if ("errors" in p) return { errors: p.errors, values };
        await respondToConsultation(viewer, id, p.data.comments);
        break;
      }
      case "LIST": {
        const p = parsed(z.object({ meetingId: requiredId("Choose a meeting") }), values);
        if ("errors" in p) return { errors: p.errors, values };
        await listForMeeting(viewer, id, p.data.meetingId);
        break;
      }
      case "OUTCOME": {
        const p = parsed(
          z.object({
            outcome: z.string({ error: "Choose the meeting's decision" }).max(40),
            minute: optionalText(5000),
          }),
          values,
        );
        if ("errors" in p) return { errors: p.errors, values };
        await recordReportOutcome(viewer, id, p.data.outcome, p.data.minute);
        break;
      }
      default: {
        // WITHDRAW (the officer's own), and DO_NOT_PRESENT / HOLD / HIDE / REPLACE, which no one may do.
        const p = parsed(z.object({ reasons: optionalText(5000) }), values);
        if ("errors" in p) return { errors: p.errors, values };
        if ((await suppress(viewer, id, action, p.data.reasons, values.confirmed === "yes")) === "CONFIRM")
          return {
            errors: {},
            values,
            confirm: "Withdraw this report? It comes off any agenda it is listed for.",
          };
      }
    }
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return { errors: { form: e.message }, values };
    return { errors: errorsFrom(e), values };
  }
  return { done: action, id };
}

/** A Chief Officer's authorisation for an officer of their service to write reports (HAL-E1 and the like). */
export async function handleReportAuthorisation(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<ActionState> {
  const p = parsed(
    z.object({
      officerId: requiredId("Choose an officer of your service"),
      on: z.enum(["yes", "no"], { error: "Choose whether they may write reports" }),
    }),
    values,
  );
  if ("errors" in p) return { errors: p.errors, values };
  try {
    await setAuthorisation(viewer, p.data.officerId, p.data.on === "yes");
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { errors: {}, values: { on: p.data.on } };
}
