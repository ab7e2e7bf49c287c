// Issue 15: bulk import of people from CSV — line-numbered problems, the preview, all-or-nothing apply, 1,000 rows in
// seconds, and administration kept to each council — through the handlers the import page's action calls.
import { describe, expect, it } from "vitest";
import { csvLine, IMPORT_COLUMNS } from "@/lib/admin/import";
import { handleImportApply, handleImportPreview, importOutcome } from "@/lib/admin/import-forms";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
let n = 0;
const tag = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

/** A CSV file: the header, then rows as objects by column (missing cells empty). */
function csv(rows: Record<string, string>[], columns: readonly string[] = IMPORT_COLUMNS) {
  return [columns as string[], ...rows.map((r) => columns.map((c) => r[c] ?? ""))].map(csvLine).join("");
}

async function rejectsNotFound(p: Promise<unknown>) {
  await expect(p).rejects.toMatchObject({ code: "NOT_FOUND" });
}

/** Everything an import could write in a council, counted. */
async function footprint(councilId: string) {
  const [users, wards, groups, services, offices, events, invitations] = await Promise.all([
    prisma.user.count({ where: { councilId } }),
    prisma.ward.count({ where: { councilId } }),
    prisma.partyGroup.count({ where: { councilId } }),
    prisma.service.count({ where: { councilId } }),
    prisma.groupOffice.count({ where: { councilId } }),
    prisma.adminEvent.count({ where: { councilId } }),
    prisma.invitation.count({ where: { councilId } }),
  ]);
  const people = await prisma.user.findMany({
    where: { councilId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      roles: true,
      jobTitle: true,
      partyGroupId: true,
      serviceId: true,
      wards: { select: { id: true } },
      committees: { select: { id: true } },
    },
  });
  return { users, wards, groups, services, offices, events, invitations, people };
}

describe("bulk import: who may use it", () => {
  it("a member, and an officer who is not an administrator, get not found for the preview and the apply", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const file = csv([{ email: `x.${tag()}@iso.test`, name: "X", roles: "MEMBER" }]);
    const before = await footprint(iso.council.id);
    for (const v of [iso.member, await iso.viewer(iso.ids.officer), await iso.viewer(iso.ids.mo)]) {
      await rejectsNotFound(handleImportPreview(v, file));
      await rejectsNotFound(handleImportApply(v, file, { invite: true }));
    }
    expect(await footprint(iso.council.id)).toEqual(before);
  });

  it("another council's administrator cannot touch this council's people (their address is refused) nor read its import's result", async () => {
    const a = await createIsolatedCouncil(prisma);
    const b = await createIsolatedCouncil(prisma);
    const adminA = await a.viewer(a.ids.admin);
    const adminB = await b.viewer(b.ids.admin);
    const memberOfA = await prisma.user.findUniqueOrThrow({ where: { id: a.ids.m1 } });
    const beforeA = await footprint(a.council.id);
    const beforeB = await footprint(b.council.id);
    const file = csv([
      { email: `new.${tag()}@iso.test`, name: "New Person", roles: "MEMBER" },
      { email: memberOfA.email.toUpperCase(), name: "Taken Over", roles: "MEMBER;ADMIN" },
    ]);
    const preview = await handleImportPreview(adminB, file);
    expect(preview.preview).toBeNull();
    expect(preview.errors).toEqual([
      {
        line: 3,
        column: "email",
        message: `Line 3: ${memberOfA.email} is already used by an account of another council. Each address can have one account: use a different one.`,
      },
    ]);
    const applied = await handleImportApply(adminB, file, { invite: true });
    expect(applied.done).toBeUndefined();
    expect(applied.errors).toEqual(preview.errors);
    expect(await footprint(a.council.id)).toEqual(beforeA);
    expect(await footprint(b.council.id)).toEqual(beforeB);

    // Council A's own import: its result is A's, and B's administrator cannot read it.
    const own = await handleImportApply(
      adminA,
      csv([{ email: `own.${tag()}@iso.test`, name: "Own", roles: "OFFICER" }]),
    );
    expect(own.done).toBeDefined();
    expect(await importOutcome(adminA, own.done!.importId)).toMatch(
      /^Imported 1 row from a CSV file: 1 person added/,
    );
    expect(await importOutcome(adminB, own.done!.importId)).toBeNull();
    expect(await importOutcome(a.member, own.done!.importId)).toBeNull();
  });
});

