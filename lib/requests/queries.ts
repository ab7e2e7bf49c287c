// Reading requests: lists and the request page, always through visibleTo(viewer). Rows are mapped to view types
// here so that no raw row (other groups' notes, internal data) reaches a client component.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/validation";
import { OPEN_SQL } from "./sql";
import {
  accessLevel,
  levelSql,
  searchSql,
  subjectAtLevel,
  newestVisibleIdsSql,
  visibleIdsSql,
  visibleSql,
  type Level,
} from "./visibility";
import { CLOSED_STATUSES, REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { requesterIdsOf } from "./store";
import { db, dbRead } from "@/lib/db";
import { asRecipientMaySee } from "@/lib/notifications/redact";

export const PAGE_SIZE = 20;

export type ListFilters = {
  type?: string;
  status?: "open" | "closed" | "";
  q?: string;
  page: number;
  mine?: boolean;
  /** Only requests waiting on the member (asked for justification, a scope answer, agreement…). */
  awaitingMember?: boolean;
};

export type RequestListItem = {
  id: string;
  reference: string;
  type: string;
  typeLabel: string;
  subject: string;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  createdAt: string;
  closed: boolean;
  level: Level;
};

/** The columns every request list shows, labelled for people, at the viewer's access level. */
export function listFields(
  r: {
    id: string;
    reference: string;
    type: string;
    subject: string;
    status: string;
    dueDate: Date | null;
    createdAt: Date;
  },
  level: Level,
): RequestListItem {
  const typeLabel = REQUEST_TYPE_LABELS[r.type] ?? r.type;
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    typeLabel,
    subject: subjectAtLevel(r.subject, typeLabel, level),
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? r.status,
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    createdAt: r.createdAt.toISOString(),
    closed: CLOSED_STATUSES.includes(r.status),
    level,
  };
}

/** Counts of filtered lists and searches stop here: "more than 1,000" is all a person needs to refine a search. */
export const COUNT_CAP = 1000;

/** The list's filters as SQL conditions: the page and its CSV filter alike. */
function listConditions(viewer: Viewer, f: Omit<ListFilters, "page">): Prisma.Sql[] {
  return [
    ...(f.type ? [Prisma.sql`r.type::text = ${f.type}`] : []),
    ...(f.status === "open" ? [OPEN_SQL()] : f.status === "closed" ? [Prisma.sql`NOT ${OPEN_SQL()}`] : []),
    ...(f.q ? [searchSql(viewer, f.q)] : []),
    ...(f.mine ? [Prisma.sql`r."createdById" = ${viewer.id}`] : []),
    ...(f.awaitingMember ? [Prisma.sql`r.status = 'AWAITING_MEMBER'`] : []),
  ];
}

/**
 * "Your requests": everything the viewer may see, newest first, with the filters and a level-aware search. Two
 * statements, found from the viewer's own grants (docs/performance.md): the page walks the grants newest first and
 * stops at the page; the count reads the grants' index, and a filtered count stops at COUNT_CAP.
 */
export async function listRequests(
  viewer: Viewer,
  f: ListFilters,
): Promise<{ items: RequestListItem[]; total: number | null; pages: number; capped: boolean }> {
  const offset = (f.page - 1) * PAGE_SIZE;
  const conds = listConditions(viewer, f);
  const where = Prisma.join(
    [
      Prisma.sql`r.id IN (${newestVisibleIdsSql(viewer, offset + PAGE_SIZE, conds)})`,
      visibleSql(viewer),
      ...conds,
    ],
    " AND ",
  );
  // A search is not counted (counting would read every match): the page says whether there is another.
  const [[count], rows] = await Promise.all([
    f.q
      ? Promise.resolve([null])
      : conds.length
        ? db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Request" r
          WHERE r.id IN (${visibleIdsSql(viewer)}) AND ${visibleSql(viewer)} AND ${Prisma.join(conds, " AND ")}
          LIMIT ${COUNT_CAP + 1}) c`
        : db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${visibleIdsSql(viewer)}) v`,
    db().$queryRaw<
      {
        id: string;
        reference: string;
        type: string;
        subject: string;
        status: string;
        dueDate: Date | null;
        createdAt: Date;
        level: Level | null;
      }[]
    >`SELECT r.id, r.reference, r.type::text AS type, r.subject, r.status, r."dueDate", r."createdAt",
        ${levelSql(viewer)} AS level
      FROM "Request" r WHERE ${where}
      ORDER BY r."createdAt" DESC, r.id DESC
      LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`,
  ]);
  const items = rows.slice(0, PAGE_SIZE).map((r) => listFields(r, r.level ?? "METADATA"));
  if (!count) return { total: null, capped: false, pages: f.page + (rows.length > PAGE_SIZE ? 1 : 0), items };
  const capped = conds.length > 0 && count.n > COUNT_CAP;
  const total = capped ? COUNT_CAP : count.n;
  return { total, capped, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), items };
}

