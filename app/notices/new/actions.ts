"use server";
import { requireViewer } from "@/lib/auth/session";
import { handleWardNotice, type NoticeFormState } from "@/lib/notices/form";

export async function sendWardNoticeAction(_prev: NoticeFormState, form: FormData): Promise<NoticeFormState> {
  const viewer = await requireViewer("/notices/new");
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
  return handleWardNotice(viewer, {
    wardIds: form.getAll("wardIds").map(String),
    type: str("type"),
    title: str("title"),
    body: str("body"),
  });
}
