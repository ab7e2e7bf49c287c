// Briefings, complaints and the town council on real PostgreSQL, through the service functions.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actOnBriefing, fileBriefingRequest } from "@/lib/requests/briefings";
import { actOnComplaint, fileComplaintCase } from "@/lib/requests/complaints";
import {
  actOnAgendaItem,
  decideAssistanceRequest,
  decideCodeBreach,
  fileAgendaItem,
  fileAssistanceRequest,
  reportSuspectedCodeBreach,
} from "@/lib/requests/town-council";
import { visibleTo } from "@/lib/requests/visibility";
import type { BriefingSubmission } from "@/lib/workflow/briefing";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const canSee = async (email: string, id: string) =>
  (await prisma.request.count({ where: { id, ...visibleTo(await viewerByEmail(prisma, email)) } })) === 1;
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const groupId = async (council: string, name: string) =>
  (await prisma.partyGroup.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const serviceId = async (council: string, name: string) =>
  (await prisma.service.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;

describe("party-group briefings (CWC)", () => {
  const brief = async (o: Partial<BriefingSubmission> & { groupIds: string[] }): Promise<BriefingSubmission> => ({
    kind: "GROUP",
    subjectKey: `local-plan-${Date.now()}`,
    subject: "Local Plan Regulation 19",
    councilBusiness: "Cabinet decision on the Local Plan",
    committeeId: null,
    serviceId: await serviceId("cheshire-west", "Place Operations"),
    meetingDate: "2026-12-14",
    onePartyMeeting: false,
    ...o,
  });

  it("CWC-B2, CWC-B3: a backbencher is refused; a Group Leader's request reaches the shared CE / DCE / COO queue", async () => {
    const backbencher = await viewerByEmail(prisma, "simon.greatorex@cheshire-west.example");
    const con = await groupId("cheshire-west", "Conservative Group");
    const e = await errorOf(fileBriefingRequest(backbencher, await brief({ groupIds: [con] }), { now: NOW }));
    expect(e.ruleId).toBe("CWC-B2");
    const leader = await viewerByEmail(prisma, "adrian.penhale@cheshire-west.example");
    const filed = await fileBriefingRequest(leader, await brief({ groupIds: [con] }), { now: NOW });
    for (const email of [
      "victor.hale@cheshire-west.example",
      "sunita.rao@cheshire-west.example",
      "tom.ferris@cheshire-west.example",
    ])
      expect(await canSee(email, filed.id), email).toBe(true);
  });

  it("CWC-B5 and CWC-B6: having accepted Labour's request, the CE cannot decline the Conservatives' on the same subject; neither group sees the other's", async () => {
    const key = `budget-${Date.now()}`;
    const lab = await groupId("cheshire-west", "Labour Group");
    const con = await groupId("cheshire-west", "Conservative Group");
    const labour = await fileBriefingRequest(
      await viewerByEmail(prisma, "louise.barraclough@cheshire-west.example"),
      await brief({ groupIds: [lab], subjectKey: key }),
      { now: NOW },
    );
    const tory = await fileBriefingRequest(
      await viewerByEmail(prisma, "adrian.penhale@cheshire-west.example"),
      await brief({ groupIds: [con], subjectKey: key }),
      { now: NOW },
    );
    const ce = await viewerByEmail(prisma, "victor.hale@cheshire-west.example");
    await actOnBriefing(ce, labour.id, { type: "ACCEPT" }, NOW);
    const e = await errorOf(
      actOnBriefing(ce, tory.id, { type: "DECLINE", ground: "OTHER", reasons: "No time" }, NOW),
    );
    expect(e.ruleId).toBe("CWC-B5");
    expect(e.message).not.toMatch(/Labour/);
    // Confidential between groups: Labour's content is not found for a Conservative member, and vice versa.
    expect(await canSee("simon.greatorex@cheshire-west.example", labour.id)).toBe(false);
    expect(await canSee("yasmin.clarke@cheshire-west.example", labour.id)).toBe(true);
    expect(await canSee("yasmin.clarke@cheshire-west.example", tory.id)).toBe(false);
    // Once the CE accepts it, the Deputy CE's shared queue no longer offers it (CWC-B3 records who took it).
    expect(
      await errorOf(
        actOnBriefing(
          await viewerByEmail(prisma, "sunita.rao@cheshire-west.example"),
          labour.id,
          { type: "ACCEPT" },
          NOW,
        ),
      ),
    ).toMatchObject({ code: "FORBIDDEN_BY_RULE" });
  });

  it("CWC-B1, CWC-B4: officers are invited and accept in person; a tier-6 officer needs reasons", async () => {
    const lab = await groupId("cheshire-west", "Labour Group");
    const req = await fileBriefingRequest(
      await viewerByEmail(prisma, "louise.barraclough@cheshire-west.example"),
      await brief({ groupIds: [lab] }),
      { now: NOW },
    );
    const coo = await viewerByEmail(prisma, "tom.ferris@cheshire-west.example");
    await actOnBriefing(coo, req.id, { type: "ACCEPT" }, NOW);
    const planner = await userId("amy.thornton@cheshire-west.example");
    expect((await errorOf(actOnBriefing(coo, req.id, { type: "INVITE", officerId: planner }, NOW))).ruleId).toBe(
      "CWC-B4",
    );
    const head = await userId("kieran.walsh@cheshire-west.example");
    await actOnBriefing(coo, req.id, { type: "INVITE", officerId: head }, NOW);
    expect(
      (await prisma.attendee.findFirstOrThrow({ where: { requestId: req.id, officerId: head } })).status,
    ).toBe("INVITED");
    expect(
      (await errorOf(actOnBriefing(coo, req.id, { type: "SET_ATTENDING", officerId: head }, NOW))).ruleId,
    ).toBe("CWC-B1");
    await actOnBriefing(
      await viewerByEmail(prisma, "kieran.walsh@cheshire-west.example"),
      req.id,
      { type: "ATTENDEE_ANSWER", accept: true },
      NOW,
    );
    expect(
      (await prisma.attendee.findFirstOrThrow({ where: { requestId: req.id, officerId: head } })).status,
    ).toBe("ACCEPTED");
    const done = await errorOf(
      actOnBriefing(coo, req.id, { type: "COMPLETE", minutesSpent: null, leftBeforeDecision: null }, NOW),
    );
    expect(done.ruleId).toBe("CWC-B10");
  });
});

describe("C2007 direct access to the Chief Executive", () => {
  it("C2007-A3 and C2007-A5: a member's request to the Chief Executive is seen by the member and the CE only", async () => {
    const ce = await userId("alistair.penn@ashdown-vale.example");
    const member = await viewerByEmail(prisma, "rowan.ellery@ashdown-vale.example");
    const { fileInformationRequest } = await import("@/lib/requests/information");
    const filed = await fileInformationRequest(
      member,
      {
        kind: "INFORMATION",
        subject: "Procedure for a motion",
        details: "How do I table a motion on housing?",
        serviceId: null,
        addresseeId: ce,
        capacity: "AS_MEMBER",
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
      },
      { now: NOW },
    );
    expect(filed.deciderId).toBe(ce);
    expect(await canSee("alistair.penn@ashdown-vale.example", filed.id)).toBe(true);
    expect(await canSee("saoirse.byrne@ashdown-vale.example", filed.id)).toBe(false);
    expect(await canSee("tamsin.hook@ashdown-vale.example", filed.id)).toBe(false);
  });
});

describe("complaints", () => {
  it("WIG-C3: a complaint about the Chief Executive goes to the Leader, and the Chief Executive cannot find it", async () => {
    const ce = await userId("alison.kerr@wigan.example");
    const filed = await fileComplaintCase(
      await viewerByEmail(prisma, "naomi.ward@wigan.example"),
      {
        subjectUserId: ce,
        summary: "Refused to meet ward members",
        details: "Three requests ignored",
        codeOfConduct: false,
        grievance: false,
      },
      { now: NOW },
    );
    expect(filed.deciderId).toBe(await userId("keith.ormerod@wigan.example"));
    expect(await canSee("alison.kerr@wigan.example", filed.id)).toBe(false);
    const leader = await viewerByEmail(prisma, "keith.ormerod@wigan.example");
    expect(
      (
        await errorOf(
          actOnComplaint(leader, filed.id, { type: "RECORD_OUTCOME", outcome: "CLOSE", reasons: "x" }, NOW),
        )
      ).ruleId,
    ).toBe("WIG-C3");
    await actOnComplaint(
      leader,
      filed.id,
      { type: "RECORD_OUTCOME", outcome: "ROUTINE_LIAISON_SUPERVISION_APPRAISAL", reasons: "Raised at appraisal" },
      NOW,
    );
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("CLOSED");
  });

  it("HAL-C1 to HAL-C3: informal first, then the officer's Chief Officer, then the Chief Executive", async () => {
    const member = await viewerByEmail(prisma, "marcus.okafor@halton.example");
    const officer = await userId("ben.lowry@halton.example");
    const filed = await fileComplaintCase(
      member,
      {
        subjectUserId: officer,
        summary: "Bins not collected after repeated reports",
        details: "Six reports",
        codeOfConduct: false,
        grievance: false,
      },
      { now: NOW },
    );
    expect(filed.deciderId).toBe(officer); // informal stage with the officer concerned
    expect((await errorOf(actOnComplaint(member, filed.id, { type: "ESCALATE" }, NOW))).ruleId).toBe("HAL-C1");
    await actOnComplaint(
      member,
      filed.id,
      { type: "ESCALATE", informalNotResolvedReasons: "The officer did not reply." },
      NOW,
    );
    const co = await viewerByEmail(prisma, "owen.pritchard@halton.example");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id } })).deciderId).toBe(co.id);
    expect(await canSee("gillian.marsh@halton.example", filed.id)).toBe(false);
    await actOnComplaint(
      co,
      filed.id,
      { type: "RECORD_OUTCOME", outcome: "RESOLVED", reasons: "Round rescheduled" },
      NOW,
    );
    await actOnComplaint(member, filed.id, { type: "ESCALATE" }, NOW);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id } })).deciderId).toBe(
      await userId("imogen.sale@halton.example"),
    );
    expect(await canSee("owen.pritchard@halton.example", filed.id)).toBe(true); // past handlers keep access (DEF-C6)
  });

  it("CWC-C5: a complaint about an officer goes only to the Chief Executive; the officer's Director cannot find it", async () => {
    const filed = await fileComplaintCase(
      await viewerByEmail(prisma, "megan.iles@cheshire-west.example"),
      {
        subjectUserId: await userId("amy.thornton@cheshire-west.example"),
        summary: "Rude at a site visit",
        details: "x",
        codeOfConduct: false,
        grievance: false,
      },
      { now: NOW },
    );
    expect(filed.deciderId).toBe(await userId("victor.hale@cheshire-west.example"));
    expect(await canSee("nadia.brook@cheshire-west.example", filed.id)).toBe(false);
  });
});

