// Checks an email and password for sign-in, with throttling. Used by the next-auth Credentials provider.
import "server-only";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, lockedForMinutes, recordFailure } from "./throttle";
import { db } from "@/lib/db";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; error: "INVALID" }
  | { ok: false; error: "LOCKED"; minutes: number };

let dummyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function checkCredentials(
  rawEmail: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const prisma = db();
  const email = normaliseEmail(rawEmail);
  const locked = await lockedForMinutes(email, now);
  if (locked > 0) return { ok: false, error: "LOCKED", minutes: locked };
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, active: true, sessionVersion: true },
  });
  // Verify against a dummy hash when there is no such account, so timing does not reveal which emails exist.
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid || !user.active) {
    const lockedNow = await recordFailure(email, now);
    return lockedNow > 0 ? { ok: false, error: "LOCKED", minutes: lockedNow } : { ok: false, error: "INVALID" };
  }
  await clearFailures(email);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
  };
}
