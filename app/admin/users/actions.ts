"use server";
import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleReassignWork } from "@/lib/users/people";
import { setActiveSchema } from "@/lib/users/schema";
import { setUserActive } from "@/lib/users/service";

/** Results travel back as codes, never as text: a link cannot make this page say something it did not. */
export async function setUserActiveAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/admin/users");
  const back = String(form.get("back") ?? "");
  const backParams = new URLSearchParams(back.startsWith("?") ? back.slice(1) : "");
  for (const k of ["error", "done", "user", "confirm"]) backParams.delete(k);
  const parsed = setActiveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    backParams.set("error", "invalid");
    redirect(`/admin/users?${backParams}`);
  }
  // Deactivating ends the person's sessions at once: the page asks first.
  if (!parsed.data.active && parsed.data.confirmed !== "yes") {
    backParams.set("confirm", parsed.data.userId);
    redirect(`/admin/users?${backParams}`);
  }
  let code: string;
  try {
    const user = await setUserActive(viewer, parsed.data.userId, parsed.data.active);
    code = user.active ? "reactivated" : "deactivated";
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    backParams.set("error", err.code === "NOT_FOUND" ? "not-found" : "self");
    redirect(`/admin/users?${backParams}`);
  }
  backParams.set("done", code);
  backParams.set("user", parsed.data.userId);
  redirect(`/admin/users?${backParams}`);
}

/** Gives a person's open work to another officer before they are deactivated (back to the confirmation page). */
export async function reassignWorkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer("/admin/users");
  let out: Awaited<ReturnType<typeof handleReassignWork>>;
  try {
    out = await handleReassignWork(viewer, values, new Date());
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  if (out.done)
    redirect(
      `/admin/users?${new URLSearchParams({ confirm: values.userId ?? "", reassigned: String(out.count ?? 0), to: values.toId ?? "" })}`,
    );
  return { errors: out.errors, values: out.values };
}
