// Briefings, complaints, assistance requests and agenda items in the browser, in several council profiles.
import type { Page } from "@playwright/test";
import { decide, expect, expectAccessible, fillDate, signIn, test } from "./fixtures";

const summary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });
const cont = (page: Page) => page.getByRole("button", { name: "Continue" }).click();
const send = (page: Page) => page.getByRole("button", { name: "Send", exact: true }).click();

test("CWC: a Group Leader's briefing request goes to the shared CE/DCE/COO queue and stays confidential to the group (CWC-B3, CWC-B6)", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "adrian.penhale@cheshire-west.example");
  await page.goto("/requests/new");
  await page.getByRole("link", { name: "Ask for a party-group briefing" }).click();
  await expectAccessible(page);
  await cont(page);
  await expect(summary(page)).toContainText("Enter the subject of the briefing");
  await expectAccessible(page);
  const subject = `Local Plan briefing ${Date.now()}`;
  await page.getByLabel("Subject of the briefing").fill(subject);
  await page.getByLabel("Decision, agenda item or report it relates to").fill("Cabinet decision CAB-2026-114");
  await page.getByLabel("Which council business is it about?").fill("The Local Plan Regulation 19 consultation");
  await page.getByLabel("Which service does it concern?").selectOption({ label: "Place Operations" });
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("shared queue");
  await expectAccessible(page);
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Party-group briefing sent");
  const url = page.url().replace("/confirmation", "");

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "yasmin.clarke@cheshire-west.example");
  const res = await other.goto(url);
  expect(res?.status()).toBe(404);
  await other.goto("/requests");
  await expect(other.getByRole("main")).not.toContainText(subject);

  const coo = await (await browser.newContext()).newPage();
  await signIn(coo, "tom.ferris@cheshire-west.example");
  await coo.goto(url);
  await expect(coo.getByRole("heading", { level: 1 })).toHaveText(subject);
  // CWC-B9: the COO proposes a later date; the Group Leader accepts it.
  await fillDate(coo, "Proposed date", "2027-01-12");
  await coo.getByLabel("Why another date?").fill("The Local Plan papers are not ready until January.");
  await coo.getByRole("button", { name: "Propose the date" }).click();
  await expect(coo.getByRole("status")).toContainText("Your proposed date has been sent to the group.");
  await page.goto(url);
  await expect(page.getByRole("main")).toContainText("Proposed new date");
  await (await decide(page, "Accept the proposed date")).submit();
  await expect(page.getByRole("status")).toContainText("You have accepted the new date.");
  await expect(page.getByRole("main")).toContainText("12 January 2027");
  await coo.goto(url);
  await (await decide(coo, "Accept the request")).submit();
  await expect(coo.getByRole("status")).toContainText("You have accepted the request.");
  await expectAccessible(coo);
  // Taken by the COO: the Chief Executive's shared queue no longer offers it (CWC-B3).
  const ce = await (await browser.newContext()).newPage();
  await signIn(ce, "victor.hale@cheshire-west.example");
  await ce.goto(url);
  await expect(ce.getByRole("radio", { name: "Accept the request" })).toHaveCount(0);
});

test("WIG: a complaint about the Chief Executive goes to the Leader (WIG-C3); the Chief Executive cannot find it", async ({
  page,
  browser,
}) => {
  await signIn(page, "naomi.ward@wigan.example");
  await page.goto("/requests/new/complaint");
  await expectAccessible(page);
  await page.getByLabel("Who is the complaint about?").selectOption({ label: "Alison Kerr, Chief Executive" });
  await page.getByLabel("In a few words, what is it about?").fill("No reply to three letters");
  await page.getByLabel("What happened?").fill("Three letters about the leisure centre went unanswered.");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Keith Ormerod, Leader of the Council");
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaint sent");
  const url = page.url().replace("/confirmation", "");
  const ce = await (await browser.newContext()).newPage();
  await signIn(ce, "alison.kerr@wigan.example");
  expect((await ce.goto(url))?.status()).toBe(404);
});

