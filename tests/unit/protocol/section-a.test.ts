// RULES.md §3.A — information requests and access to documents, one test (at least) per rule ID.
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import { decideInformation, submitInformationRequest } from "@/lib/workflow/information";
import {
  checkAdvisoryNote,
  checkSignificantDevelopment,
  checkWardNotice,
  editContactOfficers,
} from "@/lib/workflow/notices";
import { decideShare, markPublic } from "@/lib/workflow/sharing";
import { chiefOfficer, infoCtx, infoRequest, leader, member, officer, submission, refusedWith } from "./fixtures";

const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");
const HAL = getProfile("HAL");
const co = chiefOfficer();

describe("Cheshire West (CWC) — section A", () => {
  it("CWC-A1: grounds are required; with grounds the request is routed", () => {
    refusedWith(
      submitInformationRequest(CWC, member(), submission({ needToKnowGrounds: "  " }), infoCtx),
      "CWC-A1",
    );
    const ok = submitInformationRequest(
      CWC,
      member(),
      submission({ needToKnowGrounds: "Ward casework on empty homes" }),
      infoCtx,
    );
    expect(ok.ok && ok.routing.deciderId).toBe("co-housing");
  });

  it("CWC-A2: roving commission and mere curiosity are refusal grounds, each with reasons", () => {
    expect(CWC.information.refusalGrounds.value).toEqual(
      expect.arrayContaining(["ROVING_COMMISSION", "MERE_CURIOSITY", "OTHER"]),
    );
    const r = infoRequest({ governanceAdviceRecorded: true });
    const res = decideInformation(CWC, r, co, {
      type: "REFUSE",
      ground: "ROVING_COMMISSION",
      reasons: "Asks for every Planning file for 2023.",
    });
    expect(res.ok && res.to).toBe("REFUSED");
    expect(res.ok && res.ruleId).toBe("CWC-A2");
  });

  it("CWC-A3: only the holding department's Chief Officer decides, and not before governance advice", () => {
    const r = infoRequest();
    refusedWith(
      decideInformation(CWC, r, chiefOfficer({ id: "co-finance", serviceId: "finance" }), {
        type: "GRANT",
        reply: "Here it is",
      }),
      "CWC-A3",
    );
    refusedWith(
      decideInformation(CWC, r, co, { type: "REFUSE", ground: "MERE_CURIOSITY", reasons: "Curiosity only." }),
      "DEF-A10",
    );
    const gov = decideInformation(CWC, r, officer({ id: "dog", roles: ["OFFICER", "DIRECTOR_OF_GOVERNANCE"] }), {
      type: "RECORD_GOVERNANCE_ADVICE",
      advice: "Refusal is lawful.",
    });
    expect(gov.ok).toBe(true);
  });

  it("CWC-A4: only the requester asks for review, only after refusal, and the Director of Governance (not the decider) decides it", () => {
    const refused = infoRequest({ state: "REFUSED" });
    refusedWith(
      decideInformation(CWC, refused, member({ id: "m2" }), { type: "REQUEST_REVIEW", reasons: "x" }),
      "CWC-A4",
    );
    refusedWith(
      decideInformation(CWC, infoRequest(), member(), { type: "REQUEST_REVIEW", reasons: "x" }),
      "CWC-A4",
    );
    const asked = decideInformation(CWC, refused, member(), {
      type: "REQUEST_REVIEW",
      reasons: "I need it for scrutiny",
    });
    expect(asked.ok && asked.reviewRoute).toBe("DIRECTOR_OF_GOVERNANCE");
    const review = infoRequest({ state: "UNDER_REVIEW", reviewerId: "dog" });
    refusedWith(decideInformation(CWC, review, co, { type: "OVERTURN", reasons: "x" }), "CWC-A4");
    const overturned = decideInformation(CWC, review, officer({ id: "dog", roles: ["DIRECTOR_OF_GOVERNANCE"] }), {
      type: "OVERTURN",
      reasons: "Need shown.",
    });
    expect(overturned.ok && overturned.to).toBe("TO_BE_SUPPLIED");
    expect(overturned.ok && overturned.notify).toEqual(["REQUESTERS", "DECIDER"]);
  });

  it("CWC-A5: a committee member asking about their committee's business needs no grounds", () => {
    const m = member({ committeeIds: ["licensing"] });
    const res = submitInformationRequest(
      CWC,
      m,
      submission({ presumedCommitteeId: "licensing", needToKnowGrounds: "" }),
      infoCtx,
    );
    expect(res.ok && res.routing.needPresumed).toBe(true);
    refusedWith(
      submitInformationRequest(CWC, m, submission({ presumedCommitteeId: "planning-committee" }), infoCtx),
      "CWC-A5",
    );
    // A refusal of a presumed request still needs reasons.
    refusedWith(
      decideInformation(CWC, infoRequest({ needPresumed: true, governanceAdviceRecorded: true }), co, {
        type: "REFUSE",
        ground: "OTHER",
        reasons: "",
      }),
      "DEF-A2",
    );
  });

  it("CWC-A6: third parties' personal data needs a specific justification, even when need is presumed; the Chief Officer can pause for it", () => {
    const m = member({ committeeIds: ["licensing"] });
    refusedWith(
      submitInformationRequest(
        CWC,
        m,
        submission({ presumedCommitteeId: "licensing", thirdPartyData: true }),
        infoCtx,
      ),
      "CWC-A6",
    );
    expect(
      submitInformationRequest(
        CWC,
        m,
        submission({
          presumedCommitteeId: "licensing",
          thirdPartyData: true,
          thirdPartyJustification: "Named licence holders in my committee's case",
        }),
        infoCtx,
      ).ok,
    ).toBe(true);
    const paused = decideInformation(CWC, infoRequest(), co, { type: "REQUEST_JUSTIFICATION" });
    expect(paused.ok && [paused.to, paused.pause]).toEqual(["AWAITING_MEMBER", "JUSTIFICATION"]);
  });

  it("CWC-A7: draft Cabinet reports and working papers cannot be requested", () => {
    refusedWith(
      submitInformationRequest(
        CWC,
        member(),
        submission({ category: "DRAFT_CABINET_REPORT", needToKnowGrounds: "x" }),
        infoCtx,
      ),
      "CWC-A7",
    );
    refusedWith(
      submitInformationRequest(
        CWC,
        member(),
        submission({ category: "WORKING_PAPERS", needToKnowGrounds: "x" }),
        infoCtx,
      ),
      "CWC-A7",
    );
    expect(CWC.information.refusalGrounds.value).toContain("WORK_IN_PROGRESS");
  });

  it("CWC-A8: group background requests come from the group and a different treatment needs reasons", () => {
    refusedWith(
      submitInformationRequest(
        CWC,
        member(),
        submission({ kind: "GROUP_BACKGROUND", groupId: "gY", needToKnowGrounds: "x" }),
        infoCtx,
      ),
      "DEF-B1",
    );
    expect(
      submitInformationRequest(
        CWC,
        leader(),
        submission({ kind: "GROUP_BACKGROUND", groupId: "gX", needToKnowGrounds: "Budget decision background" }),
        infoCtx,
      ).ok,
    ).toBe(true);
    const r = infoRequest({ kind: "GROUP_BACKGROUND", groupId: "gY", governanceAdviceRecorded: true });
    refusedWith(
      decideInformation(CWC, r, co, {
        type: "REFUSE",
        ground: "OTHER",
        reasons: " ",
        differentFromGrantFor: "req-of-group-x",
      }),
      "DEF-A2",
    );
  });

  it("CWC-A9: only the owning group's leader shares a group background reply", () => {
    const item = {
      kind: "GROUP_BACKGROUND" as const,
      requesterIds: ["leaderX"],
      ownerGroupId: "gX",
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(decideShare(CWC, item, member(), { kind: "GROUP", groupId: "gY" }), "DEF-B5");
    refusedWith(decideShare(CWC, item, officer(), { kind: "GROUP", groupId: "gY" }), "DEF-B5");
    const ok = decideShare(CWC, item, leader(), { kind: "GROUP", groupId: "gY" });
    expect(ok.ok && ok.ruleId).toBe("CWC-A9");
  });

  it("CWC-A10: an exempt reply cannot be shared", () => {
    refusedWith(
      decideShare(
        CWC,
        { kind: "INDIVIDUAL", requesterIds: ["m1"], ownerGroupId: null, marking: "EXEMPT", madePublic: false },
        member(),
        { kind: "MEMBER", userId: "m2", groupId: "gX" },
      ),
      "CWC-A10",
    );
  });

  it("CWC-A11: a ward notice must reach every member for the ward", () => {
    const members = [
      { id: "a", groupId: "gX", wardIds: ["w1"] },
      { id: "b", groupId: "gY", wardIds: ["w1"] },
      { id: "c", groupId: "gX", wardIds: ["w2"] },
    ];
    refusedWith(
      checkWardNotice(CWC, { wardIds: ["w1"], audienceIds: ["a"], type: "PUBLIC_MEETING_INVITATION" }, members),
      "CWC-A11",
    );
    expect(
      checkWardNotice(
        CWC,
        { wardIds: ["w1"], audienceIds: ["a", "b"], type: "PUBLIC_MEETING_INVITATION" },
        members,
      ).ok,
    ).toBe(true);
  });

  it("CWC-A12: the council-role declaration is required; NOT_COUNCIL_BUSINESS is a decline ground", () => {
    refusedWith(
      submitInformationRequest(
        CWC,
        member(),
        submission({ councilRoleDeclared: false, needToKnowGrounds: "x" }),
        infoCtx,
      ),
      "CWC-A12",
    );
    const res = decideInformation(CWC, infoRequest({ governanceAdviceRecorded: true }), co, {
      type: "REFUSE",
      ground: "NOT_COUNCIL_BUSINESS",
      reasons: "Election leaflet drafting.",
    });
    expect(res.ok).toBe(true);
  });

  it("CWC-A13: an individual request's reply is shared only by the requester's own permission", () => {
    const item = {
      kind: "INDIVIDUAL" as const,
      requesterIds: ["m1"],
      ownerGroupId: null,
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(
      decideShare(CWC, item, member({ id: "cabinet", roles: ["MEMBER", "CABINET_MEMBER"] }), {
        kind: "MEMBER",
        userId: "cabinet",
        groupId: "gX",
      }),
      "CWC-A13",
    );
    expect(decideShare(CWC, item, member(), { kind: "MEMBER", userId: "cabinet", groupId: "gY" }).ok).toBe(true);
  });

  it("CWC-A14: a member cannot reassign an officer's work; the Chief Officer can", () => {
    refusedWith(
      decideInformation(CWC, infoRequest(), member(), {
        type: "ALLOCATE",
        officerId: "p",
        officerServiceId: "housing",
      }),
      "CWC-A14",
    );
    expect(
      decideInformation(CWC, infoRequest(), co, { type: "ALLOCATE", officerId: "p", officerServiceId: "housing" })
        .ok,
    ).toBe(true);
  });
});

describe("Unnamed council 2007 (C2007) — section A", () => {
  const addressee = { id: "o1", roles: ["OFFICER"], serviceId: "planning", seniority: "JUNIOR" as const };

  it("C2007-A1: advice notes state the capacity (ward with the ward) and reach the officer addressed; a decline needs a ground and reasons", () => {
    refusedWith(
      submitInformationRequest(
        C2007,
        member(),
        submission({ kind: "ADVICE_NOTE", addressee, capacity: null }),
        infoCtx,
      ),
      "C2007-A1",
    );
    refusedWith(
      submitInformationRequest(
        C2007,
        member(),
        submission({ kind: "ADVICE_NOTE", addressee, capacity: "AS_WARD_REPRESENTATIVE", wardId: "w9" }),
        infoCtx,
      ),
      "C2007-A1",
    );
    const ok = submitInformationRequest(
      C2007,
      member(),
      submission({ kind: "ADVICE_NOTE", addressee, capacity: "AS_WARD_REPRESENTATIVE", wardId: "w1" }),
      infoCtx,
    );
    expect(ok.ok && ok.routing.allocatedToId).toBe("o1");
    const r = infoRequest({ deciderId: "co-planning" });
    refusedWith(
      decideInformation(C2007, r, chiefOfficer({ id: "co-planning" }), {
        type: "REFUSE",
        ground: "OTHER",
        reasons: "no",
      }),
      "C2007-A1",
    );
  });

  it("C2007-A2: a request to an officer is always visible to their Head of Service", () => {
    const ok = submitInformationRequest(
      C2007,
      member(),
      submission({ kind: "ADVICE_NOTE", addressee, capacity: "AS_MEMBER" }),
      infoCtx,
    );
    expect(ok.ok && ok.routing.visibleToServiceHead).toBe(true);
    expect(ok.ok && ok.routing.deciderId).toBe("co-planning");
    expect(C2007.information.refusalGrounds.value).toContain("OPENNESS_TO_MANAGEMENT");
  });

  it("C2007-A3: any member may address the Chief Executive directly", () => {
    const res = submitInformationRequest(
      C2007,
      member({ groupId: "minority" }),
      submission({
        addressee: { id: "ce", roles: ["CHIEF_EXECUTIVE"], serviceId: null, seniority: "SENIOR" },
        capacity: "AS_MEMBER",
      }),
      infoCtx,
    );
    expect(res.ok && [res.routing.deciderId, res.routing.ruleId]).toEqual(["ce", "C2007-A3"]);
  });

  it("C2007-A4: readily available information cannot be refused", () => {
    refusedWith(
      decideInformation(C2007, infoRequest({ readilyAvailable: true }), co, {
        type: "REFUSE",
        ground: "NOT_FOR_COUNCILLOR_DUTIES",
        reasons: "x",
      }),
      "C2007-A4",
    );
  });

  it("C2007-A5: the Chief Executive's confidential procedural advice cannot be shared on", () => {
    // Confidential replies are visible only to the member and the CE; sharing them is blocked (C2007-A8 mechanism).
    refusedWith(
      decideShare(
        C2007,
        {
          kind: "INDIVIDUAL",
          requesterIds: ["m1"],
          ownerGroupId: null,
          marking: "CONFIDENTIAL",
          madePublic: false,
        },
        member(),
        { kind: "MEMBER", userId: "n", groupId: "gX" },
      ),
      "C2007-A8",
    );
  });

  it("C2007-A6: a Chairman consulted by the Chief Executive can only advise, never decide", () => {
    const ce = officer({ id: "ce", roles: ["OFFICER", "CHIEF_EXECUTIVE"] });
    const r = infoRequest({ deciderId: "ce" });
    expect(
      decideInformation(C2007, r, ce, { type: "REFER_FOR_ADVICE", chairId: "chair", reasons: "Doubtful case" }).ok,
    ).toBe(true);
    const referred = infoRequest({ deciderId: "ce", state: "REFERRED_FOR_ADVICE", referredToChairId: "chair" });
    const chair = member({ id: "chair", roles: ["MEMBER", "COMMITTEE_CHAIR"] });
    expect(decideInformation(C2007, referred, chair, { type: "REFUSE", ground: "OTHER", reasons: "no" }).ok).toBe(
      false,
    );
    const advice = decideInformation(C2007, referred, chair, { type: "CHAIR_ADVICE", advice: "Provide it." });
    expect(advice.ok && advice.to).toBe("SUBMITTED");
  });

  it("C2007-A7: a member cannot reassign or direct an officer's work", () => {
    refusedWith(
      decideInformation(C2007, infoRequest(), member(), {
        type: "ALLOCATE",
        officerId: "p",
        officerServiceId: "planning",
      }),
      "C2007-A7",
    );
  });

  it("C2007-A8: confidential material cannot be shared", () => {
    refusedWith(
      decideShare(
        C2007,
        {
          kind: "INDIVIDUAL",
          requesterIds: ["m1"],
          ownerGroupId: null,
          marking: "CONFIDENTIAL",
          madePublic: false,
        },
        member(),
        { kind: "MEMBER", userId: "m2", groupId: "gX" },
      ),
      "C2007-A8",
    );
  });
});

describe("Wigan (WIG) — section A", () => {
  const junior = { id: "o1", roles: ["OFFICER"], serviceId: "planning", seniority: "JUNIOR" as const };

  it("WIG-A1: grounds are optional and the request is routed", () => {
    const res = submitInformationRequest(
      WIG,
      member(),
      submission({ needToKnowGrounds: "", classification: "GENERAL_ENQUIRY" }),
      infoCtx,
    );
    expect(res.ok && res.routing.deciderId).toBe("co-housing");
  });

  it("WIG-A2: only the department's Chief Officer applies the need-to-know test or refuses on it", () => {
    const r = infoRequest({ allocatedToId: "o1" });
    refusedWith(
      decideInformation(WIG, r, officer(), { type: "APPLY_NEED_TO_KNOW_TEST", question: "Why?" }),
      "WIG-A2",
    );
    refusedWith(
      decideInformation(WIG, r, officer(), { type: "REFUSE", ground: "OTHER", reasons: "x", onNeedToKnow: true }),
      "WIG-A2",
    );
    const test = decideInformation(WIG, r, co, {
      type: "APPLY_NEED_TO_KNOW_TEST",
      question: "Why do you need the files?",
    });
    expect(test.ok && test.pause).toBe("NEED_TO_KNOW");
  });

  it("WIG-A3: refusal without written reasons is rejected", () => {
    refusedWith(
      decideInformation(WIG, infoRequest(), co, { type: "REFUSE", ground: "ROVING_COMMISSION", reasons: "   " }),
      "WIG-A3",
    );
    const ok = decideInformation(WIG, infoRequest(), co, {
      type: "REFUSE",
      ground: "ROVING_COMMISSION",
      reasons: "Ten years of all files.",
    });
    expect(ok.ok && ok.ruleId).toBe("WIG-A3");
  });

  it("WIG-A4: improper motive is a recorded refusal ground", () => {
    expect(WIG.information.refusalGrounds.value).toEqual(
      expect.arrayContaining(["ROVING_COMMISSION", "MERE_CURIOSITY_OR_DESIRE", "IMPROPER_MOTIVE", "OTHER"]),
    );
    expect(
      decideInformation(WIG, infoRequest(), co, {
        type: "REFUSE",
        ground: "IMPROPER_MOTIVE",
        reasons: "Supports a claim against the council.",
        onNeedToKnow: true,
      }).ok,
    ).toBe(true);
  });

  it("WIG-A5: a significant-cost proposal pauses the request until the member answers", () => {
    const res = decideInformation(WIG, infoRequest(), co, {
      type: "PROPOSE_SCOPE",
      estimate: "40 hours",
      proposal: "The last two years only",
    });
    expect(res.ok && [res.to, res.pause]).toEqual(["AWAITING_MEMBER", "SCOPE"]);
    refusedWith(
      decideInformation(WIG, infoRequest({ state: "AWAITING_MEMBER", pausedFor: "SCOPE" }), member(), {
        type: "MEMBER_RESPONDS",
        response: "",
      }),
      "WIG-A5",
    );
  });

  it("WIG-A6: every release carries the notice on keeping and using material", () => {
    const res = decideInformation(WIG, infoRequest(), co, { type: "GRANT", reply: "Attached." });
    expect(res.ok && res.notices.map((n) => n.ruleId)).toContain("WIG-A6");
  });

  it("WIG-A7: a general-interest ward notice to one ward member only is blocked", () => {
    const members = [
      { id: "a", groupId: "gX", wardIds: ["w1"] },
      { id: "b", groupId: "gY", wardIds: ["w1"] },
      { id: "c", groupId: "gY", wardIds: ["w1"] },
    ];
    refusedWith(
      checkWardNotice(WIG, { wardIds: ["w1"], audienceIds: ["a"], type: "GENERAL_INTEREST" }, members),
      "WIG-A7",
    );
    expect(
      checkWardNotice(WIG, { wardIds: ["w1"], audienceIds: ["a", "b", "c"], type: "GENERAL_INTEREST" }, members)
        .ok,
    ).toBe(true);
  });

  it("WIG-A8: the requester may share an individual-matter reply with own-party colleagues only", () => {
    const item = {
      kind: "INDIVIDUAL" as const,
      requesterIds: ["m1"],
      ownerGroupId: null,
      marking: "NONE" as const,
      madePublic: false,
    };
    expect(decideShare(WIG, item, member(), { kind: "MEMBER", userId: "c", groupId: "gX" }).ok).toBe(true);
    refusedWith(decideShare(WIG, item, member(), { kind: "MEMBER", userId: "b", groupId: "gY" }), "WIG-A8");
    refusedWith(
      decideShare(WIG, item, member({ id: "c" }), { kind: "MEMBER", userId: "d", groupId: "gX" }),
      "WIG-A8",
    );
  });

  it("WIG-A9: an advisory note goes to a Portfolio Holder or Chair and gives no access to the request", () => {
    const res = checkAdvisoryNote(co, { roles: ["MEMBER", "CABINET_MEMBER"] }, "Repairs backlog in the ward");
    expect(res.ok && res.grantsAccessToRequest).toBe(false);
    refusedWith(checkAdvisoryNote(co, { roles: ["MEMBER"] }, "x"), "WIG-A9");
  });

  it("WIG-A10: a request about another member needs agreement; the reply then goes to that member too", () => {
    const about = submission({
      classification: "GENERAL_ENQUIRY",
      concernsAnotherMember: true,
      concernedMemberIds: ["b"],
      sharingAgreed: false,
    });
    refusedWith(submitInformationRequest(WIG, member(), about, infoCtx), "WIG-A10");
    expect(submitInformationRequest(WIG, member(), { ...about, sharingAgreed: true }, infoCtx).ok).toBe(true);
    const granted = decideInformation(WIG, infoRequest({ concernedMemberIds: ["b"] }), co, {
      type: "GRANT",
      reply: "The claims are…",
    });
    expect(granted.ok && granted.notify).toContain("CONCERNED_MEMBERS");
    const declined = decideInformation(
      WIG,
      infoRequest({ state: "AWAITING_MEMBER", pausedFor: "AGREEMENT" }),
      member(),
      { type: "MEMBER_RESPONDS", response: "", agrees: false },
    );
    expect(declined.ok && [declined.to, declined.ruleId]).toEqual(["CLOSED", "WIG-A10"]);
  });

  it("WIG-A11: an individual briefing goes to the chosen Director and a decline needs reasons", () => {
    refusedWith(
      submitInformationRequest(
        WIG,
        member(),
        submission({ kind: "INDIVIDUAL_BRIEFING", serviceId: null, classification: "GENERAL_ENQUIRY" }),
        infoCtx,
      ),
      "WIG-A11",
    );
    refusedWith(
      decideInformation(WIG, infoRequest({ kind: "INDIVIDUAL_BRIEFING" }), co, {
        type: "REFUSE",
        ground: "UNREASONABLE",
        reasons: "",
      }),
      "WIG-A3",
    );
  });

  it("WIG-A12: a significant-development bulletin to the administration group only is blocked", () => {
    const members = [
      { id: "a", groupId: "admin", wardIds: [] },
      { id: "b", groupId: "opp", wardIds: [] },
    ];
    refusedWith(checkSignificantDevelopment(WIG, { audienceIds: ["a"] }, members), "WIG-A12");
    expect(checkSignificantDevelopment(WIG, { audienceIds: ["a", "b"] }, members).ok).toBe(true);
  });

  it("WIG-A13: policy matters addressed to a junior officer go to the Director; casework reaches the officer, visible to the Director", () => {
    const policy = submitInformationRequest(
      WIG,
      member(),
      submission({ addressee: junior, serviceId: null, classification: "POLICY_OR_NON_ROUTINE" }),
      infoCtx,
    );
    expect(
      policy.ok && [policy.routing.deciderId, policy.routing.allocatedToId, policy.routing.notes[0]?.ruleId],
    ).toEqual(["co-planning", null, "WIG-A13"]);
    const casework = submitInformationRequest(
      WIG,
      member(),
      submission({ addressee: junior, serviceId: null, classification: "CASEWORK_OR_ROUTINE" }),
      infoCtx,
    );
    expect(casework.ok && [casework.routing.allocatedToId, casework.routing.visibleToServiceHead]).toEqual([
      "o1",
      true,
    ]);
    refusedWith(submitInformationRequest(WIG, member(), submission({ classification: null }), infoCtx), "WIG-A13");
    refusedWith(
      decideInformation(WIG, infoRequest(), member(), {
        type: "ALLOCATE",
        officerId: "p",
        officerServiceId: "housing",
      }),
      "WIG-A13",
    );
  });

  it("WIG-A14: only the department's Chief Officer (or an administrator) edits its contact officers", () => {
    refusedWith(editContactOfficers(member(), "co-housing"), "WIG-A14");
    expect(editContactOfficers(co, "co-housing").ok).toBe(true);
  });

  it("WIG-A15: every refusal states that statutory rights are not limited", () => {
    const res = decideInformation(WIG, infoRequest(), co, {
      type: "REFUSE",
      ground: "ROVING_COMMISSION",
      reasons: "Too broad.",
    });
    expect(res.ok && res.notices.map((n) => n.ruleId)).toContain("WIG-A15");
  });
});

describe("Halstead Town Council (HTC) — section A", () => {
  const clerk = officer({ id: "clerk", roles: ["OFFICER", "TOWN_CLERK"], serviceId: "office" });

  it("HTC-A1: any member, or members jointly, ask the Town Clerk", () => {
    const res = submitInformationRequest(HTC, member(), submission({ coRequesterIds: ["m2"] }), infoCtx);
    expect(res.ok && res.routing.deciderId).toBe("clerk");
    expect(
      decideInformation(
        HTC,
        infoRequest({ requesterIds: ["m1", "m2"], deciderId: "clerk" }),
        member({ id: "m2" }),
        { type: "WITHDRAW" },
      ).ok,
    ).toBe(true);
  });

  it("HTC-A2: closing an enquiry needs a substantive response", () => {
    refusedWith(
      decideInformation(HTC, infoRequest({ deciderId: "clerk" }), clerk, { type: "CLOSE", response: "" }),
      "HTC-A2",
    );
    refusedWith(
      decideInformation(HTC, infoRequest({ deciderId: "clerk" }), clerk, { type: "GRANT", reply: " " }),
      "HTC-A2",
    );
  });

  it("HTC-A3: a significant development goes to all members", () => {
    const members = [
      { id: "chair", groupId: "g1", wardIds: [] },
      { id: "vice", groupId: "g1", wardIds: [] },
      { id: "x", groupId: "g2", wardIds: [] },
    ];
    refusedWith(checkSignificantDevelopment(HTC, { audienceIds: ["chair", "vice"] }, members), "HTC-A3");
    expect(checkSignificantDevelopment(HTC, { audienceIds: ["chair", "vice", "x"] }, members).ok).toBe(true);
  });

  it("HTC-A4: confidential information is not shared until the Clerk marks it public", () => {
    const item = {
      kind: "INDIVIDUAL" as const,
      requesterIds: ["m1"],
      ownerGroupId: null,
      marking: "CONFIDENTIAL" as const,
      madePublic: false,
    };
    refusedWith(decideShare(HTC, item, member(), { kind: "MEMBER", userId: "m2", groupId: "gX" }), "HTC-A4");
    refusedWith(markPublic(member(), "published"), "HTC-A4");
    expect(markPublic(clerk, "Published with the agenda on 1 December").ok).toBe(true);
    expect(
      decideShare(HTC, { ...item, madePublic: true }, member(), { kind: "MEMBER", userId: "m2", groupId: "gX" })
        .ok,
    ).toBe(true);
  });
});

describe("Halton (HAL) — section A runs on defaults", () => {
  it("HAL has no information rules: every setting is a DEF- default or silent", () => {
    for (const s of Object.values(HAL.information)) if (s) expect(s.isDefault, JSON.stringify(s)).toBe(true);
  });
});
