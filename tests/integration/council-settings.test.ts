// Issue 15: a council's protocol settings, per council and versioned — on real PostgreSQL, through the settings form's
// handler and the information request form's. A change applies to new requests only; protocol rules cannot be changed;
// two administrators at once: one wins; anyone but the council's administrators gets not found.
import { describe, expect, it } from "vitest";
import { handleSaveSettings, loadSettingsPage, type SaveSettingsResult } from "@/lib/admin/settings";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { describeProtocol } from "@/lib/protocol/how-requests-work";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z"); // a Monday
let seq = 0;
const tag = () => `${process.pid}-${Date.now()}-${++seq}`;

type Iso = Awaited<ReturnType<typeof createIsolatedCouncil>>;

/** The settings form as the page sends it: the council, the version the administrator saw, a note, the values. */
function save(
  viewer: Viewer,
  settings: Record<string, string>,
  o: { note?: string; councilId?: string; expectedVersion?: number } = {},
): Promise<SaveSettingsResult> {
  return handleSaveSettings(
    viewer,
    {
      councilId: o.councilId ?? viewer.council.id,
      expectedVersion: String(o.expectedVersion ?? viewer.council.settingsVersion),
      note: o.note ?? "",
      ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [`setting.${k}`, v])),
    },
    NOW,
  );
}

const errorsOf = (out: SaveSettingsResult) => {
  expect("errors" in out).toBe(true);
  return "errors" in out ? out.errors : {};
};

