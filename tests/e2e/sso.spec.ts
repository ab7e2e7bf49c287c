// Issue 15, deliverable 6: single sign-on in the browser against a real OpenID Connect provider (oidc-provider,
// started here on a free 127.0.0.1 port: tests/support/oidc-provider.ts). A council of its own is made in the
// database; its administrator sets single sign-on up on /admin/sso; a member then signs in through the provider's own
// login and consent pages, with and without JavaScript (the sign-in page's CSP lets its form's redirect reach the
// provider). docs/decisions/0015.
// Needs from global-setup: E2E_BASE_URL (the app; also its NEXTAUTH_URL, so the redirect URI is
// `${E2E_BASE_URL}/signin/sso/callback`) and E2E_DATABASE_URL.
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db-client";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { as, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const tag = `${process.pid}${Date.now().toString(36)}`;
const DOMAIN = `sso-e2e-${tag}.test`;
const ADMIN = { name: "Sid Setup", email: `sid.setup@${DOMAIN}`, password: "a-long-e2e-admin-password" };
const MEMBER = { name: `Mina Single ${tag}`, email: `mina.single@${DOMAIN}` };
/** Another council's administrator and a member without administration (demo people). */
const OTHER_ADMIN = "paul.hindley@wigan.example";
const NOT_ADMIN = "gordon.fairclough@wigan.example";

let provider: TestOidcProvider;

test.beforeAll(async () => {
  const baseURL = process.env.E2E_BASE_URL!;
  provider = await startOidcProvider({
    redirectUris: [`${baseURL}/signin/sso/callback`],
    accounts: [
      { username: "mina", password: "mina-at-the-council", email: MEMBER.email, name: MEMBER.name },
      { username: "stranger", password: "stranger-at-the-council", email: `no.account@${DOMAIN}` },
    ],
  });
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    const council = await prisma.council.create({
      data: {
        slug: `sso-${tag}`,
        name: `Single Sign-On Test Council ${tag}`,
        kind: "METROPOLITAN_BOROUGH",
        profileKey: "WIG",
      },
    });
    await prisma.user.create({
      data: {
        councilId: council.id,
        name: ADMIN.name,
        email: ADMIN.email,
        passwordHash: await hashPassword(ADMIN.password),
        roles: ["OFFICER", "ADMIN"],
      },
    });
    // An invited member who has never set a password: single sign-on is their way in.
    await prisma.user.create({
      data: {
        councilId: council.id,
        name: MEMBER.name,
        email: MEMBER.email,
        passwordHash: "!",
        roles: ["MEMBER"],
      },
    });
  } finally {
    await prisma.$disconnect();
  }
});

test.afterAll(async () => {
  await provider?.close();
});

test("the council's administrator tests and saves single sign-on; the secret is shown only as set", async ({
  page,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/sso");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Single sign-on");
  await expectAccessible(page);
  // An issuer that is not a provider: a clear error, and what was typed is kept.
  await page.getByLabel("Issuer URL", { exact: true }).fill(`${process.env.E2E_BASE_URL}/nowhere`);
  await page.getByLabel("Client ID", { exact: true }).fill(provider.clientId);
  await page.getByLabel("Client secret", { exact: true }).fill(provider.clientSecret);
  await page.getByLabel("Allowed email domain", { exact: true }).fill(DOMAIN);
  await page.getByRole("button", { name: "Test and save" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Single sign-on was not saved.",
  );
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue(provider.clientId);
  await expectAccessible(page);
  // The real provider.
  await page.getByLabel("Issuer URL", { exact: true }).fill(provider.issuer);
  await page.getByLabel("Client secret", { exact: true }).fill(provider.clientSecret);
  await page.getByRole("button", { name: "Test and save" }).click();
  await expect(page.getByRole("status")).toContainText("Single sign-on has been tested and saved");
  const main = page.getByRole("main");
  await expect(main).toContainText(provider.issuer);
  await expect(main).toContainText(`${process.env.E2E_BASE_URL}/signin/sso/callback`);
  // The administrator and the member are the council's active people at the domain.
  await expect(main).toContainText(`2 active people have an email address at @${DOMAIN}`);
  await expect(page.getByLabel("Client secret", { exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain(provider.clientSecret);
  await expectAccessible(page);
});

test("another council's administrator sees only their own council's settings; others get not found", async ({
  browser,
}) => {
  const other = await as(browser, OTHER_ADMIN);
  await other.goto("/admin/sso");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Single sign-on");
  await expect(other.getByRole("main")).not.toContainText(provider.issuer);
  await expect(other.getByRole("main")).not.toContainText(DOMAIN);
  const member = await as(browser, NOT_ADMIN);
  const res = await member.goto("/admin/sso");
  expect(res?.status()).toBe(404);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await other.context().close();
  await member.context().close();
});

test("a member signs in with their council account through the provider's own pages", async ({ page }) => {
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in with your council account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your work email").fill(MEMBER.email);
  await page.getByRole("button", { name: "Continue to your council's sign-in page" }).click();
  // The provider's login page, on its own origin.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the council");
  expect(page.url().startsWith(provider.issuer)).toBe(true);
  await page.getByLabel("Username").fill("mina");
  await page.getByLabel("Password").fill("mina-at-the-council");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allow access");
  await page.getByRole("button", { name: "Allow" }).click();
  // Back in the app, signed in, on the page first asked for.
  await expect(page.getByTestId("signed-in-name")).toHaveText(MEMBER.name);
  expect(new URL(page.url()).pathname).toBe("/requests");
  // Signing out works as for a password sign-in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out")).toBeVisible();
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
});

test("without JavaScript, a person with no account here is refused with a clear message (no account is created)", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Your work email").fill(`no.account@${DOMAIN}`);
  await page.getByRole("button", { name: "Continue to your council's sign-in page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the council");
  await page.getByLabel("Username").fill("stranger");
  await page.getByLabel("Password").fill("stranger-at-the-council");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/signin\?sso=no-account/);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "There is no account for your email address in this service. Accounts are not created by signing in",
  );
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await context.close();
});

test("an address at a domain without single sign-on stays on the sign-in page, with the address kept", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByLabel("Your work email").fill("someone@no-sso.example");
  await page.getByRole("button", { name: "Continue to your council's sign-in page" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Single sign-on is not set up for that email address",
  );
  await expect(page.getByLabel("Your work email")).toHaveValue("someone@no-sso.example");
  await expectAccessible(page);
});
