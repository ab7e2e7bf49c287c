// The handling side in the browser: each handling role works its queue to the end of a workflow, in several council
// profiles — queue → assign → decide → the member sees the outcome — plus the workload dashboard, CSV exports and
// the email outbox.
import { choose, decide, expect, expectAccessible, fileInformation, nav, summary, test, as } from "./fixtures";

for (const c of [
  {
    council: "WIG",
    member: "joan.pilling@wigan.example",
    director: "rebecca.shaw@wigan.example",
    service: "Place",
    officer: "chloe.unsworth@wigan.example",
    officerName: "Chloe Unsworth",
    otherOfficer: "Liam Gaskell",
    outsider: "Erin Whittle",
    cwc: false,
  },
  {
    council: "CWC",
    member: "simon.greatorex@cheshire-west.example",
    director: "nadia.brook@cheshire-west.example",
    service: "Place Operations",
    officer: "kieran.walsh@cheshire-west.example",
    officerName: "Kieran Walsh",
    otherOfficer: "Amy Thornton",
    outsider: "Lewis Pryce",
    cwc: true,
  },
]) {
  test(`${c.council}: the Chief Officer's queue → assign within the service → the officer's queue → the Chief Officer grants → the member sees the reply`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const member = await as(browser, c.member);
    const subject = `Fly-tipping reports ${c.council} ${Date.now()}`;
    const reference = await fileInformation(member, { subject, service: c.service, cwc: c.cwc });

    const director = await as(browser, c.director);
    await nav(director, "Queue");
    await expect(director.getByRole("heading", { level: 1 })).toHaveText("Your queue");
    await expect(director.getByTestId("status-counts")).toContainText("With the decider");
    await expectAccessible(director);
    // Filters: the type and a search find it; the "not assigned" filter includes it.
    await director.getByLabel("Reference or subject").fill(reference);
    await director.getByLabel("Type", { exact: true }).selectOption({ label: "Information request" });
    await director.getByLabel("Assigned to").selectOption({ label: "Not assigned to an officer" });
    await director.getByRole("button", { name: "Apply filters" }).click();
    await expect(director.getByTestId("queue-total")).toHaveText("1");
    const row = director.getByRole("row", { name: new RegExp(reference) });
    await expect(row).toContainText("With the decider");
    await expect(row).toContainText(/due in \d+ working days/);
    await row.getByRole("link", { name: subject }).click();

    // Assign within the service: only the service's officers are offered; none chosen is an error on the page.
    const assign = director.getByRole("region", { name: "Assign to an officer" });
    await expect(assign.getByLabel("Officer").locator("option", { hasText: c.outsider })).toHaveCount(0);
    await assign.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(summary(director)).toContainText("Choose the officer to assign the request to");
    await expectAccessible(director);
    await choose(assign.getByLabel("Officer"), c.otherOfficer);
    await assign.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(director.getByRole("status")).toContainText("The request has been assigned");
    // Reassign to another officer of the service.
    const reassign = director.getByRole("region", { name: "Reassign to another officer" });
    await expect(reassign).toContainText(`Now assigned to ${c.otherOfficer}`);
    await choose(reassign.getByLabel("Officer"), c.officerName);
    await reassign.getByRole("button", { name: "Reassign", exact: true }).click();
    await expect(director.getByRole("main")).toContainText(`Assigned to${c.officerName}`);
    await expect(director.getByRole("list", { name: "Timeline" })).toContainText("Allocated to an officer");

    // The officer's queue: "assigned to me".
    const officer = await as(browser, c.officer);
    await officer.goto("/queue?assignee=me");
    await expect(officer.getByRole("row", { name: new RegExp(reference) })).toContainText(c.officerName);
    await expectAccessible(officer);

    // The Chief Officer grants with the reply; the member sees it, and the timeline records each step.
    const grant = await decide(director, "Reply and supply the information");
    await grant.fields
      .getByLabel("Your reply to the member")
      .fill("There were 412 reports; 398 were cleared within five working days.");
    await grant.submit();
    await expect(director.getByRole("status")).toContainText("Your reply has been sent to the member.");
    await director.goto("/queue");
    await expect(director.getByRole("main")).not.toContainText(reference);
    await director.goto("/queue?status=closed");
    await expect(director.getByRole("row", { name: new RegExp(reference) })).toContainText("Answered");

    await member.goto("/requests");
    await member.getByRole("link", { name: subject }).click();
    await expect(member.getByRole("main")).toContainText("There were 412 reports");
    await expect(member.getByText("Answered").first()).toBeVisible();
    const timeline = member.getByRole("list", { name: "Timeline" });
    for (const step of ["Request made", "Allocated to an officer", "Information supplied"])
      await expect(timeline).toContainText(step);
    await expectAccessible(member);
  });
}

