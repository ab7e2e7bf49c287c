// Issue 13 point 6 in the browser: the header's search box finds a member's request from any page, at desktop and
// phone widths (the box never makes the page scroll sideways); the results page passes axe; a handler saves the
// queue's filters as a view, opens it from the list above the filters, and deletes it after confirming.
import { as, expect, expectAccessible, expectNoSidewaysScroll, fileInformation, test } from "./fixtures";

const MEMBER = "yasmin.clarke@cheshire-west.example";
const OTHER_GROUP = "simon.greatorex@cheshire-west.example";
const DIRECTOR = "nadia.brook@cheshire-west.example";
const PHONE = { width: 390, height: 844 };

/** A word no other test writes (letters only, so the English stemmer keeps it as typed). */
const word = (stem: string) =>
  `${stem}${Date.now()
    .toString(26)
    .replace(/\d/g, (d) => "qrstuvwxyz"[Number(d)]!)}`;

test("header search: a member finds their request by a word of its subject, at desktop and 390 px", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const member = await as(browser, MEMBER);
  const w = word("bollards");
  const reference = await fileInformation(member, {
    subject: `Broken ${w} by the primary school`,
    service: "Place Operations",
    cwc: true,
  });

  for (const size of [null, PHONE]) {
    if (size) await member.setViewportSize(size);
    await member.goto("/notifications");
    const box = member.getByRole("search", { name: "Search requests" });
    await expect(box.getByLabel("Search requests")).toBeVisible();
    if (size) await expectNoSidewaysScroll(member, "a page with the header search at 390px");
    await box.getByLabel("Search requests").fill(w);
    await box.getByRole("button", { name: "Search" }).click();
    await expect(member).toHaveURL(new RegExp(`/search\\?q=${w}`));
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Search requests");
    await expect(member.getByTestId("search-summary")).toContainText(`1 request matches “${w}”`);
    const results = member.getByTestId("search-results");
    await expect(results.getByRole("link", { name: `Broken ${w} by the primary school` })).toBeVisible();
    await expect(results).toContainText(reference);
    await expect(results).toContainText("Matched in: the subject");
    await expect(results.locator("mark")).toHaveText(w);
    await expectAccessible(member);
    await expectNoSidewaysScroll(member, `search results at ${size ? "390" : "desktop"} px`);
  }
  await member
    .getByTestId("search-results")
    .getByRole("link", { name: new RegExp(w) })
    .click();
  await expect(member.getByRole("heading", { level: 1 })).toContainText(w);

  // Another group's member finds nothing of it.
  const other = await as(browser, OTHER_GROUP);
  await other.goto(`/search?q=${w}`);
  await expect(other.getByTestId("search-summary")).toContainText("No requests you can see match");
  await expect(other.getByRole("main")).not.toContainText(reference);
});

test("search: an empty or over-long search says what to do, with a GOV.UK error summary", async ({ browser }) => {
  const member = await as(browser, MEMBER);
  await member.goto("/search?q=");
  await expect(member.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter words or a reference to search for",
  );
  await expectAccessible(member);
  await member.goto(`/search?q=${"x".repeat(150)}`);
  await expect(member.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter 100 characters or fewer",
  );
  await member.setViewportSize(PHONE);
  await expectNoSidewaysScroll(member, "a long search at 390px");
});

test("saved views: a handler saves the queue's filters, opens them from the list, and deletes the view", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const director = await as(browser, DIRECTOR);
  await director.goto("/queue?status=all&type=INFORMATION&sort=newest");
  const name = `Information, newest ${Date.now()}`;
  const save = director.getByRole("region", { name: "Save this view" });
  // A name is needed: a GOV.UK error, and nothing saved.
  await save.getByRole("button", { name: "Save this view" }).click();
  await expect(save.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a name for the view");
  await expectAccessible(director);
  await save.getByLabel("Name").fill(name);
  await save.getByRole("button", { name: "Save this view" }).click();
  await expect(save.getByRole("status")).toContainText(`Saved as ‘${name}’`);
  const views = director.getByRole("region", { name: "Your saved views" });
  await expect(views.getByRole("link", { name, exact: true })).toBeVisible();
  await expectAccessible(director);

  // Opened from a plain queue, the view brings its filters back.
  await director.goto("/queue");
  await views.getByRole("link", { name, exact: true }).click();
  await expect(director).toHaveURL(/type=INFORMATION/);
  await expect(director).toHaveURL(/status=all/);
  await expect(director).toHaveURL(/sort=newest/);
  await expect(director.getByLabel("Type", { exact: true })).toHaveValue("INFORMATION");
  await expect(views.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "true");
  await director.setViewportSize(PHONE);
  await expectNoSidewaysScroll(director, "queue with saved views at 390px");

  // Deleting asks first; "Cancel" changes nothing.
  await views.getByRole("link", { name: `Delete the saved view ‘${name}’` }).click();
  await expect(director.getByRole("heading", { level: 1 })).toHaveText(`Delete the saved view ‘${name}’?`);
  await expectAccessible(director);
  await director.getByRole("link", { name: "Cancel" }).click();
  await expect(views.getByRole("link", { name, exact: true })).toBeVisible();
  await views.getByRole("link", { name: `Delete the saved view ‘${name}’` }).click();
  await director.getByRole("button", { name: "Yes, delete this view" }).click();
  await expect(director.getByRole("status")).toContainText("The saved view has been deleted.");
  await expect(views.getByRole("link", { name, exact: true })).toHaveCount(0);
});
