// RULES.md §3.B — party-group briefings and advice to political groups.
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import {
  checkGroupReport,
  decideBriefing,
  offerBriefing,
  recordStandingArrangement,
  submitBriefingRequest,
  type Officer,
} from "@/lib/workflow/briefing";
import { decideShare } from "@/lib/workflow/sharing";
import {
  briefing,
  briefingCtx,
  briefingInput,
  chiefOfficer,
  leader,
  member,
  NOW,
  officer,
  refusedWith,
} from "./fixtures";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const off = (o: Partial<Officer> = {}): Officer => ({
  id: "x",
  roles: ["OFFICER"],
  serviceId: "planning",
  seniority: "SENIOR",
  tier: 4,
  jnc: true,
  ...o,
});
const ce = officer({ id: "ce", roles: ["OFFICER", "CHIEF_EXECUTIVE"], serviceId: null });
const coPlanning = chiefOfficer({ id: "co-planning", serviceId: "planning" });
const otherGroupAccepted = [{ briefingGroupIds: ["gX"], officerHandledIt: true }];

describe("Halton (HAL) — section B", () => {
  it("HAL-B1: nobody can set an officer as attending; the officer accepts in person", () => {
    refusedWith(
      decideBriefing(HAL, briefing({ state: "ACCEPTED", recipientIds: ["co-planning"] }), ce, {
        type: "SET_ATTENDING",
        officerId: "co-planning",
      }),
      "HAL-B1",
    );
    const accepted = decideBriefing(HAL, briefing({ recipientIds: ["co-planning"] }), coPlanning, {
      type: "ACCEPT",
    });
    expect(accepted.ok && accepted.to).toBe("ACCEPTED");
    refusedWith(
      decideBriefing(
        HAL,
        briefing({ state: "ACCEPTED", attendees: [{ officerId: "s1", status: "INVITED" }] }),
        ce,
        { type: "ATTENDEE_ANSWER", accept: true },
      ),
      "HAL-B1",
    );
  });

  it("HAL-B2: the request goes to the subject's Chief Officer, the only pre-filled attendee", () => {
    const res = submitBriefingRequest(HAL, leader(), briefingInput({ serviceId: "planning" }), briefingCtx(), NOW);
    expect(res.ok && [res.routing.recipientIds, res.routing.proposedAttendeeId, res.routing.ruleId]).toEqual([
      ["co-planning"],
      "co-planning",
      "HAL-B2",
    ]);
  });

  it("HAL-B3: only senior officers of the Chief Officer's own department, invited by that Chief Officer with a reason", () => {
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["co-planning"] });
    refusedWith(
      decideBriefing(HAL, accepted, coPlanning, {
        type: "INVITE_ATTENDEE",
        officer: off({ seniority: "JUNIOR" }),
        reasons: "x",
      }),
      "HAL-B3",
    );
    refusedWith(
      decideBriefing(HAL, accepted, coPlanning, {
        type: "INVITE_ATTENDEE",
        officer: off({ serviceId: "finance" }),
        reasons: "x",
      }),
      "HAL-B3",
    );
    refusedWith(
      decideBriefing(HAL, accepted, ce, { type: "INVITE_ATTENDEE", officer: off(), reasons: "x" }),
      "HAL-B3",
    );
    const ok = decideBriefing(HAL, accepted, coPlanning, {
      type: "INVITE_ATTENDEE",
      officer: off(),
      reasons: "Leads the Local Plan team",
    });
    expect(ok.ok && ok.notify).toEqual(["ATTENDEE"]);
  });

  it("HAL-B4: standing arrangements only for JNC officers, with their agreement and safeguards", () => {
    refusedWith(
      recordStandingArrangement(HAL, off({ jnc: false }), { officerAgreed: true, safeguards: "Neutral" }),
      "HAL-B4",
    );
    refusedWith(recordStandingArrangement(HAL, off(), { officerAgreed: true, safeguards: "" }), "HAL-B4");
    expect(
      recordStandingArrangement(HAL, off(), {
        officerAgreed: true,
        safeguards: "Advice on council policy only; notes shared with the Chief Executive.",
      }).ok,
    ).toBe(true);
  });

  it("HAL-B5: a one-party meeting is handled as a briefing request", () => {
    const res = submitBriefingRequest(HAL, leader(), briefingInput({ onePartyMeeting: true }), briefingCtx(), NOW);
    expect(res.ok && res.routing.ruleId).toBe("HAL-B5");
  });

  it("HAL-B6: a potential-decision report names its committee and completes the template", () => {
    refusedWith(checkGroupReport(HAL, { classification: "POTENTIAL_DECISION", committeeOrPanel: null }), "HAL-B6");
    refusedWith(
      checkGroupReport(HAL, {
        classification: "POTENTIAL_DECISION",
        committeeOrPanel: "Executive Board",
        requiredSections: { Options: "" },
      }),
      "HAL-B6",
    );
    expect(checkGroupReport(HAL, { classification: "POLICY_PRINCIPLE", committeeOrPanel: null }).ok).toBe(true);
  });
});

