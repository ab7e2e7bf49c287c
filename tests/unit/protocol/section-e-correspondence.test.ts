// RULES.md §3.E — correspondence between members and officers, and official letters (the pure core).
import { describe, expect, it } from "vitest";
import { getProfile } from "@/lib/protocol/profiles";
import {
  decideCopy,
  decideLetter,
  decideRecord,
  decideReply,
  isWideCirculation,
  planCopy,
  suggestDirector,
  type CorrespondenceFacts,
  type CopyInput,
  type Party,
} from "@/lib/workflow/correspondence";

const HAL = getProfile("HAL");
const CWC = getProfile("CWC");
const C2007 = getProfile("C2007");
const WIG = getProfile("WIG");
const HTC = getProfile("HTC");

const person = (o: Partial<Party> & { id: string }): Party => ({
  name: o.id,
  member: false,
  officer: false,
  groupId: null,
  cabinetMember: false,
  scrutinyChair: false,
  leader: false,
  ...o,
});
const memberA = person({ id: "a", member: true, groupId: "X" });
const memberB = person({ id: "b", member: true, groupId: "Y" });
const memberC = person({ id: "c", member: true, groupId: "X" });
const officer = person({ id: "o", officer: true });
const director = person({ id: "d", officer: true });

const letter = (o: Partial<CorrespondenceFacts> = {}): CorrespondenceFacts => ({
  originatorId: "a",
  originatorIsMember: true,
  originatorGroupId: "X",
  recipientId: "o",
  recipientIsOfficer: true,
  confidential: false,
  individualMatter: false,
  concernedMemberIds: [],
  ...o,
});
const copy = (o: Partial<CopyInput> = {}): CopyInput => ({
  copierId: "o",
  targets: [],
  allMembers: false,
  reasons: "",
  hiddenRequested: false,
  confirmed: false,
  existing: new Map(),
  ...o,
});
const refusedWith = (d: { ok: boolean; ruleId?: string }, ruleId: string) =>
  expect(d).toMatchObject({ ok: false, ruleId });

describe("copying", () => {
  it("CWC-E1: a copy to another group's member waits for consent; to the originator's group it is made", () => {
    const d = decideCopy(CWC, letter(), copy({ targets: [memberB, memberC] }));
    expect(d.ok && d.copies).toEqual([
      { recipientId: "b", status: "AWAITING_CONSENT", ruleId: "CWC-E1" },
      { recipientId: "c", status: "COPIED", ruleId: "CWC-E1" },
    ]);
  });

  it("CWC-E2: a copy to an Overview and Scrutiny Chair or a Cabinet Member of the same group waits for consent", () => {
    const chair = person({ id: "s", member: true, groupId: "X", scrutinyChair: true });
    const cabinet = person({ id: "k", member: true, groupId: "X", cabinetMember: true });
    expect(planCopy(CWC, letter(), "o", chair)).toMatchObject({ status: "AWAITING_CONSENT", ruleId: "CWC-E2" });
    expect(planCopy(CWC, letter(), "o", cabinet)).toMatchObject({ status: "AWAITING_CONSENT", ruleId: "CWC-E2" });
    // No such rule in Halton: the copy is made, and the originator told (DEF-E2).
    expect(planCopy(HAL, letter(), "o", cabinet)).toMatchObject({ status: "COPIED", ruleId: "DEF-E2" });
  });

  it("C2007-E1: copying to a councillor needs reasons; a hidden copy is refused; an officer copy needs none", () => {
    refusedWith(decideCopy(C2007, letter(), copy({ targets: [memberB] })), "C2007-E1");
    refusedWith(
      decideCopy(C2007, letter(), copy({ targets: [memberB], reasons: "x", hiddenRequested: true })),
      "C2007-E1",
    );
    expect(decideCopy(C2007, letter(), copy({ targets: [director] })).ok).toBe(true);
    expect(decideCopy(C2007, letter(), copy({ targets: [memberB], reasons: "Ward member" }))).toMatchObject({
      ok: true,
      copies: [{ status: "COPIED", ruleId: "C2007-E1" }],
    });
  });

  it("DEF-E2: Halton and Halstead have no blind copies either, and only the officer who received it copies it", () => {
    refusedWith(decideCopy(HTC, letter(), copy({ targets: [memberB], hiddenRequested: true })), "DEF-E2");
    refusedWith(decideCopy(HAL, letter(), copy({ copierId: "a", targets: [memberB] })), "DEF-E2");
  });

  it("WIG-E3: confidential items are never copied; either party may copy the rest", () => {
    refusedWith(decideCopy(WIG, letter({ confidential: true }), copy({ targets: [memberB] })), "WIG-E3");
    expect(decideCopy(WIG, letter(), copy({ copierId: "a", targets: [memberB] })).ok).toBe(true);
    refusedWith(decideCopy(WIG, letter(), copy({ copierId: "c", targets: [memberB] })), "WIG-E3");
  });

  it("WIG-E3: the officer's Director is suggested to the member who wrote, unless already copied or confidential", () => {
    const rec = { ...letter(), direction: "MEMBER_TO_OFFICER" as const };
    expect(suggestDirector(WIG, rec, "a", "d", [])).toEqual({ ruleId: "WIG-E3" });
    expect(suggestDirector(WIG, rec, "o", "d", [])).toBeNull();
    expect(suggestDirector(WIG, rec, "a", "d", ["d"])).toBeNull();
    expect(suggestDirector(WIG, { ...rec, confidential: true }, "a", "d", [])).toBeNull();
    expect(suggestDirector(CWC, rec, "a", "d", [])).toBeNull();
  });

  it("DEF-E5: more than five members or all members is wide circulation, with the public-rebuke notice (WIG-E3)", () => {
    expect(isWideCirculation(WIG, 5, false)).toBe(false);
    expect(isWideCirculation(WIG, 6, false)).toBe(true);
    expect(isWideCirculation(WIG, 1, true)).toBe(true);
    expect(isWideCirculation(CWC, 50, true)).toBe(false);
    const members = Array.from({ length: 6 }, (_, i) => person({ id: `m${i}`, member: true, groupId: "Y" }));
    const d = decideCopy(WIG, letter(), copy({ targets: members }));
    expect(d.ok && d.confirm).toMatch(/public rebuke \(WIG-E3\).*DEF-E5/);
    expect(decideCopy(WIG, letter(), copy({ targets: members, confirmed: true }))).toMatchObject({ ok: true });
  });

  it("WIG-A8: an individual matter goes only from its writer to their own party's members", () => {
    const rec = letter({ individualMatter: true });
    refusedWith(decideCopy(WIG, rec, copy({ targets: [memberC] })), "WIG-A8");
    refusedWith(decideCopy(WIG, rec, copy({ copierId: "a", targets: [memberB] })), "WIG-A8");
    expect(decideCopy(WIG, rec, copy({ copierId: "a", targets: [memberC] })).ok).toBe(true);
    expect(decideCopy(WIG, rec, copy({ targets: [director] })).ok).toBe(true);
  });

  it("WIG-A10: correspondence about another member goes to that member only", () => {
    const rec = letter({ concernedMemberIds: ["b"] });
    refusedWith(decideCopy(WIG, rec, copy({ targets: [memberC] })), "WIG-A10");
    expect(decideCopy(WIG, rec, copy({ targets: [memberB] }))).toMatchObject({
      ok: true,
      copies: [{ ruleId: "WIG-A10" }],
    });
  });
});

