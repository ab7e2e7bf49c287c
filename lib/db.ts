// The Prisma clients of a process. Every read and write of lib/ goes through db(); the dashboard and the CSV exports
// — heavy reads where a second or two of replication lag does not matter — go through dbRead(), which uses a read
// replica when DATABASE_REPLICA_URL is set (README "Scaling out"). app/ and components/ never import this module
// (an ESLint rule keeps it so).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./db-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaRead?: PrismaClient };

/** Lazily created so that `next build` never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

/** For reports that may lag the primary slightly: the read replica if one is configured, else the primary. */
export function dbRead(): PrismaClient {
  const replica = process.env.DATABASE_REPLICA_URL;
  if (!replica) return db();
  globalForPrisma.prismaRead ??= createPrismaClient(replica);
  return globalForPrisma.prismaRead;
}