export type TimelineEntry = {
  id: string;
  at: string;
  who: string;
  role: string | null;
  action: string;
  from: string | null;
  to: string | null;
  reasons: string | null;
  ruleId: string | null;
};

export type RequestDetail = {
  id: string;
  reference: string;
  type: string;
  typeLabel: string;
  kind: string;
  status: string;
  statusLabel: string;
  level: "FULL" | "SUMMARY" | "METADATA";
  subject: string;
  details: string | null;
  createdAt: string;
  dueDate: string | null;
  paused: boolean;
  createdById: string;
  filedBy: string;
  holder: { name: string; jobTitle: string | null } | null;
  assignee: string | null;
  closed: boolean;
  data: Record<string, unknown>;
  messages: { id: string; kind: string; body: string; author: string; at: string; marking: string }[];
  timeline: TimelineEntry[];
};

// The shape of a request page row (read with one SQL statement in findVisibleRequest).
type DetailInclude = {
  access: { select: { userId: true; groupId: true; allMembers: true; level: true } };
  attendees: true;
  messages: {
    select: {
      id: true;
      kind: true;
      body: true;
      authorId: true;
      createdAt: true;
      marking: true;
      madePublicAt: true;
    };
  };
  events: {
    select: {
      id: true;
      createdAt: true;
      actorId: true;
      actorRole: true;
      action: true;
      fromStatus: true;
      toStatus: true;
      reasons: true;
      ruleId: true;
      data: true;
    };
  };
};

export type VisibleRequest = Prisma.RequestGetPayload<{ include: DetailInclude }> & {
  /** Everyone the request, its messages, timeline and attendees name. */
  people: { id: string; name: string; jobTitle: string | null }[];
};

type DetailJson = {
  access: VisibleRequest["access"];
  attendees: (Omit<VisibleRequest["attendees"][number], "createdAt" | "answeredAt"> & {
    createdAt: string;
    answeredAt: string | null;
  })[];
  messages: (Omit<VisibleRequest["messages"][number], "createdAt" | "madePublicAt"> & {
    createdAt: string;
    madePublicAt: string | null;
  })[];
  events: (Omit<VisibleRequest["events"][number], "createdAt"> & { createdAt: string })[];
  people: VisibleRequest["people"];
};

/**
 * One request with its grants, attendees, messages, timeline and the people they name, if the viewer may see it;
 * otherwise not found. One SQL statement, however long the timeline (docs/performance.md).
 */
export async function findVisibleRequest(viewer: Viewer, id: string): Promise<VisibleRequest> {
  if (!isId(id)) throw notFound("That request");
  const [r] = await db().$queryRaw<(Omit<VisibleRequest, keyof DetailJson> & DetailJson)[]>`
    SELECT r.*,
      COALESCE((SELECT json_agg(json_build_object('userId', a."userId", 'groupId', a."groupId",
        'allMembers', a."allMembers", 'level', a.level)) FROM "RequestAccess" a WHERE a."requestId" = r.id), '[]') AS access,
      COALESCE((SELECT json_agg(t ORDER BY t."createdAt") FROM "Attendee" t WHERE t."requestId" = r.id), '[]') AS attendees,
      COALESCE((SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'body', m.body, 'authorId', m."authorId",
        'createdAt', m."createdAt", 'marking', m.marking, 'madePublicAt', m."madePublicAt") ORDER BY m."createdAt") FROM "Message" m WHERE m."requestId" = r.id), '[]') AS messages,
      COALESCE((SELECT json_agg(json_build_object('id', e.id, 'createdAt', e."createdAt", 'actorId', e."actorId",
        'actorRole', e."actorRole", 'action', e.action, 'fromStatus', e."fromStatus", 'toStatus', e."toStatus",
        'reasons', e.reasons, 'ruleId', e."ruleId", 'data', e.data) ORDER BY e."createdAt", e.id)
        FROM "AuditEvent" e WHERE e."requestId" = r.id), '[]') AS events,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'jobTitle', u."jobTitle")) FROM "User" u
        WHERE u.id IN (SELECT r."createdById" UNION SELECT r."deciderId" UNION SELECT r."allocatedToId"
          UNION SELECT r."reviewerId"
          UNION SELECT m."authorId" FROM "Message" m WHERE m."requestId" = r.id
          UNION SELECT e."actorId" FROM "AuditEvent" e WHERE e."requestId" = r.id
          UNION SELECT t."officerId" FROM "Attendee" t WHERE t."requestId" = r.id)), '[]') AS people
    FROM "Request" r
    WHERE r.id = ${id} AND ${visibleSql(viewer)}`;
  if (!r) throw notFound("That request");
  const at = (x: string) => new Date(x.endsWith("Z") ? x : `${x}Z`);
  return {
    ...r,
    attendees: r.attendees.map((t) => ({
      ...t,
      createdAt: at(t.createdAt),
      answeredAt: t.answeredAt ? at(t.answeredAt) : null,
    })),
    messages: r.messages.map((m) => ({
      ...m,
      createdAt: at(m.createdAt),
      madePublicAt: m.madePublicAt ? at(m.madePublicAt as unknown as string) : null,
    })),
    events: r.events.map((e) => ({ ...e, createdAt: at(e.createdAt) })),
  } as VisibleRequest;
}

