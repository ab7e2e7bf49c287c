// RULES.md §3.E, matrix 4.4, §6.6: the members' register's pure decisions — relationship disclosures (WIG-E1,
// DEF-E1, DEF-E4), visit notices (WIG-E2, DEF-E3), publicity (CWC-E8, WIG-E10, HTC-E3, HTC-E4), ceremonial events
// (CWC-E9) and the complaint start page's guidance (WIG-E10, HTC-E4).
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import {
  communicationsOfficer,
  complaintGuidance,
  decideDisclosure,
  decideEvent,
  decidePublicity,
  decidePublicityFiling,
  decideVisit,
  eventOffices,
  guidanceLines,
  registerOffers,
  routeDisclosure,
  type OfficeHolders,
} from "@/lib/workflow/register";
import { member, officer } from "./fixtures";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const holders: OfficeHolders = {
  chiefExecutiveId: "ce",
  townClerkId: "clerk",
  councilChairId: "chair",
  councilViceChairId: "vice",
  monitoringOfficerId: "mo",
};
const leaders = (g: string) => ({ gX: ["leaderX"], gY: ["leaderY"] })[g] ?? [];
const cllrM = { id: "m1", roles: ["MEMBER"], partyGroupId: "gX" };
const officerO = { id: "o1", roles: ["OFFICER"], partyGroupId: null };

describe("relationship disclosures", () => {
  it("WIG-E1, DEF-E4: an officer's disclosure about Cllr M goes to the Chief Executive, to be consulted with Group X's leader", () => {
    const r = routeDisclosure(WIG, officerO, cllrM, "friends", holders, leaders);
    expect(r).toMatchObject({
      ok: true,
      recipientId: "ce",
      memberInvolvedId: "m1",
      leaderIds: ["leaderX"],
      consultationRequired: true,
    });
    // A councillor discloser: their own group's leader.
    const byMember = routeDisclosure(WIG, { ...cllrM, partyGroupId: "gY" }, officerO, "x", holders, leaders);
    expect(byMember.ok && byMember.leaderIds).toEqual(["leaderY"]);
  });

  it("WIG-E1: closing before the consultation is blocked; after it, the course of action is required", () => {
    const s = {
      status: "SUBMITTED",
      route: "CE_CONSULTS_GROUP_LEADER" as const,
      recipientId: "ce",
      leaderIds: ["leaderX"],
      consultationRequired: true,
      otherPartyGranted: false,
    };
    const ce = officer({ id: "ce", roles: ["OFFICER", "CHIEF_EXECUTIVE"] });
    expect(decideDisclosure(WIG, ce, s, { type: "CLOSE", courseOfAction: "moved" })).toMatchObject({
      ok: false,
      ruleId: "WIG-E1",
    });
    expect(
      decideDisclosure(WIG, ce, s, { type: "CONSULT_GROUP_LEADER", leaderId: "leaderY", notes: "x" }),
    ).toMatchObject({ ok: false, ruleId: "DEF-E4" });
    expect(
      decideDisclosure(WIG, ce, s, { type: "CONSULT_GROUP_LEADER", leaderId: "leaderX", notes: "x" }),
    ).toEqual({
      ok: true,
      to: "CONSULTED",
      ruleId: "WIG-E1",
    });
    const consulted = { ...s, status: "CONSULTED" };
    expect(decideDisclosure(WIG, ce, consulted, { type: "CLOSE", courseOfAction: " " })).toMatchObject({
      ok: false,
      field: "courseOfAction",
    });
    expect(decideDisclosure(WIG, ce, consulted, { type: "CLOSE", courseOfAction: "moved" })).toMatchObject({
      ok: true,
      to: "CLOSED",
    });
    // Only the recipient acts.
    expect(decideDisclosure(WIG, leaderActor(), consulted, { type: "CLOSE", courseOfAction: "x" }).ok).toBe(false);
  });

  it("DEF-E1: elsewhere to the Chief Executive (the Monitoring Officer if the Chief Executive is involved); in HTC to the Town Clerk, the Chair if the Clerk is involved", () => {
    expect(routeDisclosure(CWC, cllrM, officerO, "x", holders, leaders)).toMatchObject({
      ok: true,
      recipientId: "ce",
      leaderIds: [],
      consultationRequired: false,
      ruleId: "DEF-E1",
    });
    const ceInvolved = routeDisclosure(
      HAL,
      cllrM,
      { id: "ce", roles: ["OFFICER"], partyGroupId: null },
      "x",
      holders,
      leaders,
    );
    expect(ceInvolved.ok && ceInvolved.recipientId).toBe("mo");
    expect(routeDisclosure(HTC, cllrM, officerO, "x", holders, leaders)).toMatchObject({ recipientId: "clerk" });
    const clerk = { id: "clerk", roles: ["OFFICER", "TOWN_CLERK"], partyGroupId: null };
    expect(routeDisclosure(HTC, officerO, clerk, "x", holders, leaders)).toMatchObject({
      recipientId: "chair",
      recipientRole: "COUNCIL_CHAIR",
    });
    const chair = { id: "chair", roles: ["MEMBER", "COUNCIL_CHAIR"], partyGroupId: "gX" };
    expect(routeDisclosure(HTC, clerk, chair, "x", holders, leaders)).toMatchObject({ recipientId: "vice" });
    // No Group Leader consultation, and no sharing with the other party.
    const s = {
      status: "SUBMITTED",
      route: "TOWN_CLERK_OR_CHAIR" as const,
      recipientId: "clerk",
      leaderIds: [],
      consultationRequired: false,
      otherPartyGranted: false,
    };
    const clerkActor = officer({ id: "clerk", roles: ["OFFICER", "TOWN_CLERK"] });
    expect(
      decideDisclosure(HTC, clerkActor, s, { type: "CONSULT_GROUP_LEADER", leaderId: "x", notes: "x" }),
    ).toMatchObject({ ok: false, ruleId: "DEF-E1" });
    expect(decideDisclosure(HTC, clerkActor, s, { type: "SHARE_WITH_OTHER_PARTY", reasons: "x" }).ok).toBe(false);
    expect(decideDisclosure(HTC, clerkActor, s, { type: "CLOSE", courseOfAction: "noted" })).toMatchObject({
      ok: true,
      to: "CLOSED",
      ruleId: "DEF-E1",
    });
  });
});