/** A councillor's information request to the Place service (WIG: a general enquiry goes to the Director). */
async function ask(iso: Iso, viewer: Viewer) {
  const out = await submitInformationForm(
    viewer,
    {
      subject: `Road gritting routes ${tag()}`,
      details: "Which roads in North ward are on the priority gritting routes this winter?",
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      serviceId: iso.service.id,
      classification: "GENERAL_ENQUIRY",
    },
    `settings-${tag()}`,
    NOW,
  );
  expect(out.errors).toEqual({});
  return prisma.request.findUniqueOrThrow({ where: { id: out.id! } });
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

async function notFound(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("NOT_FOUND");
}

async function unchanged(iso: Iso, version = 0) {
  expect((await prisma.council.findUniqueOrThrow({ where: { id: iso.council.id } })).settingsVersion).toBe(
    version,
  );
  expect(await prisma.councilSettings.count({ where: { councilId: iso.council.id } })).toBe(version);
  expect(await prisma.adminEvent.count({ where: { councilId: iso.council.id, entity: "SETTINGS" } })).toBe(
    version,
  );
}

describe("protocol settings per council", () => {
  it("DEF-A1: the administrator sets the information target to 5 working days: a new request is due 5 working days out under settings version 1; a request made before keeps its due date and version 0", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const before = await ask(iso, iso.member);
    expect(day(before.dueDate)).toBe("2026-12-07"); // DEF-A1 default: 10 working days
    expect(before.settingsVersion).toBe(0);

    const out = await save(
      admin,
      { "information.targetWorkingDays": "5" },
      { note: "Agreed at Standards Committee, 1 November" },
    );
    expect(out).toEqual({ done: true, version: 1 });
    expect((await prisma.council.findUniqueOrThrow({ where: { id: iso.council.id } })).settingsVersion).toBe(1);
    const v1 = await prisma.councilSettings.findUniqueOrThrow({
      where: { councilId_version: { councilId: iso.council.id, version: 1 } },
    });
    expect(v1.values).toEqual({ "information.targetWorkingDays": 5 });
    expect(v1.note).toBe("Agreed at Standards Committee, 1 November");
    expect(v1.createdById).toBe(admin.id);
    const events = await prisma.adminEvent.findMany({ where: { councilId: iso.council.id, entity: "SETTINGS" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      action: "UPDATE",
      entityId: v1.id,
      before: { "information.targetWorkingDays": 10 },
      after: { "information.targetWorkingDays": 5 },
    });
    expect(events[0]!.summary).toContain("10 working days → 5 working days");

    // The councillor's next request (the viewer is loaded afresh on every request) is routed under version 1.
    const member = await iso.viewer(iso.ids.m1);
    expect(member.council.settingsVersion).toBe(1);
    expect(profileOf(member).information.targetWorkingDays).toEqual({
      value: 5,
      ruleId: "DEF-A1",
      isDefault: true,
    });
    const after = await ask(iso, member);
    expect(day(after.dueDate)).toBe("2026-11-30");
    expect(after.settingsVersion).toBe(1);
    expect(after.deciderId).toBe(iso.ids.director);

    // The request made before keeps its due date and the version it was routed under.
    const again = await prisma.request.findUniqueOrThrow({ where: { id: before.id } });
    expect(day(again.dueDate)).toBe("2026-12-07");
    expect(again.settingsVersion).toBe(0);
    expect(again.deciderId).toBe(before.deciderId);
  });

  it("WIG-A10, WIG-A13, DEF-A1, DEF-A3: protocol rules cannot be changed (a forged field is refused), values out of range are refused with messages, and nothing is saved", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);

    const forged = errorsOf(await save(admin, { "information.anotherMemberRule": "no" }));
    expect(forged["setting.information.anotherMemberRule"]).toMatch(/rule of the council's protocol \(WIG-A10\)/);
    const route = errorsOf(await save(admin, { "information.recipient": "TOWN_CLERK" }));
    expect(route["setting.information.recipient"]).toMatch(/\(WIG-A13\)/);

    for (const bad of ["0", "61", "5.5", "ten", "", "-3"]) {
      const out = await save(admin, { "information.targetWorkingDays": bad });
      expect(errorsOf(out)["setting.information.targetWorkingDays"]).toBe(
        "Enter a whole number of working days from 1 to 60 for ‘Target for answering an information request’ (DEF-A1)",
      );
      if ("values" in out) expect(out.values["setting.information.targetWorkingDays"]).toBe(bad); // kept
    }
    expect(errorsOf(await save(admin, { "information.thirdPartyJustification": "maybe" }))).toEqual({
      "setting.information.thirdPartyJustification":
        "Choose yes or no for ‘Justification for other people's personal information’ (DEF-A6)",
    });
    // A town council's review route is not a choice a principal council has.
    expect(errorsOf(await save(admin, { "information.reviewer": "COUNCIL_AGENDA" }))).toEqual({
      "setting.information.reviewer": "Choose one of the options for ‘Who reviews a refusal’ (DEF-A3)",
    });
    expect(errorsOf(await save(admin, { "information.noSuchThing": "5" })).form).toMatch(/does not have/);
    // A setting the app does not let a council change (it is part of the complaint routes) is refused too.
    expect(
      errorsOf(await save(admin, { "complaints.informalFirst": "no" }))["setting.complaints.informalFirst"],
    ).toBe("‘Informal resolution first’ cannot be changed here");
    // One bad field refuses the whole save, the good ones included.
    const mixed = errorsOf(
      await save(admin, { "information.targetWorkingDays": "5", "briefing.decisionWorkingDays": "99" }),
    );
    expect(Object.keys(mixed)).toEqual(["setting.briefing.decisionWorkingDays"]);
    // Saving the values already in force is not a change.
    expect(errorsOf(await save(admin, { "information.targetWorkingDays": "10" })).form).toMatch(
      /not changed any setting/,
    );
    const long = errorsOf(await save(admin, { "information.targetWorkingDays": "8" }, { note: "x".repeat(501) }));
    expect(long.note).toMatch(/500 characters or fewer/);
    await unchanged(iso);
    expect(profileOf(await iso.viewer(iso.ids.m1)).information.anotherMemberRule.value).toBe(true);
  });

  it("DEF-B9, DEF-A1: two administrators save at once: one wins, the other is told and must reload; the next version keeps the first one's change", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const second = await prisma.user.create({
      data: {
        councilId: iso.council.id,
        name: "Alex Second-Admin",
        email: `alex.second.${tag()}@iso.test`,
        passwordHash: "x",
        roles: ["OFFICER", "ADMIN"],
      },
    });
    const a = await iso.viewer(iso.ids.admin);
    const b = await iso.viewer(second.id);
    const outs = await Promise.all([
      save(a, { "information.targetWorkingDays": "7" }),
      save(b, { "briefing.decisionWorkingDays": "3" }),
    ]);
    const won = outs.filter((o) => "done" in o);
    const lost = outs.filter((o) => "errors" in o);
    expect(won).toEqual([{ done: true, version: 1 }]);
    expect(lost).toHaveLength(1);
    expect(errorsOf(lost[0]!).form).toMatch(/Another administrator saved the settings/);
    await unchanged(iso, 1);

    // The one who lost reloads (version 1) and saves again: version 2 carries both changes.
    const loser = "done" in outs[0]! ? b : a;
    const retry = await save(
      await iso.viewer(loser.id),
      loser === b ? { "briefing.decisionWorkingDays": "3" } : { "information.targetWorkingDays": "7" },
    );
    expect(retry).toEqual({ done: true, version: 2 });
    const v2 = await prisma.councilSettings.findUniqueOrThrow({
      where: { councilId_version: { councilId: iso.council.id, version: 2 } },
    });
    expect(v2.values).toEqual({ "information.targetWorkingDays": 7, "briefing.decisionWorkingDays": 3 });
    // A form opened before either save is stale: refused, nothing saved.
    expect(errorsOf(await save(a, { "complaints.stageWorkingDays": "12" }, { expectedVersion: 1 })).form).toMatch(
      /Another administrator/,
    );
    await unchanged(iso, 2);
    const p = profileOf(await iso.viewer(iso.ids.m1));
    expect([p.information.targetWorkingDays.value, p.briefing.decisionWorkingDays.value]).toEqual([7, 3]);
  });

  it("DEF-A1: another council's administrator and anyone who is not an administrator get not found; each council's settings are its own", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const otherAdmin = await other.viewer(other.ids.admin);
    // A form naming another council (forged or stale): not found, nothing changed there.
    await notFound(save(otherAdmin, { "information.targetWorkingDays": "5" }, { councilId: iso.council.id }));
    await notFound(save(otherAdmin, { "information.targetWorkingDays": "5" }, { councilId: "" }));
    for (const id of [iso.ids.m1, iso.ids.director, iso.ids.mo, iso.ids.ce]) {
      const v = await iso.viewer(id);
      expect(await loadSettingsPage(v)).toBeNull();
      await notFound(save(v, { "information.targetWorkingDays": "5" }));
    }
    await unchanged(iso);

    // The other council's own change is its own: this council still has the default, and sees none of its history.
    expect(await save(otherAdmin, { "information.targetWorkingDays": "15" })).toEqual({ done: true, version: 1 });
    const page = (await loadSettingsPage(await iso.viewer(iso.ids.admin)))!;
    expect(page.councilId).toBe(iso.council.id);
    expect(page.history).toEqual([]);
    const row = page.areas.flatMap((a) => a.rows).find((r) => r.path === "information.targetWorkingDays")!;
    expect(row.value).toBe("10 working days");
    const theirs = (await loadSettingsPage(await other.viewer(other.ids.admin)))!;
    expect(
      theirs.areas.flatMap((a) => a.rows).find((r) => r.path === "information.targetWorkingDays")!.value,
    ).toBe("15 working days");
    await unchanged(iso);
  });

  it("DEF-A1, DEF-A3, WIG-A13: the settings page and How requests work here show the settings in force, with their rules, and what changed in each version", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    expect(
      await save(
        admin,
        {
          "information.targetWorkingDays": "5",
          "information.reviewer": "DIRECTOR_OF_GOVERNANCE",
          "duties.correspondence.exceptionalReasons": "yes",
        },
        { note: "New member/officer protocol settings" },
      ),
    ).toEqual({ done: true, version: 1 });

    const page = (await loadSettingsPage(await iso.viewer(iso.ids.admin)))!;
    expect(page.version).toBe(1);
    const rows = new Map(page.areas.flatMap((a) => a.rows).map((r) => [r.path, r]));
    expect(rows.get("information.targetWorkingDays")).toMatchObject({
      value: "5 working days",
      defaultValue: "10 working days",
      origin: "DEFAULT",
      ruleId: "DEF-A1",
      changed: true,
      input: { kind: "number", min: 1, max: 60 },
    });
    expect(rows.get("information.recipient")).toMatchObject({
      origin: "PROTOCOL",
      ruleId: "WIG-A13",
      input: null,
      ruleTitle: expect.stringContaining("Lines of communication"),
      // Protocol rules are shown with their source clause in the council's protocol.
      ruleSource: expect.stringMatching(/^§\d/),
    });
    expect(rows.get("duties.correspondence.exceptionalReasons")).toMatchObject({
      origin: "SILENT",
      value: "Yes",
      defaultValue: "No",
    });
    expect(page.history).toEqual([
      {
        version: 1,
        at: expect.any(String),
        by: "Ash Admin",
        note: "New member/officer protocol settings",
        changes: expect.arrayContaining([
          {
            path: "information.targetWorkingDays",
            name: "Target for answering an information request",
            before: "10 working days",
            after: "5 working days",
          },
          {
            path: "information.reviewer",
            name: "Who reviews a refusal",
            before: "The Monitoring Officer",
            after: "The Director of Governance",
          },
        ]),
      },
    ]);

    // Anyone signed in reads the protocol as the app now enforces it.
    const member = await iso.viewer(iso.ids.m1);
    const how = describeProtocol(profileOf(member));
    const info = how.find((a) => a.key === "information")!;
    expect(info.lines).toContainEqual(
      expect.objectContaining({
        ruleId: "DEF-A1",
        origin: "COUNCIL",
        value: "5 working days",
        text: expect.stringContaining("due 5 working days after it is received"),
      }),
    );
    expect(info.lines).toContainEqual(
      expect.objectContaining({ ruleId: "DEF-A3", text: expect.stringContaining("the Director of Governance") }),
    );
    expect(info.lines).toContainEqual(expect.objectContaining({ ruleId: "WIG-A13", origin: "PROTOCOL" }));
    const duties = how.find((a) => a.key === "duties")!;
    // A setting the protocol is silent on, once the council sets it, is the council's own.
    expect(duties.lines).toContainEqual(
      expect.objectContaining({ ruleId: "COUNCIL", text: expect.stringContaining("needs written reasons") }),
    );
    expect(profileOf(member).duties.correspondence.exceptionalReasons).toEqual({
      value: true,
      ruleId: "COUNCIL",
      isDefault: true,
    });
    // The complaint routes are described from the profile too.
    expect(how.find((a) => a.key === "complaints")!.lines.map((l) => l.ruleId)).toContain("WIG-C3");
  });
});
