// Reading correspondence and official letters for their pages, always through the one visibility builder
// (lib/requests/visibility.ts): the list, the record page (with what this person may do there, as ActionSpecs) and
// the creation forms. Rows become plain view types here; nothing from another council or without a grant is read.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionSpec, Choice, FieldSpec } from "@/lib/requests/action-specs";
import {
  getRequestDetail,
  listFields,
  PAGE_SIZE,
  type RequestDetail,
  type RequestListItem,
} from "@/lib/requests/queries";
import { levelOf, viewerGrantsSelect, visibleTo } from "@/lib/requests/visibility";
import { mayCopy, suggestDirector, type CorrespondenceData, type LetterData } from "@/lib/workflow/correspondence";
import { directorOf, factsOf } from "./service";

export const CORRESPONDENCE_TYPES = ["CORRESPONDENCE", "LETTER"] as const;

// ---- The list ---------------------------------------------------------------------------------------------------

/** Correspondence and letters the viewer may see, newest first, one page at a time (no count: "is there more"). */
export async function listCorrespondence(
  viewer: Viewer,
  page: number,
): Promise<{ items: RequestListItem[]; hasNext: boolean }> {
  const rows = await db().request.findMany({
    where: { ...visibleTo(viewer), type: { in: [...CORRESPONDENCE_TYPES] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
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
  });
  return {
    items: rows.slice(0, PAGE_SIZE).map((r) => listFields(r, levelOf(r.access) ?? "METADATA")),
    hasNext: rows.length > PAGE_SIZE,
  };
}

// ---- People -----------------------------------------------------------------------------------------------------

type Person = { id: string; label: string; member: boolean; officer: boolean; cabinetMember: boolean };

/** The council's members and officers, for the forms' lists (bounded; names and roles only). */
async function councilPeople(viewer: Viewer): Promise<Person[]> {
  const rows = await db().user.findMany({
    where: {
      councilId: viewer.council.id,
      active: true,
      OR: [{ roles: { has: "MEMBER" } }, { roles: { has: "OFFICER" } }],
    },
    orderBy: { name: "asc" },
    take: 1000,
    select: { id: true, name: true, jobTitle: true, roles: true, partyGroup: { select: { name: true } } },
  });
  return rows.map((u) => {
    const member = u.roles.includes("MEMBER");
    const role = member
      ? ["Councillor", u.partyGroup?.name, u.jobTitle].filter(Boolean).join(", ")
      : (u.jobTitle ?? "Officer");
    return {
      id: u.id,
      label: `${u.name} (${role})`,
      member,
      officer: u.roles.includes("OFFICER"),
      cabinetMember: u.roles.includes("CABINET_MEMBER"),
    };
  });
}

const choices = (people: Person[]): Choice[] => people.map((p) => ({ value: p.id, label: p.label }));
const isOfficer = (viewer: Viewer) => viewer.storedRoles.includes("OFFICER");
const isMember = (viewer: Viewer) => viewer.storedRoles.includes("MEMBER");

// ---- Creation forms ---------------------------------------------------------------------------------------------

/** The "Record correspondence" form, with the fields this council's protocol asks for. */
export async function newCorrespondenceForm(viewer: Viewer): Promise<ActionSpec | null> {
  if (!isOfficer(viewer) && !isMember(viewer)) return null;
  const profile = profileOf(viewer);
  const c = profile.duties.correspondence;
  const people = (await councilPeople(viewer)).filter((p) => p.id !== viewer.id);
  const officer = isOfficer(viewer) && !isMember(viewer);
  const members = people.filter((p) => p.member);
  const fields: FieldSpec[] = [];
  if (officer)
    fields.push({
      kind: "select",
      name: "fromId",
      label: "Who is it from?",
      hint: "Choose a councillor if you are recording a letter or email they sent to you.",
      options: [{ value: viewer.id, label: `You (${viewer.name})` }, ...choices(members)],
      initial: viewer.id,
    });
  fields.push(
    {
      kind: "select",
      name: "toId",
      label: "Who is it to?",
      hint: officer
        ? "If a councillor sent it to you, choose yourself."
        : "An officer of the council, or a Cabinet Member.",
      placeholder: "Choose a person",
      options: officer
        ? [{ value: viewer.id, label: `You (${viewer.name})` }, ...choices(members)]
        : choices(people.filter((p) => (p.officer && !p.member) || p.cabinetMember)),
    },
    {
      kind: "radios",
      name: "medium",
      legend: "Is it a letter or an email?",
      options: [
        { value: "LETTER", label: "A letter" },
        { value: "EMAIL", label: "An email" },
      ],
    },
    { kind: "text", name: "subject", label: "Subject" },
    { kind: "textarea", name: "body", label: "What it says", rows: 10 },
    { kind: "date", name: "sentOn", label: "Date it was sent", hint: "For example, 14 1 2027" },
    {
      kind: "checkbox",
      name: "confidential",
      label: "Marked confidential",
      ...(c.confidentialNotCopied.value
        ? { hint: `Correspondence marked confidential is never copied (${c.confidentialNotCopied.ruleId}).` }
        : {}),
    },
  );
  const sharing = profile.information.requesterSharing;
  if (sharing.value === "OWN_PARTY_ONLY")
    fields.push({
      kind: "checkbox",
      name: "individualMatter",
      label: "It is about an individual matter (for example one resident's case)",
      hint: `It is not circulated to other councillors. The councillor who wrote it may share it with colleagues in their own party (${sharing.ruleId}).`,
    });
  const another = profile.information.anotherMemberRule;
  if (another.value)
    fields.push(
      {
        kind: "select",
        name: "concernedMemberId",
        label: "Does it concern another councillor or their conduct?",
        hint: `Any reply will be shared with the councillor it concerns (${another.ruleId}).`,
        placeholder: "No",
        options: choices(members),
      },
      {
        kind: "checkbox",
        name: "sharingAgreed",
        label: officer
          ? "The councillor who wrote it has been told in writing that any reply will be shared with the councillor it concerns, and agrees"
          : "I understand that any reply will be shared with the councillor it concerns, and I agree",
        hint: "Without agreement, the information will not be given.",
      },
    );
  if (c.staffEmploymentDiverted.value && isOfficer(viewer))
    fields.push({
      kind: "checkbox",
      name: "aboutOwnEmployment",
      label: "This is about my own employment — pay, grading, conditions or a staff consultation matter",
      hint: `Messages to councillors about your own employment are not sent: use the staff consultation procedures (${c.staffEmploymentDiverted.ruleId}).`,
    });
  return {
    action: "RECORD",
    title: "The letter or email",
    area: "other",
    fields,
    submit: "Record it",
    why: correspondenceWhy(viewer),
  };
}

/** The rules that shape correspondence in this council, for the "Why?" disclosures. */
export function correspondenceWhy(viewer: Viewer): { ruleId: string; text: string }[] {
  const c = profileOf(viewer).duties.correspondence;
  const label = (ruleId: string) => (ruleId.startsWith("DEF-") ? " This is a council setting." : "");
  return [
    {
      ruleId: c.originatorTold.ruleId,
      text: `The councillor who wrote it is told of every copy, naming who it went to. There are no blind or silent copies.${label(c.originatorTold.ruleId)}`,
    },
    ...(c.otherGroupConsent.value
      ? [{ ruleId: c.otherGroupConsent.ruleId, text: "A copy to a member of another group needs their consent." }]
      : []),
    ...(c.cabinetScrutinyConsent.value
      ? [
          {
            ruleId: c.cabinetScrutinyConsent.ruleId,
            text: "A copy to a Cabinet Member or an Overview and Scrutiny Chair needs their consent.",
          },
        ]
      : []),
    ...(c.exceptionalReasons.value
      ? [
          {
            ruleId: c.exceptionalReasons.ruleId,
            text: "A councillor's correspondence is not normally copied to other councillors; any exception needs reasons.",
          },
        ]
      : []),
    ...(c.confidentialNotCopied.value
      ? [
          {
            ruleId: c.confidentialNotCopied.ruleId,
            text: "Correspondence not marked confidential may be copied by either party, but not as a public rebuke. Members keep Directors informed by copying them in.",
          },
        ]
      : []),
    ...(c.wideCirculation
      ? [
          {
            ruleId: c.wideCirculation.ruleId,
            text: `Copying to more than ${c.wideCirculation.value} members, or to all members, is wide circulation: you are shown the public-rebuke notice first. This is a council setting.`,
          },
        ]
      : []),
    ...(c.cabinetRepliesToLeader.value
      ? [
          {
            ruleId: c.cabinetRepliesToLeader.ruleId,
            text: "A Cabinet Member's reply in that capacity is copied to the Leader of the Council, unless that would breach professional confidence.",
          },
        ]
      : []),
    ...(c.staffEmploymentDiverted.value
      ? [
          {
            ruleId: c.staffEmploymentDiverted.ruleId,
            text: "Staff do not lobby councillors on their own employment: those messages are not sent.",
          },
        ]
      : []),
  ];
}

/** The "Draft an official letter" form: officers only (null for anyone else). */
export async function newLetterForm(viewer: Viewer): Promise<ActionSpec | null> {
  if (!isOfficer(viewer)) return null;
  const profile = profileOf(viewer);
  const s = profile.duties.noMemberSignatoryForObligations;
  const people = await councilPeople(viewer);
  return {
    action: "DRAFT",
    title: "The letter",
    area: "other",
    fields: [
      { kind: "text", name: "addressee", label: "Who is it addressed to?", hint: "Name and organisation" },
      { kind: "text", name: "subject", label: "Subject" },
      { kind: "textarea", name: "body", label: "Text of the letter", rows: 12 },
      {
        kind: "radios",
        name: "obligations",
        legend: "Creates obligations or gives instructions on the council's behalf?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      },
      {
        kind: "select",
        name: "signatoryId",
        label: "Who signs it?",
        hint: "Official letters normally go out in the name of the appropriate officer.",
        options: people.map((p) => ({
          value: p.id,
          label: p.id === viewer.id ? `You (${viewer.name})` : p.label,
        })),
        initial: viewer.id,
      },
      {
        kind: "textarea",
        name: "signatoryReasons",
        label: "If a councillor signs it, why?",
        hint: "Needed only when the signatory is a councillor (council setting DEF-G1).",
      },
    ],
    submit: "Save the draft",
    why: [
      ...(s.value
        ? [
            {
              ruleId: s.ruleId,
              text: "Official letters go out in an officer's name. A letter that creates obligations or gives instructions is never sent in a councillor's name.",
            },
          ]
        : []),
      {
        ruleId: "DEF-G1",
        text: "A councillor as signatory is an exception, allowed with written reasons on the record. This is a council setting.",
      },
    ],
  };
}

// ---- The record page --------------------------------------------------------------------------------------------

export type CopyView = {
  id: string;
  recipient: string;
  copiedBy: string;
  status: "COPIED" | "AWAITING_CONSENT" | "CONSENT_REFUSED";
  reasons: string | null;
  ruleId: string | null;
  at: string;
};

export type CorrespondencePage =
  | {
      type: "CORRESPONDENCE";
      detail: RequestDetail;
      from: string;
      to: string;
      medium: "LETTER" | "EMAIL";
      sentOn: string;
      confidential: boolean;
      individualMatter: boolean;
      concerns: string[];
      repliedAsCabinetMember: boolean;
      copies: CopyView[];
      /** WIG-E3: the Director suggested as a copy, with the one-click form. */
      director: { spec: ActionSpec; name: string; ruleId: string } | null;
      /** Why copying is not offered (WIG-E3 for a confidential item). */
      notCopied: { ruleId: string; text: string } | null;
      specs: ActionSpec[];
    }
  | {
      type: "LETTER";
      detail: RequestDetail;
      addressee: string;
      signatory: string;
      signatoryIsMember: boolean;
      obligations: boolean;
      signatoryReasons: string | null;
      draftedBy: string;
      specs: ActionSpec[];
    };

/** A record's page: not found unless the viewer holds a grant on it and it is correspondence or a letter. */
export async function loadCorrespondencePage(viewer: Viewer, id: string): Promise<CorrespondencePage> {
  const detail = await getRequestDetail(viewer, id);
  if (!(CORRESPONDENCE_TYPES as readonly string[]).includes(detail.type) || detail.level !== "FULL")
    throw notFound("That correspondence");
  return detail.type === "LETTER" ? letterPage(viewer, detail) : correspondencePage(viewer, detail);
}

async function namesOf(ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = await db().user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Steps about a copy waiting for (or refused) consent: their words name the person it would have gone to, so only
 * the originator and the person who asked for the copy read them — as the Copies list shows them (CWC-E1). */
const PENDING_COPY_STEPS = ["COPY_AWAITING_CONSENT", "CONSENT_REFUSED"];

async function correspondencePage(viewer: Viewer, found: RequestDetail): Promise<CorrespondencePage> {
  const originatorId = (found.data as CorrespondenceData).originatorId;
  const askers = new Set(
    (
      await db().correspondenceCopy.findMany({
        where: { requestId: found.id, status: { not: "COPIED" } },
        select: { copiedById: true },
      })
    ).map((c) => c.copiedById),
  );
  const detail: RequestDetail =
    viewer.id === originatorId || askers.has(viewer.id)
      ? found
      : {
          ...found,
          timeline: found.timeline.map((t) =>
            PENDING_COPY_STEPS.includes(t.action) ? { ...t, reasons: null } : t,
          ),
        };
  const profile = profileOf(viewer);
  const c = profile.duties.correspondence;
  const data = detail.data as CorrespondenceData;
  const facts = await factsOf(db(), data);
  const copyRows = await db().correspondenceCopy.findMany({
    where: { requestId: detail.id },
    orderBy: { createdAt: "asc" },
  });
  const names = await namesOf([
    data.originatorId,
    data.recipientId,
    ...(data.concernedMemberIds ?? []),
    ...copyRows.flatMap((r) => [r.recipientId, r.copiedById]),
  ]);
  const name = (uid: string) => names.get(uid) ?? "A former user";
  // Copies made are shown to everyone who can see the record (no blind copies); a pending or refused one to the
  // originator and the person who asked for it.
  const copies: CopyView[] = copyRows
    .filter((r) => r.status === "COPIED" || viewer.id === data.originatorId || viewer.id === r.copiedById)
    .map((r) => ({
      id: r.id,
      recipient: name(r.recipientId),
      copiedBy: name(r.copiedById),
      status: r.status as CopyView["status"],
      reasons: r.reasons,
      ruleId: r.ruleId,
      at: r.createdAt.toISOString(),
    }));
  const specs: ActionSpec[] = [];
  const why = correspondenceWhy(viewer);

  // The originator answers each copy waiting for their consent (CWC-E1, CWC-E2): give or refuse, one click each.
  const waiting = copyRows.filter((r) => r.status === "AWAITING_CONSENT");
  if (viewer.id === data.originatorId)
    for (const r of waiting) {
      const fields: FieldSpec[] = [
        {
          kind: "info",
          text: `${name(r.copiedById)} asks to copy it to ${name(r.recipientId)}.${r.reasons ? ` Reasons: ${r.reasons}` : ""}`,
        },
        { kind: "hidden", name: "copyId", value: r.id },
      ];
      const consentWhy = why.filter((w) => w.ruleId === r.ruleId);
      specs.push(
        {
          action: "GIVE_CONSENT",
          key: `GIVE_CONSENT-${r.id}`,
          title: `Copy to ${name(r.recipientId)}: your consent is asked`,
          hint: "It is copied only with your consent; they are then told.",
          area: "other",
          fields,
          submit: "Give consent",
          why: consentWhy,
        },
        {
          action: "REFUSE_CONSENT",
          key: `REFUSE_CONSENT-${r.id}`,
          title: `Refuse the copy to ${name(r.recipientId)}`,
          area: "other",
          fields: [{ kind: "hidden", name: "copyId", value: r.id }],
          submit: "Refuse consent",
          tone: "warning",
        },
      );
    }

  // The recipient replies (CWC-E4 for a Cabinet Member replying in that capacity).
  if (viewer.id === data.recipientId && detail.status === "OPEN") {
    const fields: FieldSpec[] = [{ kind: "textarea", name: "reply", label: "Your reply", rows: 8 }];
    const rule = c.cabinetRepliesToLeader;
    if (rule.value && viewer.roles.includes("CABINET_MEMBER")) {
      const leader = await db().user.findFirst({
        where: { councilId: viewer.council.id, active: true, roles: { has: "LEADER_OF_COUNCIL" } },
        select: { name: true },
        orderBy: { createdAt: "asc" },
      });
      fields.push(
        {
          kind: "checkbox",
          name: "asCabinetMember",
          label: "I am replying in my capacity as Cabinet Member",
          hint: `Your reply will be copied to the Leader of the Council${leader ? `, ${leader.name}` : ""} (${rule.ruleId}).`,
        },
        { kind: "checkbox", name: "leaveLeaderOff", label: "Do not copy the Leader of the Council" },
        {
          kind: "checkbox",
          name: "breachOfConfidence",
          label: "Copying the Leader would be a breach of professional confidence",
          hint: "The only reason to leave the Leader off.",
        },
        { kind: "textarea", name: "confidenceExplanation", label: "Explain why (if you leave the Leader off)" },
      );
    }
    specs.push({
      action: "REPLY",
      title: "Reply",
      area: "other",
      fields,
      submit: "Send reply",
      why: why.filter((w) => w.ruleId === rule.ruleId),
    });
  }

  // Copying (CWC-E1, CWC-E2, C2007-E1, WIG-E3, DEF-E2, DEF-E5).
  let notCopied: { ruleId: string; text: string } | null = null;
  if (mayCopy(profile, viewer.id, facts).ok) {
    if (c.confidentialNotCopied.value && data.confidential) {
      notCopied = {
        ruleId: c.confidentialNotCopied.ruleId,
        text: "This correspondence is marked confidential, so it cannot be copied.",
      };
    } else {
      const taken = new Set([
        data.originatorId,
        data.recipientId,
        viewer.id,
        ...copyRows.map((r) => r.recipientId),
      ]);
      const people = (await councilPeople(viewer)).filter((p) => !taken.has(p.id));
      const wide = c.wideCirculation;
      specs.push({
        action: "COPY",
        title: "Copy it to someone",
        hint:
          facts.originatorIsMember && viewer.id !== data.originatorId
            ? `${name(data.originatorId)} will be told of the copy, naming who it went to.`
            : "Everyone who can see it will see who it was copied to.",
        area: "other",
        fields: [
          {
            kind: "checkboxes",
            name: "recipientIds",
            legend: "Who do you want to copy it to?",
            options: [...people.filter((p) => p.member), ...people.filter((p) => !p.member)].map((p) => ({
              value: p.id,
              label: p.label,
            })),
          },
          {
            kind: "checkbox",
            name: "allMembers",
            label: "Copy it to all members",
            ...(wide
              ? { hint: `More than ${wide.value} members is wide circulation (council setting ${wide.ruleId}).` }
              : {}),
          },
          c.exceptionalReasons.value && facts.originatorIsMember
            ? {
                kind: "textarea",
                name: "reasons",
                label: "Why is this copy exceptionally necessary?",
                hint: `Needed to copy it to a councillor. ${name(data.originatorId)} will see your reasons (${c.exceptionalReasons.ruleId}).`,
              }
            : {
                kind: "textarea",
                name: "reasons",
                label: "Why are you copying it? (optional)",
                hint: "The person who wrote it sees your reasons.",
              },
        ],
        submit: "Copy it",
        why,
      });
    }
  }

  // WIG-E3: a member writing to an officer is offered the officer's Director as a copy, in one click.
  let director: { spec: ActionSpec; name: string; ruleId: string } | null = null;
  if (c.suggestDirector.value && facts.direction === "MEMBER_TO_OFFICER" && viewer.id === data.originatorId) {
    const directorId = await directorOf(db(), data.recipientId);
    const offer = suggestDirector(
      profile,
      facts,
      viewer.id,
      directorId,
      copyRows.map((r) => r.recipientId),
    );
    if (offer && directorId) {
      const directorName = (await namesOf([directorId])).get(directorId) ?? "the Director";
      director = {
        name: directorName,
        ruleId: offer.ruleId,
        spec: {
          action: "COPY_DIRECTOR",
          title: `Copy it to ${directorName}`,
          hint: `Members keep Directors informed by copying them in. ${directorName} is the Director of the service of ${name(data.recipientId)}.`,
          area: "other",
          fields: [],
          submit: `Copy to ${directorName}`,
          tone: "secondary",
          why: [{ ruleId: offer.ruleId, text: "Members should keep Directors informed by copying them in." }],
        },
      };
    }
  }

  return {
    type: "CORRESPONDENCE",
    detail,
    from: name(data.originatorId),
    to: name(data.recipientId),
    medium: data.medium,
    sentOn: data.sentOn,
    confidential: data.confidential,
    individualMatter: !!data.individualMatter,
    concerns: (data.concernedMemberIds ?? []).map(name),
    repliedAsCabinetMember: !!data.repliedAsCabinetMember,
    copies,
    director,
    notCopied,
    specs,
  };
}

async function letterPage(viewer: Viewer, detail: RequestDetail): Promise<CorrespondencePage> {
  const data = detail.data as LetterData;
  const names = await namesOf([data.signatoryId, data.draftedById]);
  const specs: ActionSpec[] = [];
  if (viewer.id === data.draftedById && detail.status === "DRAFT")
    specs.push({
      action: "RECORD_SENT",
      title: "Record as sent",
      hint: "When the letter has gone out, record it here. The signatory is told.",
      area: "other",
      fields: [],
      submit: "Record as sent",
    });
  return {
    type: "LETTER",
    detail,
    addressee: data.addressee,
    signatory: names.get(data.signatoryId) ?? "A former user",
    signatoryIsMember: data.signatoryIsMember,
    obligations: data.obligations,
    signatoryReasons: data.signatoryReasons,
    draftedBy: names.get(data.draftedById) ?? "A former user",
    specs,
  };
}
