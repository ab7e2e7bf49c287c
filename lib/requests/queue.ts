// The handling side's case list (MoJ case-list pattern): exactly the requests a person handles — as decider,
// allocated officer, reviewer or invited attendee; a Chief Officer also sees their service's requests; member
// services see requests waiting to be routed (DEF-A4) — always inside visibleTo(viewer). Filters, counts per status,
// and keyset pagination (stable under inserts, no OFFSET scans). Names are fetched in one query per page (no N+1).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { listFields } from "./queries";
import { CLOSED_STATUSES, STATUS_LABELS } from "./labels";
import { levelOf, searchMatch, viewerGrantsSelect, visibleTo } from "./visibility";
import { db } from "@/lib/db";
import { boundedInstant, isId } from "@/lib/validation";

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_SORTS = {
  due: "Due date, soonest first",
  newest: "Newest first",
  oldest: "Oldest first",
  updated: "Recently updated",
} as const;
export type QueueSort = keyof typeof QUEUE_SORTS;

export type QueueFilters = {
  type?: string;
  /** "open" (default), "closed", "all", or one status. */
  status?: string;
  due?: "" | "overdue" | "week" | "none";
  groupId?: string;
  wardId?: string;
  serviceId?: string;
  /** "me", "unassigned", or an officer's id. */
  assignee?: string;
  q?: string;
  sort?: QueueSort;
  after?: string | null;
};

/** Roles that route requests waiting for a department (DEF-A4; lib/workflow/information.ts TRIAGE). */
const TRIAGERS = ["ADMIN", "MONITORING_OFFICER", "DIRECTOR_OF_GOVERNANCE", "CHIEF_EXECUTIVE"] as const;

export async function headedServiceIds(viewer: Pick<Viewer, "id" | "council">): Promise<string[]> {
  const prisma = db();
  return (
    await prisma.service.findMany({
      where: { councilId: viewer.council.id, chiefOfficerId: viewer.id },
      select: { id: true },
    })
  ).map((s) => s.id);
}

/** What this person handles (before visibility, which is always added). */
export function handledBy(
  viewer: Pick<Viewer, "id" | "roles">,
  headedServices: string[],
): Prisma.RequestWhereInput {
  const mine: Prisma.RequestWhereInput[] = [
    { deciderId: viewer.id },
    { allocatedToId: viewer.id },
    { reviewerId: viewer.id },
    { attendees: { some: { officerId: viewer.id } } },
    // A shared queue (e.g. CWC-B3: CE, DCE and COO) names its recipients until one of them takes the request.
    { data: { path: ["recipientIds"], array_contains: [viewer.id] } },
  ];
  if (headedServices.length) mine.push({ serviceId: { in: headedServices } });
  if (TRIAGERS.some((r) => viewer.roles.includes(r))) mine.push({ status: "TRIAGE" });
  return { OR: mine };
}

const londonToday = (now: Date) =>
  new Date(`${now.toLocaleDateString("en-CA", { timeZone: "Europe/London" })}T00:00:00Z`);

/** The filters as a where clause, without the status filter (the status counts are computed across it). */
async function filterWhere(
  viewer: Viewer,
  f: QueueFilters,
  headed: string[],
  now: Date,
): Promise<Prisma.RequestWhereInput[]> {
  const prisma = db();
  const and: Prisma.RequestWhereInput[] = [visibleTo(viewer), handledBy(viewer, headed)];
  if (f.type) and.push({ type: f.type as Prisma.RequestWhereInput["type"] });
  const today = londonToday(now);
  if (f.due === "overdue")
    and.push({ dueDate: { lt: today }, status: { notIn: CLOSED_STATUSES }, pausedAt: null });
  if (f.due === "week")
    and.push({
      dueDate: { gte: today, lte: new Date(today.getTime() + 7 * 86_400_000) },
      status: { notIn: CLOSED_STATUSES },
    });
  if (f.due === "none") and.push({ dueDate: null });
  if (f.serviceId) and.push({ serviceId: f.serviceId });
  if (f.assignee === "me")
    and.push({ OR: [{ allocatedToId: viewer.id }, { allocatedToId: null, deciderId: viewer.id }] });
  else if (f.assignee === "unassigned") and.push({ allocatedToId: null });
  else if (f.assignee) and.push({ allocatedToId: f.assignee });
  if (f.groupId || f.wardId) {
    // Requests from the group's (ward's) members, and the group's own briefings and background requests.
    const members = await prisma.user.findMany({
      where: {
        councilId: viewer.council.id,
        ...(f.groupId ? { partyGroupId: f.groupId } : {}),
        ...(f.wardId ? { wards: { some: { id: f.wardId } } } : {}),
      },
      select: { id: true },
      take: 500,
    });
    const ids = members.map((m) => m.id);
    if (f.groupId) and.push({ OR: [{ groupId: f.groupId }, { createdById: { in: ids } }] });
    if (f.wardId)
      and.push({ OR: [{ data: { path: ["wardId"], equals: f.wardId } }, { createdById: { in: ids } }] });
  }
  if (f.q) and.push(searchMatch(viewer, f.q, { details: false }));
  return and;
}

