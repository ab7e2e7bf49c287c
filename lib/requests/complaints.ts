// Complaint use cases: the council's ladder (lib/workflow/complaint.ts) resolved to people, one stage at a time.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileAtVersion, profileOf } from "@/lib/protocol/council-profile";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, refuse } from "@/lib/protocol/types";
import { complaintAccessAtFiling, userGrant, type Grant } from "@/lib/workflow/access";
import {
  checkHandler,
  complaintLadder,
  decideComplaint,
  decideInvolvement,
  fileComplaint,
  subjectMaySee,
  type ComplaintAction,
  type Handler,
  type Involvement,
  type Ladder,
  type Subject,
} from "@/lib/workflow/complaint";
import { acknowledgeBy, dueDate } from "@/lib/workflow/due";
import { complaintGuidance, isOfficerPerson } from "@/lib/workflow/register";
import { toActor } from "./actor";
import { councilFacts, type CouncilFacts } from "./context";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Filed, type Tx } from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";

export type ComplaintInput = {
  subjectUserId: string | null;
  summary: string;
  details: string;
  codeOfConduct: boolean;
  grievance: boolean;
  statementOfFacts?: string;
  codeProvision?: string;
  category?: string | null;
  /** CWC-C1: the complainant chooses the Chief Executive or the Director of Governance. */
  chosenHandler?: "CHIEF_EXECUTIVE" | "DIRECTOR_OF_GOVERNANCE" | null;
};

type ComplaintData = {
  ladder: Ladder;
  stageIndex: number;
  stageStatus: "OPEN" | "OUTCOME_RECORDED" | "CLOSED" | "REFERRED_TO_PARTY";
  outcome: string | null;
  subjectId: string | null;
  subjectGroupId: string | null;
  complainantServiceId: string | null;
  subjectServiceId: string | null;
  chosenHandler: string | null;
  serious: boolean;
  category: string | null;
  authorisedIds: string[];
  pastHandlerIds: string[];
  /** CWC-C1: the other of the Chief Executive and the Director of Governance, consulted (recorded). */
  consultedIds?: string[];
  /** HTC-C1: staff the Town Clerk involved. */
  involvedIds?: string[];
  /** CWC-C4: the Code provision named when a complaint was converted. */
  codeProvision?: string | null;
  /** DEF-C7: when this stage's handler should acknowledge it (London date), and when they did (ISO time). */
  acknowledgeBy?: string | null;
  acknowledgedAt?: string | null;
};

type SubjectUser = { id: string; roles: string[]; serviceId: string | null; partyGroupId: string | null };

function subjectKind(s: SubjectUser | null): Subject {
  if (!s) return "ISSUE";
  if (s.roles.includes("CHIEF_EXECUTIVE")) return "CHIEF_EXECUTIVE";
  if (s.roles.includes("TOWN_CLERK")) return "TOWN_CLERK";
  if (s.roles.includes("MEMBER")) return "MEMBER";
  if (s.roles.includes("CHIEF_OFFICER")) return "CHIEF_OFFICER";
  return "OFFICER";
}

function resolveHandler(
  facts: CouncilFacts,
  handler: Handler,
  d: Pick<ComplaintData, "subjectId" | "subjectServiceId" | "complainantServiceId" | "chosenHandler">,
): string | null {
  switch (handler) {
    case "SUBJECT_OFFICER":
      return d.subjectId;
    case "SUBJECT_CHIEF_OFFICER":
      return d.subjectServiceId ? facts.chiefOfficerOfService(d.subjectServiceId) : null;
    case "COMPLAINANT_CHIEF_OFFICER":
      return d.complainantServiceId ? facts.chiefOfficerOfService(d.complainantServiceId) : null;
    case "CHIEF_EXECUTIVE":
      return facts.holders("CHIEF_EXECUTIVE")[0] ?? null;
    case "CE_OR_DIRECTOR_OF_GOVERNANCE":
      return (
        facts.holders(
          d.chosenHandler === "DIRECTOR_OF_GOVERNANCE" ? "DIRECTOR_OF_GOVERNANCE" : "CHIEF_EXECUTIVE",
        )[0] ?? null
      );
    case "LEADER_OF_COUNCIL":
      return facts.holders("LEADER_OF_COUNCIL")[0] ?? null;
    case "MONITORING_OFFICER":
      return facts.holders("MONITORING_OFFICER")[0] ?? null;
    case "TOWN_CLERK":
      return facts.holders("TOWN_CLERK")[0] ?? null;
    case "COUNCIL_CHAIR":
      return facts.holders("COUNCIL_CHAIR")[0] ?? null;
  }
}

