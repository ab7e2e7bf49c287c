// Information-request use cases: one exported function per use case, one transaction each.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileAtVersion, profileOf } from "@/lib/protocol/council-profile";
import { refuse } from "@/lib/protocol/types";
import { londonDate } from "@/lib/dates";
import { informationAccessAtFiling, userGrant, type Grant } from "@/lib/workflow/access";
import { dueDate, resumeDueDate } from "@/lib/workflow/due";
import {
  decideInformation,
  submitInformationRequest,
  type InfoAction,
  type InfoRequest,
  type InfoSubmission,
} from "@/lib/workflow/information";
import { toActor } from "./actor";
import { councilFacts, infoRoutingContext } from "./context";
import {
  auditRefusal,
  createRequest,
  fail,
  fileOnce,
  transition,
  TX_OPTIONS,
  type Db,
  type Filed,
  type NotificationSpec,
  type RequestRow,
  type Tx,
} from "./store";

export type { Filed } from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";

export type InformationInput = Omit<InfoSubmission, "addressee"> & { addresseeId?: string | null };

type InfoData = {
  requesterIds: string[];
  needPresumed: boolean;
  readilyAvailable: boolean;
  governanceAdviceRecorded: boolean;
  concernedMemberIds: string[];
  refusedGrounds: string[];
  referredToChairId: string | null;
  referredToCommitteeId?: string | null;
  /** The officer the member addressed it to (C2007-A1, CWC-A1), when they named one. */
  addresseeId?: string | null;
  category: string;
  classification: string | null;
  needToKnowGrounds: string;
  thirdPartyData: boolean;
  thirdPartyJustification?: string;
  capacity: string | null;
  wardId: string | null;
  refusal?: { ground: string; reasons: string };
  /** A review has been decided (a refusal is reviewed once). */
  reviewed?: boolean;
  /** The officer it was assigned to before the latest reassignment (for the timeline). */
  allocatedFromId?: string | null;
};

