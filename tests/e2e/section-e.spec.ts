// Section E in the browser (issue 14): committee reports from draft to the agenda pack, agenda items, copied
// correspondence and relationship disclosures — each page checked with axe.
import type { Page } from "@playwright/test";
import { as, expect, expectAccessible, fillDate, summary, test } from "./fixtures";

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
  await list.getByLabel("Meeting").selectOption({ label: `Health Policy and Performance Board, ${inDays(70)}` });
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
