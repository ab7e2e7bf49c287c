// RULES.md §6 — defaults where the protocols are silent. Each is labelled a default (isDefault) and can be overridden.
import { describe, expect, it } from "vitest";
import { getProfile, PROFILES } from "@/lib/protocol/profiles";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { setting, type Setting } from "@/lib/protocol/types";
import { addWorkingDays } from "@/lib/protocol/working-days";
import { decideBriefing, submitBriefingRequest } from "@/lib/workflow/briefing";
import {
  checkHandler,
  complaintLadder,
  decideComplaint,
  subjectMaySee,
  type ComplaintInput,
} from "@/lib/workflow/complaint";
import { dueDate, resumeDueDate } from "@/lib/workflow/due";
import { decideInformation, submitInformationRequest } from "@/lib/workflow/information";
import { decideShare } from "@/lib/workflow/sharing";
import { allMembersNotice, decideAgendaItem, decideAssistance } from "@/lib/workflow/town-council";
import {
  briefing,
  briefingCtx,
  briefingInput,
  chiefOfficer,
  infoCtx,
  infoRequest,
  leader,
  member,
  NOW,
  officer,
  submission,
  refusedWith,
} from "./fixtures";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");
const co = chiefOfficer();
const ce = officer({ id: "ce", roles: ["OFFICER", "CHIEF_EXECUTIVE"] });

const cInput = (o: Partial<ComplaintInput>): ComplaintInput => ({
  complainant: "MEMBER",
  subject: "OFFICER",
  codeOfConduct: false,
  grievance: false,
  hasLeaderOfCouncil: true,
  ...o,
});

describe("general default", () => {
  it("DEF-G1: 'normally' rules are JUSTIFY — a departure is allowed only with written reasons", () => {
    // CWC-B4 "usually": proposing an unusual officer needs reasons; HAL-C1 "if at all possible": skipping informal needs reasons.
    const accepted = briefing({ state: "ACCEPTED", recipientIds: ["dce"], handlerId: "dce" });
    const dce = officer({ id: "dce", roles: ["DEPUTY_CHIEF_EXECUTIVE"] });
    const tier5 = {
      id: "t5",
      roles: ["OFFICER"],
      serviceId: "planning",
      seniority: "SENIOR" as const,
      tier: 5,
      jnc: false,
    };
    expect(decideBriefing(CWC, accepted, dce, { type: "INVITE_ATTENDEE", officer: tier5 }).ok).toBe(false);
    expect(
      decideBriefing(CWC, accepted, dce, {
        type: "INVITE_ATTENDEE",
        officer: tier5,
        reasons: "Only officer who knows the scheme",
      }).ok,
    ).toBe(true);
  });

  it("every DEF- setting and council setting is labelled a default and every protocol setting is not", () => {
    for (const p of Object.values(PROFILES)) {
      for (const section of [p.information, p.briefing, p.complaints, p.townCouncil ?? {}]) {
        for (const value of Object.values(section)) {
          if (!value || typeof value !== "object" || !("ruleId" in value)) continue;
          const s = value as Setting<unknown>;
          expect(s.isDefault, `${p.key} ${s.ruleId}`).toBe(
            s.ruleId.startsWith("DEF-") || s.ruleId === "silent" || s.ruleId === "COUNCIL",
          );
        }
      }
    }
  });
});

