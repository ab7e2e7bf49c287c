// Sign-in page: errors in a GOV.UK error summary, throttling, return to the page asked for, sign-out, keyboard use.
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { expectAccessible, expect, signIn, test } from "./fixtures";

test("the sign-in page passes axe, and an empty form shows an error summary linking to each field", async ({
  page,
}) => {
  await page.goto("/signin");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
});

test("a wrong password shows a clear error and keeps the email typed", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("rory.blackwood@halton.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter a correct email address and password",
  );
  await expect(page.getByLabel("Email address")).toHaveValue("rory.blackwood@halton.example");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("repeated wrong passwords for one account are throttled, with a clear message, even against the right password", async ({
  page,
}) => {
  await page.goto("/signin");
  const email = page.getByLabel("Email address");
  const password = page.getByLabel("Password");
  await email.fill("ben.lowry@halton.example");
  for (let i = 0; i < 5; i++) {
    await password.fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form clears the password once the answer arrives.
    await expect(password).toHaveValue("");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  }
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Too many wrong passwords have been entered for this account. Wait 15 minutes",
  );
  await password.fill("demo-council-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Too many wrong passwords");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("every page except sign-in needs a session, and sign-in returns to the page asked for", async ({ page }) => {
  for (const path of ["/", "/people", "/account", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
  }
  await page.goto("/people");
  await page.getByLabel("Email address").fill("tamsin.hook@ashdown-vale.example");
  await page.getByLabel("Password").fill("demo-council-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  await expect(page.getByRole("banner")).toContainText("Ashdown Vale District Council");
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "megan.iles@cheshire-west.example");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("keyboard only: sign in, move through the navigation and sign out", async ({ page }) => {
  await page.goto("/signin");
  await page.keyboard.press("Tab"); // skip link
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("nadia.brook@cheshire-west.example");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("demo-council-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signed-in-name")).toHaveText("Nadia Brook");
  // Tab from the top of the page to the People link and follow it.
  const people = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" });
  for (let i = 0; i < 25 && !(await people.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(people).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  const signOut = page.getByRole("button", { name: "Sign out" });
  for (let i = 0; i < 25 && !(await signOut.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(signOut).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("You have signed out")).toBeVisible();
});

test("the service stays out of search engines: robots.txt, a noindex header on every response, and its icons", async ({
  request,
}) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain("Disallow: /");
  for (const path of ["/signin", "/robots.txt", "/favicon.ico", "/site.webmanifest"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["x-robots-tag"], path).toBe("noindex, nofollow");
  }
  const manifest = (await (await request.get("/site.webmanifest")).json()) as { icons: { src: string }[] };
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("sign-in works without JavaScript: a wrong password shows the error summary, the right one signs in", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email address").fill("yasmin.clarke@cheshire-west.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter a correct email address and password",
  );
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await page.getByLabel("Email address").fill("yasmin.clarke@cheshire-west.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  await context.close();
});

test("forgotten password: the page asks for the address, answers the same whether or not it has an account, and a bad link says so", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your email address");
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel("Email address").fill("nobody.at.all@halton.example");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If the address has an account");
  await expectAccessible(page);
  await page.goto("/signin/reset?token=not-a-real-token-at-all-1234567890");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "This link has expired or has already been used",
  );
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectAccessible(page);
});