export async function fileComplaintCase(
  viewer: Viewer,
  input: ComplaintInput,
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed & { guidance: { ruleId: string; text: string }[] }> {
  const profile = profileOf(viewer);
  let guidance: { ruleId: string; text: string }[] = profile.complaints.startGuidance
    ? [{ ruleId: profile.complaints.startGuidance.ruleId, text: profile.complaints.startGuidance.value }]
    : [];
  const result = await fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      const subject = input.subjectUserId
        ? await tx.user.findFirst({
            where: { id: input.subjectUserId, councilId: viewer.council.id },
            select: { id: true, roles: true, serviceId: true, partyGroupId: true },
          })
        : null;
      if (input.subjectUserId && !subject)
        throw new AppError("VALIDATION", "Choose a person of your council", {
          subjectUserId: "Choose a person of your council",
        });
      if (subject?.id === viewer.id)
        throw new AppError("VALIDATION", "You cannot complain about yourself", {
          subjectUserId: "You cannot complain about yourself",
        });
      const facts = await councilFacts(tx, viewer.council.id, opts.now);
      const ladder = complaintLadder(profile, {
        complainant: has(toActor(viewer), "MEMBER") ? "MEMBER" : "OFFICER",
        subject: subjectKind(subject ? { ...subject, roles: subject.roles as string[] } : null),
        codeOfConduct: input.codeOfConduct,
        grievance: input.grievance,
        subjectHasGroup: !!subject?.partyGroupId,
        hasLeaderOfCouncil: facts.holders("LEADER_OF_COUNCIL").length > 0,
      });
      if (ladder.kind === "CODE_BREACH_REPORT")
        fail(
          refuse(
            "HTC-D7",
            "An officer's concern that a councillor breached the Code of Conduct is reported to the Town Clerk as a suspected Code breach. Use “Report a suspected Code breach”.",
          ),
        );
      const checked = fileComplaint(profile, ladder, {
        summary: input.summary,
        statementOfFacts: input.statementOfFacts,
        codeProvision: input.codeProvision,
        category: input.category,
      });
      if (!checked.ok) fail(checked);
      if (ladder.stages[0]?.handler === "CE_OR_DIRECTOR_OF_GOVERNANCE" && !input.chosenHandler) {
        throw new AppError(
          "VALIDATION",
          "Choose whether the Chief Executive or the Director of Governance handles your complaint",
          { chosenHandler: "Choose the Chief Executive or the Director of Governance" },
          "CWC-C1",
        );
      }
      const data: ComplaintData = {
        ladder,
        stageIndex: 0,
        stageStatus: "OPEN",
        outcome: null,
        subjectId: subject?.id ?? null,
        subjectGroupId: subject?.partyGroupId ?? null,
        complainantServiceId: viewer.service?.id ?? null,
        subjectServiceId: subject?.serviceId ?? null,
        chosenHandler: input.chosenHandler ?? null,
        serious: checked.serious,
        category: input.category ?? null,
        authorisedIds: [],
        pastHandlerIds: [],
        acknowledgeBy: acknowledgeBy(profile, opts.now),
        acknowledgedAt: null,
      };
      const handlerId = resolveHandler(facts, ladder.stages[0]!.handler, data);
      const ok = checkHandler(ladder, 0, handlerId, data.subjectId);
      if (!ok.ok) fail(ok);
      const grants: Grant[] = complaintAccessAtFiling({ complainantId: viewer.id, handlerId });
      if (data.subjectId && subjectMaySee(ladder, { stageIndex: 0 }, false, null))
        grants.push(...userGrant(data.subjectId, "DEF-C6"));
      const created = await createRequest(tx, {
        viewer,
        type: "COMPLAINT",
        kind: ladder.kind,
        status: "OPEN",
        subject: input.summary,
        details: [
          input.details,
          input.statementOfFacts ? `Statement of facts: ${input.statementOfFacts}` : "",
          input.codeProvision ? `Code provision: ${input.codeProvision}` : "",
        ]
          .filter(Boolean)
          .join("\n\n"),
        deciderId: handlerId,
        dueDate: dueDate(profile, "COMPLAINT", opts.now),
        data,
        idempotencyKey: opts.idempotencyKey,
        ruleId: ladder.stages[0]!.ruleId,
        grants,
        notify: [
          {
            userIds: [handlerId],
            kind: "RECEIVED",
            title: `New complaint${checked.serious ? " (serious)" : ""}: ${input.summary.trim()}`,
          },
          { userIds: [viewer.id], kind: "FILED", title: `Your complaint “${input.summary.trim()}” was received` },
        ],
        auditData: { ladder: ladder.ruleId, serious: checked.serious },
      });
      // WIG-E10, HTC-E4 (lib/workflow/register.ts): the start page's guidance, HTC-E4 only about an officer.
      guidance = [
        ...checked.guidance,
        ...complaintGuidance(profile, !!subject && isOfficerPerson(subject.roles)).map(({ ruleId, text }) => ({
          ruleId,
          text,
        })),
      ];
      return created;
    },
    opts.dryRun,
  );
  return { ...result, guidance };
}

