// CSV export of the queue's filtered list (the same filters as the page, every page of it), streamed.
import { canUse } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { cellsOf, csvResponse } from "@/lib/csv";
import { exportQueue, QUEUE_CSV_HEADER, queueCsvCells } from "@/lib/requests/queue";
import { parseQueueParams, toFilters } from "@/lib/requests/queue-params";

export async function GET(request: Request) {
  const viewer = await requireViewer("/queue");
  if (!canUse(viewer.roles, "queue")) return new Response("Not found", { status: 404 });
  const p = parseQueueParams(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const name = `requests-${viewer.council.slug}-${now.toISOString().slice(0, 10)}.csv`;
  return csvResponse(name, QUEUE_CSV_HEADER, cellsOf(exportQueue(viewer, toFilters(p), now), queueCsvCells));
}
