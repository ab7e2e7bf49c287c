import { describe, expect, it } from "vitest";
import { actionLabel, changedFields, entityLabel, formatValue, humanise } from "@/lib/admin/log-format";

describe("the administrative log in words", () => {
  it("names entities, actions and fields plainly", () => {
    expect(entityLabel("SETTINGS")).toBe("Protocol settings");
    expect(entityLabel("SOMETHING_NEW")).toBe("Something new");
    expect(actionLabel("RETIRE")).toBe("Retired");
    expect(humanise("weeklyCapacityHours")).toBe("Weekly capacity hours");
  });

  it("shows values as a person reads them", () => {
    expect(formatValue(null)).toBe("None");
    expect(formatValue("")).toBe("None");
    expect(formatValue([])).toBe("None");
    expect(formatValue(true)).toBe("Yes");
    expect(formatValue(["A", "B"])).toBe("A, B");
    expect(formatValue("2026-01-15T12:30:00.000Z")).toBe("15 Jan 2026, 12:30");
    expect(formatValue("2026-07-01")).toBe("1 Jul 2026");
    expect(formatValue({ kind: "LEADER", portfolio: "" })).toBe("Kind: Leader; Portfolio: None");
    // Stored codes read as words; abbreviations stay in capitals; what someone typed is left alone.
    expect(formatValue(["MEMBER", "LEADER_OF_COUNCIL"])).toBe("Member, Leader of council");
    expect(formatValue("SENIOR")).toBe("Senior");
    expect(formatValue("UK")).toBe("UK");
    expect(formatValue("CCTV")).toBe("CCTV");
    expect(formatValue("WA10")).toBe("WA10");
    expect(formatValue("Planning Committee")).toBe("Planning Committee");
    expect(formatValue("x".repeat(1000))).toHaveLength(300);
  });

  it("lists only the fields that changed, nested ones by path", () => {
    expect(
      changedFields(
        { name: "A", tier: 2, jnc: false, service: { name: "Place" } },
        { name: "B", tier: 2, jnc: true, service: { name: "Place" }, jobTitle: "Clerk" },
      ).rows,
    ).toEqual([
      { field: "name", label: "Name", before: "A", after: "B" },
      { field: "jnc", label: "JNC", before: "No", after: "Yes" },
      { field: "jobTitle", label: "Job title", before: "None", after: "Clerk" },
    ]);
    expect(changedFields(null, null)).toEqual({ rows: [], more: 0 });
    expect(changedFields({ sideEffects: null }, { sideEffects: [] }).rows).toEqual([]);
    expect(changedFields({ name: "HOUSING" }, { name: "Housing" }).rows).toHaveLength(1);
    expect(changedFields("old", "new").rows).toEqual([{ field: "", label: "Value", before: "old", after: "new" }]);
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`f${i}`, i]));
    expect(changedFields(undefined, many)).toMatchObject({ more: 5 });
  });
});
