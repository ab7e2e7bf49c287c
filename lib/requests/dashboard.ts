// The workload dashboard (Town Clerk; Chief Executive, Deputy CE / COO; Chief Officers for their services): open
// requests by officer, type and status, ageing, overdue, and requests made per week over 12 weeks.
// Every number, list and CSV row is inside what the viewer may see (visibleSql = visibleTo): the dashboard never
// counts or lists a request the same person would get "not found" for (docs/decisions/0008, 0009) — a complaint
// about the Chief Executive never shows on the Chief Executive's dashboard, even as a number.
//
// It does not notice the history (docs/performance.md): it reads only open requests and those made in the last 12
// weeks, each found through an index, and computes every figure in one SQL statement.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { dbRead } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addWorkingDays } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";
import { isId } from "@/lib/validation";
import { REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { exportRows, type QueueItem } from "./queue";
import { OPEN_SQL } from "./sql";
import { visibleSql } from "./visibility";

export const COUNCIL_WIDE = [
  "TOWN_CLERK",
  "CHIEF_EXECUTIVE",
  "DEPUTY_CHIEF_EXECUTIVE",
  "CHIEF_OPERATING_OFFICER",
] as const;

export type DashboardFilters = {
  type?: string;
  serviceId?: string;
  overdue?: boolean;
  /** Due in the next 2 working days (not paused). */
  soon?: boolean;
  /** Who holds it: an officer's id, or "none". */
  officer?: string;
  status?: string;
  /** An age band's key (AGES). */
  age?: string;
};

export type DashboardScope = { label: string; serviceIds: string[] | null; councilWide: boolean };

export function dashboardScope(viewer: Viewer): DashboardScope {
  if (COUNCIL_WIDE.some((r) => viewer.roles.includes(r)))
    return { label: "the whole council (the requests you can see)", serviceIds: null, councilWide: true };
  const headed = viewer.headedServiceIds;
  return {
    label: headed.length ? "your service" + (headed.length > 1 ? "s" : "") : "requests you decide",
    serviceIds: headed,
    councilWide: false,
  };
}

const AGES = [
  { key: "0-6", label: "Under a week", from: 0, to: 7 },
  { key: "7-13", label: "1 to 2 weeks", from: 7, to: 14 },
  { key: "14-27", label: "2 to 4 weeks", from: 14, to: 28 },
  { key: "28+", label: "Over 4 weeks", from: 28, to: null },
] as const;

/** The viewer's dashboard scope and filters as a condition on `r` (visibility always included). */
export function scopeSql(viewer: Viewer, f: DashboardFilters, now: Date): Prisma.Sql {
  const s = dashboardScope(viewer);
  const and: Prisma.Sql[] = [visibleSql(viewer)];
  if (!s.councilWide)
    and.push(
      s.serviceIds!.length
        ? Prisma.sql`(r."serviceId" IN (${Prisma.join(s.serviceIds!)}) OR r."deciderId" = ${viewer.id})`
        : Prisma.sql`r."deciderId" = ${viewer.id}`,
    );
  if (f.type) and.push(Prisma.sql`r.type::text = ${f.type}`);
  if (f.serviceId && isId(f.serviceId)) and.push(Prisma.sql`r."serviceId" = ${f.serviceId}`);
  if (f.overdue)
    and.push(Prisma.sql`${OPEN_SQL()} AND r."pausedAt" IS NULL AND r."dueDate" < ${londonDate(now)}::date`);
  if (f.soon)
    and.push(
      Prisma.sql`${OPEN_SQL()} AND r."pausedAt" IS NULL AND r."dueDate" BETWEEN ${londonDate(now)}::date AND ${addWorkingDays(londonDate(now), 2)}::date`,
    );
  if (f.officer === "none") and.push(Prisma.sql`COALESCE(r."allocatedToId", r."deciderId") IS NULL`);
  else if (f.officer && isId(f.officer))
    and.push(Prisma.sql`COALESCE(r."allocatedToId", r."deciderId") = ${f.officer}`);
  if (f.status) and.push(Prisma.sql`r.status::text = ${f.status}`);
  const band = AGES.find((a) => a.key === f.age);
  if (band) {
    const day = 86_400_000;
    and.push(Prisma.sql`r."createdAt" <= ${new Date(now.getTime() - band.from * day)}`);
    if (band.to !== null) and.push(Prisma.sql`r."createdAt" > ${new Date(now.getTime() - band.to * day)}`);
  }
  return Prisma.join(and, " AND ");
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
  /** On-time performance of the requests made in the last 12 weeks and decided: decided, and within target. */
  decided: number;
  onTime: number;
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

type Figures = {
  open: number;
  decided: number;
  on_time: number;
  overdue: number;
  due_soon: number;
  by_holder: { who: string | null; n: number; overdue: number; hours: number }[] | null;
  by_type: { k: string; n: number }[] | null;
  by_status: { k: string; n: number }[] | null;
  ages: number[];
  weeks: { w: string; n: number }[] | null;
  people: { id: string; name: string; jobTitle: string | null; capacity: number | null }[] | null;
};

export async function loadDashboard(viewer: Viewer, f: DashboardFilters, now: Date): Promise<Dashboard> {
  const council = viewer.council.id;
  const today = londonDate(now);
  const soon = addWorkingDays(today, 2);
  const thisWeek = weekStart(today);
  const firstWeek = new Date(`${thisWeek}T00:00:00Z`);
  firstWeek.setUTCDate(firstWeek.getUTCDate() - 7 * 11);
  const day = 86_400_000;
  const ageEdges = AGES.map((a) => new Date(now.getTime() - a.from * day));
  // Open requests and those made since the first week shown: two index scans, then everything from that set.
  const [row] = await dbRead().$queryRaw<Figures[]>`
    WITH s AS (
      SELECT r.id, r.type::text AS type, r.status, r."allocatedToId", r."deciderId", r."dueDate", r."pausedAt",
        r."createdAt", r."closedAt", ${OPEN_SQL()} AS open,
        (${OPEN_SQL()} AND r."pausedAt" IS NULL AND r."dueDate" < ${today}::date) AS late,
        COALESCE((r.data ->> 'estimatedHours')::numeric, 0) AS hours
      FROM "Request" r
      WHERE r.id IN (
        SELECT x.id FROM "Request" x WHERE x."councilId" = ${council} AND ${OPEN_SQL("x")}
        UNION SELECT x.id FROM "Request" x WHERE x."councilId" = ${council} AND x."createdAt" >= ${firstWeek})
      AND ${scopeSql(viewer, f, now)}
    ), o AS (SELECT * FROM s WHERE open)
    SELECT
      (SELECT count(*)::int FROM o) AS open,
      (SELECT count(*)::int FROM s WHERE NOT open AND "closedAt" IS NOT NULL AND "dueDate" IS NOT NULL
        AND "createdAt" >= ${firstWeek}) AS decided,
      (SELECT count(*)::int FROM s WHERE NOT open AND "closedAt" IS NOT NULL AND "dueDate" IS NOT NULL
        AND "createdAt" >= ${firstWeek}
        AND (("closedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date <= "dueDate") AS on_time,
      (SELECT count(*)::int FROM o WHERE late) AS overdue,
      (SELECT count(*)::int FROM o WHERE "pausedAt" IS NULL AND "dueDate" BETWEEN ${today}::date AND ${soon}::date) AS due_soon,
      (SELECT json_agg(h) FROM (SELECT COALESCE("allocatedToId", "deciderId") AS who, count(*)::int AS n,
        count(*) FILTER (WHERE late)::int AS overdue,
        COALESCE(sum(hours) FILTER (WHERE "allocatedToId" IS NOT NULL), 0)::float AS hours
        FROM o GROUP BY 1) h) AS by_holder,
      (SELECT json_agg(t) FROM (SELECT type AS k, count(*)::int AS n FROM o GROUP BY type) t) AS by_type,
      (SELECT json_agg(t) FROM (SELECT status AS k, count(*)::int AS n FROM o GROUP BY status) t) AS by_status,
      ARRAY[
        (SELECT count(*)::int FROM o WHERE "createdAt" > ${ageEdges[1]}),
        (SELECT count(*)::int FROM o WHERE "createdAt" <= ${ageEdges[1]} AND "createdAt" > ${ageEdges[2]}),
        (SELECT count(*)::int FROM o WHERE "createdAt" <= ${ageEdges[2]} AND "createdAt" > ${ageEdges[3]}),
        (SELECT count(*)::int FROM o WHERE "createdAt" <= ${ageEdges[3]})
      ] AS ages,
      (SELECT json_agg(wk) FROM (SELECT to_char(date_trunc('week', ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS w,
        count(*)::int AS n FROM s WHERE "createdAt" >= ${firstWeek} GROUP BY 1) wk) AS weeks,
      (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'jobTitle', u."jobTitle", 'capacity', u."weeklyCapacityHours"))
        FROM "User" u WHERE u.id IN (SELECT COALESCE("allocatedToId", "deciderId") FROM o)) AS people`;
  const f0 = row!;
  const person = new Map((f0.people ?? []).map((p) => [p.id, p]));
  const weeks = new Map<string, number>();
  for (let i = 0; i < 12; i++)
    weeks.set(new Date(firstWeek.getTime() + i * 7 * day).toISOString().slice(0, 10), 0);
  for (const w of f0.weeks ?? []) if (weeks.has(w.w)) weeks.set(w.w, w.n);
  return {
    open: f0.open,
    decided: f0.decided,
    onTime: f0.on_time,
    overdue: f0.overdue,
    dueSoon: f0.due_soon,
    byOfficer: (f0.by_holder ?? [])
      .map((h) => {
        const p = h.who ? person.get(h.who) : undefined;
        return {
          key: h.who ?? "none",
          label: h.who
            ? `${p?.name ?? "A former user"}${p?.jobTitle ? `, ${p.jobTitle}` : ""}`
            : "Not yet with anyone",
          value: h.n,
          overdue: h.overdue,
          hours: Math.round(h.hours * 10) / 10,
          capacity: p?.capacity ?? null,
        };
      })
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    byType: (f0.by_type ?? [])
      .map((t) => ({ key: t.k, label: REQUEST_TYPE_LABELS[t.k] ?? t.k, value: t.n }))
      .sort((a, b) => b.value - a.value),
    byStatus: (f0.by_status ?? [])
      .map((s) => ({ key: s.k, label: STATUS_LABELS[s.k] ?? s.k, value: s.n }))
      .sort((a, b) => b.value - a.value),
    ageing: AGES.map((a, i) => ({ key: a.key, label: a.label, value: f0.ages[i] ?? 0 })),
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
  const open = Prisma.sql`r.id IN (SELECT x.id FROM "Request" x WHERE x."councilId" = ${viewer.council.id} AND ${OPEN_SQL("x")})`;
  yield* exportRows(viewer, Prisma.sql`${open} AND ${scopeSql(viewer, f, now)}`, "due", now, batch, dbRead());
}
