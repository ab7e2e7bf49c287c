// The register's pages: the list of entries the viewer may see (through the one visibility builder), an entry's page
// with its facts and the steps the viewer is offered, and the creation forms as data for components/ActionForms.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { councilPeople, councilServices, councilWardsWithMembers } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import type { ActionSpec, FieldSpec } from "@/lib/requests/action-specs";
import { toActor } from "@/lib/requests/actor";
import { formatDate } from "@/lib/requests/describe";
import {
  getRequestDetail,
  listFields,
  PAGE_SIZE,
  type RequestDetail,
  type RequestListItem,
} from "@/lib/requests/queries";
import { levelOf, viewerGrantsSelect, visibleTo } from "@/lib/requests/visibility";
import {
  disclosureSteps,
  isRegisterType,
  offerOf,
  PUBLICITY_CHANNELS,
  PUBLICITY_DECLARATION,
  PUBLICITY_DECLINE_GROUNDS,
  publicityNotices,
  publicityRule,
  registerOffers,
  ruleLabel,
  STATUTORY_INSPECTION_NOTICE,
  VISIT_TYPE_LABELS,
  type KindOffer,
  type RegisterKind,
} from "@/lib/workflow/register";
import { db } from "@/lib/db";
import { officeHolders } from "./common";
import { RECIPIENT_TITLES, type DisclosureData } from "./disclosures";
import { councilEventOffices, type EventData } from "./events";
import { findCommunicationsOfficer, OFFICER_HOW, type PublicityData } from "./publicity";
import type { VisitData } from "./visits";

const TYPES = ["DISCLOSURE", "VISIT", "PUBLICITY", "EVENT"] as const;
/** Pages beyond this are not offered (1,000 entries); the list is newest first. */
export const REGISTER_MAX_PAGE = 50;

export type RegisterList = {
  items: RequestListItem[];
  page: number;
  pages: number;
  total: number;
  offers: KindOffer[];
};

/** The register entries the viewer may see, newest first, one page at a time, and the kinds they may make. */
export async function listRegister(viewer: Viewer, page: number): Promise<RegisterList> {
  const p = Math.min(Math.max(1, Math.floor(page) || 1), REGISTER_MAX_PAGE);
  const where = { ...visibleTo(viewer), type: { in: [...TYPES] } };
  const [total, rows] = await Promise.all([
    db().request.count({ where }),
    db().request.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (p - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
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
    }),
  ]);
  const profile = profileOf(viewer);
  return {
    items: rows.map((r) => listFields(r, levelOf(r.access) ?? "METADATA")),
    page: p,
    pages: Math.min(REGISTER_MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE))),
    total,
    offers: registerOffers(profile, toActor(viewer)),
  };
}

// ---- An entry's page -------------------------------------------------------------------------------------------

export type RegisterNotice = { text: string; citation: string };
export type RegisterRecord = {
  detail: RequestDetail;
  facts: { key: string; value: string }[];
  notices: RegisterNotice[];
  specs: ActionSpec[];
  /** The decision and its reasons, for the person who asked (publicity). */
  decision: { outcome: string; reasons: string; citation: string } | null;
};

export const REGISTER_ACTION_TITLES: Record<string, string> = {
  FILED: "Recorded",
  CONSULT_GROUP_LEADER: "Group Leader consulted",
  CLOSE_DISCLOSURE: "Closed with the course of action agreed",
  SHARE_WITH_OTHER_PARTY: "Shared with the other person",
  APPROVE_PUBLICITY: "Approved",
  DECLINE_PUBLICITY: "Declined",
};

const yesNo = (b: boolean) => (b ? "Yes" : "No");

