// RULES.md §3.C complaints (matrix 4.3 ladders) and §3.D the town council.
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import {
  checkHandler,
  complaintLadder,
  decideComplaint,
  fileComplaint,
  type ComplaintInput,
  type ComplaintState,
  type Ladder,
} from "@/lib/workflow/complaint";
import {
  allMembersNotice,
  decideAgendaItem,
  decideAssistance,
  decideCodeBreachReferral,
  reallocateStaffWork,
  recordLeadershipMeeting,
  reportCodeBreach,
  submitAgendaItem,
  submitAssistanceRequest,
  type ClerkDecision,
} from "@/lib/workflow/town-council";
import { chiefOfficer, member, officer, refusedWith } from "./fixtures";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const input = (o: Partial<ComplaintInput>): ComplaintInput => ({
  complainant: "MEMBER",
  subject: "OFFICER",
  codeOfConduct: false,
  grievance: false,
  hasLeaderOfCouncil: true,
  ...o,
});
const handlers = (l: Ladder) => l.stages.map((s) => s.handler);
const state = (o: Partial<ComplaintState> = {}): ComplaintState => ({
  stageIndex: 0,
  status: "OPEN",
  complainantId: "m1",
  handlerId: "h",
  outcome: null,
  stageOverdue: false,
  ...o,
});
const ce = officer({ id: "ce", roles: ["OFFICER", "CHIEF_EXECUTIVE"] });

describe("Halton (HAL) — section C", () => {
  const ladder = complaintLadder(HAL, input({}));

  it("HAL-C1: a member's complaint about an officer starts informally and escalates only with reasons", () => {
    expect(ladder.stages[0]).toMatchObject({ key: "INFORMAL", handler: "SUBJECT_OFFICER", ruleId: "HAL-C1" });
    refusedWith(
      decideComplaint(HAL, ladder, state({ handlerId: "o1" }), member(), { type: "ESCALATE" }),
      "HAL-C1",
    );
    const up = decideComplaint(HAL, ladder, state({ handlerId: "o1" }), member(), {
      type: "ESCALATE",
      informalNotResolvedReasons: "Not possible: the officer refuses to meet.",
    });
    expect(up.ok && up.stageIndex).toBe(1);
  });

  it("HAL-C2: the subject officer's Chief Officer handles stage 2 and records RESOLVED or NOT_RESOLVED", () => {
    expect(ladder.stages[1]).toMatchObject({ handler: "SUBJECT_CHIEF_OFFICER", ruleId: "HAL-C2" });
    const co = chiefOfficer({ id: "h" });
    refusedWith(
      decideComplaint(HAL, ladder, state({ stageIndex: 1 }), co, {
        type: "RECORD_OUTCOME",
        outcome: "MAYBE",
        reasons: "x",
      }),
      "HAL-C2",
    );
    expect(
      decideComplaint(HAL, ladder, state({ stageIndex: 1 }), co, {
        type: "RECORD_OUTCOME",
        outcome: "RESOLVED",
        reasons: "Apology given",
      }).ok,
    ).toBe(true);
  });

  it("HAL-C3: the member, not satisfied, escalates to the Chief Executive, whose outcome is final", () => {
    const up = decideComplaint(
      HAL,
      ladder,
      state({ stageIndex: 1, status: "OUTCOME_RECORDED", outcome: "RESOLVED" }),
      member(),
      { type: "ESCALATE" },
    );
    expect(up.ok && [up.stageIndex, up.ruleId]).toEqual([2, "HAL-C3"]);
    refusedWith(
      decideComplaint(HAL, ladder, state({ stageIndex: 2, status: "OUTCOME_RECORDED" }), member(), {
        type: "ESCALATE",
      }),
      "HAL-C3",
    );
  });

  const officerLadder = complaintLadder(HAL, input({ complainant: "OFFICER", subject: "MEMBER" }));
  it("HAL-C4: an officer's complaint about a member goes to the officer's own Chief Officer", () => {
    expect(officerLadder.stages[0]).toMatchObject({ handler: "COMPLAINANT_CHIEF_OFFICER", ruleId: "HAL-C4" });
  });

  it("HAL-C5: the Chief Officer, not the complainant, escalates an unresolved matter", () => {
    const c = state({ complainantId: "o1", handlerId: "co", status: "OUTCOME_RECORDED", outcome: "NOT_RESOLVED" });
    refusedWith(decideComplaint(HAL, officerLadder, c, officer(), { type: "ESCALATE" }), "HAL-C5");
    const up = decideComplaint(HAL, officerLadder, c, chiefOfficer({ id: "co" }), { type: "ESCALATE" });
    expect(up.ok && up.ruleId).toBe("HAL-C5");
  });

  it("HAL-C6: the Chief Executive raises it with the member's Leader and Chief Whip", () => {
    const c = state({ stageIndex: 1, handlerId: "ce" });
    const res = decideComplaint(
      HAL,
      officerLadder,
      c,
      ce,
      { type: "RECORD_OUTCOME", outcome: "RAISE_WITH_PARTY", reasons: "Repeated abuse" },
      { subjectHasGroup: true, subjectHasChiefWhip: true },
    );
    expect(res.ok && [res.ruleId, res.notify]).toEqual(["HAL-C6", ["SUBJECT_GROUP_LEADER", "SUBJECT_CHIEF_WHIP"]]);
  });
});

