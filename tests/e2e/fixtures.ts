import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Cookie, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/demo-data";

export const test = base.extend({
  // The app's address is chosen at run time by global-setup.
  baseURL: async ({}, provide) => {
    await provide(process.env.E2E_BASE_URL);
  },
});
export { expect };

/** axe-core against WCAG 2.0, 2.1 and 2.2 A and AA: no violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Session cookies per demo account, per worker: signing in through the form costs seconds (argon2 and redirects),
 * so later sign-ins of the same person reuse the cookie — after checking the server still accepts it (a session
 * ended by deactivation or a password change falls back to the form). The form itself is tested in sign-in.spec.ts. */
const sessions = new Map<string, Cookie[]>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const cached = password === DEMO_PASSWORD ? sessions.get(email) : undefined;
  // Whoever was signed in on this page before is signed out first (the sign-in page sends a signed-in person home).
  await page.context().clearCookies();
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto("/");
    if (await page.getByTestId("signed-in-name").isVisible()) return;
    sessions.delete(email);
    await page.context().clearCookies();
  }
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  if (password === DEMO_PASSWORD) sessions.set(email, await page.context().cookies());
}

export async function navLabels(page: Page): Promise<string[]> {
  // The notifications link carries an unread count ("Notifications3 unread"): compare the labels only.
  return (await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents()).map((s) =>
    s.replace(/\d+ unread$/, "").trim(),
  );
}

/**
 * The request page's "Decide" form: checks one choice (GOV.UK radios; only its fields are then shown) and returns
 * those fields and the form's button.
 */
export async function decide(page: Page, choice: string | RegExp, opts: { exact?: boolean } = {}) {
  const region = page.getByRole("region", { name: "Decide", exact: true });
  await expect(region).toContainText(choice);
  // With one choice there are no radios: its fields are the form.
  const radio = region.getByRole("radio", { name: choice, exact: opts.exact });
  if (await radio.count()) await radio.check();
  return {
    fields: region.locator("[id$='-fields']:not([hidden])"),
    // Resolves once the server action has answered, so the next step never races the write.
    submit: async () => {
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await region.locator("form > button[type=submit]").click();
      await answered;
    },
  };
}

/** WCAG 1.4.10: the page does not scroll sideways at its current width. */
export async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, what).toBeLessThanOrEqual(innerWidth);
}

/** Fills a GOV.UK date input (Day, Month, Year in a fieldset named by its legend) with an ISO date. */
export async function fillDate(scope: Page | Locator, legend: string | RegExp, iso: string) {
  const [year, month, day] = iso.split("-");
  const group = scope.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}

export const summary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });
/** Chooses the option whose text starts with `name` (officer options read "Name, Job title"). */
export async function choose(select: ReturnType<Page["getByLabel"]>, name: string) {
  const texts = await select.locator("option").allTextContents();
  const index = texts.findIndex((t) => t.startsWith(name));
  expect(index, `${name} is offered`).toBeGreaterThan(0);
  await select.selectOption({ index });
}
export const nav = (page: Page, label: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();

export async function fileInformation(page: Page, o: { subject: string; service: string; cwc?: boolean }) {
  await page.goto("/requests/new/information");
  await page.getByLabel("Subject").fill(o.subject);
  await page
    .getByLabel("What information do you need?")
    .fill("How many reports were made this year, and how many were resolved?");
  if (o.cwc) {
    await page.getByLabel("What kind of information is it?").selectOption({ label: "Published reports or data" });
    await page.getByLabel(/This request is for my work as a councillor/).check();
    await page.getByLabel(/Why do you need this information/).fill("Residents raised it at my ward surgery.");
  } else {
    await page.getByLabel("A general enquiry").check();
  }
  await page.getByLabel("Which service holds the information?").selectOption({ label: o.service });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information request sent");
  return (await page.getByTestId("reference").textContent())!;
}

/** A fresh browser context signed in as this demo account. */
export async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}
