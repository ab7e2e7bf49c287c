// The bulk-import template: the columns and two example rows, as CSV. Administrators only; anyone else: not found.
import { mayAdminister } from "@/lib/admin/audit";
import { templateCsv } from "@/lib/admin/import";
import { requireViewer } from "@/lib/auth/session";

export async function GET() {
  const viewer = await requireViewer("/admin/import");
  if (!mayAdminister(viewer)) return new Response("Not found", { status: 404 });
  return new Response(templateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="people-import-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
