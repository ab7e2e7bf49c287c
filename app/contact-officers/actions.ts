"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { handleAddContactOfficer, handleRemoveContactOfficer } from "@/lib/organisation/contacts";

async function run(work: () => Promise<void>, done: string) {
  try {
    await work();
  } catch (e) {
    if (e instanceof AppError)
      redirect(
        `/contact-officers?error=${encodeURIComponent(e.ruleId ? `${e.message} (${e.ruleId})` : e.message)}`,
      );
    throw e;
  }
  redirect(`/contact-officers?done=${done}`);
}

export async function addContactOfficerAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/contact-officers");
  await run(
    () => handleAddContactOfficer(viewer, String(form.get("serviceId") ?? ""), String(form.get("userId") ?? "")),
    "added",
  );
}

export async function removeContactOfficerAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/contact-officers");
  await run(() => handleRemoveContactOfficer(viewer, String(form.get("id") ?? "")), "removed");
}
