// The protocol's steps that had no page, in the browser as the people they name — in several council profiles, with
// axe on every new page: governance advice before a refusal (CWC), a Chairman's advice (C2007), an offered briefing
// (WIG), a Code-breach report and Leadership Team notes (HTC), absences (CWC), standing arrangements (HAL),
// contact officers and significant-development bulletins (WIG), and members' own CSV.
import { as, decide, expect, expectAccessible, fileInformation, fillDate, summary, test } from "./fixtures";

test("CWC-A3, DEF-A10, CWC-A2, CWC-A4: the Director of Governance records advice on the request page; the Chief Officer then refuses with a ground the member sees; the member asks for a review, which the Director of Governance holds", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await as(browser, "simon.greatorex@cheshire-west.example");
  const subject = `Gritting routes ${Date.now()}`;
  await fileInformation(member, { subject, service: "Place Operations", cwc: true });
  const url = member.url().replace("/confirmation", "");

  const director = await as(browser, "nadia.brook@cheshire-west.example");
  await director.goto(url);
  await expect(director.getByRole("main")).toContainText("Governance advice has not been recorded yet");
  await expect(director.getByRole("radio", { name: /Refuse the request/ })).toHaveCount(0);

  const governance = await as(browser, "ruth.calloway@cheshire-west.example");
  await governance.goto(url);
  const advice = await decide(governance, "Record governance advice");
  await advice.submit();
  await expect(summary(governance)).toContainText("Enter the governance advice");
  await advice.fields.getByLabel("Governance advice").fill("A refusal as a roving commission is open to you.");
  await advice.submit();
  await expect(governance.getByRole("status")).toContainText("The governance advice has been recorded");
  await expectAccessible(governance);

  await director.reload();
  const refuse = await decide(director, "Refuse the request");
  await refuse.fields.getByLabel("Ground for refusal").selectOption({ label: "A roving commission" });
  await refuse.fields.getByLabel("Written reasons").fill("Every route since 2015 is a roving commission.");
  await refuse.submit();
  await expect(director.getByRole("status")).toContainText("The refusal and your reasons have been sent");

  await member.goto(url);
  await expect(member.getByRole("heading", { name: "Refused: A roving commission" })).toBeVisible();
  await expect(member.getByRole("main")).not.toContainText("open to you");
  const review = await decide(member, "Ask for a review of the refusal");
  await review.fields.getByLabel("Why should the refusal be reviewed?").fill("Only this winter's routes.");
  await review.submit();
  await expect(member.getByRole("status")).toContainText("Your review request has been sent.");
  await expect(member.getByRole("main")).toContainText("WithRuth Calloway");
  await expectAccessible(member);
});