export type ComplaintServiceAction =
  | ComplaintAction
  | { type: "AUTHORISE"; userId: string }
  | { type: Involvement; userId?: string; reasons: string; codeProvision?: string };

const INVOLVEMENTS: readonly string[] = ["CONSULT", "DELEGATE", "INVOLVE", "CONVERT_TO_CODE"];
const isInvolvement = (a: ComplaintServiceAction): a is Extract<ComplaintServiceAction, { type: Involvement }> =>
  INVOLVEMENTS.includes(a.type);

/** Who an involvement brings in, checked against the council's people (never a bare id from the form). */
async function involvedPerson(
  tx: Tx,
  viewer: Viewer,
  handlerId: string | null,
  d: ComplaintData,
  action: { type: Involvement; userId?: string; codeProvision?: string },
  facts: CouncilFacts,
  profile: CouncilProfile,
): Promise<{ userId: string; ladder?: Ladder }> {
  if (action.type === "CONSULT") {
    const other = facts.holders(
      viewer.roles.includes("DIRECTOR_OF_GOVERNANCE") ? "CHIEF_EXECUTIVE" : "DIRECTOR_OF_GOVERNANCE",
    )[0];
    if (!other || other === viewer.id)
      fail(refuse("CWC-C1", "Nobody else holds the role to consult: ask the user administrator to set it up."));
    return { userId: other };
  }
  if (action.type === "CONVERT_TO_CODE") {
    if (!action.codeProvision?.trim())
      fail(
        refuse("CWC-C4", "Say which provision of the Code of Conduct may have been breached.", "codeProvision"),
      );
    const ladder = complaintLadder(profile, {
      complainant: "MEMBER",
      subject: "MEMBER",
      codeOfConduct: true,
      grievance: false,
      hasLeaderOfCouncil: true,
    });
    const mo = resolveHandler(facts, ladder.stages[0]!.handler, d);
    const ok = checkHandler(ladder, 0, mo, d.subjectId);
    if (!ok.ok) fail(ok);
    return { userId: mo!, ladder };
  }
  const rule = action.type === "DELEGATE" ? "WIG-C1" : "HTC-C1";
  if (!action.userId) fail(refuse(rule, "Choose the officer.", "officerId"));
  const u = await tx.user.findFirst({
    where: {
      id: action.userId,
      councilId: viewer.council.id,
      active: true,
      roles: { has: "OFFICER" },
      ...(action.type === "DELEGATE" ? { serviceId: d.subjectServiceId ?? "-", seniority: "SENIOR" } : {}),
    },
    select: { id: true },
  });
  // HTC-C1: the Clerk may involve the very officer the concern is about (to hear their account); a delegate never is.
  if (!u || u.id === handlerId || (action.type === "DELEGATE" && u.id === d.subjectId))
    fail(
      refuse(
        rule,
        action.type === "DELEGATE"
          ? "Delegate only to a senior manager of the section concerned, who is not the person complained about."
          : "Choose a member of staff other than yourself.",
        "officerId",
      ),
    );
  return { userId: u!.id };
}

