// CSV of "your requests": the same filters and visibility as the page, every page of it, streamed.
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { cellsOf, csvResponse } from "@/lib/csv";
import { exportRequests, REQUESTS_CSV_HEADER, requestsCsvCells } from "@/lib/requests/queries";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { searchText } from "@/lib/validation";

const filters = z.object({
  type: z
    .enum(["", ...Object.keys(REQUEST_TYPE_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  status: z.enum(["", "open", "closed"]).catch("").default(""),
  q: searchText,
});

export async function GET(request: Request) {
  const viewer = await requireViewer("/requests");
  const f = filters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const name = `my-requests-${viewer.council.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return csvResponse(
    name,
    REQUESTS_CSV_HEADER,
    cellsOf(
      exportRequests(viewer, { type: f.type, status: f.status as "" | "open" | "closed", q: f.q }),
      requestsCsvCells,
    ),
  );
}
