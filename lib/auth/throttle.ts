// Throttling repeated wrong passwords for one account (docs/decisions/0003).
// Policy: MAX_FAILURES wrong passwords within WINDOW_MINUTES lock sign-in for that email for LOCK_MINUTES.
// Counted in PostgreSQL in one atomic statement, so it holds across app instances and concurrent attempts.
import "server-only";
import { db } from "@/lib/db";

import { LOCK_MINUTES, MAX_FAILURES, WINDOW_MINUTES } from "./throttle-policy";

/** Minutes until sign-in is allowed again, or 0 when not locked. */
export async function lockedForMinutes(email: string, now = new Date()): Promise<number> {
  const prisma = db();
  const row = await prisma.signInThrottle.findUnique({ where: { email } });
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000);
}

/** Records a wrong password; returns minutes locked (0 when this failure did not lock the account). */
export async function recordFailure(email: string, now = new Date()): Promise<number> {
  const prisma = db();
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

export async function clearFailures(email: string): Promise<void> {
  const prisma = db();
  await prisma.signInThrottle.deleteMany({ where: { email } });
}
