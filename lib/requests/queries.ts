// Reading requests: lists and the request page, always through visibleTo(viewer). Rows are mapped to view types
// here so that no raw row (other groups' notes, internal data) reaches a client component.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import {
  accessLevel,
  levelOf,
  searchMatch,
  subjectAtLevel,
  viewerGrantsSelect,
  visibleTo,
  visibleWithId,
  type Level,
} from "./visibility";
import { CLOSED_STATUSES, REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { db } from "@/lib/db";
import { asRecipientMaySee } from "@/lib/notifications/redact";

export const PAGE_SIZE = 20;

export type ListFilters = {
  type?: string;
  status?: "open" | "closed" | "";
  q?: string;
  page: number;
  mine?: boolean;
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

/** "Your requests": everything the viewer may see, newest first, with the filters and a level-aware search. */
export async function listRequests(
  viewer: Viewer,
  f: ListFilters,
): Promise<{ items: RequestListItem[]; total: number; pages: number }> {
  const prisma = db();
  const where: Prisma.RequestWhereInput = {
    AND: [
      visibleTo(viewer),
      f.type ? { type: f.type as Prisma.RequestWhereInput["type"] } : {},
      f.status === "open"
        ? { status: { notIn: CLOSED_STATUSES } }
        : f.status === "closed"
          ? { status: { in: CLOSED_STATUSES } }
          : {},
      f.q ? searchMatch(viewer, f.q) : {},
      f.mine ? { createdById: viewer.id } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.request.count({ where }),
    prisma.request.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        type: true,
        subject: true,
        status: true,
        dueDate: true,
        createdAt: true,
        access: viewerGrantsSelect(viewer),
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: rows.map((r) => listFields(r, levelOf(r.access) ?? "METADATA")),
  };
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

const DETAIL_INCLUDE = {
  access: { select: { userId: true, groupId: true, allMembers: true, level: true } },
  attendees: { orderBy: { createdAt: "asc" } },
  messages: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, body: true, authorId: true, createdAt: true, marking: true },
  },
  events: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      actorId: true,
      actorRole: true,
      action: true,
      fromStatus: true,
      toStatus: true,
      reasons: true,
      ruleId: true,
      data: true,
    },
  },
} satisfies Prisma.RequestInclude;

export type VisibleRequest = Prisma.RequestGetPayload<{ include: typeof DETAIL_INCLUDE }>;

/** One request with its grants, attendees, messages and timeline, if the viewer may see it; otherwise not found. */
export async function findVisibleRequest(viewer: Viewer, id: string): Promise<VisibleRequest> {
  const r = await db().request.findFirst({ where: visibleWithId(viewer, id), include: DETAIL_INCLUDE });
  if (!r) throw notFound("That request");
  return r;
}

/** The request page's data. Summary and metadata access see less: never the content they are not entitled to. */
export async function getRequestDetail(viewer: Viewer, id: string): Promise<RequestDetail> {
  return toRequestDetail(viewer, await findVisibleRequest(viewer, id));
}

export async function toRequestDetail(viewer: Viewer, r: VisibleRequest): Promise<RequestDetail> {
  const prisma = db();
  const level = accessLevel(viewer, r.access) ?? "METADATA";
  const ids = [
    ...new Set(
      [
        r.createdById,
        r.deciderId,
        r.allocatedToId,
        ...r.messages.map((m) => m.authorId),
        ...r.events.map((e) => e.actorId),
      ].filter((x): x is string => !!x),
    ),
  ];
  const people = new Map(
    (
      await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, jobTitle: true } })
    ).map((u) => [u.id, u]),
  );
  const name = (uid: string | null) => (uid ? (people.get(uid)?.name ?? "A former user") : "The system");
  const full = level === "FULL";
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
    holder: r.deciderId ? { name: name(r.deciderId), jobTitle: people.get(r.deciderId)?.jobTitle ?? null } : null,
    assignee: r.allocatedToId && r.allocatedToId !== r.deciderId ? name(r.allocatedToId) : null,
    closed: CLOSED_STATUSES.includes(r.status),
    data: full ? (r.data as Record<string, unknown>) : {},
    messages: full
      ? r.messages.map((m) => ({
          id: m.id,
          kind: m.kind,
          body: m.body,
          author: name(m.authorId),
          at: m.createdAt.toISOString(),
          marking: m.marking,
        }))
      : [],
    timeline: r.events.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      who: name(e.actorId),
      role: e.actorRole,
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      reasons: full ? e.reasons : null,
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
