// Ceremonial events (CWC-E9; silent elsewhere: off). An officer records the event, its date, the office-holder who
// attends (the Chair or Deputy Chair of the Council, a Cabinet Member, or a committee's Chair or Deputy Chair) and
// its ward or wards. Every councillor for those wards is told and can read the record.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { formatDate } from "@/lib/requests/describe";
import { createRequest, fail, fileOnce, type Filed, type Tx } from "@/lib/requests/store";
import { userGrant } from "@/lib/workflow/access";
import { decideEvent, eventOffices, offerOf, type OfficeOption } from "@/lib/workflow/register";

export type EventInput = {
  subject: string;
  details: string;
  eventDate: string;
  office: string;
  wardIds: string[];
};

export type EventData = {
  eventDate: string;
  office: string;
  attendeeId: string;
  attendeeName: string;
  wards: { id: string; name: string }[];
  /** The ward members told (CWC-E9). */
  toldIds: string[];
  toldNames: string[];
};

/** The offices that may attend, each with its holder, for the viewer's council (CWC-E9). */
export async function councilEventOffices(tx: Tx, viewer: Pick<Viewer, "council">) {
  const [people, committees] = await Promise.all([
    tx.user.findMany({
      where: {
        councilId: viewer.council.id,
        active: true,
        roles: { hasSome: ["COUNCIL_CHAIR", "COUNCIL_VICE_CHAIR", "CABINET_MEMBER", "MEMBER"] },
      },
      select: { id: true, name: true, roles: true, jobTitle: true },
      orderBy: { name: "asc" },
    }),
    tx.committee.findMany({
      where: { councilId: viewer.council.id, retiredAt: null },
      select: { id: true, name: true, chairId: true, members: { where: { active: true }, select: { id: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  return eventOffices(
    people,
    committees.map((c) => ({ id: c.id, name: c.name, chairId: c.chairId, memberIds: c.members.map((m) => m.id) })),
  );
}

export async function fileEvent(
  viewer: Viewer,
  input: EventInput,
  opts: { now: Date; idempotencyKey?: string | null },
): Promise<Filed> {
  const profile = profileOf(viewer);
  const actor = toActor(viewer);
  // Silent elsewhere: off — a forged submission is refused before anything is read.
  const offer = offerOf(profile, actor, "event");
  if (!offer.mayFile.ok) fail(offer.mayFile);
  return fileOnce(viewer, opts.idempotencyKey, async (tx) => {
    const [offices, wards] = await Promise.all([
      councilEventOffices(tx, viewer),
      tx.ward.findMany({
        where: { councilId: viewer.council.id, retiredAt: null },
        select: { id: true, name: true, members: { where: { active: true }, select: { id: true, name: true } } },
        orderBy: { name: "asc" },
      }),
    ]);
    const d = decideEvent(profile, actor, {
      office: input.office,
      offices,
      wardIds: input.wardIds,
      knownWardIds: wards.map((w) => w.id),
    });
    if (!d.ok) fail(d);
    const chosen = wards.filter((w) => input.wardIds.includes(w.id));
    const told = new Map(chosen.flatMap((w) => w.members.map((m) => [m.id, m.name] as const)));
    const office: OfficeOption = d.office;
    const attendee = await tx.user.findUniqueOrThrow({ where: { id: office.personId }, select: { name: true } });
    const data: EventData = {
      eventDate: input.eventDate,
      office: office.office,
      attendeeId: office.personId,
      attendeeName: attendee.name,
      wards: chosen.map((w) => ({ id: w.id, name: w.name })),
      toldIds: [...told.keys()],
      toldNames: [...told.values()],
    };
    const when = formatDate(input.eventDate);
    const where = chosen.map((w) => w.name).join(", ");
    return createRequest(tx, {
      viewer,
      type: "EVENT",
      kind: "CEREMONIAL",
      status: "RECORDED",
      subject: input.subject,
      details: input.details,
      data,
      idempotencyKey: opts.idempotencyKey,
      ruleId: d.ruleId,
      grants: [
        ...userGrant(viewer.id, d.ruleId),
        ...userGrant(office.personId, d.ruleId),
        // CWC-E9: the local members are informed — each ward member is told and can read the record.
        ...[...told.keys()].flatMap((id) => userGrant(id, d.ruleId)),
      ],
      notify: [
        {
          userIds: [...told.keys()],
          kind: "WARD_EVENT",
          title: `Ceremonial event in ${where} on ${when}: ${input.subject.trim()}`,
          body: `${office.office} (${attendee.name}) attends. Local members are informed and, where possible, invited to take part.`,
        },
        {
          userIds: [office.personId],
          kind: "EVENT_ATTENDANCE",
          title: `You are recorded as attending “${input.subject.trim()}” on ${when} as ${office.office}`,
        },
      ],
      auditData: { office: office.value, wardIds: input.wardIds, told: told.size },
    });
  });
}
