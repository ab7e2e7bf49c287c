// Relationship disclosures (WIG-E1, DEF-E1, DEF-E4): filed by a councillor or an officer, seen only by the people
// the rule names — the discloser, the recipient (the Chief Executive; in a town council the Town Clerk, or the Chair
// when the Clerk is involved), in Wigan the consulted Group Leader, and the other person only if the Chief Executive
// shares it with them. Every grant is to one person (never a group or all members), and every notification goes to
// someone who holds one, so nothing reaches anyone else.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Filed } from "@/lib/requests/store";
import { visibleWithId } from "@/lib/requests/visibility";
import { userGrant } from "@/lib/workflow/access";
import {
  decideDisclosure,
  offerOf,
  routeDisclosure,
  type DisclosureAction,
  type DisclosureState,
  type RecipientRole,
} from "@/lib/workflow/register";
import type { DisclosureRoute } from "@/lib/protocol/profiles/types";
import { db } from "@/lib/db";
import { officeHolders, personOfCouncil } from "./common";

export type DisclosureData = {
  route: DisclosureRoute;
  discloserId: string;
  otherPartyId: string;
  otherPartyName: string;
  recipientId: string;
  recipientRole: RecipientRole;
  recipientName: string;
  memberInvolvedId: string | null;
  memberInvolvedName: string | null;
  leaderIds: string[];
  leaderNames: string[];
  consultationRequired: boolean;
  consultation: { leaderId: string; leaderName: string; notes: string; at: string } | null;
  courseOfAction: string | null;
  otherPartyGranted: boolean;
  notes: { ruleId: string; message: string }[];
};

export const RECIPIENT_TITLES: Record<RecipientRole, string> = {
  CHIEF_EXECUTIVE: "the Chief Executive",
  TOWN_CLERK: "the Town Clerk",
  COUNCIL_CHAIR: "the Chair of the Council",
  COUNCIL_VICE_CHAIR: "the Vice-Chair of the Council",
  MONITORING_OFFICER: "the Monitoring Officer",
};

export type DisclosureInput = { otherPartyId: string | null; relationship: string };