describe("section A defaults", () => {
  it("DEF-A1: a 10-working-day target, excluding bank holidays, that pauses while waiting on the member", () => {
    expect(dueDate(HAL, "INFORMATION", new Date("2026-12-21T09:00:00Z"))).toBe("2027-01-07"); // over Christmas and New Year
    expect(resumeDueDate("2026-12-07", new Date("2026-11-24T09:00:00Z"), new Date("2026-11-26T09:00:00Z"))).toBe(
      "2026-12-09",
    );
    const override: CouncilProfile = {
      ...HAL,
      information: { ...HAL.information, targetWorkingDays: setting(15, "DEF-A1") },
    };
    expect(dueDate(override, "INFORMATION", NOW)).toBe(addWorkingDays("2026-11-23", 15));
  });

  it("DEF-A2: every refusal or decline needs written reasons, in every profile", () => {
    refusedWith(
      decideInformation(HAL, infoRequest(), co, { type: "REFUSE", ground: "OTHER", reasons: "" }),
      "DEF-A2",
    );
    refusedWith(
      decideBriefing(HAL, briefing({ recipientIds: ["co-housing"] }), co, {
        type: "DECLINE",
        ground: "OTHER",
        reasons: " ",
      }),
      "DEF-A2",
    );
  });

  it("DEF-A3: principal councils' refusals are reviewed by the Monitoring Officer; the Town Clerk's by a Council agenda item", () => {
    const asked = decideInformation(WIG, infoRequest({ state: "REFUSED" }), member(), {
      type: "REQUEST_REVIEW",
      reasons: "x",
    });
    expect(asked.ok && asked.reviewRoute).toBe("MONITORING_OFFICER");
    const htc = decideInformation(HTC, infoRequest({ state: "REFUSED", deciderId: "clerk" }), member(), {
      type: "REQUEST_REVIEW",
      reasons: "x",
    });
    refusedWith(htc, "DEF-A3");
    expect((htc as { message: string }).message).toMatch(/agenda item/);
    refusedWith(
      decideInformation(WIG, infoRequest({ state: "UNDER_REVIEW", reviewerId: "co-housing" }), co, {
        type: "UPHOLD",
        reasons: "x",
      }),
      "DEF-A3",
    );
  });

  it("DEF-A4: HAL routes to the holding department's Chief Officer; an unknown department goes to triage, which does not decide", () => {
    const res = submitInformationRequest(HAL, member(), submission(), infoCtx);
    expect(res.ok && res.routing.deciderId).toBe("co-housing");
    const triage = submitInformationRequest(HAL, member(), submission({ serviceId: null }), infoCtx);
    expect(triage.ok && [triage.routing.state, triage.routing.deciderId]).toEqual(["TRIAGE", null]);
    const assigned = decideInformation(
      HAL,
      infoRequest({ state: "TRIAGE", deciderId: null }),
      officer({ roles: ["OFFICER", "ADMIN"] }),
      { type: "TRIAGE", serviceId: "housing", deciderId: "co-housing" },
    );
    expect(assigned.ok && assigned.to).toBe("SUBMITTED");
  });

  it("DEF-A4: a service with no Chief Officer set up goes to triage with a note; a named officer's route keeps the officer; a town council with no Town Clerk refuses", () => {
    const noChief = submitInformationRequest(HAL, member(), submission({ serviceId: "leisure" }), infoCtx);
    expect(noChief.ok && [noChief.routing.state, noChief.routing.deciderId, noChief.routing.ruleId]).toEqual([
      "TRIAGE",
      null,
      "DEF-A4",
    ]);
    expect(noChief.ok && noChief.routing.notes.map((n) => n.ruleId)).toEqual(["DEF-A4"]);
    // C2007-A1: to the officer addressed, whose service has no head: still theirs, and still C2007-A1.
    const addressee = { id: "o-leisure", roles: ["OFFICER"], serviceId: "leisure", seniority: "JUNIOR" as const };
    const named = submitInformationRequest(
      getProfile("C2007"),
      member(),
      submission({ serviceId: null, addressee, capacity: "AS_MEMBER" }),
      infoCtx,
    );
    if (!named.ok) throw new Error(JSON.stringify(named));
    expect(named.ok && [named.routing.state, named.routing.allocatedToId, named.routing.ruleId]).toEqual([
      "SUBMITTED",
      "o-leisure",
      "C2007-A1",
    ]);
    refusedWith(
      submitInformationRequest(getProfile("HTC"), member(), submission(), { ...infoCtx, townClerkId: null }),
      "DEF-D5",
    );
  });

  it("DEF-A5: after an overturn the decider must supply and cannot refuse again", () => {
    refusedWith(
      decideInformation(WIG, infoRequest({ state: "TO_BE_SUPPLIED" }), co, {
        type: "REFUSE",
        ground: "ROVING_COMMISSION",
        reasons: "again",
      }),
      "DEF-A5",
    );
    const supplied = decideInformation(WIG, infoRequest({ state: "TO_BE_SUPPLIED" }), co, {
      type: "GRANT",
      reply: "Attached.",
    });
    expect(supplied.ok && supplied.ruleId).toBe("DEF-A5");
  });

  it("DEF-A6: every profile requires a justification for third parties' personal data", () => {
    for (const p of [HAL, C2007, WIG, HTC]) {
      expect(p.information.thirdPartyJustification.value).toBe(true);
      const r = submitInformationRequest(
        p,
        member(),
        submission({ thirdPartyData: true, classification: "GENERAL_ENQUIRY", capacity: "AS_MEMBER" }),
        infoCtx,
      );
      refusedWith(r, "DEF-A6");
    }
  });

  it("DEF-A7: the 'about another member' agreement is off outside Wigan (and can be switched on)", () => {
    const about = submission({ concernsAnotherMember: true, concernedMemberIds: ["b"], sharingAgreed: false });
    expect(submitInformationRequest(HAL, member(), about, infoCtx).ok).toBe(true);
    const on: CouncilProfile = {
      ...HAL,
      information: { ...HAL.information, anotherMemberRule: setting(true, "DEF-A7") },
    };
    refusedWith(submitInformationRequest(on, member(), about, infoCtx), "DEF-A7");
  });

  it("DEF-A8: draft reports are not barred outside Cheshire West", () => {
    expect(
      submitInformationRequest(HAL, member(), submission({ category: "DRAFT_CABINET_REPORT" }), infoCtx).ok,
    ).toBe(true);
  });

  it("DEF-A9: a member who keeps the full scope of a bulky request returns it to the Chief Officer to decide", () => {
    const res = decideInformation(WIG, infoRequest({ state: "AWAITING_MEMBER", pausedFor: "SCOPE" }), member(), {
      type: "MEMBER_RESPONDS",
      response: "I need all ten years",
      scope: "KEEP",
    });
    expect(res.ok && [res.to, res.ruleId]).toEqual(["SUBMITTED", "DEF-A9"]);
  });

  it("DEF-A10: governance advice must precede a refusal but not a grant", () => {
    refusedWith(
      decideInformation(CWC, infoRequest(), co, { type: "REFUSE", ground: "MERE_CURIOSITY", reasons: "x" }),
      "DEF-A10",
    );
    expect(decideInformation(CWC, infoRequest(), co, { type: "GRANT", reply: "Attached" }).ok).toBe(true);
  });

  it("DEF-A11: an advisory note gives no access to the member's request", async () => {
    const { checkAdvisoryNote } = await import("@/lib/workflow/notices");
    const res = checkAdvisoryNote(co, { roles: ["COMMITTEE_CHAIR"] }, "Repairs backlog");
    expect(res.ok && res.grantsAccessToRequest).toBe(false);
  });

  it("DEF-A12: an individual reply is not shared by anyone but its requester", () => {
    const item = {
      kind: "INDIVIDUAL" as const,
      requesterIds: ["m1"],
      ownerGroupId: null,
      marking: "NONE" as const,
      madePublic: false,
    };
    expect(decideShare(HAL, item, member({ id: "m9" }), { kind: "MEMBER", userId: "m10", groupId: "gX" }).ok).toBe(
      false,
    );
    expect(HTC.information.recipient.value).toBe("TOWN_CLERK");
  });
});

