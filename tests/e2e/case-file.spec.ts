// Issue 13, the case file in the browser: the home page says what needs you; internal notes and a draft reply stay
// with the officers; the decider extends the due date with a holding reply; the member follows up an answer; the
// dashboard's numbers lead to their list. Axe on every page state, and no sideways scroll at 390 px.
import nodemailer from "nodemailer";
import { createPrismaClient } from "@/lib/db-client";
import { replyAddress } from "../support/reply-address";
import {
  as,
  choose,
  decide,
  expect,
  expectAccessible,
  expectNoSidewaysScroll,
  fileInformation,
  fillDate,
  summary,
  test,
} from "./fixtures";

const MEMBER = "yasmin.clarke@cheshire-west.example";
const DIRECTOR = "nadia.brook@cheshire-west.example";
const OFFICER = "kieran.walsh@cheshire-west.example";
const PHONE = { width: 390, height: 844 };

test("home: a member's numbers link to the list behind them, at desktop and phone widths", async ({ browser }) => {
  // A councillor no other browser test files for, so the numbers hold still while this test reads them.
  const member = await as(browser, "dev.mistry@cheshire-west.example");
  await fileInformation(member, { subject: `Home page ${Date.now()}`, service: "Place Operations", cwc: true });
  await member.goto("/");
  await expect(member.getByRole("main").getByRole("link", { name: "Make a request" })).toBeVisible();
  const open = member.getByTestId("home-open");
  await expect(open).toContainText("Your open requests");
  const count = Number((await open.textContent())!.replace(/\D/g, ""));
  await expectAccessible(member);
  await member.setViewportSize(PHONE);
  await expectNoSidewaysScroll(member, "home at 390px");
  await open.click();
  await expect(member).toHaveURL(/show=mine&status=open/);
  // A client-side navigation moves focus to the new page's content and says which page it is.
  await expect(member.locator("#main")).toBeFocused();
  await expect(member.getByTestId("route-announcement")).toHaveText(/Requests page/);
  await expect(member.getByRole("main")).toContainText(
    `${count.toLocaleString("en-GB")} ${count === 1 ? "request" : "requests"}`,
  );
  await expectAccessible(member);
  await expectNoSidewaysScroll(member, "your requests at 390px");
});

test("internal notes and a draft reply reach the decider, never the member; the decider extends the due date with a holding reply; the member follows up the answer", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const member = await as(browser, MEMBER);
  const subject = `Gritting routes ${Date.now()}`;
  await fileInformation(member, { subject, service: "Place Operations", cwc: true });
  const url = member.url().replace("/confirmation", "");

  const director = await as(browser, DIRECTOR);
  await director.goto(url);
  const assign = director.getByRole("region", { name: "Assign to an officer" });
  await choose(assign.getByLabel("Officer"), "Kieran Walsh");
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(director.getByRole("status")).toContainText("assigned");

  const officer = await as(browser, OFFICER);
  await officer.goto(url);
  const note = officer.getByRole("region", { name: "Add an internal note" });
  await note.getByRole("button", { name: "Add the note" }).click();
  await expect(summary(officer)).toContainText("Write the note");
  await expectAccessible(officer);
  await note.getByLabel("Note").fill("Routes changed in October: check the new map.");
  await note.getByRole("button", { name: "Add the note" }).click();
  await expect(officer.getByRole("status")).toContainText("The member cannot see it");
  const draft = officer.getByRole("region", { name: "Draft a reply for the decider" });
  await draft.getByLabel("Draft reply").fill("The gritted roads in your ward are on the attached map.");
  await draft.getByRole("button", { name: "Save the draft reply" }).click();
  await expect(officer.getByRole("status")).toContainText("draft reply has been saved");
  await officer.setViewportSize(PHONE);
  await expectNoSidewaysScroll(officer, "request page at 390px");
  await expectAccessible(officer);

  // The member sees neither the note nor the draft.
  await member.goto(url);
  await expect(member.getByRole("main")).not.toContainText("Routes changed in October");
  await expect(member.getByRole("main")).not.toContainText("attached map");

  // The decider extends the due date with a holding reply.
  await director.goto(url);
  await expect(director.getByRole("main")).toContainText("Routes changed in October");
  const extend = director.getByRole("region", { name: "Extend the due date" });
  await extend.getByRole("button", { name: "Extend the due date" }).click();
  await expect(summary(director)).toContainText("Write the holding reply");
  const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await fillDate(extend, "New due date", next);
  await extend.getByLabel("Why it needs longer").fill("The contractor's data is late.");
  await extend.getByLabel("Holding reply to the member").fill("We will reply within six weeks.");
  await extend.getByRole("button", { name: "Extend the due date" }).click();
  await expect(director.getByRole("status")).toContainText("extended");
  await expectAccessible(director);

  // The decider's reply starts from the draft; sent, the member reads it and follows it up.
  const grant = await decide(director, "Reply and supply the information");
  await expect(grant.fields.getByLabel("Your reply to the member")).toHaveValue(
    "The gritted roads in your ward are on the attached map.",
  );
  await grant.fields.getByLabel("No", { exact: true }).check();
  await grant.submit();
  await member.goto(url);
  await expect(member.getByRole("main")).toContainText("We will reply within six weeks.");
  await expect(member.getByRole("main")).toContainText("on the attached map");
  const follow = member.getByRole("region", { name: "Ask a follow-up question" });
  await follow.getByLabel("Your follow-up question").fill("Does that include the pavements?");
  await follow.getByRole("button", { name: "Send the follow-up question" }).click();
  await expect(member.getByRole("status")).toContainText("open again");
  await expectAccessible(member);
  await director.goto(url);
  await expect(director.getByRole("main")).toContainText("Does that include the pavements?");
});

