// Correspondence between members and officers, and official letters (issue 14, RULES.md §3.E): the use cases that
// write. Each runs in one transaction: the pure decision (lib/workflow/correspondence.ts), then a conditional
// transition with its audit event (naming the rule), the access grants and the notifications.
import "server-only";
import { createHash } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import {
  createRequest,
  fail,
  fileOnce,
  transition,
  TX_OPTIONS,
  type Filed,
  type NotificationSpec,
  type RequestRow,
  type TransitionSpec,
  type Tx,
} from "@/lib/requests/store";
import { visibleWithId } from "@/lib/requests/visibility";
import { userGrant, type Grant } from "@/lib/workflow/access";
import {
  correspondenceRule,
  decideConsent,
  decideCopy,
  decideLetter,
  decideRecord,
  decideReply,
  isWideCirculation,
  letterRule,
  suggestDirector,
  type CopyStatus,
  type CorrespondenceData,
  type CorrespondenceFacts,
  type LetterData,
  type Party,
  type PlannedCopy,
} from "@/lib/workflow/correspondence";

export const PARTY_SELECT = {
  id: true,
  name: true,
  jobTitle: true,
  roles: true,
  partyGroupId: true,
  serviceId: true,
  chairOf: { select: { kind: true } },
} as const;

export type PartyRow = {
  id: string;
  name: string;
  jobTitle: string | null;
  roles: string[];
  partyGroupId: string | null;
  serviceId: string | null;
  chairOf: { kind: string }[];
};

export function toParty(u: PartyRow): Party {
  return {
    id: u.id,
    name: u.name,
    member: u.roles.includes("MEMBER"),
    officer: u.roles.includes("OFFICER"),
    groupId: u.partyGroupId,
    cabinetMember: u.roles.includes("CABINET_MEMBER"),
    scrutinyChair: u.chairOf.some((c) => c.kind === "SCRUTINY"),
    leader: u.roles.includes("LEADER_OF_COUNCIL"),
  };
}

/** Active people of the viewer's council with these ids (anything else is simply absent). */
async function parties(tx: Tx, councilId: string, ids: string[]): Promise<Map<string, PartyRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.user.findMany({
    where: { id: { in: [...new Set(ids)] }, councilId, active: true },
    select: PARTY_SELECT,
  });
  return new Map(rows.map((r) => [r.id, r as PartyRow]));
}

const invalid = (field: string, message: string): never => {
  throw new AppError("VALIDATION", message, { [field]: message });
};

/** The record's facts for the copying rules; the originator's group as it is now. */
export async function factsOf(
  tx: Pick<Tx, "user">,
  data: CorrespondenceData,
): Promise<CorrespondenceFacts & { direction: CorrespondenceData["direction"] }> {
  const originator = await tx.user.findUnique({
    where: { id: data.originatorId },
    select: { partyGroupId: true },
  });
  return {
    originatorId: data.originatorId,
    originatorIsMember: data.direction !== "OFFICER_TO_MEMBER",
    originatorGroupId: originator?.partyGroupId ?? null,
    recipientId: data.recipientId,
    recipientIsOfficer: data.direction === "MEMBER_TO_OFFICER",
    confidential: data.confidential,
    individualMatter: !!data.individualMatter,
    concernedMemberIds: data.concernedMemberIds ?? [],
    direction: data.direction,
  };
}

/** Runs several steps on one record in a transaction, each a conditional transition on the version before it. */
function stepper(row: Pick<RequestRow, "id" | "status" | "version" | "councilId">) {
  const state = { ...row };
  return async (tx: Tx, t: Omit<TransitionSpec, "request">) => {
    await transition(tx, { ...t, request: state });
    state.version += 1;
    state.status = t.to;
  };
}

/** A stable key for a creation form: the same person sending the same thing twice files it once. */
const keyOf = (kind: string, parts: unknown[]) =>
  `${kind}-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40)}`;

// ---- Recording correspondence -----------------------------------------------------------------------------------

export type RecordInput = {
  fromId: string;
  toId: string;
  medium: "LETTER" | "EMAIL";
  subject: string;
  body: string;
  sentOn: string;
  confidential: boolean;
  aboutOwnEmployment: boolean;
  individualMatter: boolean;
  concernedMemberId: string | null;
  sharingAgreed: boolean;
};