describe("recording and replies", () => {
  const base = {
    aboutOwnEmployment: false,
    individualMatter: false,
    concernedMemberIds: [],
    sharingAgreed: false,
  };

  it("WIG-E9: an officer's message to a member about their own employment is refused; elsewhere the box is not asked", () => {
    const input = { ...base, recorderId: "o", from: officer, to: memberA, aboutOwnEmployment: true };
    const d = decideRecord(WIG, input);
    refusedWith(d, "WIG-E9");
    expect(!d.ok && d.message).toMatch(/staff consultation procedures/);
    expect(decideRecord(CWC, input)).toMatchObject({ ok: true, direction: "OFFICER_TO_MEMBER" });
  });

  it("CWC-E1: correspondence is between a member and an officer, or to a Cabinet Member", () => {
    const cabinet = person({ id: "k", member: true, cabinetMember: true });
    expect(decideRecord(CWC, { ...base, recorderId: "a", from: memberA, to: officer })).toMatchObject({
      direction: "MEMBER_TO_OFFICER",
    });
    expect(decideRecord(CWC, { ...base, recorderId: "a", from: memberA, to: cabinet })).toMatchObject({
      direction: "MEMBER_TO_CABINET_MEMBER",
    });
    expect(decideRecord(CWC, { ...base, recorderId: "a", from: memberA, to: memberB }).ok).toBe(false);
    expect(decideRecord(CWC, { ...base, recorderId: "o", from: memberA, to: director }).ok).toBe(false);
  });

  it("CWC-E4: the Leader is copied on a Cabinet Member's reply, unless professional confidence is given and explained", () => {
    const reply = {
      replierId: "o",
      replierIsCabinetMember: true,
      text: "Reply",
      asCabinetMember: true,
      leaveLeaderOff: false,
      breachOfConfidence: false,
      confidenceExplanation: "",
      leaderId: "L",
    };
    const rec = { ...letter(), status: "OPEN" };
    expect(decideReply(CWC, rec, reply)).toMatchObject({ ok: true, copyLeaderId: "L", ruleId: "CWC-E4" });
    refusedWith(decideReply(CWC, rec, { ...reply, leaveLeaderOff: true }), "CWC-E4");
    expect(
      decideReply(CWC, rec, {
        ...reply,
        leaveLeaderOff: true,
        breachOfConfidence: true,
        confidenceExplanation: "Health",
      }),
    ).toMatchObject({ ok: true, copyLeaderId: null, leaderLeftOff: true });
    // The Leader replying needs no copy to themselves; WIG has no such rule.
    expect(decideReply(CWC, rec, { ...reply, leaderId: "o" })).toMatchObject({ copyLeaderId: null });
    expect(decideReply(WIG, rec, reply)).toMatchObject({ ok: true, copyLeaderId: null });
  });
});

describe("official letters", () => {
  const cabinet = person({ id: "k", member: true, cabinetMember: true });
  const letterInput = {
    drafterIsOfficer: true,
    signatory: cabinet,
    obligations: true,
    signatoryReasons: "Minister",
  };

  it("CWC-E3, C2007-E2: a councillor never signs a letter creating obligations or giving instructions", () => {
    refusedWith(decideLetter(CWC, letterInput), "CWC-E3");
    refusedWith(decideLetter(C2007, letterInput), "C2007-E2");
    expect(decideLetter(CWC, { ...letterInput, signatory: officer })).toMatchObject({
      ok: true,
      ruleId: "CWC-E3",
    });
  });

  it("DEF-G1: a councillor signatory needs reasons; where the protocol is silent obligations do not block", () => {
    refusedWith(decideLetter(CWC, { ...letterInput, obligations: false, signatoryReasons: " " }), "DEF-G1");
    expect(decideLetter(WIG, letterInput)).toMatchObject({ ok: true, ruleId: "DEF-G1" });
    refusedWith(decideLetter(HAL, { ...letterInput, signatoryReasons: "" }), "DEF-G1");
  });
});
