// CSV of "your requests": the same filters and visibility as the page, every page of it, streamed.
import { requireViewer } from "@/lib/auth/session";
import { cellsOf, csvResponse } from "@/lib/csv";
import { exportRequests, REQUESTS_CSV_HEADER, requestsCsvCells } from "@/lib/requests/queries";
import { listParams, toListFilters } from "@/lib/requests/list-params";

export async function GET(request: Request) {
  const viewer = await requireViewer("/requests");
  const f = listParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const name = `my-requests-${viewer.council.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return csvResponse(
    name,
    REQUESTS_CSV_HEADER,
    cellsOf(exportRequests(viewer, toListFilters(f)), requestsCsvCells),
  );
}
