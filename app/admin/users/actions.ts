"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { setActiveSchema } from "@/lib/users/schema";
import { setUserActive } from "@/lib/users/service";

export async function setUserActiveAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/admin/users");
  const back = String(form.get("back") ?? "");
  const backParams = new URLSearchParams(back.startsWith("?") ? back.slice(1) : "");
  const parsed = setActiveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    backParams.set("error", "That change could not be made. Reload the page and try again.");
    redirect(`/admin/users?${backParams}`);
  }
  let message: string;
  try {
    const user = await setUserActive(viewer, parsed.data.userId, parsed.data.active);
    message = user.active
      ? `${user.name} has been reactivated.`
      : `${user.name} has been deactivated and signed out everywhere.`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    backParams.set("error", err.message);
    redirect(`/admin/users?${backParams}`);
  }
  backParams.delete("error");
  backParams.set("done", message);
  redirect(`/admin/users?${backParams}`);
}
