"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileInformationRequest, previewInformationRequest } from "@/lib/requests/information";
import { informationFormSchema, toInformationInput, zodFieldErrors, type InformationFormValues } from "@/lib/requests/schema";

export type FormResult = { errors: Record<string, string>; ruleId?: string; preview?: { decider: { name: string; jobTitle: string | null } | null; dueDate: string | null; notes: { ruleId: string; message: string }[]; triage: boolean } };

function fromError(e: unknown): FormResult {
  if (e instanceof AppError) {
    const errors = Object.keys(e.fields).length ? e.fields : { form: e.message };
    return { errors: e.ruleId ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, `${v} (${e.ruleId})`])) : errors, ruleId: e.ruleId };
  }
  throw e;
}

export async function checkInformationAction(values: InformationFormValues): Promise<FormResult> {
  const viewer = await requireViewer("/requests/new/information");
  const parsed = informationFormSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  try {
    const preview = await previewInformationRequest(db(), viewer, toInformationInput(parsed.data), new Date());
    return { errors: {}, preview };
  } catch (e) {
    return fromError(e);
  }
}

export async function submitInformationAction(values: InformationFormValues, idempotencyKey: string): Promise<FormResult> {
  const viewer = await requireViewer("/requests/new/information");
  const parsed = informationFormSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = (await fileInformationRequest(db(), viewer, toInformationInput(parsed.data), { now: new Date(), idempotencyKey: idempotencyKey.slice(0, 64) })).id;
  } catch (e) {
    return fromError(e);
  }
  redirect(`/requests/${id}/confirmation`);
}