describe("bulk import: problems, with the file's line numbers", () => {
  it("lists every problem by line (header = line 1, a quoted line break counted), and writes nothing when any row fails", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const other = await createIsolatedCouncil(prisma);
    const elsewhere = await prisma.user.findUniqueOrThrow({ where: { id: other.ids.officer } });
    const t = tag();
    const file =
      "email,name,roles,wards\r\n" +
      `good.one.${t}@iso.test,Good One,MEMBER,"Brand New Ward ${t}"\r\n` + // line 2: fine on its own
      `not-an-email,Bad Email,MEMBER,\r\n` + // line 3
      `"multi.${t}@iso.test","Two\r\nLines",MEMBER,\r\n` + // lines 4–5: fine
      `wizard.${t}@iso.test,Wizard,MEMBER;WIZARD,\r\n` + // line 6
      `${elsewhere.email},Elsewhere,OFFICER,\r\n` + // line 7
      `\r\n` + // line 8: blank, skipped
      `GOOD.ONE.${t}@iso.test,Good Again,MEMBER,\r\n`; // line 9: the same address as line 2
    const before = await footprint(iso.council.id);
    const out = await handleImportPreview(admin, file);
    expect(out.preview).toBeNull();
    expect(out.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "email"],
      [6, "roles"],
      [7, "email"],
      [9, "email"],
    ]);
    expect(out.errors.map((e) => e.message)).toEqual([
      "Line 3: Enter an email address in the correct format, like name@council.gov.uk",
      expect.stringMatching(/^Line 6: “WIZARD” is not a role\. Use the stored role names/),
      `Line 7: ${elsewhere.email} is already used by an account of another council. Each address can have one account: use a different one.`,
      `Line 9: good.one.${t}@iso.test is also on line 2. Each person can appear once in a file.`,
    ]);
    const applied = await handleImportApply(admin, file, { invite: true });
    expect(applied.done).toBeUndefined();
    expect(applied.errors).toEqual(out.errors);
    // Nothing at all: not the good rows, not the new ward, no log entry.
    expect(await footprint(iso.council.id)).toEqual(before);
    expect(await prisma.ward.count({ where: { name: `Brand New Ward ${t}` } })).toBe(0);
  });

  it("refuses more than 5,000 rows, and a file that is not CSV as meant, writing nothing", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    const rows = Array.from({ length: 5001 }, (_, i) => ({
      email: `p${i}.${t}@iso.test`,
      name: `P ${i}`,
      roles: "MEMBER",
    }));
    const before = await footprint(iso.council.id);
    const big = await handleImportApply(admin, csv(rows, ["email", "name", "roles"]));
    expect(big.errors).toEqual([
      {
        line: null,
        message: "The file has 5,001 rows of people. Import at most 5,000 at a time: split the file.",
      },
    ]);
    const broken = await handleImportPreview(admin, `email,name,roles\nok.${t}@iso.test,"Never closed,MEMBER\n`);
    expect(broken.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Line 2: a quotation mark opens a value that is never closed/),
    ]);
    const header = await handleImportPreview(admin, "email,full name\nx@y.uk,X\n");
    expect(header.errors[0]!.message).toMatch(/^Line 1: the column “full name” is not one the import knows/);
    expect(await footprint(iso.council.id)).toEqual(before);
  });

  it("an administrator cannot take away their own ADMIN role by import", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const me = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    const out = await handleImportPreview(admin, csv([{ email: me.email, name: me.name, roles: "OFFICER" }]));
    expect(out.errors.map((e) => e.message)).toEqual([
      "Line 2: you cannot remove your own ADMIN role. Ask another administrator to do it.",
    ]);
  });
});

