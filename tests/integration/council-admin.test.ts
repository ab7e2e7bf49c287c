// Issue 15: a council started from nothing (`npm run council:create`), the administrative log, and administration
// kept to each council — on real PostgreSQL.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordAdminChange, SETUP_ACTOR } from "@/lib/admin/audit";
import { parseCouncilArgs } from "@/lib/admin/council-args";
import { createCouncil } from "@/lib/admin/council-create";
import { invitationTokenHash } from "@/lib/admin/invitations";
import { loadAdminLog } from "@/lib/admin/log";
import { checkCredentials } from "@/lib/auth/credentials";
import { loadViewer } from "@/lib/auth/viewer";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
const root = path.resolve(import.meta.dirname, "../..");
let n = 0;
const tag = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

const input = (t = tag()) => ({
  name: `Test Borough Council ${t}`,
  slug: `test-borough-${t}`,
  kind: "DISTRICT",
  profile: "WIG",
  adminEmail: `ann.admin.${t}@test-borough.gov.uk`,
  adminName: "Ann Admin",
});

/** Runs the real command (tsx, as `npm run council:create` does) against the tests' database. */
function councilCreate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/council-create.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, NEXTAUTH_URL: "https://casework.example.gov.uk/" },
        timeout: 90_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function viewerOf(id: string) {
  const u = await prisma.user.findUniqueOrThrow({ where: { id } });
  const v = await loadViewer(u.id, u.sessionVersion);
  if (!v) throw new Error("no viewer");
  return v;
}

