// Issue 15: the organisation kept by the council's administrator — party groups, wards, services and committees
// created, renamed, retired and reinstated through the form handler, each change audited (before → after); names
// unique within the council; bad input, other councils and non-administrators refused; retired items no longer
// offered in new forms while old records keep their names. Isolated councils only: demo data stays as seeded.
import { describe, expect, it } from "vitest";
import { listContactOfficers } from "@/lib/organisation/contacts";
import { councilDirectory } from "@/lib/people/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { handleWardNotice } from "@/lib/notices/form";
import {
  handleOrganisationAction,
  listOrganisation,
  organisationItem,
  organisationOverview,
  organisationSpecs,
} from "@/lib/organisation/admin";
import { RETIRE_EFFECT } from "@/lib/organisation/admin-schema";
import {
  councilCommittees,
  councilGroupsWithSpokespersons,
  councilServices,
  councilWardsWithMembers,
} from "@/lib/organisation/queries";
import { listRepresentations, loadRepresentationPage } from "@/lib/representations/queries";
import { handleLogRepresentation, newRepresentationSpec } from "@/lib/representations/service";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
const NOW = new Date();
let n = 0;
const tag = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

type Iso = Awaited<ReturnType<typeof createIsolatedCouncil>>;
const adminOf = (iso: Iso) => iso.viewer(iso.ids.admin);

