// The records and people of the authorisation matrix (issue 10), in two councils: each filed through the real
// services, as the people the protocol names would file them. Used by the integration matrix and, through
// create-matrix-records.ts, by the HTTP matrix in the browser suite.
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { addAttachment } from "@/lib/requests/attachments";
import { fileBriefingRequest } from "@/lib/requests/briefings";
import { fileComplaintCase } from "@/lib/requests/complaints";
import { fileInformationRequest } from "@/lib/requests/information";
import { listForMeeting, shareDraft, startReport } from "@/lib/reports/service";
import { copyCorrespondence, recordCorrespondence } from "@/lib/correspondence/service";
import { fileDisclosure } from "@/lib/register/disclosures";
import { handleLogRepresentation } from "@/lib/representations/service";
import { handleCallForReport } from "@/lib/agenda-items/service";

export type Level = "FULL" | "SUMMARY" | "METADATA" | "NONE";

export type MatrixRecord = {
  key: string;
  council: "wigan" | "cheshire-west";
  id: string;
  reference: string;
  /** Unique words in the subject and in the details, to search for and to look for on pages and in files. */
  subjectToken: string;
  detailsToken: string;
  attachmentId: string | null;
  /** The meeting a section E record is listed for (its agenda pack is checked too). */
  meetingId?: string | null;
  /** Who holds it (the decider): the administrators' pages about that person list their open work. */
  holderId?: string | null;
  /** The expected access of anchor viewers, written from the protocol (RULES.md), not computed. */
  expected: Record<string, Level>;
};

export type MatrixFixtures = {
  records: MatrixRecord[];
  viewers: { email: string; council: string; label: string }[];
};

export const MATRIX_VIEWERS = [
  { email: "patricia.lunt@wigan.example", council: "wigan", label: "member, Labour (files the request)" },
  { email: "joan.pilling@wigan.example", council: "wigan", label: "member, Labour (same group)" },
  { email: "gordon.fairclough@wigan.example", council: "wigan", label: "Group Leader, Conservative" },
  { email: "elaine.marsden@wigan.example", council: "wigan", label: "Spokesperson, Conservative" },
  { email: "tony.birchall@wigan.example", council: "wigan", label: "Group Leader, Independent Network" },
  { email: "naomi.ward@wigan.example", council: "wigan", label: "Spokesperson, Independent Network" },
  { email: "keith.ormerod@wigan.example", council: "wigan", label: "Leader of the Council" },
  { email: "alison.kerr@wigan.example", council: "wigan", label: "Chief Executive" },
  { email: "rebecca.shaw@wigan.example", council: "wigan", label: "Director of Place" },
  { email: "anil.kapoor@wigan.example", council: "wigan", label: "Director of Children's Services" },
  { email: "martin.greaves@wigan.example", council: "wigan", label: "Monitoring Officer" },
  { email: "chloe.unsworth@wigan.example", council: "wigan", label: "officer, Place" },
  { email: "paul.hindley@wigan.example", council: "wigan", label: "user administrator" },
  { email: "adrian.penhale@cheshire-west.example", council: "cheshire-west", label: "Group Leader, Conservative" },
  { email: "louise.barraclough@cheshire-west.example", council: "cheshire-west", label: "Group Leader, Labour" },
  { email: "yasmin.clarke@cheshire-west.example", council: "cheshire-west", label: "member, Labour" },
  { email: "simon.greatorex@cheshire-west.example", council: "cheshire-west", label: "member, Conservative" },
  { email: "victor.hale@cheshire-west.example", council: "cheshire-west", label: "Chief Executive" },
  { email: "sunita.rao@cheshire-west.example", council: "cheshire-west", label: "Deputy Chief Executive" },
  { email: "ruth.calloway@cheshire-west.example", council: "cheshire-west", label: "Director of Governance" },
  { email: "joanna.fielding@cheshire-west.example", council: "cheshire-west", label: "user administrator" },
] as const;