describe("Cheshire West (CWC) — section C", () => {
  it("CWC-C1: a complaint about a member goes to the Chief Executive or the Director of Governance, as the complainant chooses", () => {
    expect(handlers(complaintLadder(CWC, input({ complainant: "OFFICER", subject: "MEMBER" })))).toEqual([
      "CE_OR_DIRECTOR_OF_GOVERNANCE",
    ]);
  });

  it("CWC-C2: party discipline is referred to the party with reasons", () => {
    const l = complaintLadder(CWC, input({ subject: "MEMBER" }));
    const res = decideComplaint(CWC, l, state({ handlerId: "ce" }), ce, {
      type: "CLASSIFY_PARTY_DISCIPLINE",
      reasons: "Voted against the whip",
    });
    expect(res.ok && [res.status, res.ruleId, res.notify[0]]).toEqual([
      "REFERRED_TO_PARTY",
      "CWC-C2",
      "SUBJECT_GROUP_LEADER",
    ]);
    refusedWith(
      decideComplaint(CWC, l, state({ handlerId: "ce" }), ce, { type: "CLASSIFY_PARTY_DISCIPLINE", reasons: "" }),
      "CWC-C2",
    );
  });

  it("CWC-C3: the investigator must be the Chief Executive, the Director of Governance or someone they authorised", () => {
    const l = complaintLadder(CWC, input({ subject: "MEMBER" }));
    const director = { id: "dir", roles: ["OFFICER", "CHIEF_OFFICER"] };
    refusedWith(
      decideComplaint(CWC, l, state({ handlerId: "ce" }), ce, {
        type: "SET_INVESTIGATOR",
        investigator: director,
        authorisedIds: [],
      }),
      "CWC-C3",
    );
    expect(
      decideComplaint(CWC, l, state({ handlerId: "ce" }), ce, {
        type: "SET_INVESTIGATOR",
        investigator: director,
        authorisedIds: ["dir"],
      }).ok,
    ).toBe(true);
  });

  it("CWC-C4: a Code of Conduct complaint goes to the Monitoring Officer with a written statement and the provision", () => {
    const l = complaintLadder(CWC, input({ subject: "MEMBER", codeOfConduct: true }));
    expect([l.ruleId, handlers(l)]).toEqual(["CWC-C4", ["MONITORING_OFFICER"]]);
    refusedWith(fileComplaint(CWC, l, { summary: "Disclosed confidential information" }), "CWC-C4");
    refusedWith(fileComplaint(CWC, l, { summary: "x", statementOfFacts: "On 3 May…" }), "CWC-C4");
    expect(
      fileComplaint(CWC, l, {
        summary: "x",
        statementOfFacts: "On 3 May…",
        codeProvision: "Paragraph 4 (confidentiality)",
      }).ok,
    ).toBe(true);
  });

  it("CWC-C5: officer conduct goes to the Chief Executive only, who may nominate", () => {
    const l = complaintLadder(CWC, input({ subject: "OFFICER" }));
    expect(handlers(l)).toEqual(["CHIEF_EXECUTIVE"]);
    expect(
      decideComplaint(CWC, l, state({ handlerId: "ce" }), ce, { type: "NOMINATE", nomineeId: "dir" }).ok,
    ).toBe(true);
    refusedWith(
      decideComplaint(CWC, l, state({ handlerId: "ce" }), chiefOfficer(), { type: "NOMINATE", nomineeId: "dir" }),
      "CWC-C5",
    );
  });
});

describe("Unnamed council 2007 (C2007) — section C", () => {
  it("C2007-C1: bullying and the like mark a complaint SERIOUS", () => {
    const l = complaintLadder(C2007, input({ complainant: "OFFICER", subject: "MEMBER" }));
    const res = fileComplaint(C2007, complaintLadder(C2007, input({})), {
      summary: "Shouted at me",
      category: "BULLYING",
    });
    expect(res.ok && res.serious).toBe(true);
    // An officer's complaint about a member has no C2007 ladder: DEF-C9 routes it via the Head of Service.
    expect(handlers(l)).toEqual(["COMPLAINANT_CHIEF_OFFICER", "CHIEF_EXECUTIVE"]);
  });

  it("C2007-C2: the complaint start page shows the no-media guidance", () => {
    const res = fileComplaint(C2007, complaintLadder(C2007, input({})), { summary: "x" });
    expect(res.ok && res.guidance[0]?.ruleId).toBe("C2007-C2");
  });
});