type Out = Awaited<ReturnType<typeof handleOrganisationAction>>;
const errorsOf = (out: Out) => ("errors" in out ? out.errors : {});
function doneOf(out: Out) {
  if (!("done" in out)) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out;
}
const act = (viewer: Viewer, values: Record<string, string>) => handleOrganisationAction(viewer, values, NOW);
const lastEvent = (councilId: string, entityId: string) =>
  prisma.adminEvent.findFirstOrThrow({
    where: { councilId, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
const eventCount = (councilId: string) => prisma.adminEvent.count({ where: { councilId } });

const KINDS = [
  {
    entity: "GROUP",
    kind: "groups",
    create: { name: "Green Group", isAdministration: "no" },
    rename: { name: "Green and Independent Group", isAdministration: "yes" },
    row: (id: string) => prisma.partyGroup.findUniqueOrThrow({ where: { id } }),
  },
  {
    entity: "WARD",
    kind: "wards",
    create: { name: "East" },
    rename: { name: "East and Riverside" },
    row: (id: string) => prisma.ward.findUniqueOrThrow({ where: { id } }),
  },
  {
    entity: "SERVICE",
    kind: "services",
    create: { name: "Housing" },
    rename: { name: "Housing and Communities" },
    row: (id: string) => prisma.service.findUniqueOrThrow({ where: { id } }),
  },
  {
    entity: "COMMITTEE",
    kind: "committees",
    create: { name: "Licensing Committee", kind: "COMMITTEE", termsOfReference: "Licences." },
    rename: { name: "Licensing and Appeals Committee", kind: "PANEL", termsOfReference: "Licences and appeals." },
    row: (id: string) => prisma.committee.findUniqueOrThrow({ where: { id } }),
  },
] as const;

describe("the organisation, kept by the council's administrator", () => {
  it("creates, renames, retires (after confirming) and reinstates a party group, ward, service and committee, each change in the log with before → after", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await adminOf(iso);
    const councilId = iso.council.id;
    for (const k of KINDS) {
      const chair: Record<string, string> = k.entity === "COMMITTEE" ? { chairId: iso.ids.m1 } : {};
      const created = doneOf(
        await act(admin, { entity: k.entity, requestId: "new", action: "SAVE", ...k.create, ...chair }),
      );
      expect(created).toMatchObject({ done: "CREATED", kind: k.kind });
      const id = created.id;
      expect(await k.row(id)).toMatchObject({ councilId, name: k.create.name, retiredAt: null });
      const add = await lastEvent(councilId, id);
      expect(add).toMatchObject({ actorId: admin.id, entity: k.entity, action: "CREATE", before: null });
      expect(add.after).toMatchObject({ name: k.create.name, retiredAt: null });
      expect(add.summary).toContain(k.create.name);

      // Renamed (and, for a group and a committee, changed).
      const renamed = doneOf(
        await act(admin, { entity: k.entity, requestId: id, action: "SAVE", ...k.rename, ...chair }),
      );
      expect(renamed).toMatchObject({ done: "UPDATED", id });
      expect(await k.row(id)).toMatchObject({ name: k.rename.name });
      const change = await lastEvent(councilId, id);
      expect(change.action).toBe(k.entity === "WARD" || k.entity === "SERVICE" ? "RENAME" : "UPDATE");
      expect(change.before).toMatchObject({ name: k.create.name });
      expect(change.after).toMatchObject({ name: k.rename.name });
      expect(change.summary).toBe(
        `Renamed the ${k.kind === "groups" ? "party group" : k.kind.slice(0, -1)} “${k.create.name}” to “${k.rename.name}”`,
      );
      if (k.entity === "GROUP") {
        expect(change.before).toMatchObject({ isAdministration: false });
        expect(change.after).toMatchObject({ isAdministration: true });
      }
      if (k.entity === "COMMITTEE") {
        expect(await k.row(id)).toMatchObject({ kind: "PANEL", chairId: iso.ids.m1 });
        expect(change.after).toMatchObject({ kind: "PANEL", chairId: iso.ids.m1, chairName: "Mo Member" });
      }

      // Saved unchanged: nothing new in the log.
      const before = await eventCount(councilId);
      doneOf(await act(admin, { entity: k.entity, requestId: id, action: "SAVE", ...k.rename, ...chair }));
      expect(await eventCount(councilId)).toBe(before);

      // Retiring asks first, saying what happens; nothing changes until confirmed.
      const ask = await act(admin, { entity: k.entity, requestId: id, action: "RETIRE" });
      expect("confirm" in ask && ask.confirm).toContain(k.rename.name);
      expect("confirm" in ask && ask.confirm).toContain(RETIRE_EFFECT);
      expect((await k.row(id)).retiredAt).toBeNull();
      const retired = doneOf(
        await act(admin, { entity: k.entity, requestId: id, action: "RETIRE", confirmed: "yes" }),
      );
      expect(retired).toMatchObject({ done: "RETIRED", id });
      expect((await k.row(id)).retiredAt).toEqual(NOW);
      const retire = await lastEvent(councilId, id);
      expect(retire).toMatchObject({ action: "RETIRE", entity: k.entity });
      expect(retire.before).toMatchObject({ retiredAt: null });
      expect(retire.after).toMatchObject({ retiredAt: NOW.toISOString() });
      // Retired twice: refused, plainly.
      const again = await act(admin, { entity: k.entity, requestId: id, action: "RETIRE", confirmed: "yes" });
      expect(errorsOf(again).form).toMatch(/is already retired/);

      // The item's page offers to reinstate it; reinstated, it is in use again.
      const item = await organisationItem(admin, k.kind, id);
      expect(item?.retiredAt).toBe(NOW.toISOString());
      expect((await organisationSpecs(admin, k.kind, item)).map((s) => s.action)).toEqual(["SAVE", "REINSTATE"]);
      doneOf(await act(admin, { entity: k.entity, requestId: id, action: "REINSTATE" }));
      expect((await k.row(id)).retiredAt).toBeNull();
      const back = await lastEvent(councilId, id);
      expect(back).toMatchObject({ action: "REINSTATE" });
      expect(back.before).toMatchObject({ retiredAt: NOW.toISOString() });
      expect(back.after).toMatchObject({ retiredAt: null });
      const reinstateAgain = await act(admin, { entity: k.entity, requestId: id, action: "REINSTATE" });
      expect(errorsOf(reinstateAgain).form).toMatch(/is not retired/);
    }
    const overview = await organisationOverview(admin, NOW);
    expect(overview?.counts).toMatchObject({
      groups: { active: 3, retired: 0 },
      wards: { active: 3, retired: 0 },
      services: { active: 3, retired: 0 },
      committees: { active: 1, retired: 0 },
    });
  });

  it("renaming a service carries its spokespersons' portfolios along; the Chief Officer is shown read-only", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await adminOf(iso);
    await prisma.groupOffice.create({
      data: {
        councilId: iso.council.id,
        groupId: iso.red.id,
        userId: iso.ids.m1,
        kind: "SPOKESPERSON",
        portfolio: "Place",
      },
    });
    doneOf(
      await act(admin, {
        entity: "SERVICE",
        requestId: iso.service.id,
        action: "SAVE",
        name: "Place and Economy",
      }),
    );
    const office = await prisma.groupOffice.findFirstOrThrow({ where: { userId: iso.ids.m1 } });
    expect(office.portfolio).toBe("Place and Economy");
    expect((await lastEvent(iso.council.id, iso.service.id)).summary).toMatch(/spokesperson's portfolio/);
    const item = await organisationItem(admin, "services", iso.service.id);
    expect(item?.facts).toContainEqual({ key: "Chief Officer", value: "Dana Director, Director of Place" });
    // The form has no Chief Officer field: it is set on the person's page.
    const fields = (await organisationSpecs(admin, "services", item))[0]!.fields;
    expect(fields.some((f) => "name" in f && f.name === "chiefOfficerId")).toBe(false);
    // A Chief Officer submitted anyway is ignored.
    doneOf(
      await act(admin, {
        entity: "SERVICE",
        requestId: iso.service.id,
        action: "SAVE",
        name: "Place and Economy",
        chiefOfficerId: iso.ids.officer,
      }),
    );
    expect((await prisma.service.findUniqueOrThrow({ where: { id: iso.service.id } })).chiefOfficerId).toBe(
      iso.ids.director,
    );
  });

  it("refuses a name already used in the council whatever its case (retired ones included), with a clear message; another council may use it", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await adminOf(iso);
    const before = await eventCount(iso.council.id);
    const dup = await act(admin, { entity: "WARD", requestId: "new", action: "SAVE", name: "  north " });
    expect(errorsOf(dup).name).toBe("There is already a ward called “North”. Enter a different name.");
    expect("values" in dup && dup.values.name).toBe("  north ");
    // Renaming onto another's name.
    const onto = await act(admin, {
      entity: "GROUP",
      requestId: iso.blue.id,
      action: "SAVE",
      name: "RED GROUP",
      isAdministration: "no",
    });
    expect(errorsOf(onto).name).toBe("There is already a party group called “Red Group”. Enter a different name.");
    expect((await prisma.partyGroup.findUniqueOrThrow({ where: { id: iso.blue.id } })).name).toBe("Blue Group");
    // A retired one still holds its name: reinstate it instead.
    doneOf(await act(admin, { entity: "WARD", requestId: iso.south.id, action: "RETIRE", confirmed: "yes" }));
    const retiredDup = await act(admin, { entity: "WARD", requestId: "new", action: "SAVE", name: "South" });
    expect(errorsOf(retiredDup).name).toBe(
      "There is already a ward called “South” (retired: reinstate it instead). Enter a different name.",
    );
    expect(await prisma.ward.count({ where: { councilId: iso.council.id } })).toBe(2);
    expect(await eventCount(iso.council.id)).toBe(before + 1);
    // Two administrators adding the same name at once: one wins, the other is told.
    const racing = await Promise.all(
      ["Riverside", "RIVERSIDE"].map((name) =>
        act(admin, { entity: "WARD", requestId: "new", action: "SAVE", name }),
      ),
    );
    expect(racing.filter((o) => "done" in o)).toHaveLength(1);
    expect(racing.map((o) => errorsOf(o).name).filter(Boolean)[0]).toMatch(
      /^There is already a ward called “(Riverside|RIVERSIDE)”/,
    );
    // Changing only the case of its own name is a rename, not a clash.
    doneOf(await act(admin, { entity: "WARD", requestId: iso.north.id, action: "SAVE", name: "NORTH" }));
    // Another council has its own North.
    const other = await createIsolatedCouncil(prisma);
    const created = doneOf(
      await act(await adminOf(other), { entity: "WARD", requestId: "new", action: "SAVE", name: "Central" }),
    );
    doneOf(await act(admin, { entity: "WARD", requestId: "new", action: "SAVE", name: "Central" }));
    expect((await prisma.ward.findUniqueOrThrow({ where: { id: created.id } })).councilId).toBe(other.council.id);
  });

  it("refuses bad input — too long, blank, unknown kinds, forged ids, a Chair who is not a councillor of the council — changing nothing", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const admin = await adminOf(iso);
    const before = await eventCount(iso.council.id);
    const committees = () => prisma.committee.count({ where: { councilId: iso.council.id } });
    const base = { entity: "COMMITTEE", requestId: "new", action: "SAVE", kind: "COMMITTEE" };
    expect(errorsOf(await act(admin, { ...base, name: "x".repeat(121) })).name).toBe(
      "Enter 120 characters or fewer",
    );
    expect(errorsOf(await act(admin, { ...base, name: " \u200b " })).name).toBe("Enter the name of the committee");
    expect(errorsOf(await act(admin, { ...base, name: "Audit", kind: "SECRET" })).kind).toBe(
      "Choose what kind of body it is",
    );
    expect(
      errorsOf(await act(admin, { ...base, name: "Audit", termsOfReference: "t".repeat(5001) })).termsOfReference,
    ).toBe("Enter 5000 characters or fewer");
    const chair = "Choose the Chair from the list of councillors";
    expect(errorsOf(await act(admin, { ...base, name: "Audit", chairId: "x'; DROP TABLE" })).chairId).toBe(chair);
    // An officer, and another council's councillor, are not councillors of this council.
    expect(errorsOf(await act(admin, { ...base, name: "Audit", chairId: iso.ids.officer })).chairId).toBe(chair);
    expect(errorsOf(await act(admin, { ...base, name: "Audit", chairId: other.ids.m1 })).chairId).toBe(chair);
    expect(await committees()).toBe(0);
    // Forged ids and forms.
    expect(
      errorsOf(await act(admin, { entity: "WARD", requestId: "../../etc", action: "SAVE", name: "A" })).requestId,
    ).toBe("That item was not found");
    expect(
      errorsOf(await act(admin, { entity: "USER", requestId: "new", action: "SAVE", name: "A" })).entity,
    ).toBe("That form was not recognised");
    expect(
      errorsOf(await act(admin, { entity: "WARD", requestId: "new", action: "DELETE", name: "A" })).action,
    ).toBe("Choose what you want to do");
    expect(
      errorsOf(await act(admin, { entity: "WARD", requestId: "new", action: "RETIRE", confirmed: "yes" })).form,
    ).toBe("That ward was not found.");
    expect(
      errorsOf(await act(admin, { entity: "WARD", requestId: "cnotawardid0000", action: "SAVE", name: "A" })).form,
    ).toBe("That ward was not found.");
    // A ward's id sent as a service's: not found.
    expect(
      errorsOf(
        await act(admin, { entity: "SERVICE", requestId: iso.north.id, action: "RETIRE", confirmed: "yes" }),
      ).form,
    ).toBe("That service was not found.");
    expect(
      errorsOf(await act(admin, { entity: "GROUP", requestId: "new", action: "SAVE", name: "Gold" }))
        .isAdministration,
    ).toBe("Say whether the group is in the administration");
    expect(await eventCount(iso.council.id)).toBe(before);
    expect(await prisma.ward.count({ where: { councilId: iso.council.id } })).toBe(2);
  });

  it("an administrator of another council gets not found for this council's items, and changes nothing", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const intruder = await adminOf(other);
    const before = await eventCount(iso.council.id);
    const cases: [string, string, Record<string, string>][] = [
      ["WARD", iso.north.id, { action: "SAVE", name: "Hijacked" }],
      ["WARD", iso.north.id, { action: "RETIRE", confirmed: "yes" }],
      ["WARD", iso.north.id, { action: "RETIRE" }],
      ["GROUP", iso.red.id, { action: "SAVE", name: "Hijacked", isAdministration: "no" }],
      ["SERVICE", iso.service.id, { action: "RETIRE", confirmed: "yes" }],
    ];
    for (const [entity, id, v] of cases) {
      const out = await act(intruder, { entity, requestId: id, ...v });
      expect(errorsOf(out).form, `${entity} ${v.action}`).toMatch(
        /^That (ward|party group|service) was not found\.$/,
      );
    }
    expect(await organisationItem(intruder, "wards", iso.north.id)).toBeNull();
    expect(await organisationItem(intruder, "services", iso.service.id)).toBeNull();
    const theirs = await listOrganisation(intruder, "wards");
    expect(theirs?.rows.map((r) => r.id)).not.toContain(iso.north.id);
    expect(await prisma.ward.findUniqueOrThrow({ where: { id: iso.north.id } })).toMatchObject({
      name: "North",
      retiredAt: null,
    });
    expect((await prisma.service.findUniqueOrThrow({ where: { id: iso.service.id } })).retiredAt).toBeNull();
    expect(await eventCount(iso.council.id)).toBe(before);
    expect(await prisma.adminEvent.count({ where: { councilId: other.council.id, entityId: iso.north.id } })).toBe(
      0,
    );
  });

  it("anyone but an administrator gets not found — a councillor, an officer, a Chief Officer, the Monitoring Officer", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const before = await eventCount(iso.council.id);
    for (const id of [iso.ids.m1, iso.ids.officer, iso.ids.director, iso.ids.mo]) {
      const v = await iso.viewer(id);
      expect(
        errorsOf(await act(v, { entity: "WARD", requestId: "new", action: "SAVE", name: "Nowhere" })).form,
      ).toBe("That ward was not found.");
      expect(
        errorsOf(await act(v, { entity: "WARD", requestId: iso.north.id, action: "RETIRE", confirmed: "yes" }))
          .form,
      ).toBe("That ward was not found.");
      expect(await organisationOverview(v, NOW)).toBeNull();
      expect(await listOrganisation(v, "wards")).toBeNull();
      expect(await organisationItem(v, "wards", iso.north.id)).toBeNull();
      expect(await organisationSpecs(v, "wards", null)).toEqual([]);
    }
    expect(await prisma.ward.count({ where: { councilId: iso.council.id } })).toBe(2);
    expect((await prisma.ward.findUniqueOrThrow({ where: { id: iso.north.id } })).retiredAt).toBeNull();
    expect(await eventCount(iso.council.id)).toBe(before);
  });

  it("a retired service, ward, committee or group is no longer offered in new forms (and refused if sent), but an existing record still shows its name; filters of existing work keep it", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await adminOf(iso);
    const member = iso.member;
    const committee = doneOf(
      await act(admin, {
        entity: "COMMITTEE",
        requestId: "new",
        action: "SAVE",
        name: `Planning ${tag()}`,
        kind: "COMMITTEE",
      }),
    );
    const committeeName = (await prisma.committee.findUniqueOrThrow({ where: { id: committee.id } })).name;
    // A representation made to the committee about the service's work, logged while both are in use.
    const matter = `Quarry extension ${tag()}`;
    const logged = await handleLogRepresentation(
      member,
      {
        idempotencyKey: `org-${tag()}`,
        madeBy: "PUBLIC",
        madeByName: "Hill Residents",
        matter,
        text: "We object to the extension.",
        recipient: "COMMITTEE",
        committeeId: committee.id,
        serviceId: iso.service.id,
      },
      NOW,
    );
    expect(logged).toMatchObject({ done: "LOG_REPRESENTATION" });
    const repId = (logged as { id: string }).id;

    for (const [entity, id] of [
      ["COMMITTEE", committee.id],
      ["SERVICE", iso.service.id],
      ["WARD", iso.north.id],
      ["GROUP", iso.blue.id],
    ] as const)
      doneOf(await act(admin, { entity, requestId: id, action: "RETIRE", confirmed: "yes" }));

    // The option lists of new forms leave them out…
    expect((await councilCommittees(member)).map((c) => c.id)).not.toContain(committee.id);
    expect((await councilServices(member)).map((s) => s.id)).toEqual([iso.service2.id]);
    expect((await councilWardsWithMembers(member)).map((w) => w.id)).toEqual([iso.south.id]);
    expect((await councilGroupsWithSpokespersons(member)).map((g) => g.id)).toEqual([iso.red.id]);
    // …and so do the council directory and the contact officers' page.
    const directory = await councilDirectory(member);
    expect(directory.services.map((s) => s.id)).toEqual([iso.service2.id]);
    expect(directory.wards.map((w) => w.id)).toEqual([iso.south.id]);
    expect(directory.groups.map((g) => g.id)).toEqual([iso.red.id]);
    expect(directory.committees.map((c) => c.id)).not.toContain(committee.id);
    expect((await listContactOfficers(member)).map((s) => s.id)).toEqual([iso.service2.id]);
    // A councillor of a retired ward no longer counts as its ward member.
    expect((await iso.viewer(iso.ids.m1)).wards).toEqual([]);
    const spec = await newRepresentationSpec(member, "key-12345678");
    const options = (name: string) =>
      (
        spec!.fields.find((f) => "name" in f && f.name === name) as { options: { value: string }[] } | undefined
      )?.options.map((o) => o.value) ?? [];
    expect(options("committeeId")).not.toContain(committee.id);
    expect(options("serviceId")).not.toContain(iso.service.id);
    expect(options("serviceId")).toContain(iso.service2.id);
    // …and a retired one sent anyway is refused.
    const again = await handleLogRepresentation(
      member,
      {
        idempotencyKey: `org-${tag()}`,
        madeBy: "PUBLIC",
        madeByName: "Hill Residents",
        matter: `${matter} again`,
        text: "Again.",
        recipient: "COMMITTEE",
        committeeId: committee.id,
      },
      NOW,
    );
    expect("errors" in again && again.errors.committeeId).toMatch(/^Choose a Board or Committee from the list/);
    const inUse = doneOf(
      await act(admin, {
        entity: "COMMITTEE",
        requestId: "new",
        action: "SAVE",
        name: `Audit ${tag()}`,
        kind: "COMMITTEE",
      }),
    );
    const service = await handleLogRepresentation(
      member,
      {
        idempotencyKey: `org-${tag()}`,
        madeBy: "PUBLIC",
        madeByName: "Hill Residents",
        matter: `${matter} service`,
        text: "Again.",
        recipient: "COMMITTEE",
        committeeId: inUse.id,
        serviceId: iso.service.id,
      },
      NOW,
    );
    expect("errors" in service && service.errors.serviceId).toMatch(/^Choose a service from the list/);
    const officer = await iso.viewer(iso.ids.officer);
    const notice = await handleWardNotice(officer, {
      wardIds: [iso.north.id],
      type: "MATTER",
      title: `Road closure ${tag()}`,
      body: "The road is closed.",
    });
    expect(notice.errors.wardIds).toBe("Choose wards of your council");
    expect(
      await prisma.request.count({ where: { type: "REPRESENTATION", subject: { startsWith: `${matter} ` } } }),
    ).toBe(0);

    // The existing record keeps its committee's name, on its page and in the register.
    const page = await loadRepresentationPage(member, repId);
    expect(page.to).toBe(committeeName);
    const list = await listRepresentations(member, { list: "register", page: 1 });
    expect(list.rows.find((r) => r.id === repId)?.to).toBe(committeeName);
    // Filters of existing work keep the retired service; the administrator still lists and can reinstate it.
    expect((await councilServices(member, { includeRetired: true })).map((s) => s.id)).toContain(iso.service.id);
    expect((await listOrganisation(admin, "services"))?.rows.find((r) => r.id === iso.service.id)?.retiredAt).toBe(
      NOW.toISOString(),
    );
    // Reinstated, it is offered again.
    doneOf(await act(admin, { entity: "COMMITTEE", requestId: committee.id, action: "REINSTATE" }));
    expect((await councilCommittees(member)).map((c) => c.id)).toContain(committee.id);
  });
});
