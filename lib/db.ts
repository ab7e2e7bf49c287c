// The one Prisma client of a process. Every read and write of lib/ goes through db(); app/ and components/ never
// import this module (an ESLint rule keeps it so).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./db-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Lazily created so that `next build` never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}