export async function viewerFor(email: string): Promise<Viewer> {
  const u = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const v = await loadViewer(u.id, u.sessionVersion);
  if (!v) throw new Error(`no viewer for ${email}`);
  return v;
}

const serviceId = async (council: string, name: string) =>
  (await db().service.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const groupId = async (council: string, name: string) =>
  (await db().partyGroup.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).id;

function tokens(key: string) {
  const salt = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return { subjectToken: `subj${key}${salt}`, detailsToken: `det${key}${salt}` };
}

/** Every viewer not named in `visible` gets NONE (not found); the two councils never see each other's records. */
function expectation(council: string, visible: Record<string, Level>): Record<string, Level> {
  return Object.fromEntries(
    MATRIX_VIEWERS.map((v) => [v.email, v.council === council ? (visible[v.email] ?? "NONE") : "NONE"]),
  );
}

export async function createMatrixRecords(now = new Date()): Promise<MatrixFixtures> {
  const meetingDate = new Date(now.getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
  const records: MatrixRecord[] = [];
  const info = (subject: string, details: string, serviceIdValue: string, grounds = "") => ({
    kind: "INFORMATION" as const,
    subject,
    details,
    serviceId: serviceIdValue,
    category: "GENERAL" as const,
    thirdPartyData: false,
    councilRoleDeclared: true,
    concernsAnotherMember: false,
    concernedMemberIds: [],
    sharingAgreed: false,
    needToKnowGrounds: grounds,
    classification: "GENERAL_ENQUIRY" as const,
  });

  // WIG: an individual member's information request (DEF-A12, WIG-A8): requester and handler only; with a file.
  {
    const t = tokens("wiginfo");
    const patricia = await viewerFor("patricia.lunt@wigan.example");
    const r = await fileInformationRequest(
      patricia,
      info(
        `Street lighting ${t.subjectToken}`,
        `Please send ${t.detailsToken} figures.`,
        await serviceId("wigan", "Place"),
      ),
      { now },
    );
    await addAttachment(patricia, r.id, {
      name: "lighting.txt",
      type: "text/plain",
      size: 12,
      bytes: new TextEncoder().encode(`${t.detailsToken} x`),
    });
    const att = await db().attachment.findFirstOrThrow({ where: { requestId: r.id }, select: { id: true } });
    records.push({
      key: "wig-info",
      council: "wigan",
      id: r.id,
      reference: r.reference,
      ...t,
      attachmentId: att.id,
      expected: expectation("wigan", {
        "patricia.lunt@wigan.example": "FULL",
        "rebecca.shaw@wigan.example": "FULL",
      }),
    });
  }

  // WIG: a Conservative group briefing (WIG-B7, DEF-B6): the group and the Director it goes to; the Monitoring
  // Officer metadata only; no other party, not the Chief Executive.
  for (const [key, leader, group, service, director] of [
    [
      "wig-brief-con",
      "gordon.fairclough@wigan.example",
      "Conservative Group",
      "Place",
      "rebecca.shaw@wigan.example",
    ],
    [
      "wig-brief-ind",
      "tony.birchall@wigan.example",
      "Independent Network",
      "Children's Services",
      "anil.kapoor@wigan.example",
    ],
  ] as const) {
    const t = tokens(key.replace(/-/g, ""));
    const r = await fileBriefingRequest(
      await viewerFor(leader),
      {
        kind: "GROUP",
        groupIds: [await groupId("wigan", group)],
        subjectKey: `matrix-${t.subjectToken}`,
        subject: `Budget options ${t.subjectToken}`,
        councilBusiness: `Cabinet budget ${t.detailsToken}`,
        committeeId: null,
        serviceId: await serviceId("wigan", service),
        meetingDate,
        onePartyMeeting: true,
        item: `Budget item ${t.detailsToken}`,
        majorIssue: "The budget gap",
      },
      { now },
    );
    const members: Record<string, Level> =
      group === "Conservative Group"
        ? { "gordon.fairclough@wigan.example": "FULL", "elaine.marsden@wigan.example": "FULL" }
        : { "tony.birchall@wigan.example": "FULL", "naomi.ward@wigan.example": "FULL" };
    records.push({
      key,
      council: "wigan",
      id: r.id,
      reference: r.reference,
      ...t,
      attachmentId: null,
      expected: expectation("wigan", {
        ...members,
        [director]: "FULL",
        "martin.greaves@wigan.example": "METADATA",
      }),
    });
  }

  // WIG: a complaint about the Chief Executive goes to the Leader (WIG-C3, DEF-C6): the Chief Executive sees nothing.
  {
    const t = tokens("wigcomplaint");
    const r = await fileComplaintCase(
      await viewerFor("naomi.ward@wigan.example"),
      {
        subjectUserId: await userId("alison.kerr@wigan.example"),
        summary: `Conduct at a meeting ${t.subjectToken}`,
        details: `What happened: ${t.detailsToken}`,
        codeOfConduct: false,
        grievance: false,
      },
      { now },
    );
    records.push({
      key: "wig-complaint-ce",
      council: "wigan",
      id: r.id,
      reference: r.reference,
      ...t,
      attachmentId: null,
      expected: expectation("wigan", {
        "naomi.ward@wigan.example": "FULL",
        "keith.ormerod@wigan.example": "FULL",
      }),
    });
  }

  // CWC: two groups' briefings to the shared CE / DCE / COO queue (CWC-B3, CWC-B6).
  for (const [key, leader, group, members] of [
    [
      "cwc-brief-lab",
      "louise.barraclough@cheshire-west.example",
      "Labour Group",
      ["louise.barraclough@cheshire-west.example", "yasmin.clarke@cheshire-west.example"],
    ],
    [
      "cwc-brief-con",
      "adrian.penhale@cheshire-west.example",
      "Conservative Group",
      ["adrian.penhale@cheshire-west.example", "simon.greatorex@cheshire-west.example"],
    ],
  ] as const) {
    const t = tokens(key.replace(/-/g, ""));
    const r = await fileBriefingRequest(
      await viewerFor(leader),
      {
        kind: "GROUP",
        groupIds: [await groupId("cheshire-west", group)],
        subjectKey: `matrix-${t.subjectToken}`,
        subject: `Local Plan ${t.subjectToken}`,
        councilBusiness: `Cabinet decision ${t.detailsToken}`,
        committeeId: null,
        serviceId: await serviceId("cheshire-west", "Place Operations"),
        meetingDate,
        onePartyMeeting: false,
      },
      { now },
    );
    records.push({
      key,
      council: "cheshire-west",
      id: r.id,
      reference: r.reference,
      ...t,
      attachmentId: null,
      expected: expectation("cheshire-west", {
        ...Object.fromEntries(members.map((m) => [m, "FULL" as Level])),
        "victor.hale@cheshire-west.example": "FULL",
        "sunita.rao@cheshire-west.example": "FULL",
        "ruth.calloway@cheshire-west.example": "METADATA",
      }),
    });
  }

  // CWC: an individual member's information request (CWC-A13): requester and the deciding Chief Officer only.
  {
    const t = tokens("cwcinfo");
    const service = await db().service.findFirstOrThrow({
      where: { name: "Place Operations", council: { slug: "cheshire-west" } },
      select: { id: true, chiefOfficer: { select: { email: true } } },
    });
    const r = await fileInformationRequest(
      await viewerFor("yasmin.clarke@cheshire-west.example"),
      info(`Bus lanes ${t.subjectToken}`, `Please send ${t.detailsToken}.`, service.id, "For my ward casework."),
      { now },
    );
    records.push({
      key: "cwc-info",
      council: "cheshire-west",
      id: r.id,
      reference: r.reference,
      ...t,
      attachmentId: null,
      expected: expectation("cheshire-west", {
        "yasmin.clarke@cheshire-west.example": "FULL",
        // CWC-A3: the governance team advises the deciding Chief Officer, and must before any refusal (DEF-A10).
        "ruth.calloway@cheshire-west.example": "FULL",
        ...(service.chiefOfficer ? { [service.chiefOfficer.email]: "FULL" as Level } : {}),
      }),
    });
  }

  // WIG: a draft report by the Director for Place, shared for preliminary consideration with the Labour Group only
  // (WIG-E6) and listed for a Planning Committee meeting whose agenda is not published: the author, the Labour
  // Group's members and the officers who run meetings; nobody else (another group's draft is not found).
  {
    const t = tokens("wigreport");
    const shaw = await viewerFor("rebecca.shaw@wigan.example");
    const planning = await db().committee.findFirstOrThrow({
      where: { name: "Planning Committee", council: { slug: "wigan" } },
    });
    const filed = await startReport(
      shaw,
      {
        title: `Local plan review ${t.subjectToken}`,
        summary: `Options for the review, ${t.detailsToken}.`,
        recommendations: "1. Consult on option B.",
        serviceId: await serviceId("wigan", "Place"),
        committeeId: planning.id,
        affectedServiceIds: [],
        portfolioMemberId: null,
        callId: null,
      },
      { now },
    );
    await shareDraft(shaw, filed.id, { groupId: await groupId("wigan", "Labour Group"), userId: null });
    const meeting = await db().meeting.findFirstOrThrow({
      where: { committeeId: planning.id, publishedAt: null },
      orderBy: { date: "desc" },
    });
    await listForMeeting(shaw, filed.id, meeting.id);
    records.push({
      key: "wig-report-draft",
      council: "wigan",
      id: filed.id,
      reference: filed.reference,
      ...t,
      attachmentId: null,
      meetingId: meeting.id,
      expected: expectation("wigan", {
        "rebecca.shaw@wigan.example": "FULL",
        "patricia.lunt@wigan.example": "FULL",
        "joan.pilling@wigan.example": "FULL",
        "keith.ormerod@wigan.example": "FULL",
        "paul.hindley@wigan.example": "FULL",
      }),
    });
  }

  // WIG: an officer's relationship disclosure (WIG-E1): the discloser and the Chief Executive only — not the member
  // named (until the Chief Executive grants it), not their Group Leader (until consulted), nobody else.
  {
    const t = tokens("wigdisclosure");
    const chloe = await viewerFor("chloe.unsworth@wigan.example");
    const filed = await fileDisclosure(
      chloe,
      {
        otherPartyId: await userId("patricia.lunt@wigan.example"),
        relationship: `A close friendship ${t.subjectToken} ${t.detailsToken}`,
      },
      { now },
    );
    const row = await db().request.findUniqueOrThrow({ where: { id: filed.id }, select: { subject: true } });
    await db().request.update({
      where: { id: filed.id },
      data: { subject: `${row.subject} ${t.subjectToken}`, details: `Disclosed: ${t.detailsToken}` },
    });
    records.push({
      key: "wig-disclosure",
      council: "wigan",
      id: filed.id,
      reference: filed.reference,
      ...t,
      attachmentId: null,
      expected: expectation("wigan", {
        "chloe.unsworth@wigan.example": "FULL",
        "alison.kerr@wigan.example": "FULL",
      }),
    });
  }

  // CWC: a Labour councillor's letter to the Director of Governance (CWC-E1): the writer and the recipient; a copy
  // to a Conservative member waits for the writer's consent, so that member does not see it yet.
  {
    const t = tokens("cwcletter");
    const yasmin = await viewerFor("yasmin.clarke@cheshire-west.example");
    const filed = await recordCorrespondence(yasmin, {
      fromId: yasmin.id,
      toId: await userId("ruth.calloway@cheshire-west.example"),
      medium: "LETTER",
      subject: `Planning enforcement ${t.subjectToken}`,
      body: `Please look into ${t.detailsToken}.`,
      sentOn: now.toISOString().slice(0, 10),
      confidential: false,
      aboutOwnEmployment: false,
      individualMatter: false,
      concernedMemberId: null,
      sharingAgreed: false,
    });
    await copyCorrespondence(await viewerFor("ruth.calloway@cheshire-west.example"), filed.id, {
      recipientIds: [await userId("simon.greatorex@cheshire-west.example")],
      allMembers: false,
      reasons: "For information",
      hiddenRequested: false,
      confirmed: true,
    });
    records.push({
      key: "cwc-correspondence",
      council: "cheshire-west",
      id: filed.id,
      reference: filed.reference,
      ...t,
      attachmentId: null,
      expected: expectation("cheshire-west", {
        "yasmin.clarke@cheshire-west.example": "FULL",
        "ruth.calloway@cheshire-west.example": "FULL",
      }),
    });
  }

  // CWC: a representation made to the Labour Group (CWC is silent on representations): the member who logged it and
  // that group only.
  {
    const t = tokens("cwcrep");
    const yasmin = await viewerFor("yasmin.clarke@cheshire-west.example");
    const out = await handleLogRepresentation(
      yasmin,
      {
        madeBy: "ME",
        matter: `Bus station ${t.subjectToken}`,
        text: `Residents ask ${t.detailsToken}.`,
        recipient: "GROUP",
        groupId: await groupId("cheshire-west", "Labour Group"),
      },
      now,
    );
    if (!("done" in out)) throw new Error(`representation: ${JSON.stringify(out.errors)}`);
    const row = await db().request.findUniqueOrThrow({ where: { id: out.id }, select: { reference: true } });
    records.push({
      key: "cwc-representation-group",
      council: "cheshire-west",
      id: out.id,
      reference: row.reference,
      ...t,
      attachmentId: null,
      expected: expectation("cheshire-west", {
        "yasmin.clarke@cheshire-west.example": "FULL",
        "louise.barraclough@cheshire-west.example": "FULL",
      }),
    });
  }

  // WIG: a member's call for a report to the Economy and Place Scrutiny Panel (WIG-E7): the member, the Chief Officer
  // it goes to, the panel's Chair (the same member here) and democratic services.
  {
    const t = tokens("wigcall");
    const joan = await viewerFor("joan.pilling@wigan.example");
    const panel = await db().committee.findFirstOrThrow({
      where: { name: "Economy and Place Scrutiny Panel", council: { slug: "wigan" } },
    });
    const out = await handleCallForReport(
      joan,
      {
        committeeId: panel.id,
        serviceId: await serviceId("wigan", "Place"),
        matter: `Bus services ${t.subjectToken}`,
        details: `Reliability of ${t.detailsToken}.`,
        termsConfirmed: "yes",
      },
      now,
    );
    if (!("done" in out)) throw new Error(`call for a report: ${JSON.stringify(out.errors)}`);
    const row = await db().request.findUniqueOrThrow({ where: { id: out.id }, select: { reference: true } });
    records.push({
      key: "wig-call-for-report",
      council: "wigan",
      id: out.id,
      reference: row.reference,
      ...t,
      attachmentId: null,
      expected: expectation("wigan", {
        "joan.pilling@wigan.example": "FULL",
        "rebecca.shaw@wigan.example": "FULL",
        "paul.hindley@wigan.example": "FULL",
      }),
    });
  }

  // Who holds each record, for the administrators' pages that list a person's open work (issue 15).
  const holders = new Map(
    (
      await db().request.findMany({
        where: { id: { in: records.map((r) => r.id) } },
        select: { id: true, deciderId: true },
      })
    ).map((r) => [r.id, r.deciderId]),
  );
  for (const r of records) r.holderId = holders.get(r.id) ?? null;

  // The demo accounts' unread counts stay as the other journeys expect: these notifications are already read.
  await db().notification.updateMany({
    where: { requestId: { in: records.map((r) => r.id) }, readAt: null },
    data: { readAt: now },
  });
  return { records, viewers: MATRIX_VIEWERS.map((v) => ({ ...v })) };
}
