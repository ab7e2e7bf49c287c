// CSV export of the dashboard's filtered list (open requests in the viewer's scope, or only the overdue ones).
import { requireViewer } from "@/lib/auth/session";
import { canUse } from "@/lib/auth/permissions";
import { csvRow } from "@/lib/csv";
import { dashboardScope, filtered } from "@/lib/requests/dashboard";
import { parseDashboardParams } from "@/lib/requests/dashboard-params";
import { CLOSED_STATUSES } from "@/lib/requests/labels";
import { exportRequests, QUEUE_CSV_HEADER, queueCsvCells } from "@/lib/requests/queue";

export async function GET(request: Request) {
  const viewer = await requireViewer("/dashboard");
  if (!canUse(viewer.roles, "dashboard")) return new Response("Not found", { status: 404 });
  const p = parseDashboardParams(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const scope = await dashboardScope(viewer);
  const where = {
    AND: [
      filtered(scope.where, { type: p.type, serviceId: p.serviceId, overdue: p.overdue === "1" }, now),
      { status: { notIn: CLOSED_STATUSES } },
    ],
  };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(QUEUE_CSV_HEADER)}`));
      for await (const batch of exportRequests(where, "due", now))
        controller.enqueue(encoder.encode(batch.map((r) => csvRow(queueCsvCells(r))).join("")));
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="workload-${viewer.council.slug}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