/** The request page's data. Summary and metadata access see less: never the content they are not entitled to. */
export async function getRequestDetail(viewer: Viewer, id: string): Promise<RequestDetail> {
  return toRequestDetail(viewer, await findVisibleRequest(viewer, id));
}

/** Advice between officers (governance advice, CWC-A3; a Chairman's advice, C2007-A6) is not shown to members. */
const INTERNAL_MESSAGE_KINDS = [
  "GOVERNANCE_ADVICE",
  "CHAIR_ADVICE",
  "COMMITTEE_INSTRUCTIONS",
  // A member's suggestion on a report (section E) is for the report's officers: a draft shared with two groups, or
  // published to all members, never shows one group's suggestions to another (WIG-E6).
  "SUGGESTION",
];
export const STAFF_ROLES = [
  "OFFICER",
  "CHIEF_OFFICER",
  "CHIEF_EXECUTIVE",
  "MONITORING_OFFICER",
  "DIRECTOR_OF_GOVERNANCE",
  "TOWN_CLERK",
];

/** The complaint steps whose note is addressed to the member's group leadership (the event's rule). */
const TOLD_RULES = ["HAL-C6", "WIG-C4", "CWC-C2"];

/** Internal notes and draft replies (lib/requests/internal-notes.ts): staff working on the request only. */
const NOTE_KINDS = ["INTERNAL_NOTE", "DRAFT_REPLY"];

function mayReadMessage(
  viewer: Viewer,
  m: { kind: string; authorId: string | null },
  readsNotes: boolean,
): boolean {
  if (m.authorId === viewer.id) return true;
  if (NOTE_KINDS.includes(m.kind)) return readsNotes;
  if (!INTERNAL_MESSAGE_KINDS.includes(m.kind)) return true;
  return viewer.roles.some((r) => STAFF_ROLES.includes(r));
}

/**
 * mayReadMessage as SQL, for a message aliased `m` of a request aliased `r` that the viewer holds FULL access to
 * (messages are shown at FULL only): search matches on exactly the messages the request page shows.
 */
export function readableMessageSql(viewer: Pick<Viewer, "id" | "roles">, m = "m", r = "r"): Prisma.Sql {
  const msg = Prisma.raw(`"${m}"`);
  const req = Prisma.raw(`"${r}"`);
  const staff = viewer.roles.some((x) => STAFF_ROLES.includes(x));
  const hidden = [...NOTE_KINDS, ...INTERNAL_MESSAGE_KINDS];
  // requesterIdsOf(r): data.requesterIds when it is a list, otherwise the person who filed it.
  const requester = Prisma.sql`(CASE WHEN jsonb_typeof(${req}.data -> 'requesterIds') = 'array'
    THEN ${req}.data -> 'requesterIds' ELSE jsonb_build_array(${req}."createdById") END) @> jsonb_build_array(${viewer.id}::text)`;
  return Prisma.sql`(${msg}."authorId" = ${viewer.id} OR ${msg}.kind NOT IN (${Prisma.join(hidden)})${
    staff
      ? Prisma.sql` OR ${msg}.kind IN (${Prisma.join(INTERNAL_MESSAGE_KINDS)})
        OR (${msg}.kind IN (${Prisma.join(NOTE_KINDS)}) AND NOT ${requester})`
      : Prisma.empty
  })`;
}

