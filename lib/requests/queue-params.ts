// The queue's query string, parsed once for the page and the CSV export (bad values fall back, never a 500).
import { z } from "zod";
import { searchText } from "@/lib/validation";
import { REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { QUEUE_SORTS, type QueueFilters, type QueueSort } from "./queue";

const id = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9]*$/i)
  .catch("")
  .default("");
export const queueParams = z.object({
  type: z
    .enum(["", ...Object.keys(REQUEST_TYPE_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  status: z
    .enum(["open", "closed", "all", ...Object.keys(STATUS_LABELS)] as [string, ...string[]])
    .catch("open")
    .default("open"),
  due: z.enum(["", "overdue", "week", "none"]).catch("").default(""),
  groupId: id,
  wardId: id,
  serviceId: id,
  assignee: id,
  q: searchText,
  sort: z
    .enum(Object.keys(QUEUE_SORTS) as [QueueSort, ...QueueSort[]])
    .catch("due")
    .default("due"),
  after: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]*$/)
    .catch("")
    .default(""),
});
export type QueueParams = z.infer<typeof queueParams>;

export function parseQueueParams(sp: Record<string, string | string[] | undefined>): QueueParams {
  const flat = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return queueParams.parse(flat);
}

export const toFilters = (p: QueueParams): QueueFilters => ({
  ...p,
  due: p.due as QueueFilters["due"],
  after: p.after || null,
});

/** The query string for these filters (without the cursor unless given), for links and the export. */
export function queueQuery(p: QueueParams, over: Partial<QueueParams> = {}): string {
  const all = { ...p, after: "", ...over };
  const entries = Object.entries(all).filter(
    ([k, v]) => v && !(k === "status" && v === "open") && !(k === "sort" && v === "due"),
  );
  return new URLSearchParams(entries as [string, string][]).toString();
}
