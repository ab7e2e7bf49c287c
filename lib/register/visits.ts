// Visit notices (WIG-E2; DEF-E3 elsewhere: off). A councillor records a planned visit to a council establishment.
// An ordinary visit tells the service's Chief Officer at once, before the date, and lets them see the notice; a
// statutory inspection points to the other procedures; an unannounced visit records its special circumstances
// (DEF-G1: the reasons are on the record for the Monitoring Officer in audit); a school visit is arranged through
// the Headteacher.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { formatDate } from "@/lib/requests/describe";
import { createRequest, fail, fileOnce, type Filed } from "@/lib/requests/store";
import { londonDate } from "@/lib/dates";
import { userGrant } from "@/lib/workflow/access";
import { decideVisit, offerOf, VISIT_TYPE_LABELS, type VisitType } from "@/lib/workflow/register";
import { officeHolders } from "./common";

export type VisitInput = {
  establishment: string;
  serviceId: string | null;
  visitDate: string | null;
  visitType: VisitType;
  school: boolean;
  arrangedWithHeadteacher: boolean;
  headteacherName: string;
  specialCircumstances: string;
};

export type VisitData = {
  establishment: string;
  serviceId: string;
  serviceName: string;
  visitDate: string;
  visitType: VisitType;
  school: boolean;
  arrangedWithHeadteacher: boolean;
  headteacherName: string | null;
  specialCircumstances: string | null;
  /** Who was told in advance (the service's Chief Officer; the Chief Executive where the service has none). */
  toldId: string | null;
  toldName: string | null;
  notes: { ruleId: string; message: string }[];
};

export async function fileVisit(
  viewer: Viewer,
  input: VisitInput,
  opts: { now: Date; idempotencyKey?: string | null },
): Promise<Filed> {
  const profile = profileOf(viewer);
  const actor = toActor(viewer);
  // DEF-E3: off outside Wigan — a forged submission is refused before anything is read.
  const offer = offerOf(profile, actor, "visit");
  if (!offer.mayFile.ok) fail(offer.mayFile);
  const rule = profile.duties.visits.ruleId;
  if (!input.visitDate)
    throw new AppError(
      "VALIDATION",
      "Enter the date of the visit",
      { visitDate: "Enter the date of the visit" },
      rule,
    );
  const d = decideVisit(profile, actor, { ...input, visitDate: input.visitDate, today: londonDate(opts.now) });
  if (!d.ok) fail(d);
  return fileOnce(viewer, opts.idempotencyKey, async (tx) => {
    const service = input.serviceId
      ? await tx.service.findFirst({
          where: { id: input.serviceId, councilId: viewer.council.id, retiredAt: null },
          select: { id: true, name: true, chiefOfficer: { select: { id: true, name: true, active: true } } },
        })
      : null;
    if (!service)
      throw new AppError(
        "VALIDATION",
        "Choose the service",
        { serviceId: "Choose the service that runs it" },
        rule,
      );
    let told: { id: string; name: string } | null = null;
    if (d.notifyChiefOfficer) {
      told = service.chiefOfficer?.active ? service.chiefOfficer : null;
      if (!told) {
        const ce = (await officeHolders(tx, viewer.council.id)).chiefExecutiveId;
        told = ce
          ? await tx.user.findUniqueOrThrow({ where: { id: ce }, select: { id: true, name: true } })
          : null;
      }
    }
    const data: VisitData = {
      establishment: input.establishment,
      serviceId: service.id,
      serviceName: service.name,
      visitDate: input.visitDate!,
      visitType: input.visitType,
      school: input.school,
      arrangedWithHeadteacher: input.school && input.arrangedWithHeadteacher,
      headteacherName: input.school ? input.headteacherName.trim() : null,
      specialCircumstances: input.visitType === "UNANNOUNCED" ? input.specialCircumstances.trim() : null,
      toldId: told?.id ?? null,
      toldName: told?.name ?? null,
      notes: d.notes,
    };
    const mo =
      input.visitType === "UNANNOUNCED" ? (await officeHolders(tx, viewer.council.id)).monitoringOfficerId : null;
    const when = formatDate(input.visitDate!);
    return createRequest(tx, {
      viewer,
      type: "VISIT",
      kind: input.visitType,
      status: "RECORDED",
      subject: `Visit to ${input.establishment}`,
      details: [
        `${VISIT_TYPE_LABELS[input.visitType]} on ${when}.`,
        input.school ? `School visit arranged with the Headteacher, ${data.headteacherName}.` : "",
        data.specialCircumstances ? `Special circumstances: ${data.specialCircumstances}` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      serviceId: service.id,
      data,
      idempotencyKey: opts.idempotencyKey,
      ruleId: d.ruleId,
      grants: [
        ...userGrant(viewer.id, d.ruleId),
        // WIG-E2: the Chief Officer is told in advance of an ordinary visit, and can read the notice.
        ...userGrant(told?.id, d.ruleId),
        // DEF-G1: the reasons for an unannounced visit are on the record for the Monitoring Officer in audit.
        ...userGrant(mo, "DEF-G1"),
      ],
      notify: [
        {
          userIds: [told?.id],
          kind: "VISIT_NOTICE",
          title: `Councillor ${viewer.name} will visit ${input.establishment} on ${when}`,
          body: input.school ? `Arranged with the Headteacher, ${data.headteacherName}.` : "",
        },
        {
          userIds: [viewer.id],
          kind: "FILED",
          title: told
            ? `Your visit to ${input.establishment} on ${when} is recorded and ${told.name} has been told`
            : `Your visit to ${input.establishment} on ${when} is recorded`,
        },
      ],
      auditData: { visitType: input.visitType, school: input.school, told: told?.id ?? null },
    });
  });
}