export async function actOnComplaint(
  viewer: Viewer,
  requestId: string,
  action: ComplaintServiceAction,
  now: Date,
): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { type: "COMPLAINT", ...visibleWithId(viewer, requestId) } });
    if (!row) throw notFound("That complaint");
    // Steps on an existing request follow the settings it was filed under (a change applies to new requests only).
    const profile = await profileAtVersion(tx, viewer.council, row.settingsVersion);
    const d = row.data as unknown as ComplaintData;
    const facts = await councilFacts(tx, viewer.council.id, now);
    const data: ComplaintData = { ...d };
    const grants: Grant[] = [];
    const patch: Parameters<typeof transition>[1]["patch"] = {};
    let notifyIds: (string | null)[] = [];
    let reasons: string | null = null;
    let to = row.status;
    let ruleId: string;

    if (isInvolvement(action)) {
      const decided = decideInvolvement(
        d.ladder,
        { stageIndex: d.stageIndex, status: d.stageStatus, handlerId: row.deciderId },
        toActor(viewer),
        action.type,
        action.reasons,
      );
      if (!decided.ok) fail(decided);
      ruleId = decided.ruleId;
      reasons = action.reasons;
      const involved = await involvedPerson(tx, viewer, row.deciderId, d, action, facts, profile);
      grants.push(...userGrant(involved.userId, ruleId));
      notifyIds = [involved.userId];
      if (action.type === "DELEGATE") {
        // WIG-C1: the section's senior manager handles it from now on; the Director keeps sight of it.
        data.pastHandlerIds = [...new Set([...d.pastHandlerIds, ...(row.deciderId ? [row.deciderId] : [])])];
        patch.deciderId = involved.userId;
      }
      if (action.type === "CONSULT")
        data.consultedIds = [...new Set([...(d.consultedIds ?? []), involved.userId])];
      if (action.type === "INVOLVE") data.involvedIds = [...new Set([...(d.involvedIds ?? []), involved.userId])];
      if (action.type === "CONVERT_TO_CODE") {
        // CWC-C4: a Code of Conduct complaint to the Monitoring Officer; the Code provision is recorded.
        data.ladder = involved.ladder!;
        data.stageIndex = 0;
        data.stageStatus = "OPEN";
        data.outcome = null;
        data.pastHandlerIds = [...new Set([...d.pastHandlerIds, ...(row.deciderId ? [row.deciderId] : [])])];
        data.codeProvision = action.codeProvision ?? null;
        data.acknowledgeBy = acknowledgeBy(profile, now);
        data.acknowledgedAt = null;
        patch.deciderId = involved.userId;
        patch.kind = "CODE_OF_CONDUCT";
        patch.dueDate = new Date(`${dueDate(profile, "COMPLAINT", now)}T00:00:00Z`);
        reasons = `${action.reasons}\n\nCode provision: ${action.codeProvision}`;
        notifyIds.push(row.createdById);
      }
    } else if (action.type === "AUTHORISE") {
      // CWC-C3: the Chief Executive or Director of Governance authorises an investigator; recorded who, by whom, when.
      if (!has(toActor(viewer), "CHIEF_EXECUTIVE", "DIRECTOR_OF_GOVERNANCE") || row.deciderId !== viewer.id)
        fail(
          refuse(
            "CWC-C3",
            "Only the Chief Executive or the Director of Governance handling the complaint can authorise an investigator.",
          ),
        );
      data.authorisedIds = [...new Set([...d.authorisedIds, action.userId])];
      ruleId = "CWC-C3";
    } else {
      let pureAction: ComplaintAction = action;
      if (action.type === "SET_INVESTIGATOR") {
        const u = await tx.user.findFirst({
          where: { id: action.investigator.id, councilId: viewer.council.id },
          select: { id: true, roles: true },
        });
        if (!u) throw notFound("That person");
        pureAction = {
          type: "SET_INVESTIGATOR",
          investigator: { id: u.id, roles: u.roles as string[] },
          authorisedIds: d.authorisedIds,
        };
      }
      const subjectGroup = d.subjectGroupId
        ? await tx.groupOffice.findMany({
            where: { groupId: d.subjectGroupId, kind: { in: ["LEADER", "CHIEF_WHIP"] } },
            select: { kind: true, userId: true },
          })
        : [];
      const decision = decideComplaint(
        profile,
        d.ladder,
        {
          stageIndex: d.stageIndex,
          status: d.stageStatus,
          complainantId: row.createdById,
          handlerId: row.deciderId,
          outcome: d.outcome,
          stageOverdue: !!row.dueDate && row.dueDate < new Date(now.toISOString().slice(0, 10)),
          acknowledged: !!d.acknowledgedAt,
        },
        toActor(viewer),
        pureAction,
        {
          subjectHasGroup: !!d.subjectGroupId,
          subjectHasChiefWhip: subjectGroup.some((o) => o.kind === "CHIEF_WHIP"),
        },
      );
      if (!decision.ok) fail(decision);
      ruleId = decision.ruleId;
      data.stageStatus = decision.status;
      to = decision.status === "OUTCOME_RECORDED" ? "OPEN" : decision.status;
      const leaders = subjectGroup.filter((o) => o.kind === "LEADER").map((o) => o.userId);
      const whips = subjectGroup.filter((o) => o.kind === "CHIEF_WHIP").map((o) => o.userId);
      const named: Record<string, string[]> = {
        SUBJECT_GROUP_LEADER: leaders,
        SUBJECT_CHIEF_WHIP: whips,
        COMPLAINANT: [row.createdById],
        SUBJECT: d.subjectId ? [d.subjectId] : [],
      };
      switch (pureAction.type) {
        case "ESCALATE": {
          const next = d.ladder.stages[decision.stageIndex]!;
          const handlerId = resolveHandler(facts, next.handler, d);
          const okHandler = checkHandler(d.ladder, decision.stageIndex, handlerId, d.subjectId);
          if (!okHandler.ok) fail(okHandler);
          data.stageIndex = decision.stageIndex;
          data.outcome = null;
          data.pastHandlerIds = [...new Set([...d.pastHandlerIds, ...(row.deciderId ? [row.deciderId] : [])])];
          patch.deciderId = handlerId;
          patch.dueDate = new Date(`${dueDate(profile, "COMPLAINT", now)}T00:00:00Z`);
          // DEF-C7: the next stage's handler acknowledges it afresh.
          data.acknowledgeBy = acknowledgeBy(profile, now);
          data.acknowledgedAt = null;
          grants.push(...userGrant(handlerId, next.ruleId));
          if (d.subjectId && subjectMaySee(d.ladder, { stageIndex: decision.stageIndex }, false, null))
            grants.push(...userGrant(d.subjectId, "DEF-C6"));
          reasons = pureAction.informalNotResolvedReasons ?? null;
          notifyIds = [
            handlerId,
            row.createdById,
            ...(d.subjectId && subjectMaySee(d.ladder, { stageIndex: decision.stageIndex }, false, null)
              ? [d.subjectId]
              : []),
          ];
          break;
        }
        case "RECORD_OUTCOME":
          data.outcome = pureAction.outcome;
          reasons = pureAction.reasons;
          if (decision.status === "CLOSED") patch.closedAt = now;
          // HAL-C6, WIG-C4: the subject member's group leadership sees the summary.
          for (const n of decision.notify)
            for (const id of named[n] ?? []) grants.push(...userGrant(id, decision.ruleId, "SUMMARY"));
          notifyIds = decision.notify.flatMap((n) => named[n] ?? []);
          break;
        case "CLASSIFY_PARTY_DISCIPLINE":
          reasons = pureAction.reasons;
          patch.closedAt = now;
          for (const id of leaders) grants.push(...userGrant(id, "CWC-C2", "SUMMARY"));
          notifyIds = [...leaders, row.createdById];
          break;
        case "SET_INVESTIGATOR":
          grants.push(...userGrant(pureAction.investigator.id, "CWC-C3"));
          notifyIds = [pureAction.investigator.id];
          break;
        case "NOMINATE":
          grants.push(...userGrant(pureAction.nomineeId, "CWC-C5"));
          notifyIds = [pureAction.nomineeId];
          break;
        case "ACKNOWLEDGE":
          data.acknowledgedAt = now.toISOString();
          reasons = pureAction.message?.trim() || null;
          notifyIds = [row.createdById];
          break;
      }
    }
    patch.data = data;
    await transition(tx, {
      request: row,
      viewer,
      action: action.type,
      to,
      ruleId,
      reasons,
      patch,
      grants,
      notify: [
        {
          userIds: notifyIds,
          kind: action.type,
          title:
            action.type === "ACKNOWLEDGE"
              ? `${row.reference} “${row.subject}”: ${viewer.name} has acknowledged your complaint`
              : `${row.reference} “${row.subject}”: ${action.type.toLowerCase().replace(/_/g, " ")}`,
        },
      ],
    });
  }, TX_OPTIONS);
}