describe("bulk import: preview and apply", () => {
  it("previews the counts and changes without writing, then applies people, wards, groups, services, committees, offices and Chief Officers in one go, with the log and invitations", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    const planning = await prisma.committee.create({ data: { councilId: iso.council.id, name: `Planning ${t}` } });
    // Mo Member leads the Red Group now; the file gives the office to a new councillor.
    await prisma.groupOffice.create({
      data: { councilId: iso.council.id, groupId: iso.red.id, userId: iso.ids.m1, kind: "LEADER" },
    });
    const mo = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m1 } });
    const bea = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m2 } });
    const olive = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.officer } });
    const newCouncillor = `nia.new.${t}@iso.test`;
    const newDirector = `dev.director.${t}@iso.test`;
    const file = csv([
      // line 2: a new councillor, Leader of the Red Group (taken from Mo), a new ward, an existing one, a committee
      {
        email: newCouncillor,
        name: "Nia New",
        job_title: "Cabinet Member for Housing",
        roles: "MEMBER;CABINET_MEMBER",
        party_group: "red group",
        group_offices: `LEADER;SPOKESPERSON:Planning ${t}`,
        wards: `North;Riverside ${t}`,
        committees: `Planning ${t}`,
      },
      // line 3: Bea changes group (a new one), ward and committees
      {
        email: bea.email,
        name: "Bea Blue",
        roles: "MEMBER",
        party_group: `Green Group ${t}`,
        wards: `Riverside ${t}`,
        committees: `Planning ${t}`,
      },
      // line 4: a new Director of a new service, who also takes over Place from Dana Director
      {
        email: newDirector,
        name: "Dev Director",
        job_title: "Director of Growth",
        roles: "OFFICER;CHIEF_OFFICER",
        service: `Growth ${t}`,
        seniority: "SENIOR",
        tier: "2",
        jnc: "yes",
        weekly_capacity_hours: "5",
        chief_officer_of: `Growth ${t};Place`,
      },
      // line 5: Olive, unchanged apart from her job title
      {
        email: olive.email,
        name: olive.name,
        job_title: "Senior Highways Officer",
        roles: "OFFICER",
        service: "Place",
      },
      // line 6: Mo, exactly as he is (no offices column effect: the column is in the file and empty → he loses Leader anyway)
      { email: mo.email, name: mo.name, roles: "MEMBER", party_group: "Red Group", wards: "North" },
    ]);
    const before = await footprint(iso.council.id);
    const out = await handleImportPreview(admin, file);
    expect(out.errors).toEqual([]);
    const p = out.preview!;
    expect(p.rows).toBe(5);
    expect(p.counts).toEqual({ create: 2, update: 3, unchanged: 0 });
    expect(p.newGroups).toEqual([`Green Group ${t}`]);
    expect(p.newWards).toEqual([`Riverside ${t}`]);
    expect(p.newServices).toEqual([`Growth ${t}`]);
    expect(p.sideEffects).toEqual(["Dana Director is no longer Chief Officer of Place"]);
    expect(p.changes.map((c) => [c.line, c.kind])).toEqual([
      [2, "create"],
      [3, "update"],
      [4, "create"],
      [5, "update"],
      [6, "update"],
    ]);
    expect(p.changes[0]!.details).toEqual(
      expect.arrayContaining([
        "Roles: Councillor, Cabinet Member",
        "Party group: Red Group",
        `Group offices: Group Leader, Spokesperson (Planning ${t})`,
        `Wards: North, Riverside ${t}`,
      ]),
    );
    expect(p.changes[1]!.details).toEqual(
      expect.arrayContaining([`Party group: Blue Group → Green Group ${t}`, `Wards: South → Riverside ${t}`]),
    );
    expect(p.changes[3]!.details).toEqual(["Job title: Highways Officer → Senior Highways Officer"]);
    expect(p.changes[4]!.details).toEqual(["Group offices: Group Leader → none"]);
    // The preview wrote nothing.
    expect(await footprint(iso.council.id)).toEqual(before);

    const now = new Date();
    const done = await handleImportApply(admin, out.csv, { digest: p.digest, invite: true, now });
    expect(done.errors).toEqual([]);
    expect(done.done!.counts).toEqual({
      rows: 5,
      created: 2,
      updated: 3,
      unchanged: 0,
      groups: 1,
      wards: 1,
      services: 1,
      invited: 2,
    });
    const cid = iso.council.id;
    const nia = await prisma.user.findUniqueOrThrow({
      where: { email: newCouncillor },
      include: { wards: true, committees: true, groupOffices: true, partyGroup: true },
    });
    expect(nia).toMatchObject({
      councilId: cid,
      name: "Nia New",
      jobTitle: "Cabinet Member for Housing",
      roles: ["MEMBER", "CABINET_MEMBER"],
      active: true,
      passwordHash: "",
    });
    expect(nia.partyGroup?.id).toBe(iso.red.id);
    expect(nia.wards.map((w) => w.name).sort()).toEqual(["North", `Riverside ${t}`]);
    expect(nia.committees.map((c) => c.id)).toEqual([planning.id]);
    expect(nia.groupOffices.map((o) => [o.groupId, o.kind, o.portfolio]).sort()).toEqual([
      [iso.red.id, "LEADER", ""],
      [iso.red.id, "SPOKESPERSON", `Planning ${t}`],
    ]);
    // Mo is no longer Leader; Bea moved to the new group and ward.
    expect(await prisma.groupOffice.count({ where: { userId: iso.ids.m1 } })).toBe(0);
    const beaAfter = await prisma.user.findUniqueOrThrow({
      where: { id: bea.id },
      include: { wards: true, committees: true, partyGroup: true },
    });
    expect(beaAfter.partyGroup?.name).toBe(`Green Group ${t}`);
    expect(beaAfter.partyGroup?.councilId).toBe(cid);
    expect(beaAfter.wards.map((w) => w.name)).toEqual([`Riverside ${t}`]);
    expect(beaAfter.committees.map((c) => c.id)).toEqual([planning.id]);
    // The new Director: officer details, their new service, and Chief Officer of it and of Place.
    const dev = await prisma.user.findUniqueOrThrow({
      where: { email: newDirector },
      include: { service: true, chiefOfficerOf: true },
    });
    expect(dev).toMatchObject({ seniority: "SENIOR", tier: 2, jnc: true, weeklyCapacityHours: 5 });
    expect(dev.service).toMatchObject({ name: `Growth ${t}`, councilId: cid });
    expect(dev.chiefOfficerOf.map((s) => s.name).sort()).toEqual([`Growth ${t}`, "Place"]);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: iso.service.id } })).chiefOfficerId).toBe(
      dev.id,
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: olive.id } })).jobTitle).toBe(
      "Senior Highways Officer",
    );
    // Invitations: one each for the new people, emailed through the outbox.
    const invitations = await prisma.invitation.findMany({
      where: { councilId: cid, userId: { in: [nia.id, dev.id] } },
    });
    expect(invitations).toHaveLength(2);
    expect(invitations.every((i) => i.invitedById === admin.id && i.expiresAt > now && !i.usedAt)).toBe(true);
    const mails = await prisma.notification.findMany({ where: { councilId: cid, kind: "INVITATION" } });
    expect(mails.map((m) => m.userId).sort()).toEqual([nia.id, dev.id].sort());
    expect(mails[0]!.body).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}/);
    // The log: one entry for the import, one per person, one per new group, ward and service.
    const events = await prisma.adminEvent.findMany({ where: { councilId: cid } });
    const imp = events.filter((e) => e.entity === "IMPORT");
    expect(imp).toHaveLength(1);
    expect(imp[0]).toMatchObject({ actorId: admin.id, action: "IMPORT", entityId: done.done!.importId });
    expect(imp[0]!.summary).toBe(
      "Imported 5 rows from a CSV file: 2 people added, 3 changed, 0 unchanged; created 1 ward, 1 party group, 1 service; 2 people invited.",
    );
    expect(imp[0]!.after).toMatchObject({
      created: 2,
      updated: 3,
      sideEffects: ["Dana Director is no longer Chief Officer of Place"],
    });
    expect(
      events
        .filter((e) => e.entity === "USER")
        .map((e) => [e.entityId, e.action])
        .sort(),
    ).toEqual(
      [
        [nia.id, "CREATE"],
        [dev.id, "CREATE"],
        [bea.id, "UPDATE"],
        [olive.id, "UPDATE"],
        [mo.id, "UPDATE"],
      ].sort(),
    );
    const oliveEvent = events.find((e) => e.entityId === olive.id)!;
    expect(oliveEvent.before).toEqual({ jobTitle: "Highways Officer" });
    expect(oliveEvent.after).toEqual({ jobTitle: "Senior Highways Officer" });
    expect(
      events
        .filter((e) => ["GROUP", "WARD", "SERVICE"].includes(e.entity))
        .map((e) => e.entity)
        .sort(),
    ).toEqual(["GROUP", "SERVICE", "WARD"]);

    // The same file again: everyone is already as it says.
    const again = await handleImportPreview(admin, file);
    expect(again.preview!.counts).toEqual({ create: 0, update: 0, unchanged: 5 });
    expect(again.preview!.newWards).toEqual([]);
  });

  it("a file leaves out columns it does not have, and a preview applied after the council changed writes nothing and shows the new preview", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    const mo = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m1 }, include: { wards: true } });
    const file = csv(
      [
        { email: mo.email, name: "Mo Member", job_title: "Ward councillor" },
        { email: `late.${t}@iso.test`, name: "Late Comer", job_title: "" },
      ],
      ["email", "name", "job_title"],
    );
    // A new person needs roles: this file has no roles column.
    const noRoles = await handleImportPreview(admin, file);
    expect(noRoles.errors.map((e) => e.message)).toEqual([
      "Line 3: a new person needs their roles, but the file has no roles column.",
    ]);
    const file2 = csv(
      [{ email: mo.email, name: "Mo Member", job_title: "Ward councillor" }],
      ["email", "name", "job_title"],
    );
    const first = await handleImportPreview(admin, file2);
    expect(first.preview!.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    // Meanwhile someone changes Mo's job title on his page.
    await prisma.user.update({ where: { id: mo.id }, data: { jobTitle: "Deputy Leader" } });
    const before = await footprint(iso.council.id);
    const stale = await handleImportApply(admin, file2, { digest: first.preview!.digest });
    expect(stale.done).toBeUndefined();
    expect(stale.notice).toMatch(/changed since your preview, so nothing was imported/);
    expect(stale.preview!.changes[0]!.details).toEqual(["Job title: Deputy Leader → Ward councillor"]);
    expect(await footprint(iso.council.id)).toEqual(before);
    // Applied with the new preview's fingerprint: only the job title changes — wards, group and roles stay.
    const ok = await handleImportApply(admin, file2, { digest: stale.preview!.digest });
    expect(ok.done!.counts.updated).toBe(1);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: mo.id }, include: { wards: true } });
    expect(after).toMatchObject({ jobTitle: "Ward councillor", roles: ["MEMBER"], partyGroupId: iso.red.id });
    expect(after.wards.map((w) => w.id)).toEqual(mo.wards.map((w) => w.id));
  });
});