function disclosurePage(
  viewer: Viewer,
  profile: CouncilProfile,
  detail: RequestDetail,
): Omit<RegisterRecord, "detail" | "decision"> {
  const d = detail.data as Partial<DisclosureData>;
  if (!d.recipientId) return { facts: [], notices: [], specs: [] };
  const wigan = d.route === "CE_CONSULTS_GROUP_LEADER";
  const setting = profile.duties.disclosures;
  const facts = [
    { key: "Made by", value: detail.filedBy },
    { key: "The relationship is with", value: d.otherPartyName ?? "" },
    { key: "Goes to", value: `${d.recipientName}, ${RECIPIENT_TITLES[d.recipientRole!]}` },
    ...(wigan
      ? [
          { key: "Councillor in the relationship", value: d.memberInvolvedName ?? "None" },
          {
            key: "Group Leader to consult",
            value: d.leaderNames?.length ? d.leaderNames.join(", ") : "None (no Group Leader to consult)",
          },
          {
            key: "Consultation",
            value: d.consultation
              ? `${d.consultation.leaderName}, ${formatDate(d.consultation.at)}: ${d.consultation.notes}`
              : "Not yet recorded",
          },
        ]
      : []),
    { key: "Course of action agreed", value: d.courseOfAction ?? "Not yet agreed" },
    ...(wigan ? [{ key: "Shared with the other person", value: yesNo(!!d.otherPartyGranted) }] : []),
    {
      key: "Who can see this",
      value: [
        detail.filedBy,
        d.recipientName,
        ...(d.consultation ? [d.consultation.leaderName] : []),
        ...(d.otherPartyGranted ? [d.otherPartyName] : []),
      ].join(", "),
    },
  ];
  const notices: RegisterNotice[] = [
    wigan
      ? {
          text: "Close personal relationships with someone you deal with in your duties are to be avoided. When one arises it is disclosed to the Chief Executive, who consults the Group Leader of the councillor involved on what to do. Only the person who disclosed it, the Chief Executive and the Group Leader consulted can see it.",
          citation: "WIG-E1, DEF-E4",
        }
      : {
          text: "The disclosure is seen only by the person who made it and the person who received it. No Group Leader is consulted.",
          citation: ruleLabel(setting),
        },
    ...(d.notes ?? []).map((n) => ({ text: n.message, citation: n.ruleId })),
  ];
  const steps = disclosureSteps(
    {
      status: detail.status,
      route: d.route!,
      recipientId: d.recipientId,
      leaderIds: d.leaderIds ?? [],
      consultationRequired: !!d.consultationRequired,
      otherPartyGranted: !!d.otherPartyGranted,
    },
    toActor(viewer),
  );
  const specs: ActionSpec[] = steps.map((s): ActionSpec => {
    if (s === "CONSULT_GROUP_LEADER")
      return {
        action: s,
        title: "Record the consultation with the Group Leader",
        area: "decide",
        fields: [
          {
            kind: "select",
            name: "leaderId",
            label: "Group Leader consulted",
            options: (d.leaderIds ?? []).map((id, i) => ({ value: id, label: d.leaderNames?.[i] ?? "" })),
            initial: d.leaderIds?.[0],
          },
          { kind: "textarea", name: "notes", label: "What you discussed and what they advised" },
        ],
        submit: "Record the consultation",
        why: [
          { ruleId: "WIG-E1", text: "The Chief Executive consults the Group Leader on what to do." },
          {
            ruleId: "DEF-E4",
            text: "The Group Leader of the councillor in the relationship (council setting). Recording the consultation lets them see this disclosure.",
          },
        ],
      };
    if (s === "CLOSE")
      return {
        action: s,
        title: "Close with the course of action agreed",
        hint:
          wigan && d.consultationRequired && detail.status !== "CONSULTED"
            ? "Record the consultation with the Group Leader first. (WIG-E1)"
            : undefined,
        area: "decide",
        fields: [{ kind: "textarea", name: "courseOfAction", label: "The course of action agreed" }],
        submit: "Close the disclosure",
        why: [
          { ruleId: setting.ruleId, text: "The disclosure is closed with the course of action agreed on record." },
        ],
      };
    return {
      action: s,
      title: `Share this disclosure with ${d.otherPartyName}`,
      hint: "They are named in it but cannot see it unless you share it. The sharing is recorded.",
      area: "other",
      fields: [{ kind: "textarea", name: "reasons", label: "Why are you sharing it with them?" }],
      submit: "Share the disclosure",
      tone: "secondary",
      why: [
        { ruleId: "WIG-E1", text: "The other person does not get access unless the Chief Executive grants it." },
      ],
    };
  });
  return { facts, notices, specs };
}

