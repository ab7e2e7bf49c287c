// Daily housekeeping: forget ended sessions and stale sign-in counters. Idempotent.
import "server-only";
import { purgeEndedSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export async function runMaintenance(now: Date): Promise<{ sessions: number; throttles: number }> {
  const sessions = await purgeEndedSessions(now);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const throttles = (
    await db().signInThrottle.deleteMany({
      where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    })
  ).count;
  return { sessions, throttles };
}