test("C2007-A6, C2007-A4: the Chief Executive refers a doubtful case to a Chairman, who can only advise; marked readily available, it can only be granted", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await as(browser, "geoffrey.lamb@ashdown-vale.example");
  await member.goto("/requests/new/information");
  const subject = `Housing company papers ${Date.now()}`;
  await member.getByLabel("Subject").fill(subject);
  await member.getByLabel("What information do you need?").fill("The housing company's latest board papers.");
  await member.getByLabel("Send this to the Chief Executive").check();
  await member.getByLabel("As a councillor").check();
  const grounds = member.getByLabel(/Why do you need this information/);
  if (await grounds.count()) await grounds.fill("I sit on the Housing Scrutiny Panel.");
  await member.getByRole("button", { name: "Continue" }).click();
  await expect(member.getByRole("main")).toContainText("The Chief Executive");
  await member.getByRole("button", { name: "Send request" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Information request sent");
  const url = member.url().replace("/confirmation", "");

  const ce = await as(browser, "alistair.penn@ashdown-vale.example");
  await ce.goto(url);
  const refer = await decide(ce, "Refer to a Chairman for advice");
  await refer.fields.getByLabel("Chairman").selectOption({ index: 1 });
  const chairman = (await refer.fields.getByLabel("Chairman").locator("option:checked").textContent())!;
  await refer.fields.getByLabel("Why you are referring it").fill("Commercially sensitive.");
  await refer.submit();
  await expect(ce.getByRole("status")).toContainText("referred to the Chairman");

  const chair = await as(
    browser,
    chairman.startsWith("Pauline") ? "pauline.oduya@ashdown-vale.example" : "nigel.farrant@ashdown-vale.example",
  );
  await chair.goto(url);
  await expect(chair.getByRole("radio", { name: /Refuse/ })).toHaveCount(0);
  const give = await decide(chair, "Give your advice");
  await give.fields.getByLabel("Your advice").fill("Share a summary only.");
  await give.submit();
  await expect(chair.getByRole("status")).toContainText("Your advice has been sent");
  await expectAccessible(chair);

  await ce.reload();
  await expect(ce.getByRole("main")).toContainText("Share a summary only.");
  await (await decide(ce, "Mark the information as readily available")).submit();
  await expect(ce.getByRole("status")).toContainText("readily available");
  await expect(ce.getByRole("radio", { name: /Refuse/ })).toHaveCount(0);
  const grant = await decide(ce, "Reply and supply the information");
  await grant.fields.getByLabel("Your reply to the member").fill("A summary of the board papers is attached.");
  await grant.submit();
  await member.goto(url);
  await expect(member.getByRole("main")).toContainText("A summary of the board papers");
  await expect(member.getByRole("main")).not.toContainText("Share a summary only.");
  await expectAccessible(member);
});

test("WIG-B6, WIG-B5: the Director offers a briefing to every group's spokesperson; leaving one out needs reasons; a spokesperson takes it up", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await as(browser, "rebecca.shaw@wigan.example");
  await director.goto("/requests/new");
  await director.getByRole("link", { name: "Offer a briefing to every group's spokesperson" }).click();
  await expectAccessible(director);
  const subject = `Masterplan briefing ${Date.now()}`;
  await director.getByLabel("Subject of the briefing").fill(subject);
  await director.getByLabel("Which council business is it about?").fill("The Town Centre Masterplan report");
  await director.getByLabel(/^Conservative Group/).check();
  await director.getByRole("button", { name: "Continue" }).click();
  await expect(summary(director)).toContainText("WIG-B5");
  await director.getByLabel(/^Independent Network/).check();
  await director.getByRole("button", { name: "Continue" }).click();
  await director.getByRole("button", { name: "Send", exact: true }).click();

  const spokesperson = await as(browser, "naomi.ward@wigan.example");
  await spokesperson.goto("/notifications");
  await spokesperson
    .getByRole("link", { name: new RegExp(subject) })
    .first()
    .click();
  await (await decide(spokesperson, "Take up this briefing for your group")).submit();
  await expect(spokesperson.getByRole("status")).toContainText("opted in");
  await expect(spokesperson.getByRole("main")).toContainText("Accepted");
  await expectAccessible(spokesperson);
});

test("HTC-D7, HTC-D9: a member of staff reports a suspected Code breach to the Town Clerk, who refers it; the Clerk records a Leadership Team meeting as notes only", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staff = await as(browser, "aisha.benton@halstead.example");
  await staff.goto("/requests/new");
  await staff.getByRole("link", { name: "Report a suspected Code breach" }).click();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Continue" }).click();
  await expect(summary(staff)).toBeVisible();
  await staff.getByLabel("Which councillor does it concern?").selectOption({ label: "Rosa Quint" });
  await fillDate(staff, "When did you become aware of it?", "2026-11-20");
  await staff.getByLabel("What happened?").fill(`Shouted at staff in the office ${Date.now()}.`);
  await staff.getByRole("button", { name: "Continue" }).click();
  await expect(staff.getByRole("main")).toContainText("Margaret Doyle");
  await staff.getByRole("button", { name: "Send", exact: true }).click();
  await staff.waitForURL(/\/requests\/[a-z0-9]+\/confirmation$/);
  const url = staff.url().replace("/confirmation", "");

  const clerk = await as(browser, "margaret.doyle@halstead.example");
  await clerk.goto(url);
  const decision = await decide(clerk, "Decide whether to ask the Monitoring Officer");
  await decision.fields.getByLabel("Yes, refer it to the Monitoring Officer").check();
  await decision.fields.getByLabel("Reasons for your decision").fill("A pattern of conduct; advice needed.");
  await decision.submit();
  await expect(clerk.getByRole("status")).toContainText("Your decision has been recorded.");

  await clerk.goto("/meetings");
  await clerk.getByRole("button", { name: "Record the meeting" }).click();
  await expect(summary(clerk)).toContainText("Enter the date of the meeting");
  await fillDate(clerk, "Date of the meeting", "2026-11-30");
  await clerk.getByLabel("Notes of preliminary consideration").fill("The allotments review was considered.");
  await clerk.getByRole("button", { name: "Record the meeting" }).click();
  await expect(clerk.getByRole("status")).toContainText("The meeting notes have been recorded.");
  await expectAccessible(clerk);
  const member = await as(browser, "bridget.fenn@halstead.example");
  await member.goto("/meetings");
  await expect(member.getByRole("main")).not.toContainText("The allotments review was considered.");
});

