// Issue 13 (points 9 and 10): help, contact, the accessibility statement and the privacy notice (public pages),
// the footer's support links, the phone menu, reflow at phone widths, and print styles.
import { PUBLIC_ROUTES } from "../security/routes";
import { as, expect, expectAccessible, expectNoSidewaysScroll, test } from "./fixtures";

// An officer of Cheshire West and Chester (Place Operations): their navigation includes the Queue.
const OFFICER = "kieran.walsh@cheshire-west.example";
const PAGES = [
  { path: "/help", h1: "Help" },
  { path: "/contact", h1: "Contact" },
  { path: "/accessibility", h1: "Accessibility statement for Members' Requests" },
  { path: "/privacy", h1: "Privacy notice" },
];
const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];

test("help, contact, accessibility statement and privacy notice, signed in: each has its heading and passes axe", async ({
  browser,
}) => {
  const page = await as(browser, OFFICER);
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1 }), p.path).toHaveText(p.h1);
    await expectAccessible(page);
  }
  // Signed in, the contact page names the viewer's council and its user administrators.
  await page.goto("/contact");
  await expect(page.getByRole("main")).toContainText("Cheshire West and Chester Council");
  await expect(page.getByRole("list", { name: "User administrators" })).toContainText("Joanna Fielding");
});

test("the public pages are readable signed out (no redirect to sign in) and pass axe; other pages still redirect", async ({
  page,
}) => {
  for (const path of PUBLIC_ROUTES) {
    await page.goto(path);
    expect(new URL(page.url()).pathname, path).toBe(path);
  }
  for (const p of PAGES) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1 }), p.path).toHaveText(p.h1);
    await expectAccessible(page);
  }
  await page.goto("/people");
  await expect(page).toHaveURL(/\/signin/);
});

test("the footer's support links: Help, Contact, Accessibility statement and Privacy", async ({ browser }) => {
  const page = await as(browser, OFFICER);
  await page.goto("/");
  const links = page.getByRole("contentinfo").getByRole("navigation", { name: "Support links" });
  for (const [name, href] of [
    ["Help", "/help"],
    ["Contact", "/contact"],
    ["Accessibility statement", "/accessibility"],
    ["Privacy", "/privacy"],
  ] as const)
    await expect(links.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  // At desktop width the Main navigation is shown as before, without a Menu button.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

for (const size of PHONES) {
  test(`WCAG 2.1.1 and 4.1.2 at ${size.width}px: the Menu button opens and closes the Main navigation by keyboard`, async ({
    browser,
  }) => {
    const page = await as(browser, OFFICER);
    await page.setViewportSize(size);
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    const main = page.getByRole("navigation", { name: "Main" });
    // Once the page has hydrated, the navigation folds behind the button.
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(main).toBeHidden();
    await expect(page.locator(`nav#${await menu.getAttribute("aria-controls")}`)).toHaveAttribute(
      "aria-label",
      "Main",
    );

    for (let i = 0; i < 15 && !(await menu.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(main.getByRole("link", { name: "Queue", exact: true })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(main.getByRole("link", { name: "Home", exact: true })).toBeFocused();
    await expectNoSidewaysScroll(page, `/ with the menu open at ${size.width}px`);
    await expectAccessible(page);

    await page.keyboard.press("Shift+Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(main).toBeHidden();
  });
}

test("WCAG 1.4.10: no sideways scrolling at 390 and 320 px on home, requests, queue and help", async ({
  browser,
}) => {
  const page = await as(browser, OFFICER);
  for (const size of PHONES) {
    await page.setViewportSize(size);
    for (const path of ["/", "/requests", "/queue", "/help"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page, `${path} at ${size.width}px`);
    }
  }
});

test("printed, a page shows its content without the navigation, the footer or the skip link", async ({
  browser,
}) => {
  const page = await as(browser, OFFICER);
  await page.goto("/help");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
});
