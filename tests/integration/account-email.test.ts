// Password reset by email and notification preferences (issue 13, point 10), through the form handlers the pages'
// server actions call, with email through a real SMTP server started here.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/embedded-db";
import { verifyPassword } from "@/lib/auth/password";
import {
  handleRequestReset,
  handleResetPassword,
  resetLinkValid,
  RESET_PER_HOUR,
} from "@/lib/auth/password-reset";
import { dispatchEmails } from "@/lib/email/dispatch";
import { dispatchDigests, handleEmailPreference } from "@/lib/email/digest";
import { mailerFromEnv, type Mailer } from "@/lib/email/mailer";
import { createIsolatedCouncil, createTestUser, testPrisma } from "./helpers";

const prisma = testPrisma();
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: { to: string; subject: string; text: string }[] = [];

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, _s, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        simpleParser(Buffer.concat(chunks)).then((m) => {
          inbox.push({
            to: m.to && !Array.isArray(m.to) ? m.to.text : "",
            subject: m.subject ?? "",
            text: m.text ?? "",
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  mailer = mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` })!;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const mailTo = (email: string) => inbox.filter((m) => m.to.includes(email));
const tokenIn = (text: string) => /\/signin\/reset\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

describe("password reset by email", () => {
  it("a time-limited, single-use link that says nothing about whether the address has an account", async () => {
    const now = new Date();
    const o = { mailer, appUrl: "https://requests.example", from: `10.0.0.${process.pid % 250}`, now };
    const { user, email } = await createTestUser(prisma, "halton", { password: "the-old-password-1" });
    expect((await handleRequestReset({ email: "not-an-email" }, o)).errors.email).toMatch(/correct format/);
    // The same answer for an address with no account, and no email.
    expect(await handleRequestReset({ email: "nobody.here@halton.example" }, o)).toMatchObject({ sent: true });
    expect(await handleRequestReset({ email: email.toUpperCase() }, o)).toMatchObject({ sent: true });
    const [message] = mailTo(email);
    expect(message?.subject).toBe("Reset your Members' Requests password");
    const token = tokenIn(message!.text)!;
    expect(message!.text).toContain("https://requests.example/signin/reset?token=");
    expect(await resetLinkValid(token, now)).toBe(true);
    expect(await prisma.passwordReset.count({ where: { tokenHash: token } })).toBe(0); // only a hash is kept

    const mismatch = await handleResetPassword(
      { token, newPassword: "a-brand-new-password", confirmPassword: "x" },
      now,
    );
    expect(mismatch.errors.confirmPassword).toBe("The passwords you entered do not match");
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(
      await handleResetPassword(
        { token, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" },
        now,
      ),
    ).toMatchObject({ done: true });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a-brand-new-password")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1); // every session ends
    // Single use.
    expect(await resetLinkValid(token, now)).toBe(false);
    const again = await handleResetPassword(
      { token, newPassword: "another-new-password", confirmPassword: "another-new-password" },
      now,
    );
    expect(again.errors.form).toMatch(/expired or has already been used/);
  });

  it("links expire after an hour, and no more than three are sent an hour", async () => {
    const { email } = await createTestUser(prisma, "wigan");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const o = { mailer, appUrl: "http://x", from: "192.0.2.77", now: twoHoursAgo };
    await handleRequestReset({ email }, o);
    const old = tokenIn(mailTo(email)[0]!.text)!;
    const late = await handleResetPassword(
      { token: old, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" },
      new Date(),
    );
    expect(late.errors.form).toMatch(/expired/);
    const now = { ...o, now: new Date(), from: "192.0.2.78" };
    for (let i = 0; i < RESET_PER_HOUR + 2; i++) await handleRequestReset({ email }, now);
    expect(mailTo(email)).toHaveLength(1 + RESET_PER_HOUR);
  });
});

describe("notification preferences", () => {
  it("a daily-digest reader gets one email listing the day's notifications, not one each", async () => {
    const c = await createIsolatedCouncil(prisma);
    const reader = await prisma.user.findUniqueOrThrow({ where: { id: c.ids.m1 } });
    const other = await prisma.user.findUniqueOrThrow({ where: { id: c.ids.m2 } });
    expect((await handleEmailPreference(reader, { emailFrequency: "WEEKLY" })).errors.emailFrequency).toBeTruthy();
    expect(await handleEmailPreference(reader, { emailFrequency: "DAILY" })).toEqual({ errors: {}, saved: true });
    for (const [userId, title] of [
      [reader.id, "First update for the reader"],
      [reader.id, "Second update for the reader"],
      [other.id, "An update for someone who reads at once"],
    ] as const)
      await prisma.notification.create({
        data: { councilId: c.council.id, userId, kind: "TEST", title, body: "" },
      });
    const now = new Date();
    await dispatchEmails(mailer, now, { councilId: c.council.id });
    expect(mailTo(other.email).map((m) => m.subject)).toEqual(["An update for someone who reads at once"]);
    expect(mailTo(reader.email)).toHaveLength(0);
    expect(await prisma.notification.count({ where: { userId: reader.id, emailStatus: "PENDING" } })).toBe(2);

    expect(await dispatchDigests(mailer, now, { councilId: c.council.id })).toEqual({
      emails: 1,
      notifications: 2,
    });
    const [digest] = mailTo(reader.email);
    expect(digest?.subject).toMatch(/daily summary.*2 updates/);
    expect(digest?.text).toContain("First update for the reader");
    expect(digest?.text).toContain("Second update for the reader");
    expect(await prisma.notification.count({ where: { userId: reader.id, emailStatus: "SENT" } })).toBe(2);
    expect(await dispatchDigests(mailer, now, { councilId: c.council.id })).toEqual({
      emails: 0,
      notifications: 0,
    });
  });
});
