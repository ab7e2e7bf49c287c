// Reading representations, always through the one visibility builder: the Council's representations register (those
// made to the Council or a committee, HTC-E3), the viewer's group's representations, and one representation's page.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { getRequestDetail, PAGE_SIZE, type RequestDetail } from "@/lib/requests/queries";
import { levelOf, subjectAtLevel, viewerGrantsSelect, visibleTo } from "@/lib/requests/visibility";
import {
  RECIPIENT_LABELS,
  REGISTER_KINDS,
  representationNotice,
  type RepresentationRecipient,
} from "@/lib/workflow/representations";
import type { RepresentationData } from "./service";

export type RepresentationRow = {
  id: string;
  reference: string;
  matter: string;
  to: string;
  loggedOn: string;
};

export type RepresentationList = { rows: RepresentationRow[]; page: number; pages: number; total: number };

/**
 * One page of representations the viewer may see: `register` — the Council's representations register (made to the
 * Council or a committee); `groups` — those made to a political group, which are not on it.
 */
export async function listRepresentations(
  viewer: Viewer,
  opts: { list: "register" | "groups"; page: number },
): Promise<RepresentationList> {
  const where = {
    ...visibleTo(viewer),
    type: "REPRESENTATION" as const,
    kind: opts.list === "register" ? { in: [...REGISTER_KINDS] } : "TO_GROUP",
  };
  const prisma = db();
  const total = await prisma.request.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pages);
  const rows = await prisma.request.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      reference: true,
      subject: true,
      kind: true,
      committeeId: true,
      groupId: true,
      createdAt: true,
      access: viewerGrantsSelect(viewer),
    },
  });
  const [committees, groups] = await Promise.all([
    prisma.committee.findMany({
      where: { councilId: viewer.council.id, id: { in: rows.map((r) => r.committeeId ?? "") } },
      select: { id: true, name: true },
    }),
    prisma.partyGroup.findMany({
      where: { councilId: viewer.council.id, id: { in: rows.map((r) => r.groupId ?? "") } },
      select: { id: true, name: true },
    }),
  ]);
  const name = new Map([...committees, ...groups].map((x) => [x.id, x.name]));
  return {
    page,
    pages,
    total,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      matter: subjectAtLevel(r.subject, "Representation", levelOf(r.access)),
      to:
        r.kind === "TO_COUNCIL"
          ? "The Council"
          : (name.get(r.committeeId ?? r.groupId ?? "") ??
            RECIPIENT_LABELS[r.kind === "TO_GROUP" ? "GROUP" : "COMMITTEE"]),
      loggedOn: r.createdAt.toISOString(),
    })),
  };
}

export type RepresentationPage = {
  detail: RequestDetail;
  recipient: RepresentationRecipient;
  to: string;
  onRegister: boolean;
  /** Who made it and when: shown to those who read the representation in full. */
  madeBy: string | null;
  madeOn: string | null;
  notice: { ruleId: string; text: string } | null;
};

/** One representation, if the viewer may see it (no grant: not found). */
export async function loadRepresentationPage(viewer: Viewer, id: string): Promise<RepresentationPage> {
  const detail = await getRequestDetail(viewer, id);
  if (detail.type !== "REPRESENTATION") throw notFound("That representation");
  const row = await db().request.findUniqueOrThrow({
    where: { id: detail.id },
    select: { kind: true, committeeId: true, groupId: true, data: true },
  });
  const data = row.data as Partial<RepresentationData>;
  const recipient: RepresentationRecipient =
    row.kind === "TO_GROUP" ? "GROUP" : row.kind === "TO_COUNCIL" ? "COUNCIL" : "COMMITTEE";
  const target = row.committeeId
    ? await db().committee.findFirst({ where: { id: row.committeeId }, select: { name: true } })
    : row.groupId
      ? await db().partyGroup.findFirst({ where: { id: row.groupId }, select: { name: true } })
      : null;
  const full = detail.level === "FULL";
  return {
    detail,
    recipient,
    to: recipient === "COUNCIL" ? "The Council" : (target?.name ?? RECIPIENT_LABELS[recipient]),
    onRegister: recipient !== "GROUP",
    madeBy: full ? (data.madeBy?.name ?? null) : null,
    madeOn: full ? (data.madeOn ?? null) : null,
    notice: representationNotice(profileOf(viewer)),
  };
}
