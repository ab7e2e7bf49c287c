// Sharing a reply or briefing beyond its first audience (CWC-A9, CWC-A13, WIG-A8, DEF-B5, C2007-B1), and the Town
// Clerk marking confidential information public (HTC-A4). Refused attempts on marked items are audited (C2007-A8).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { groupGrant, userGrant } from "@/lib/workflow/access";
import { decideShare, markPublic, type Shareable, type ShareTarget } from "@/lib/workflow/sharing";
import { toActor } from "./actor";
import { auditRefusal, fail, transition, TX_OPTIONS } from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";

type ShareableRow = {
  type: string;
  kind: string;
  data: unknown;
  createdById: string;
  groupId: string | null;
  marking: string;
  messages: { kind?: string; marking: string; madePublicAt: Date | null }[];
};

/** The messages that are the reply itself (a briefing's notes are confidential to the group, not "marked"). */
const REPLY_KINDS = ["REPLY", "STAGE_REPLY", "PROCEDURAL_ADVICE"];

/** A request as the sharing rules see it: who owns it, and whether its reply is marked (and made public). */
export function toShareable(row: ShareableRow): Shareable {
  const marked =
    row.messages.find((m) => (m.kind === undefined || REPLY_KINDS.includes(m.kind)) && m.marking !== "NONE") ??
    (row.marking !== "NONE" ? { marking: row.marking, madePublicAt: null } : null);
  return {
    kind:
      row.type === "BRIEFING"
        ? (row.data as { administrationDiscussion?: boolean }).administrationDiscussion
          ? "ADMINISTRATION_DISCUSSION"
          : "BRIEFING"
        : row.kind === "GROUP_BACKGROUND"
          ? "GROUP_BACKGROUND"
          : "INDIVIDUAL",
    requesterIds: (row.data as { requesterIds?: string[] }).requesterIds ?? [row.createdById],
    ownerGroupId: row.groupId,
    marking: (marked?.marking as Shareable["marking"]) ?? "NONE",
    madePublic: !!marked?.madePublicAt,
  };
}

/** CWC-A10: a marked file makes the request marked for sharing, as a marked reply does. */
async function withMarkedFiles<R extends ShareableRow & { id: string }>(
  client: Pick<ReturnType<typeof db>, "attachment">,
  row: R,
): Promise<R> {
  const files = await client.attachment.findMany({
    where: { requestId: row.id, marking: { not: "NONE" } },
    select: { marking: true, madePublicAt: true },
  });
  return { ...row, messages: [...row.messages, ...files] };
}

/** The councillors and groups this person may share the request with now (none when sharing is not allowed). */
export async function shareTargets(
  viewer: Viewer,
  row: ShareableRow & { id: string },
): Promise<{ members: { id: string; name: string }[]; groups: { id: string; name: string }[] }> {
  const profile = profileOf(viewer);
  const item = toShareable(await withMarkedFiles(db(), row));
  const actor = toActor(viewer);
  const [members, groups] = await Promise.all([
    db().user.findMany({
      where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" }, id: { not: viewer.id } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, partyGroupId: true },
      take: 300,
    }),
    db().partyGroup.findMany({
      where: { councilId: viewer.council.id, retiredAt: null, id: { not: row.groupId ?? "" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    members: members
      .filter(
        (m) =>
          !item.requesterIds.includes(m.id) &&
          decideShare(profile, item, actor, { kind: "MEMBER", userId: m.id, groupId: m.partyGroupId }).ok,
      )
      .map((m) => ({ id: m.id, name: m.name })),
    groups: groups.filter((g) => decideShare(profile, item, actor, { kind: "GROUP", groupId: g.id }).ok),
  };
}

export async function shareRequest(
  viewer: Viewer,
  requestId: string,
  target: { userId?: string; groupId?: string },
): Promise<void> {
  const prisma = db();
  const profile = profileOf(viewer);
  try {
    await prisma.$transaction(async (tx) => {
      const row = await tx.request.findFirst({
        where: visibleWithId(viewer, requestId),
        include: { messages: { where: { kind: "REPLY" }, select: { marking: true, madePublicAt: true } } },
      });
      if (!row) throw notFound("That request");
      let to: ShareTarget;
      if (target.userId) {
        const u = await tx.user.findFirst({
          where: { id: target.userId, councilId: viewer.council.id, roles: { has: "MEMBER" } },
          select: { id: true, partyGroupId: true },
        });
        if (!u)
          throw new AppError("VALIDATION", "Choose a councillor of your council", {
            userId: "Choose a councillor of your council",
          });
        to = { kind: "MEMBER", userId: u.id, groupId: u.partyGroupId };
      } else if (target.groupId) {
        const g = await tx.partyGroup.findFirst({
          where: { id: target.groupId, councilId: viewer.council.id, retiredAt: null },
          select: { id: true },
        });
        if (!g)
          throw new AppError("VALIDATION", "Choose a group of your council", {
            groupId: "Choose a group of your council",
          });
        to = { kind: "GROUP", groupId: g.id };
      } else {
        throw new AppError("VALIDATION", "Choose who to share with", { userId: "Choose who to share with" });
      }
      const item = toShareable(await withMarkedFiles(tx, row));
      const d = decideShare(profile, item, toActor(viewer), to);
      if (!d.ok) fail(d);
      await transition(tx, {
        request: row,
        viewer,
        action: "SHARE",
        to: row.status,
        ruleId: d.ruleId,
        grants: to.kind === "GROUP" ? groupGrant(to.groupId, d.ruleId) : userGrant(to.userId, d.ruleId),
        notify: [
          {
            userIds: to.kind === "MEMBER" ? [to.userId] : [],
            kind: "SHARED",
            title: `${viewer.name} shared “${row.subject}” with you`,
          },
        ],
        auditData: to.kind === "GROUP" ? { groupId: to.groupId } : { userId: to.userId },
      });
    }, TX_OPTIONS);
  } catch (e) {
    // Attempts to pass on marked (exempt or confidential) material are audited even though nothing changes.
    if (e instanceof AppError && e.ruleId && ["CWC-A10", "C2007-A8", "HTC-A4", "DEF-A12"].includes(e.ruleId))
      await auditRefusal(viewer, requestId, "SHARE", e.ruleId, e.message);
    throw e;
  }
}

/** HTC-A4: the Town Clerk records that confidential information has been made public, with the date and reason. */
export async function markReplyPublic(
  viewer: Viewer,
  requestId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: visibleWithId(viewer, requestId) });
    if (!row) throw notFound("That request");
    const d = markPublic(toActor(viewer), reason);
    if (!d.ok) fail(d);
    await tx.attachment.updateMany({
      where: { requestId: row.id, marking: { not: "NONE" }, madePublicAt: null },
      data: { madePublicAt: now },
    });
    await tx.message.updateMany({
      where: { requestId: row.id, marking: { not: "NONE" }, madePublicAt: null },
      data: { madePublicAt: now },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "MARK_PUBLIC",
      to: row.status,
      ruleId: "HTC-A4",
      reasons: reason,
    });
  }, TX_OPTIONS);
}
