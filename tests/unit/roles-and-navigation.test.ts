import { describe, expect, it } from "vitest";
import { navFor, ROLE_DUTIES } from "@/lib/auth/permissions";
import { primaryRoleLabel, roleLabels } from "@/lib/people/describe";
import { roleOptions } from "@/lib/users/person-schema";
import { getProfile, PROFILES, roleLabel } from "@/lib/protocol/profiles";
import { DEFAULT_ROLE_LABELS, effectiveRoles, STORED_ROLES } from "@/lib/protocol/roles";

const none = { groupOffices: [], chairsCommittees: false, hasWards: false, hasCommittees: false } as const;

describe("effective roles (RULES.md §2)", () => {
  it("derives Group Leader, Chief Whip, Spokesperson, Committee Chair, ward and committee member from offices", () => {
    expect(
      effectiveRoles({
        stored: ["MEMBER"],
        groupOffices: ["LEADER", "CHIEF_WHIP", "SPOKESPERSON"],
        chairsCommittees: true,
        hasWards: true,
        hasCommittees: true,
      }),
    ).toEqual([
      "GROUP_LEADER",
      "CHIEF_WHIP",
      "SPOKESPERSON",
      "COMMITTEE_CHAIR",
      "MEMBER",
      "WARD_MEMBER",
      "COMMITTEE_MEMBER",
    ]);
  });
  it("gives ward and committee membership only to members", () => {
    expect(effectiveRoles({ ...none, stored: ["OFFICER"], hasWards: true, hasCommittees: true })).toEqual([
      "OFFICER",
    ]);
  });
  it("keeps several held roles at once (e.g. Director of Governance and Monitoring Officer, CWC §11.7)", () => {
    expect(
      effectiveRoles({
        ...none,
        stored: ["OFFICER", "CHIEF_OFFICER", "DIRECTOR_OF_GOVERNANCE", "MONITORING_OFFICER"],
      }),
    ).toEqual(["DIRECTOR_OF_GOVERNANCE", "MONITORING_OFFICER", "CHIEF_OFFICER", "OFFICER"]);
  });
});

describe("navigation per role", () => {
  it("shows members and officers 'Make a request', everyone their requests, notifications, meetings, correspondence and the register, handlers a queue, managers a dashboard, only administrators the users page and outbox, and administrators and the Monitoring Officer the admin log", () => {
    expect(navFor(["MEMBER"]).map((n) => n.label)).toEqual([
      "Home",
      "Make a request",
      "Requests",
      "Meetings",
      "Correspondence",
      "Register",
      "Notifications",
      "People",
      "Your account",
    ]);
    expect(navFor(["OFFICER", "ADMIN"]).map((n) => n.label)).toEqual([
      "Home",
      "Make a request",
      "Requests",
      "Queue",
      "Meetings",
      "Correspondence",
      "Register",
      "Notifications",
      "People",
      "Users",
      "Email outbox",
      "Admin log",
      "Your account",
    ]);
    expect(navFor(["MONITORING_OFFICER"]).map((n) => n.label)).toEqual([
      "Home",
      "Requests",
      "Queue",
      "Meetings",
      "Correspondence",
      "Register",
      "Notifications",
      "People",
      "Admin log",
      "Your account",
    ]);
    expect(navFor(["CHIEF_EXECUTIVE", "OFFICER"]).map((n) => n.label)).toEqual([
      "Home",
      "Make a request",
      "Requests",
      "Queue",
      "Dashboard",
      "Meetings",
      "Correspondence",
      "Register",
      "Notifications",
      "People",
      "Your account",
    ]);
    expect(navFor(["TOWN_CLERK", "OFFICER"]).map((n) => n.label)).toContain("Meetings");
    expect(navFor(["MEMBER", "LEADER_OF_COUNCIL"]).map((n) => n.label)).toContain("Queue"); // complaints about the CE (WIG-C3)
    expect(navFor(["MEMBER"]).map((n) => n.href)).not.toContain("/dashboard");
  });
  it("describes what every held role will do", () => {
    for (const role of STORED_ROLES) expect(ROLE_DUTIES[role]?.length, role).toBeGreaterThan(0);
  });
});

describe("council profiles", () => {
  it("registers the five seed protocols", () => {
    expect(Object.keys(PROFILES).sort()).toEqual(["C2007", "CWC", "HAL", "HTC", "WIG"]);
    expect(() => getProfile("NOPE")).toThrow(/Unknown council profile/);
  });
  it("uses each council's own names for roles (C2007 calls the Chief Officer the Head of Service)", () => {
    expect(roleLabel(getProfile("C2007"), "CHIEF_OFFICER")).toBe("Head of Service");
    expect(roleLabel(getProfile("HAL"), "CHIEF_OFFICER")).toBe(DEFAULT_ROLE_LABELS.CHIEF_OFFICER);
    expect(primaryRoleLabel("HTC", ["TOWN_CLERK", "OFFICER"])).toBe("Town Clerk");
    expect(roleLabels("WIG", ["MEMBER", "WARD_MEMBER"])).toEqual(["Councillor"]);
  });
  it("never uses PROPER_OFFICER (RULES.md §2: reserved)", () => {
    for (const p of Object.values(PROFILES)) expect(p.rolesUsed as string[]).not.toContain("PROPER_OFFICER");
  });
  it("offers an administrator only the roles the council's protocol names, the service's own, and those held", () => {
    const values = (key: string, held: string[] = []) => roleOptions(key, held).map((o) => o.value);
    expect(values("WIG")).not.toContain("TOWN_CLERK");
    expect(values("WIG")).not.toContain("COUNCIL_CHAIR");
    expect(values("WIG")).toEqual(expect.arrayContaining(["MEMBER", "CABINET_MEMBER", "CHIEF_OFFICER", "ADMIN"]));
    expect(values("HTC")).toEqual(expect.arrayContaining(["TOWN_CLERK", "COUNCIL_CHAIR", "DEMOCRATIC_SERVICES"]));
    expect(values("WIG", ["TOWN_CLERK"])).toContain("TOWN_CLERK");
    expect(roleOptions("WIG").find((o) => o.value === "CHIEF_OFFICER")!.label).toBe("Director");
  });
});