test("CWC-B3, HAL-B4: the Chief Executive records an absence; a standing arrangement is recorded for a JNC officer and comes into force when the officer agrees", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ce = await as(browser, "victor.hale@cheshire-west.example");
  await ce.goto("/account");
  await ce.getByRole("button", { name: "Record the absence" }).click();
  await expect(summary(ce)).toContainText("Enter the first day you are away");
  await expectAccessible(ce);
  const next = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
  await fillDate(ce, "First day away", next);
  await fillDate(ce, "Last day away", next);
  await ce.getByRole("button", { name: "Record the absence" }).click();
  await expect(ce.getByRole("status")).toContainText("Your absence has been recorded.");
  await ce.reload();
  await ce
    .getByRole("button", { name: /Cancel this absence/ })
    .first()
    .click();
  await expect(ce.getByRole("main")).toContainText("You have no absences recorded.");

  const admin = await as(browser, "fiona.carr@halton.example");
  await admin.goto("/people");
  await admin.getByRole("link", { name: "Standing arrangements for officers to advise groups" }).click();
  await admin.getByLabel("Officer").selectOption({ label: "Ben Lowry, Waste Services Officer" });
  await admin.getByLabel("Group to advise").selectOption({ label: "Labour Group" });
  await admin.getByLabel("Safeguards for political neutrality").fill("Council business only.");
  await admin.getByRole("button", { name: "Record the arrangement" }).click();
  await expect(summary(admin)).toBeVisible();
  await admin.getByLabel("Officer").selectOption({ label: "Colin Ashworth, Divisional Manager, Highways" });
  await admin.getByRole("button", { name: "Record the arrangement" }).click();
  await expect(admin.getByRole("status")).toContainText("It is in force once the officer agrees.");
  await expectAccessible(admin);

  const officer = await as(browser, "colin.ashworth@halton.example");
  await officer.goto("/arrangements");
  await officer.getByRole("button", { name: "I agree to this arrangement" }).first().click();
  await expect(officer.getByRole("main")).toContainText("it is now in force");
  await expect(officer.getByRole("main")).toContainText("In force");
});

test("WIG-A14, WIG-A12: the Director keeps Place's contact officers; a significant-development bulletin cannot leave out a group; a member downloads their own requests as CSV", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await as(browser, "rebecca.shaw@wigan.example");
  await director.goto("/contact-officers");
  await director
    .getByLabel("Add a contact officer for Place")
    .selectOption({ label: "Chloe Unsworth, Assistant Director, Highways" });
  await director.getByRole("button", { name: "Add", exact: true }).click();
  await expect(director.getByRole("status")).toContainText("The contact officer has been added.");
  await expect(director.getByRole("region", { name: "Place" })).toContainText("Chloe Unsworth");
  await expectAccessible(director);
  await director.getByRole("button", { name: "Remove Chloe Unsworth" }).click();
  await expect(director.getByRole("status")).toContainText("removed");

  await director.goto("/notices/development");
  await director.getByLabel("Title").fill("Town centre funding approved");
  await director.getByLabel("What has happened?").fill("The bid for £20m has been approved.");
  for (const name of ["Naomi Ward", "Tony Birchall"]) await director.getByLabel(new RegExp(`^${name}`)).uncheck();
  await director.getByRole("button", { name: "Send the bulletin" }).click();
  await expect(summary(director)).toContainText("WIG-A12");
  await expect(director.getByLabel("Title")).toHaveValue("Town centre funding approved");
  await expectAccessible(director);
  await director.getByLabel(/^Naomi Ward/).check();
  await director.getByRole("button", { name: "Send the bulletin" }).click();
  await expect(director.getByRole("status")).toContainText("Your bulletin was sent");

  const member = await as(browser, "patricia.lunt@wigan.example");
  const subject = `Bin collections ${Date.now()}`;
  await fileInformation(member, { subject, service: "Place" });
  await member.goto("/requests");
  const href = await member
    .getByRole("link", { name: "Download these as a spreadsheet (CSV)" })
    .getAttribute("href");
  const csv = await (await member.request.get(href!)).text();
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Reference,Type,Subject,Status,Made on,Due");
  expect(csv).toContain(subject);
});
