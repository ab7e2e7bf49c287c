// Sign in as each role of two councils (Wigan MBC and Halstead Town Council): the header names the person
// and role, the navigation shows exactly what the role can use, and every page passes axe.
import { expectAccessible, expect, navLabels, signIn, test } from "./fixtures";

type Case = {
  council: string;
  role: string;
  email: string;
  roleText: RegExp;
  nav: string[];
  duty: RegExp;
  axeEveryPage?: boolean;
};
// Section E (issue 14): meetings, correspondence and the register are for everyone.
const E = ["Meetings", "Correspondence", "Register"];
const BASE = ["Home", "Make a request", "Requests", ...E, "Notifications", "People", "Your account"];
const HANDLER = ["Home", "Make a request", "Requests", "Queue", ...E, "Notifications", "People", "Your account"];
const MANAGER = [
  "Home",
  "Make a request",
  "Requests",
  "Queue",
  "Dashboard",
  ...E,
  "Notifications",
  "People",
  "Your account",
];
const CLERK = MANAGER;
// Issue 15: the administrative log, for administrators and the Monitoring Officer.
const ADMIN = [
  "Home",
  "Make a request",
  "Requests",
  "Queue",
  ...E,
  "Notifications",
  "People",
  "Users",
  "Email outbox",
  "Admin log",
  "Your account",
];
const withLog = (nav: string[]) => [...nav.slice(0, -1), "Admin log", "Your account"];
const OVERSIGHT = withLog(["Home", "Requests", "Queue", ...E, "Notifications", "People", "Your account"]);
const HEADINGS: Record<string, RegExp> = {
  "Make a request": /^What do you need\?$/,
  Requests: /^(Your requests|Requests)$/,
  Queue: /^Your queue$/,
  Dashboard: /^Workload dashboard$/,
  "Email outbox": /^Email outbox$/,
  Meetings: /^Meetings and agenda items$/,
  Correspondence: /^Correspondence and letters$/,
  Register: /^Members' register$/,
  "Admin log": /^Administrative log$/,
};

const cases: Case[] = [
  {
    council: "Wigan",
    role: "member",
    email: "patricia.lunt@wigan.example",
    roleText: /^Councillor$/,
    nav: BASE,
    duty: /Ask officers for information/,
    axeEveryPage: true,
  },
  {
    council: "Wigan",
    role: "group leader",
    email: "gordon.fairclough@wigan.example",
    roleText: /Group Leader/,
    nav: BASE,
    duty: /party-group briefings on behalf of your group/,
  },
  {
    council: "Wigan",
    role: "spokesperson",
    email: "elaine.marsden@wigan.example",
    roleText: /Spokesperson/,
    nav: BASE,
    duty: /subject you speak for/,
  },
  {
    council: "Wigan",
    role: "Leader of the Council",
    email: "keith.ormerod@wigan.example",
    roleText: /Leader of the Council/,
    nav: HANDLER,
    duty: /complaints about the Chief Executive/,
  },
  {
    council: "Wigan",
    role: "officer",
    email: "erin.whittle@wigan.example",
    roleText: /^Officer$/,
    nav: HANDLER,
    duty: /routed or allocated to you/,
  },
  {
    council: "Wigan",
    role: "Chief Officer",
    email: "rebecca.shaw@wigan.example",
    roleText: /Director/,
    nav: MANAGER,
    duty: /Decide members' information requests/,
  },
  {
    council: "Wigan",
    role: "Chief Executive",
    email: "alison.kerr@wigan.example",
    roleText: /Chief Executive/,
    nav: MANAGER,
    duty: /invited, never instructed/,
  },
  {
    council: "Wigan",
    role: "Monitoring Officer",
    email: "martin.greaves@wigan.example",
    roleText: /Monitoring Officer/,
    nav: withLog(MANAGER),
    duty: /code-of-conduct/,
  },
  {
    council: "Wigan",
    role: "user administrator",
    email: "paul.hindley@wigan.example",
    roleText: /User administrator/,
    nav: ADMIN,
    duty: /Manage user accounts/,
    axeEveryPage: true,
  },
  {
    council: "Halstead",
    role: "member",
    email: "bridget.fenn@halstead.example",
    roleText: /^Councillor$/,
    nav: BASE,
    duty: /Ask officers for information/,
  },
  {
    council: "Halstead",
    role: "Chairman",
    email: "janet.coker@halstead.example",
    roleText: /Chairman of the Council/,
    nav: HANDLER,
    duty: /concerns about the Town Clerk/,
  },
  {
    council: "Halstead",
    role: "Town Clerk",
    email: "margaret.doyle@halstead.example",
    roleText: /^Town Clerk$/,
    nav: CLERK,
    duty: /against staff workload/,
    axeEveryPage: true,
  },
  {
    council: "Halstead",
    role: "staff",
    email: "aisha.benton@halstead.example",
    roleText: /^Staff$/,
    nav: HANDLER,
    duty: /routed or allocated to you/,
  },
  {
    council: "Halstead",
    role: "external Monitoring Officer",
    email: "graham.lowther@halstead.example",
    roleText: /^Monitoring Officer$/,
    nav: OVERSIGHT,
    duty: /code-of-conduct/,
  },
  {
    council: "Halstead",
    role: "user administrator",
    email: "kevin.styles@halstead.example",
    roleText: /User administrator/,
    nav: ADMIN,
    duty: /Manage user accounts/,
  },
];

test("between them, the roles that run axe on every page cover every page of the navigation", () => {
  const covered = new Set(cases.filter((c) => c.axeEveryPage).flatMap((c) => c.nav));
  expect([...new Set(cases.flatMap((c) => c.nav))].filter((l) => !covered.has(l))).toEqual([]);
});

for (const c of cases) {
  test(`${c.council} ${c.role}: header, navigation and home page`, async ({ page }) => {
    // The roles that run axe on every page visit a dozen pages (more since issues 14 and 15): more time on a busy CI.
    test.setTimeout(c.axeEveryPage ? 300_000 : 120_000);
    await signIn(page, c.email);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
    await expect(page.getByTestId("signed-in-role")).toHaveText(c.roleText);
    await expect(page.getByRole("banner")).toContainText(c.council);
    expect(await navLabels(page)).toEqual(c.nav);
    await expect(page.getByTestId("duties")).toContainText(c.duty);
    await expectAccessible(page);
    // Every page the navigation offers opens and has a heading. Between them, the roles marked axeEveryPage visit
    // every page of the navigation with axe (each role's content differs; axe on all of them for all 15 roles would
    // double the suite's time for little more coverage).
    for (const label of c.nav.slice(1)) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[label] ?? label);
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }),
      ).toHaveAttribute("aria-current", "page");
      if (c.axeEveryPage) await expectAccessible(page);
    }
  });
}

test("a page the role cannot use is not found, not forbidden", async ({ page }) => {
  await signIn(page, "patricia.lunt@wigan.example");
  for (const path of ["/queue", "/dashboard", "/admin/outbox"])
    expect((await page.goto(path))?.status(), path).toBe(404);
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

test("the people page lists the council's groups, wards and services — and nobody from another council", async ({
  page,
}) => {
  await signIn(page, "samuel.tolley@halstead.example");
  await page.goto("/people");
  await expect(page.getByRole("heading", { name: "Liberal Democrat Group" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Halstead Trinity" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Margaret Doyle, Town Clerk");
  await expect(page.getByRole("main")).not.toContainText("Keith Ormerod");
});
