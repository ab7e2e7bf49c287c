// Section E in the browser (issue 14): committee reports from draft to the agenda pack, agenda items, copied
// correspondence and relationship disclosures — each page checked with axe.
import type { Page } from "@playwright/test";
import { as, choose, decide, expect, expectAccessible, fillDate, summary, test } from "./fixtures";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const form = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const done = (page: Page) => page.getByRole("status");

test("HAL-E1, HAL-E2, HAL-E3: a report from draft to the agenda pack — the Chair's suggestion, a refused change, an approved change with its difference, the Chair's report alongside, then publication", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const title = `Day services review ${Date.now()}`;

  // Democratic services schedule the board's meeting.
  const clerk = await as(browser, "fiona.carr@halton.example");
  await clerk.goto("/meetings");
  const schedule = form(clerk, "A new meeting");
  await schedule.getByLabel("Which body meets?").selectOption({ label: "Health Policy and Performance Board" });
  await fillDate(schedule, "Meeting date", inDays(70));
  await schedule.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(done(clerk)).toContainText("The meeting has been scheduled.");
  const meetingUrl = clerk.url().replace(/\?.*$/, "");
  await expectAccessible(clerk);

  // The Director writes the report.
  const director = await as(browser, "gillian.marsh@halton.example");
  await director.goto("/reports/new");
  await expectAccessible(director);
  const start = form(director, "Start a report");
  await start.getByRole("button", { name: "Start the report" }).click();
  await expect(summary(director)).toContainText("Enter the report's title");
  await start.getByLabel("Title", { exact: true }).fill(title);
  await start.getByLabel("Which service is it from?").selectOption({ label: "Adult Social Care" });
  await start.getByLabel("Who is it to?").selectOption({ label: "Health Policy and Performance Board" });
  await start.getByLabel("Report", { exact: true }).fill("Three day centres are under-used. Options A and B.");
  await start.getByLabel("Recommendations", { exact: true }).fill("1. Close the Ditton centre.");
  await start.getByRole("button", { name: "Start the report" }).click();
  await expect(done(director)).toContainText("this is version 1");
  const reportUrl = director.url().replace(/\?.*$/, "");
  await expectAccessible(director);

  // The Chair suggests; proposes a change, which the Director does not approve; proposes another, which is approved.
  const chair = await as(browser, "sandra.kettle@halton.example");
  await chair.goto(reportUrl);
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(chair.getByRole("region", { name: "Revise the report" })).toHaveCount(0);
  await expect(chair.getByRole("region", { name: "Withdraw the report" })).toHaveCount(0);
  await form(chair, "Suggest content").getByLabel("Your suggestion").fill("Say how many people use each centre.");
  await form(chair, "Suggest content").getByRole("button", { name: "Send the suggestion" }).click();
  await expect(done(chair)).toContainText("Your suggestion has been sent");
  const propose = async (recommendation: string) => {
    const f = form(chair, "Propose a change to the report");
    await f.getByLabel("Recommendations", { exact: true }).fill(recommendation);
    await f.getByRole("button", { name: "Send the change for approval" }).click();
    await expect(done(chair)).toContainText("It is not in the report unless they expressly approve it");
  };
  await propose("1. Close the Ditton centre and the Grange centre.");
  await expectAccessible(chair);

  await director.goto(reportUrl);
  await expect(director.getByRole("region", { name: "Changes waiting for approval" })).toContainText(
    "the Grange centre",
  );
  let decision = form(director, "Decide Sandra Kettle's proposed change");
  await decision.getByLabel("No, do not approve it").check();
  await decision.getByRole("button", { name: "Record my decision" }).click();
  await expect(summary(director)).toContainText("Give reasons for not approving the change");
  await decision.getByLabel("No, do not approve it").check();
  await decision.getByLabel(/Reasons/).fill("Grange has a waiting list.");
  await decision.getByRole("button", { name: "Record my decision" }).click();
  await expect(done(director)).toContainText("Your decision on the proposed change has been recorded.");
  await expect(director.getByRole("heading", { name: "Version 1 (current)" })).toBeVisible();

  await chair.goto(reportUrl);
  await propose("1. Close the Ditton centre after consulting its users.");
  await director.goto(reportUrl);
  decision = form(director, "Decide Sandra Kettle's proposed change");
  await decision.getByLabel("Yes, approve the change").check();
  await decision.getByRole("button", { name: "Record my decision" }).click();
  await expect(director.getByRole("heading", { name: "Version 2 (current)" })).toBeVisible();
  await expect(director.getByRole("main")).toContainText("a member's change, expressly approved by Gillian Marsh");
  await director.getByRole("link", { name: "Compare with version 1" }).click();
  await expect(director.locator("ins").first()).toContainText("after consulting its users");
  await expectAccessible(director);

  // The Chair's own report, alongside (marked, with the reason).
  await chair.goto(reportUrl);
  const own = form(chair, "Add your own report as Chair");
  await own.getByLabel("Title of your report").fill("The Chair's view");
  await own
    .getByLabel("Your report", { exact: true })
    .fill("The board should also consider a community transfer.");
  await own.getByLabel("The exceptional reason for adding your own report").fill("The officer's report omits it.");
  await own.getByRole("button", { name: "Add my report alongside" }).click();
  await expect(done(chair)).toContainText("Your report has been added alongside the officer's.");
  await expect(chair.getByRole("region", { name: "Chair's report: The Chair's view" })).toBeVisible();

  // Listed for the meeting, then published by democratic services: the pack carries both reports.
  await director.goto(reportUrl);
  const list = form(director, "List for a meeting");
  // The meeting scheduled above (demo meetings of the board may fall on the same day).
  await list.getByLabel("Meeting").selectOption({ value: meetingUrl.split("/").pop()! });
  await list.getByRole("button", { name: "List the report" }).click();
  await expect(done(director)).toContainText("The report is listed for the meeting.");

  await clerk.goto(meetingUrl);
  await expect(clerk.getByTestId("pack-report")).toContainText(title);
  await clerk.getByRole("button", { name: "Publish the agenda" }).click();
  await clerk.getByRole("button", { name: "Yes, continue" }).click();
  await expect(done(clerk)).toContainText("The agenda has been published.");

  const member = await as(browser, "helen.tranter@halton.example");
  await member.goto(meetingUrl);
  const pack = member.getByTestId("pack-report");
  await expect(pack).toContainText("after consulting its users");
  await expect(pack.getByRole("complementary", { name: /Chair's report: The Chair's view/ })).toContainText(
    "Reason for this exceptional report: The officer's report omits it.",
  );
  await expectAccessible(member);
  await member.getByRole("link", { name: "Printable agenda pack" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toContainText("agenda pack");
  await expect(member.getByRole("main")).toContainText("The Chair's view");
  await expectAccessible(member);
});

test("HAL-E4: a member's agenda item goes to the Chief Officer, then the Chair; only the Chair's agreement puts it on the agenda", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Blue badge parking ${Date.now()}`;
  const member = await as(browser, "helen.tranter@halton.example");
  await member.goto("/agenda-items");
  await expectAccessible(member);
  await member.goto("/agenda-items/new/member-item");
  const propose = form(member, "Propose an item for a Board or Committee agenda");
  await propose.getByLabel("Board or Committee").selectOption({ label: "Health Policy and Performance Board" });
  await propose.getByLabel("Service the item concerns").selectOption({ index: 1 });
  await propose.getByLabel("Title of the item").fill(title);
  await propose.getByLabel("What the item is about").fill("Too few blue badge bays near the clinics.");
  await propose.getByRole("button", { name: "Propose the item" }).click();
  await expect(done(member)).toContainText("Your item has been sent to the Chief Officer it concerns.");
  const itemUrl = member.url().replace(/\?.*$/, "");
  await expectAccessible(member);

  // The Chair sees it, but cannot place it before the Chief Officer has discussed it.
  const chair = await as(browser, "sandra.kettle@halton.example");
  await chair.goto(itemUrl);
  await expect(chair.getByRole("main")).toContainText(title);
  await expect(chair.getByText("Agree the item for the agenda")).toHaveCount(0);

  const officer = await as(browser, "gillian.marsh@halton.example");
  await officer.goto(itemUrl);
  const discuss = await decide(officer, "Record your discussion of the item");
  await discuss.fields
    .getByLabel("Your discussion with the member")
    .fill("Discussed; the board can consider parking policy.");
  await discuss.submit();
  await expect(done(officer)).toContainText("Your discussion has been recorded and the item sent to the Chair.");

  await chair.goto(itemUrl);
  await expect(chair.getByRole("main")).toContainText("Discussed; the board can consider parking policy.");
  await expectAccessible(chair);
  const agree = await decide(chair, "Agree the item for the agenda");
  await agree.submit();
  await expect(done(chair)).toContainText("The item is on the agenda and the member has been told.");
  await chair
    .getByRole("link", { name: /Health Policy and Performance Board/ })
    .first()
    .click();
  await expect(chair.getByRole("main")).toContainText(title);
});

test("CWC-E1: an officer copies a councillor's letter — to the same group at once, the writer told who it went to; to another group only with the writer's consent", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const subject = `Verge cutting ${Date.now()}`;
  const writer = await as(browser, "yasmin.clarke@cheshire-west.example");
  await writer.goto("/correspondence/new");
  await expectAccessible(writer);
  const record = form(writer, "The letter or email");
  await choose(record.getByLabel("Who is it to?"), "Nadia Brook");
  await record.getByLabel("A letter").check();
  await record.getByLabel("Subject").fill(subject);
  await record.getByLabel("What it says").fill("Please cut the verges on Frodsham Road before the show.");
  await fillDate(record, "Date it was sent", new Date().toISOString().slice(0, 10));
  await record.getByRole("button", { name: "Record it" }).click();
  await expect(done(writer)).toContainText("The correspondence has been recorded");
  const letterUrl = writer.url().replace(/\?.*$/, "");

  const director = await as(browser, "nadia.brook@cheshire-west.example");
  await director.goto(letterUrl);
  await expect(director.getByRole("heading", { level: 1 })).toContainText(subject);
  let copy = form(director, "Copy it to someone");
  await copy.getByLabel(/^Carol Ames/).check();
  await copy.getByRole("button", { name: "Copy it" }).click();
  await expect(done(director)).toContainText("The copy has been made. The person who wrote it has been told.");
  copy = form(director, "Copy it to someone");
  await copy.getByLabel(/^Simon Greatorex/).check();
  await copy.getByRole("button", { name: "Copy it" }).click();
  await expect(done(director)).toContainText("The copy waits for the consent of the councillor who wrote it.");
  await expectAccessible(director);

  const other = await as(browser, "simon.greatorex@cheshire-west.example");
  expect((await other.goto(letterUrl))?.status()).toBe(404);

  await writer.goto("/notifications");
  await expect(writer.getByRole("main")).toContainText("Carol Ames");
  await writer.goto(letterUrl);
  await expect(writer.getByRole("main")).toContainText("Carol Ames");
  await form(writer, "Copy to Simon Greatorex: your consent is asked")
    .getByRole("button", { name: "Give consent" })
    .click();
  await expect(done(writer)).toContainText("You gave consent: the copy has been made");
  await expectAccessible(writer);
  expect((await other.goto(letterUrl))?.status()).toBe(200);
  await expect(other.getByRole("main")).toContainText("Frodsham Road");
});

test("WIG-E1: a relationship disclosure is seen by the discloser, the Chief Executive and the Group Leader consulted — by nobody else", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const officer = await as(browser, "chloe.unsworth@wigan.example");
  await officer.goto("/register");
  await expectAccessible(officer);
  await officer.goto("/register/new/disclosure");
  await choose(officer.getByLabel("Who is the relationship with?"), "Patricia Lunt");
  const words = `We are close friends ${Date.now()}`;
  await officer.getByLabel("Describe the relationship").fill(words);
  await officer.getByRole("button", { name: "Send the disclosure" }).click();
  await expect(done(officer)).toContainText("Only the people listed below can see it.");
  const url = officer.url().replace(/\?.*$/, "");
  await expectAccessible(officer);

  const ce = await as(browser, "alison.kerr@wigan.example");
  await ce.goto(url);
  await expect(ce.getByRole("main")).toContainText(words);
  const close = await decide(ce, "Close with the course of action agreed");
  await close.fields.getByLabel("The course of action agreed").fill("No further action.");
  await close.submit();
  await expect(summary(ce)).toContainText("WIG-E1");
  const consult = await decide(ce, "Record the consultation with the Group Leader", { exact: true });
  await consult.fields.getByLabel("What you discussed and what they advised").fill("Agreed Cllr Lunt steps back.");
  await consult.submit();
  await expect(done(ce)).toContainText("The Group Leader can now see this disclosure.");
  await expectAccessible(ce);

  const leader = await as(browser, "keith.ormerod@wigan.example");
  expect((await leader.goto(url))?.status()).toBe(200);
  await expect(leader.getByRole("main")).toContainText(words);
  for (const email of [
    "gordon.fairclough@wigan.example",
    "patricia.lunt@wigan.example",
    "rebecca.shaw@wigan.example",
  ]) {
    const p = await as(browser, email);
    expect((await p.goto(url))?.status(), email).toBe(404);
    await p.goto("/register");
    await expect(p.getByRole("main")).not.toContainText(words);
  }
});
