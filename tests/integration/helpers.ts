import { afterAll, inject } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { createPrismaClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The Prisma client for this test file, on the run's fresh database; disconnected after the file. */
export function testPrisma(): PrismaClient {
  const prisma = createPrismaClient(inject("databaseUrl"));
  afterAll(() => prisma.$disconnect());
  return prisma;
}

export async function viewerByEmail(prisma: PrismaClient, email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const v = await loadViewer(u.id, u.sessionVersion);
  if (!v) throw new Error(`no viewer for ${email}`);
  return v;
}

let counter = 0;

/** A new user in a demo council, for tests that change accounts (so demo people stay as seeded). */
export async function createTestUser(
  prisma: PrismaClient,
  councilSlug: string,
  opts: { roles?: ("MEMBER" | "OFFICER" | "ADMIN" | "CHIEF_OFFICER")[]; password?: string; name?: string } = {},
) {
  const { hashPassword } = await import("@/lib/auth/password");
  const council = await prisma.council.findUniqueOrThrow({ where: { slug: councilSlug } });
  counter += 1;
  const email = `test.user${counter}.${process.pid}.${Date.now()}@${councilSlug}.test`;
  const password = opts.password ?? "a-long-test-password";
  const user = await prisma.user.create({
    data: {
      councilId: council.id,
      name: opts.name ?? `Test User ${counter}`,
      email,
      passwordHash: await hashPassword(password),
      roles: opts.roles ?? ["MEMBER"],
    },
  });
  return { user, email, password };
}

let councils = 0;

/**
 * A council of its own (Wigan's protocol by default), for tests that count or page through everything in a scope,
 * or run jobs with injected dates, without touching other test files' data: two services, each with a Director and
 * two officers; two party groups and two wards with a member each.
 */
export async function createIsolatedCouncil(prisma: PrismaClient, profileKey = "WIG") {
  const { hashPassword } = await import("@/lib/auth/password");
  councils += 1;
  const tag = `${process.pid}-${Date.now()}-${councils}`;
  const council = await prisma.council.create({
    data: {
      slug: `iso-${tag}`,
      name: `Isolated Test Council ${councils}`,
      kind: "METROPOLITAN_BOROUGH",
      profileKey,
    },
  });
  const passwordHash = await hashPassword("a-long-test-password");
  const user = (
    name: string,
    roles: ("MEMBER" | "OFFICER" | "CHIEF_OFFICER" | "CHIEF_EXECUTIVE" | "MONITORING_OFFICER" | "ADMIN")[],
    extra: Record<string, unknown> = {},
  ) =>
    prisma.user.create({
      data: {
        councilId: council.id,
        name,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@iso.test`,
        passwordHash,
        roles,
        ...extra,
      },
    });
  const director = await user("Dana Director", ["OFFICER", "CHIEF_OFFICER"], {
    jobTitle: "Director of Place",
    seniority: "SENIOR",
  });
  const director2 = await user("Chris Children", ["OFFICER", "CHIEF_OFFICER"], {
    jobTitle: "Director of Children's Services",
    seniority: "SENIOR",
  });
  const service = await prisma.service.create({
    data: { councilId: council.id, name: "Place", chiefOfficerId: director.id },
  });
  const service2 = await prisma.service.create({
    data: { councilId: council.id, name: "Children's Services", chiefOfficerId: director2.id },
  });
  await prisma.user.update({ where: { id: director.id }, data: { serviceId: service.id } });
  await prisma.user.update({ where: { id: director2.id }, data: { serviceId: service2.id } });
  const officer = await user("Olive Officer", ["OFFICER"], {
    serviceId: service.id,
    jobTitle: "Highways Officer",
  });
  const officer2 = await user("Pat Planner", ["OFFICER"], { serviceId: service.id, jobTitle: "Planning Officer" });
  const outsider = await user("Sam Social", ["OFFICER"], { serviceId: service2.id, jobTitle: "Social Worker" });
  const ce = await user("Carey Executive", ["OFFICER", "CHIEF_EXECUTIVE"], {
    jobTitle: "Chief Executive",
    seniority: "SENIOR",
  });
  const mo = await user("Morgan Monitor", ["OFFICER", "MONITORING_OFFICER"], {
    jobTitle: "Monitoring Officer",
    seniority: "SENIOR",
  });
  const admin = await user("Ash Admin", ["OFFICER", "ADMIN"], { jobTitle: "Member Services Manager" });
  const red = await prisma.partyGroup.create({
    data: { councilId: council.id, name: "Red Group", isAdministration: true },
  });
  const blue = await prisma.partyGroup.create({ data: { councilId: council.id, name: "Blue Group" } });
  const north = await prisma.ward.create({ data: { councilId: council.id, name: "North" } });
  const south = await prisma.ward.create({ data: { councilId: council.id, name: "South" } });
  const m1 = await user("Mo Member", ["MEMBER"], { partyGroupId: red.id, wards: { connect: [{ id: north.id }] } });
  const m2 = await user("Bea Blue", ["MEMBER"], { partyGroupId: blue.id, wards: { connect: [{ id: south.id }] } });
  const viewer = async (id: string) => {
    const u = await prisma.user.findUniqueOrThrow({ where: { id } });
    const v = await loadViewer(u.id, u.sessionVersion);
    if (!v) throw new Error("no viewer");
    return v;
  };
  return {
    council,
    service,
    service2,
    red,
    blue,
    north,
    south,
    ids: {
      director: director.id,
      director2: director2.id,
      officer: officer.id,
      officer2: officer2.id,
      outsider: outsider.id,
      ce: ce.id,
      mo: mo.id,
      admin: admin.id,
      m1: m1.id,
      m2: m2.id,
    },
    viewer,
    member: await viewer(m1.id),
    director,
  };
}
