// The handling side's case list (MoJ case-list pattern): exactly the requests a person handles — as decider,
// allocated officer, reviewer or invited attendee; a Chief Officer also sees their service's requests; member
// services see requests waiting to be routed (DEF-A4) — always inside what the viewer may see (visibleSql, the same
// rules as visibleTo). Filters, counts per open status, keyset pagination.
//
// Written as SQL so that it does not notice the history (docs/performance.md): the requests a person handles are
// found through one index scan per relationship (UNION), each limited to open requests by partial indexes when the
// list is of open requests; a page, with every name it shows and the viewer's access level, is one statement.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db, dbRead } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { boundedInstant, isId } from "@/lib/validation";
import { CLOSED_STATUSES, STATUS_LABELS } from "./labels";
import { listFields } from "./queries";
import { OPEN_SQL } from "./sql";
import { levelSql, searchSql, visibleSql, type Level } from "./visibility";

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

/** The ways a person handles a request, each a condition on the request aliased "x" that an index serves. */
function relationships(viewer: Viewer): { from: Prisma.Sql; cond: Prisma.Sql }[] {
  const request = Prisma.sql`"Request" x`;
  const rels = [
    { from: request, cond: Prisma.sql`x."deciderId" = ${viewer.id}` },
    { from: request, cond: Prisma.sql`x."allocatedToId" = ${viewer.id}` },
    { from: request, cond: Prisma.sql`x."reviewerId" = ${viewer.id}` },
    {
      from: Prisma.sql`"Attendee" t JOIN "Request" x ON x.id = t."requestId"`,
      cond: Prisma.sql`t."officerId" = ${viewer.id}`,
    },
    // A shared queue (e.g. CWC-B3: CE, DCE and COO) names its recipients until one of them takes the request.
    {
      from: request,
      cond: Prisma.sql`x."councilId" = ${viewer.council.id} AND (x.data -> 'recipientIds') ? ${viewer.id}`,
    },
  ];
  if (viewer.headedServiceIds.length)
    rels.push({
      from: request,
      cond: Prisma.sql`x."councilId" = ${viewer.council.id} AND x."serviceId" IN (${Prisma.join(viewer.headedServiceIds)})`,
    });
  if (TRIAGERS.some((r) => viewer.roles.includes(r)))
    rels.push({ from: request, cond: Prisma.sql`x."councilId" = ${viewer.council.id} AND x.status = 'TRIAGE'` });
  return rels;
}

/** The ids of the requests this person handles (before visibility, which is always added), one index scan each. */
function handledIds(viewer: Viewer, openOnly: boolean): Prisma.Sql {
  const open = openOnly ? Prisma.sql` AND ${OPEN_SQL("x")}` : Prisma.empty;
  return Prisma.join(
    relationships(viewer).map((rel) => Prisma.sql`SELECT x.id FROM ${rel.from} WHERE ${rel.cond}${open}`),
    " UNION ",
  );
}

/** The first `k` of each relationship in the list's order, with every condition applied inside: their union holds
 * the page, and each branch reads only as far into its index as the page needs (docs/performance.md). */
