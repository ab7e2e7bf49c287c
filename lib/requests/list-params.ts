// "Your requests" query string, parsed once for the page and its CSV (bad values fall back, never a 500).
import { z } from "zod";
import { searchText } from "@/lib/validation";
import { REQUEST_TYPE_LABELS } from "./labels";
import type { ListFilters } from "./queries";

export const listParams = z.object({
  type: z
    .enum(["", ...Object.keys(REQUEST_TYPE_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  status: z.enum(["", "open", "closed"]).catch("").default(""),
  /** "mine": made by the viewer; "waiting": made by the viewer and waiting on their answer. */
  show: z.enum(["", "mine", "waiting"]).catch("").default(""),
  q: searchText,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListParams = z.infer<typeof listParams>;

export const toListFilters = (f: ListParams): ListFilters => ({
  type: f.type,
  status: f.status,
  q: f.q,
  page: f.page,
  mine: f.show !== "",
  awaitingMember: f.show === "waiting",
});
