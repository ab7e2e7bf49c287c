"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handleDeleteView, handleSaveView, type SavedViewFormState } from "@/lib/requests/saved-views";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/** "Save this view": the queue's current filters under a name (errors come back to the form). */
export async function saveViewAction(_prev: SavedViewFormState, form: FormData): Promise<SavedViewFormState> {
  const viewer = await requireViewer("/queue");
  const out = await handleSaveView(viewer, { name: text(form, "name"), query: text(form, "query") });
  if (out.saved) revalidatePath("/queue");
  return out;
}

/** Deletes one of one's own saved views, once confirmed on the queue page. */
export async function deleteViewAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/queue");
  const out = await handleDeleteView(viewer, { id: text(form, "id") });
  redirect(out.deleted ? "/queue?view=deleted" : "/queue?view=not-found");
}
