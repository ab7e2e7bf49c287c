// Email through a real SMTP server started here, and the PostgreSQL job queue (pg-boss) running the email and
// reminder jobs with injected time. Jobs are scoped to one council so other test files' data is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/embedded-db";
import { dispatchEmails, listOutbox, MAX_ATTEMPTS } from "@/lib/email/dispatch";
import { mailerFromEnv } from "@/lib/email/mailer";
import { QUEUES, startJobs } from "@/lib/jobs";
import type { PgBoss } from "@/lib/jobs/pgboss";
import { fileInformationRequest, type InformationInput } from "@/lib/requests/information";
import { handleInvitePerson, handleResendInvitation } from "@/lib/users/invitations";
import { openSession } from "@/lib/auth/sessions";
import { createIsolatedCouncil, testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let boss: PgBoss;

beforeAll(async () => {
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const mailer = mailerFromEnv({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Members' Requests <requests@halton.example>",
  });
  boss = await startJobs({
    connectionString: inject("databaseUrl"),
    work: true,
    schedule: false,
    mailer,
    pollingIntervalSeconds: 0.5,
  });
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true, timeout: 5000 });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const infoInput = (subject: string, serviceId: string): InformationInput => ({
  kind: "INFORMATION",
  subject,
  details: "Please send the figures.",
  serviceId,
  category: "GENERAL",
  thirdPartyData: false,
  councilRoleDeclared: true,
  concernsAnotherMember: false,
  concernedMemberIds: [],
  sharingAgreed: false,
  needToKnowGrounds: "",
  classification: "GENERAL_ENQUIRY",
});

describe("email and the job queue", () => {
  it("a new request's notification email really arrives at the SMTP server, sent by the email job", async () => {
    const member = await viewerByEmail(prisma, "sandra.kettle@halton.example");
    const service = await prisma.service.findFirstOrThrow({
      where: { name: "Adult Social Care", council: { slug: "halton" } },
    });
    const subject = `Respite beds ${Date.now()}`;
    const req = await fileInformationRequest(member, infoInput(subject, service.id), { now: new Date() });
    const director = await prisma.user.findUniqueOrThrow({ where: { id: req.deciderId! } });
    await boss.send(QUEUES.emails, { councilId: member.council.id });
    const mail = await until("the email", async () =>
      received.find((m) => m.to.includes(director.email) && m.raw.includes(subject)),
    );
    expect(mail.from).toBe("requests@halton.example");
    expect(mail.raw).toMatch(/^Subject: New information request: Respite beds/m);
    expect(mail.raw).toContain(`/requests/${req.id}`);
    expect(mail.raw).toContain(`Dear ${director.name}`);
    // The row is marked SENT just after the SMTP server accepted the message.
    const n = await until("the SENT mark", () =>
      prisma.notification.findFirst({ where: { requestId: req.id, userId: director.id, emailStatus: "SENT" } }),
    );
    expect(n.emailedAt).not.toBeNull();
  });

  it("with no SMTP server configured, email is held in the council's outbox; administrators see its delivery, and its content only where they may see the request", async () => {
    const member = await viewerByEmail(prisma, "sandra.kettle@halton.example");
    const service = await prisma.service.findFirstOrThrow({
      where: { name: "Adult Social Care", council: { slug: "halton" } },
    });
    const subject = `Held email ${Date.now()}`;
    const req = await fileInformationRequest(member, infoInput(subject, service.id), { now: new Date() });
    // The queue's worker may get there first (nudges come from any step): either way the row ends up handled once.
    await dispatchEmails(null, new Date(), { councilId: member.council.id });
    const n = await until("the outbox row", () =>
      prisma.notification.findFirst({ where: { requestId: req.id, emailStatus: { in: ["HELD", "SENT"] } } }),
    );
    if (n.emailStatus === "HELD") expect(n.emailError).toMatch(/No SMTP server is configured/);
    // The user administrator manages accounts: they see that the email was held and to whom, not what it says.
    const admin = await viewerByEmail(prisma, "fiona.carr@halton.example");
    const item = (await listOutbox(admin, { take: 100 })).items.find((i) => i.id === n.id);
    expect(item?.to).toBeTruthy();
    expect(item?.status).toMatch(/HELD|SENT/);
    expect(item?.subject).toBeNull();
    expect(item?.text).toBeNull();
    // An administrator who is also the request's handler reads it (the email to the handler, as the handler may).
    const mine = await listOutbox(member, { take: 100 });
    const own = mine.items.find((i) => i.id === n.id && i.subject);
    expect(
      own?.subject ?? (await prisma.notification.findMany({ where: { requestId: req.id } })).length,
    ).toBeTruthy();
    // Another council's administrator never sees it.
    const wiganAdmin = await viewerByEmail(prisma, "paul.hindley@wigan.example");
    expect((await listOutbox(wiganAdmin, { take: 100 })).items.some((i) => i.id === n.id)).toBe(false);
  });

  it("with no SMTP server, a held invitation is shown in full to the council's administrators (its link to pass on by hand), and to nobody else", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const email = `held.invitee.${Date.now()}@iso.test`;
    const invited = await handleInvitePerson(
      admin,
      { name: "Hana Held", email, jobTitle: "Councillor", roles: "MEMBER" },
      new Date(),
      "http://app.test",
    );
    expect(invited.errors).toEqual({});
    await dispatchEmails(null, new Date(), { councilId: iso.council.id });
    const n = await until("the held invitation", () =>
      prisma.notification.findFirst({ where: { userId: invited.id!, kind: "INVITATION", emailStatus: "HELD" } }),
    );
    const item = (await listOutbox(admin, { take: 100 })).items.find((i) => i.id === n.id)!;
    expect(item.subject).toMatch(/^Set your password for Members/);
    expect(item.text).toContain(`http://app.test/invitation/${invited.token}`);
    // Not to anyone else who reads this council's outbox, nor across councils; other people's emails without a
    // request stay hidden and say so.
    for (const other of [
      await iso.viewer(iso.ids.mo),
      await viewerByEmail(prisma, "paul.hindley@wigan.example"),
    ]) {
      const seen = (await listOutbox(other, { take: 100 })).items.find((i) => i.id === n.id);
      expect(seen?.text ?? null).toBeNull();
      if (seen) expect(seen.aboutRequest).toBe(false);
    }
    // Someone already using the service (they have signed in): a new invitation to them is never readable by the
    // administrator, who could otherwise set their password and take over the account.
    await openSession(iso.ids.mo, new Date(), "SSO");
    const resent = await handleResendInvitation(admin, { userId: iso.ids.mo }, new Date(), "http://app.test");
    expect(resent.errors).toEqual({});
    await dispatchEmails(null, new Date(), { councilId: iso.council.id });
    const toMo = await until("the held invitation to the Monitoring Officer", () =>
      prisma.notification.findFirst({ where: { userId: iso.ids.mo, kind: "INVITATION", emailStatus: "HELD" } }),
    );
    const hidden = (await listOutbox(admin, { take: 100 })).items.find((i) => i.id === toMo.id)!;
    expect([hidden.subject, hidden.text, hidden.aboutRequest]).toEqual([null, null, false]);
    // Once the newcomer has set their password through their link, their old invitation is no longer shown either.
    await prisma.invitation.updateMany({ where: { userId: invited.id! }, data: { usedAt: new Date() } });
    expect((await listOutbox(admin, { take: 100 })).items.find((i) => i.id === n.id)!.text).toBeNull();
  });

  it("a failed send is kept and retried, then given up with the error after the last attempt", async () => {
    const member = await viewerByEmail(prisma, "sandra.kettle@halton.example");
    const council = member.council.id;
    const user = await prisma.user.findFirstOrThrow({
      where: { councilId: council, roles: { has: "CHIEF_OFFICER" } },
    });
    const n = await prisma.notification.create({
      data: { councilId: council, userId: user.id, kind: "TEST", title: "Undeliverable", emailStatus: "PARKED" },
    });
    const dead = mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` }); // nothing listens there
    // Release only this row to the dispatcher, so the queue's own worker cannot race the attempts counted here.
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await prisma.notification.update({ where: { id: n.id }, data: { emailStatus: "PENDING" } });
      await prisma.$executeRaw`UPDATE "Notification" SET "emailStatus" = 'PARKED' WHERE "councilId" = ${council} AND "emailStatus" = 'PENDING' AND id <> ${n.id}`;
      await dispatchEmails(dead, new Date(), { councilId: council });
      const row = await prisma.notification.findUniqueOrThrow({ where: { id: n.id } });
      if (row.emailStatus === "PENDING" && i < MAX_ATTEMPTS)
        await prisma.notification.update({ where: { id: n.id }, data: { emailStatus: "PARKED" } });
      expect(row.emailAttempts).toBe(i);
      expect(row.emailStatus).toBe(i < MAX_ATTEMPTS ? "PENDING" : "FAILED");
      expect(row.emailError).toMatch(/ECONNREFUSED|connect/i);
    }
    await prisma.$executeRaw`UPDATE "Notification" SET "emailStatus" = 'PENDING' WHERE "councilId" = ${council} AND "emailStatus" = 'PARKED'`;
  });

  it("the reminder job, run by the queue with injected time, reminds the decider before the due date (DEF-A1 targets)", async () => {
    // A council of its own, so the job's injected date touches no other test's requests.
    const { member, service } = await createIsolatedCouncil(prisma);
    const filedAt = new Date("2027-06-01T09:00:00Z"); // Tuesday
    const req = await fileInformationRequest(member, infoInput("Verge cutting", service.id), {
      now: filedAt,
    });
    expect(req.dueDate).toBe("2027-06-15"); // ten working days
    await boss.send(QUEUES.reminders, { now: "2027-06-10T09:00:00Z", councilId: member.council.id }); // 3 working days before
    await boss.send(QUEUES.reminders, { now: "2027-06-11T09:00:00Z", councilId: member.council.id }); // 2 working days before
    const note = await until("the reminder", () =>
      prisma.notification.findFirst({ where: { requestId: req.id, kind: "DUE_SOON", userId: req.deciderId! } }),
    );
    expect(note.title).toMatch(/due in 2 working days/);
    expect(note.createdAt.toISOString()).toBe("2027-06-11T09:00:00.000Z");
    await boss.send(QUEUES.reminders, { now: "2027-06-16T09:00:00Z", councilId: member.council.id }); // the day after
    await until(
      "the overdue reminders",
      async () => (await prisma.notification.count({ where: { requestId: req.id, kind: "OVERDUE" } })) === 2,
    );
    expect(await prisma.notification.count({ where: { requestId: req.id, kind: "DUE_SOON" } })).toBe(1);
  });
});