describe("section B defaults", () => {
  it("DEF-B1: the Group Leader or a designated member files for the group", () => {
    refusedWith(submitBriefingRequest(HAL, member(), briefingInput(), briefingCtx(), NOW), "DEF-B1");
    expect(
      submitBriefingRequest(HAL, member(), briefingInput(), briefingCtx({ designatedFor: () => ["m1"] }), NOW).ok,
    ).toBe(true);
    expect(submitBriefingRequest(HTC, member(), briefingInput({ serviceId: null }), briefingCtx(), NOW).ok).toBe(
      true,
    );
  });

  it("DEF-B2: recipients — Chief Officer (HAL, WIG), Chief Executive (C2007), Town Clerk (HTC)", () => {
    const to = (p: CouncilProfile) => {
      const r = submitBriefingRequest(p, leader(), briefingInput(), briefingCtx(), NOW);
      return r.ok ? r.routing.recipientIds : r;
    };
    expect([to(HAL), to(WIG), to(C2007), to(HTC)]).toEqual([["co-planning"], ["co-planning"], ["ce"], ["clerk"]]);
  });

  it("DEF-B3: a subject key is required and the guard's message does not name the other group", () => {
    refusedWith(
      submitBriefingRequest(HAL, leader(), briefingInput({ subjectKey: "" }), briefingCtx(), NOW),
      "DEF-B3",
    );
  });

  it("DEF-B4: meetings under 5 working days away are warned about, not blocked", () => {
    const res = submitBriefingRequest(
      HAL,
      leader(),
      briefingInput({ meetingDate: "2026-11-27" }),
      briefingCtx(),
      NOW,
    );
    expect(res.ok && [res.routing.shortNotice, res.routing.warnings[0]?.ruleId]).toEqual([true, "DEF-B4"]);
    const later = submitBriefingRequest(
      HAL,
      leader(),
      briefingInput({ meetingDate: "2026-12-14" }),
      briefingCtx(),
      NOW,
    );
    expect(later.ok && later.routing.shortNotice).toBe(false);
  });

  it("DEF-B5: only the owning group's leader agrees to wider disclosure", () => {
    const item = {
      kind: "BRIEFING" as const,
      requesterIds: [],
      ownerGroupId: "gX",
      marking: "NONE" as const,
      madePublic: false,
    };
    refusedWith(decideShare(HAL, item, member(), { kind: "GROUP", groupId: "gY" }), "DEF-B5");
    expect(decideShare(HAL, item, leader(), { kind: "GROUP", groupId: "gY" }).ok).toBe(true);
  });

  it("DEF-B6: only the requesting group's leader can withdraw; other groups have no hold on it", () => {
    refusedWith(
      decideBriefing(HAL, briefing({ groupIds: ["gX"] }), leader({ groupId: "gY" }), { type: "WITHDRAW" }),
      "DEF-B5",
    );
    expect(decideBriefing(HAL, briefing({ groupIds: ["gX"] }), leader(), { type: "WITHDRAW" }).ok).toBe(true);
  });

  it("DEF-B7: each participating group's leader opts in to a joint briefing", () => {
    const joint = briefing({ state: "AWAITING_GROUPS", groupIds: ["gX", "gY"], optedInGroupIds: [] });
    const one = decideBriefing(CWC, joint, leader(), { type: "OPT_IN", groupId: "gX" });
    expect(one.ok && one.to).toBe("AWAITING_GROUPS");
    refusedWith(
      submitBriefingRequest(HAL, leader(), briefingInput({ groupIds: ["gX", "gY"] }), briefingCtx(), NOW),
      "DEF-B7",
    );
  });

  it("DEF-B8: HAL and HTC have a soft equal-treatment guard: declining needs a confirmed reason", () => {
    const req = briefing({ recipientIds: ["co-planning"] });
    const coP = chiefOfficer({ id: "co-planning", serviceId: "planning" });
    const accepted = [{ briefingGroupIds: ["gX"], officerHandledIt: true }];
    refusedWith(
      decideBriefing(
        HAL,
        req,
        coP,
        { type: "DECLINE", ground: "OTHER", reasons: "No capacity" },
        { sameSubject: accepted },
      ),
      "DEF-B8",
    );
    expect(
      decideBriefing(
        HAL,
        req,
        coP,
        { type: "DECLINE", ground: "OTHER", reasons: "A different scheme", notSameSubjectConfirmed: true },
        { sameSubject: accepted },
      ).ok,
    ).toBe(true);
  });

  it("DEF-B9: the decision is due in 5 working days, or the working day before the meeting if sooner", () => {
    const far = submitBriefingRequest(HAL, leader(), briefingInput(), briefingCtx(), NOW);
    expect(far.ok && far.routing.dueDate).toBe("2026-11-30");
    const soon = submitBriefingRequest(
      HAL,
      leader(),
      briefingInput({ meetingDate: "2026-11-26" }),
      briefingCtx(),
      NOW,
    );
    expect(soon.ok && soon.routing.dueDate).toBe("2026-11-25");
  });
});