export async function recordCorrespondence(viewer: Viewer, input: RecordInput): Promise<Filed> {
  const profile = profileOf(viewer);
  const rule = correspondenceRule(profile);
  const key = keyOf("corr", [
    input.fromId,
    input.toId,
    input.medium,
    input.subject,
    input.body,
    input.sentOn,
    input.confidential,
    input.individualMatter,
    input.concernedMemberId,
  ]);
  return fileOnce(viewer, key, async (tx) => {
    const concerned = input.concernedMemberId ? [input.concernedMemberId] : [];
    const people = await parties(tx, viewer.council.id, [input.fromId, input.toId, ...concerned]);
    const from = people.get(input.fromId);
    const to = people.get(input.toId);
    if (!from) invalid("fromId", "Choose who it is from");
    if (!to) invalid("toId", "Choose who it was sent to");
    if (concerned.length && !people.get(concerned[0]!)?.roles.includes("MEMBER"))
      invalid("concernedMemberId", "Choose a councillor of your council");
    const decision = decideRecord(profile, {
      recorderId: viewer.id,
      from: toParty(from!),
      to: toParty(to!),
      aboutOwnEmployment: input.aboutOwnEmployment,
      individualMatter: input.individualMatter,
      concernedMemberIds: concerned,
      sharingAgreed: input.sharingAgreed,
    });
    if (!decision.ok) fail(decision);
    const data: CorrespondenceData = {
      originatorId: from!.id,
      recipientId: to!.id,
      direction: decision.direction,
      confidential: input.confidential,
      medium: input.medium,
      sentOn: input.sentOn,
      ...(profile.information.requesterSharing.value === "OWN_PARTY_ONLY" &&
      decision.direction !== "OFFICER_TO_MEMBER"
        ? { individualMatter: input.individualMatter }
        : {}),
      ...(concerned.length ? { concernedMemberIds: concerned } : {}),
    };
    const notify: NotificationSpec[] = [
      {
        userIds: [to!.id].filter((u) => u !== viewer.id),
        kind: "CORRESPONDENCE",
        title: `${input.medium === "EMAIL" ? "Email" : "Letter"} from ${from!.name}: ${input.subject}`,
        body: input.confidential ? "Marked confidential." : "",
      },
      {
        userIds: [from!.id].filter((u) => u !== viewer.id),
        kind: "CORRESPONDENCE",
        title: `Your ${input.medium === "EMAIL" ? "email" : "letter"} to ${to!.name} has been recorded: ${input.subject}`,
      },
    ];
    return createRequest(tx, {
      viewer,
      type: "CORRESPONDENCE",
      kind: input.medium,
      status: "OPEN",
      subject: input.subject,
      details: input.body,
      deciderId: to!.id,
      data,
      idempotencyKey: key,
      ruleId: rule,
      grants: [...userGrant(from!.id, rule), ...userGrant(to!.id, rule)],
      notify,
      auditData: { direction: decision.direction, confidential: input.confidential },
    });
  });
}

// ---- Copying ----------------------------------------------------------------------------------------------------

type Loaded = { row: RequestRow; data: CorrespondenceData };

async function loadCorrespondence(tx: Tx, viewer: Viewer, requestId: string): Promise<Loaded> {
  const row = await tx.request.findFirst({
    where: { ...visibleWithId(viewer, requestId), type: "CORRESPONDENCE" },
  });
  if (!row) throw notFound("That correspondence");
  return { row, data: row.data as CorrespondenceData };
}

export type CopyRequest = {
  recipientIds: string[];
  allMembers: boolean;
  reasons: string;
  hiddenRequested: boolean;
  confirmed: boolean;
  /** The Director suggested as a copy (WIG-E3): the one-click copy. */
  director?: boolean;
};

export type CopyOutcome = { confirm: string } | { copies: PlannedCopy[] };