const leaderActor = () => member({ id: "leaderX", roles: ["MEMBER", "GROUP_LEADER"] });

describe("visit notices", () => {
  const v = {
    visitType: "ORDINARY" as const,
    visitDate: "2027-03-09",
    today: "2027-03-03",
    school: false,
    arrangedWithHeadteacher: false,
    headteacherName: "",
    specialCircumstances: "",
  };
  it("WIG-E2: an ordinary visit tells the Chief Officer; a school visit needs the Headteacher; unannounced needs reasons", () => {
    expect(decideVisit(WIG, member(), v)).toMatchObject({ ok: true, notifyChiefOfficer: true });
    expect(decideVisit(WIG, member(), { ...v, school: true })).toMatchObject({
      ok: false,
      ruleId: "WIG-E2",
      field: "arrangedWithHeadteacher",
    });
    expect(decideVisit(WIG, member(), { ...v, visitType: "UNANNOUNCED" })).toMatchObject({
      ok: false,
      field: "specialCircumstances",
    });
    expect(decideVisit(WIG, member(), { ...v, visitType: "STATUTORY_INSPECTION" })).toMatchObject({
      ok: true,
      notifyChiefOfficer: false,
    });
  });
  it("DEF-E3: elsewhere the visit notice is off", () => {
    for (const p of [HAL, CWC, HTC]) {
      expect(decideVisit(p, member(), v)).toMatchObject({ ok: false, ruleId: "DEF-E3" });
      expect(registerOffers(p, member()).find((o) => o.kind === "visit")!.on).toBe(false);
    }
  });
});

