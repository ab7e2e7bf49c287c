// Issue 10 in the browser: sign-out ends a copied cookie; security headers and a CSP that the pages keep to; what a
// person typed survives a session that ended while they wrote; an over-size file is explained, not an error page.
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { expectAccessible, expect, signIn, test } from "./fixtures";

test("signing out ends the session everywhere: a copied cookie stops working and /api/auth/session no longer renews it", async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("dean.parr@halstead.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  const copied = await ctx.cookies();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/people");
  await expect(stolen.getByRole("heading", { level: 1 })).toHaveText("People");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await stolen.goto("/people");
  await expect(stolen).toHaveURL(/\/signin\?ended=1/);
  const session = await thief.request.get(`${baseURL}/api/auth/session`);
  expect(await session.json()).toEqual({});
  await ctx.close();
  await thief.close();
});

test("every page carries the security headers, and its scripts run under a nonce-based CSP without violations", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "margaret.doyle@halstead.example");
  for (const path of ["/", "/queue", "/dashboard", "/requests/new/assistance", "/meetings", "/notices/new"]) {
    const res = await page.goto(path);
    const h = res!.headers();
    expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["strict-transport-security"], `${path}: no HSTS over plain http`).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1];
    // Next's own scripts carry this response's nonce.
    expect(await page.locator(`script[nonce]`).count(), path).toBeGreaterThan(0);
    expect(
      await page
        .locator("script[nonce]")
        .first()
        .evaluate((s) => (s as HTMLScriptElement).nonce),
    ).toBe(nonce);
  }
  // The client-side forms still work under the policy (a check-your-answers round trip).
  await signIn(page, "bridget.fenn@halstead.example");
  await page.goto("/requests/new/assistance");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("what a member typed survives a session that ended mid-sentence: it is back after signing in, and gone once sent", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("samuel.tolley@halstead.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  await page.goto("/requests/new/agenda");
  const title = `Skate park lighting ${Date.now()}`;
  await page.getByLabel("Title of the agenda item").fill(title);
  await page
    .getByLabel("What should the meeting consider?")
    .fill("A long explanation that took twenty minutes to write.");
  // The session ends while she writes (here: the cookie is gone, as after a timeout on another tab).
  await page.waitForTimeout(500);
  await ctx.clearCookies();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email address").fill("samuel.tolley@halstead.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in returns her to the form she was on, with what she wrote.
  await expect(page).toHaveURL(/\/requests\/new\/agenda$/);
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel("Title of the agenda item")).toHaveValue(title);
  await expect(page.getByLabel("What should the meeting consider?")).toHaveValue(
    "A long explanation that took twenty minutes to write.",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("reference")).toBeVisible();
  await page.goto("/requests/new/agenda");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
  await expect(page.getByLabel("Title of the agenda item")).toHaveValue("");
  // Signing out forgets drafts on this browser; someone else signing in never sees another's draft.
  await page.getByLabel("Title of the agenda item").fill("Half a thought");
  await page.waitForTimeout(500);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("mr-draft:")))).toEqual(
    [],
  );
  await ctx.close();
});

test("a file over 5 MB is refused with the reason, not an error page (DEF-A12)", async ({ page }) => {
  await signIn(page, "bridget.fenn@halstead.example");
  await page.goto("/requests/new/assistance");
  await page.getByLabel("What do you need help with?").fill(`Big file ${Date.now()}`);
  await page.getByLabel("Describe the help you need").fill("See the attached plan.");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("link", { name: "View your request" }).click();
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "plan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(6 * 1024 * 1024, 1),
  });
  await page.getByRole("button", { name: "Attach a file" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "The file must be 5 MB or smaller",
  );
  await expectAccessible(page);
});
