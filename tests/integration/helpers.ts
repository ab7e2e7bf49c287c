import { afterAll, inject } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The Prisma client for this test file, on the run's fresh database; disconnected after the file. */
export function testPrisma(): PrismaClient {
  const prisma = createPrismaClient(inject("databaseUrl"));
  afterAll(() => prisma.$disconnect());
  return prisma;
}

export async function viewerByEmail(prisma: PrismaClient, email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const v = await loadViewer(prisma, u.id, u.sessionVersion);
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
    data: { councilId: council.id, name: opts.name ?? `Test User ${counter}`, email, passwordHash: await hashPassword(password), roles: opts.roles ?? ["MEMBER"] },
  });
  return { user, email, password };
}