describe("Cheshire West (CWC) — section B", () => {
  it("CWC-B1: an added Director stays invited until they accept; nobody can set them attending", () => {
    refusedWith(
      decideBriefing(
        CWC,
        briefing({ state: "ACCEPTED", recipientIds: ["coo"], handlerId: "coo" }),
        officer({ id: "coo", roles: ["CHIEF_OPERATING_OFFICER"] }),
        { type: "SET_ATTENDING", officerId: "d" },
      ),
      "CWC-B1",
    );
  });

  it("CWC-B2: only Group Leaders, the committee's Chair or Spokespersons, or the Cabinet Member concerned may file", () => {
    refusedWith(
      submitBriefingRequest(
        CWC,
        member({ groupId: "gY" }),
        briefingInput({ groupIds: ["gY"] }),
        briefingCtx(),
        NOW,
      ),
      "CWC-B2",
    );
    const spokes = member({
      groupId: "gY",
      groupOffices: [{ kind: "SPOKESPERSON", portfolio: "planning-committee" }],
    });
    expect(submitBriefingRequest(CWC, spokes, briefingInput({ groupIds: ["gY"] }), briefingCtx(), NOW).ok).toBe(
      true,
    );
    const cabinet = member({ roles: ["MEMBER", "CABINET_MEMBER"], portfolioIds: ["planning"] });
    expect(submitBriefingRequest(CWC, cabinet, briefingInput(), briefingCtx(), NOW).ok).toBe(true);
  });

  it("CWC-B3: a shared CE / DCE / COO queue; when all are absent, the subject's Director", () => {
    const res = submitBriefingRequest(CWC, leader(), briefingInput(), briefingCtx(), NOW);
    expect(res.ok && res.routing.recipientIds).toEqual(["ce", "dce", "coo"]);
    const absent = submitBriefingRequest(
      CWC,
      leader(),
      briefingInput({ serviceId: "adults" }),
      briefingCtx({ presentExecutiveIds: [] }),
      NOW,
    );
    expect(absent.ok && absent.routing.recipientIds).toEqual(["co-adults"]);
    const queued = briefing({ recipientIds: ["ce", "dce", "coo"] });
    expect(
      decideBriefing(CWC, queued, officer({ id: "dce", roles: ["DEPUTY_CHIEF_EXECUTIVE"] }), { type: "TAKE" }).ok,
    ).toBe(true);
    refusedWith(decideBriefing(CWC, queued, coPlanning, { type: "TAKE" }), "CWC-B3");
  });

  it("CWC-B4: a tier-5 officer needs reasons; a tier-4 officer does not", () => {
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["dce"], handlerId: "dce" });
    const dce = officer({ id: "dce", roles: ["OFFICER", "DEPUTY_CHIEF_EXECUTIVE"] });
    refusedWith(
      decideBriefing(CWC, accepted, dce, { type: "INVITE_ATTENDEE", officer: off({ tier: 5 }) }),
      "CWC-B4",
    );
    expect(decideBriefing(CWC, accepted, dce, { type: "INVITE_ATTENDEE", officer: off({ tier: 4 }) }).ok).toBe(
      true,
    );
    expect(
      decideBriefing(CWC, accepted, dce, {
        type: "INVITE_ATTENDEE",
        officer: off({ tier: 1, roles: ["CHIEF_EXECUTIVE"] }),
        reasons: "Strategic item",
      }).ok,
    ).toBe(true);
  });

  it("CWC-B5: an officer who accepted for one group cannot decline another on the same subject, and the message names no group", () => {
    const res = decideBriefing(
      CWC,
      briefing(),
      ce,
      { type: "DECLINE", ground: "OTHER", reasons: "Busy" },
      { sameSubject: otherGroupAccepted },
    );
    refusedWith(res, "CWC-B5");
    expect((res as { message: string }).message).not.toMatch(/gX/);
    expect(
      decideBriefing(
        CWC,
        briefing(),
        ce,
        { type: "DECLINE", ground: "OTHER", reasons: "Busy" },
        { sameSubject: [] },
      ).ok,
    ).toBe(true);
  });

  it("CWC-B6: wider disclosure only by the owning group's leader", () => {
    const item = {
      kind: "BRIEFING" as const,
      requesterIds: ["leaderX"],
      ownerGroupId: "gX",
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(decideShare(CWC, item, ce, { kind: "GROUP", groupId: "gY" }), "DEF-B5");
    const ok = decideShare(CWC, item, leader(), { kind: "GROUP", groupId: "gY" });
    expect(ok.ok && ok.ruleId).toBe("CWC-B6");
  });

  it("CWC-B7: the council business must be named; a party-political request may be declined with that ground", () => {
    refusedWith(
      submitBriefingRequest(CWC, leader(), briefingInput({ councilBusiness: "" }), briefingCtx(), NOW),
      "CWC-B7",
    );
    const campaign = briefing({ subjectKey: "bypass-campaign" });
    expect(
      decideBriefing(CWC, campaign, ce, {
        type: "DECLINE",
        ground: "PARTY_POLITICAL_MATTER",
        reasons: "Campaign planning is not council business.",
      }).ok,
    ).toBe(true);
  });

  it("CWC-B8: a joint request waits until every group's leader opts in", () => {
    const res = submitBriefingRequest(
      CWC,
      leader(),
      briefingInput({ groupIds: ["gX", "gY"] }),
      briefingCtx(),
      NOW,
    );
    expect(res.ok && res.routing.state).toBe("AWAITING_GROUPS");
    const joint = briefing({ state: "AWAITING_GROUPS", groupIds: ["gX", "gY"], optedInGroupIds: ["gX"] });
    refusedWith(
      decideBriefing(CWC, joint, member({ groupId: "gY" }), { type: "OPT_IN", groupId: "gY" }),
      "DEF-B7",
    );
    const opted = decideBriefing(CWC, joint, leader({ id: "leaderY", groupId: "gY" }), {
      type: "OPT_IN",
      groupId: "gY",
    });
    expect(opted.ok && opted.to).toBe("SUBMITTED");
  });

  it("CWC-B9: short notice is warned about and flagged, not blocked", () => {
    const res = submitBriefingRequest(
      CWC,
      leader(),
      briefingInput({ meetingDate: "2026-11-25" }),
      briefingCtx(),
      NOW,
    );
    expect(res.ok && res.routing.shortNotice).toBe(true);
    expect(res.ok && res.routing.warnings[0]?.ruleId).toBe("CWC-B9");
  });

  it("CWC-B9: the recipient may propose a later date with reasons; the requesting group accepts it", () => {
    const req = briefing({ recipientIds: ["ce"], groupIds: ["gY"], requesterId: "leaderY" });
    refusedWith(
      decideBriefing(CWC, req, ce, {
        type: "PROPOSE_DATE",
        date: "2026-11-01",
        reasons: "Too soon",
        today: "2026-11-23",
      }),
      "CWC-B9",
    );
    refusedWith(
      decideBriefing(CWC, req, ce, { type: "PROPOSE_DATE", date: "2026-12-10", reasons: "", today: "2026-11-23" }),
      "DEF-A2",
    );
    expect(
      decideBriefing(CWC, req, ce, {
        type: "PROPOSE_DATE",
        date: "2026-12-10",
        reasons: "Papers not ready",
        today: "2026-11-23",
      }).ok,
    ).toBe(true);
    refusedWith(
      decideBriefing(CWC, req, member({ id: "x", groupId: "gZ" }), {
        type: "ACCEPT_DATE",
        proposedDate: "2026-12-10",
      }),
      "DEF-B5",
    );
    expect(
      decideBriefing(CWC, req, leader({ id: "leaderY", groupId: "gY" }), {
        type: "ACCEPT_DATE",
        proposedDate: "2026-12-10",
      }).ok,
    ).toBe(true);
  });

  it("CWC-B10: completion needs the time spent", () => {
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["ce"], handlerId: "ce" });
    refusedWith(
      decideBriefing(CWC, accepted, ce, { type: "COMPLETE", minutesSpent: null, leftBeforeDecision: null }),
      "CWC-B10",
    );
    expect(
      decideBriefing(CWC, accepted, ce, { type: "COMPLETE", minutesSpent: 45, leftBeforeDecision: null }).ok,
    ).toBe(true);
  });

  it("CWC-B11: a committee Chair who is not a Group Leader can ask for a role briefing", () => {
    const chair = member({ roles: ["MEMBER", "COMMITTEE_CHAIR"], chairOfCommitteeIds: ["scrutiny"] });
    expect(
      submitBriefingRequest(
        CWC,
        chair,
        briefingInput({ kind: "ROLE", groupIds: [], committeeId: "scrutiny" }),
        briefingCtx(),
        NOW,
      ).ok,
    ).toBe(true);
    refusedWith(
      submitBriefingRequest(WIG, chair, briefingInput({ kind: "ROLE", groupIds: [] }), briefingCtx(), NOW),
      "CWC-B11",
    );
  });
});