export async function fileDisclosure(
  viewer: Viewer,
  input: DisclosureInput,
  opts: { now: Date; idempotencyKey?: string | null },
): Promise<Filed> {
  const profile = profileOf(viewer);
  const actor = toActor(viewer);
  const offer = offerOf(profile, actor, "disclosure");
  if (!offer.mayFile.ok) fail(offer.mayFile);
  return fileOnce(viewer, opts.idempotencyKey, async (tx) => {
    const other = await personOfCouncil(tx, viewer, input.otherPartyId);
    const holders = await officeHolders(tx, viewer.council.id);
    const offices = await tx.groupOffice.findMany({
      where: { councilId: viewer.council.id, kind: "LEADER", user: { active: true } },
      select: { groupId: true, userId: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    });
    const routed = routeDisclosure(
      profile,
      { id: viewer.id, roles: viewer.storedRoles, partyGroupId: viewer.partyGroup?.id ?? null },
      other ? { id: other.id, roles: other.roles, partyGroupId: other.partyGroupId } : null,
      input.relationship,
      holders,
      (groupId) => offices.filter((o) => o.groupId === groupId).map((o) => o.userId),
    );
    if (!routed.ok) fail(routed);
    const names = new Map<string, string>([
      ...offices.map((o) => [o.userId, o.user.name] as const),
      [viewer.id, viewer.name],
      [other!.id, other!.name],
    ]);
    const recipient = await tx.user.findUniqueOrThrow({
      where: { id: routed.recipientId },
      select: { name: true },
    });
    const data: DisclosureData = {
      route: routed.route,
      discloserId: viewer.id,
      otherPartyId: other!.id,
      otherPartyName: other!.name,
      recipientId: routed.recipientId,
      recipientRole: routed.recipientRole,
      recipientName: recipient.name,
      memberInvolvedId: routed.memberInvolvedId,
      memberInvolvedName: routed.memberInvolvedId ? (names.get(routed.memberInvolvedId) ?? null) : null,
      leaderIds: routed.leaderIds,
      leaderNames: routed.leaderIds.map((id) => names.get(id) ?? ""),
      consultationRequired: routed.consultationRequired,
      consultation: null,
      courseOfAction: null,
      otherPartyGranted: false,
      notes: routed.notes,
    };
    return createRequest(tx, {
      viewer,
      type: "DISCLOSURE",
      kind: "DISCLOSURE",
      status: "SUBMITTED",
      subject: `Relationship disclosure: ${viewer.name} and ${other!.name}`,
      details: input.relationship,
      deciderId: routed.recipientId,
      data,
      idempotencyKey: opts.idempotencyKey,
      ruleId: routed.ruleId,
      // Each person by name: never the group, never all members (WIG-E1, DEF-E1 "visible … only").
      grants: [...userGrant(viewer.id, routed.ruleId), ...userGrant(routed.recipientId, routed.ruleId)],
      notify: [
        {
          userIds: [routed.recipientId],
          kind: "RECEIVED",
          title: `A relationship disclosure from ${viewer.name} for you to consider`,
        },
        {
          userIds: [viewer.id],
          kind: "FILED",
          title: `Your relationship disclosure went to ${RECIPIENT_TITLES[routed.recipientRole]}, ${recipient.name}`,
        },
      ],
      auditData: { recipientRole: routed.recipientRole, consultationRequired: routed.consultationRequired },
    });
  });
}

/** A step on a disclosure by its recipient: consult the Group Leader, close with the course agreed, or share it. */
export async function actOnDisclosure(
  viewer: Viewer,
  requestId: string,
  action: DisclosureAction,
  now: Date,
): Promise<void> {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { type: "DISCLOSURE", ...visibleWithId(viewer, requestId) } });
    if (!row) throw notFound("That disclosure");
    const data = row.data as DisclosureData;
    const state: DisclosureState = {
      status: row.status,
      route: data.route,
      recipientId: data.recipientId,
      leaderIds: data.leaderIds,
      consultationRequired: data.consultationRequired,
      otherPartyGranted: data.otherPartyGranted,
    };
    const d = decideDisclosure(profile, toActor(viewer), state, action);
    if (!d.ok) fail(d);
    const discloser = row.createdById;
    if (action.type === "CONSULT_GROUP_LEADER") {
      const leaderName = data.leaderNames[data.leaderIds.indexOf(action.leaderId)] ?? "";
      await transition(tx, {
        request: row,
        viewer,
        action: "CONSULT_GROUP_LEADER",
        to: d.to,
        ruleId: d.ruleId,
        reasons: action.notes,
        patch: {
          data: {
            ...data,
            consultation: {
              leaderId: action.leaderId,
              leaderName,
              notes: action.notes.trim(),
              at: now.toISOString(),
            },
          },
        },
        // Recording the consultation is what lets the Group Leader see the disclosure (WIG-E1, DEF-E4).
        grants: userGrant(action.leaderId, "DEF-E4"),
        notify: [
          {
            userIds: [action.leaderId],
            kind: "CONSULTED",
            title: `${row.reference}: ${data.recipientName} consulted you on a relationship disclosure`,
          },
          {
            userIds: [discloser],
            kind: "CONSULTED",
            title: `${row.reference}: the Group Leader has been consulted on your disclosure`,
          },
        ],
        auditData: { leaderId: action.leaderId },
      });
    } else if (action.type === "CLOSE") {
      await transition(tx, {
        request: row,
        viewer,
        action: "CLOSE_DISCLOSURE",
        to: d.to,
        ruleId: d.ruleId,
        reasons: action.courseOfAction,
        patch: { closedAt: now, data: { ...data, courseOfAction: action.courseOfAction.trim() } },
        notify: [
          {
            userIds: [discloser, data.consultation?.leaderId, data.otherPartyGranted ? data.otherPartyId : null],
            kind: "CLOSED",
            title: `${row.reference}: the relationship disclosure is closed with the course of action agreed`,
            body: action.courseOfAction.trim(),
          },
        ],
      });
    } else {
      if (!(await personOfCouncil(tx, viewer, data.otherPartyId)))
        throw new AppError("CONFLICT", "The other person no longer has an account.", {}, "WIG-E1");
      await transition(tx, {
        request: row,
        viewer,
        action: "SHARE_WITH_OTHER_PARTY",
        to: d.to,
        ruleId: d.ruleId,
        reasons: action.reasons,
        patch: { data: { ...data, otherPartyGranted: true } },
        grants: userGrant(data.otherPartyId, "WIG-E1"),
        notify: [
          {
            userIds: [data.otherPartyId],
            kind: "SHARED",
            title: `${row.reference}: a relationship disclosure naming you has been shared with you`,
          },
          {
            userIds: [discloser],
            kind: "SHARED",
            title: `${row.reference}: your disclosure has been shared with ${data.otherPartyName}`,
          },
        ],
      });
    }
  }, TX_OPTIONS);
}