test("dashboard: every number links to the list of exactly those requests, and on-time performance is shown", async ({
  browser,
}) => {
  const ce = await as(browser, "victor.hale@cheshire-west.example");
  await ce.goto("/dashboard");
  await expect(ce.getByTestId("on-time")).toContainText("decided within target");
  const firstType = ce.getByTestId("by-type").getByRole("link").first();
  const n = Number((await firstType.textContent())!.replace(/\D/g, ""));
  await firstType.click();
  await expect(ce).toHaveURL(/type=/);
  await expect(ce.getByRole("heading", { name: "Open requests", exact: true })).toBeVisible();
  await expect(ce.getByRole("main")).toContainText(`${n} ${n === 1 ? "request" : "requests"}`);
  await expectAccessible(ce);
  await ce.getByTestId("headline").getByRole("link").nth(1).click();
  await expect(ce.getByRole("heading", { name: "Overdue requests" })).toBeVisible();
  await ce.goto("/queue");
  await expect(ce.getByTestId("queue-on-time")).toBeVisible();
});

test("a reply sent by email over SMTP appears on the request's timeline as the member", async ({ browser }) => {
  const member = await as(browser, MEMBER);
  const subject = `Reply by email ${Date.now()}`;
  await fileInformation(member, { subject, service: "Place Operations", cwc: true });
  const url = member.url().replace("/confirmation", "");
  const requestId = url.split("/").pop()!;
  // The reply address the notification email carries (signed with the app's secret), sent to over SMTP.
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: MEMBER } });
  await prisma.$disconnect();
  const to = replyAddress(requestId, user.id, process.env.E2E_INBOUND_DOMAIN!, process.env.E2E_NEXTAUTH_SECRET!);
  await nodemailer
    .createTransport({
      host: "127.0.0.1",
      port: Number(process.env.E2E_INBOUND_PORT),
      secure: false,
      ignoreTLS: true,
    })
    .sendMail({
      from: MEMBER,
      to,
      subject: `Re: ${subject}`,
      text: "Sent from my phone: the roads by the school.\n\nOn Tue, the service wrote:\n> Your request was received",
    });
  await member.goto(url);
  await expect(member.getByRole("main")).toContainText("Sent from my phone: the roads by the school.");
  await expect(member.getByRole("main")).not.toContainText("Your request was received");
  await expect(member.getByRole("list", { name: "Timeline" })).toContainText("Information added");
  await expectAccessible(member);
});

test("phones: the filters fold behind 'Show filters' and the dashboard does not scroll sideways at 390 px", async ({
  browser,
}) => {
  const member = await as(browser, MEMBER);
  await member.setViewportSize(PHONE);
  await member.goto("/requests");
  const toggle = member.getByRole("button", { name: "Show filters" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(member.getByRole("search", { name: "Filter requests" })).toBeHidden();
  await toggle.click();
  await expect(member.getByRole("button", { name: "Hide filters" })).toHaveAttribute("aria-expanded", "true");
  await expect(member.getByRole("search", { name: "Filter requests" })).toBeVisible();
  await expectAccessible(member);
  await expectNoSidewaysScroll(member, "requests at 390px");
  const ce = await as(browser, "victor.hale@cheshire-west.example");
  await ce.setViewportSize(PHONE);
  await ce.goto("/dashboard");
  await expectNoSidewaysScroll(ce, "dashboard at 390px");
  await ce.goto("/admin/users");
  await expect(ce.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(ce, `${ce.url()} at 390px`);
});