describe("Unnamed council 2007 (C2007) — section B", () => {
  it("C2007-B1: the equal-treatment guard does not apply to Chief Executive–administration discussions; only the administration leader consents to disclosure", () => {
    const admin = briefing({ administrationDiscussion: true });
    expect(
      decideBriefing(
        C2007,
        admin,
        ce,
        { type: "DECLINE", ground: "OTHER", reasons: "Administration business" },
        { sameSubject: otherGroupAccepted },
      ).ok,
    ).toBe(true);
    const note = {
      kind: "ADMINISTRATION_DISCUSSION" as const,
      requesterIds: [],
      ownerGroupId: "admin",
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(
      decideShare(C2007, note, leader({ groupId: "minority" }), { kind: "GROUP", groupId: "minority" }),
      "C2007-B1",
    );
    expect(decideShare(C2007, note, leader({ groupId: "admin" }), { kind: "GROUP", groupId: "minority" }).ok).toBe(
      true,
    );
  });

  it("C2007-B2: an officer may decline as prejudicing neutrality, with reasons", () => {
    expect(
      decideBriefing(C2007, briefing(), ce, {
        type: "DECLINE",
        ground: "PREJUDICES_NEUTRALITY",
        reasons: "Attacking another party's budget.",
      }).ok,
    ).toBe(true);
    refusedWith(
      decideBriefing(C2007, briefing(), ce, { type: "DECLINE", ground: "PREJUDICES_NEUTRALITY", reasons: "" }),
      "DEF-A2",
    );
  });
});

describe("Wigan (WIG) — section B", () => {
  it("WIG-B1: requests are invitations; standing arrangements need agreement and safeguards", () => {
    refusedWith(
      decideBriefing(WIG, briefing({ state: "ACCEPTED" }), leader(), {
        type: "SET_ATTENDING",
        officerId: "co-children",
      }),
      "WIG-B1",
    );
    refusedWith(
      recordStandingArrangement(WIG, off({ jnc: false }), { officerAgreed: true, safeguards: "" }),
      "WIG-B1",
    );
    expect(
      recordStandingArrangement(WIG, off({ jnc: false }), {
        officerAgreed: true,
        safeguards: "Policy advice only",
      }).ok,
    ).toBe(true);
  });

  it("WIG-B2: only the Chief Officer adds attendees, and only senior officers", () => {
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["co-housing"] });
    refusedWith(
      decideBriefing(WIG, accepted, chiefOfficer(), {
        type: "INVITE_ATTENDEE",
        officer: off({ seniority: "JUNIOR" }),
      }),
      "WIG-B2",
    );
    expect(
      decideBriefing(WIG, accepted, chiefOfficer(), {
        type: "INVITE_ATTENDEE",
        officer: off({ serviceId: "housing" }),
      }).ok,
    ).toBe(true);
  });

  it("WIG-B3: the item and major issue are named; closure needs the left-before-decision confirmation; presence at a decision is an exception", () => {
    refusedWith(
      submitBriefingRequest(WIG, leader(), briefingInput({ onePartyMeeting: true }), briefingCtx(), NOW),
      "WIG-B3",
    );
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["co-planning"] });
    refusedWith(
      decideBriefing(WIG, accepted, coPlanning, { type: "COMPLETE", minutesSpent: 30, leftBeforeDecision: null }),
      "WIG-B3",
    );
    const exc = decideBriefing(WIG, accepted, coPlanning, {
      type: "COMPLETE",
      minutesSpent: 30,
      leftBeforeDecision: false,
    });
    expect(exc.ok && exc.exception?.ruleId).toBe("WIG-B3");
  });

  it("WIG-B4: a group report needs its panel and legal and financial implications", () => {
    refusedWith(
      checkGroupReport(WIG, {
        committeeOrPanel: "Economy Panel",
        legalImplications: "None",
        financialImplications: "",
      }),
      "WIG-B4",
    );
    expect(
      checkGroupReport(WIG, {
        committeeOrPanel: "Economy Panel",
        legalImplications: "None",
        financialImplications: "£2m capital",
      }).ok,
    ).toBe(true);
  });

  it("WIG-B5: having briefed one group on a subject, the Director cannot decline another; offers go to every group's spokesperson", () => {
    const req = briefing({ recipientIds: ["co-planning"] });
    refusedWith(
      decideBriefing(
        WIG,
        req,
        coPlanning,
        { type: "DECLINE", ground: "OTHER", reasons: "No time" },
        { sameSubject: otherGroupAccepted },
      ),
      "WIG-B5",
    );
    refusedWith(
      offerBriefing(WIG, coPlanning, {
        spokespersonsByGroup: { gX: ["s1"], gY: ["s2"] },
        offeredToGroupIds: ["gX"],
      }),
      "WIG-B5",
    );
  });

  it("WIG-B6: spokespersons may request, and a Chief Officer may offer, briefings", () => {
    const spokes = member({ groupId: "gY", groupOffices: [{ kind: "SPOKESPERSON", portfolio: "adults" }] });
    expect(
      submitBriefingRequest(
        WIG,
        spokes,
        briefingInput({ groupIds: ["gY"], serviceId: "adults" }),
        briefingCtx(),
        NOW,
      ).ok,
    ).toBe(true);
    const offer = offerBriefing(WIG, chiefOfficer({ id: "co-adults" }), {
      spokespersonsByGroup: { gX: ["s1"], gY: ["s2"] },
      offeredToGroupIds: ["gX", "gY"],
    });
    expect(offer.ok && offer.groupIds).toEqual(["gX", "gY"]);
    refusedWith(offerBriefing(HAL, chiefOfficer(), { spokespersonsByGroup: {}, offeredToGroupIds: [] }), "WIG-B6");
  });

  it("WIG-B7: briefing content is disclosed to other parties only by the owning group's leader", () => {
    const item = {
      kind: "BRIEFING" as const,
      requesterIds: ["leaderX"],
      ownerGroupId: "gX",
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(decideShare(WIG, item, chiefOfficer(), { kind: "GROUP", groupId: "gY" }), "DEF-B5");
  });

  it("WIG-B8: a meeting for one party only is a briefing request under WIG-B1–B4", () => {
    const res = submitBriefingRequest(
      WIG,
      leader(),
      briefingInput({ onePartyMeeting: true, item: "Town centre masterplan", majorIssue: "£40m regeneration" }),
      briefingCtx(),
      NOW,
    );
    expect(res.ok && res.routing.ruleId).toBe("WIG-B8");
  });
});

describe("Halstead Town Council (HTC) — section B", () => {
  it("HTC-B1: minority-party requests are accepted and there is no party ground to decline them", () => {
    const minority = member({ groupId: "libdem" });
    const res = submitBriefingRequest(
      HTC,
      minority,
      briefingInput({ groupIds: ["libdem"], serviceId: null, committeeId: null }),
      briefingCtx(),
      NOW,
    );
    expect(res.ok && res.routing.recipientIds).toEqual(["clerk"]);
    refusedWith(
      decideBriefing(HTC, briefing({ recipientIds: ["clerk"] }), officer({ id: "clerk", roles: ["TOWN_CLERK"] }), {
        type: "DECLINE",
        ground: "PARTY_POLITICAL_MATTER",
        reasons: "Minority party",
      }),
      "HTC-B1",
    );
  });
});
