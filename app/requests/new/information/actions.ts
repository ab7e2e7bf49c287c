"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import {
  checkInformationForm,
  submitInformationForm,
  type InformationCheck,
} from "@/lib/requests/forms/information";
import type { InformationFormValues } from "@/lib/requests/schema";

export type FormResult = InformationCheck;

export async function checkInformationAction(values: InformationFormValues): Promise<FormResult> {
  const viewer = await requireViewer("/requests/new/information");
  return checkInformationForm(viewer, values, new Date());
}

export async function submitInformationAction(
  values: InformationFormValues,
  idempotencyKey: string,
): Promise<FormResult> {
  const viewer = await requireViewer("/requests/new/information");
  const result = await submitInformationForm(viewer, values, idempotencyKey, new Date());
  if (result.id) redirect(`/requests/${result.id}/confirmation`);
  return { errors: result.errors };
}