export function toRequestDetail(viewer: Viewer, r: VisibleRequest): RequestDetail {
  const level = accessLevel(viewer, r.access) ?? "METADATA";
  const people = new Map(r.people.map((u) => [u.id, u]));
  const name = (uid: string | null) => (uid ? (people.get(uid)?.name ?? "A former user") : "The system");
  const full = level === "FULL";
  // During a review the request is with the reviewer, not the officer who refused (CWC-A4, DEF-A3).
  const holderId = r.status === "UNDER_REVIEW" && r.reviewerId ? r.reviewerId : r.deciderId;
  const readsNotes =
    full && viewer.roles.some((x) => STAFF_ROLES.includes(x)) && !requesterIdsOf(r).includes(viewer.id);
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    typeLabel: REQUEST_TYPE_LABELS[r.type] ?? r.type,
    kind: r.kind,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? r.status,
    level,
    subject: level === "METADATA" ? REQUEST_TYPE_LABELS[r.type]! : r.subject,
    details: full ? r.details : null,
    createdAt: r.createdAt.toISOString(),
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    paused: !!r.pausedAt,
    createdById: r.createdById,
    filedBy: name(r.createdById),
    holder: holderId ? { name: name(holderId), jobTitle: people.get(holderId)?.jobTitle ?? null } : null,
    assignee: r.allocatedToId && r.allocatedToId !== r.deciderId ? name(r.allocatedToId) : null,
    closed: CLOSED_STATUSES.includes(r.status),
    data: full ? (r.data as Record<string, unknown>) : {},
    messages: full
      ? r.messages
          .filter((m) => mayReadMessage(viewer, m, readsNotes))
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            body: m.body,
            author: name(m.authorId),
            at: m.createdAt.toISOString(),
            marking: m.marking,
          }))
      : [],
    timeline: r.events
      .filter((e) => readsNotes || !NOTE_KINDS.includes(e.action))
      .map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        who: name(e.actorId),
        role: e.actorRole,
        action: e.action,
        from: e.fromStatus,
        to: e.toStatus,
        // Those told of a complaint's outcome or a party referral (HAL-C6, WIG-C4, CWC-C2) read the note sent to them.
        reasons:
          full || (level === "SUMMARY" && r.type === "COMPLAINT" && TOLD_RULES.includes(e.ruleId ?? ""))
            ? e.reasons
            : null,
        ruleId: e.ruleId,
      })),
  };
}

export async function listNotifications(viewer: Pick<Viewer, "id">, page: number) {
  const prisma = db();
  const where = { userId: viewer.id };
  const [total, rows] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        userId: true,
        title: true,
        body: true,
        kind: true,
        readAt: true,
        createdAt: true,
        requestId: true,
      },
    }),
  ]);
  // What the notification says, as the viewer may read it now (lib/notifications/redact.ts).
  const readable = await asRecipientMaySee(rows);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: readable.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      kind: n.kind,
      requestId: n.level ? n.requestId : null,
      createdAt: n.createdAt.toISOString(),
      unread: !n.readAt,
    })),
  };
}

export async function markNotificationsRead(viewer: Pick<Viewer, "id">, ids: string[], now: Date) {
  const prisma = db();
  await prisma.notification.updateMany({
    where: { userId: viewer.id, id: { in: ids }, readAt: null },
    data: { readAt: now },
  });
}

export async function markAllNotificationsRead(viewer: Pick<Viewer, "id">, now: Date) {
  await db().notification.updateMany({ where: { userId: viewer.id, readAt: null }, data: { readAt: now } });
}

export const REQUESTS_CSV_HEADER = ["Reference", "Type", "Subject", "Status", "Made on", "Due"];
export const requestsCsvCells = (r: RequestListItem) => [
  r.reference,
  r.typeLabel,
  r.subject,
  r.statusLabel,
  r.createdAt.slice(0, 10),
  r.dueDate,
];
/** The most rows one download holds. */
export const REQUESTS_EXPORT_LIMIT = 20_000;

/**
 * "Your requests" as CSV: the same filters and visibility as the page, every page of it, in keyset batches of 1,000
 * newest first; each row at the viewer's level.
 */
export async function* exportRequests(
  viewer: Viewer,
  f: Omit<ListFilters, "page">,
): AsyncGenerator<RequestListItem[]> {
  const conds = listConditions(viewer, f);
  let after: { createdAt: Date; id: string } | null = null;
  for (let sent = 0; sent < REQUESTS_EXPORT_LIMIT;) {
    const page = Math.min(1000, REQUESTS_EXPORT_LIMIT - sent);
    const where = Prisma.join(
      [
        Prisma.sql`r.id IN (${visibleIdsSql(viewer)})`,
        visibleSql(viewer),
        ...conds,
        ...(after ? [Prisma.sql`(r."createdAt", r.id) < (${after.createdAt}, ${after.id})`] : []),
      ],
      " AND ",
    );
    const rows = await dbRead().$queryRaw<
      {
        id: string;
        reference: string;
        type: string;
        subject: string;
        status: string;
        dueDate: Date | null;
        createdAt: Date;
        level: Level | null;
      }[]
    >`SELECT r.id, r.reference, r.type::text AS type, r.subject, r.status, r."dueDate", r."createdAt",
        ${levelSql(viewer)} AS level
      FROM "Request" r WHERE ${where}
      ORDER BY r."createdAt" DESC, r.id DESC
      LIMIT ${page}`;
    if (!rows.length) return;
    yield rows.map((r) => listFields(r, r.level ?? "METADATA"));
    sent += rows.length;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < page) return;
  }
}
