// Checks an email and password for sign-in, with throttling (./throttle.ts), and opens a session (./sessions.ts).
// Used by the next-auth Credentials provider.
import "server-only";
import { db } from "@/lib/db";
import { cleanText } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";
import { openSession } from "./sessions";
import { attemptSucceeded, lockAfterLastTry, reserveAttempt } from "./throttle";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number }; sessionId: string }
  | { ok: false; error: "INVALID" }
  | { ok: false; error: "LOCKED"; minutes: number };

let dummyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
  return cleanText(email).trim().toLowerCase().slice(0, 254);
}

export async function checkCredentials(
  rawEmail: string,
  password: string,
  address = "unknown",
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail);
  // Counted before the password is checked: parallel attempts cannot get past the limit.
  const reserved = await reserveAttempt(email, address.slice(0, 64), now);
  if (!reserved.allowed) return { ok: false, error: "LOCKED", minutes: reserved.minutes };
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, active: true, sessionVersion: true },
  });
  // Verify against a dummy hash when there is no such account, so timing does not reveal which emails exist.
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password.slice(0, 1000));
  if (!user || !valid || !user.active)
    return reserved.lastTry
      ? { ok: false, error: "LOCKED", minutes: await lockAfterLastTry(email, address.slice(0, 64), now) }
      : { ok: false, error: "INVALID" };
  await attemptSucceeded(email, address.slice(0, 64));
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
    sessionId: await openSession(user.id, now),
  };
}