/** The Director of the service of the officer it was sent to (WIG-E3), if any. */
export async function directorOf(tx: Pick<Tx, "user" | "service">, officerId: string): Promise<string | null> {
  const officer = await tx.user.findUnique({ where: { id: officerId }, select: { serviceId: true } });
  if (!officer?.serviceId) return null;
  const service = await tx.service.findUnique({
    where: { id: officer.serviceId },
    select: { chiefOfficerId: true },
  });
  return service?.chiefOfficerId ?? null;
}

export async function copyCorrespondence(
  viewer: Viewer,
  requestId: string,
  req: CopyRequest,
): Promise<CopyOutcome> {
  const profile = profileOf(viewer);
  const c = profile.duties.correspondence;
  return db().$transaction(async (tx) => {
    const { row, data } = await loadCorrespondence(tx, viewer, requestId);
    const facts = await factsOf(tx, data);
    const existingRows = await tx.correspondenceCopy.findMany({
      where: { requestId: row.id },
      select: { recipientId: true, status: true },
    });
    const existing = new Map(existingRows.map((e) => [e.recipientId, e.status as CopyStatus]));
    let ids = [...new Set(req.recipientIds)];
    let reasons = req.reasons;
    if (req.director) {
      const directorId = await directorOf(tx, data.recipientId);
      const offer = suggestDirector(profile, facts, viewer.id, directorId, [...existing.keys()]);
      if (!offer || !directorId)
        throw new AppError("VALIDATION", "There is no Director to suggest as a copy of this correspondence.");
      ids = [directorId];
      reasons = reasons || `Keeping the Director informed (${offer.ruleId}).`;
    }
    if (req.allMembers) {
      const members = await tx.user.findMany({
        where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" } },
        select: { id: true },
      });
      const extra = members
        .map((m) => m.id)
        .filter((m) => m !== data.originatorId && m !== data.recipientId && !existing.has(m));
      ids = [...new Set([...ids, ...extra])];
    }
    const people = await parties(tx, viewer.council.id, ids);
    if (people.size !== ids.length) invalid("recipientIds", "Choose people of your council");
    const targets = ids.map((id) => toParty(people.get(id)!));
    const decision = decideCopy(profile, facts, {
      copierId: viewer.id,
      targets,
      allMembers: req.allMembers,
      reasons,
      hiddenRequested: req.hiddenRequested,
      confirmed: req.confirmed,
      existing,
    });
    if (!decision.ok) fail(decision);
    if (decision.confirm) return { confirm: decision.confirm };
    const step = stepper(row);
    const names = new Map(targets.map((t) => [t.id, t.name]));
    const awaiting = decision.copies.some((p) => p.status === "AWAITING_CONSENT");
    const told = c.originatorTold;
    const wide = c.wideCirculation;
    const memberCount = targets.filter((t) => t.member).length;
    const wideNotice =
      wide && req.confirmed && isWideCirculation(profile, memberCount, req.allMembers)
        ? { publicRebukeNoticeShown: [c.confidentialNotCopied.ruleId, wide.ruleId] }
        : {};
    for (const [i, p] of decision.copies.entries()) {
      const name = names.get(p.recipientId)!;
      await tx.correspondenceCopy.create({
        data: {
          councilId: viewer.council.id,
          requestId: row.id,
          recipientId: p.recipientId,
          copiedById: viewer.id,
          status: p.status,
          reasons: reasons || null,
          ruleId: p.ruleId,
        },
      });
      const why = reasons ? ` Reasons: ${reasons}` : "";
      const last = i === decision.copies.length - 1;
      if (p.status === "COPIED") {
        await step(tx, {
          viewer,
          action: "COPIED",
          to: row.status,
          ruleId: p.ruleId,
          reasons: `Copied to ${name}.${why}`,
          grants: userGrant(p.recipientId, p.ruleId),
          notify: [
            {
              userIds: [p.recipientId],
              kind: "CORRESPONDENCE_COPY",
              title: `${viewer.name} copied you into correspondence: ${row.subject}`,
              body: reasons,
            },
            {
              userIds: [data.originatorId],
              kind: "CORRESPONDENCE_COPY",
              title: `Your correspondence was copied to ${name}: ${row.subject}`,
              body: `${viewer.name} copied it to ${name}.${why} (${told.ruleId})`,
            },
          ],
          auditData: { recipientId: p.recipientId, ...wideNotice },
          ...(last && awaiting ? { patch: { deciderId: data.originatorId } } : {}),
        });
      } else {
        await step(tx, {
          viewer,
          action: "COPY_AWAITING_CONSENT",
          to: row.status,
          ruleId: p.ruleId,
          reasons: `Copy to ${name} waits for the consent of the councillor who wrote it.${why}`,
          notify: [
            {
              userIds: [data.originatorId],
              kind: "CORRESPONDENCE_CONSENT",
              title: `Your consent is asked to copy your correspondence to ${name}: ${row.subject}`,
              body: `${viewer.name} wants to copy it to ${name}. It will not be copied unless you give consent.${why} (${p.ruleId})`,
            },
          ],
          auditData: { recipientId: p.recipientId, ...wideNotice },
          // The originator must act next: it shows in their queue until they answer.
          ...(last ? { patch: { deciderId: data.originatorId } } : {}),
        });
      }
    }
    return { copies: decision.copies };
  }, TX_OPTIONS);
}