test("WIG: a Code of Conduct complaint needs a written statement of facts (DEF-C3) and goes to the Monitoring Officer", async ({
  page,
}) => {
  await signIn(page, "tony.birchall@wigan.example");
  await page.goto("/requests/new/complaint");
  await page.getByLabel("Who is the complaint about?").selectOption({ label: "Gordon Fairclough, Councillor" });
  await page.getByLabel("In a few words, what is it about?").fill("Disclosed confidential papers");
  await page.getByLabel("What happened?").fill("Exempt planning papers were posted online.");
  await page.getByLabel("Yes").check();
  await cont(page);
  await expect(summary(page)).toContainText("DEF-C3");
  await page
    .getByLabel("Statement of the facts")
    .fill("On 2 November the exempt appendix was posted on social media.");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Martin Greaves");
});

test("C2007: the complaint page shows the no-media guidance (C2007-C2)", async ({ page }) => {
  await signIn(page, "geoffrey.lamb@ashdown-vale.example");
  await page.goto("/requests/new/complaint");
  await expect(page.getByRole("main")).toContainText("use the media");
  await expect(page.getByRole("main")).toContainText("C2007-C2");
  await expectAccessible(page);
});

test("HTC: the Chairman's assistance request goes to the Town Clerk like any member's (HTC-D6); an agenda item is listed for the next meeting (HTC-D8)", async ({
  page,
}) => {
  await signIn(page, "janet.coker@halstead.example");
  await page.goto("/requests/new/assistance");
  await expectAccessible(page);
  await page.getByLabel("What do you need help with?").fill("Civic service arrangements");
  await page.getByLabel("Describe the help you need").fill("Booking the church and invitations.");
  await page.getByLabel(/Which member of staff/).selectOption({ label: "Aisha Benton, Administration Officer" });
  await page.getByLabel(/How many hours/).fill("lots");
  await cont(page);
  await expect(summary(page)).toContainText("Enter the hours as a number");
  await expect(page.getByLabel("What do you need help with?")).toHaveValue("Civic service arrangements");
  await page.getByLabel(/How many hours/).fill("6");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Margaret Doyle, Town Clerk");
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assistance request sent");

  await page.goto("/requests/new/agenda");
  await page.getByLabel("Title of the agenda item").fill("Skate park on the recreation ground");
  await page.getByLabel("What should the meeting consider?").fill("Whether to consult on a skate park.");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Full Council meeting on");
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agenda item sent");
  await expectAccessible(page);
});

test("HTC: an officer's concern about a councillor is a suspected Code breach for the Town Clerk, not a complaint (HTC-D7)", async ({
  page,
}) => {
  await signIn(page, "dean.parr@halstead.example");
  await page.goto("/requests/new/complaint");
  await page
    .getByLabel("Who is the complaint about?")
    .selectOption({ label: "Oliver Pask, Deputy Town Mayor (Vice-Chairman)" });
  await page.getByLabel("In a few words, what is it about?").fill("Shouted at grounds staff");
  await page.getByLabel("What happened?").fill("At the depot on Friday.");
  await cont(page);
  await expect(summary(page)).toContainText("HTC-D7");
  await expectAccessible(page);
});

