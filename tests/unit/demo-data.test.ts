// Demo people are invented: none of them is named in the seed protocol texts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoCouncils, demoEmail } from "../../prisma/demo-data";
import { PROFILES } from "@/lib/protocol/profiles";

const seeds = path.resolve("../shared/seeds");

describe("demo data (static)", () => {
  it("gives every demo person a unique sign-in email", () => {
    const emails = demoCouncils.flatMap((c) => c.people.map((p) => demoEmail(c, p)));
    expect(new Set(emails).size).toBe(emails.length);
  });
  it("points each council at a registered profile and its services and committees at its own people", () => {
    for (const c of demoCouncils) {
      expect(PROFILES[c.profileKey], c.slug).toBeDefined();
      const names = new Set(c.people.map((p) => p.name));
      for (const chief of Object.values(c.services)) if (chief) expect(names.has(chief), chief).toBe(true);
      for (const chair of Object.values(c.committees)) expect(names.has(chair), chair).toBe(true);
    }
  });
  it.skipIf(!existsSync(seeds))("uses no name of a real person from the seed documents", () => {
    const text = readdirSync(seeds)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(seeds, f), "utf8"))
      .join("\n")
      .toLowerCase();
    for (const c of demoCouncils)
      for (const p of c.people) expect(text.includes(p.name.toLowerCase()), p.name).toBe(false);
  });
});
