"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { changePasswordSchema, fieldErrors } from "@/lib/users/schema";
import { changePassword } from "@/lib/users/service";
import { cancelAbsence, handleRecordAbsence } from "@/lib/people/absences";
import { handleEmailPreference } from "@/lib/email/digest";
import type { AbsenceFormState } from "./absence-state";

export type ChangePasswordState = { errors: Record<string, string> };

export async function changePasswordAction(
  _prev: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  const viewer = await requireViewer("/account");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    await changePassword(viewer, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (err) {
    if (err instanceof AppError)
      return { errors: Object.keys(err.fields).length ? err.fields : { form: err.message } };
    throw err;
  }
  redirect("/signin?changed=1");
}

export async function saveEmailPreferenceAction(
  _prev: { errors: Record<string, string>; saved?: boolean },
  form: FormData,
): Promise<{ errors: Record<string, string>; saved?: boolean }> {
  const viewer = await requireViewer("/account");
  return handleEmailPreference(viewer, { emailFrequency: String(form.get("emailFrequency") ?? "") });
}

export async function recordAbsenceAction(_prev: AbsenceFormState, form: FormData): Promise<AbsenceFormState> {
  const viewer = await requireViewer("/account");
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  return handleRecordAbsence(viewer, values);
}

export async function cancelAbsenceAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/account");
  await cancelAbsence(viewer, String(form.get("id") ?? ""));
  redirect("/account?absence=cancelled#absences");
}