/** The originator gives or refuses consent to a copy waiting for it (CWC-E1, CWC-E2). */
export async function answerConsent(
  viewer: Viewer,
  requestId: string,
  input: { copyId: string | null; give: boolean },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { row, data } = await loadCorrespondence(tx, viewer, requestId);
    const facts = await factsOf(tx, data);
    const waiting = await tx.correspondenceCopy.findMany({
      where: { requestId: row.id, status: "AWAITING_CONSENT" },
      orderBy: { createdAt: "asc" },
    });
    const copy = input.copyId
      ? await tx.correspondenceCopy.findFirst({ where: { id: input.copyId, requestId: row.id } })
      : waiting.length === 1
        ? waiting[0]!
        : null;
    if (!copy)
      invalid("copyId", waiting.length ? "Choose the copy you are answering" : "No copy is waiting for consent");
    const decision = decideConsent(facts, viewer.id, copy!);
    if (!decision.ok) fail(decision);
    const res = await tx.correspondenceCopy.updateMany({
      where: { id: copy!.id, status: "AWAITING_CONSENT" },
      data: { status: input.give ? "COPIED" : "CONSENT_REFUSED", consentAt: now },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "That copy has already been answered. Reload the page.");
    const recipient = await tx.user.findUnique({ where: { id: copy!.recipientId }, select: { name: true } });
    const name = recipient?.name ?? "a former user";
    const stillWaiting = waiting.filter((w) => w.id !== copy!.id).length > 0;
    await transition(tx, {
      request: row,
      viewer,
      action: input.give ? "CONSENT_GIVEN" : "CONSENT_REFUSED",
      to: row.status,
      ruleId: decision.ruleId,
      reasons: input.give ? `Consent given: copied to ${name}.` : `Consent refused: not copied to ${name}.`,
      grants: input.give ? userGrant(copy!.recipientId, decision.ruleId) : [],
      notify: [
        ...(input.give
          ? [
              {
                userIds: [copy!.recipientId],
                kind: "CORRESPONDENCE_COPY",
                title: `You have been copied into correspondence: ${row.subject}`,
                body: copy!.reasons ?? "",
              },
            ]
          : []),
        {
          userIds: [copy!.copiedById],
          kind: "CORRESPONDENCE_CONSENT",
          title: input.give
            ? `Consent given: the copy to ${name} has been made`
            : `Consent refused: the correspondence is not copied to ${name}`,
        },
      ],
      patch: { deciderId: stillWaiting ? data.originatorId : row.status === "OPEN" ? data.recipientId : null },
      auditData: { copyId: copy!.id, recipientId: copy!.recipientId },
    });
  }, TX_OPTIONS);
}

// ---- Replies ----------------------------------------------------------------------------------------------------

export type ReplyRequest = {
  text: string;
  asCabinetMember: boolean;
  leaveLeaderOff: boolean;
  breachOfConfidence: boolean;
  confidenceExplanation: string;
};