function visitPage(detail: RequestDetail): Omit<RegisterRecord, "detail" | "decision" | "specs"> {
  const v = detail.data as Partial<VisitData>;
  if (!v.visitType) return { facts: [], notices: [] };
  return {
    facts: [
      { key: "Councillor", value: detail.filedBy },
      { key: "Establishment", value: v.establishment ?? "" },
      { key: "Service", value: v.serviceName ?? "" },
      { key: "Date of the visit", value: v.visitDate ? formatDate(v.visitDate) : "" },
      { key: "Type of visit", value: VISIT_TYPE_LABELS[v.visitType] },
      {
        key: "School",
        value: v.school ? `Yes: arranged with the Headteacher, ${v.headteacherName ?? ""}` : "No",
      },
      ...(v.specialCircumstances ? [{ key: "Special circumstances", value: v.specialCircumstances }] : []),
      {
        key: "Told in advance",
        value: v.toldName ? `${v.toldName} (told when the notice was recorded)` : "No one (not an ordinary visit)",
      },
    ],
    notices: [
      ...(v.visitType === "STATUTORY_INSPECTION"
        ? [{ text: STATUTORY_INSPECTION_NOTICE, citation: "WIG-E2" }]
        : []),
      ...(v.notes ?? [])
        .filter((n) => n.message !== STATUTORY_INSPECTION_NOTICE)
        .map((n) => ({ text: n.message, citation: n.ruleId })),
    ],
  };
}

function publicityPage(
  viewer: Viewer,
  profile: CouncilProfile,
  detail: RequestDetail,
): Omit<RegisterRecord, "detail"> {
  const p = detail.data as Partial<PublicityData>;
  if (!p.channel) return { facts: [], notices: [], specs: [], decision: null };
  const rule = publicityRule(profile);
  const declineEvent = [...detail.timeline].reverse().find((t) => t.action === "DECLINE_PUBLICITY");
  const facts = [
    { key: "Councillor", value: detail.filedBy },
    { key: "How it would be published", value: PUBLICITY_CHANNELS[p.channel] },
    {
      key: "Councillors featured",
      value: p.featured?.length
        ? p.featured
            .map(
              (f) =>
                `${f.name} (${f.representsCouncil ? "representing the Council" : "not representing the Council"})`,
            )
            .join("; ")
        : "None",
    },
    ...(profile.duties.publicity.declaration.value
      ? [{ key: "Declaration", value: p.declared ? PUBLICITY_DECLARATION : "Not made" }]
      : []),
    { key: "Communications officer", value: `${p.officerName}, ${OFFICER_HOW[p.officerHow!]} (council setting)` },
  ];
  const decision = p.decision
    ? {
        outcome: p.decision.outcome === "DECLINED" ? "Declined" : "Approved",
        reasons: [p.decision.ground ? PUBLICITY_DECLINE_GROUNDS[p.decision.ground] : "", p.decision.reasons]
          .filter(Boolean)
          .join(". "),
        citation: declineEvent?.ruleId ?? rule.ruleId,
      }
    : null;
  const specs: ActionSpec[] =
    detail.status === "SUBMITTED" && p.officerId === viewer.id
      ? [
          {
            action: "APPROVE",
            title: "Approve it",
            area: "decide",
            fields: [{ kind: "textarea", name: "notes", label: "Anything the councillor should know (optional)" }],
            submit: "Approve",
          },
          {
            action: "DECLINE",
            title: "Decline it, with reasons",
            area: "decide",
            tone: "warning",
            fields: [
              {
                kind: "radios",
                name: "ground",
                legend: "Why are you declining it?",
                options: Object.entries(PUBLICITY_DECLINE_GROUNDS).map(([value, label]) => ({ value, label })),
              },
              { kind: "textarea", name: "reasons", label: "Your reasons (the councillor reads them)" },
            ],
            submit: "Decline",
            why: publicityNotices(profile).map((n) => ({ ruleId: n.ruleId, text: n.text })),
          },
        ]
      : [];
  return { facts, notices: [], specs, decision };
}

