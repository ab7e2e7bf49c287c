"use server";
import { notFound, redirect } from "next/navigation";
import { decodeCsvBytes, IMPORT_MAX_BYTES, INITIAL_IMPORT_STATE, type ImportState } from "@/lib/admin/import";
import { handleImportApply, handleImportPreview } from "@/lib/admin/import-forms";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { oneLine } from "@/lib/validation";

const fileError = (message: string): ImportState => ({
  ...INITIAL_IMPORT_STATE,
  errors: [{ line: null, column: "file", message }],
});

/**
 * The import page's one form action: "check" reads the uploaded file and returns the preview (or the problems);
 * "apply" takes the file's text back from the preview and imports it, all or nothing, then shows the result.
 */
export async function importPeopleAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const viewer = await requireViewer("/admin/import");
  let importId: string | null = null;
  try {
    if (form.get("intent") === "apply") {
      const csv = form.get("csv");
      if (typeof csv !== "string" || csv === "") return fileError("Upload the file again: it was not received.");
      const fileName = oneLine(String(form.get("fileName") ?? "")).slice(0, 200);
      const out = await handleImportApply(viewer, csv, {
        digest: String(form.get("digest") ?? "").slice(0, 100),
        invite: form.get("invite") === "yes",
        now: new Date(),
      });
      if (!out.done) return { ...out, fileName };
      importId = out.done.importId;
    } else {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return fileError("Choose a CSV file to upload.");
      if (file.size > IMPORT_MAX_BYTES)
        return fileError("The file must be 2 MB or smaller. Split it into parts of up to 5,000 rows.");
      const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const out = await handleImportPreview(viewer, text);
      return { ...out, fileName: oneLine(file.name).slice(0, 200) };
    }
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  redirect(`/admin/import?done=${importId}`);
}