test("WIG: the queue's CSV export holds the filtered list; members cannot open the queue, the dashboard or the export", async ({
  browser,
}) => {
  const director = await as(browser, "rebecca.shaw@wigan.example");
  const member = await as(browser, "sadia.rahman@wigan.example");
  const subject = `Street lighting, "Church St", =SUM(1) ${Date.now()}`;
  const reference = await fileInformation(member, { subject, service: "Place" });
  const res = await director.request.get(`/queue/export?q=${reference}&status=all`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toMatch(
    /attachment; filename="requests-wigan-\d{4}-\d\d-\d\d\.csv"/,
  );
  const lines = (await res.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Reference,Type,Subject,Status,From,Party group,Service,Assigned to,With,Made on,Due,Overdue,Serious",
  );
  expect(lines).toHaveLength(2);
  // Quotes are doubled and a would-be formula is defused; who filed it and who holds it are named.
  expect(lines[1]).toContain(`${reference},Information request,"Street lighting, ""Church St"", =SUM(1)`);
  expect(lines[1]).toContain("Sadia Rahman");
  expect(lines[1]).toContain(",Place,,Rebecca Shaw,");
  for (const path of ["/queue", "/dashboard", "/queue/export", "/dashboard/export", "/admin/outbox"]) {
    expect((await member.request.get(path)).status(), path).toBe(404);
  }
});

test("HTC: the Town Clerk's dashboard shows workload by officer, type, status, age and week, as charts and tables, with a CSV of the filtered list", async ({
  browser,
}) => {
  const member = await as(browser, "bridget.fenn@halstead.example");
  await member.goto("/requests/new/assistance");
  const subject = `Leaflets for the spring fair ${Date.now()}`;
  await member.getByLabel("What do you need help with?").fill(subject);
  await member.getByLabel("Describe the help you need").fill("Design and print 200 leaflets.");
  await member.getByLabel(/How many hours/).fill("3");
  await member.getByRole("button", { name: "Continue" }).click();
  await member.getByRole("button", { name: "Send", exact: true }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Assistance request sent");

  const clerk = await as(browser, "margaret.doyle@halstead.example");
  await nav(clerk, "Dashboard");
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("Workload dashboard");
  await expect(clerk.getByTestId("headline")).toContainText("open");
  await expect(clerk.getByRole("table", { name: "Open requests by officer" })).toContainText("Margaret Doyle");
  await expect(clerk.getByRole("table", { name: "Open requests by type" })).toContainText("Assistance request");
  await expect(clerk.getByRole("table", { name: "Open requests by status" })).toContainText("With the decider");
  await expect(clerk.getByRole("table", { name: "Open requests by age" })).toContainText("Under a week");
  const weeks = clerk.getByTestId("per-week").locator("tbody tr");
  await expect(weeks).toHaveCount(12);
  expect(Number(await weeks.last().locator("td").textContent())).toBeGreaterThan(0);
  await expectAccessible(clerk);
  // Filter by type: the list and the CSV follow the filter.
  await clerk.getByLabel("Type", { exact: true }).selectOption({ label: "Assistance request" });
  await clerk.getByRole("button", { name: "Apply filters" }).click();
  await expect(clerk.getByTestId("dashboard-list")).toContainText("Assistance request");
  await expect(clerk.getByTestId("dashboard-list")).not.toContainText("Information request");
  const href = await clerk
    .getByRole("link", { name: "Download the list as a spreadsheet (CSV)" })
    .getAttribute("href");
  expect(href).toBe("/dashboard/export?type=ASSISTANCE");
  const csv = await (await clerk.request.get(href!)).text();
  const rows = csv.trim().split("\r\n").slice(1);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.split(",")[1] === "Assistance request")).toBe(true);
  expect(csv).toContain(subject);
  await expectAccessible(clerk);
});