describe("bulk import: Cabinet portfolios", () => {
  it("CWC-B2, CWC-E5: a Cabinet Member's portfolio and its services come in by import (a new service created), are refused for anyone else or without a name, and a retired service stays", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    const cols = ["email", "name", "roles", "party_group", "cabinet_portfolio", "portfolio_services"];
    const cm = {
      email: `cab.${t}@iso.test`,
      name: "Cara Cabinet",
      roles: "MEMBER;CABINET_MEMBER",
      party_group: "Red Group",
    };

    // Refused: a portfolio for someone who is not a Cabinet Member, services without a name, a name too long.
    const bad = await handleImportPreview(
      admin,
      csv(
        [
          { ...cm, cabinet_portfolio: "Environment", portfolio_services: "Place;Leisure" },
          { email: `plain.${t}@iso.test`, name: "Pat Plain", roles: "MEMBER", cabinet_portfolio: "Housing" },
          {
            email: `noname.${t}@iso.test`,
            name: "No Name",
            roles: "MEMBER;CABINET_MEMBER",
            portfolio_services: "Place",
          },
          {
            email: `long.${t}@iso.test`,
            name: "Lou Long",
            roles: "MEMBER;CABINET_MEMBER",
            cabinet_portfolio: "x".repeat(200),
          },
        ],
        cols,
      ),
    );
    expect(bad.errors.map((e) => e.message)).toEqual([
      "Line 3: only Cabinet Members (role CABINET_MEMBER) hold a Cabinet portfolio. Add CABINET_MEMBER to roles or clear it.",
      "Line 4: a portfolio with services needs its name: fill in cabinet_portfolio (for example Environment).",
      expect.stringMatching(/^Line 5: .*portfolio name of \d+ characters or fewer/),
    ]);
    expect(await prisma.user.count({ where: { email: cm.email } })).toBe(0);

    // The good row alone: previewed with its portfolio, then applied; the unknown service is created.
    const file = csv([{ ...cm, cabinet_portfolio: "Environment", portfolio_services: "Place;Leisure" }], cols);
    const preview = await handleImportPreview(admin, file);
    expect(preview.errors).toEqual([]);
    expect(preview.preview!.newServices).toEqual(["Leisure"]);
    expect(preview.preview!.changes[0]!.details).toEqual(
      expect.arrayContaining(["Cabinet portfolio: Environment", "Portfolio services: Leisure, Place"]),
    );
    const done = await handleImportApply(admin, file, { digest: preview.preview!.digest });
    expect(done.errors).toEqual([]);
    const made = await prisma.user.findUniqueOrThrow({
      where: { email: cm.email },
      include: { portfolioServices: { select: { name: true } } },
    });
    expect(made.portfolioName).toBe("Environment");
    expect(made.portfolioServices.map((s) => s.name).sort()).toEqual(["Leisure", "Place"]);
    // The viewer (what every rule reads) knows the portfolio: CWC-B2 and CWC-E5 follow from it.
    expect((await iso.viewer(made.id)).portfolio).toEqual({
      name: "Environment",
      serviceIds: expect.arrayContaining([iso.service.id]),
    });

    // Leisure retires; a later file naming only Children's Services keeps the retired one on the record.
    const leisure = await prisma.service.findFirstOrThrow({
      where: { councilId: iso.council.id, name: "Leisure" },
    });
    await prisma.service.update({ where: { id: leisure.id }, data: { retiredAt: new Date() } });
    const again = csv(
      [{ ...cm, cabinet_portfolio: "Environment and Children", portfolio_services: "Children's Services" }],
      cols,
    );
    const p2 = await handleImportPreview(admin, again);
    expect(p2.errors).toEqual([]);
    await handleImportApply(admin, again, { digest: p2.preview!.digest });
    const after = await prisma.user.findUniqueOrThrow({
      where: { id: made.id },
      include: { portfolioServices: { select: { name: true } } },
    });
    expect(after.portfolioName).toBe("Environment and Children");
    expect(after.portfolioServices.map((s) => s.name).sort()).toEqual(["Children's Services", "Leisure"]);
    expect((await iso.viewer(made.id)).portfolio!.serviceIds).toEqual([iso.service2.id]);
    const log = await prisma.adminEvent.findFirstOrThrow({
      where: { councilId: iso.council.id, entityId: made.id, action: "UPDATE" },
      orderBy: { createdAt: "desc" },
    });
    expect(log.before).toMatchObject({ cabinetPortfolio: "Environment" });
    expect(log.after).toMatchObject({ cabinetPortfolio: "Environment and Children" });
  });
});