test("WIG: a complaint about a junior officer goes to their Director (WIG-C1), who acknowledges it (DEF-C7); after the outcome the member escalates to the Chief Executive (DEF-C4)", async ({
  page,
  browser,
}) => {
  await signIn(page, "stuart.heyes@wigan.example");
  await page.goto("/requests/new/complaint");
  await page
    .getByLabel("Who is the complaint about?")
    .selectOption({ label: "Liam Gaskell, Neighbourhood Officer" });
  const summaryText = `Missed fly-tipping visits ${Date.now()}`;
  await page.getByLabel("In a few words, what is it about?").fill(summaryText);
  await page.getByLabel("What happened?").fill("Three visits were booked and missed.");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Rebecca Shaw");
  await send(page);
  await page.getByRole("link", { name: "View your request" }).click();
  await page.getByLabel("Information to add").fill("A fourth visit was missed on Monday.");
  await page.getByRole("button", { name: "Add the information" }).click();
  await expect(page.getByRole("status")).toContainText("Your information has been added");
  // Escalation before an outcome is refused (DEF-C7) — the action is not offered yet.
  await expect(page.getByText("Escalate to the next stage")).toHaveCount(0);
  const requestUrl = page.url().split("?")[0]!;

  const director = await (await browser.newContext()).newPage();
  await signIn(director, "rebecca.shaw@wigan.example");
  // From the Director's queue, filtered to complaints.
  await director.goto("/queue?type=COMPLAINT");
  await director.getByRole("link", { name: summaryText }).click();
  await expect(director.getByRole("main")).toContainText("A fourth visit was missed on Monday.");
  // DEF-C7: the Director acknowledges the complaint first; the complainant sees when, and the message.
  await director.getByLabel("Message to the complainant (optional)").fill("I will look into the missed visits.");
  await director.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(director.getByRole("status")).toContainText(
    "The complaint is acknowledged and the complainant told.",
  );
  await expect(director.getByRole("button", { name: "Acknowledge", exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("main")).toContainText(/Acknowledged\s*On \d/);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("I will look into the missed visits.");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("DEF-C7");
  const outcome = await decide(director, "Record the outcome");
  await outcome.submit();
  await expect(director.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Give a written outcome",
  );
  await outcome.fields.getByLabel("Written outcome").fill("Visits rescheduled and the officer's rota changed.");
  await outcome.submit();
  await expect(director.getByRole("status")).toContainText("The outcome has been recorded.");
  await expectAccessible(director);

  await page.goto(requestUrl);
  await (await decide(page, "Escalate to the next stage")).submit();
  await expect(page.getByRole("status")).toContainText("The complaint has moved to the next stage.");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Rule DEF-C4 (council setting)");
  await expect(page.getByRole("main")).toContainText("Alison Kerr");

  // The Chief Executive finds it in their queue, records the final outcome, and the member sees it.
  const ce = await (await browser.newContext()).newPage();
  await signIn(ce, "alison.kerr@wigan.example");
  await ce.goto("/queue");
  await ce.getByRole("link", { name: summaryText }).click();
  const final = await decide(ce, "Record the outcome");
  await final.fields
    .getByLabel("Written outcome")
    .fill("Reviewed: the rota change stands and the service apologises.");
  await final.submit();
  await expect(ce.getByRole("status")).toContainText("The outcome has been recorded.");
  await page.goto(requestUrl);
  await expect(page.getByRole("main")).toContainText("the service apologises");
  await expect(page.getByText("Escalate to the next stage")).toHaveCount(0);
});

test("WIG: a minority-party spokesperson's briefing request goes to the Director (WIG-B6, WIG-B2); a backbencher is told who may ask", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "naomi.ward@wigan.example");
  await page.goto("/requests/new/briefing");
  await page.getByLabel("Subject of the briefing").fill("Town centre masterplan");
  await page
    .getByLabel("Decision, agenda item or report it relates to")
    .fill("Economy and Place Scrutiny Panel item 5");
  await page
    .getByLabel("Which council business is it about?")
    .fill("The masterplan consultation before the panel");
  await page.getByLabel("Which service does it concern?").selectOption({ label: "Place" });
  await page.getByLabel("Yes").check();
  await cont(page);
  await expect(summary(page)).toContainText("WIG-B3");
  await page.getByLabel("Which item should officers attend for?").fill("Item 5: masterplan");
  await page.getByLabel("Why is it a major issue?").fill("A £40m regeneration programme.");
  await cont(page);
  await expect(page.getByTestId("routing")).toContainText("Rebecca Shaw, Director for Place");
  await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Party-group briefing sent");
  await page.getByRole("link", { name: "View your request" }).click();
  await page.waitForURL(/\/requests\/[^/]+$/);
  const url = page.url();

  // The Director accepts, invites officers (only senior ones, WIG-B2), and each answers in person (WIG-B1).
  const director = await (await browser.newContext()).newPage();
  await signIn(director, "rebecca.shaw@wigan.example");
  await director.goto(url);
  await (await decide(director, "Accept the request")).submit();
  await expect(director.getByRole("status")).toContainText("You have accepted the request.");
  const invite = director.getByRole("region", { name: "Invite an officer to attend or write" });
  await invite
    .getByLabel("Officer", { exact: true })
    .selectOption({ label: "Liam Gaskell, Neighbourhood Officer" });
  await invite.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(director.getByRole("alert", { name: "There is a problem" })).toContainText("WIG-B2");
  await director
    .getByRole("region", { name: "Invite an officer to attend or write" })
    .getByLabel("Officer", { exact: true })
    .selectOption({ label: "Chloe Unsworth, Assistant Director, Highways" });
  await director
    .getByRole("region", { name: "Invite an officer to attend or write" })
    .getByRole("button", { name: "Invite", exact: true })
    .click();
  await expect(director.getByRole("status")).toContainText("The officer has been invited.");
  await expectAccessible(director);

  const chloe = await (await browser.newContext()).newPage();
  await signIn(chloe, "chloe.unsworth@wigan.example");
  await chloe.goto(url);
  const answer = await decide(chloe, "Answer your invitation");
  await answer.fields.getByLabel("Yes, I accept").check();
  await answer.submit();
  await expect(chloe.getByRole("status")).toContainText("Your answer has been recorded.");

  await director.goto(url);
  await expect(director.getByRole("main")).toContainText(
    "Chloe Unsworth, Assistant Director, Highways — Accepted",
  );
  const held = await decide(director, "Record the briefing as held");
  await held.fields.getByLabel("Time spent, in minutes").fill("40");
  await held.submit();
  await expect(director.getByRole("alert", { name: "There is a problem" })).toContainText("WIG-B3");
  await held.fields.getByLabel("Yes", { exact: true }).check();
  await held.submit();
  await expect(director.getByRole("status")).toContainText("recorded as held");
  await page.reload();
  await expect(page.getByRole("main")).toContainText("Completed");

  const backbencher = await (await browser.newContext()).newPage();
  await signIn(backbencher, "patricia.lunt@wigan.example");
  await backbencher.goto("/requests/new/briefing");
  await expect(backbencher.getByRole("main")).toContainText(
    "comes from the Group Leader, a member the Leader designates, or a Spokesperson",
  );
  await expectAccessible(backbencher);
});

