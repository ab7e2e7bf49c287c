import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemo } from "../../prisma/seed";
import { migrate } from "../../scripts/migrate";
import { startTestDb } from "../support/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startTestDb("integration");
  // The real `prisma migrate deploy`, as `npm start` runs it, so a migration that only works by hand fails here.
  migrate(db.url, () => {});
  const prisma = createPrismaClient(db.url);
  await seedDemo(prisma, () => {});
  await prisma.$disconnect();
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
  };
}
