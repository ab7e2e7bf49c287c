"use server";
import { requireViewer } from "@/lib/auth/session";
import { handleSignificantDevelopment, type DevelopmentFormState } from "@/lib/notices/form";

export async function sendDevelopmentAction(
  _prev: DevelopmentFormState,
  form: FormData,
): Promise<DevelopmentFormState> {
  const viewer = await requireViewer("/notices/development");
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
  return handleSignificantDevelopment(viewer, {
    audienceIds: form.getAll("audienceIds").map(String),
    title: str("title"),
    body: str("body"),
  });
}
