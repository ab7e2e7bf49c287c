// Revocation: a deactivated user's open session ends at once; a password change ends every session.
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { expectAccessible, expect, signIn, test } from "./fixtures";

test("an administrator deactivates a user: the user's open session ends at once, and they cannot sign in until reactivated", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const userCtx = await browser.newContext();
  const adminCtx = await browser.newContext();
  const user = await userCtx.newPage();
  const admin = await adminCtx.newPage();

  await signIn(user, "liam.gaskell@wigan.example");
  await user.goto("/people");
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("People");

  await signIn(admin, "paul.hindley@wigan.example");
  await admin.goto("/admin/users?q=gaskell");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Deactivate Liam Gaskell" }).click();
  // A GOV.UK confirmation step first: cancelling changes nothing.
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Deactivate Liam Gaskell?");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Cancel" }).click();
  await expect(admin.getByRole("row", { name: /Liam Gaskell/ })).toContainText("Active");
  await admin.getByRole("button", { name: "Deactivate Liam Gaskell" }).click();
  await admin.getByRole("button", { name: "Yes, deactivate Liam Gaskell" }).click();
  await expect(admin.getByRole("status")).toContainText(
    "Liam Gaskell has been deactivated and signed out everywhere.",
  );
  await expect(admin.getByRole("row", { name: /Liam Gaskell/ })).toContainText("Deactivated");
  await expectAccessible(admin);

  // The user's next request, with the same session cookie, is refused.
  await user.reload();
  await expect(user).toHaveURL(/\/signin\?ended=1/);
  await expect(user.getByText("Your session has ended")).toBeVisible();
  await expectAccessible(user);
  await user.getByLabel("Email address").fill("liam.gaskell@wigan.example");
  await user.getByLabel("Password").fill(DEMO_PASSWORD);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter a correct email address and password",
  );

  await admin.getByRole("button", { name: "Reactivate Liam Gaskell" }).click();
  await expect(admin.getByRole("status")).toContainText("Liam Gaskell has been reactivated.");
  await signIn(user, "liam.gaskell@wigan.example");
  await userCtx.close();
  await adminCtx.close();
});

test("an administrator sees only their own council's users and cannot deactivate themself", async ({ page }) => {
  await signIn(page, "kevin.styles@halstead.example");
  await page.goto("/admin/users?q=ormerod");
  await expect(page.getByRole("main")).toContainText("0 users matching “ormerod”");
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: /Kevin Styles/ })).toContainText("This is you");
  await expect(page.getByRole("row", { name: /Margaret Doyle/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Keith Ormerod/ })).toHaveCount(0);
});

test("changing a password: errors keep what was typed; success ends the session and only the new password works", async ({
  page,
}) => {
  await signIn(page, "rosa.quint@halstead.example");
  await page.goto("/account");
  await expectAccessible(page);
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("rosa-new-password-1");
  await page.getByLabel("Confirm new password").fill("rosa-new-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page
      .getByRole("alert", { name: "There is a problem" })
      .getByRole("link", { name: "The passwords you entered do not match" }),
  ).toHaveAttribute("href", "#confirmPassword");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("rosa-new-password-1");
  await expect(page.getByLabel("Current password")).toHaveValue(DEMO_PASSWORD);
  await expectAccessible(page);

  await page.getByLabel("Confirm new password").fill("rosa-new-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?changed=1/);
  await expect(page.getByText("Your password has been changed")).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email address").fill("rosa.quint@halstead.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter a correct email address and password",
  );
  await signIn(page, "rosa.quint@halstead.example", "rosa-new-password-1");
});
