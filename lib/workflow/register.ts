// The members' register (RULES.md §3.E, matrix 4.4, defaults §6.6): relationship disclosures (WIG-E1, DEF-E1,
// DEF-E4), visit notices (WIG-E2, DEF-E3), publicity requests (CWC-E8, WIG-E10, HTC-E3, HTC-E4), ceremonial events
// (CWC-E9) and the complaint start page's guidance (WIG-E10, HTC-E4). Pure: the use cases in lib/register/ load
// the facts (people, offices, services, wards) and write.
import type { CouncilProfile, DisclosureRoute } from "@/lib/protocol/profiles/types";
import { has, hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

export const REGISTER_TYPES = ["DISCLOSURE", "VISIT", "PUBLICITY", "EVENT"] as const;
export type RegisterType = (typeof REGISTER_TYPES)[number];

/** The kinds of entry as they appear in addresses (/register/new/<kind>). */
export const REGISTER_KINDS = ["disclosure", "visit", "publicity", "event"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export const TYPE_OF_KIND: Record<RegisterKind, RegisterType> = {
  disclosure: "DISCLOSURE",
  visit: "VISIT",
  publicity: "PUBLICITY",
  event: "EVENT",
};
export const isRegisterKind = (k: string): k is RegisterKind => (REGISTER_KINDS as readonly string[]).includes(k);
export const isRegisterType = (t: string): t is RegisterType => (REGISTER_TYPES as readonly string[]).includes(t);

/** How a setting is cited to people: a protocol rule by its ID; a default or silence as a council setting. */
export function ruleLabel(s: { ruleId: string; isDefault: boolean }): string {
  if (s.ruleId.startsWith("DEF-")) return `council setting, ${s.ruleId}`;
  if (s.isDefault) return "council setting";
  return s.ruleId;
}

const isMember = (a: Pick<Actor, "roles">) => has(a, "MEMBER");
const isOfficer = (a: Pick<Actor, "roles">) => has(a, "OFFICER", "TOWN_CLERK", "CHIEF_EXECUTIVE", "CHIEF_OFFICER");

// ---- What the council's profile turns on, and who may make each kind -------------------------------------------

export type KindOffer = {
  kind: RegisterKind;
  type: RegisterType;
  label: string;
  /** The council's profile turns this kind on. */
  on: boolean;
  ruleId: string;
  /** Cited to people: the rule, or "council setting, DEF-…". */
  citation: string;
  /** Whether this person may make one now (a refusal says why). */
  mayFile: Decision;
};

/** The rule under which a council takes publicity requests (the declaration, else its first notice). */
export function publicityRule(profile: CouncilProfile): { ruleId: string; isDefault: boolean } {
  const p = profile.duties.publicity;
  if (p.declaration.value) return p.declaration;
  return p.notices[0] ?? { ruleId: "COUNCIL", isDefault: true };
}

/** Each kind of register entry: whether this council uses it, and whether this person may make one. */
export function registerOffers(profile: CouncilProfile, actor: Actor): KindOffer[] {
  const d = profile.duties;
  const pub = publicityRule(profile);
  const eventRule = d.ceremonialEvents.value ? d.ceremonialEvents.ruleId : "CWC-E9";
  return [
    {
      kind: "disclosure",
      type: "DISCLOSURE",
      label: "Disclose a close personal relationship",
      on: true,
      ruleId: d.disclosures.ruleId,
      citation: ruleLabel(d.disclosures),
      mayFile:
        isMember(actor) || isOfficer(actor)
          ? { ok: true }
          : refuse(d.disclosures.ruleId, "Relationship disclosures are made by councillors and council officers."),
    },
    {
      kind: "visit",
      type: "VISIT",
      label: "Give notice of a visit to a council establishment",
      on: d.visits.value,
      ruleId: d.visits.ruleId,
      citation: ruleLabel(d.visits),
      mayFile: !d.visits.value
        ? refuse(
            d.visits.ruleId,
            "Visit notices are not used by this council: its protocol has no rule on members' visits, so the feature is off (council setting).",
          )
        : isMember(actor)
          ? { ok: true }
          : refuse(d.visits.ruleId, "Visit notices are given by councillors planning a visit."),
    },
    {
      kind: "publicity",
      type: "PUBLICITY",
      label: "Ask for council publicity or a press release",
      on: true,
      ruleId: pub.ruleId,
      citation: ruleLabel(pub),
      mayFile: isMember(actor)
        ? { ok: true }
        : refuse(
            "",
            "Publicity requests are made by councillors; officers arrange publicity directly (council setting).",
          ),
    },
    {
      kind: "event",
      type: "EVENT",
      label: "Record a ceremonial event",
      on: d.ceremonialEvents.value,
      ruleId: eventRule,
      citation: d.ceremonialEvents.value ? d.ceremonialEvents.ruleId : "council setting",
      mayFile: !d.ceremonialEvents.value
        ? refuse(
            eventRule,
            "Ceremonial events are not recorded by this council: its protocol says nothing about them, so the feature is off (council setting).",
          )
        : isOfficer(actor)
          ? { ok: true }
          : refuse(eventRule, "Ceremonial events are recorded by officers."),
    },
  ];
}

export function offerOf(profile: CouncilProfile, actor: Actor, kind: RegisterKind): KindOffer {
  return registerOffers(profile, actor).find((o) => o.kind === kind)!;
}

// ---- Relationship disclosures (WIG-E1, DEF-E1, DEF-E4) -----------------------------------------------------------

export type Person = { id: string; roles: readonly string[]; partyGroupId: string | null };

export type OfficeHolders = {
  chiefExecutiveId: string | null;
  townClerkId: string | null;
  councilChairId: string | null;
  councilViceChairId: string | null;
  monitoringOfficerId: string | null;
};

export type RecipientRole =
  "CHIEF_EXECUTIVE" | "TOWN_CLERK" | "COUNCIL_CHAIR" | "COUNCIL_VICE_CHAIR" | "MONITORING_OFFICER";

export type DisclosureRouting = {
  route: DisclosureRoute;
  ruleId: string;
  recipientId: string;
  recipientRole: RecipientRole;
  /** DEF-E4: the member in the relationship — the discloser if a member, else the other party (WIG only). */
  memberInvolvedId: string | null;
  /** The Group Leader(s) of that member's group, other than the two people in the relationship (WIG only). */
  leaderIds: string[];
  /** WIG-E1: closing waits for the consultation (only when there is a Group Leader to consult). */
  consultationRequired: boolean;
  notes: { ruleId: string; message: string }[];
};

/**
 * Where a disclosure goes. WIG-E1: to the Chief Executive, who consults the Group Leader of the member involved
 * (DEF-E4). DEF-E1 elsewhere: to the Chief Executive; in a town council to the Town Clerk, or to the Chair of the
 * Council when the Clerk is one of the two people. Where the recipient would be one of the two people, the next in
 * line takes it: the Monitoring Officer in place of the Chief Executive, the Vice-Chair in place of the Chair
 * (council setting, by analogy with DEF-E1's rule for the Town Clerk).
 */
export function routeDisclosure(
  profile: CouncilProfile,
  discloser: Person,
  other: Person | null,
  relationship: string,
  holders: OfficeHolders,
  leadersOfGroup: (groupId: string) => string[],
): Decision<DisclosureRouting> {
  const setting = profile.duties.disclosures;
  const rule = setting.ruleId;
  if (!other)
    return refuse(rule, "Choose the person the relationship is with, from your council.", "otherPartyId");
  if (other.id === discloser.id)
    return refuse(rule, "Choose the other person in the relationship, not yourself.", "otherPartyId");
  if (!hasText(relationship)) return refuse(rule, "Describe the relationship.", "relationship");
  const involved = new Set([discloser.id, other.id]);
  const free = (id: string | null) => (id && !involved.has(id) ? id : null);
  const notes: DisclosureRouting["notes"] = [];
  let recipientId: string | null;
  let recipientRole: RecipientRole;
  if (setting.value === "TOWN_CLERK_OR_CHAIR") {
    if (free(holders.townClerkId)) {
      recipientId = holders.townClerkId;
      recipientRole = "TOWN_CLERK";
    } else if (free(holders.councilChairId)) {
      recipientId = holders.councilChairId;
      recipientRole = "COUNCIL_CHAIR";
      if (holders.townClerkId)
        notes.push({
          ruleId: rule,
          message: "The Town Clerk is involved, so it goes to the Chair of the Council.",
        });
    } else {
      recipientId = free(holders.councilViceChairId);
      recipientRole = "COUNCIL_VICE_CHAIR";
    }
  } else if (free(holders.chiefExecutiveId)) {
    recipientId = holders.chiefExecutiveId;
    recipientRole = "CHIEF_EXECUTIVE";
  } else {
    recipientId = free(holders.monitoringOfficerId);
    recipientRole = "MONITORING_OFFICER";
    if (holders.chiefExecutiveId)
      notes.push({
        ruleId: rule,
        message: "The Chief Executive is involved, so it goes to the Monitoring Officer (council setting).",
      });
  }
  if (!recipientId)
    return refuse(
      rule,
      "There is no one in post who can receive this disclosure. Speak to the Monitoring Officer.",
    );
  let memberInvolvedId: string | null = null;
  let leaderIds: string[] = [];
  if (setting.value === "CE_CONSULTS_GROUP_LEADER") {
    const member = discloser.roles.includes("MEMBER") ? discloser : other.roles.includes("MEMBER") ? other : null;
    memberInvolvedId = member?.id ?? null;
    leaderIds = member?.partyGroupId
      ? leadersOfGroup(member.partyGroupId).filter((id) => !involved.has(id) && id !== recipientId)
      : [];
    if (!member)
      notes.push({
        ruleId: "DEF-E4",
        message: "No councillor is in the relationship, so no Group Leader is consulted.",
      });
    else if (leaderIds.length === 0)
      notes.push({
        ruleId: "DEF-E4",
        message: "The councillor's group has no other Group Leader to consult, so none is consulted.",
      });
  }
  return {
    ok: true,
    route: setting.value,
    ruleId: rule,
    recipientId,
    recipientRole,
    memberInvolvedId,
    leaderIds,
    consultationRequired: leaderIds.length > 0,
    notes,
  };
}

export type DisclosureState = {
  status: string;
  route: DisclosureRoute;
  recipientId: string;
  leaderIds: string[];
  consultationRequired: boolean;
  otherPartyGranted: boolean;
};

export type DisclosureAction =
  | { type: "CONSULT_GROUP_LEADER"; leaderId: string; notes: string }
  | { type: "CLOSE"; courseOfAction: string }
  | { type: "SHARE_WITH_OTHER_PARTY"; reasons: string };

export const DISCLOSURE_ACTIONS = ["CONSULT_GROUP_LEADER", "CLOSE", "SHARE_WITH_OTHER_PARTY"] as const;

/** A step on a disclosure: only its recipient acts (the Chief Executive, or the Town Clerk or Chair). */
export function decideDisclosure(
  profile: CouncilProfile,
  actor: Actor,
  s: DisclosureState,
  a: DisclosureAction,
): Decision<{ to: string; ruleId: string }> {
  const rule = profile.duties.disclosures.ruleId;
  const wigan = s.route === "CE_CONSULTS_GROUP_LEADER";
  if (actor.id !== s.recipientId)
    return refuse(rule, "Only the person who received this disclosure can act on it.");
  if (s.status === "CLOSED") return refuse(rule, "This disclosure is closed.", undefined, "CONFLICT");
  switch (a.type) {
    case "CONSULT_GROUP_LEADER":
      if (!wigan)
        return refuse(
          rule,
          "In this council a disclosure stays between the person who made it and its recipient: no Group Leader is consulted (council setting, DEF-E1).",
        );
      if (s.status !== "SUBMITTED")
        return refuse("WIG-E1", "The consultation is already recorded.", undefined, "CONFLICT");
      if (!s.leaderIds.includes(a.leaderId))
        return refuse("DEF-E4", "Choose the Group Leader of the councillor in the relationship.", "leaderId");
      if (!hasText(a.notes)) return refuse("WIG-E1", "Record what you and the Group Leader discussed.", "notes");
      return { ok: true, to: "CONSULTED", ruleId: "WIG-E1" };
    case "CLOSE":
      if (wigan && s.consultationRequired && s.status !== "CONSULTED")
        return refuse(
          "WIG-E1",
          "Record your consultation with the Group Leader of the councillor in the relationship before closing this disclosure.",
        );
      if (!hasText(a.courseOfAction)) return refuse(rule, "Record the course of action agreed.", "courseOfAction");
      return { ok: true, to: "CLOSED", ruleId: rule };
    case "SHARE_WITH_OTHER_PARTY":
      if (!wigan)
        return refuse(
          rule,
          "A disclosure is seen only by the person who made it and its recipient (council setting, DEF-E1).",
        );
      if (s.otherPartyGranted)
        return refuse("WIG-E1", "The other person can already see this disclosure.", undefined, "CONFLICT");
      if (!hasText(a.reasons)) return refuse("WIG-E1", "Say why you are sharing it with them.", "reasons");
      return { ok: true, to: s.status, ruleId: "WIG-E1" };
  }
}

/** The steps a disclosure's recipient is offered now. */
export function disclosureSteps(s: DisclosureState, actor: Actor): DisclosureAction["type"][] {
  if (actor.id !== s.recipientId || s.status === "CLOSED") return [];
  const wigan = s.route === "CE_CONSULTS_GROUP_LEADER";
  return [
    ...(wigan && s.status === "SUBMITTED" && s.leaderIds.length ? (["CONSULT_GROUP_LEADER"] as const) : []),
    "CLOSE" as const,
    ...(wigan && !s.otherPartyGranted ? (["SHARE_WITH_OTHER_PARTY"] as const) : []),
  ];
}

// ---- Visit notices (WIG-E2; DEF-E3 elsewhere: off) ----------------------------------------------------------------

export const VISIT_TYPES = ["ORDINARY", "STATUTORY_INSPECTION", "UNANNOUNCED"] as const;
export type VisitType = (typeof VISIT_TYPES)[number];
export const VISIT_TYPE_LABELS: Record<VisitType, string> = {
  ORDINARY: "Ordinary visit",
  STATUTORY_INSPECTION: "A visit of a statutory inspection nature",
  UNANNOUNCED: "Unannounced visit",
};
export const STATUTORY_INSPECTION_NOTICE =
  "Visits of a statutory inspection nature follow other established procedures, which apply instead of this notice.";

export type VisitInput = {
  visitType: VisitType;
  visitDate: string;
  today: string;
  school: boolean;
  arrangedWithHeadteacher: boolean;
  headteacherName: string;
  specialCircumstances: string;
};

/** WIG-E2: what a visit notice needs, and whom it tells. */
export function decideVisit(
  profile: CouncilProfile,
  actor: Actor,
  v: VisitInput,
): Decision<{ notifyChiefOfficer: boolean; ruleId: string; notes: { ruleId: string; message: string }[] }> {
  const offer = offerOf(profile, actor, "visit");
  if (!offer.mayFile.ok) return offer.mayFile;
  const rule = profile.duties.visits.ruleId;
  if (v.visitType === "ORDINARY" && v.visitDate < v.today)
    return refuse(
      rule,
      "An ordinary visit is notified to the service's Chief Officer in advance: choose today or a later date.",
      "visitDate",
    );
  if (v.visitType === "UNANNOUNCED" && !hasText(v.specialCircumstances))
    return refuse(
      rule,
      "An unannounced visit needs the special circumstances that justify it, in writing (reasons, DEF-G1).",
      "specialCircumstances",
    );
  if (v.school && !v.arrangedWithHeadteacher)
    return refuse(
      rule,
      "A school visit is arranged through the Headteacher: confirm that you have arranged it with them.",
      "arrangedWithHeadteacher",
    );
  if (v.school && !hasText(v.headteacherName))
    return refuse(rule, "Give the name of the Headteacher you arranged the visit with.", "headteacherName");
  const notes: { ruleId: string; message: string }[] = [];
  if (v.visitType === "STATUTORY_INSPECTION") notes.push({ ruleId: rule, message: STATUTORY_INSPECTION_NOTICE });
  if (v.visitType === "UNANNOUNCED")
    notes.push({
      ruleId: rule,
      message:
        "Special circumstances may justify an unannounced visit, but do not disrupt the service unreasonably.",
    });
  return { ok: true, notifyChiefOfficer: v.visitType === "ORDINARY", ruleId: rule, notes };
}

// ---- Publicity requests (CWC-E8, WIG-E10, HTC-E3, HTC-E4) ------------------------------------------------------

export const PUBLICITY_CHANNELS = {
  PRESS_RELEASE: "Press release",
  WEBSITE: "The council's website",
  SOCIAL_MEDIA: "The council's social media",
  NEWSLETTER: "The council's newsletter or magazine",
  OTHER: "Something else",
} as const;
export type PublicityChannel = keyof typeof PUBLICITY_CHANNELS;

export const PUBLICITY_DECLARATION =
  "This is not designed to support a political party, and it features individual councillors only where they represent the Council as a whole.";

/** The notices a publicity request shows, each with its rule. */
export function publicityNotices(profile: CouncilProfile): { ruleId: string; text: string }[] {
  return profile.duties.publicity.notices.map((n) => ({ ruleId: n.ruleId, text: n.value }));
}

/**
 * Who handles publicity (a council setting: no protocol names the officer): the Chief Officer of a service whose
 * name contains "Communications", if there is one; otherwise the Chief Executive; in a town council the Town Clerk.
 */
export function communicationsOfficer(
  services: { name: string; chiefOfficerId: string | null }[],
  holders: Pick<OfficeHolders, "chiefExecutiveId" | "townClerkId">,
): { id: string; how: "COMMUNICATIONS" | "CHIEF_EXECUTIVE" | "TOWN_CLERK" } | null {
  const comms = services.find((s) => /communications/i.test(s.name) && s.chiefOfficerId);
  if (comms) return { id: comms.chiefOfficerId!, how: "COMMUNICATIONS" };
  if (holders.chiefExecutiveId) return { id: holders.chiefExecutiveId, how: "CHIEF_EXECUTIVE" };
  if (holders.townClerkId) return { id: holders.townClerkId, how: "TOWN_CLERK" };
  return null;
}

export type PublicityFiling = {
  declared: boolean;
  featuredIds: string[];
  representingIds: string[];
  /** The council's members (featured members must be among them). */
  memberIds: string[];
};

export function decidePublicityFiling(
  profile: CouncilProfile,
  actor: Actor,
  p: PublicityFiling,
): Decision<{ ruleId: string }> {
  const offer = offerOf(profile, actor, "publicity");
  if (!offer.mayFile.ok) return offer.mayFile;
  const rule = publicityRule(profile).ruleId;
  if (!p.featuredIds.every((id) => p.memberIds.includes(id)))
    return refuse(rule, "Choose the councillors from the list.", "featuredIds");
  if (!p.representingIds.every((id) => p.featuredIds.includes(id)))
    return refuse(
      rule,
      "Only councillors the publicity features can be marked as representing the Council.",
      "representingIds",
    );
  const d = profile.duties.publicity.declaration;
  if (d.value && !p.declared)
    return refuse(
      d.ruleId,
      "Confirm that the publicity is not designed to support a political party.",
      "declaration",
    );
  return { ok: true, ruleId: rule };
}

export const PUBLICITY_DECLINE_GROUNDS = {
  PARTY_POLITICAL: "It is, or appears designed to be, party political",
  MEMBER_NOT_REPRESENTING_COUNCIL: "It features a councillor who is not representing the Council as a whole",
  OTHER: "Another reason",
} as const;
export type PublicityDeclineGround = keyof typeof PUBLICITY_DECLINE_GROUNDS;

export type PublicityAction =
  { type: "APPROVE"; notes: string } | { type: "DECLINE"; ground: string; reasons: string };

/** The communications officer approves, or declines with reasons (CWC-E8 for party politics or members featured). */
export function decidePublicity(
  profile: CouncilProfile,
  actor: Actor,
  s: { status: string; deciderId: string | null },
  a: PublicityAction,
): Decision<{ to: "APPROVED" | "DECLINED"; ruleId: string }> {
  const rule = publicityRule(profile).ruleId || "COUNCIL";
  if (actor.id !== s.deciderId)
    return refuse(rule, "Only the communications officer handling this request can decide it.");
  if (s.status !== "SUBMITTED") return refuse(rule, "This request has been decided.", undefined, "CONFLICT");
  if (a.type === "APPROVE") return { ok: true, to: "APPROVED", ruleId: rule };
  if (!Object.hasOwn(PUBLICITY_DECLINE_GROUNDS, a.ground))
    return refuse(rule, "Choose why you are declining it.", "ground");
  const ruleId = a.ground === "OTHER" ? "DEF-G1" : rule;
  if (!hasText(a.reasons)) return refuse(ruleId, "Give your reasons: the councillor will read them.", "reasons");
  return { ok: true, to: "DECLINED", ruleId };
}

// ---- Ceremonial events (CWC-E9) ----------------------------------------------------------------------------------

export type OfficeOption = { value: string; label: string; personId: string; office: string };

/**
 * CWC-E9: who attends — normally the Chair or Deputy Chair of the Council; for a Cabinet or committee initiative, the
 * Cabinet Member or that committee's Chair or Deputy Chair. Each option names the office and the person.
 */
export function eventOffices(
  people: { id: string; name: string; roles: readonly string[]; jobTitle: string | null }[],
  committees: { id: string; name: string; chairId: string | null; memberIds: string[] }[],
): OfficeOption[] {
  const name = new Map(people.map((p) => [p.id, p.name]));
  const holders = (role: string) => people.filter((p) => p.roles.includes(role));
  const out: OfficeOption[] = [
    ...holders("COUNCIL_CHAIR").map((p) => ({
      value: `COUNCIL_CHAIR:${p.id}`,
      office: "Chair of the Council",
      personId: p.id,
      label: `Chair of the Council: ${p.name}`,
    })),
    ...holders("COUNCIL_VICE_CHAIR").map((p) => ({
      value: `COUNCIL_DEPUTY_CHAIR:${p.id}`,
      office: "Deputy Chair of the Council",
      personId: p.id,
      label: `Deputy Chair of the Council: ${p.name}`,
    })),
    ...holders("CABINET_MEMBER").map((p) => ({
      value: `CABINET_MEMBER:${p.id}`,
      office: p.jobTitle && /cabinet/i.test(p.jobTitle) ? p.jobTitle : "Cabinet Member",
      personId: p.id,
      label: `${p.jobTitle && /cabinet/i.test(p.jobTitle) ? p.jobTitle : "Cabinet Member"}: ${p.name}`,
    })),
  ];
  for (const c of committees) {
    if (c.chairId && name.has(c.chairId))
      out.push({
        value: `COMMITTEE_CHAIR:${c.id}:${c.chairId}`,
        office: `Chair of the ${c.name}`,
        personId: c.chairId,
        label: `Chair of the ${c.name}: ${name.get(c.chairId)}`,
      });
    for (const m of c.memberIds)
      if (m !== c.chairId && name.has(m))
        out.push({
          value: `COMMITTEE_DEPUTY_CHAIR:${c.id}:${m}`,
          office: `Deputy Chair of the ${c.name}`,
          personId: m,
          label: `Deputy Chair of the ${c.name}: ${name.get(m)}`,
        });
  }
  return out;
}

export function decideEvent(
  profile: CouncilProfile,
  actor: Actor,
  e: { office: string; offices: OfficeOption[]; wardIds: string[]; knownWardIds: string[] },
): Decision<{ office: OfficeOption; ruleId: string }> {
  const offer = offerOf(profile, actor, "event");
  if (!offer.mayFile.ok) return offer.mayFile;
  const rule = profile.duties.ceremonialEvents.ruleId;
  const office = e.offices.find((o) => o.value === e.office);
  if (!office) return refuse(rule, "Choose the office-holder who attends.", "office");
  if (e.wardIds.length === 0) return refuse(rule, "Choose the ward or wards the event is in.", "wardIds");
  if (!e.wardIds.every((w) => e.knownWardIds.includes(w)))
    return refuse(rule, "Choose wards from the list.", "wardIds");
  return { ok: true, office, ruleId: rule };
}

// ---- The complaint start page (WIG-E10; HTC-E4 for complaints about an officer) ------------------------------------

export type Guidance = { ruleId: string; text: string; condition: string | null };

/**
 * The guidance a complaint's start page shows. `aboutOfficer` is null while the form is blank: guidance that applies
 * only to complaints about an officer is then shown with that condition stated; once the person is chosen it is
 * shown when the complaint is about an officer, and left out when it is not.
 */
export function complaintGuidance(profile: CouncilProfile, aboutOfficer: boolean | null): Guidance[] {
  return profile.duties.complaintGuidance
    .filter((g) => !g.aboutOfficerOnly || aboutOfficer !== false)
    .map((g) => ({
      ruleId: g.notice.ruleId,
      text: g.notice.value,
      condition: g.aboutOfficerOnly && aboutOfficer === null ? "If your complaint is about an officer" : null,
    }));
}

/** The guidance as the lines a page or preview shows, each ending with its rule. */
export const guidanceLines = (gs: Guidance[]): string[] =>
  gs.map((g) => `${g.condition ? `${g.condition}: ` : ""}${g.text} (${g.ruleId})`);

/** A person is "an officer" for HTC-E4 when they are staff and not a councillor. */
export const isOfficerPerson = (roles: readonly string[]) =>
  !roles.includes("MEMBER") &&
  ["OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "TOWN_CLERK"].some((r) => roles.includes(r));
