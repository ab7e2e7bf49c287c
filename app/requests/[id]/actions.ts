"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actOnInformationRequest } from "@/lib/requests/information";
import { zodFieldErrors } from "@/lib/requests/schema";
import type { InfoAction } from "@/lib/workflow/information";

export type ActionState = { errors: Record<string, string>; values: Record<string, string> };

const reasons = z.string().trim().max(5000, "Enter 5000 characters or fewer");
const schema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("WITHDRAW") }),
  z.object({ action: z.literal("REQUEST_REVIEW"), reasons: reasons.min(1, "Say why you want the refusal reviewed") }),
  z.object({ action: z.literal("MEMBER_RESPONDS"), response: reasons, agrees: z.enum(["yes", "no"]).optional(), scope: z.enum(["ACCEPT", "AMEND", "KEEP", ""]).optional() }),
  z.object({ action: z.literal("GRANT"), reply: reasons }),
  z.object({ action: z.literal("REFUSE"), ground: z.string().max(40), reasons }),
  z.object({ action: z.literal("UPHOLD"), reasons }),
  z.object({ action: z.literal("OVERTURN"), reasons }),
]);

function toAction(d: z.output<typeof schema>): InfoAction {
  switch (d.action) {
    case "WITHDRAW":
      return { type: "WITHDRAW" };
    case "REQUEST_REVIEW":
      return { type: "REQUEST_REVIEW", reasons: d.reasons };
    case "MEMBER_RESPONDS":
      return { type: "MEMBER_RESPONDS", response: d.response, agrees: d.agrees === undefined ? undefined : d.agrees === "yes", scope: d.scope ? d.scope : undefined };
    case "GRANT":
      return { type: "GRANT", reply: d.reply };
    case "REFUSE":
      return { type: "REFUSE", ground: d.ground as never, reasons: d.reasons };
    case "UPHOLD":
    case "OVERTURN":
      return { type: d.action, reasons: d.reasons };
  }
}

export async function requestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("requestId") ?? "");
  const viewer = await requireViewer(`/requests/${id}`);
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  try {
    await actOnInformationRequest(db(), viewer, id, toAction(parsed.data), new Date());
  } catch (e) {
    if (e instanceof AppError) {
      const withRule = (m: string) => (e.ruleId ? `${m} (${e.ruleId})` : m);
      const errors = Object.keys(e.fields).length ? Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, withRule(m)])) : { form: withRule(e.message) };
      return { errors, values };
    }
    throw e;
  }
  redirect(`/requests/${id}?done=${parsed.data.action}`);
}