export async function replyToCorrespondence(
  viewer: Viewer,
  requestId: string,
  input: ReplyRequest,
): Promise<void> {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const { row, data } = await loadCorrespondence(tx, viewer, requestId);
    const facts = await factsOf(tx, data);
    const leader = await tx.user.findFirst({
      where: { councilId: viewer.council.id, active: true, roles: { has: "LEADER_OF_COUNCIL" } },
      select: { id: true, name: true },
      orderBy: { createdAt: "asc" },
    });
    const decision = decideReply(
      profile,
      { ...facts, status: row.status },
      {
        replierId: viewer.id,
        replierIsCabinetMember: viewer.roles.includes("CABINET_MEMBER"),
        text: input.text,
        asCabinetMember: input.asCabinetMember,
        leaveLeaderOff: input.leaveLeaderOff,
        breachOfConfidence: input.breachOfConfidence,
        confidenceExplanation: input.confidenceExplanation,
        leaderId: leader?.id ?? null,
      },
    );
    if (!decision.ok) fail(decision);
    const waiting = await tx.correspondenceCopy.count({
      where: { requestId: row.id, status: "AWAITING_CONSENT" },
    });
    await tx.message.create({
      data: {
        councilId: viewer.council.id,
        requestId: row.id,
        authorId: viewer.id,
        kind: "REPLY",
        body: input.text,
      },
    });
    // WIG-A10: the councillor the correspondence concerns receives the same reply and can see it.
    const another = profile.information.anotherMemberRule;
    const concerned = another.value ? (data.concernedMemberIds ?? []) : [];
    const grants: Grant[] = concerned.flatMap((id) => userGrant(id, another.ruleId));
    const step = stepper(row);
    await step(tx, {
      viewer,
      action: "REPLY",
      to: "REPLIED",
      ruleId: decision.ruleId,
      reasons: decision.leaderLeftOff
        ? `The Leader of the Council was not copied: copying would be a breach of professional confidence. ${input.confidenceExplanation}`
        : null,
      patch: {
        deciderId: waiting > 0 ? data.originatorId : null,
        data: {
          ...data,
          ...(input.asCabinetMember ? { repliedAsCabinetMember: true } : {}),
        } as Prisma.InputJsonValue,
      },
      grants,
      notify: [
        {
          userIds: [data.originatorId],
          kind: "CORRESPONDENCE_REPLY",
          title: `${viewer.name} replied: ${row.subject}`,
          body: input.text,
        },
        ...(concerned.length
          ? [
              {
                userIds: concerned,
                kind: "CORRESPONDENCE_REPLY",
                title: `A reply about you has been shared with you: ${row.subject}`,
                body: `${input.text}\n\n(${another.ruleId})`,
              },
            ]
          : []),
      ],
      auditData: { asCabinetMember: input.asCabinetMember, leaderLeftOff: decision.leaderLeftOff },
    });
    if (decision.copyLeaderId && leader) {
      const had = await tx.correspondenceCopy.findUnique({
        where: { requestId_recipientId: { requestId: row.id, recipientId: leader.id } },
      });
      if (!had)
        await tx.correspondenceCopy.create({
          data: {
            councilId: viewer.council.id,
            requestId: row.id,
            recipientId: leader.id,
            copiedById: viewer.id,
            status: "COPIED",
            reasons: "A Cabinet Member's reply in that capacity is copied to the Leader.",
            ruleId: decision.ruleId,
          },
        });
      else if (had.status !== "COPIED")
        await tx.correspondenceCopy.update({
          where: { id: had.id },
          data: { status: "COPIED", ruleId: decision.ruleId },
        });
      await step(tx, {
        viewer,
        action: "LEADER_COPIED",
        to: "REPLIED",
        ruleId: decision.ruleId,
        reasons: `Reply copied to the Leader of the Council, ${leader.name}.`,
        grants: userGrant(leader.id, decision.ruleId),
        notify: [
          {
            userIds: [leader.id],
            kind: "CORRESPONDENCE_COPY",
            title: `Copy of a Cabinet Member's reply from ${viewer.name}: ${row.subject}`,
            body: input.text,
          },
          {
            userIds: [data.originatorId],
            kind: "CORRESPONDENCE_COPY",
            title: `The reply to your correspondence was copied to the Leader of the Council, ${leader.name}`,
            body: `A Cabinet Member's reply in that capacity is copied to the Leader (${decision.ruleId}).`,
          },
        ],
        auditData: { recipientId: leader.id },
      });
    }
  }, TX_OPTIONS);
}

