// Sign-in checks and throttling of repeated wrong passwords, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { LOCK_MINUTES, MAX_FAILURES } from "@/lib/auth/throttle-policy";
import { createTestUser, testPrisma } from "./helpers";

const prisma = testPrisma();
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);

describe("sign-in", () => {
  it("accepts the right password, whatever the case of the email", async () => {
    const { email, password, user } = await createTestUser(prisma, "wigan");
    const res = await checkCredentials(`  ${email.toUpperCase()} `, password);
    expect(res).toEqual({ ok: true, user: { id: user.id, name: user.name, email, sessionVersion: 1 } });
  });

  it("refuses a wrong password, an unknown email and an inactive account with the same answer", async () => {
    const { email, password, user } = await createTestUser(prisma, "wigan");
    expect(await checkCredentials(email, "wrong-password")).toEqual({ ok: false, error: "INVALID" });
    expect(await checkCredentials("nobody@wigan.example", "whatever")).toEqual({
      ok: false,
      error: "INVALID",
    });
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await checkCredentials(email, password)).toEqual({ ok: false, error: "INVALID" });
  });

  it(`locks an account for ${LOCK_MINUTES} minutes after ${MAX_FAILURES} wrong passwords, even against the right one`, async () => {
    const { email, password } = await createTestUser(prisma, "halton");
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await checkCredentials(email, "nope", minutes(i, t0))).ok).toBe(false);
    expect(await checkCredentials(email, "nope", minutes(MAX_FAILURES, t0))).toEqual({
      ok: false,
      error: "LOCKED",
      minutes: LOCK_MINUTES,
    });
    expect(await checkCredentials(email, password, minutes(MAX_FAILURES + 1, t0))).toEqual({
      ok: false,
      error: "LOCKED",
      minutes: LOCK_MINUTES - 1,
    });
    // After the lock passes, the right password works and clears the count.
    const later = minutes(MAX_FAILURES + LOCK_MINUTES + 1, t0);
    expect((await checkCredentials(email, password, later)).ok).toBe(true);
    expect(await prisma.signInThrottle.findUnique({ where: { email } })).toBeNull();
  });

  it("forgets failures older than the window", async () => {
    const { email, password } = await createTestUser(prisma, "halton");
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials(email, "nope", t0);
    // 20 minutes later the window has passed: one more failure does not lock.
    expect(await checkCredentials(email, "nope", minutes(20, t0))).toEqual({
      ok: false,
      error: "INVALID",
    });
    expect((await checkCredentials(email, password, minutes(21, t0))).ok).toBe(true);
  });

  it("counts concurrent wrong passwords exactly (one atomic statement per failure)", async () => {
    const { email } = await createTestUser(prisma, "halstead");
    const t0 = new Date("2026-11-23T10:00:00Z");
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => checkCredentials(email, "nope", t0)));
    const row = await prisma.signInThrottle.findUniqueOrThrow({ where: { email } });
    expect(row.failures).toBe(MAX_FAILURES);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("throttles an unknown address too, so locking does not reveal which addresses have accounts", async () => {
    const t0 = new Date("2026-11-23T10:00:00Z");
    const email = `ghost.${Date.now()}@nowhere.test`;
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await checkCredentials(email, "nope", t0);
    expect(last).toEqual({ ok: false, error: "LOCKED", minutes: LOCK_MINUTES });
  });
});
