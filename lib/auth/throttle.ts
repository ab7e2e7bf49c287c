// Throttling repeated wrong passwords for one account (docs/decisions/0003).
// Policy: MAX_FAILURES wrong passwords within WINDOW_MINUTES lock sign-in for that email for LOCK_MINUTES.
// Counted in PostgreSQL in one atomic statement, so it holds across app instances and concurrent attempts.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

/** Minutes until sign-in is allowed again, or 0 when not locked. */
export async function lockedForMinutes(prisma: PrismaClient, email: string, now = new Date()): Promise<number> {
  const row = await prisma.signInThrottle.findUnique({ where: { email } });
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000);
}

/** Records a wrong password; returns minutes locked (0 when this failure did not lock the account). */
export async function recordFailure(prisma: PrismaClient, email: string, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const rows = await prisma.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" ("email", "failures", "windowStart", "lockedUntil")
    VALUES (${email}, 1, ${now}, NULL)
    ON CONFLICT ("email") DO UPDATE SET
      "failures"    = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN "SignInThrottle"."windowStart" >= ${windowStart} AND "SignInThrottle"."failures" + 1 >= ${MAX_FAILURES} THEN ${lockUntil}
        ELSE "SignInThrottle"."lockedUntil" END
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  return row?.lockedUntil && row.lockedUntil > now ? LOCK_MINUTES : 0;
}

export async function clearFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { email } });
}
