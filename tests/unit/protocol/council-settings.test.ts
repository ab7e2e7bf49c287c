// Issue 15: a council's settings applied to its profile (lib/protocol/council-profile.ts) and the catalogue's checks
// (lib/admin/settings-catalogue.ts). Pure: council settings change, protocol rules never do, the base profile is
// never touched.
import { describe, expect, it } from "vitest";
import { ENTRIES, entryFor, parseSettingValue } from "@/lib/admin/settings-catalogue";
import { applySettings, profileFor, settingAt } from "@/lib/protocol/council-profile";
import { describeProtocol } from "@/lib/protocol/how-requests-work";
import { getProfile, PROFILES } from "@/lib/protocol/profiles";
import { dueDate } from "@/lib/workflow/due";

const NOW = new Date("2026-11-23T10:00:00Z"); // a Monday

describe("council settings on a profile", () => {
  it("DEF-A1: a council's target replaces the default; the base profile is unchanged and the due date follows", () => {
    const base = getProfile("HAL");
    const p = applySettings(base, { "information.targetWorkingDays": 5 });
    expect(p.information.targetWorkingDays).toEqual({ value: 5, ruleId: "DEF-A1", isDefault: true });
    expect(base.information.targetWorkingDays.value).toBe(10);
    expect(dueDate(p, "INFORMATION", NOW)).toBe("2026-11-30");
    expect(dueDate(base, "INFORMATION", NOW)).toBe("2026-12-07");
    // Only the path changed is copied: everything else is the base's own object.
    expect(p.briefing).toBe(base.briefing);
    expect(p.information.recipient).toBe(base.information.recipient);
  });

  it("WIG-A10, CWC-A3: a stored value for a protocol rule, an unknown path or a value of the wrong kind is ignored", () => {
    const wig = getProfile("WIG");
    const p = applySettings(wig, {
      "information.anotherMemberRule": false,
      "information.recipient": "TOWN_CLERK",
      "information.targetWorkingDays": "5",
      "information.nothing": 3,
      "__proto__.polluted": true,
    });
    expect(p).toBe(wig);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const cwc = getProfile("CWC");
    expect(applySettings(cwc, { "information.governanceAdviceBeforeRefusal": false })).toBe(cwc);
  });

  it("DEF-E2: a setting the protocol is silent on becomes the council's own once set", () => {
    const p = applySettings(getProfile("HAL"), { "duties.correspondence.exceptionalReasons": true });
    expect(p.duties.correspondence.exceptionalReasons).toEqual({
      value: true,
      ruleId: "COUNCIL",
      isDefault: true,
    });
    expect(p.duties.correspondence.originatorTold.ruleId).toBe("DEF-E2");
  });

  it("DEF-A1: a profile is built once per council and version, and version 0 is the profile itself", () => {
    const council = {
      id: "c-unit",
      profileKey: "WIG",
      settingsVersion: 3,
      settings: { "briefing.decisionWorkingDays": 2 },
    };
    const a = profileFor(council);
    expect(profileFor({ ...council, settings: undefined })).toBe(a);
    expect(a.briefing.decisionWorkingDays.value).toBe(2);
    expect(profileFor({ ...council, settingsVersion: 0, settings: null })).toBe(getProfile("WIG"));
    expect(() => profileFor({ ...council, settingsVersion: 4, settings: undefined })).toThrow(/not loaded/);
  });

  it("DEF-A1, DEF-E5: the catalogue refuses working days outside 1 to 60 and keeps every entry's path real", () => {
    const target = entryFor("information.targetWorkingDays")!;
    const hal = getProfile("HAL");
    expect(parseSettingValue(target, "60", hal)).toEqual({ ok: true, value: 60 });
    for (const bad of ["0", "61", "1e1", " ", "07.5"]) expect(parseSettingValue(target, bad, hal).ok).toBe(false);
    expect(
      parseSettingValue(entryFor("duties.correspondence.wideCirculation")!, "200", getProfile("WIG")),
    ).toEqual({
      ok: true,
      value: 200,
    });
    // Every catalogue path names a setting of at least one profile, and every editable one is of an editable kind.
    for (const e of ENTRIES) {
      const found = Object.values(PROFILES).map((p) => settingAt(p, e.path));
      expect(found.some(Boolean), e.path).toBe(true);
      if (e.edit?.kind === "number")
        expect(
          found.every((s) => !s || typeof s.value === "number"),
          e.path,
        ).toBe(true);
      if (e.edit?.kind === "boolean")
        expect(
          found.every((s) => !s || typeof s.value === "boolean"),
          e.path,
        ).toBe(true);
    }
  });

  it("HTC-D1, WIG-A13: How requests work here describes every council's protocol from its profile", () => {
    for (const p of Object.values(PROFILES)) {
      const areas = describeProtocol(p);
      expect(areas.map((a) => a.key)).toContain("information");
      expect(areas.flatMap((a) => a.lines).every((l) => l.text.length > 10)).toBe(true);
    }
    const htc = describeProtocol(getProfile("HTC")).find((a) => a.key === "townCouncil")!;
    expect(htc.lines.map((l) => l.ruleId)).toEqual(["HTC-D1", "DEF-D1"]);
    expect(describeProtocol(getProfile("WIG")).find((a) => a.key === "townCouncil")).toBeUndefined();
  });
});