describe("Wigan (WIG) — section C", () => {
  it("WIG-C1: a complaint about a junior officer goes to the Director of that officer's department", () => {
    expect(complaintLadder(WIG, input({})).stages[0]).toMatchObject({
      handler: "SUBJECT_CHIEF_OFFICER",
      ruleId: "WIG-C1",
    });
  });

  it("WIG-C2: a complaint about a Chief Officer goes to the Chief Executive, never to that Chief Officer", () => {
    const l = complaintLadder(WIG, input({ subject: "CHIEF_OFFICER" }));
    expect(handlers(l)).toEqual(["CHIEF_EXECUTIVE"]);
    refusedWith(checkHandler(complaintLadder(WIG, input({})), 0, "dir-place", "dir-place"), "WIG-C2");
  });

  it("WIG-C3: a complaint about the Chief Executive goes to the Leader, who must choose one of two outcomes", () => {
    const l = complaintLadder(WIG, input({ subject: "CHIEF_EXECUTIVE" }));
    expect(handlers(l)).toEqual(["LEADER_OF_COUNCIL"]);
    const leaderOfCouncil = member({ id: "leader", roles: ["MEMBER", "LEADER_OF_COUNCIL"] });
    refusedWith(
      decideComplaint(WIG, l, state({ handlerId: "leader" }), leaderOfCouncil, {
        type: "RECORD_OUTCOME",
        outcome: "CLOSE",
        reasons: "x",
      }),
      "WIG-C3",
    );
    expect(
      decideComplaint(WIG, l, state({ handlerId: "leader" }), leaderOfCouncil, {
        type: "RECORD_OUTCOME",
        outcome: "ROUTINE_LIAISON_SUPERVISION_APPRAISAL",
        reasons: "Appraisal",
      }).ok,
    ).toBe(true);
  });

  it("WIG-C4: an officer's criticism of a member: the Chief Officer approaches the member's Group Leader", () => {
    const l = complaintLadder(WIG, input({ complainant: "OFFICER", subject: "MEMBER" }));
    const res = decideComplaint(WIG, l, state({ handlerId: "co" }), chiefOfficer({ id: "co" }), {
      type: "RECORD_OUTCOME",
      outcome: "APPROACH_GROUP_LEADER",
      reasons: "Raised with the Group Leader",
    });
    expect(res.ok && res.notify).toEqual(["SUBJECT_GROUP_LEADER"]);
  });
});

