"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { checkTypedForm, submitTypedForm } from "@/lib/requests/forms/typed";
import type { CheckResult } from "@/lib/requests/forms/types";

type Values = Record<string, string | string[]>;

export async function checkRequestAction(type: string, values: Values): Promise<CheckResult> {
  const viewer = await requireViewer(`/requests/new/${type}`);
  return checkTypedForm(viewer, type, values, new Date());
}

export async function submitRequestAction(type: string, values: Values, key: string): Promise<CheckResult> {
  const viewer = await requireViewer(`/requests/new/${type}`);
  const result = await submitTypedForm(viewer, type, values, key, new Date());
  if (result.id) redirect(`/requests/${result.id}/confirmation`);
  return result;
}