test("HTC: the Town Clerk decides an assistance request with the workload in view (HTC-D2, HTC-D3, HTC-D4); all members are told", async ({
  page,
  browser,
}) => {
  await signIn(page, "oliver.pask@halstead.example");
  await page.goto("/requests/new/assistance");
  const subject = `Allotment open day ${Date.now()}`;
  await page.getByLabel("What do you need help with?").fill(subject);
  await page.getByLabel("Describe the help you need").fill("Posters and a stall rota.");
  await page.getByLabel(/How many hours/).fill("4");
  await cont(page);
  await send(page);
  await page.getByRole("link", { name: "View your request" }).click();
  await page.waitForURL(/\/requests\/[^/]+$/);
  const url = page.url();

  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "margaret.doyle@halstead.example");
  await clerk.goto(url);
  await expect(clerk.getByRole("table", { name: /Staff workload now/ })).toContainText("Aisha Benton");
  await expectAccessible(clerk);
  const decision = await decide(clerk, "Decide the request");
  await decision.fields.getByLabel("Accept and allocate").check();
  await decision.submit();
  await expect(clerk.getByRole("alert", { name: "There is a problem" })).toContainText("HTC-D2");
  await clerk
    .getByLabel("Officer who will do the work")
    .selectOption({ label: "Aisha Benton, Administration Officer" });
  await clerk.getByLabel("Yes, within workload").check();
  await clerk.getByLabel("Workload note").fill("4 of 22 hours this week.");
  await clerk.getByLabel("Yes", { exact: true }).check();
  await clerk.getByLabel("Yes, tell all members").check();
  await decision.submit();
  await expect(clerk.getByRole("status")).toContainText("Your decision has been recorded");

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "samuel.tolley@halstead.example");
  await other.goto("/notifications");
  await expect(other.getByRole("main")).toContainText(
    `Oliver Pask asked for officer help with “${subject}”. The Town Clerk has accepted the request.`,
  );
  await page.reload();
  await expect(page.getByRole("main")).toContainText("Accepted");
});