describe("section C defaults", () => {
  it("DEF-C1: complaints about the Chief Executive never go to the Chief Executive", () => {
    for (const p of [HAL, CWC, C2007])
      expect(complaintLadder(p, cInput({ subject: "CHIEF_EXECUTIVE" })).stages[0]?.handler).toBe(
        "LEADER_OF_COUNCIL",
      );
    expect(
      complaintLadder(C2007, cInput({ subject: "CHIEF_EXECUTIVE", hasLeaderOfCouncil: false })).stages[0]?.handler,
    ).toBe("MONITORING_OFFICER");
    refusedWith(
      checkHandler(
        {
          kind: "COMPLAINT",
          ruleId: "CWC-C5",
          stages: [{ key: "CE", handler: "CHIEF_EXECUTIVE", ruleId: "CWC-C5", escalatedBy: null }],
        },
        0,
        "ce",
        "ce",
      ),
      "DEF-C1",
    );
  });

  it("DEF-C2: in Halton a complaint about a Chief Officer goes from informal straight to the Chief Executive", () => {
    expect(complaintLadder(HAL, cInput({ subject: "CHIEF_OFFICER" })).stages.map((s) => s.ruleId)).toEqual([
      "HAL-C1",
      "DEF-C2",
    ]);
  });

  it("DEF-C3: Code matters and member-about-member complaints go to the Monitoring Officer in writing", () => {
    for (const p of [HAL, C2007, WIG])
      expect(complaintLadder(p, cInput({ subject: "MEMBER" })).ruleId).toBe("DEF-C3");
  });

  it("DEF-C4: an unresolved Wigan complaint about a junior officer escalates to the Chief Executive", () => {
    expect(complaintLadder(WIG, cInput({})).stages[1]).toMatchObject({
      handler: "CHIEF_EXECUTIVE",
      ruleId: "DEF-C4",
    });
  });

  it("DEF-C5: concerns about the Town Clerk go to the Chairman, never the Clerk", () => {
    const l = complaintLadder(HTC, cInput({ subject: "TOWN_CLERK" }));
    expect(l.stages[0]?.handler).toBe("COUNCIL_CHAIR");
    refusedWith(checkHandler(complaintLadder(HTC, cInput({})), 0, "clerk", "clerk"), "DEF-C5");
  });

  it("DEF-C6: the subject is told beyond the first stage unless a delay reason is recorded; the CE sees nothing while the Leader considers", () => {
    const wig = complaintLadder(WIG, cInput({}));
    expect(subjectMaySee(wig, { stageIndex: 0 }, false, null)).toBe(false);
    expect(subjectMaySee(wig, { stageIndex: 1 }, false, null)).toBe(true);
    expect(subjectMaySee(wig, { stageIndex: 1 }, false, "Protects the investigation")).toBe(false);
    expect(
      subjectMaySee(complaintLadder(WIG, cInput({ subject: "CHIEF_EXECUTIVE" })), { stageIndex: 0 }, true, null),
    ).toBe(false);
  });

  it("DEF-C7: 2-day acknowledgement and 10-day stage targets; escalation after an outcome or once the target passes", () => {
    expect([HAL.complaints.ackWorkingDays.value, HAL.complaints.stageWorkingDays.value]).toEqual([2, 10]);
    const l = complaintLadder(WIG, cInput({}));
    const open = {
      stageIndex: 0,
      status: "OPEN" as const,
      complainantId: "m1",
      handlerId: "co",
      outcome: null,
      stageOverdue: false,
    };
    refusedWith(decideComplaint(WIG, l, open, member(), { type: "ESCALATE" }), "DEF-C7");
    expect(decideComplaint(WIG, l, { ...open, stageOverdue: true }, member(), { type: "ESCALATE" }).ok).toBe(true);
  });

  it("DEF-C8: Wigan's 'the Leader' is the Leader of the Council", () => {
    expect(complaintLadder(WIG, cInput({ subject: "CHIEF_EXECUTIVE" })).stages[0]?.handler).toBe(
      "LEADER_OF_COUNCIL",
    );
  });

  it("DEF-C9: C2007 routes through the Head of Service, then the Chief Executive", () => {
    expect(complaintLadder(C2007, cInput({})).stages.map((s) => s.handler)).toEqual([
      "SUBJECT_CHIEF_OFFICER",
      "CHIEF_EXECUTIVE",
    ]);
    expect(complaintLadder(C2007, cInput({ subject: "CHIEF_OFFICER" })).stages.map((s) => s.handler)).toEqual([
      "CHIEF_EXECUTIVE",
    ]);
  });

  it("DEF-C10: no Chief Whip → the Group Leader only; no group → close or refer", () => {
    const l = complaintLadder(HAL, cInput({ complainant: "OFFICER", subject: "MEMBER" }));
    const c = {
      stageIndex: 1,
      status: "OPEN" as const,
      complainantId: "o1",
      handlerId: "ce",
      outcome: null,
      stageOverdue: false,
    };
    const noWhip = decideComplaint(
      HAL,
      l,
      c,
      ce,
      { type: "RECORD_OUTCOME", outcome: "RAISE_WITH_PARTY", reasons: "x" },
      { subjectHasGroup: true, subjectHasChiefWhip: false },
    );
    expect(noWhip.ok && noWhip.notify).toEqual(["SUBJECT_GROUP_LEADER"]);
    refusedWith(
      decideComplaint(
        HAL,
        l,
        c,
        ce,
        { type: "RECORD_OUTCOME", outcome: "RAISE_WITH_PARTY", reasons: "x" },
        { subjectHasGroup: false },
      ),
      "DEF-C10",
    );
  });
});

