// Seeds the five demo councils once (skips when any council exists). Run: npm run db:seed
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, demoCouncils, demoEmail } from "./demo-data";

export async function seedDemo(prisma: PrismaClient, log: (msg: string) => void = console.log): Promise<boolean> {
  if ((await prisma.council.count()) > 0) {
    log("Demo data already present: not seeding.");
    return false;
  }
  log("Seeding demo data (five councils)…");
  // One hash for the shared demo password: demo accounts only; real users set their own.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      for (const c of demoCouncils) {
        const council = await tx.council.create({
          data: { slug: c.slug, name: c.name, kind: c.kind, profileKey: c.profileKey },
        });
        const councilId = council.id;
        const groups = new Map<string, string>();
        for (const g of c.groups)
          groups.set(g.name, (await tx.partyGroup.create({ data: { councilId, ...g } })).id);
        const wards = new Map<string, string>();
        for (const w of c.wards) wards.set(w, (await tx.ward.create({ data: { councilId, name: w } })).id);
        const services = new Map<string, string>();
        for (const s of Object.keys(c.services))
          services.set(s, (await tx.service.create({ data: { councilId, name: s } })).id);
        const committees = new Map<string, string>();
        for (const name of Object.keys(c.committees))
          committees.set(
            name,
            (await tx.committee.create({ data: { councilId, name, ...c.committeeDetails?.[name] } })).id,
          );
        const people = new Map<string, string>();
        for (const p of c.people) {
          const user = await tx.user.create({
            data: {
              councilId,
              name: p.name,
              email: demoEmail(c, p),
              passwordHash,
              roles: p.roles,
              jobTitle: p.jobTitle ?? (p.roles.includes("MEMBER") ? "Councillor" : null),
              partyGroupId: p.group ? groups.get(p.group) : null,
              serviceId: p.service ? services.get(p.service) : null,
              seniority: p.seniority ?? null,
              tier: p.tier ?? null,
              jnc: p.jnc ?? false,
              weeklyCapacityHours: p.capacity ?? null,
              portfolioName: p.portfolio?.name ?? null,
              portfolioServices: { connect: (p.portfolio?.services ?? []).map((n) => ({ id: services.get(n)! })) },
              wards: { connect: (p.wards ?? []).map((w) => ({ id: wards.get(w)! })) },
              committees: { connect: (p.committees ?? []).map((n) => ({ id: committees.get(n)! })) },
            },
          });
          people.set(p.name, user.id);
          for (const o of p.offices ?? []) {
            await tx.groupOffice.create({
              data: {
                councilId,
                groupId: groups.get(p.group!)!,
                userId: user.id,
                kind: o.kind,
                portfolio: o.portfolio ?? "",
              },
            });
          }
        }
        for (const [s, chief] of Object.entries(c.services)) {
          if (chief)
            await tx.service.update({
              where: { id: services.get(s)! },
              data: { chiefOfficerId: people.get(chief)! },
            });
        }
        // Meetings ahead for every committee (section E), so that reports and agenda items have somewhere to go:
        // town councils meet monthly (Full Council, the second Tuesday, HTC-D8); others every month for a year.
        await tx.meeting.createMany({ data: demoMeetings(councilId, c.kind, committees, new Date()) });
        for (const [name, chair] of Object.entries(c.committees)) {
          await tx.committee.update({
            where: { id: committees.get(name)! },
            data: { chairId: people.get(chair)! },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  log(`Seeded ${demoCouncils.length} councils. Demo password for every demo account: ${DEMO_PASSWORD}`);
  return true;
}

/** Twelve monthly meetings per committee, each with its agenda deadline a week before (London dates). */
export function demoMeetings(councilId: string, kind: string, committees: Map<string, string>, from: Date) {
  const names = [...committees.keys()];
  const meetingsOf = kind === "TOWN" ? names.filter((n) => n === "Full Council") : names;
  return meetingsOf.flatMap((name, k) =>
    Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i + 1, 1));
      d.setUTCDate(1 + ((9 - d.getUTCDay()) % 7) + 7 + (kind === "TOWN" ? 0 : k)); // the second Tuesday (+k days)
      const deadline = new Date(d.getTime() - 7 * 86_400_000);
      return { councilId, title: name, date: d, committeeId: committees.get(name)!, agendaDeadline: deadline };
    }),
  );
}

// `npm run db:seed` / `tsx prisma/seed.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createPrismaClient } = await import("@/lib/db-client");
  const prisma = createPrismaClient();
  try {
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
