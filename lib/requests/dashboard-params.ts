// The dashboard's query string, shared by the page and its CSV export.
import { z } from "zod";
import { REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";

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
  /** The numbers' own filters (each number links to the list behind it): due soon, holder, status, age. */
  soon: z.enum(["", "1"]).catch("").default(""),
  officer: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z0-9]*$/i)
    .catch("")
    .default(""),
  status: z
    .enum(["", ...Object.keys(STATUS_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  age: z.enum(["", "0-6", "7-13", "14-27", "28+"]).catch("").default(""),
});
export type DashboardParams = z.infer<typeof dashboardParams>;

export function parseDashboardParams(sp: Record<string, string | string[] | undefined>): DashboardParams {
  return dashboardParams.parse(
    Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
}

/** The filters as the service reads them. */
export const toDashboardFilters = (p: DashboardParams) => ({
  type: p.type,
  serviceId: p.serviceId,
  overdue: p.overdue === "1",
  soon: p.soon === "1",
  officer: p.officer,
  status: p.status,
  age: p.age,
});

/** The dashboard narrowed to one number's requests: its link (the list below the figures lists exactly them). */
export const dashboardLink = (p: DashboardParams, narrow: Partial<DashboardParams>) =>
  `/dashboard?${dashboardQuery({ ...p, ...narrow })}#requests`;

export const dashboardQuery = (p: DashboardParams) =>
  new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();
