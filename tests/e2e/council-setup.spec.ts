// Issue 15 in the browser: a council from nothing to its first request — the real `council:create` command on the
// suite's database, the first administrator's invitation, a CSV import with an error then fixed, a protocol setting
// changed, and a member (invited by the import) whose first request is routed and timed by the new setting. Another
// council's administrator gets not found. Each page checked with axe.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { formatDate } from "@/lib/requests/describe";
import { addWorkingDays } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";
import { as, expect, expectAccessible, fileInformation, signIn, summary, test } from "./fixtures";

const PASSWORD = "a long enough password 2026";

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The invitation link e-mailed to a person (the outbox keeps it until it is used). */
async function invitationPath(email: string): Promise<string> {
  const rows = await query<{ body: string }>(
    `SELECT n.body FROM "Notification" n JOIN "User" u ON u.id = n."userId"
     WHERE u.email = $1 AND n.body LIKE '%/invitation/%' ORDER BY n."createdAt" DESC LIMIT 1`,
    [email],
  );
  const m = /\/invitation\/[A-Za-z0-9_-]+/.exec(rows[0]?.body ?? "");
  expect(m, `an invitation for ${email}`).not.toBeNull();
  return m![0];
}

test("issue 15: a new council from nothing to a first request routed by its own settings — council:create, invitation, CSV import with an error then fixed, a settings change; another council's administrator gets not found", async ({
  browser,
  page,
}) => {
  test.setTimeout(420_000);
  const slug = `e2e${Date.now().toString(36)}`;
  const domain = `${slug}.example`;
  const adminEmail = `alex.admin@${domain}`;

  // 1. The documented first step, from the command line.
  const printed = execFileSync(
    "node_modules/.bin/tsx",
    [
      "--conditions=react-server",
      "scripts/council-create.ts",
      "--name",
      `Borough of ${slug}`,
      "--slug",
      slug,
      "--kind",
      "METROPOLITAN_BOROUGH",
      "--profile",
      "WIG",
      "--admin-email",
      adminEmail,
      "--admin-name",
      "Alex Admin",
    ],
    {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, NEXTAUTH_URL: process.env.E2E_BASE_URL },
      encoding: "utf8",
    },
  );
  const link = /https?:\/\/\S+(\/invitation\/[A-Za-z0-9_-]+)/.exec(printed);
  expect(link, printed).not.toBeNull();

  // 2. The administrator sets a password from the link, then signs in.
  await page.context().clearCookies();
  await page.goto(link![1]!);
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set your password" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("status")).toContainText("Welcome: sign in with your email address");
  await signIn(page, adminEmail, PASSWORD);

  // 3. Import people: a file with a bad email on line 3 is refused as a whole, then the fixed file is applied (with a
  // Cabinet Member's portfolio).
  await page.goto("/admin/import");
  await expectAccessible(page);
  const rows = (memberEmail: string) =>
    [
      "email,name,roles,party_group,wards,service,seniority,chief_officer_of,cabinet_portfolio,portfolio_services",
      `dana.director@${domain},Dana Director,OFFICER;CHIEF_OFFICER,,,Place,SENIOR,Place,,`,
      `${memberEmail},Pat Member,MEMBER,Civic Group,Central,,,,,`,
      `cara.cabinet@${domain},Cara Cabinet,MEMBER;CABINET_MEMBER,Civic Group,North,,,,Environment,Place`,
      "",
    ].join("\n");
  const upload = async (csv: string) => {
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check the file" }).click();
  };
  await upload(rows("not-an-email"));
  await expect(summary(page)).toContainText(/line 3/i);
  await expect(page.getByRole("main")).not.toContainText("Apply the import");
  await expectAccessible(page);
  const memberEmail = `pat.member@${domain}`;
  await upload(rows(memberEmail));
  await expect(page.getByRole("main")).toContainText("Apply the import");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Apply the import/ }).click();
  await expect(page.getByRole("status")).toContainText("The import is done");
  await expect(page.getByRole("main")).toContainText("3 people added");
  // The Cabinet Member's portfolio came with the file (CWC-B2, CWC-E5 read it): on her page, ready to change.
  await page.goto("/admin/users?q=Cara");
  await page.getByRole("link", { name: "Cara Cabinet" }).click();
  const portfolio = page.getByRole("region", { name: "Cabinet portfolio" });
  await expect(portfolio.getByLabel("Portfolio", { exact: true })).toHaveValue("Environment");
  await expect(portfolio.getByRole("checkbox", { name: "Place" })).toBeChecked();

  // 4. A council setting: information requests answered within 5 working days (the protocol's default is 10).
  await page.goto("/admin/settings");
  await expectAccessible(page);
  await page.getByLabel("Target for answering an information request").fill("5");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toContainText("Settings version 1 saved");
  await page.goto("/how-requests-work");
  await expect(page.getByRole("main")).toContainText("5 working days");
  await expectAccessible(page);

  // 5. The member, invited by the import, sets a password and makes the council's first request.
  const member = await (await browser.newContext()).newPage();
  await member.goto(await invitationPath(memberEmail));
  await member.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await member.getByLabel("Confirm your password").fill(PASSWORD);
  await member.getByRole("button", { name: "Set your password" }).click();
  await expect(member).toHaveURL(/\/signin/);
  await signIn(member, memberEmail, PASSWORD);
  const reference = await fileInformation(member, {
    subject: "Street lighting in Central ward",
    service: "Place",
  });
  await member.goto("/requests");
  await member.getByRole("link", { name: "Street lighting in Central ward" }).click();
  await expect(member.getByRole("main")).toContainText(reference);
  await expect(member.getByRole("main")).toContainText("Dana Director");
  await expect(member.getByRole("main")).toContainText(formatDate(addWorkingDays(londonDate(new Date()), 5)));
  await expectAccessible(member);

  // 6. Another council's administrator: the new council's people and settings are not theirs.
  const memberId = (await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [memberEmail]))[0]!.id;
  const other = await as(browser, "paul.hindley@wigan.example");
  expect((await other.goto(`/admin/users/${memberId}`))?.status()).toBe(404);
  await other.goto("/admin/users?q=Pat");
  await expect(other.getByRole("main")).not.toContainText("Pat Member");
  await other.goto("/admin/log");
  await expect(other.getByRole("main")).not.toContainText(slug);
});