describe("section D defaults", () => {
  const clerk = officer({ id: "clerk", roles: ["OFFICER", "TOWN_CLERK"] });
  const base = {
    outcome: "MODIFY" as const,
    workloadFinding: "NOT_WITHIN_WORKLOAD" as const,
    workloadNote: "Full",
    appropriateness: "APPROPRIATE" as const,
    reasons: "",
    informAllMembers: false,
    allocatedOfficerId: "a",
  };

  it("DEF-D1: the Clerk's assessment is due in 5 working days", () => {
    expect(dueDate(HTC, "ASSISTANCE", NOW)).toBe("2026-11-30");
    expect(HTC.townCouncil?.assessmentWorkingDays.isDefault).toBe(true);
  });

  it("DEF-D2: accept, modify or decline; reasons for modifying or declining", () => {
    refusedWith(decideAssistance(HTC, clerk, "SUBMITTED", base), "DEF-D2");
    const res = decideAssistance(HTC, clerk, "SUBMITTED", { ...base, reasons: "After the budget meeting" });
    expect(res.ok && res.to).toBe("MODIFIED");
  });

  it("DEF-D3: the all-members notice holds the requester, a summary and the decision only", () => {
    expect(allMembersNotice("Cllr Quint", "Allotment letting review", "DECLINED")).toBe(
      "Cllr Quint asked for officer help with “Allotment letting review”. The Town Clerk has declined the request.",
    );
  });

  it("DEF-D4: the Clerk cannot decline or withdraw a member's agenda item; only its proposer withdraws it", () => {
    refusedWith(decideAgendaItem(clerk, { proposerId: "m1", state: "LISTED" }, { type: "DECLINE" }), "DEF-D4");
    refusedWith(decideAgendaItem(clerk, { proposerId: "m1", state: "LISTED" }, { type: "WITHDRAW" }), "DEF-D4");
    expect(decideAgendaItem(member(), { proposerId: "m1", state: "LISTED" }, { type: "WITHDRAW" }).ok).toBe(true);
  });

  it("DEF-D5: every HTC member request to staff goes to the Town Clerk", () => {
    const res = submitInformationRequest(HTC, member(), submission({ serviceId: "grounds" }), infoCtx);
    expect(res.ok && [res.routing.deciderId, res.routing.ruleId]).toEqual(["clerk", "DEF-D5"]);
  });

  it("DEF-D6: the HTC Monitoring Officer is external and reached only by referral", () => {
    expect(HTC.rolesUsed).toContain("MONITORING_OFFICER");
    expect(complaintLadder(HTC, cInput({ complainant: "OFFICER", subject: "MEMBER" })).stages[0]?.handler).toBe(
      "TOWN_CLERK",
    );
  });
});