function eventPage(detail: RequestDetail): Omit<RegisterRecord, "detail" | "decision" | "specs"> {
  const e = detail.data as Partial<EventData>;
  if (!e.eventDate) return { facts: [], notices: [] };
  return {
    facts: [
      { key: "Recorded by", value: detail.filedBy },
      { key: "Date", value: formatDate(e.eventDate) },
      { key: "Attending for the Council", value: `${e.office}: ${e.attendeeName}` },
      { key: "Ward or wards", value: (e.wards ?? []).map((w) => w.name).join(", ") },
      { key: "Ward councillors told", value: (e.toldNames ?? []).join(", ") || "None" },
    ],
    notices: [
      {
        text: "Local members are informed of a ceremonial event in their ward and, where possible and appropriate, invited to take part.",
        citation: "CWC-E9",
      },
    ],
  };
}

/** An entry's page: not found unless the viewer holds a grant on it (lib/requests/visibility.ts). */
export async function loadRegisterRecord(viewer: Viewer, id: string): Promise<RegisterRecord> {
  const detail = await getRequestDetail(viewer, id);
  if (!isRegisterType(detail.type)) throw notFound("That record");
  const profile = profileOf(viewer);
  switch (detail.type) {
    case "DISCLOSURE":
      return { detail, decision: null, ...disclosurePage(viewer, profile, detail) };
    case "VISIT":
      return { detail, decision: null, specs: [], ...visitPage(detail) };
    case "PUBLICITY":
      return { detail, ...publicityPage(viewer, profile, detail) };
    case "EVENT":
      return { detail, decision: null, specs: [], ...eventPage(detail) };
  }
}

// ---- The creation forms ----------------------------------------------------------------------------------------

export type NewEntryForm = {
  kind: RegisterKind;
  title: string;
  offer: KindOffer;
  /** Paragraphs before the form, each with its rule or council setting. */
  notices: RegisterNotice[];
  spec: ActionSpec | null;
};

const TITLES: Record<RegisterKind, string> = {
  disclosure: "Disclose a close personal relationship",
  visit: "Give notice of a visit",
  publicity: "Ask for council publicity or a press release",
  event: "Record a ceremonial event",
};

const personLabel = (p: { name: string; jobTitle: string | null }) =>
  `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ""}`;