describe("starting a council from nothing (npm run council:create)", () => {
  it("creates the council on its profile, its first administrator (Administrator and Officer, active, no password), a 7-day invitation and a COUNCIL entry in the log with no actor", async () => {
    const values = input();
    const now = new Date("2026-05-04T09:00:00Z");
    const r = await createCouncil(prisma, values, { now, appUrl: "http://localhost:3000" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const council = await prisma.council.findUniqueOrThrow({ where: { slug: values.slug } });
    expect(council).toMatchObject({ id: r.council.id, name: values.name, kind: "DISTRICT", profileKey: "WIG" });
    expect(council.settingsVersion).toBe(0);

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: values.adminEmail } });
    expect(admin).toMatchObject({ id: r.admin.id, councilId: council.id, name: "Ann Admin", active: true });
    expect([...admin.roles].sort()).toEqual(["ADMIN", "OFFICER"]);
    // No password works until the invitation is used.
    expect((await checkCredentials(values.adminEmail, "any-password-at-all")).ok).toBe(false);

    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.link).toBe(`http://localhost:3000/invitation/${r.token}`);
    const invitations = await prisma.invitation.findMany({ where: { userId: admin.id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({
      councilId: council.id,
      tokenHash: invitationTokenHash(r.token),
      invitedById: null,
      usedAt: null,
    });
    expect(invitations[0]!.tokenHash).not.toContain(r.token);
    expect(invitations[0]!.expiresAt.getTime() - now.getTime()).toBe(7 * 86_400_000);

    const events = await prisma.adminEvent.findMany({ where: { councilId: council.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: "COUNCIL", entityId: council.id, action: "CREATE", actorId: null });
    expect(events[0]!.summary).toContain(values.name);
    expect(events[0]!.after).toMatchObject({
      slug: values.slug,
      kind: "DISTRICT",
      administrator: expect.any(String),
    });

    // The new administrator reads it in their council's log, in words.
    const log = await loadAdminLog(await viewerOf(admin.id), {});
    expect(log?.items).toHaveLength(1);
    expect(log!.items[0]).toMatchObject({
      actor: "Set-up (command line)",
      entityLabel: "Council",
      actionLabel: "Created",
    });
    expect(log!.items[0]!.changes.rows).toEqual(
      expect.arrayContaining([
        { field: "slug", label: "Slug", before: "None", after: values.slug },
        { field: "kind", label: "Kind", before: "None", after: "District" },
      ]),
    );
  });

  it("the command itself creates the council, prints the link on the app's address, and exits 0", async () => {
    const values = input();
    const res = await councilCreate([
      "--name",
      values.name,
      `--slug=${values.slug}`,
      "--kind",
      "town",
      "--profile",
      "htc",
      "--admin-email",
      values.adminEmail.toUpperCase(),
      "--admin-name",
      values.adminName,
    ]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const m = res.stdout.match(/https:\/\/casework\.example\.gov\.uk\/invitation\/([A-Za-z0-9_-]{43})/);
    expect(m, res.stdout).not.toBeNull();
    const council = await prisma.council.findUniqueOrThrow({ where: { slug: values.slug } });
    expect(council).toMatchObject({ kind: "TOWN", profileKey: "HTC" });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: values.adminEmail } });
    const inv = await prisma.invitation.findUniqueOrThrow({ where: { tokenHash: invitationTokenHash(m![1]!) } });
    expect(inv).toMatchObject({ userId: admin.id, councilId: council.id });
  }, 120_000);

  it("refuses bad arguments with a message for each, creating nothing, and the command exits 2", async () => {
    const parsed = parseCouncilArgs([
      "--name",
      "X",
      "--nme",
      "Y",
      "--slug",
      "--kind",
      "TOWN",
      "--kind",
      "PARISH",
      "stray",
    ]);
    expect(parsed.errors).toEqual([
      expect.stringMatching(/^Unknown option --nme: the options are --name, --slug/),
      "--slug needs a value",
      "--kind is given more than once",
      expect.stringMatching(/^Unexpected argument "stray"/),
    ]);
    expect(parseCouncilArgs(["--help"]).help).toBe(true);

    const t = tag();
    const r = await createCouncil(prisma, {
      name: "   ",
      slug: `Bad Slug ${t}`,
      kind: "CITY",
      profile: "XYZ",
      adminEmail: "not-an-email",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: "Enter the council's name",
      slug: expect.stringMatching(/lower-case letters, digits and hyphens/),
      kind: "Enter the kind of council: one of UNITARY, METROPOLITAN_BOROUGH, DISTRICT, COUNTY, TOWN, PARISH, OTHER",
      profile: "Enter the council's protocol profile: one of HAL, CWC, C2007, WIG, HTC",
      adminEmail: expect.stringMatching(/correct format/),
      adminName: "Enter the first administrator's full name",
    });
    expect(
      await createCouncil(prisma, { ...input(), name: "N".repeat(121) }).then((x) => !x.ok && x.errors),
    ).toEqual({ name: "Enter a name of 120 characters or fewer" });
    expect(await prisma.council.count({ where: { slug: { contains: t } } })).toBe(0);

    const cmd = await councilCreate(["--name", "Nowhere Council", "--slug", "-bad-", "--profile", "WIG"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stdout).toBe("");
    expect(cmd.stderr).toContain("nothing was created");
    expect(cmd.stderr).toMatch(/--slug: Enter a slug of lower-case letters/);
    expect(cmd.stderr).toMatch(/--kind: Enter the kind of council/);
    expect(cmd.stderr).toMatch(/--admin-email: Enter the first administrator's email address/);
    expect(cmd.stderr).toMatch(/--admin-name: Enter the first administrator's full name/);
  }, 120_000);

  it("refuses a slug or an administrator's email already in use, changing nothing", async () => {
    const first = input();
    const made = await createCouncil(prisma, first);
    expect(made.ok).toBe(true);
    const second = input();
    const again = await createCouncil(prisma, { ...second, slug: first.slug.toUpperCase() });
    expect(again).toEqual({
      ok: false,
      errors: { slug: `A council with the slug "${first.slug}" already exists: choose another slug` },
    });
    const demo = await createCouncil(prisma, { ...input(), slug: "wigan" });
    expect(!demo.ok && demo.errors.slug).toMatch(/slug "wigan" already exists/);
    const third = input();
    const email = await createCouncil(prisma, { ...third, adminEmail: "paul.hindley@wigan.example" });
    expect(!email.ok && email.errors.adminEmail).toMatch(/paul\.hindley@wigan\.example already exists/);
    expect(await prisma.council.count({ where: { slug: third.slug } })).toBe(0);
    expect(await prisma.council.count({ where: { name: { in: [second.name, third.name] } } })).toBe(0);
    expect(await prisma.user.count({ where: { email: second.adminEmail } })).toBe(0);

    const cmd = await councilCreate([
      "--name",
      "Duplicate Council",
      "--slug",
      first.slug,
      "--kind",
      "DISTRICT",
      "--profile",
      "HAL",
      "--admin-email",
      second.adminEmail,
      "--admin-name",
      "Someone",
    ]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain(`--slug: A council with the slug "${first.slug}" already exists`);
    expect(await prisma.council.count({ where: { name: "Duplicate Council" } })).toBe(0);
    expect(await prisma.user.count({ where: { email: second.adminEmail } })).toBe(0);
  }, 120_000);
});

describe("the administrative log, per council", () => {
  it("shows administrators their own council's changes only, newest first, with filters by what changed and by who; another council's administrator never sees them; members get nothing (not found)", async () => {
    const a = await createIsolatedCouncil(prisma);
    const b = await createIsolatedCouncil(prisma);
    const adminA = await a.viewer(a.ids.admin);
    const adminB = await b.viewer(b.ids.admin);
    await recordAdminChange(null, a.council, null, {
      entity: "COUNCIL",
      entityId: a.council.id,
      action: "CREATE",
      summary: "Created the council",
      after: { name: a.council.name },
    });
    await recordAdminChange(
      null,
      a.council,
      { id: a.ids.admin },
      {
        entity: "WARD",
        entityId: a.north.id,
        action: "RENAME",
        summary: "Renamed the ward North to North Central",
        before: { name: "North", retiredAt: null },
        after: { name: "North Central", retiredAt: null },
      },
    );
    await recordAdminChange(
      null,
      a.council,
      { id: a.ids.admin },
      {
        entity: "USER",
        entityId: a.ids.m1,
        action: "UPDATE",
        summary: "Changed Mo Member's roles",
        before: { roles: ["MEMBER"], jnc: false, partyGroup: { name: "Red Group" } },
        after: { roles: ["MEMBER", "CABINET_MEMBER"], jnc: false, partyGroup: { name: "Blue Group" } },
      },
    );
    await recordAdminChange(
      null,
      b.council,
      { id: b.ids.admin },
      {
        entity: "WARD",
        entityId: b.south.id,
        action: "RETIRE",
        summary: "Retired the ward South (council B)",
        before: { retiredAt: null },
        after: { retiredAt: "2026-05-04T09:00:00.000Z" },
      },
    );

    const log = await loadAdminLog(adminA, {});
    expect(log!.items.map((i) => i.summary)).toEqual([
      "Changed Mo Member's roles",
      "Renamed the ward North to North Central",
      "Created the council",
    ]);
    const [roles, ward] = log!.items;
    expect(roles!.actor).toBe("Ash Admin");
    // Before → after as readable rows of the fields that changed (unchanged ones left out).
    expect(roles!.changes.rows).toEqual([
      { field: "roles", label: "Roles", before: "Member", after: "Member, Cabinet member" },
      { field: "partyGroup.name", label: "Party group › Name", before: "Red Group", after: "Blue Group" },
    ]);
    expect(ward!.changes.rows).toEqual([
      { field: "name", label: "Name", before: "North", after: "North Central" },
    ]);
    expect(log!.actorOptions).toEqual([
      { id: a.ids.admin, name: "Ash Admin" },
      { id: SETUP_ACTOR, name: "Set-up (command line)" },
    ]);
    expect(log!.entityOptions.map((o) => o.id)).toEqual(expect.arrayContaining(["COUNCIL", "USER", "WARD"]));

    // Filters: by what changed, by who, and the command line.
    expect((await loadAdminLog(adminA, { entity: "WARD" }))!.items.map((i) => i.summary)).toEqual([
      "Renamed the ward North to North Central",
    ]);
    expect((await loadAdminLog(adminA, { actor: a.ids.admin }))!.items).toHaveLength(2);
    expect((await loadAdminLog(adminA, { actor: SETUP_ACTOR }))!.items.map((i) => i.summary)).toEqual([
      "Created the council",
    ]);
    // Bad filter values are ignored, never an error.
    expect((await loadAdminLog(adminA, { entity: "'; drop", actor: "../x", page: "-3" }))!.items).toHaveLength(3);

    // Another council's administrator: only their own council's entries, whatever they ask for.
    const logB = await loadAdminLog(adminB, {});
    expect(logB!.items.map((i) => i.summary)).toEqual(["Retired the ward South (council B)"]);
    expect(logB!.items[0]!.changes.rows).toEqual([
      { field: "retiredAt", label: "Retired at", before: "None", after: "4 May 2026, 10:00" },
    ]);
    expect((await loadAdminLog(adminB, { actor: a.ids.admin }))!.items).toEqual([]);
    expect(logB!.actorOptions.map((o) => o.id)).not.toContain(a.ids.admin);
    expect((await loadAdminLog(adminA, { actor: b.ids.admin }))!.items).toEqual([]);

    // Not an administrator nor the Monitoring Officer: not found (null), whoever they are.
    expect(await loadAdminLog(a.member, {})).toBeNull();
    expect(await loadAdminLog(await a.viewer(a.ids.officer), {})).toBeNull();
    expect(await loadAdminLog(await a.viewer(a.ids.ce), {})).toBeNull();
  });

  it("the Monitoring Officer reads the council's log", async () => {
    const a = await createIsolatedCouncil(prisma);
    await recordAdminChange(
      null,
      a.council,
      { id: a.ids.admin },
      {
        entity: "SETTINGS",
        action: "UPDATE",
        summary: "Changed the target for information requests",
        before: { "information.targetWorkingDays": 10 },
        after: { "information.targetWorkingDays": 15 },
      },
    );
    const log = await loadAdminLog(await a.viewer(a.ids.mo), {});
    expect(log!.items).toHaveLength(1);
    expect(log!.items[0]).toMatchObject({ actor: "Ash Admin", entityLabel: "Protocol settings" });
    expect(log!.items[0]!.changes.rows).toEqual([
      {
        field: "information.targetWorkingDays",
        label: "Information › Target working days",
        before: "10",
        after: "15",
      },
    ]);
  });

  it("pages through a long log, newest first, 50 entries a page", async () => {
    const a = await createIsolatedCouncil(prisma);
    const base = Date.now() - 100_000;
    await prisma.adminEvent.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        councilId: a.council.id,
        actorId: a.ids.admin,
        entity: "WARD",
        action: "CREATE",
        summary: `Entry ${i + 1}`,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const admin = await a.viewer(a.ids.admin);
    const first = await loadAdminLog(admin, {});
    expect(first!.items).toHaveLength(50);
    expect(first!.items[0]!.summary).toBe("Entry 53");
    expect(first!.more).toBe(true);
    const second = await loadAdminLog(admin, { page: "2" });
    expect(second!.items.map((i) => i.summary)).toEqual(["Entry 3", "Entry 2", "Entry 1"]);
    expect(second!.more).toBe(false);
  });
});
