// CSV export of the dashboard's filtered list (open requests in the viewer's scope, or only the overdue ones).
import { canUse } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { cellsOf, csvResponse } from "@/lib/csv";
import { dashboardRows } from "@/lib/requests/dashboard";
import { parseDashboardParams, toDashboardFilters } from "@/lib/requests/dashboard-params";
import { QUEUE_CSV_HEADER, queueCsvCells } from "@/lib/requests/queue";

export async function GET(request: Request) {
  const viewer = await requireViewer("/dashboard");
  if (!canUse(viewer.roles, "dashboard")) return new Response("Not found", { status: 404 });
  const p = parseDashboardParams(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const rows = dashboardRows(viewer, toDashboardFilters(p), now);
  const name = `workload-${viewer.council.slug}-${now.toISOString().slice(0, 10)}.csv`;
  return csvResponse(name, QUEUE_CSV_HEADER, cellsOf(rows, queueCsvCells));
}
