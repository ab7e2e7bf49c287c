// RULES.md §3.E: the authority for a decision or an officer action (HAL-E5, WIG-E8, HTC-E3, C2007-E5).
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import { decisionAuthorityRefusal } from "@/lib/workflow/decision-authority";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const facts = {
  groupNames: ["Labour Group", "Liberal Democrat Group", "Independent Group"],
  memberNames: ["Helen Tranter", "Nigel Farrant"],
};

const PROPER = [
  "Planning Committee",
  "Planning Committee, 4 March",
  "Full Council",
  "Cabinet",
  "the Cabinet, 12 May",
  "delegated authority",
  "Director of Place under delegated powers",
  "Chief Executive under delegated powers",
  "Scrutiny working group report to Overview and Scrutiny Committee",
  "Team Leader, Revenues, under the scheme of delegation",
  "An independent review commissioned by the Audit Board",
];

describe("decision authority", () => {
  it("HAL-E5: a party group meeting named as the authority is refused", () => {
    for (const text of [
      "Labour Group meeting",
      "labour group decision",
      "Liberal Democrat Group",
      "Group X meeting",
    ]) {
      const r = decisionAuthorityRefusal(HAL, text, facts);
      expect(r, text).not.toBeNull();
      expect(r!.ruleId).toBe("HAL-E5");
      expect(r!.field).toBe("authority");
    }
  });

  it("HAL-E5, WIG-E8, HTC-E3: readings of a party group's decision are refused in each setting", () => {
    const texts = [
      "group meeting",
      "Labour Group decision",
      "the Labour group's decision of 3 March",
      "Conservative party group",
      "Group X decision",
      "agreed at the majority group",
      "Labour members' meeting",
      "Group Leader's instruction",
      "group whip",
    ];
    for (const [profile, ruleId] of [
      [HAL, "HAL-E5"],
      [WIG, "WIG-E8"],
      [HTC, "HTC-E3"],
      [C2007, "C2007-E5"],
    ] as const) {
      for (const text of texts) expect(decisionAuthorityRefusal(profile, text, facts)?.ruleId, text).toBe(ruleId);
    }
  });

  it("HAL-E5, WIG-E8, HTC-E3, C2007-E5: bodies and delegations are accepted, and an empty authority is fine", () => {
    for (const profile of [HAL, WIG, HTC, C2007])
      for (const text of [...PROPER, "", "   "])
        expect(decisionAuthorityRefusal(profile, text, facts), `${profile.key}: ${text}`).toBeNull();
  });

  it("C2007-E5: a Chairman or single councillor cannot be the decision-maker", () => {
    const texts = [
      "Chairman of Planning",
      "Chair's action",
      "Cllr Farrant",
      "Nigel Farrant",
      "Councillor Tranter",
      "Leader of the Council",
      "Cabinet Member for Housing",
      "the Vice-Chairman",
      "Portfolio Holder decision",
    ];
    for (const text of texts) expect(decisionAuthorityRefusal(C2007, text, facts)?.ruleId, text).toBe("C2007-E5");
  });

  it("HAL-E5, WIG-E8: a single councillor is not refused where only party groups are barred", () => {
    expect(decisionAuthorityRefusal(HAL, "Chairman of Planning", facts)).toBeNull();
    expect(decisionAuthorityRefusal(WIG, "Cabinet Member for Place under delegated authority", facts)).toBeNull();
  });

  it("HAL-E5, C2007-E5: only the councils whose protocol says so refuse; CWC is silent and refuses nothing", () => {
    expect(decisionAuthorityRefusal(CWC, "Labour Group meeting", facts)).toBeNull();
    expect(decisionAuthorityRefusal(CWC, "Chairman of Planning", facts)).toBeNull();
  });
});
