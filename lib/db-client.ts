// Creates a Prisma client (JS engine + pg adapter; see shared STACK notes). App code never calls this: it reads
// through db() in lib/db.ts (server-only). Scripts and test setup, which run outside Next, create their own.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (embedded database) or set DATABASE_URL.",
    );
  }
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
  });
}
