// Issue 15 in the browser, keeping the organisation true: a council's administrator schedules, renames, moves and
// cancels a meeting (the cancelled meeting stays listed, marked, with its reason), and gives a Cabinet Member their
// portfolio, after which that Cabinet Member may ask for a briefing on it (CWC-B2). Each page checked with axe.
import type { Page } from "@playwright/test";
import { as, expect, expectAccessible, fillDate, summary, test } from "./fixtures";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const form = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const done = (page: Page) => page.getByRole("status");

test("issue 15: the council's administrator schedules, renames, moves and cancels a meeting; the cancelled meeting stays listed with its reason", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Halstead's administrator holds no other office.
  const admin = await as(browser, "kevin.styles@halstead.example");
  await admin.goto("/admin/organisation");
  await expect(admin.getByRole("region", { name: "Meetings" })).toContainText("rename, move or cancel one");
  await admin.getByRole("link", { name: "Meetings page" }).click();
  const schedule = form(admin, "A new meeting");
  await schedule.getByLabel("Which body meets?").selectOption({ label: "Amenities Committee" });
  await fillDate(schedule, "Meeting date", inDays(45));
  await schedule.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(done(admin)).toContainText("The meeting has been scheduled.");
  const url = admin.url().replace(/\?.*$/, "");
  await expectAccessible(admin);
  // What was sent is not offered back as an unsent draft when the form is opened again.
  await admin.goto("/meetings");
  await expect(form(admin, "A new meeting")).toBeVisible();
  await expect(admin.getByText("We kept what you typed here")).toHaveCount(0);
  await admin.goto(url);

  const change = form(admin, "Rename or move this meeting");
  await change.getByLabel("Meeting", { exact: true }).fill("");
  await change.getByRole("button", { name: "Save the meeting" }).click();
  await expect(summary(admin)).toContainText("Enter the meeting's name");
  await change.getByLabel("Meeting", { exact: true }).fill("Amenities Committee (budget)");
  await fillDate(change, "Meeting date", inDays(52));
  await change.getByLabel("Where (optional)").fill("Council Chamber");
  await change.getByRole("button", { name: "Save the meeting" }).click();
  await expect(done(admin)).toContainText("The meeting has been changed.");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Amenities Committee (budget)");
  await expect(admin.getByRole("main")).toContainText("Council Chamber");

  const cancel = form(admin, "Cancel this meeting");
  await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
  await expect(summary(admin)).toContainText("Enter why the meeting is cancelled");
  await cancel.getByLabel("Why is it cancelled?").fill("No business to transact");
  await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
  await admin.getByRole("button", { name: "Yes, continue" }).click();
  await expect(done(admin)).toContainText("The meeting has been cancelled.");
  await expect(admin.getByRole("main")).toContainText("This meeting was cancelled: No business to transact");
  await expect(form(admin, "Cancel this meeting")).toHaveCount(0);
  await expectAccessible(admin);

  // The list keeps it, marked cancelled; the administrative log has each change.
  const member = await as(browser, "bridget.fenn@halstead.example");
  await member.goto(url);
  await expect(member.getByRole("main")).toContainText("This meeting was cancelled: No business to transact");
  await expect(member.getByRole("region", { name: "Rename or move this meeting" })).toHaveCount(0);
  await admin.goto("/admin/log?entity=MEETING");
  await expect(admin.getByRole("main")).toContainText("Cancelled the meeting “Amenities Committee (budget)”");
  await expect(admin.getByRole("main")).toContainText("Changed the meeting “Amenities Committee”");
  await expectAccessible(admin);
});

test("CWC-B2: the administrator gives a Cabinet Member a service in their portfolio on the person's page; the Cabinet Member may then ask for a briefing on it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Dev Mistry, Cabinet Member for Environment (Place Operations), holds no group office and chairs nothing.
  const cabinet = await as(browser, "dev.mistry@cheshire-west.example");
  const brief = async () => {
    await cabinet.goto("/requests/new/briefing");
    await cabinet.getByLabel("Subject of the briefing").fill(`Governance review ${Date.now()}`);
    await cabinet
      .getByLabel("Decision, agenda item or report it relates to")
      .fill(`Cabinet item GOV-${Date.now()}`);
    await cabinet.getByLabel("Which council business is it about?").fill("The constitution review before Cabinet");
    await cabinet.getByLabel("Which service does it concern?").selectOption({ label: "Governance" });
    await cabinet.getByRole("button", { name: "Continue" }).click();
  };
  await brief();
  await expect(summary(cabinet)).toContainText("CWC-B2");

  const admin = await as(browser, "joanna.fielding@cheshire-west.example");
  await admin.goto("/admin/users?q=Dev");
  await admin.getByRole("link", { name: "Dev Mistry" }).click();
  const portfolio = form(admin, "Cabinet portfolio");
  await expect(portfolio.getByLabel("Portfolio", { exact: true })).toHaveValue("Environment");
  await expect(portfolio.getByLabel("Place Operations")).toBeChecked();
  await portfolio.getByLabel("Portfolio", { exact: true }).fill("");
  await portfolio.getByRole("button", { name: "Save Cabinet portfolio" }).click();
  await expect(summary(admin)).toContainText("Enter the portfolio's name");
  await portfolio.getByLabel("Portfolio", { exact: true }).fill("Environment and Governance");
  await portfolio.getByLabel("Governance").check();
  await portfolio.getByRole("button", { name: "Save Cabinet portfolio" }).click();
  await expect(done(admin)).toContainText("Your changes to Dev Mistry have been saved.");
  await expect(form(admin, "Cabinet portfolio").getByLabel("Governance")).toBeChecked();
  await expectAccessible(admin);

  // The next request: the portfolio now covers Governance, so the briefing goes ahead.
  await brief();
  await expect(summary(cabinet)).toHaveCount(0);
  await expect(cabinet.getByTestId("routing")).toBeVisible();
  await expectAccessible(cabinet);
  await cabinet.getByRole("button", { name: "Send", exact: true }).click();
  await expect(cabinet.getByRole("heading", { level: 1 })).toHaveText("Party-group briefing sent");
});
