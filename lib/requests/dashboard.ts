// The workload dashboard (Town Clerk; Chief Executive, Deputy CE / COO; Chief Officers for their services): open
// requests by officer, type and status, ageing, overdue, and requests made per week over 12 weeks. Aggregates only,
// computed in a handful of grouped queries. Complaints and Code matters count only where the viewer may see them
// (a complaint about the Chief Executive never shows on the Chief Executive's dashboard, even as a number).
// Every number, list and CSV row is inside visibleTo(viewer): the dashboard never counts or lists a request the
// same person would get "not found" for (docs/decisions/0008).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { addWorkingDays } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";
import { CLOSED_STATUSES, REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { exportRequests, headedServiceIds, type QueueItem } from "./queue";
import { visibleTo } from "./visibility";
import { db } from "@/lib/db";

export const COUNCIL_WIDE = [
  "TOWN_CLERK",
  "CHIEF_EXECUTIVE",
  "DEPUTY_CHIEF_EXECUTIVE",
  "CHIEF_OPERATING_OFFICER",
] as const;

export type DashboardFilters = { type?: string; serviceId?: string; overdue?: boolean };

export async function dashboardScope(
  viewer: Viewer,
): Promise<{ where: Prisma.RequestWhereInput; label: string; serviceIds: string[] | null }> {
  const visible = visibleTo(viewer);
  if (COUNCIL_WIDE.some((r) => viewer.roles.includes(r)))
    return { where: visible, label: "the whole council (the requests you can see)", serviceIds: null };
  const headed = await headedServiceIds(viewer);
  return {
    where: {
      AND: [visible, { OR: [{ serviceId: { in: headed } }, { deciderId: viewer.id }] }],
    },
    label: headed.length ? "your service" + (headed.length > 1 ? "s" : "") : "requests you decide",
    serviceIds: headed,
  };
}

const today0 = (now: Date) => new Date(`${londonDate(now)}T00:00:00Z`);

export function filtered(
  scope: Prisma.RequestWhereInput,
  f: DashboardFilters,
  now: Date,
): Prisma.RequestWhereInput {
  const and: Prisma.RequestWhereInput[] = [scope];
  if (f.type) and.push({ type: f.type as Prisma.RequestWhereInput["type"] });
  if (f.serviceId) and.push({ serviceId: f.serviceId });
  if (f.overdue) and.push({ status: { notIn: CLOSED_STATUSES }, pausedAt: null, dueDate: { lt: today0(now) } });
  return { AND: and };
}

export type Bar = {
  key: string;
  label: string;
  value: number;
  overdue?: number;
  hours?: number;
  capacity?: number | null;
};
export type Dashboard = {
  open: number;
  overdue: number;
  dueSoon: number;
  byOfficer: Bar[];
  byType: Bar[];
  byStatus: Bar[];
  ageing: Bar[];
  perWeek: Bar[];
};

/** Monday of the London week containing `date` (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export async function loadDashboard(
  scope: Prisma.RequestWhereInput,
  f: DashboardFilters,
  now: Date,
): Promise<Dashboard> {
  const prisma = db();
  const base = filtered(scope, { ...f, overdue: false }, now);
  const open: Prisma.RequestWhereInput = { AND: [base, { status: { notIn: CLOSED_STATUSES } }] };
  const t0 = today0(now);
  const overdueWhere: Prisma.RequestWhereInput = { AND: [open, { pausedAt: null, dueDate: { lt: t0 } }] };
  const day = 86_400_000;
  const ages = [
    { key: "0-6", label: "Under a week", from: 0, to: 7 },
    { key: "7-13", label: "1 to 2 weeks", from: 7, to: 14 },
    { key: "14-27", label: "2 to 4 weeks", from: 14, to: 28 },
    { key: "28+", label: "Over 4 weeks", from: 28, to: null },
  ];
  const thisWeek = weekStart(londonDate(now));
  const firstWeek = new Date(`${thisWeek}T00:00:00Z`);
  firstWeek.setUTCDate(firstWeek.getUTCDate() - 7 * 11);
  const [openCount, overdueCount, dueSoon, holders, overdueHolders, byType, byStatus, ageCounts, recent] =
    await Promise.all([
      prisma.request.count({ where: open }),
      prisma.request.count({ where: overdueWhere }),
      prisma.request.count({
        where: {
          AND: [
            open,
            {
              pausedAt: null,
              dueDate: { gte: t0, lte: new Date(`${addWorkingDays(londonDate(now), 2)}T00:00:00Z`) },
            },
          ],
        },
      }),
      prisma.request.groupBy({ by: ["allocatedToId", "deciderId"], where: open, _count: { _all: true } }),
      prisma.request.groupBy({ by: ["allocatedToId", "deciderId"], where: overdueWhere, _count: { _all: true } }),
      prisma.request.groupBy({ by: ["type"], where: open, _count: { _all: true } }),
      prisma.request.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
      // The newest bucket has no upper bound, so a request made a moment after `now` still counts.
      Promise.all(
        ages.map((a) =>
          prisma.request.count({
            where: {
              AND: [
                open,
                {
                  createdAt: {
                    ...(a.from > 0 ? { lte: new Date(now.getTime() - a.from * day) } : {}),
                    ...(a.to !== null ? { gt: new Date(now.getTime() - a.to * day) } : {}),
                  },
                },
              ],
            },
          }),
        ),
      ),
      prisma.request.findMany({
        where: { AND: [base, { createdAt: { gte: new Date(firstWeek.getTime() - day) } }] },
        select: { createdAt: true },
        take: 50_000,
      }),
    ]);
  // The person holding each open request: the allocated officer, else the decider.
  const tally = (rows: typeof holders) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const who = r.allocatedToId ?? r.deciderId ?? "";
      m.set(who, (m.get(who) ?? 0) + r._count._all);
    }
    return m;
  };
  const openBy = tally(holders);
  const overdueBy = tally(overdueHolders);
  const estimates = await prisma.request.findMany({
    where: { AND: [open, { allocatedToId: { in: [...openBy.keys()].filter(Boolean) } }] },
    select: { allocatedToId: true, data: true },
    take: 5000,
  });
  const hours = new Map<string, number>();
  for (const e of estimates) {
    const h = Number((e.data as { estimatedHours?: number | null }).estimatedHours) || 0;
    if (h) hours.set(e.allocatedToId!, (hours.get(e.allocatedToId!) ?? 0) + h);
  }
  const people = await prisma.user.findMany({
    where: { id: { in: [...openBy.keys()].filter(Boolean) } },
    select: { id: true, name: true, jobTitle: true, weeklyCapacityHours: true },
  });
  const person = new Map(people.map((p) => [p.id, p]));
  const weeks = new Map<string, number>();
  for (let i = 0; i < 12; i++) {
    const d = new Date(firstWeek.getTime() + i * 7 * day);
    weeks.set(d.toISOString().slice(0, 10), 0);
  }
  for (const r of recent) {
    const w = weekStart(londonDate(r.createdAt));
    if (weeks.has(w)) weeks.set(w, weeks.get(w)! + 1);
  }
  return {
    open: openCount,
    overdue: overdueCount,
    dueSoon,
    byOfficer: [...openBy.entries()]
      .map(([id, value]) => {
        const p = person.get(id);
        return {
          key: id || "none",
          label: id
            ? `${p?.name ?? "A former user"}${p?.jobTitle ? `, ${p.jobTitle}` : ""}`
            : "Not yet with anyone",
          value,
          overdue: overdueBy.get(id) ?? 0,
          hours: hours.get(id) ?? 0,
          capacity: p?.weeklyCapacityHours ?? null,
        };
      })
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    byType: byType
      .map((t) => ({ key: t.type, label: REQUEST_TYPE_LABELS[t.type] ?? t.type, value: t._count._all }))
      .sort((a, b) => b.value - a.value),
    byStatus: byStatus
      .map((s) => ({ key: s.status, label: STATUS_LABELS[s.status] ?? s.status, value: s._count._all }))
      .sort(
        (a, b) =>
          Number(CLOSED_STATUSES.includes(a.key)) - Number(CLOSED_STATUSES.includes(b.key)) || b.value - a.value,
      ),
    ageing: ages.map((a, i) => ({ key: a.key, label: a.label, value: ageCounts[i]! })),
    perWeek: [...weeks.entries()].map(([w, value]) => ({ key: w, label: w, value })),
  };
}

/** The dashboard's list (open requests, or only overdue ones, soonest due first): a first page, or every row for the
 * CSV. Always within the viewer's scope and what they may see, at their access level. */
export async function* dashboardRows(
  viewer: Viewer,
  f: DashboardFilters,
  now: Date,
  batch?: number,
): AsyncGenerator<QueueItem[]> {
  const scope = await dashboardScope(viewer);
  const where = { AND: [filtered(scope.where, f, now), { status: { notIn: CLOSED_STATUSES } }] };
  yield* exportRequests(viewer, where, "due", now, batch);
}
