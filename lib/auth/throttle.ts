// Throttling sign-in attempts (docs/decisions/0003; limits in ./throttle-policy.ts). Each attempt is reserved in
// PostgreSQL *before* the password is checked, holding the counter rows' locks until the reservation commits: of
// many parallel attempts only those under the limit are ever checked, on every app instance. A success clears the
// account's counts and gives the address its attempt back.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LIMITS, WINDOW_MINUTES, type ThrottleKind } from "./throttle-policy";

export type Reservation = { allowed: true; lastTry: boolean } | { allowed: false; minutes: number };

type Counter = { attempts: number; windowStart: Date; lockedUntil: Date | null };

/**
 * One counter's next state for an attempt at `now` (pure). A refused attempt is not counted. Over the limit, the
 * first attempt is refused and starts a lock; once a lock has run out, one attempt is let through and the lock
 * starts again after it — a back-off that allows one try per lock period, never a lock that only grows.
 */
export function nextCounter(
  c: Counter,
  limit: { attempts: number; lockMinutes: number },
  now: Date,
): { counter: Counter; refusedUntil: Date | null } {
  if (c.lockedUntil && c.lockedUntil > now) return { counter: c, refusedUntil: c.lockedUntil };
  const fresh = c.windowStart.getTime() < now.getTime() - WINDOW_MINUTES * 60_000;
  const attempts = (fresh ? 0 : c.attempts) + 1;
  const windowStart = fresh ? now : c.windowStart;
  const lockUntil = new Date(now.getTime() + limit.lockMinutes * 60_000);
  if (attempts <= limit.attempts)
    return { counter: { attempts, windowStart, lockedUntil: null }, refusedUntil: null };
  const hadLock = !fresh && c.lockedUntil !== null;
  return hadLock
    ? { counter: { attempts, windowStart, lockedUntil: lockUntil }, refusedUntil: null }
    : { counter: { attempts: attempts - 1, windowStart, lockedUntil: lockUntil }, refusedUntil: lockUntil };
}

const keys = (email: string, address: string): { kind: ThrottleKind; key: string }[] => [
  { kind: "pair", key: `pair:${email}|${address}` },
  { kind: "acct", key: `acct:${email}` },
  { kind: "ip", key: `ip:${address}` },
];

async function reserveKey(
  tx: Prisma.TransactionClient,
  key: string,
  kind: ThrottleKind,
  now: Date,
): Promise<{ refusedUntil: Date | null; attempts: number }> {
  // One statement creates or locks the row and reads it: a row deleted meanwhile (a success clearing the account's
  // counts) is simply created again, never read as missing.
  const [row] = await tx.$queryRaw<Counter[]>`INSERT INTO "SignInThrottle" ("key", "attempts", "windowStart")
    VALUES (${key}, 0, ${now})
    ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"
    RETURNING "attempts", "windowStart", "lockedUntil"`;
  const next = nextCounter(row!, LIMITS[kind], now);
  await tx.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = ${next.counter.attempts},
    "windowStart" = ${next.counter.windowStart}, "lockedUntil" = ${next.counter.lockedUntil} WHERE "key" = ${key}`;
  return { refusedUntil: next.refusedUntil, attempts: next.counter.attempts };
}

/** Counts an attempt for the pair, the account and the address (in that order, so concurrent reservations never
 * deadlock); refused, without checking the password, when any of them is over its limit. */
export async function reserveAttempt(email: string, address: string, now = new Date()): Promise<Reservation> {
  const { until, lastTry } = await db().$transaction(
    async (tx) => {
      let latest: Date | null = null;
      let last = false;
      for (const k of keys(email, address)) {
        const r = await reserveKey(tx, k.key, k.kind, now);
        if (r.refusedUntil && (!latest || r.refusedUntil > latest)) latest = r.refusedUntil;
        if (k.kind === "pair" && r.attempts >= LIMITS.pair.attempts) last = true;
      }
      return { until: latest, lastTry: last };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return until
    ? { allowed: false, minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) }
    : { allowed: true, lastTry };
}

/** The last allowed attempt failed: the lock starts now, so the person can be told at once how long to wait. */
export async function lockAfterLastTry(email: string, address: string, now = new Date()): Promise<number> {
  const minutes = LIMITS.pair.lockMinutes;
  await db().signInThrottle.updateMany({
    where: { key: keys(email, address)[0]!.key },
    data: { lockedUntil: new Date(now.getTime() + minutes * 60_000) },
  });
  return minutes;
}

/** After a right password: the account's counts start again, and the address gets its attempt back. */
export async function attemptSucceeded(email: string, address: string): Promise<void> {
  const [pair, acct, ip] = keys(email, address);
  await db().signInThrottle.deleteMany({ where: { key: { in: [pair!.key, acct!.key] } } });
  await db().signInThrottle.updateMany({
    where: { key: ip!.key, attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 } },
  });
}

/** Clears every count for an account (after a password reset by its owner). */
export async function clearAccount(email: string): Promise<void> {
  await db().signInThrottle.deleteMany({
    where: { OR: [{ key: `acct:${email}` }, { key: { startsWith: `pair:${email}|` } }] },
  });
}
