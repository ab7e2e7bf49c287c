// Members' information-request journeys in the browser, in three council profiles: start page, form, check your
// answers, confirmation, the list, the request page with its timeline, and following the request to its end.
import { expectAccessible, expect, signIn, test, decide, as, summary } from "./fixtures";

test("WIG: a member files a request, the Director refuses (WIG-A3 needs reasons), the member asks for a review (DEF-A3) and the Monitoring Officer overturns it (DEF-A5)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await as(browser, "patricia.lunt@wigan.example");
  await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Make a request" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("What do you need?");
  await expectAccessible(member);
  await member.getByRole("link", { name: "Ask for information" }).click();
  await expectAccessible(member);

  // Nothing filled in: an error summary linking to the fields.
  await member.getByRole("button", { name: "Continue" }).click();
  await expect(summary(member).getByRole("link", { name: "Enter a subject for your request" })).toHaveAttribute(
    "href",
    "#subject",
  );
  await expectAccessible(member);

  const subject = `Potholes on Bolton Road ${Date.now()}`;
  await member.getByLabel("Subject").fill(subject);
  await member
    .getByLabel("What information do you need?")
    .fill("How many potholes were reported on Bolton Road this year, and how many are repaired?");
  await member.getByLabel("Which service holds the information?").selectOption({ label: "Place" });
  await member.getByLabel("A general enquiry").check();
  await member.getByRole("button", { name: "Continue" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(
    "Check your answers before sending your request",
  );
  await expect(member.getByTestId("routing")).toHaveText("Rebecca Shaw, Director for Place, will decide it.");
  await expectAccessible(member);

  // Change an answer: back to the form with everything kept.
  await member.getByRole("button", { name: "Change subject" }).click();
  await expect(member.getByLabel("Subject")).toHaveValue(subject);
  await member.getByRole("button", { name: "Continue" }).click();
  await member.getByRole("button", { name: "Send request" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Information request sent");
  await expect(member.getByTestId("reference")).toHaveText(/^WIG-\d{6}$/);
  await expect(member.getByTestId("sent-to")).toContainText("Rebecca Shaw, Director for Place");
  await expectAccessible(member);
  const reference = (await member.getByTestId("reference").textContent())!;

  await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  // The "received" notification is counted in the header.
  await expect(member.getByTestId("unread-count")).toContainText("1");
  const row = member.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("With the decider");
  // Ten working days from receipt (WIG); on a weekend or bank holiday the clock starts on the next working day, so
  // seen the same day it reads one more.
  await expect(row).toContainText(/due in 1[01] working days/);
  await expectAccessible(member);

  // The Director is notified and refuses: without reasons the refusal is rejected (WIG-A3).
  const director = await as(browser, "rebecca.shaw@wigan.example");
  await expect(director.getByTestId("unread-count")).toBeVisible();
  await director
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Notifications/ })
    .click();
  await director.getByRole("link", { name: new RegExp(subject) }).click();
  await expectAccessible(director);
  const refuse = await decide(director, "Refuse the request");
  await refuse.submit();
  await expect(summary(director)).toContainText("WIG-A3");
  await expectAccessible(director);
  await refuse.fields.getByLabel("Ground for refusal").selectOption({ label: "A roving commission" });
  await refuse.fields
    .getByLabel("Written reasons")
    .fill("This asks for every report on the road since records began.");
  await refuse.submit();
  await expect(director.getByRole("status")).toContainText(
    "The refusal and your reasons have been sent to the member.",
  );

  // The member sees the reasons and the statutory-rights notice (WIG-A15), and asks for a review.
  await member.goto("/requests");
  await member.getByRole("link", { name: subject }).click();
  // The member sees the ground, not only the free text (the timeline names the ground's rule).
  await expect(member.getByRole("heading", { name: "Refused: A roving commission" })).toBeVisible();
  await expect(member.getByRole("main").getByText("since records began").first()).toBeVisible();
  await expect(member.getByText(/statutory rights of access/)).toBeVisible();
  await expectAccessible(member);
  const review = await decide(member, "Ask for a review of the refusal");
  await review.fields
    .getByLabel("Why should the refusal be reviewed?")
    .fill("I only need this year's reports for a ward surgery.");
  await review.submit();
  await expect(member.getByRole("status")).toContainText("Your review request has been sent.");

  const mo = await as(browser, "martin.greaves@wigan.example");
  await mo.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" }).click();
  await expect(mo.getByRole("row", { name: new RegExp(subject) })).toContainText("Under review");
  await mo.getByRole("link", { name: subject }).click();
  const overturn = await decide(mo, "Overturn the refusal");
  await overturn.fields
    .getByLabel("Reasons for your decision")
    .fill("This year's reports are a proportionate request.");
  await overturn.submit();
  await expect(mo.getByRole("status")).toContainText("overturned");
  // The refusal has had its one review: the member is not offered another (DEF-A3).

  await member.reload();
  await expect(member.getByText("To be supplied").first()).toBeVisible();
  await expect(member.getByRole("radio", { name: /Ask for a review/ })).toHaveCount(0);
  const timeline = member.getByRole("list", { name: "Timeline" });
  for (const step of ["Request made", "Refused", "Review asked for", "Refusal overturned on review"])
    await expect(timeline).toContainText(step);
  await expect(timeline).toContainText("Rule WIG-A3");
  await expect(timeline).toContainText("Rule DEF-A5 (council setting)");
});

test("CWC: the protocol stops a draft Cabinet report (CWC-A7) and a request without grounds (CWC-A1), keeping what was typed", async ({
  page,
}) => {
  await signIn(page, "simon.greatorex@cheshire-west.example");
  await page.goto("/requests/new/information");
  await page.getByLabel("Subject").fill("Draft budget report");
  await page.getByLabel("What information do you need?").fill("The draft Cabinet report on the 2027 budget.");
  await page.getByLabel("What kind of information is it?").selectOption({ label: "A draft Cabinet report" });
  await page.getByLabel(/This request is for my work as a councillor/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page)).toContainText("Draft Cabinet reports and working papers are work in progress");
  await expect(summary(page)).toContainText("CWC-A7");
  await expect(page.getByLabel("Subject")).toHaveValue("Draft budget report");
  await expectAccessible(page);

  await page.getByLabel("What kind of information is it?").selectOption({ label: "Published reports or data" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page)).toContainText("CWC-A1");
  await page
    .getByLabel(/Why do you need this information/)
    .fill("I am preparing a question for Full Council on the budget.");
  await page.getByLabel("Which service holds the information?").selectOption({ label: "Corporate Services" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("routing")).toContainText("Tom Ferris");
});

test("CWC: a backbencher is told who may ask for a party-group briefing (CWC-B2)", async ({ page }) => {
  await signIn(page, "simon.greatorex@cheshire-west.example");
  await page.goto("/requests/new");
  const notAvailable = page.getByRole("list", { name: "Request types you cannot use" });
  await expect(notAvailable).toContainText("Ask for a party-group briefing");
  await expect(notAvailable).toContainText("Group Leader, the Chair or a Spokesperson");
  await expectAccessible(page);
});

test("HTC, by keyboard only: a town councillor's request goes to the Town Clerk (DEF-D5)", async ({ page }) => {
  await signIn(page, "rosa.quint@halstead.example");
  await page.goto("/requests/new");
  await expect(page.getByRole("list", { name: "Request types you can use" })).toContainText(
    "Put an item on the agenda",
  );
  const link = page.getByRole("link", { name: "Ask for information or advice" });
  for (let i = 0; i < 25 && !(await link.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Subject")).toBeVisible();
  await page.getByLabel("Subject").focus();
  await page.keyboard.type("Allotment waiting list");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What information do you need?")).toBeFocused();
  await page.keyboard.type("How long is the allotment waiting list?");
  const cont = page.getByRole("button", { name: "Continue" });
  for (let i = 0; i < 30 && !(await cont.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("routing")).toHaveText("Margaret Doyle, Town Clerk, will decide it.");
  const send = page.getByRole("button", { name: "Send request" });
  for (let i = 0; i < 30 && !(await send.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information request sent");
  await expect(page.getByTestId("reference")).toHaveText(/^HTC-\d{6}$/);
});

test("HTC: a member attaches a file to a request and the Town Clerk downloads it; oversize files are refused with a clear message", async ({
  page,
  browser,
}) => {
  await signIn(page, "bridget.fenn@halstead.example");
  await page.goto("/requests/new/information");
  await page.getByLabel("Subject").fill("Bench on the green");
  await page.getByLabel("What information do you need?").fill("Who maintains the bench on the green?");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByRole("link", { name: "View your request" }).click();
  await page.waitForURL(/\/requests\/[^/]+$/);
  const url = page.url();
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "photo-notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("The bench slats are broken."),
  });
  await page.getByRole("region", { name: "Attach a file" }).getByRole("button", { name: "Attach a file" }).click();
  await expect(page.getByRole("status")).toContainText("The file has been attached.");
  await expect(page.getByRole("link", { name: "photo-notes.txt" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(5 * 1024 * 1024 + 10) });
  await page.getByRole("region", { name: "Attach a file" }).getByRole("button", { name: "Attach a file" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "The file must be 5 MB or smaller",
  );

  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "margaret.doyle@halstead.example");
  await clerk.goto(url);
  const [download] = await Promise.all([
    clerk.waitForEvent("download"),
    clerk.getByRole("link", { name: "photo-notes.txt" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("photo-notes.txt");
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe("The bench slats are broken.");

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "samuel.tolley@halstead.example");
  const href = await clerk.getByRole("link", { name: "photo-notes.txt" }).getAttribute("href");
  expect((await other.request.get(href!)).status()).toBe(404);
});

test("CWC-A8 and CWC-A9: a Group Leader asks for background information for the group; their group sees it, another group cannot", async ({
  page,
  browser,
}) => {
  await signIn(page, "adrian.penhale@cheshire-west.example");
  await page.goto("/requests/new/information");
  await page.getByLabel("Background information for my group, behind a decision").check();
  const subject = `Background to the leisure decision ${Date.now()}`;
  await page.getByLabel("Subject").fill(subject);
  await page
    .getByLabel("What information do you need?")
    .fill("The options appraisal behind the leisure centre decision.");
  await page.getByLabel("Which service holds the information?").selectOption({ label: "Corporate Services" });
  await page.getByLabel(/Why do you need this information/).fill("To scrutinise the decision.");
  await page.getByLabel(/This request is for my work as a councillor/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("main")).toContainText("Your group");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information request sent");

  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, "harriet.vane-lowe@cheshire-west.example");
  await colleague.goto("/requests");
  await expect(colleague.getByRole("link", { name: subject })).toBeVisible();
  const rival = await (await browser.newContext()).newPage();
  await signIn(rival, "yasmin.clarke@cheshire-west.example");
  await rival.goto(`/requests?q=${encodeURIComponent("leisure decision")}`);
  await expect(rival.getByRole("main")).not.toContainText(subject);
});

test("WIG-A13: routine casework can go to a named officer, with the Director copied", async ({ page }) => {
  await signIn(page, "stuart.heyes@wigan.example");
  await page.goto("/requests/new/information");
  await page.getByLabel("Subject").fill("Fly-tipping on Elliott Street");
  await page.getByLabel("What information do you need?").fill("When will the fly-tipping be cleared?");
  await page
    .getByLabel("Is it for a particular officer? (optional)")
    .selectOption({ label: "Liam Gaskell, Neighbourhood Officer" });
  await page.getByLabel("Routine casework").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("main")).toContainText("Liam Gaskell, Neighbourhood Officer");
  await expect(page.getByTestId("routing")).toContainText("Rebecca Shaw, Director for Place");
  await expectAccessible(page);
});