function statusWhere(status: string | undefined): Prisma.RequestWhereInput {
  if (!status || status === "open") return { status: { notIn: CLOSED_STATUSES } };
  if (status === "closed") return { status: { in: CLOSED_STATUSES } };
  if (status === "all") return {};
  return { status };
}

type Cursor = { v: string | null; id: string };
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
export function decodeCursor(s: string | null | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    // A cursor is ours only if its id is an id and its value a date in the service's range (or null).
    return isId(c.id) && (c.v === null || (typeof c.v === "string" && boundedInstant(c.v) !== null)) ? c : null;
  } catch {
    return null;
  }
}

function order(sort: QueueSort): {
  orderBy: Prisma.RequestOrderByWithRelationInput[];
  after: (c: Cursor) => Prisma.RequestWhereInput;
  key: (r: { dueDate: Date | null; createdAt: Date; updatedAt: Date }) => string | null;
} {
  switch (sort) {
    case "newest":
    case "oldest":
    case "updated": {
      const field = sort === "updated" ? "updatedAt" : "createdAt";
      const dir = sort === "oldest" ? "asc" : "desc";
      const cmp = dir === "asc" ? "gt" : "lt";
      return {
        orderBy: [{ [field]: dir }, { id: dir }],
        after: (c) => ({
          OR: [{ [field]: { [cmp]: new Date(c.v!) } }, { [field]: new Date(c.v!), id: { [cmp]: c.id } }],
        }),
        key: (r) => r[field].toISOString(),
      };
    }
    default:
      return {
        orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        after: (c) =>
          c.v === null
            ? { dueDate: null, id: { gt: c.id } }
            : {
                OR: [
                  { dueDate: { gt: new Date(c.v) } },
                  { dueDate: new Date(c.v), id: { gt: c.id } },
                  { dueDate: null },
                ],
              },
        key: (r) => (r.dueDate ? r.dueDate.toISOString() : null),
      };
  }
}

export type QueueItem = {
  id: string;
  reference: string;
  type: string;
  typeLabel: string;
  subject: string;
  status: string;
  statusLabel: string;
  closed: boolean;
  dueDate: string | null;
  overdue: boolean;
  paused: boolean;
  createdAt: string;
  from: string;
  group: string | null;
  service: string | null;
  assignee: string | null;
  holder: string | null;
};

export type QueueResult = {
  items: QueueItem[];
  next: string | null;
  total: number;
  counts: { status: string; label: string; count: number }[];
};

