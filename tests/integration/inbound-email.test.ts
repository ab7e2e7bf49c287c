// Replies by email, end to end over real SMTP: the notification email carries a signed Reply-To for the request and
// the person; a reply sent to it through an SMTP client reaches the inbound listener and is added to the request's
// timeline as that person, with its file; anything else is refused with a reason the sender's mail system bounces.
process.env.INBOUND_EMAIL_SECRET ??= "integration-test-reply-secret";
process.env.INBOUND_EMAIL_DOMAIN = "replies.cheshire-west.example";
import nodemailer from "nodemailer";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/embedded-db";
import { dispatchEmails } from "@/lib/email/dispatch";
import { createInboundServer } from "@/lib/email/inbound-server";
import { mailerFromEnv } from "@/lib/email/mailer";
import { replyAddress } from "@/lib/email/reply-address";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { loadRequestPage } from "@/lib/requests/request-page";
import { createIsolatedCouncil, testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const DOMAIN = "replies.cheshire-west.example";
const MEMBER = "yasmin.clarke@cheshire-west.example";
const DIRECTOR = "nadia.brook@cheshire-west.example";
const OFFICER = "kieran.walsh@cheshire-west.example";
const NOW = new Date();
let inbound: SMTPServer;
let inboundPort = 0;
let capture: SMTPServer;
let capturePort = 0;
const captured: string[] = [];

beforeAll(async () => {
  inboundPort = await freePort();
  inbound = createInboundServer(DOMAIN);
  await new Promise<void>((resolve) => inbound.listen(inboundPort, "127.0.0.1", resolve));
  capturePort = await freePort();
  capture = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, _s, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        captured.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => capture.listen(capturePort, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => inbound.close(() => resolve()));
  await new Promise<void>((resolve) => capture.close(() => resolve()));
});

const client = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port: inboundPort, secure: false, ignoreTLS: true });
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const as = (email: string) => viewerByEmail(prisma, email);
const pdf = {
  filename: "map.pdf",
  content: Buffer.from("%PDF-1.4\n% gritting map\n"),
  contentType: "application/pdf",
};

async function ask(): Promise<string> {
  const place = await prisma.service.findFirstOrThrow({
    where: { name: "Place Operations", council: { slug: "cheshire-west" } },
  });
  const out = await submitInformationForm(
    await as(MEMBER),
    {
      subject: `Gritting by email ${Date.now()}`,
      details: "Which roads are gritted?",
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      serviceId: place.id,
      needToKnowGrounds: "Residents asked.",
    },
    `mail-${process.pid}-${Date.now()}`,
    NOW,
  );
  expect(out.errors).toEqual({});
  return out.id!;
}

describe("replies by email", () => {
  it("the notification's Reply-To takes the member's reply, with its file, onto the request's timeline", async () => {
    // A council of its own, so that the outbox holds only this test's emails.
    const c = await createIsolatedCouncil(prisma);
    const filed = await submitInformationForm(
      c.member,
      {
        subject: `Gritting by email ${Date.now()}`,
        details: "Which roads are gritted?",
        category: "GENERAL",
        classification: "GENERAL_ENQUIRY",
        thirdPartyData: "no",
        councilRoleDeclared: true,
        serviceId: c.service.id,
      },
      `mail-iso-${process.pid}-${Date.now()}`,
      NOW,
    );
    expect(filed.errors).toEqual({});
    const id = filed.id!;
    const member = await prisma.user.findUniqueOrThrow({ where: { id: c.ids.m1 } });
    // The "request received" email goes through a real SMTP server, with a signed Reply-To.
    const mailer = mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${capturePort}` });
    await dispatchEmails(mailer, NOW, { councilId: c.council.id });
    const emails = await Promise.all(captured.map((raw) => simpleParser(raw)));
    const mine = emails.find((e) => e.replyTo?.value[0]?.address?.includes(`${id}.${member.id}.`));
    expect(mine?.text).toContain("Reply to this email to add your reply to the request");
    const to = mine!.replyTo!.value[0]!.address!;
    expect(to).toBe(replyAddress(id, member.id, DOMAIN));

    await client().sendMail({
      from: member.email,
      to,
      subject: `Re: ${mine!.subject}`,
      text: "The roads around the school.\n\nOn Tue, the service wrote:\n> Your request was received.",
      attachments: [pdf],
    });
    const page = await loadRequestPage(await c.viewer(c.ids.director), id, NOW);
    const added = page.detail.messages.find((m) => m.kind === "NOTE");
    expect(added).toMatchObject({ body: "The roads around the school.", author: member.name });
    expect(page.files.map((f) => f.filename)).toContain("map.pdf");
    expect(page.detail.timeline.map((t) => t.action)).toContain("ADD_INFORMATION");
  }, 60_000);

  it("an officer's reply becomes an internal note the member never sees", async () => {
    const id = await ask();
    await handleRequestAction(
      await as(DIRECTOR),
      { requestId: id, action: "ALLOCATE", officerId: await userId(OFFICER) },
      NOW,
    );
    await client().sendMail({
      from: OFFICER,
      to: replyAddress(id, await userId(OFFICER), DOMAIN),
      subject: "Re: allocated",
      text: "I will check the depot's records.",
    });
    const director = await loadRequestPage(await as(DIRECTOR), id, NOW);
    expect(director.detail.messages.map((m) => [m.kind, m.body])).toContainEqual([
      "INTERNAL_NOTE",
      "I will check the depot's records.",
    ]);
    expect((await loadRequestPage(await as(MEMBER), id, NOW)).detail.messages).toEqual([]);
  });

  it("anything else is refused with the reason: a forged address, another sender, a file the service does not take, an empty reply", async () => {
    const id = await ask();
    const memberId = await userId(MEMBER);
    const good = replyAddress(id, memberId, DOMAIN);
    const send = (o: { from: string; to: string; text?: string; attachments?: (typeof pdf)[] }) =>
      client().sendMail({ subject: "Re", text: o.text ?? "Hello", ...o });
    const forged = good.replace(/\.[0-9a-f]{32}@/, `.${"0".repeat(32)}@`);
    await expect(send({ from: MEMBER, to: forged })).rejects.toThrow(/No such reply address/);
    // Alter the request id's last character (to one it does not already end with).
    const altered = `${id.slice(0, -1)}${id.endsWith("x") ? "y" : "x"}`;
    await expect(send({ from: MEMBER, to: good.replace(id, altered) })).rejects.toThrow(/No such reply address/);
    await expect(send({ from: "someone.else@example.com", to: good })).rejects.toThrow(/sent to someone else/);
    await expect(
      send({
        from: MEMBER,
        to: good,
        attachments: [
          { filename: "run.exe", content: Buffer.from("MZ"), contentType: "application/x-msdownload" },
        ],
      }),
    ).rejects.toThrow(/was not accepted/);
    await expect(send({ from: MEMBER, to: good, text: "\n> only the quoted text\n" })).rejects.toThrow(/empty/);
    // Another member of the council, with their own valid address for a request they cannot see: not found.
    const other = await userId("dev.mistry@cheshire-west.example");
    await expect(
      send({ from: "dev.mistry@cheshire-west.example", to: replyAddress(id, other, DOMAIN) }),
    ).rejects.toThrow(/not found/);
    expect((await loadRequestPage(await as(DIRECTOR), id, NOW)).detail.messages).toEqual([]);
  });
});