/** Resolves people, runs the protocol's checks and routing; throws the AppError the form shows. Writes nothing. */
async function prepare(tx: Tx, viewer: Viewer, input: InformationInput, now: Date) {
  const profile = profileOf(viewer);
  const addressee = input.addresseeId
    ? await tx.user.findFirst({
        where: { id: input.addresseeId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
        select: { id: true, roles: true, serviceId: true, seniority: true },
      })
    : null;
  if (input.addresseeId && !addressee)
    throw new AppError("VALIDATION", "Choose an officer of your council", {
      addresseeId: "Choose an officer of your council",
    });
  if (
    input.serviceId &&
    !(await tx.service.findFirst({
      where: { id: input.serviceId, councilId: viewer.council.id, retiredAt: null },
    }))
  ) {
    throw new AppError("VALIDATION", "Choose a service of your council", {
      serviceId: "Choose a service of your council",
    });
  }
  const coRequesters = input.coRequesterIds?.length
    ? await tx.user.findMany({
        where: {
          id: { in: input.coRequesterIds },
          councilId: viewer.council.id,
          active: true,
          roles: { has: "MEMBER" },
        },
        select: { id: true },
      })
    : [];
  const facts = await councilFacts(tx, viewer.council.id, now);
  const decision = submitInformationRequest(
    profile,
    toActor(viewer),
    { ...input, addressee: addressee ? { ...addressee, roles: addressee.roles as string[] } : null },
    infoRoutingContext(facts, viewer),
  );
  if (!decision.ok) fail(decision);
  return {
    r: decision.routing,
    facts,
    requesterIds: [viewer.id, ...coRequesters.map((c) => c.id).filter((id) => id !== viewer.id)],
    serviceId: input.serviceId ?? addressee?.serviceId ?? null,
  };
}

/** What filing would do — who it goes to and when it is due — for the "check your answers" page. */
export async function previewInformationRequest(viewer: Viewer, input: InformationInput, now: Date) {
  const prisma = db();
  const { r } = await prepare(prisma as unknown as Tx, viewer, input, now);
  const decider = r.deciderId
    ? await prisma.user.findUnique({ where: { id: r.deciderId }, select: { name: true, jobTitle: true } })
    : null;
  return {
    decider,
    dueDate: dueDate(profileOf(viewer), "INFORMATION", now),
    notes: r.notes,
    triage: r.state === "TRIAGE",
  };
}

export async function fileInformationRequest(
  viewer: Viewer,
  input: InformationInput,
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed> {
  const profile = profileOf(viewer);
  return fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      const { r, facts, requesterIds, serviceId } = await prepare(tx, viewer, input, opts.now);
      const serviceHeadId = r.visibleToServiceHead && serviceId ? facts.chiefOfficerOfService(serviceId) : null;
      const data: InfoData & { notes: typeof r.notes } = {
        requesterIds,
        needPresumed: r.needPresumed,
        readilyAvailable: false,
        governanceAdviceRecorded: false,
        concernedMemberIds: input.concernsAnotherMember ? input.concernedMemberIds : [],
        refusedGrounds: [],
        referredToChairId: null,
        addresseeId: input.addresseeId ?? null,
        category: input.category,
        classification: input.classification ?? null,
        needToKnowGrounds: input.needToKnowGrounds ?? "",
        thirdPartyData: input.thirdPartyData,
        thirdPartyJustification: input.thirdPartyData ? (input.thirdPartyJustification ?? "").trim() : "",
        capacity: input.capacity ?? null,
        wardId: input.wardId ?? null,
        notes: r.notes,
      };
      const grants: Grant[] = informationAccessAtFiling({
        requesterIds,
        deciderId: r.deciderId,
        allocatedToId: r.allocatedToId,
        groupId: input.kind === "GROUP_BACKGROUND" ? (input.groupId ?? null) : null,
        serviceHeadId,
        chiefExecutiveId: facts.holders("CHIEF_EXECUTIVE")[0] ?? null,
        c2007AdviceNote: r.ruleId === "C2007-A1",
        governanceIds: profile.information.governanceAdviceBeforeRefusal.value
          ? [...facts.holders("DIRECTOR_OF_GOVERNANCE"), ...facts.holders("MONITORING_OFFICER")]
          : [],
      });
      // DEF-A4 triage: member services (user administrators) see requests whose department is unknown.
      if (r.state === "TRIAGE") {
        const triage = await tx.user.findMany({
          where: { councilId: viewer.council.id, active: true, roles: { has: "ADMIN" } },
          select: { id: true },
        });
        grants.push(...triage.flatMap((u) => userGrant(u.id, "DEF-A4")));
      }
      const created = await createRequest(tx, {
        viewer,
        type: "INFORMATION",
        kind: input.kind,
        status: r.state,
        subject: input.subject,
        details: input.details,
        serviceId,
        groupId: input.kind === "GROUP_BACKGROUND" ? (input.groupId ?? null) : null,
        deciderId: r.deciderId,
        allocatedToId: r.allocatedToId,
        dueDate: dueDate(profile, "INFORMATION", opts.now),
        data,
        idempotencyKey: opts.idempotencyKey,
        ruleId: r.ruleId,
        grants,
        notify: [
          {
            userIds: [r.deciderId, r.allocatedToId],
            kind: "RECEIVED",
            title: `New information request: ${input.subject.trim()}`,
          },
          { userIds: requesterIds, kind: "FILED", title: `Your request “${input.subject.trim()}” was received` },
        ],
        auditData: { notes: r.notes },
      });
      return created;
    },
    opts.dryRun,
  );
}

export function toInfoRequest(r: RequestRow): InfoRequest {
  const d = r.data as unknown as InfoData;
  return {
    state: r.status as InfoRequest["state"],
    kind: r.kind as InfoRequest["kind"],
    requesterIds: d.requesterIds ?? [r.createdById],
    groupId: r.groupId,
    serviceId: r.serviceId,
    deciderId: r.deciderId,
    allocatedToId: r.allocatedToId,
    reviewerId: r.reviewerId,
    needPresumed: !!d.needPresumed,
    readilyAvailable: !!d.readilyAvailable,
    governanceAdviceRecorded: !!d.governanceAdviceRecorded,
    pausedFor: (r.pauseReason as InfoRequest["pausedFor"]) ?? null,
    concernedMemberIds: d.concernedMemberIds ?? [],
    refusedGrounds: (d.refusedGrounds ?? []) as InfoRequest["refusedGrounds"],
    referredToChairId: d.referredToChairId ?? null,
    referredToCommitteeId: d.referredToCommitteeId ?? null,
    reviewed: !!d.reviewed,
  };
}