test("HTC: the email for a new request reaches the outbox, where the administrator sees its delivery but not its content (no SMTP server configured)", async ({
  browser,
}) => {
  const member = await as(browser, "bridget.fenn@halstead.example");
  await member.goto("/requests/new/agenda");
  const title = `Agenda: allotment rents ${Date.now()}`;
  await member.getByLabel("Title of the agenda item").fill(title);
  await member.getByLabel("What should the meeting consider?").fill("Review allotment rents for 2027.");
  await member.getByRole("button", { name: "Continue" }).click();
  await member.getByRole("button", { name: "Send", exact: true }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Agenda item sent");

  const admin = await as(browser, "kevin.styles@halstead.example");
  await nav(admin, "Email outbox");
  await expect(admin.getByRole("region", { name: "No email server is configured" })).toBeVisible();
  // The job queue in the app process moves the member's receipt from "waiting" to "held" within seconds. The
  // administrator manages delivery, not casework: the email to the member is listed without its content.
  await expect(async () => {
    await admin.reload();
    await expect(
      admin.getByTestId("outbox").locator("li", { hasText: "bridget.fenn@halstead.example" }).first(),
    ).toContainText("Held: no email server", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const item = admin.getByTestId("outbox").locator("li", { hasText: "bridget.fenn@halstead.example" }).first();
  await expect(item).toContainText("Content not shown: about a request you cannot see");
  await expect(admin.getByTestId("outbox")).not.toContainText(title);
  await expectAccessible(admin);
});

test("CWC: the Chief Executive takes a group's briefing from the queue, records it held with notes; the group reads the notes, another group cannot find them (CWC-B3, CWC-B6)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const leader = await as(browser, "louise.barraclough@cheshire-west.example");
  await leader.goto("/requests/new/briefing");
  const subject = `Waste strategy briefing ${Date.now()}`;
  await leader.getByLabel("Subject of the briefing").fill(subject);
  await leader
    .getByLabel("Decision, agenda item or report it relates to")
    .fill("Cabinet report on the waste strategy");
  await leader.getByLabel("Which council business is it about?").fill("The 2027 waste strategy");
  await leader.getByLabel("Which service does it concern?").selectOption({ label: "Place Operations" });
  await leader.getByRole("button", { name: "Continue" }).click();
  await leader.getByRole("button", { name: "Send", exact: true }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Party-group briefing sent");

  const ce = await as(browser, "victor.hale@cheshire-west.example");
  await nav(ce, "Queue");
  await ce.getByLabel("Type", { exact: true }).selectOption({ label: "Party-group briefing" });
  await ce.getByRole("button", { name: "Apply filters" }).click();
  const row = ce.getByRole("row", { name: new RegExp(subject) });
  await expect(row).toContainText("Labour Group");
  await expectAccessible(ce);
  await row.getByRole("link", { name: subject }).click();
  await (await decide(ce, "Accept the request")).submit();
  await expect(ce.getByRole("status")).toContainText("You have accepted the request.");
  const held = await decide(ce, "Record the briefing as held");
  await held.fields.getByLabel("Time spent, in minutes").fill("50");
  if (await held.fields.getByText("Did officers leave before any decision was taken?").count())
    await held.fields.getByLabel("Yes", { exact: true }).check();
  await held.fields
    .getByLabel("Notes of the briefing (optional)")
    .fill("Options for food waste collection were set out; officers left before the group's discussion.");
  await held.submit();
  await expect(ce.getByRole("status")).toContainText("The briefing has been recorded as held.");
  const url = ce.url().split("?")[0]!;

  const colleague = await as(browser, "yasmin.clarke@cheshire-west.example");
  await colleague.goto(url);
  await expect(colleague.getByRole("main")).toContainText("Options for food waste collection");
  await expect(colleague.getByRole("main")).toContainText("confidential");
  await expectAccessible(colleague);
  const rival = await as(browser, "simon.greatorex@cheshire-west.example");
  expect((await rival.goto(url))?.status()).toBe(404);
});

test("CWC-A11: an officer's ward notice reaches every councillor for the ward, whatever their group, and nobody else; errors keep what was typed", async ({
  browser,
}) => {
  const officer = await as(browser, "kieran.walsh@cheshire-west.example");
  await nav(officer, "Queue");
  await officer.getByRole("link", { name: "Send a ward notice" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Send a ward notice");
  const title = `Road closure in Blacon ${Date.now()}`;
  await officer.getByLabel("Title").fill(title);
  await officer.getByRole("button", { name: "Send the notice" }).click();
  await expect(summary(officer)).toContainText("Choose at least one ward");
  await expect(officer.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(officer);
  await officer.getByLabel(/^Blacon/).check();
  await officer.getByLabel("A matter affecting the ward").check();
  await officer.getByLabel("Notice").fill("Parkgate Road closes for resurfacing from 4 January for two weeks.");
  await officer.getByRole("button", { name: "Send the notice" }).click();
  await expect(officer.getByRole("status")).toContainText("Your notice was sent to 2 councillors.");

  for (const [email, sees] of [
    ["louise.barraclough@cheshire-west.example", true],
    ["megan.iles@cheshire-west.example", true],
    ["simon.greatorex@cheshire-west.example", false],
  ] as const) {
    const m = await as(browser, email);
    await m.goto("/notifications");
    if (sees) await expect(m.getByRole("main")).toContainText(title);
    else await expect(m.getByRole("main")).not.toContainText(title);
  }
});

test("HTC: the Town Clerk moves a member's agenda item to a later meeting with advice; the meetings page lists it (DEF-D4, HTC-D8)", async ({
  browser,
}) => {
  const member = await as(browser, "samuel.tolley@halstead.example");
  await member.goto("/requests/new/agenda");
  const title = `Christmas lights ${Date.now()}`;
  await member.getByLabel("Title of the agenda item").fill(title);
  await member.getByLabel("What should the meeting consider?").fill("Extend the lights to Head Street.");
  await member.getByRole("button", { name: "Continue" }).click();
  await member.getByRole("button", { name: "Send", exact: true }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Agenda item sent");

  const clerk = await as(browser, "margaret.doyle@halstead.example");
  await nav(clerk, "Queue");
  await clerk.getByRole("link", { name: title }).click();
  const move = clerk.getByRole("region", { name: "List it for a meeting" });
  await expect(move).toContainText("cannot be declined");
  await move.getByRole("button", { name: "List it", exact: true }).click();
  await expect(summary(clerk)).toContainText("Choose the meeting");
  await expectAccessible(clerk);
  await move.getByLabel("Meeting").selectOption({ index: 1 });
  const meetingLabel = (await move.getByLabel("Meeting").locator("option:checked").textContent())!;
  await move.getByRole("button", { name: "List it", exact: true }).click();
  await expect(clerk.getByRole("status")).toContainText("The item is listed for that meeting");
  await clerk
    .getByLabel("Procedural advice", { exact: true })
    .fill("Needs a costed proposal under Standing Order 9.");
  await clerk.getByRole("button", { name: "Add the advice" }).click();
  await expect(clerk.getByRole("status")).toContainText("Your advice has been added.");

  await nav(clerk, "Meetings");
  const section = clerk.getByRole("region", { name: meetingLabel.replace(/, (\d+ \w+ \d{4})$/, ", $1") });
  await expect(section).toContainText(title);
  await expectAccessible(clerk);
  await member.goto("/meetings");
  await expect(member.getByRole("main")).toContainText(title);
  await member.getByRole("link", { name: title }).click();
  await expect(member.getByRole("main")).toContainText("Standing Order 9");
});

test("HAL: a member's complaint about an officer starts informally (HAL-C1), goes to the officer's Chief Officer (HAL-C2), who resolves it from the queue; the member sees the outcome", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await as(browser, "marcus.okafor@halton.example");
  await member.goto("/requests/new/complaint");
  await choose(member.getByLabel("Who is the complaint about?"), "Colin Ashworth");
  const what = `Unanswered emails about a planning enforcement case ${Date.now()}`;
  await member.getByLabel("In a few words, what is it about?").fill(what);
  await member.getByLabel("What happened?").fill("Four emails over six weeks with no reply.");
  await member.getByRole("button", { name: "Continue" }).click();
  await member.getByRole("button", { name: "Send", exact: true }).click();
  await member.getByRole("link", { name: "View your request" }).click();
  await expect(member).toHaveURL(/\/requests\/[a-z0-9]+$/);
  const url = member.url();
  // HAL-C1: to move on from the informal stage the member says why it could not be resolved informally.
  const escalate = await decide(member, "Escalate to the next stage");
  await escalate.submit();
  await expect(summary(member)).toContainText("HAL-C1");
  await expectAccessible(member);
  await escalate.fields
    .getByLabel("Why could it not be resolved informally?")
    .fill("I raised it with the officer twice and had no answer.");
  await escalate.submit();
  await expect(member.getByRole("status")).toContainText("The complaint has moved to the next stage.");
  await expect(member.getByRole("main")).toContainText("Owen Pritchard");

  const chief = await as(browser, "owen.pritchard@halton.example");
  await nav(chief, "Queue");
  const row = chief.getByRole("row", { name: new RegExp(what) });
  await expect(row).toContainText("Marcus Okafor");
  await row.getByRole("link", { name: what }).click();
  const outcome = await decide(chief, "Record the outcome");
  const radios = outcome.fields.getByRole("radio");
  if (await radios.count()) await radios.first().check();
  await outcome.fields
    .getByLabel("Written outcome")
    .fill("The officer has replied; cases now get a named contact and a 5-day reply target.");
  await outcome.submit();
  await expect(chief.getByRole("status")).toContainText("The outcome has been recorded.");
  await expectAccessible(chief);

  await member.goto(url);
  await expect(member.getByRole("main")).toContainText("a named contact and a 5-day reply target");
  const timeline = member.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Escalated to the next stage");
  await expect(timeline).toContainText("Outcome recorded");
});
