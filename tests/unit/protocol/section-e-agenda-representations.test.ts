// RULES.md §3.E: agenda routes (HAL-E4, WIG-E7, WIG-E11) and representations (HAL-E5, C2007-E5, WIG-E8, HTC-E3).
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import {
  callForReport,
  decideAgendaStep,
  proposeMemberItem,
  recordImplementationFailure,
  routeApplies,
  routesFor,
} from "@/lib/workflow/agenda-items";
import { logRepresentation, recipientChoices } from "@/lib/workflow/representations";
import { chiefOfficer, member, officer, refusedWith } from "./fixtures";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const open = { id: "m1", committeeId: "c1", publishedAt: null };
const published = { ...open, publishedAt: new Date("2027-01-01T00:00:00Z") };
const item = { title: "Day centre transport", details: "Options for the contract." };

describe("agenda routes", () => {
  it("HAL-E4: a member's item needs an open meeting of its committee, a Chair and a Chief Officer; a published agenda is refused", () => {
    const base = { committeeId: "c1", chairId: "chair", chiefOfficerId: "co", ...item };
    expect(proposeMemberItem(HAL, member(), { ...base, meeting: open }).ok).toBe(true);
    refusedWith(proposeMemberItem(HAL, member(), { ...base, meeting: published }), "HAL-E4");
    refusedWith(proposeMemberItem(HAL, member(), { ...base, meeting: { ...open, committeeId: "c2" } }), "HAL-E4");
    refusedWith(proposeMemberItem(HAL, officer(), { ...base, meeting: open }), "HAL-E4");
    refusedWith(proposeMemberItem(WIG, member(), { ...base, meeting: open }), "WIG-E7");
    refusedWith(proposeMemberItem(HTC, member(), { ...base, meeting: open }), "HTC-D8");
    refusedWith(proposeMemberItem(CWC, member(), { ...base, meeting: open }), "HAL-E4");
  });

  it("HAL-E4, DEF-A2: the Chief Officer discusses, then only the Chair agrees (before publication) or declines with reasons", () => {
    const withCo = {
      kind: "MEMBER_ITEM" as const,
      state: "WITH_CHIEF_OFFICER",
      proposerId: "m1",
      deciderId: "co-housing",
      committeeId: "c1",
    };
    const co = chiefOfficer();
    const chair = member({ id: "chair" });
    refusedWith(decideAgendaStep(chair, withCo, { type: "AGREE", meeting: open }), "HAL-E4");
    refusedWith(decideAgendaStep(co, withCo, { type: "RECORD_DISCUSSION", discussion: " " }), "HAL-E4");
    expect(decideAgendaStep(co, withCo, { type: "RECORD_DISCUSSION", discussion: "Discussed." })).toMatchObject({
      ok: true,
      to: "WITH_CHAIR",
    });
    const withChair = { ...withCo, state: "WITH_CHAIR", deciderId: "chair" };
    refusedWith(decideAgendaStep(co, withChair, { type: "AGREE", meeting: open }), "HAL-E4");
    refusedWith(decideAgendaStep(chair, withChair, { type: "AGREE", meeting: published }), "HAL-E4");
    expect(decideAgendaStep(chair, withChair, { type: "AGREE", meeting: open })).toMatchObject({ to: "LISTED" });
    refusedWith(decideAgendaStep(chair, withChair, { type: "NOT_AGREE", reasons: "" }), "DEF-A2");
  });

  it("WIG-E7: a member confirms the terms of reference; only democratic services or the Chief Executive record a report a panel or the Cabinet required", () => {
    const panel = { id: "p1", kind: "PANEL" };
    const input = {
      committee: panel,
      chiefOfficerId: "co",
      matter: "Bus services",
      termsConfirmed: true,
      required: false,
    };
    expect(callForReport(WIG, member(), input).ok).toBe(true);
    refusedWith(callForReport(WIG, member(), { ...input, termsConfirmed: false }), "WIG-E7");
    refusedWith(callForReport(WIG, member(), { ...input, required: true }), "WIG-E7");
    const ds = officer({ roles: ["OFFICER", "DEMOCRATIC_SERVICES"] });
    expect(callForReport(WIG, ds, { ...input, required: true }).ok).toBe(true);
    refusedWith(
      callForReport(WIG, ds, { ...input, required: true, committee: { id: "c", kind: "COMMITTEE" } }),
      "WIG-E7",
    );
    refusedWith(callForReport(HAL, member(), input), "HAL-E4");
    expect(routesFor(WIG, member())).toEqual(["CALL_FOR_REPORT"]);
    expect(routesFor(WIG, chiefOfficer())).toEqual(["IMPLEMENTATION_FAILURE"]);
  });

  it("WIG-E11: a Chief Officer's report of a failure is listed on the next open meeting; none open is refused", () => {
    const input = {
      committeeId: "c1",
      nextMeetingId: "m1",
      decision: "Enforcement notice",
      decisionDate: "2026-10-14",
      failure: "Not served.",
      reasons: "Owner not traced.",
    };
    expect(recordImplementationFailure(WIG, chiefOfficer(), input)).toMatchObject({
      to: "LISTED",
      meetingId: "m1",
    });
    refusedWith(recordImplementationFailure(WIG, chiefOfficer(), { ...input, nextMeetingId: null }), "WIG-E11");
    refusedWith(recordImplementationFailure(WIG, member(), input), "WIG-E11");
    expect(routeApplies(HAL, "IMPLEMENTATION_FAILURE")?.ruleId).toBe("WIG-E11");
    expect(routeApplies(C2007, "IMPLEMENTATION_FAILURE")).not.toBeNull();
  });
});

describe("representations", () => {
  it("HAL-E5, C2007-E5, WIG-E8: the committee must be named; a group alone is refused citing the setting", () => {
    for (const [profile, rule] of [
      [HAL, "HAL-E5"],
      [C2007, "C2007-E5"],
      [WIG, "WIG-E8"],
    ] as const) {
      expect(recipientChoices(profile)).toEqual(["COMMITTEE"]);
      refusedWith(
        logRepresentation(profile, member(), { recipient: "GROUP", committeeId: null, groupId: "g" }),
        rule,
      );
      refusedWith(
        logRepresentation(profile, member(), { recipient: "COUNCIL", committeeId: null, groupId: null }),
        rule,
      );
      refusedWith(
        logRepresentation(profile, member(), { recipient: "COMMITTEE", committeeId: null, groupId: null }),
        rule,
      );
      expect(
        logRepresentation(profile, officer(), { recipient: "COMMITTEE", committeeId: "c", groupId: null }),
      ).toMatchObject({ ok: true, onRegister: true, ruleId: rule });
    }
  });

  it("HTC-E3: a representation to a group is recorded off the Council's register; CWC is silent", () => {
    expect(
      logRepresentation(HTC, member(), { recipient: "GROUP", committeeId: null, groupId: "g" }),
    ).toMatchObject({
      ok: true,
      kind: "TO_GROUP",
      onRegister: false,
      ruleId: "HTC-E3",
    });
    expect(
      logRepresentation(HTC, member(), { recipient: "COUNCIL", committeeId: null, groupId: null }),
    ).toMatchObject({
      onRegister: true,
    });
    expect(
      logRepresentation(CWC, member(), { recipient: "GROUP", committeeId: null, groupId: "g" }),
    ).toMatchObject({
      ok: true,
      onRegister: false,
    });
  });
});