describe("publicity", () => {
  it("CWC-E8: the declaration is required; a decline needs reasons and cites CWC-E8", () => {
    const base = { declared: false, featuredIds: [], representingIds: [], memberIds: ["m1"] };
    expect(decidePublicityFiling(CWC, member(), base)).toMatchObject({ ok: false, ruleId: "CWC-E8" });
    expect(decidePublicityFiling(CWC, member(), { ...base, declared: true })).toMatchObject({ ok: true });
    expect(decidePublicityFiling(WIG, member(), base)).toMatchObject({ ok: true, ruleId: "WIG-E10" });
    expect(decidePublicityFiling(HTC, member(), base)).toMatchObject({ ok: true, ruleId: "HTC-E3" });
    const comms = officer({ id: "comms" });
    const s = { status: "SUBMITTED", deciderId: "comms" };
    expect(
      decidePublicity(CWC, comms, s, { type: "DECLINE", ground: "PARTY_POLITICAL", reasons: "" }),
    ).toMatchObject({
      ok: false,
      field: "reasons",
    });
    expect(
      decidePublicity(CWC, comms, s, { type: "DECLINE", ground: "PARTY_POLITICAL", reasons: "party" }),
    ).toEqual({
      ok: true,
      to: "DECLINED",
      ruleId: "CWC-E8",
    });
  });
  it("the communications officer (council setting): a Communications service's Chief Officer, else the Chief Executive, else the Town Clerk", () => {
    expect(
      communicationsOfficer(
        [
          { name: "Place", chiefOfficerId: "dp" },
          { name: "Communications and Marketing", chiefOfficerId: "dc" },
        ],
        holders,
      ),
    ).toEqual({ id: "dc", how: "COMMUNICATIONS" });
    expect(communicationsOfficer([{ name: "Place", chiefOfficerId: "dp" }], holders)).toEqual({
      id: "ce",
      how: "CHIEF_EXECUTIVE",
    });
    expect(communicationsOfficer([], { chiefExecutiveId: null, townClerkId: "clerk" })).toEqual({
      id: "clerk",
      how: "TOWN_CLERK",
    });
  });
});

describe("ceremonial events", () => {
  const offices = eventOffices(
    [
      { id: "chair", name: "Carol", roles: ["MEMBER", "COUNCIL_CHAIR"], jobTitle: null },
      { id: "cab", name: "Dev", roles: ["MEMBER", "CABINET_MEMBER"], jobTitle: "Cabinet Member for Environment" },
      { id: "y", name: "Yasmin", roles: ["MEMBER"], jobTitle: null },
      { id: "h", name: "Harriet", roles: ["MEMBER"], jobTitle: null },
    ],
    [{ id: "plan", name: "Planning Committee", chairId: "y", memberIds: ["y", "h"] }],
  );
  it("CWC-E9: the attending office-holder is one of the offices, and the event names its wards", () => {
    expect(offices.map((o) => o.label)).toEqual([
      "Chair of the Council: Carol",
      "Cabinet Member for Environment: Dev",
      "Chair of the Planning Committee: Yasmin",
      "Deputy Chair of the Planning Committee: Harriet",
    ]);
    const e = { office: offices[0]!.value, offices, wardIds: ["w1"], knownWardIds: ["w1", "w2"] };
    const o = officer();
    expect(decideEvent(CWC, o, e)).toMatchObject({ ok: true, ruleId: "CWC-E9" });
    expect(decideEvent(CWC, o, { ...e, wardIds: [] })).toMatchObject({ ok: false, field: "wardIds" });
    expect(decideEvent(CWC, o, { ...e, office: "COUNCIL_CHAIR:forged" })).toMatchObject({
      ok: false,
      field: "office",
    });
    expect(decideEvent(CWC, member(), e).ok).toBe(false);
    expect(decideEvent(WIG, o, e)).toMatchObject({ ok: false, ruleId: "CWC-E9" });
  });
});

describe("the complaint start page", () => {
  it("WIG-E10 always; HTC-E4 with its condition on a blank form, for an officer, and not for a councillor", () => {
    expect(guidanceLines(complaintGuidance(WIG, null))).toEqual([expect.stringMatching(/\(WIG-E10\)$/)]);
    expect(guidanceLines(complaintGuidance(WIG, false))).toHaveLength(1);
    expect(guidanceLines(complaintGuidance(HTC, null))).toEqual([
      expect.stringMatching(/^If your complaint is about an officer: .*\(HTC-E4\)$/),
    ]);
    expect(complaintGuidance(HTC, true)).toMatchObject([{ ruleId: "HTC-E4", condition: null }]);
    expect(complaintGuidance(HTC, false)).toEqual([]);
    expect(complaintGuidance(CWC, null)).toEqual([]);
  });
});