describe("Halstead Town Council (HTC) — sections C and D", () => {
  const clerk = officer({ id: "clerk", roles: ["OFFICER", "TOWN_CLERK"] });
  const decision = (o: Partial<ClerkDecision> = {}): ClerkDecision => ({
    outcome: "ACCEPT",
    workloadFinding: "WITHIN_WORKLOAD",
    workloadNote: "12 of 30 hours used",
    appropriateness: "APPROPRIATE",
    reasons: "",
    informAllMembers: false,
    allocatedOfficerId: "events",
    ...o,
  });

  it("HTC-C1: members' concerns about issues or staff go to the Clerk", () => {
    expect(handlers(complaintLadder(HTC, input({})))).toEqual(["TOWN_CLERK"]);
  });

  it("HTC-C2: an officer's grievance is not a member complaint; a member's grievance goes to the Monitoring Officer", () => {
    const staff = complaintLadder(HTC, input({ complainant: "OFFICER", grievance: true }));
    expect(staff.kind).toBe("GRIEVANCE_PROCEDURE");
    refusedWith(fileComplaint(HTC, staff, { summary: "How I was treated" }), "HTC-C2");
    expect(handlers(complaintLadder(HTC, input({ grievance: true })))).toEqual(["MONITORING_OFFICER"]);
  });

  it("HTC-D1: an assistance request naming an officer goes to the Clerk", () => {
    const res = submitAssistanceRequest(
      HTC,
      member(),
      {
        subject: "Christmas lights",
        details: "Help with the switch-on",
        preferredOfficerId: "events",
        estimatedHours: 6,
      },
      "clerk",
    );
    expect(res.ok && [res.handlerId, res.ruleId]).toEqual(["clerk", "HTC-D1"]);
    refusedWith(
      submitAssistanceRequest(
        WIG,
        member(),
        { subject: "x", details: "y", preferredOfficerId: null, estimatedHours: null },
        null,
      ),
      "HTC-D1",
    );
  });

  it("HTC-D2: the Clerk's workload finding is required", () => {
    refusedWith(decideAssistance(HTC, clerk, "SUBMITTED", decision({ workloadFinding: null })), "HTC-D2");
  });

  it("HTC-D3: NOT_APPROPRIATE needs reasons and cannot be accepted", () => {
    refusedWith(
      decideAssistance(
        HTC,
        clerk,
        "SUBMITTED",
        decision({ appropriateness: "NOT_APPROPRIATE", outcome: "DECLINE" }),
      ),
      "HTC-D3",
    );
    refusedWith(
      decideAssistance(
        HTC,
        clerk,
        "SUBMITTED",
        decision({ appropriateness: "NOT_APPROPRIATE", reasons: "Party work" }),
      ),
      "HTC-D3",
    );
    expect(
      decideAssistance(
        HTC,
        clerk,
        "SUBMITTED",
        decision({ appropriateness: "NOT_APPROPRIATE", outcome: "DECLINE", reasons: "Party campaign work" }),
      ).ok,
    ).toBe(true);
  });

  it("HTC-D4: an explicit yes or no on telling all members", () => {
    refusedWith(decideAssistance(HTC, clerk, "SUBMITTED", decision({ informAllMembers: null })), "HTC-D4");
    const yes = decideAssistance(HTC, clerk, "SUBMITTED", decision({ informAllMembers: true }));
    expect(yes.ok && yes.notifyAllMembers).toBe(true);
  });

  it("HTC-D5: only the Clerk allocates or reallocates staff work", () => {
    refusedWith(reallocateStaffWork(member()), "HTC-D5");
    refusedWith(
      decideAssistance(HTC, member({ roles: ["MEMBER", "COUNCIL_CHAIR"] }), "SUBMITTED", decision()),
      "HTC-D5",
    );
    expect(reallocateStaffWork(clerk).ok).toBe(true);
  });

  it("HTC-D6: the Chairman uses the same gate with no priority bypass", () => {
    const chairman = member({ id: "chair", roles: ["MEMBER", "COUNCIL_CHAIR"] });
    refusedWith(
      submitAssistanceRequest(
        HTC,
        chairman,
        { subject: "x", details: "y", preferredOfficerId: "finance", estimatedHours: 2, urgent: true },
        "clerk",
      ),
      "HTC-D6",
    );
    const res = submitAssistanceRequest(
      HTC,
      chairman,
      { subject: "x", details: "y", preferredOfficerId: "finance", estimatedHours: 2 },
      "clerk",
    );
    expect(res.ok && [res.handlerId, res.ruleId]).toEqual(["clerk", "HTC-D6"]);
  });

  it("HTC-D7: a suspected Code breach goes to the Clerk, who decides on referral with reasons", () => {
    refusedWith(
      reportCodeBreach(officer(), { memberId: "m", awareOn: "2026-12-01", facts: "x" }, "2026-11-23"),
      "HTC-D7",
    );
    expect(
      reportCodeBreach(officer(), { memberId: "m", awareOn: "2026-11-20", facts: "Abusive email" }, "2026-11-23")
        .ok,
    ).toBe(true);
    refusedWith(decideCodeBreachReferral(clerk, { seekAdvice: true, reasons: "" }), "HTC-D7");
    const yes = decideCodeBreachReferral(clerk, { seekAdvice: true, reasons: "Possible breach of respect" });
    expect(yes.ok && yes.referToMonitoringOfficer).toBe(true);
    expect(handlers(complaintLadder(HTC, input({ complainant: "OFFICER", subject: "MEMBER" })))).toEqual([
      "TOWN_CLERK",
    ]);
  });

  it("HTC-D8: any member submits an agenda item, listed for the next meeting with no workload step", () => {
    const res = submitAgendaItem(
      HTC,
      member({ groupId: "libdem" }),
      { title: "Skate park", details: "Consider a new skate park" },
      "meeting-dec",
    );
    expect(res.ok && [res.meetingId, res.to, res.ruleId]).toEqual(["meeting-dec", "LISTED", "HTC-D8"]);
  });

  it("HTC-D9: a Leadership Team meeting cannot decide anything", () => {
    refusedWith(recordLeadershipMeeting(clerk, { notes: "Budget", decisions: [{ accept: "req-1" }] }), "HTC-D9");
    refusedWith(decideAssistance(HTC, clerk, "SUBMITTED", decision({ leadershipMeetingId: "ltm-1" })), "HTC-D9");
    expect(recordLeadershipMeeting(clerk, { notes: "Preliminary look at the budget" }).ok).toBe(true);
    expect(allMembersNotice("Cllr Fenn", "Christmas lights", "ACCEPTED")).toBe(
      "Cllr Fenn asked for officer help with “Christmas lights”. The Town Clerk has accepted the request.",
    );
    expect(
      decideAgendaItem(
        clerk,
        { proposerId: "m1", state: "LISTED" },
        { type: "ADD_ADVICE", advice: "Needs a costed proposal" },
      ).ok,
    ).toBe(true);
  });
});