function handledTopIds(viewer: Viewer, conds: Prisma.Sql[], orderBy: Prisma.Sql, k: number): Prisma.Sql {
  const where = conds.length ? Prisma.sql` AND ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  return Prisma.join(
    relationships(viewer).map(
      (rel) => Prisma.sql`(SELECT x.id FROM ${rel.from} WHERE ${rel.cond}${where} ORDER BY ${orderBy} LIMIT ${k})`,
    ),
    " UNION ALL ",
  );
}

const londonToday = (now: Date) => now.toLocaleDateString("en-CA", { timeZone: "Europe/London" });
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The filters as SQL conditions on the request aliased `t` (without the status, which the counts go across). */
function filterSql(viewer: Viewer, f: QueueFilters, now: Date, t = "r"): Prisma.Sql[] {
  const r = Prisma.raw(`"${t}"`);
  const and: Prisma.Sql[] = [];
  if (f.type) and.push(Prisma.sql`${r}.type::text = ${f.type}`);
  const today = londonToday(now);
  if (f.due === "overdue")
    and.push(Prisma.sql`${r}."dueDate" < ${today}::date AND ${r}."pausedAt" IS NULL AND ${OPEN_SQL(t)}`);
  if (f.due === "week")
    and.push(Prisma.sql`${r}."dueDate" BETWEEN ${today}::date AND ${plusDays(today, 7)}::date AND ${OPEN_SQL(t)}`);
  if (f.due === "none") and.push(Prisma.sql`${r}."dueDate" IS NULL`);
  if (f.serviceId && isId(f.serviceId)) and.push(Prisma.sql`${r}."serviceId" = ${f.serviceId}`);
  if (f.assignee === "me")
    and.push(
      Prisma.sql`(${r}."allocatedToId" = ${viewer.id} OR (${r}."allocatedToId" IS NULL AND ${r}."deciderId" = ${viewer.id}))`,
    );
  else if (f.assignee === "unassigned") and.push(Prisma.sql`${r}."allocatedToId" IS NULL`);
  else if (f.assignee && isId(f.assignee)) and.push(Prisma.sql`${r}."allocatedToId" = ${f.assignee}`);
  // Requests from the group's (ward's) members, and the group's own briefings and background requests.
  if (f.groupId && isId(f.groupId))
    and.push(Prisma.sql`(${r}."groupId" = ${f.groupId} OR ${r}."createdById" IN (SELECT m.id FROM "User" m
      WHERE m."councilId" = ${viewer.council.id} AND m."partyGroupId" = ${f.groupId}))`);
  if (f.wardId && isId(f.wardId))
    and.push(Prisma.sql`(${r}.data ->> 'wardId' = ${f.wardId} OR ${r}."createdById" IN (SELECT wm."A" FROM "_WardMembers" wm
      WHERE wm."B" = ${f.wardId}))`);
  if (f.q) and.push(searchSql(viewer, f.q, t, { details: false }));
  return and;
}

function statusSql(status: string | undefined, t = "r"): Prisma.Sql {
  if (!status || status === "open") return OPEN_SQL(t);
  if (status === "closed") return Prisma.sql`NOT ${OPEN_SQL(t)}`;
  if (status === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`${Prisma.raw(`"${t}"`)}.status = ${status}`;
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

type Order = { orderBy: Prisma.Sql; after: (c: Cursor) => Prisma.Sql; key: (r: Row) => string | null };

function order(sort: QueueSort, t = "r"): Order {
  const r = Prisma.raw(`"${t}"`);
  if (sort === "due")
    return {
      orderBy: Prisma.sql`${r}."dueDate" ASC NULLS LAST, ${r}.id ASC`,
      after: (c) =>
        c.v === null
          ? Prisma.sql`(${r}."dueDate" IS NULL AND ${r}.id > ${c.id})`
          : Prisma.sql`(${r}."dueDate" > ${c.v.slice(0, 10)}::date OR (${r}."dueDate" = ${c.v.slice(0, 10)}::date AND ${r}.id > ${c.id}) OR ${r}."dueDate" IS NULL)`,
      key: (row) => (row.dueDate ? row.dueDate.toISOString() : null),
    };
  const field = Prisma.raw(sort === "updated" ? `"${t}"."updatedAt"` : `"${t}"."createdAt"`);
  const desc = sort !== "oldest";
  return {
    orderBy: Prisma.sql`${field} ${Prisma.raw(desc ? "DESC" : "ASC")}, ${r}.id ${Prisma.raw(desc ? "DESC" : "ASC")}`,
    after: (c) =>
      desc
        ? Prisma.sql`(${field} < ${c.v}::timestamp OR (${field} = ${c.v}::timestamp AND ${r}.id < ${c.id}))`
        : Prisma.sql`(${field} > ${c.v}::timestamp OR (${field} = ${c.v}::timestamp AND ${r}.id > ${c.id}))`,
    key: (row) => (sort === "updated" ? row.updatedAt : row.createdAt).toISOString(),
  };
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
  /** A complaint of bullying, harassment, discrimination or victimisation (C2007-C1); only where content is seen. */
  serious: boolean;
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
  /** Counts of the open statuses (closed requests are not counted on every view; "Closed" is a filter). */
  counts: { status: string; label: string; count: number }[];
};

type Row = {
  id: string;
  reference: string;
  type: string;
  subject: string;
  status: string;
  dueDate: Date | null;
  pausedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  fromName: string | null;
  groupName: string | null;
  serviceName: string | null;
  assigneeName: string | null;
  holderName: string | null;
  serious: boolean;
  level: Level | null;
};

/** One page of rows with the names they show and the viewer's level: a single statement. */
async function selectRows(
  viewer: Viewer,
  where: Prisma.Sql,
  o: Order,
  limit: number,
  client = db(),
): Promise<Row[]> {
  return client.$queryRaw<Row[]>`
    SELECT r.id, r.reference, r.type::text AS type, r.subject, r.status, r."dueDate", r."pausedAt", r."createdAt",
      r."updatedAt", cu.name AS "fromName", COALESCE(g.name, cg.name) AS "groupName", s.name AS "serviceName",
      au.name AS "assigneeName", du.name AS "holderName", ${levelSql(viewer)} AS level,
      (r.type = 'COMPLAINT' AND r.data ->> 'serious' = 'true') AS serious
    FROM "Request" r
    LEFT JOIN "User" cu ON cu.id = r."createdById"
    LEFT JOIN "PartyGroup" cg ON cg.id = cu."partyGroupId"
    LEFT JOIN "PartyGroup" g ON g.id = r."groupId"
    LEFT JOIN "Service" s ON s.id = r."serviceId"
    LEFT JOIN "User" au ON au.id = r."allocatedToId"
    LEFT JOIN "User" du ON du.id = r."deciderId"
    WHERE ${where}
    ORDER BY ${o.orderBy}
    LIMIT ${limit}`;
}

function toItem(r: Row, today: string): QueueItem {
  const base = listFields(r, r.level ?? "METADATA");
  return {
    ...base,
    overdue: !base.closed && !r.pausedAt && !!r.dueDate && r.dueDate.toISOString().slice(0, 10) < today,
    paused: !!r.pausedAt,
    serious: r.serious && r.level !== null && r.level !== "METADATA",
    from: r.fromName ?? "A former user",
    group: r.groupName,
    service: r.serviceName,
    assignee: r.assigneeName,
    holder: r.holderName,
  };
}

/** The queue's scope: handled by the viewer and visible to them, with the filters (not the status). */
function queueScope(viewer: Viewer, f: QueueFilters, now: Date, openOnly: boolean): Prisma.Sql {
  return Prisma.join(
    [Prisma.sql`r.id IN (${handledIds(viewer, openOnly)})`, visibleSql(viewer), ...filterSql(viewer, f, now)],
    " AND ",
  );
}

export async function listQueue(viewer: Viewer, f: QueueFilters, now: Date): Promise<QueueResult> {
  const status = f.status ?? "open";
  const openOnly = status === "open" || (status in STATUS_LABELS && !CLOSED_STATUSES.includes(status));
  const scope = queueScope(viewer, f, now, openOnly);
  const o = order(f.sort ?? "due");
  const ox = order(f.sort ?? "due", "x");
  const cursor = decodeCursor(f.after);
  const inBranch = [
    statusSql(status, "x"),
    ...filterSql(viewer, f, now, "x"),
    visibleSql(viewer, "x"),
    ...(cursor ? [ox.after(cursor)] : []),
  ];
  const where = Prisma.sql`r.id IN (${handledTopIds(viewer, inBranch, ox.orderBy, QUEUE_PAGE_SIZE + 1)})
    AND ${statusSql(status)}${cursor ? Prisma.sql` AND ${o.after(cursor)}` : Prisma.empty}`;
  const [rows, grouped, total] = await Promise.all([
    selectRows(viewer, where, o, QUEUE_PAGE_SIZE + 1),
    // Counts per open status, across the other filters: the open requests only, through the partial indexes.
    db().$queryRaw<{ status: string; n: number }[]>`
      SELECT r.status, count(*)::int AS n FROM "Request" r
      WHERE ${queueScope(viewer, f, now, true)} AND ${OPEN_SQL()} GROUP BY r.status`,
    openOnly
      ? Promise.resolve(null)
      : db().$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM "Request" r WHERE ${scope} AND ${statusSql(status)}`,
  ]);
  const counts = grouped
    .map((g) => ({ status: g.status, label: STATUS_LABELS[g.status] ?? g.status, count: g.n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const today = londonToday(now);
  return {
    total: total
      ? total[0]!.n
      : status === "open"
        ? counts.reduce((n, c) => n + c.count, 0)
        : (counts.find((c) => c.status === status)?.count ?? 0),
    next: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ v: o.key(last), id: last.id }) : null,
    counts,
    items: page.map((r) => toItem(r, today)),
  };
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
  "Serious",
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
  r.serious ? "yes" : "no",
];