export async function listQueue(viewer: Viewer, f: QueueFilters, now: Date): Promise<QueueResult> {
  const prisma = db();
  const headed = await headedServiceIds(viewer);
  const base = await filterWhere(viewer, f, headed, now);
  const where: Prisma.RequestWhereInput = { AND: [...base, statusWhere(f.status)] };
  const o = order(f.sort ?? "due");
  const cursor = decodeCursor(f.after);
  const [rows, total, grouped] = await Promise.all([
    prisma.request.findMany({
      where: cursor ? { AND: [where, o.after(cursor)] } : where,
      orderBy: o.orderBy,
      take: QUEUE_PAGE_SIZE + 1,
      select: rowSelect(viewer),
    }),
    prisma.request.count({ where }),
    prisma.request.groupBy({ by: ["status"], where: { AND: base }, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    total,
    next: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ v: o.key(last), id: last.id }) : null,
    counts: grouped
      .map((g) => ({ status: g.status, label: STATUS_LABELS[g.status] ?? g.status, count: g._count._all }))
      .sort(
        (a, b) =>
          Number(CLOSED_STATUSES.includes(a.status)) - Number(CLOSED_STATUSES.includes(b.status)) ||
          b.count - a.count,
      ),
    items: await toItems(page, now),
  };
}

const rowSelect = (viewer: Viewer) => ({
  id: true,
  reference: true,
  type: true,
  subject: true,
  status: true,
  dueDate: true,
  pausedAt: true,
  createdAt: true,
  updatedAt: true,
  createdById: true,
  groupId: true,
  serviceId: true,
  allocatedToId: true,
  deciderId: true,
  access: viewerGrantsSelect(viewer),
});
type Row = Prisma.RequestGetPayload<{ select: ReturnType<typeof rowSelect> }>;

/** Names for a page of rows: three queries whatever the page size. */
async function toItems(page: Row[], now: Date): Promise<QueueItem[]> {
  const prisma = db();
  const userIds = [
    ...new Set(page.flatMap((r) => [r.createdById, r.allocatedToId, r.deciderId]).filter((x): x is string => !!x)),
  ];
  const [users, services, groups] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, name: true, partyGroup: { select: { name: true } } },
    }),
    prisma.service.findMany({
      where: { id: { in: [...new Set(page.map((r) => r.serviceId).filter((x): x is string => !!x))] } },
      select: { id: true, name: true },
    }),
    prisma.partyGroup.findMany({
      where: { id: { in: [...new Set(page.map((r) => r.groupId).filter((x): x is string => !!x))] } },
      select: { id: true, name: true },
    }),
  ]);
  const user = new Map(users.map((u) => [u.id, u]));
  const service = new Map(services.map((s) => [s.id, s.name]));
  const group = new Map(groups.map((g) => [g.id, g.name]));
  const today = londonToday(now);
  return page.map((r) => {
    const base = listFields(r, levelOf(r.access) ?? "METADATA");
    return {
      ...base,
      overdue: !base.closed && !r.pausedAt && !!r.dueDate && r.dueDate < today,
      paused: !!r.pausedAt,
      from: user.get(r.createdById)?.name ?? "A former user",
      group: (r.groupId ? group.get(r.groupId) : user.get(r.createdById)?.partyGroup?.name) ?? null,
      service: r.serviceId ? (service.get(r.serviceId) ?? null) : null,
      assignee: r.allocatedToId ? (user.get(r.allocatedToId)?.name ?? null) : null,
      holder: r.deciderId ? (user.get(r.deciderId)?.name ?? null) : null,
    };
  });
}

export const EXPORT_LIMIT = 20_000;
export const QUEUE_CSV_HEADER = [
  "Reference",
  "Type",
  "Subject",
  "Status",
  "From",
  "Party group",
  "Service",
  "Assigned to",
  "With",
  "Made on",
  "Due",
  "Overdue",
];
export const queueCsvCells = (r: QueueItem) => [
  r.reference,
  r.typeLabel,
  r.subject,
  r.statusLabel,
  r.from,
  r.group,
  r.service,
  r.assignee,
  r.holder,
  r.createdAt.slice(0, 10),
  r.dueDate,
  r.overdue ? "yes" : "no",
];

/** Every request the filters select (ignoring the page cursor), in batches, for the CSV export. */
export async function* exportQueue(viewer: Viewer, f: QueueFilters, now: Date): AsyncGenerator<QueueItem[]> {
  const headed = await headedServiceIds(viewer);
  yield* exportRequests(
    viewer,
    { AND: [...(await filterWhere(viewer, f, headed, now)), statusWhere(f.status)] },
    f.sort ?? "due",
    now,
  );
}

/** Every request a where clause selects — always within what the viewer may see, at their level — in keyset
 * batches of 500 (up to EXPORT_LIMIT). */
export async function* exportRequests(
  viewer: Viewer,
  scope: Prisma.RequestWhereInput,
  sort: QueueSort,
  now: Date,
  batch = 500,
): AsyncGenerator<QueueItem[]> {
  const prisma = db();
  const where: Prisma.RequestWhereInput = { AND: [visibleTo(viewer), scope] };
  const o = order(sort);
  let cursor: Cursor | null = null;
  for (let done = 0; done < EXPORT_LIMIT;) {
    const rows: Row[] = await prisma.request.findMany({
      where: cursor ? { AND: [where, o.after(cursor)] } : where,
      orderBy: o.orderBy,
      take: batch,
      select: rowSelect(viewer),
    });
    if (rows.length === 0) return;
    yield await toItems(rows, now);
    done += rows.length;
    const last = rows.at(-1)!;
    cursor = { v: o.key(last), id: last.id };
    if (rows.length < batch) return;
  }
}

/** The choices the queue's filters offer: the council's groups, wards and services, and officers to assign to. */
export async function queueFilterOptions(viewer: Viewer) {
  const prisma = db();
  const c = viewer.council.id;
  const [groups, wards, services, officers] = await Promise.all([
    prisma.partyGroup.findMany({
      where: { councilId: c },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.ward.findMany({ where: { councilId: c }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.service.findMany({
      where: { councilId: c },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { councilId: c, active: true, roles: { has: "OFFICER" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
      take: 300,
    }),
  ]);
  return { groups, wards, services, officers };
}