/** The creation form of one kind, for this viewer: off, not for them, or the form's fields. */
export async function newEntryForm(viewer: Viewer, kind: RegisterKind): Promise<NewEntryForm> {
  const profile = profileOf(viewer);
  const offer = offerOf(profile, toActor(viewer), kind);
  const base = { kind, title: TITLES[kind], offer };
  if (!offer.mayFile.ok) return { ...base, notices: [], spec: null };
  const spec = (fields: FieldSpec[], submit: string): ActionSpec => ({
    action: offer.type,
    title: TITLES[kind],
    area: "other",
    fields,
    submit,
  });
  if (kind === "disclosure") {
    const [people, holders] = await Promise.all([councilPeople(viewer), officeHolders(db(), viewer.council.id)]);
    const named = async (id: string | null) =>
      id ? ((await db().user.findUnique({ where: { id }, select: { name: true } }))?.name ?? null) : null;
    const setting = profile.duties.disclosures;
    const to = await named(
      setting.value === "TOWN_CLERK_OR_CHAIR" ? holders.townClerkId : holders.chiefExecutiveId,
    );
    const who = to ? `, ${to}` : "";
    const route =
      setting.value === "CE_CONSULTS_GROUP_LEADER"
        ? `Your disclosure goes to the Chief Executive${who}, who consults the Group Leader of the councillor in the relationship (your own Group Leader if you are a councillor, otherwise the Group Leader of the councillor you name) and agrees with you what to do. Only you, the Chief Executive and that Group Leader can see it. The person you name is not told, and cannot see it, unless the Chief Executive decides to share it with them.`
        : setting.value === "TOWN_CLERK_OR_CHAIR"
          ? `Your disclosure goes to the Town Clerk${who}, or to the Chair of the Council if the relationship involves the Town Clerk. Only you and the person who receives it can see it; the person you name is not told.`
          : `Your disclosure goes to the Chief Executive${who}. Only you and the Chief Executive can see it; the person you name is not told. No Group Leader is consulted.`;
    return {
      ...base,
      notices: [
        {
          text: "Close personal relationships (a close friendship, a family or a sexual relationship) with someone you deal with, or are likely to deal with, in your duties are to be avoided. If one arises, disclose it here.",
          citation: setting.value === "CE_CONSULTS_GROUP_LEADER" ? "WIG-E1" : ruleLabel(setting),
        },
        {
          text: route,
          citation: setting.value === "CE_CONSULTS_GROUP_LEADER" ? "WIG-E1, DEF-E4" : ruleLabel(setting),
        },
      ],
      spec: spec(
        [
          {
            kind: "select",
            name: "otherPartyId",
            label: "Who is the relationship with?",
            options: people.map((p) => ({ value: p.id, label: personLabel(p) })),
            placeholder: "Choose a person",
          },
          {
            kind: "textarea",
            name: "relationship",
            label: "Describe the relationship",
            hint: "What the relationship is, and how it touches the work either of you does for the council.",
            rows: 6,
          },
        ],
        "Send the disclosure",
      ),
    };
  }
  if (kind === "visit") {
    const services = await councilServices(viewer);
    return {
      ...base,
      notices: [
        {
          text: "The relevant Chief Officer is normally told in advance of a visit to a council establishment. Visits of a statutory inspection nature follow other established procedures. Special circumstances may justify an unannounced visit, but members should not disrupt the service unreasonably. Visits to schools are arranged through the Headteacher.",
          citation: "WIG-E2",
        },
      ],
      spec: spec(
        [
          {
            kind: "text",
            name: "establishment",
            label: "Which establishment will you visit?",
            hint: "For example, Brookfield Care Home",
          },
          {
            kind: "select",
            name: "serviceId",
            label: "Which service runs it?",
            options: services.map((s) => ({ value: s.id, label: s.name })),
            placeholder: "Choose a service",
          },
          {
            kind: "date",
            name: "visitDate",
            label: "Date of the visit",
            hint: "For example, 27 3 2027. Up to two years ahead.",
          },
          {
            kind: "radios",
            name: "visitType",
            legend: "What kind of visit is it?",
            options: [
              {
                value: "ORDINARY",
                label: VISIT_TYPE_LABELS.ORDINARY,
                hint: "The service's Chief Officer is told now, before the visit, and can read this notice.",
              },
              {
                value: "STATUTORY_INSPECTION",
                label: VISIT_TYPE_LABELS.STATUTORY_INSPECTION,
                hint: "Other established procedures apply.",
              },
              {
                value: "UNANNOUNCED",
                label: VISIT_TYPE_LABELS.UNANNOUNCED,
                hint: "Only in special circumstances, which you must write down below.",
              },
            ],
          },
          {
            kind: "textarea",
            name: "specialCircumstances",
            label: "Special circumstances (for an unannounced visit)",
            hint: "Why the visit cannot be announced. Needed for an unannounced visit (reasons, DEF-G1).",
          },
          {
            kind: "radios",
            name: "school",
            legend: "Is the establishment a school?",
            options: [
              { value: "no", label: "No" },
              { value: "yes", label: "Yes" },
            ],
          },
          {
            kind: "checkbox",
            name: "arrangedWithHeadteacher",
            label: "I have arranged this visit with the Headteacher",
            hint: "Needed for a school visit. (WIG-E2)",
          },
          { kind: "text", name: "headteacherName", label: "Headteacher's name (for a school visit)" },
        ],
        "Record the visit notice",
      ),
    };
  }
  if (kind === "publicity") {
    const [members, officer] = await Promise.all([
      councilPeople(viewer, { role: "MEMBER", includeSelf: true }),
      findCommunicationsOfficer(db(), viewer),
    ]);
    const options = members.map((m) => ({ value: m.id, label: m.name }));
    const declaration = profile.duties.publicity.declaration;
    return {
      ...base,
      notices: [
        ...publicityNotices(profile).map((n) => ({ text: n.text, citation: n.ruleId })),
        {
          text: officer
            ? `Your request goes to ${officer.name}, ${OFFICER_HOW[officer.how]}. This council's communications officer is the Chief Officer of a service whose name contains “Communications”; where there is none, the Chief Executive (the Town Clerk in a town council).`
            : "There is no communications officer in post to send it to.",
          citation: "council setting",
        },
      ],
      spec: spec(
        [
          { kind: "text", name: "subject", label: "What should be publicised?" },
          { kind: "textarea", name: "details", label: "What should it say?", rows: 6 },
          {
            kind: "radios",
            name: "channel",
            legend: "How should it be published?",
            options: Object.entries(PUBLICITY_CHANNELS).map(([value, label]) => ({ value, label })),
          },
          {
            kind: "checkboxes",
            name: "featuredIds",
            legend: "Which councillors would it feature? (optional)",
            options,
          },
          {
            kind: "checkboxes",
            name: "representingIds",
            legend: "Which of those councillors are acting for the Council as a whole?",
            hint: "For example the Chair of the Council at a civic event. Council publicity features individual councillors only when they represent the Council as a whole.",
            options,
          },
          ...(declaration.value
            ? [
                {
                  kind: "checkbox" as const,
                  name: "declaration",
                  label: PUBLICITY_DECLARATION,
                  hint: `Required. (${declaration.ruleId})`,
                },
              ]
            : []),
        ],
        "Send the request",
      ),
    };
  }
  const [offices, wards] = await Promise.all([councilEventOffices(db(), viewer), councilWardsWithMembers(viewer)]);
  return {
    ...base,
    notices: [
      {
        text: "Normally the Chair or Deputy Chair of the Council attends a ceremonial event; for a Cabinet or committee initiative, the Cabinet Member or that committee's Chair or Deputy Chair. Every councillor for the wards you choose is told, and can read this record.",
        citation: "CWC-E9",
      },
    ],
    spec: spec(
      [
        { kind: "text", name: "subject", label: "Name of the event" },
        { kind: "textarea", name: "details", label: "About the event (optional)" },
        { kind: "date", name: "eventDate", label: "Date of the event", hint: "For example, 27 3 2027" },
        {
          kind: "select",
          name: "office",
          label: "Who attends for the Council?",
          options: offices.map((o) => ({ value: o.value, label: o.label })),
          placeholder: "Choose the office-holder",
        },
        {
          kind: "checkboxes",
          name: "wardIds",
          legend: "Which ward or wards is it in?",
          options: wards.map((w) => ({
            value: w.id,
            label: w.name,
            hint: w.members.length
              ? `Councillors told: ${w.members.map((m) => m.name).join(", ")}`
              : "No councillors",
          })),
        },
      ],
      "Record the event",
    ),
  };
}