/** Every request the filters select (ignoring the page cursor), in keyset batches of 1,000, for the CSV export: each
 * batch, like a page, reads only the next rows of each relationship (from the replica when there is one). */
export async function* exportQueue(viewer: Viewer, f: QueueFilters, now: Date): AsyncGenerator<QueueItem[]> {
  const status = f.status ?? "open";
  const o = order(f.sort ?? "due");
  const ox = order(f.sort ?? "due", "x");
  const today = londonToday(now);
  let cursor: Cursor | null = null;
  for (let done = 0; done < EXPORT_LIMIT;) {
    const batch = Math.min(1000, EXPORT_LIMIT - done);
    const inBranch = [
      statusSql(status, "x"),
      ...filterSql(viewer, f, now, "x"),
      visibleSql(viewer, "x"),
      ...(cursor ? [ox.after(cursor)] : []),
    ];
    const where = Prisma.sql`r.id IN (${handledTopIds(viewer, inBranch, ox.orderBy, batch)})
      AND ${statusSql(status)}${cursor ? Prisma.sql` AND ${o.after(cursor)}` : Prisma.empty}`;
    const rows = await selectRows(viewer, where, o, batch, dbRead());
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, today));
    done += rows.length;
    const last = rows.at(-1)!;
    cursor = { v: o.key(last), id: last.id };
    if (rows.length < batch) return;
  }
}