/** Loads a request the viewer may see, or throws NOT_FOUND. */
export async function loadVisibleRequest(tx: Tx | Db, viewer: Viewer, id: string): Promise<RequestRow> {
  const row = await tx.request.findFirst({ where: visibleWithId(viewer, id) });
  if (!row) throw notFound("That request");
  return row;
}

/**
 * Who reviews a refusal: someone holding the profile's reviewing role (CWC-A4, DEF-A3) who did not refuse it. Where
 * the only holder is the decider (a Director of Legal who is also the Monitoring Officer), the alternate is the Chief
 * Executive — a council setting (DEF-A3), recorded in docs/decisions/0010-protocol-actions-as-data.md.
 */
async function findReviewer(tx: Tx, councilId: string, role: string, deciderId: string | null) {
  for (const r of [role, REVIEW_ALTERNATE]) {
    const u = await tx.user.findFirst({
      where: { councilId, active: true, roles: { has: r as never }, id: { not: deciderId ?? "" } },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    if (u) return u;
  }
  return null;
}

/** The reviewer where the reviewing role's only holder refused the request (DEF-A3, a council setting). */
export const REVIEW_ALTERNATE = "CHIEF_EXECUTIVE";

/** Applies one action to an information request: the pure workflow decides; this records it. */
export async function actOnInformationRequest(
  viewer: Viewer,
  requestId: string,
  action: InfoAction,
  now: Date,
): Promise<void> {
  const prisma = db();
  await prisma
    .$transaction(async (tx) => {
      const row = await loadVisibleRequest(tx, viewer, requestId);
      if (row.type !== "INFORMATION") throw notFound("That request");
      // Steps on an existing request follow the settings it was filed under (a change applies to new requests only).
      const profile = await profileAtVersion(tx, viewer.council, row.settingsVersion);
      const req = toInfoRequest(row);
      const d = row.data as unknown as InfoData;
      const decision = decideInformation(profile, req, toActor(viewer), action);
      if (!decision.ok) fail(decision);

      const who: Record<string, (string | null)[]> = {
        REQUESTERS: req.requesterIds,
        DECIDER: [req.deciderId],
        REVIEWER: [req.reviewerId],
        CONCERNED_MEMBERS: req.concernedMemberIds,
        ALLOCATED: [req.allocatedToId],
        CHAIR: [req.referredToChairId],
      };
      const title = (what: string) => `${row.reference} “${row.subject}”: ${what}`;
      const data: InfoData = { ...d };
      const patch: Parameters<typeof transition>[1]["patch"] = {};
      const grants: Grant[] = [];
      let reasons: string | null = null;
      let message: { kind: string; body: string; marking?: string } | null = null;
      let extraNotify: NotificationSpec[] = [];

      switch (action.type) {
        case "TRIAGE": {
          const deciderId = (await councilFacts(tx, viewer.council.id, now)).chiefOfficerOfService(
            action.serviceId,
          );
          if (!deciderId)
            throw new AppError(
              "VALIDATION",
              "That service has no Chief Officer set up: the council's administrator sets one on an officer's page",
              {
                serviceId:
                  "That service has no Chief Officer set up: the council's administrator sets one on an officer's page",
              },
            );
          patch.serviceId = action.serviceId;
          patch.deciderId = deciderId;
          grants.push(...userGrant(deciderId, "DEF-A4"));
          who.DECIDER = [deciderId];
          break;
        }
        case "ALLOCATE": {
          const officer = await tx.user.findFirst({
            where: { id: action.officerId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
            select: { id: true, serviceId: true },
          });
          if (!officer)
            throw new AppError("VALIDATION", "Choose an officer of your council", {
              officerId: "Choose an officer of your council",
            });
          // Work is assigned within the service that answers the request (its Chief Officer's staff).
          if (row.serviceId && officer.serviceId !== row.serviceId)
            throw new AppError("VALIDATION", "Choose an officer of the service answering this request", {
              officerId: "Choose an officer of the service answering this request",
            });
          if (officer.id === row.allocatedToId)
            throw new AppError("VALIDATION", "The request is already assigned to that officer", {
              officerId: "The request is already assigned to that officer",
            });
          data.allocatedFromId = row.allocatedToId;
          patch.allocatedToId = officer.id;
          grants.push(...userGrant(officer.id, "DEF-A12"));
          who.ALLOCATED = [officer.id];
          break;
        }
        case "RECORD_GOVERNANCE_ADVICE":
          data.governanceAdviceRecorded = true;
          message = { kind: "GOVERNANCE_ADVICE", body: action.advice };
          grants.push(...userGrant(viewer.id, "CWC-A3"));
          break;
        case "REQUEST_JUSTIFICATION":
        case "APPLY_NEED_TO_KNOW_TEST":
        case "PROPOSE_SCOPE":
        case "ISSUE_ANOTHER_MEMBER_NOTICE":
          patch.pausedAt = now;
          patch.pauseReason = decision.pause ?? null;
          if (action.type === "APPLY_NEED_TO_KNOW_TEST") message = { kind: "QUESTION", body: action.question };
          if (action.type === "REQUEST_JUSTIFICATION" && action.question?.trim())
            message = { kind: "QUESTION", body: action.question };
          if (action.type === "PROPOSE_SCOPE")
            message = {
              kind: "SCOPE_PROPOSAL",
              body: `Estimate: ${action.estimate}\nProposal: ${action.proposal}`,
            };
          if (action.type === "ISSUE_ANOTHER_MEMBER_NOTICE") data.concernedMemberIds = action.concernedMemberIds;
          break;
        case "MEMBER_RESPONDS":
          patch.pausedAt = null;
          patch.pauseReason = null;
          if (row.dueDate && row.pausedAt)
            patch.dueDate = new Date(
              `${resumeDueDate(row.dueDate.toISOString().slice(0, 10), row.pausedAt, now)}T00:00:00Z`,
            );
          if (decision.to === "CLOSED") patch.closedAt = now;
          if (action.response.trim()) message = { kind: "RESPONSE", body: action.response };
          break;
        case "MARK_READILY_AVAILABLE":
          data.readilyAvailable = true;
          break;
        case "REFER_FOR_ADVICE":
          data.referredToChairId = action.chairId;
          reasons = action.reasons;
          grants.push(...userGrant(action.chairId, "C2007-A6"));
          who.CHAIR = [action.chairId];
          break;
        case "CHAIR_ADVICE":
          message = { kind: "CHAIR_ADVICE", body: action.advice };
          break;
        case "REFER_TO_COMMITTEE": {
          const committee = await tx.committee.findFirst({
            where: { id: action.committeeId, councilId: viewer.council.id, retiredAt: null },
            select: { id: true, name: true },
          });
          if (!committee) fail(refuse("C2007-A6", "Choose a committee from the list.", "committeeId"));
          data.referredToCommitteeId = committee!.id;
          reasons = `${committee!.name}: ${action.reasons}`;
          break;
        }
        case "RECORD_COMMITTEE_INSTRUCTIONS":
          data.referredToCommitteeId = null;
          message = {
            kind: "COMMITTEE_INSTRUCTIONS",
            body: `Meeting of ${action.meetingDate}, minute ${action.minuteReference}\n${action.instructions}`,
          };
          break;
        case "GRANT":
          // C2007-A5: the Chief Executive's procedural advice is a confidential reply type of its own.
          message =
            action.marking === "PROCEDURAL_ADVICE"
              ? { kind: "PROCEDURAL_ADVICE", body: action.reply, marking: "CONFIDENTIAL" }
              : {
                  kind: action.inStages ? "STAGE_REPLY" : "REPLY",
                  body: action.reply,
                  marking: action.marking ?? "NONE",
                };
          if (!action.inStages) patch.closedAt = now;
          // WIG-A10: the member a request concerns receives the same reply and can see it.
          if (profile.information.anotherMemberRule.value)
            grants.push(...req.concernedMemberIds.flatMap((id) => userGrant(id, "WIG-A10")));
          break;
        case "REFUSE":
          data.refusal = { ground: action.ground, reasons: action.reasons.trim() };
          data.refusedGrounds = [...(d.refusedGrounds ?? []), action.ground];
          reasons = action.reasons;
          break;
        case "REQUEST_REVIEW": {
          const role =
            decision.reviewRoute === "DIRECTOR_OF_GOVERNANCE" ? "DIRECTOR_OF_GOVERNANCE" : "MONITORING_OFFICER";
          const reviewer = await findReviewer(tx, viewer.council.id, role, req.deciderId);
          if (!reviewer)
            throw new AppError(
              "FORBIDDEN_BY_RULE",
              "Nobody is set up to review refusals in your council. Ask the council's user administrator.",
              {},
              decision.ruleId,
            );
          patch.reviewerId = reviewer.id;
          reasons = action.reasons;
          grants.push(...userGrant(reviewer.id, decision.ruleId));
          who.REVIEWER = [reviewer.id];
          await tx.review.create({
            data: {
              councilId: viewer.council.id,
              requestId: row.id,
              requestedById: viewer.id,
              reviewerId: reviewer.id,
              reasons: action.reasons.trim(),
            },
          });
          break;
        }
        case "UPHOLD":
        case "OVERTURN":
          reasons = action.reasons;
          data.reviewed = true;
          await tx.review.updateMany({
            where: { requestId: row.id, reviewerId: viewer.id, outcome: null },
            data: {
              outcome: action.type === "UPHOLD" ? "UPHELD" : "OVERTURNED",
              outcomeReasons: action.reasons.trim(),
              decidedAt: now,
            },
          });
          break;
        case "WITHDRAW":
          patch.closedAt = now;
          break;
        case "CLOSE":
          message = { kind: "REPLY", body: action.response };
          patch.closedAt = now;
          break;
      }
      patch.data = data;
      if (message)
        await tx.message.create({
          data: {
            councilId: viewer.council.id,
            requestId: row.id,
            authorId: viewer.id,
            kind: message.kind,
            body: message.body.trim(),
            marking: message.marking ?? "NONE",
          },
        });
      extraNotify = decision.notify.map((n) => ({
        userIds: who[n] ?? [],
        kind: action.type,
        title: title(describe(decision.to, action.type)),
      }));
      await transition(tx, {
        request: row,
        viewer,
        action: action.type,
        to: decision.to,
        ruleId: decision.ruleId,
        reasons,
        patch,
        grants,
        notify: extraNotify,
        auditData: {
          notices: decision.notices,
          ...(action.type === "REFUSE" ? { ground: action.ground } : {}),
          today: londonDate(now),
        },
      });
    }, TX_OPTIONS)
    .catch(async (e) => {
      // C2007-A8: refused attempts on confidential material are audited too (outside the rolled-back transaction).
      if (e instanceof AppError && e.ruleId === "C2007-A8")
        await auditRefusal(viewer, requestId, action.type, e.ruleId, e.message);
      throw e;
    });
}

function describe(to: string, action: string): string {
  const words: Record<string, string> = {
    GRANTED: "information supplied",
    REFUSED: action === "UPHOLD" ? "refusal upheld on review" : "refused",
    UNDER_REVIEW: "review requested",
    TO_BE_SUPPLIED: "refusal overturned on review",
    AWAITING_MEMBER: "waiting for your answer",
    WITHDRAWN: "withdrawn",
    CLOSED: "closed",
    SUBMITTED: "back with the decider",
    REFERRED_FOR_ADVICE: "referred for advice",
  };
  return words[to] ?? to.toLowerCase().replace(/_/g, " ");
}
