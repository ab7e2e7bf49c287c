// Publicity requests (every council): a councillor asks for council publicity or a press release. The form shows the
// council's notices (CWC-E8, WIG-E10, HTC-E3, HTC-E4) and, in Cheshire West, asks for the declaration (CWC-E8). It
// goes to the communications officer — a council setting, since no protocol names one: the Chief Officer of a service
// whose name contains "Communications", else the Chief Executive (in a town council, the Town Clerk). The officer
// approves, or declines with reasons (CWC-E8 where it is party political or features a councillor not representing
// the Council); the councillor reads the decision and the reasons on the record and in a notification.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Filed, type Tx } from "@/lib/requests/store";
import { visibleWithId } from "@/lib/requests/visibility";
import { userGrant } from "@/lib/workflow/access";
import {
  communicationsOfficer,
  decidePublicity,
  decidePublicityFiling,
  offerOf,
  PUBLICITY_CHANNELS,
  PUBLICITY_DECLINE_GROUNDS,
  type PublicityAction,
  type PublicityChannel,
  type PublicityDeclineGround,
} from "@/lib/workflow/register";
import { db } from "@/lib/db";
import { officeHolders } from "./common";

export type PublicityInput = {
  subject: string;
  details: string;
  channel: PublicityChannel;
  featuredIds: string[];
  representingIds: string[];
  declared: boolean;
};

export type PublicityData = {
  channel: PublicityChannel;
  featured: { id: string; name: string; representsCouncil: boolean }[];
  declared: boolean;
  officerId: string;
  officerName: string;
  /** How the communications officer was found (the council setting). */
  officerHow: "COMMUNICATIONS" | "CHIEF_EXECUTIVE" | "TOWN_CLERK";
  decision: { outcome: "APPROVED" | "DECLINED"; ground: PublicityDeclineGround | null; reasons: string } | null;
};

export const OFFICER_HOW: Record<PublicityData["officerHow"], string> = {
  COMMUNICATIONS: "the Chief Officer for communications",
  CHIEF_EXECUTIVE: "the Chief Executive, as the council has no communications service",
  TOWN_CLERK: "the Town Clerk",
};

/** The communications officer of the viewer's council (council setting), or null if there is no one. */
export async function findCommunicationsOfficer(tx: Tx, viewer: Pick<Viewer, "council">) {
  const [services, holders] = await Promise.all([
    tx.service.findMany({
      where: { councilId: viewer.council.id, chiefOfficer: { active: true } },
      select: { name: true, chiefOfficerId: true },
      orderBy: { name: "asc" },
    }),
    officeHolders(tx, viewer.council.id),
  ]);
  const found = communicationsOfficer(services, holders);
  if (!found) return null;
  const person = await tx.user.findUniqueOrThrow({
    where: { id: found.id },
    select: { id: true, name: true, jobTitle: true },
  });
  return { ...person, how: found.how };
}

export async function filePublicity(
  viewer: Viewer,
  input: PublicityInput,
  opts: { now: Date; idempotencyKey?: string | null },
): Promise<Filed> {
  const profile = profileOf(viewer);
  const actor = toActor(viewer);
  const offer = offerOf(profile, actor, "publicity");
  if (!offer.mayFile.ok) fail(offer.mayFile);
  return fileOnce(viewer, opts.idempotencyKey, async (tx) => {
    const members = await tx.user.findMany({
      where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" } },
      select: { id: true, name: true },
    });
    const d = decidePublicityFiling(profile, actor, {
      declared: input.declared,
      featuredIds: input.featuredIds,
      representingIds: input.representingIds,
      memberIds: members.map((m) => m.id),
    });
    if (!d.ok) fail(d);
    const officer = await findCommunicationsOfficer(tx, viewer);
    if (!officer)
      throw new AppError("CONFLICT", "There is no communications officer in post to send this to.", {}, d.ruleId);
    const name = new Map(members.map((m) => [m.id, m.name]));
    const data: PublicityData = {
      channel: input.channel,
      featured: input.featuredIds.map((id) => ({
        id,
        name: name.get(id)!,
        representsCouncil: input.representingIds.includes(id),
      })),
      declared: input.declared,
      officerId: officer.id,
      officerName: officer.name,
      officerHow: officer.how,
      decision: null,
    };
    return createRequest(tx, {
      viewer,
      type: "PUBLICITY",
      kind: input.channel,
      status: "SUBMITTED",
      subject: input.subject,
      details: input.details,
      deciderId: officer.id,
      data,
      idempotencyKey: opts.idempotencyKey,
      ruleId: d.ruleId,
      grants: [...userGrant(viewer.id, d.ruleId), ...userGrant(officer.id, d.ruleId)],
      notify: [
        {
          userIds: [officer.id],
          kind: "RECEIVED",
          title: `Publicity request (${PUBLICITY_CHANNELS[input.channel].toLowerCase()}): ${input.subject.trim()}`,
        },
        {
          userIds: [viewer.id],
          kind: "FILED",
          title: `Your publicity request “${input.subject.trim()}” went to ${officer.name}`,
        },
      ],
      auditData: { channel: input.channel, declared: input.declared, officerHow: officer.how },
    });
  });
}

/** The communications officer approves or declines a publicity request (reasons go to the councillor). */
export async function decidePublicityRequest(
  viewer: Viewer,
  requestId: string,
  action: PublicityAction,
  now: Date,
): Promise<void> {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { type: "PUBLICITY", ...visibleWithId(viewer, requestId) } });
    if (!row) throw notFound("That publicity request");
    const d = decidePublicity(profile, toActor(viewer), row, action);
    if (!d.ok) fail(d);
    const data = row.data as PublicityData;
    const ground = action.type === "DECLINE" ? (action.ground as PublicityDeclineGround) : null;
    const reasons = (action.type === "DECLINE" ? action.reasons : action.notes).trim();
    await transition(tx, {
      request: row,
      viewer,
      action: action.type === "DECLINE" ? "DECLINE_PUBLICITY" : "APPROVE_PUBLICITY",
      to: d.to,
      ruleId: d.ruleId,
      reasons: ground ? `${PUBLICITY_DECLINE_GROUNDS[ground]}. ${reasons}` : reasons || null,
      patch: { closedAt: now, data: { ...data, decision: { outcome: d.to, ground, reasons } } },
      notify: [
        {
          userIds: [row.createdById],
          kind: d.to,
          title:
            d.to === "DECLINED"
              ? `${row.reference} “${row.subject}”: your publicity request was declined`
              : `${row.reference} “${row.subject}”: your publicity request was approved`,
          body: ground ? `${PUBLICITY_DECLINE_GROUNDS[ground]} (${d.ruleId}). ${reasons}` : reasons,
        },
      ],
      auditData: { ground },
    });
  }, TX_OPTIONS);
}
