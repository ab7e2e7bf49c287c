// Issue "Foundation" §4: five demo councils, one per seed protocol, with people in every role the protocol uses.
import { describe, expect, it } from "vitest";
import { loadViewer } from "@/lib/auth/viewer";
import { PROFILES } from "@/lib/protocol/profiles";
import type { CanonicalRole } from "@/lib/protocol/roles";
import { seedDemo } from "../../prisma/seed";
import { demoCouncils, demoEmail, DEMO_PASSWORD } from "../../prisma/demo-data";
import { checkCredentials } from "@/lib/auth/credentials";
import { testPrisma } from "./helpers";

const prisma = testPrisma();

describe("demo data", () => {
  it("has five councils, one for each protocol profile", async () => {
    // Other test files add councils of their own (iso-…): the demo is the councils the seed names.
    const councils = await prisma.council.findMany({
      where: { slug: { in: demoCouncils.map((c) => c.slug) } },
      orderBy: { profileKey: "asc" },
    });
    expect(councils).toHaveLength(5);
    expect(councils.map((c) => c.profileKey).sort()).toEqual(Object.keys(PROFILES).sort());
    expect(councils.find((c) => c.profileKey === "HTC")?.kind).toBe("TOWN");
    expect(councils.find((c) => c.profileKey === "WIG")?.kind).toBe("METROPOLITAN_BOROUGH");
  });

  for (const c of demoCouncils) {
    it(`${c.profileKey}: someone holds every role the protocol uses, with two or more groups and several wards`, async () => {
      const council = await prisma.council.findUniqueOrThrow({
        where: { slug: c.slug },
        include: { partyGroups: true, wards: true },
      });
      expect(council.partyGroups.length).toBeGreaterThanOrEqual(2);
      expect(council.wards.length).toBeGreaterThanOrEqual(2);
      const users = await prisma.user.findMany({
        where: { councilId: council.id, email: { endsWith: `@${c.slug}.example` } },
        select: { id: true, sessionVersion: true },
      });
      const held = new Set<CanonicalRole>();
      for (const u of users) for (const r of (await loadViewer(u.id, u.sessionVersion))!.roles) held.add(r);
      const missing = PROFILES[c.profileKey]!.rolesUsed.filter((r) => !held.has(r));
      expect(missing).toEqual([]);
      // Members sit in at least two groups and several wards.
      const memberGroups = await prisma.user.groupBy({
        by: ["partyGroupId"],
        where: { councilId: council.id, roles: { has: "MEMBER" }, partyGroupId: { not: null } },
      });
      expect(memberGroups.length).toBeGreaterThanOrEqual(2);
    });
  }

  it("keeps every council-owned row inside its own council", async () => {
    const offices = await prisma.groupOffice.findMany({ include: { user: true, group: true } });
    for (const o of offices) {
      expect(o.user.councilId).toBe(o.councilId);
      expect(o.group.councilId).toBe(o.councilId);
      expect(o.user.partyGroupId).toBe(o.groupId);
    }
    const services = await prisma.service.findMany({ include: { chiefOfficer: true } });
    for (const s of services.filter((s) => s.chiefOfficer)) {
      expect(s.chiefOfficer!.councilId).toBe(s.councilId);
      expect(s.chiefOfficer!.roles).toContain("CHIEF_OFFICER");
    }
    const wards = await prisma.ward.findMany({ include: { members: true } });
    for (const w of wards) for (const m of w.members) expect(m.councilId).toBe(w.councilId);
  });

  it("seeds only once: a second run changes nothing", async () => {
    const before = await prisma.user.count();
    expect(await seedDemo(prisma, () => {})).toBe(false);
    expect(await prisma.user.count()).toBe(before);
  });

  it("lets every demo account sign in with the shared demo password listed in README", async () => {
    const c = demoCouncils[0]!;
    const result = await checkCredentials(demoEmail(c, c.people[0]!), DEMO_PASSWORD);
    expect(result.ok).toBe(true);
  });
});
