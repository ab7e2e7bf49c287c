// Sign-in checks, throttling and server-side sessions, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { isSessionLive, revokeSession } from "@/lib/auth/sessions";
import { LIMITS, LOCK_MINUTES, MAX_FAILURES } from "@/lib/auth/throttle-policy";
import { loadViewer } from "@/lib/auth/viewer";
import { recordSecurityFigures } from "../support/security-figures";
import { createTestUser, testPrisma } from "./helpers";

const prisma = testPrisma();
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);
let addresses = 0;
/** A fresh client address per test, so tests do not share the per-address counts. */
const address = () => `10.${process.pid % 250}.${Math.floor(++addresses / 250)}.${addresses % 250}`;

describe("sign-in", () => {
  it("accepts the right password, whatever the case of the email, and opens a live session", async () => {
    const { email, password, user } = await createTestUser(prisma, "wigan");
    const res = await checkCredentials(`  ${email.toUpperCase()} `, password, address());
    expect(res.ok && res.user).toEqual({ id: user.id, name: user.name, email, sessionVersion: 1 });
    expect(res.ok && (await isSessionLive(res.sessionId))).toBe(true);
  });

  it("refuses a wrong password, an unknown email and an inactive account with the same answer", async () => {
    const { email, password, user } = await createTestUser(prisma, "wigan");
    const from = address();
    expect(await checkCredentials(email, "wrong-password", from)).toEqual({ ok: false, error: "INVALID" });
    expect(await checkCredentials("nobody@wigan.example", "whatever", from)).toEqual({
      ok: false,
      error: "INVALID",
    });
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await checkCredentials(email, password, from)).toEqual({ ok: false, error: "INVALID" });
  });

  it(`locks an account from one address for ${LOCK_MINUTES} minutes after ${MAX_FAILURES} wrong passwords, even against the right one — but not from another address`, async () => {
    const { email, password } = await createTestUser(prisma, "halton");
    const stranger = address();
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expect(await checkCredentials(email, "nope", stranger, minutes(i, t0))).toEqual({
        ok: false,
        error: "INVALID",
      });
    // The last allowed wrong password is told of the lock at once; then even the right one waits.
    expect(await checkCredentials(email, "nope", stranger, minutes(MAX_FAILURES - 1, t0))).toEqual({
      ok: false,
      error: "LOCKED",
      minutes: LOCK_MINUTES,
    });
    expect(await checkCredentials(email, password, stranger, minutes(MAX_FAILURES, t0))).toEqual({
      ok: false,
      error: "LOCKED",
      minutes: LOCK_MINUTES - 1,
    });
    // The owner, elsewhere, is not locked out by the stranger.
    expect((await checkCredentials(email, password, address(), minutes(MAX_FAILURES + 1, t0))).ok).toBe(true);
    // After the lock passes, the right password works from the stranger's address too.
    expect(
      (await checkCredentials(email, password, stranger, minutes(MAX_FAILURES + LOCK_MINUTES + 1, t0))).ok,
    ).toBe(true);
  });

  it("forgets attempts older than the window", async () => {
    const { email, password } = await createTestUser(prisma, "halton");
    const from = address();
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials(email, "nope", from, t0);
    // 20 minutes later the window has passed: another attempt is checked, and the right password works.
    expect(await checkCredentials(email, "nope", from, minutes(20, t0))).toEqual({ ok: false, error: "INVALID" });
    expect((await checkCredentials(email, password, from, minutes(21, t0))).ok).toBe(true);
  });

  it("the lock holds under concurrency: of 24 parallel wrong passwords from one address exactly 5 are checked", async () => {
    const trials = 3;
    let held = 0;
    for (let t = 0; t < trials; t++) {
      const { email } = await createTestUser(prisma, "halstead");
      const from = address();
      const t0 = new Date("2026-11-23T10:00:00Z");
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => checkCredentials(email, `wrong-${i}`, from, t0)),
      );
      // Refused attempts are not counted: the counter holds exactly the attempts whose password was checked.
      const counter = await prisma.signInThrottle.findUniqueOrThrow({ where: { key: `pair:${email}|${from}` } });
      const wrong = results.filter((r) => !r.ok && r.error === "INVALID").length;
      expect(counter.attempts).toBe(LIMITS.pair.attempts);
      expect(wrong).toBe(LIMITS.pair.attempts - 1);
      expect(results.filter((r) => !r.ok && r.error === "LOCKED").length).toBe(24 - wrong);
      if (counter.attempts === LIMITS.pair.attempts) held++;
    }
    recordSecurityFigures("throttle-concurrency", { concurrencyTrials: trials, concurrencyOneWinner: held });
  });

  it("the probe's race — 23 wrong passwords and the right one in parallel — checks no more than 5 before the lock", async () => {
    const { email, password } = await createTestUser(prisma, "halstead");
    const from = address();
    const t0 = new Date("2026-11-23T10:00:00Z");
    const attempts = Array.from({ length: 24 }, (_, i) => (i === 11 ? password : `wrong-${i}`));
    const results = await Promise.all(attempts.map((p) => checkCredentials(email, p, from, t0)));
    const ok = results.filter((r) => r.ok).length;
    const wrong = results.filter((r) => !r.ok && r.error === "INVALID").length;
    expect(ok).toBeLessThanOrEqual(1);
    // Without the right password getting in first, at most 4 wrong ones are answered "wrong" (the 5th, "locked").
    if (ok === 0) expect(wrong).toBeLessThanOrEqual(LIMITS.pair.attempts - 1);
    else expect(wrong).toBeLessThanOrEqual(2 * LIMITS.pair.attempts);
  });

  it("password spraying: one address trying many accounts is stopped after the address limit", async () => {
    const from = address();
    const t0 = new Date("2026-11-23T11:00:00Z");
    const results = [];
    for (let i = 0; i <= LIMITS.ip.attempts; i++)
      results.push(await checkCredentials(`spray.${i}.${Date.now()}@wigan.example`, "Winter2026!", from, t0));
    expect(results.slice(0, LIMITS.ip.attempts).every((r) => !r.ok && r.error === "INVALID")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, error: "LOCKED", minutes: LIMITS.ip.lockMinutes });
  });

  it("many addresses guessing one account get a short back-off, not a long lock the owner would suffer", async () => {
    const { email, password } = await createTestUser(prisma, "wigan");
    const t0 = new Date("2026-11-23T12:00:00Z");
    for (let i = 0; i < LIMITS.acct.attempts; i++) await checkCredentials(email, "guess", address(), t0);
    expect(await checkCredentials(email, password, address(), t0)).toEqual({
      ok: false,
      error: "LOCKED",
      minutes: LIMITS.acct.lockMinutes,
    });
    expect((await checkCredentials(email, password, address(), minutes(LIMITS.acct.lockMinutes + 1, t0))).ok).toBe(
      true,
    );
  });

  it("throttles an unknown address too, so locking does not reveal which addresses have accounts", async () => {
    const t0 = new Date("2026-11-23T10:00:00Z");
    const email = `ghost.${Date.now()}@nowhere.test`;
    const from = address();
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await checkCredentials(email, "nope", from, t0);
    expect(last).toEqual({ ok: false, error: "LOCKED", minutes: LOCK_MINUTES });
  });

  it("signing out revokes the session: the same cookie's session id no longer loads a viewer", async () => {
    const { email, password, user } = await createTestUser(prisma, "wigan");
    const res = await checkCredentials(email, password, address());
    if (!res.ok) throw new Error("sign-in failed");
    expect(await loadViewer(user.id, 1, res.sessionId)).not.toBeNull();
    await revokeSession(res.sessionId);
    expect(await loadViewer(user.id, 1, res.sessionId)).toBeNull();
    expect(await isSessionLive(res.sessionId)).toBe(false);
    // A session past its end is over too, and a session id cannot be borrowed for another person.
    const again = await checkCredentials(email, password, address());
    if (!again.ok) throw new Error("sign-in failed");
    expect(await loadViewer(user.id, 1, again.sessionId, new Date(Date.now() + 13 * 3_600_000))).toBeNull();
    const other = await createTestUser(prisma, "wigan");
    expect(await loadViewer(other.user.id, 1, again.sessionId)).toBeNull();
  });
});