/** Every request an SQL condition on `r` selects — always within what the viewer may see, at their level — in
 * keyset batches of 1,000 (up to EXPORT_LIMIT), each one statement. */
export async function* exportRows(
  viewer: Viewer,
  scope: Prisma.Sql,
  sort: QueueSort,
  now: Date,
  batch = 1000,
  client = db(),
): AsyncGenerator<QueueItem[]> {
  const o = order(sort);
  const today = londonToday(now);
  let cursor: Cursor | null = null;
  for (let done = 0; done < EXPORT_LIMIT;) {
    const where: Prisma.Sql = Prisma.sql`${scope} AND ${visibleSql(viewer)}${cursor ? Prisma.sql` AND ${o.after(cursor)}` : Prisma.empty}`;
    const rows = await selectRows(viewer, where, o, Math.min(batch, EXPORT_LIMIT - done), client);
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, today));
    done += rows.length;
    const last = rows.at(-1)!;
    cursor = { v: o.key(last), id: last.id };
    if (rows.length < batch) return;
  }
}

/** The choices the queue's filters offer, in one statement: the council's groups, wards and services, and the
 * officers of the services the viewer heads or works in (whom they could assign to). */
export async function queueFilterOptions(viewer: Viewer) {
  const serviceIds = [...new Set([...viewer.headedServiceIds, ...(viewer.service ? [viewer.service.id] : [])])];
  const [row] = await db().$queryRaw<
    { groups: Opt[] | null; wards: Opt[] | null; services: Opt[] | null; officers: Opt[] | null }[]
  >`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "PartyGroup" WHERE "councilId" = ${viewer.council.id}) AS groups,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Ward" WHERE "councilId" = ${viewer.council.id}) AS wards,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Service" WHERE "councilId" = ${viewer.council.id}) AS services,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM (
        SELECT id, name FROM "User" WHERE "councilId" = ${viewer.council.id} AND active AND 'OFFICER' = ANY(roles)
          AND "serviceId" IN (${serviceIds.length ? Prisma.join(serviceIds) : Prisma.sql`NULL`})
        ORDER BY name LIMIT 300) o) AS officers`;
  return {
    groups: row?.groups ?? [],
    wards: row?.wards ?? [],
    services: row?.services ?? [],
    officers: row?.officers ?? [],
  };
}
type Opt = { id: string; name: string };

/**
 * On-time performance of what this person decided: of the requests they decided that were made in the last 12
 * weeks, how many were decided on or before their due date. Read through the (decider, status) index.
 */
export async function decidedOnTime(viewer: Viewer, now: Date): Promise<{ decided: number; onTime: number }> {
  const since = new Date(now.getTime() - 84 * 86_400_000);
  const [row] = await dbRead().$queryRaw<{ decided: number; on_time: number }[]>`
    SELECT count(*)::int AS decided,
      count(*) FILTER (WHERE ((r."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date <= r."dueDate")::int AS on_time
    FROM "Request" r
    WHERE r."deciderId" = ${viewer.id} AND NOT ${OPEN_SQL()} AND r."closedAt" IS NOT NULL
      AND r."dueDate" IS NOT NULL AND r."createdAt" >= ${since} AND ${visibleSql(viewer)}`;
  return { decided: row?.decided ?? 0, onTime: row?.on_time ?? 0 };
}
