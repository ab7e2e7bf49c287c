// The information-request form's handlers (plain functions; app/requests/new/information/actions.ts wraps them).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { fileInformationRequest, previewInformationRequest } from "@/lib/requests/information";
import {
  informationFormSchema,
  toInformationInput,
  zodFieldErrors,
  type InformationFormValues,
} from "@/lib/requests/schema";
import { errorsFrom, type FieldErrors, type SubmitResult } from "./types";

/** A group request is always for the asker's own group (DEF-B1): the group is never taken from the form. */
function toInput(viewer: Viewer, data: Parameters<typeof toInformationInput>[0]) {
  return {
    ...toInformationInput(data),
    groupId: data.kind === "GROUP_BACKGROUND" ? (viewer.partyGroup?.id ?? null) : null,
  };
}

export type InformationPreview = {
  decider: { name: string; jobTitle: string | null } | null;
  dueDate: string | null;
  notes: { ruleId: string; message: string }[];
  triage: boolean;
};
export type InformationCheck = { errors: FieldErrors; preview?: InformationPreview };

export async function checkInformationForm(
  viewer: Viewer,
  values: InformationFormValues,
  now: Date,
): Promise<InformationCheck> {
  const parsed = informationFormSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  try {
    return { errors: {}, preview: await previewInformationRequest(viewer, toInput(viewer, parsed.data), now) };
  } catch (e) {
    return { errors: errorsFrom(e) };
  }
}

export async function submitInformationForm(
  viewer: Viewer,
  values: InformationFormValues,
  idempotencyKey: string,
  now: Date,
): Promise<SubmitResult> {
  const parsed = informationFormSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) };
  try {
    const filed = await fileInformationRequest(viewer, toInput(viewer, parsed.data), {
      now,
      idempotencyKey: idempotencyKey.slice(0, 64),
    });
    return { errors: {}, id: filed.id };
  } catch (e) {
    return { errors: errorsFrom(e) };
  }
}
