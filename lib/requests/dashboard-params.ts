// The dashboard's query string, shared by the page and its CSV export.
import { z } from "zod";
import { REQUEST_TYPE_LABELS } from "./labels";

export const dashboardParams = z.object({
  type: z
    .enum(["", ...Object.keys(REQUEST_TYPE_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  serviceId: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z0-9]*$/i)
    .catch("")
    .default(""),
  overdue: z.enum(["", "1"]).catch("").default(""),
});
export type DashboardParams = z.infer<typeof dashboardParams>;

export function parseDashboardParams(sp: Record<string, string | string[] | undefined>): DashboardParams {
  return dashboardParams.parse(
    Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
}

export const dashboardQuery = (p: DashboardParams) =>
  new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();
