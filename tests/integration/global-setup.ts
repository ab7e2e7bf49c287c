import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "../../prisma/seed";
import { applyMigrationFiles, startTestDb } from "../support/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startTestDb("integration");
  await applyMigrationFiles(db.url);
  const prisma = createPrismaClient(db.url);
  await seedDemo(prisma, () => {});
  await prisma.$disconnect();
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
  };
}
