// CSV export of the queue's filtered list (the same filters as the page, every page of it), streamed.
import { requireViewer } from "@/lib/auth/session";
import { canUse } from "@/lib/auth/permissions";
import { csvRow } from "@/lib/csv";
import { exportQueue, QUEUE_CSV_HEADER, queueCsvCells } from "@/lib/requests/queue";
import { parseQueueParams, toFilters } from "@/lib/requests/queue-params";

export async function GET(request: Request) {
  const viewer = await requireViewer("/queue");
  if (!canUse(viewer.roles, "queue")) return new Response("Not found", { status: 404 });
  const p = parseQueueParams(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(QUEUE_CSV_HEADER)}`));
      for await (const batch of exportQueue(viewer, toFilters(p), now)) {
        controller.enqueue(encoder.encode(batch.map((r) => csvRow(queueCsvCells(r))).join("")));
      }
      controller.close();
    },
  });
  const stamp = now.toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="requests-${viewer.council.slug}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