describe("bulk import: two at once", () => {
  it("two applies of the same file at the same moment run one after the other: the people are created once", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    const file = csv(
      Array.from({ length: 50 }, (_, i) => ({
        email: `twice.${i}.${t}@iso.test`,
        name: `Twice ${i}`,
        roles: "MEMBER",
        wards: `Twice Ward ${t}`,
      })),
    );
    const [one, two] = await Promise.all([handleImportApply(admin, file), handleImportApply(admin, file)]);
    const counts = [one.done!.counts, two.done!.counts].sort((a, b) => b.created - a.created);
    expect(counts.map((c) => [c.created, c.unchanged, c.wards])).toEqual([
      [50, 0, 1],
      [0, 50, 0],
    ]);
    expect(
      await prisma.user.count({ where: { councilId: iso.council.id, email: { startsWith: "twice." } } }),
    ).toBe(50);
    expect(await prisma.ward.count({ where: { councilId: iso.council.id, name: `Twice Ward ${t}` } })).toBe(1);
  });
});

describe("bulk import: 1,000 rows", () => {
  it("imports 1,000 people (councillors with groups, wards and committees; officers with services) in a few seconds, all or nothing", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const t = tag();
    await prisma.committee.createMany({
      data: [0, 1, 2].map((i) => ({ councilId: iso.council.id, name: `Committee ${i} ${t}` })),
    });
    const rows = Array.from({ length: 1000 }, (_, i): Record<string, string> =>
      i % 2 === 0
        ? {
            email: `councillor.${i}.${t}@iso.test`,
            name: `Councillor ${i}`,
            roles: "MEMBER",
            party_group: `Group ${i % 5} ${t}`,
            group_offices: i % 50 === 0 ? "SPOKESPERSON:Finance" : "",
            wards: `Ward ${i % 40} ${t};Ward ${(i + 1) % 40} ${t}`,
            committees: `Committee ${i % 3} ${t}`,
          }
        : {
            email: `officer.${i}.${t}@iso.test`,
            name: `Officer ${i}`,
            job_title: "Officer",
            roles: "OFFICER",
            service: `Service ${i % 12} ${t}`,
            seniority: i % 3 === 0 ? "SENIOR" : "JUNIOR",
            tier: String((i % 4) + 1),
            jnc: i % 7 === 0 ? "yes" : "no",
            weekly_capacity_hours: "10",
          },
    );
    // One bad row at the very end: nothing at all is written.
    const bad = csv([...rows, { email: `bad.${t}@iso.test`, name: "Bad", roles: "MEMBER", tier: "3" }]);
    const before = await footprint(iso.council.id);
    const refused = await handleImportApply(admin, bad);
    expect(refused.errors.map((e) => e.line)).toEqual([1002]);
    expect(await footprint(iso.council.id)).toEqual(before);

    const file = csv(rows);
    const t0 = performance.now();
    const preview = await handleImportPreview(admin, file);
    const t1 = performance.now();
    const done = await handleImportApply(admin, file, { digest: preview.preview!.digest, invite: true });
    const t2 = performance.now();
    console.log(
      `[bulk-import] 1,000 rows: preview ${Math.round(t1 - t0)} ms, apply ${Math.round(t2 - t1)} ms (invitations included)`,
    );
    expect(done.errors).toEqual([]);
    expect(done.done!.counts).toMatchObject({ created: 1000, groups: 5, wards: 40, services: 6, invited: 1000 });
    expect(t2 - t0).toBeLessThan(10_000);
    const cid = iso.council.id;
    expect(await prisma.user.count({ where: { councilId: cid, email: { endsWith: `.${t}@iso.test` } } })).toBe(
      1000,
    );
    expect(
      await prisma.user.count({ where: { councilId: cid, wards: { some: {} }, email: { contains: `.${t}@` } } }),
    ).toBe(500);
    expect(await prisma.groupOffice.count({ where: { councilId: cid, kind: "SPOKESPERSON" } })).toBe(20);
    const c0 = await prisma.committee.findFirstOrThrow({
      where: { councilId: cid, name: `Committee 0 ${t}` },
      include: { _count: { select: { members: true } } },
    });
    expect(c0._count.members).toBe(167);
    const officer = await prisma.user.findUniqueOrThrow({
      where: { email: `officer.7.${t}@iso.test` },
      include: { service: true },
    });
    expect(officer).toMatchObject({ jnc: true, tier: 4, seniority: "JUNIOR", weeklyCapacityHours: 10 });
    expect(officer.service?.name).toBe(`Service 7 ${t}`);

    // Every one of them changed at once (a new job title and a ward more): updates are batched too.
    const changed = rows.map((r, i): Record<string, string> =>
      i % 2 === 0 ? { ...r, wards: `${r.wards};Ward 99 ${t}` } : { ...r, job_title: "Senior Officer" },
    );
    const t3 = performance.now();
    const update = await handleImportApply(admin, csv(changed));
    const t4 = performance.now();
    console.log(`[bulk-import] 1,000 rows changed: preview and apply ${Math.round(t4 - t3)} ms`);
    expect(update.done!.counts).toMatchObject({ created: 0, updated: 1000, wards: 1 });
    expect(t4 - t3).toBeLessThan(10_000);
    expect(
      await prisma.user.count({
        where: { councilId: cid, jobTitle: "Senior Officer", email: { contains: `.${t}@` } },
      }),
    ).toBe(500);
    expect(await prisma.user.count({ where: { councilId: cid, wards: { some: { name: `Ward 99 ${t}` } } } })).toBe(
      500,
    );
  }, 60_000);
});