describe("town council (HTC)", () => {
  it("HTC-D1 to HTC-D4: an assistance request naming an officer reaches only the Clerk until allocated; 'inform all members' lets every member see the summary", async () => {
    const member = await viewerByEmail(prisma, "bridget.fenn@halstead.example");
    const events = await userId("aisha.benton@halstead.example");
    const filed = await fileAssistanceRequest(
      member,
      {
        subject: "Christmas lights switch-on",
        details: "Help with the stall bookings",
        preferredOfficerId: events,
        estimatedHours: 6,
      },
      { now: NOW },
    );
    expect(filed.deciderId).toBe(await userId("margaret.doyle@halstead.example"));
    expect(await canSee("aisha.benton@halstead.example", filed.id)).toBe(false);
    expect(await canSee("rosa.quint@halstead.example", filed.id)).toBe(false);
    const clerk = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    const e = await errorOf(
      decideAssistanceRequest(
        clerk,
        filed.id,
        {
          outcome: "ACCEPT",
          workloadFinding: null,
          workloadNote: "",
          appropriateness: "APPROPRIATE",
          reasons: "",
          informAllMembers: true,
          allocatedOfficerId: events,
        },
        NOW,
      ),
    );
    expect(e.ruleId).toBe("HTC-D2");
    await decideAssistanceRequest(
      clerk,
      filed.id,
      {
        outcome: "ACCEPT",
        workloadFinding: "WITHIN_WORKLOAD",
        workloadNote: "8 of 22 hours used",
        appropriateness: "APPROPRIATE",
        reasons: "",
        informAllMembers: true,
        allocatedOfficerId: events,
      },
      NOW,
    );
    expect(await canSee("aisha.benton@halstead.example", filed.id)).toBe(true);
    expect(await canSee("rosa.quint@halstead.example", filed.id)).toBe(true);
    const members = await prisma.user.count({
      where: { council: { slug: "halstead" }, active: true, roles: { has: "MEMBER" } },
    });
    const told = await prisma.notification.findMany({
      where: { requestId: filed.id, kind: "ALL_MEMBERS_NOTICE" },
      select: { userId: true },
    });
    expect(told).toHaveLength(members - 1); // every member but the requester (DEF-D3 notice)
    expect(told.map((t) => t.userId)).toContain(await userId("rosa.quint@halstead.example"));
  });

  it("HTC-D8 and DEF-D4: an agenda item is listed for the next meeting; the Clerk cannot decline it", async () => {
    const member = await viewerByEmail(prisma, "samuel.tolley@halstead.example");
    const item = await fileAgendaItem(
      member,
      { title: "Skate park", details: "Consider a skate park on the rec" },
      { now: NOW },
    );
    expect(item.meeting?.title).toBe("Full Council");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("LISTED");
    const clerk = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    expect((await errorOf(actOnAgendaItem(clerk, item.id, { type: "DECLINE" }))).ruleId).toBe("DEF-D4");
    expect(await canSee("janet.coker@halstead.example", item.id)).toBe(true);
  });

  it("HTC-D7 and DEF-D6: a suspected Code breach reaches the Monitoring Officer only if the Clerk refers it", async () => {
    const officer = await viewerByEmail(prisma, "dean.parr@halstead.example");
    const report = await reportSuspectedCodeBreach(
      officer,
      {
        memberId: await userId("oliver.pask@halstead.example"),
        awareOn: "2026-11-20",
        facts: "Shouted at grounds staff",
      },
      { now: NOW },
    );
    expect(await canSee("graham.lowther@halstead.example", report.id)).toBe(false);
    expect(await canSee("bridget.fenn@halstead.example", report.id)).toBe(false);
    await decideCodeBreach(
      await viewerByEmail(prisma, "margaret.doyle@halstead.example"),
      report.id,
      { seekAdvice: true, reasons: "Possible breach of the respect provisions" },
      NOW,
    );
    expect(await canSee("graham.lowther@halstead.example", report.id)).toBe(true);
  });
});