// ---- Official letters -------------------------------------------------------------------------------------------

export type LetterInput = {
  addressee: string;
  subject: string;
  body: string;
  obligations: boolean;
  signatoryId: string;
  signatoryReasons: string;
  draftedOn: string;
};

export async function draftLetter(viewer: Viewer, input: LetterInput): Promise<Filed> {
  const profile = profileOf(viewer);
  const key = keyOf("letter", [input.addressee, input.subject, input.body, input.signatoryId, input.obligations]);
  return fileOnce(viewer, key, async (tx) => {
    const people = await parties(tx, viewer.council.id, [input.signatoryId]);
    const signatory = people.get(input.signatoryId);
    if (!signatory) invalid("signatoryId", "Choose the signatory from the list");
    const decision = decideLetter(profile, {
      drafterIsOfficer: viewer.storedRoles.includes("OFFICER"),
      signatory: toParty(signatory!),
      obligations: input.obligations,
      signatoryReasons: input.signatoryReasons,
    });
    if (!decision.ok) fail(decision);
    const isMember = signatory!.roles.includes("MEMBER");
    const data: LetterData = {
      addressee: input.addressee,
      obligations: input.obligations,
      signatoryId: signatory!.id,
      signatoryIsMember: isMember,
      signatoryReasons: isMember ? input.signatoryReasons : null,
      draftedById: viewer.id,
      draftedOn: input.draftedOn,
    };
    return createRequest(tx, {
      viewer,
      type: "LETTER",
      kind: "OFFICIAL_LETTER",
      status: "DRAFT",
      subject: input.subject,
      details: input.body,
      deciderId: viewer.id,
      data,
      idempotencyKey: key,
      ruleId: decision.ruleId,
      grants: [...userGrant(viewer.id, decision.ruleId), ...userGrant(signatory!.id, decision.ruleId)],
      notify: [
        {
          userIds: [signatory!.id].filter((u) => u !== viewer.id),
          kind: "LETTER",
          title: `${viewer.name} has drafted a letter for you to sign: ${input.subject}`,
          body: isMember ? `Reasons for a councillor signatory: ${input.signatoryReasons}` : "",
        },
      ],
      auditData: { obligations: input.obligations, signatoryId: signatory!.id, signatoryIsMember: isMember },
    });
  });
}

export async function recordLetterSent(viewer: Viewer, requestId: string, now: Date): Promise<void> {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { ...visibleWithId(viewer, requestId), type: "LETTER" } });
    if (!row) throw notFound("That letter");
    const data = row.data as LetterData;
    if (data.draftedById !== viewer.id)
      fail({
        code: "FORBIDDEN_BY_RULE",
        ruleId: letterRule(profile),
        message: "Only the officer who drafted the letter records it as sent.",
      });
    if (row.status !== "DRAFT") throw new AppError("CONFLICT", "This letter has already been recorded as sent.");
    // The rule is checked again as it is sent: the signatory's roles may have changed since the draft.
    const people = await parties(tx, viewer.council.id, [data.signatoryId]);
    const signatory = people.get(data.signatoryId);
    if (!signatory) invalid("form", "The signatory no longer works for the council: draft the letter again.");
    const decision = decideLetter(profile, {
      drafterIsOfficer: viewer.storedRoles.includes("OFFICER"),
      signatory: toParty(signatory!),
      obligations: data.obligations,
      signatoryReasons: data.signatoryReasons ?? "",
    });
    if (!decision.ok) fail({ ...decision, field: undefined });
    await transition(tx, {
      request: row,
      viewer,
      action: "SENT",
      to: "SENT",
      ruleId: decision.ruleId,
      patch: { deciderId: null, closedAt: now },
      notify: [
        {
          userIds: [data.signatoryId],
          kind: "LETTER",
          title: `The letter in your name has been sent: ${row.subject}`,
        },
      ],
    });
  }, TX_OPTIONS);
}
