// The handling side on real PostgreSQL: the queue (scope, filters, counts, keyset pages), assignment within a
// service, triage, the workload dashboard's scope and numbers, and confidential briefing notes.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actOnBriefing, fileBriefingRequest } from "@/lib/requests/briefings";
import { fileComplaintCase } from "@/lib/requests/complaints";
import { dashboardRows, loadDashboard } from "@/lib/requests/dashboard";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import {
  actOnInformationRequest,
  fileInformationRequest,
  previewInformationRequest,
  type InformationInput,
} from "@/lib/requests/information";
import { getRequestDetail } from "@/lib/requests/queries";
import { exportQueue, listQueue, QUEUE_PAGE_SIZE, type QueueFilters } from "@/lib/requests/queue";
import { createIsolatedCouncil, testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();

const info = (subject: string, serviceId: string | null, o: Partial<InformationInput> = {}): InformationInput => ({
  kind: "INFORMATION",
  subject,
  details: "Please send the figures.",
  serviceId,
  category: "GENERAL",
  thirdPartyData: false,
  councilRoleDeclared: true,
  concernsAnotherMember: false,
  concernedMemberIds: [],
  sharingAgreed: false,
  needToKnowGrounds: "",
  classification: "GENERAL_ENQUIRY",
  ...o,
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Every page of a queue, following the keyset cursor. */
async function allPages(viewer: Parameters<typeof listQueue>[0], f: QueueFilters, now: Date) {
  const ids: string[] = [];
  const dues: (string | null)[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const r = await listQueue(viewer, { ...f, after }, now);
    ids.push(...r.items.map((i) => i.id));
    dues.push(...r.items.map((i) => i.dueDate));
    expect(r.items.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
    after = r.next;
    pages++;
  } while (after && pages < 20);
  return { ids, dues, pages };
}

describe("the handling queue", () => {
  it("a Chief Officer's queue holds exactly their service's requests, in keyset pages with no gaps or repeats, with counts per status", async () => {
    const iso = await createIsolatedCouncil(prisma);
    // 30 requests for Place over six weeks (so due dates differ and repeat), 3 for Children's Services.
    const start = new Date("2027-01-04T09:00:00Z").getTime();
    for (let i = 0; i < 30; i++)
      await fileInformationRequest(iso.member, info(`Place question ${i}`, iso.service.id), {
        now: new Date(start + Math.floor(i / 3) * 86_400_000 * 3),
      });
    for (let i = 0; i < 3; i++)
      await fileInformationRequest(iso.member, info(`Children question ${i}`, iso.service2.id), {
        now: new Date(start),
      });
    const now = new Date("2027-01-05T12:00:00Z");
    const director = await iso.viewer(iso.ids.director);

    const first = await listQueue(director, {}, now);
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.counts).toEqual([{ status: "SUBMITTED", label: "With the decider", count: 30 }]);
    expect(
      first.items.every((i) => i.service === "Place" && i.from === "Mo Member" && i.group === "Red Group"),
    ).toBe(true);

    const byDue = await allPages(director, {}, now);
    expect(byDue.pages).toBe(2);
    expect(new Set(byDue.ids).size).toBe(30);
    expect([...byDue.dues].sort()).toEqual(byDue.dues); // soonest first
    for (const sort of ["newest", "oldest", "updated"] as const) {
      const r = await allPages(director, { sort }, now);
      expect(new Set(r.ids).size, sort).toBe(30);
    }
    // A cursor that is not ours is ignored rather than failing.
    expect((await listQueue(director, { after: "not-a-cursor" }, now)).items).toHaveLength(QUEUE_PAGE_SIZE);

    // The other Director sees only theirs; the member who filed them handles none; the export has all 30.
    expect((await listQueue(await iso.viewer(iso.ids.director2), {}, now)).total).toBe(3);
    expect((await listQueue(iso.member, {}, now)).total).toBe(0);
    let exported = 0;
    for await (const batch of exportQueue(director, {}, now)) exported += batch.length;
    expect(exported).toBe(30);
  });

  it("filters: assignee, overdue, due this week, party group, ward, service, type and text", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const filedAt = new Date("2027-02-01T09:00:00Z");
    const a = await fileInformationRequest(
      iso.member,
      info("Potholes on North Road", iso.service.id, { wardId: iso.north.id } as Partial<InformationInput>),
      { now: filedAt },
    );
    const b = await fileInformationRequest(
      await iso.viewer(iso.ids.m2),
      info("Parks in the south", iso.service.id),
      { now: new Date("2027-02-15T09:00:00Z") },
    );
    const director = await iso.viewer(iso.ids.director);
    await actOnInformationRequest(
      director,
      a.id,
      { type: "ALLOCATE", officerId: iso.ids.officer, officerServiceId: null },
      filedAt,
    );
    const now = new Date("2027-02-16T09:00:00Z"); // a is due 15 Feb (overdue); b is due 1 March
    const ids = async (f: QueueFilters, v = director) =>
      (await listQueue(v, f, now)).items.map((i) => i.id).sort();
    expect(await ids({ assignee: "unassigned" })).toEqual([b.id]);
    expect(await ids({ assignee: iso.ids.officer })).toEqual([a.id]);
    expect(await ids({ assignee: "me" }, await iso.viewer(iso.ids.officer))).toEqual([a.id]);
    expect(await ids({ due: "overdue" })).toEqual([a.id]);
    expect((await listQueue(director, { due: "overdue" }, now)).items[0]!.overdue).toBe(true);
    expect(await ids({ due: "week" })).toEqual([]);
    expect(await ids({ groupId: iso.blue.id })).toEqual([b.id]);
    expect(await ids({ wardId: iso.north.id })).toEqual([a.id]);
    expect(await ids({ serviceId: iso.service2.id })).toEqual([]);
    expect(await ids({ type: "COMPLAINT" })).toEqual([]);
    expect(await ids({ q: "potholes" })).toEqual([a.id]);
    expect(await ids({ q: b.reference })).toEqual([b.id]);
    // Another council's Director never sees them, whatever the filters.
    const wigan = await viewerByEmail(prisma, "rebecca.shaw@wigan.example");
    expect(
      (await listQueue(wigan, { status: "all", q: "Potholes on North Road" }, now)).items.map((i) => i.id),
    ).not.toContain(a.id);
  });

  it("DEF-A12: assigning within the service (the assigned officer becomes a handler who may see it) — another service's officer is refused, a reassignment is recorded and each officer is told", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const now = new Date("2027-03-01T09:00:00Z");
    const r = await fileInformationRequest(iso.member, info("Gritting routes", iso.service.id), { now });
    const director = await iso.viewer(iso.ids.director);
    const e = await errorOf(
      actOnInformationRequest(
        director,
        r.id,
        { type: "ALLOCATE", officerId: iso.ids.outsider, officerServiceId: null },
        now,
      ),
    );
    expect(e.fields.officerId).toBe("Choose an officer of the service answering this request");
    // A member cannot direct officers' work (the protocol's rule ID is on the refusal).
    const m = await errorOf(
      actOnInformationRequest(
        iso.member,
        r.id,
        { type: "ALLOCATE", officerId: iso.ids.officer, officerServiceId: null },
        now,
      ),
    );
    expect(m.ruleId).toBeTruthy();
    await actOnInformationRequest(
      director,
      r.id,
      { type: "ALLOCATE", officerId: iso.ids.officer, officerServiceId: null },
      now,
    );
    await actOnInformationRequest(
      director,
      r.id,
      { type: "ALLOCATE", officerId: iso.ids.officer2, officerServiceId: null },
      now,
    );
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.allocatedToId).toBe(iso.ids.officer2);
    expect(row.deciderId).toBe(iso.ids.director); // the Chief Officer still decides
    expect(await prisma.auditEvent.count({ where: { requestId: r.id, action: "ALLOCATE" } })).toBe(2);
    for (const o of [iso.ids.officer, iso.ids.officer2])
      expect(await prisma.notification.count({ where: { requestId: r.id, userId: o, kind: "ALLOCATE" } })).toBe(1);
    const detail = await getRequestDetail(await iso.viewer(iso.ids.officer2), r.id);
    expect(detail.assignee).toBe("Pat Planner");
    // Through the server action: no officer chosen is a field error on the page.
    const out = await handleRequestAction(director, { requestId: r.id, action: "ALLOCATE", officerId: "" }, now);
    expect(out).toEqual({
      errors: { officerId: "Choose the officer to assign the request to" },
      values: { requestId: r.id, action: "ALLOCATE", officerId: "" },
    });
  });

  it("DEF-A4: a request with no service waits in member services' queue; they send it to the right Chief Officer", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const now = new Date("2027-03-01T09:00:00Z");
    const r = await fileInformationRequest(iso.member, info("Who do I ask about this?", null), { now });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("TRIAGE");
    const mo = await iso.viewer(iso.ids.admin);
    const q = await listQueue(mo, {}, now);
    expect(q.items.map((i) => i.id)).toContain(r.id);
    expect(await handleRequestAction(mo, { requestId: r.id, action: "TRIAGE", serviceId: "" }, now)).toMatchObject(
      { errors: { serviceId: "Choose the service that should answer the request" } },
    );
    expect(
      await handleRequestAction(mo, { requestId: r.id, action: "TRIAGE", serviceId: iso.service2.id }, now),
    ).toEqual({ done: "TRIAGE", requestId: r.id });
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect([row.status, row.deciderId, row.serviceId]).toEqual(["SUBMITTED", iso.ids.director2, iso.service2.id]);
    expect((await listQueue(await iso.viewer(iso.ids.director2), {}, now)).items.map((i) => i.id)).toContain(r.id);
  });

  it("DEF-A4: a request for a service with no Chief Officer set up waits with member services, never with no one; they send it on once the administrator sets one", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const now = new Date("2027-03-01T09:00:00Z");
    const leisure = await prisma.service.create({ data: { councilId: iso.council.id, name: "Leisure" } });
    const preview = await previewInformationRequest(iso.member, info("Pool opening hours", leisure.id), now);
    expect(preview.triage).toBe(true);
    expect(preview.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/service has no Chief Officer set up/),
    ]);
    const r = await fileInformationRequest(iso.member, info("Pool opening hours", leisure.id), { now });
    const filed = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect([filed.status, filed.deciderId, filed.serviceId]).toEqual(["TRIAGE", null, leisure.id]);
    const admin = await iso.viewer(iso.ids.admin);
    expect((await listQueue(admin, {}, now)).items.map((i) => i.id)).toContain(r.id);
    // Sending it to the same service is refused until the service has a Chief Officer: the message says how.
    expect(
      await handleRequestAction(admin, { requestId: r.id, action: "TRIAGE", serviceId: leisure.id }, now),
    ).toMatchObject({
      errors: { serviceId: expect.stringMatching(/no Chief Officer set up: the council's administrator/) },
    });
    await prisma.service.update({ where: { id: leisure.id }, data: { chiefOfficerId: iso.ids.director } });
    expect(
      await handleRequestAction(admin, { requestId: r.id, action: "TRIAGE", serviceId: leisure.id }, now),
    ).toEqual({ done: "TRIAGE", requestId: r.id });
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect([row.status, row.deciderId]).toEqual(["SUBMITTED", iso.ids.director]);
  });
});

describe("the workload dashboard", () => {
  it("counts open requests by officer, type, status, age and week in the viewer's scope — never a request the same person would get not found for", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const now = new Date();
    const r1 = await fileInformationRequest(iso.member, info("One", iso.service.id), { now });
    await fileInformationRequest(iso.member, info("Two", iso.service.id), { now });
    await fileInformationRequest(iso.member, info("Three", iso.service2.id), { now });
    await actOnInformationRequest(
      await iso.viewer(iso.ids.director),
      r1.id,
      { type: "ALLOCATE", officerId: iso.ids.officer, officerServiceId: null },
      now,
    );

    const director = await iso.viewer(iso.ids.director);
    const mine = await loadDashboard(director, {}, now);
    expect(mine.open).toBe(2);
    expect(mine.overdue).toBe(0);
    expect(mine.byOfficer.map((o) => [o.label.split(",")[0], o.value])).toEqual([
      ["Dana Director", 1],
      ["Olive Officer", 1],
    ]);
    expect(mine.byType).toEqual([{ key: "INFORMATION", label: "Information request", value: 2 }]);
    expect(mine.byStatus).toEqual([{ key: "SUBMITTED", label: "With the decider", value: 2 }]);
    expect(mine.ageing.map((a) => a.value)).toEqual([2, 0, 0, 0]);
    expect(mine.perWeek).toHaveLength(12);
    expect(mine.perWeek.at(-1)!.value).toBe(2);
    expect(mine.perWeek.slice(0, 11).every((w) => w.value === 0)).toBe(true);
    expect((await loadDashboard(await iso.viewer(iso.ids.director2), {}, now)).open).toBe(1);

    // The Chief Executive's council-wide dashboard counts and lists only what the Chief Executive may see: these
    // individual members' requests (CWC-A13 / DEF-A12) are not theirs, so they are not counted and not in the CSV.
    const ce = await iso.viewer(iso.ids.ce);
    expect((await loadDashboard(ce, {}, now)).open).toBe(0);
    let listed = 0;
    for await (const batch of dashboardRows(ce, {}, now)) listed += batch.length;
    expect(listed).toBe(0);
  });

  it("WIG-C3: a complaint about the Chief Executive is not counted on the Chief Executive's dashboard, even as a number", async () => {
    const member = await viewerByEmail(prisma, "naomi.ward@wigan.example");
    const ceUser = await prisma.user.findUniqueOrThrow({ where: { email: "alison.kerr@wigan.example" } });
    const complaint = await fileComplaintCase(
      member,
      {
        subjectUserId: ceUser.id,
        summary: "Dashboard scope test",
        details: "x",
        codeOfConduct: false,
        grievance: false,
      },
      { now: new Date() },
    );
    // A complaint about a Director goes to the Chief Executive (WIG-C2): that one the Chief Executive does count.
    const director = await prisma.user.findUniqueOrThrow({ where: { email: "rebecca.shaw@wigan.example" } });
    const other = await fileComplaintCase(
      member,
      {
        subjectUserId: director.id,
        summary: "Dashboard scope other",
        details: "x",
        codeOfConduct: false,
        grievance: false,
      },
      { now: new Date() },
    );
    const ce = await viewerByEmail(prisma, "alison.kerr@wigan.example");
    const listed: string[] = [];
    for await (const batch of dashboardRows(ce, {}, new Date())) listed.push(...batch.map((r) => r.id));
    expect(listed).not.toContain(complaint.id);
    expect(listed).toContain(other.id);
  });
});

describe("briefing notes", () => {
  it("CWC-B6 / DEF-B6: notes of a held briefing are seen by the requesting group and not found by another group", async () => {
    const NOW = new Date("2026-11-23T10:00:00Z");
    const lab = await prisma.partyGroup.findFirstOrThrow({
      where: { name: "Labour Group", council: { slug: "cheshire-west" } },
    });
    const leader = await viewerByEmail(prisma, "louise.barraclough@cheshire-west.example");
    const place = await prisma.service.findFirstOrThrow({
      where: { name: "Place Operations", council: { slug: "cheshire-west" } },
    });
    const b = await fileBriefingRequest(
      leader,
      {
        kind: "GROUP",
        groupIds: [lab.id],
        subjectKey: `notes-${Date.now()}`,
        subject: "Bus lanes",
        councilBusiness: "Cabinet decision on bus lanes",
        committeeId: null,
        serviceId: place.id,
        meetingDate: "2026-12-14",
        onePartyMeeting: false,
      },
      { now: NOW },
    );
    const ce = await viewerByEmail(prisma, "victor.hale@cheshire-west.example");
    await actOnBriefing(ce, b.id, { type: "ACCEPT" }, NOW);
    const q = await listQueue(ce, { status: "all", q: b.reference }, NOW);
    expect(q.items.map((i) => i.id)).toEqual([b.id]);
    await actOnBriefing(ce, b.id, { type: "COMPLETE", minutesSpent: 45, leftBeforeDecision: true }, NOW, {
      notes: "Options A and B discussed; officers left before the group decided.",
    });
    const seen = await getRequestDetail(await viewerByEmail(prisma, "yasmin.clarke@cheshire-west.example"), b.id);
    expect(seen.messages.map((m) => [m.kind, m.marking])).toEqual([["BRIEFING_NOTES", "CONFIDENTIAL"]]);
    const e = await errorOf(
      getRequestDetail(await viewerByEmail(prisma, "simon.greatorex@cheshire-west.example"), b.id),
    );
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("ward notices and agenda items (server-action handlers)", () => {
  it("WIG-A7 / CWC-A11: a ward notice reaches every councillor for the chosen wards and nobody else; bad input is explained and kept", async () => {
    const { handleWardNotice } = await import("@/lib/notices/form");
    const iso = await createIsolatedCouncil(prisma);
    const officer = await iso.viewer(iso.ids.officer);
    const empty = await handleWardNotice(officer, {
      wardIds: [],
      type: "",
      title: "",
      body: "Typed text",
    });
    expect(empty.errors).toEqual({
      wardIds: "Choose at least one ward",
      type: "Choose what kind of notice it is",
      title: "Enter a title",
    });
    expect(empty.values.body).toBe("Typed text");
    const foreign = await handleWardNotice(officer, {
      wardIds: [(await prisma.ward.findFirstOrThrow({ where: { council: { slug: "wigan" } } })).id],
      type: "MATTER",
      title: "x",
      body: "y",
    });
    expect(foreign.errors.wardIds).toBe("Choose wards of your council");
    const ok = await handleWardNotice(officer, {
      wardIds: [iso.north.id],
      type: "PUBLIC_MEETING_INVITATION",
      title: "Public meeting on the North Road scheme",
      body: "Thursday 7pm at the library.",
    });
    expect(ok.sent).toBe(1);
    expect(
      await prisma.notification.count({ where: { userId: iso.ids.m1, kind: "WARD_PUBLIC_MEETING_INVITATION" } }),
    ).toBe(1);
    expect(await prisma.notification.count({ where: { userId: iso.ids.m2, kind: { startsWith: "WARD_" } } })).toBe(
      0,
    );
    // A member cannot send one.
    const member = await handleWardNotice(iso.member, {
      wardIds: [iso.north.id],
      type: "MATTER",
      title: "x",
      body: "y",
    });
    expect(member.errors.form).toMatch(/sent by officers/);
  });

  it("DEF-D4 / HTC-D8: the Town Clerk moves an agenda item to another meeting and adds advice; a meeting of another council is refused", async () => {
    const { fileAgendaItem } = await import("@/lib/requests/town-council");
    const member = await viewerByEmail(prisma, "bridget.fenn@halstead.example");
    const clerk = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    const now = new Date();
    const item = await fileAgendaItem(
      member,
      { title: `Bus shelter ${Date.now()}`, details: "A shelter on Market Hill." },
      { now },
    );
    expect(item.meeting).not.toBeNull();
    const later = await prisma.meeting.findFirstOrThrow({
      where: { councilId: clerk.council.id, date: { gt: new Date(`${item.meeting!.date}T00:00:00Z`) } },
      orderBy: { date: "asc" },
    });
    expect(
      await handleRequestAction(clerk, { requestId: item.id, action: "ASSIGN_MEETING", meetingId: "" }, now),
    ).toMatchObject({ errors: { meetingId: "Choose the meeting" } });
    const other = await prisma.meeting.create({
      data: {
        councilId: (await prisma.council.findUniqueOrThrow({ where: { slug: "wigan" } })).id,
        title: "Wigan Cabinet",
        date: later.date,
      },
    });
    expect(
      await handleRequestAction(clerk, { requestId: item.id, action: "ASSIGN_MEETING", meetingId: other.id }, now),
    ).toMatchObject({ errors: { meetingId: "Choose one of the council's meetings" } });
    expect(
      await handleRequestAction(clerk, { requestId: item.id, action: "ASSIGN_MEETING", meetingId: later.id }, now),
    ).toEqual({ done: "ASSIGN_MEETING", requestId: item.id });
    expect(
      ((await prisma.request.findUniqueOrThrow({ where: { id: item.id } })).data as { meetingId: string })
        .meetingId,
    ).toBe(later.id);
    expect(
      await handleRequestAction(
        clerk,
        { requestId: item.id, action: "ADD_ADVICE", advice: "Needs a costed proposal under Standing Order 9." },
        now,
      ),
    ).toEqual({ done: "ADD_ADVICE", requestId: item.id });
    const n = await prisma.notification.findFirstOrThrow({
      where: { requestId: item.id, userId: member.id, kind: "ASSIGN_MEETING" },
    });
    expect(n.title).toContain("listed for");
    // Only the Town Clerk lists items.
    expect(
      await handleRequestAction(
        member,
        { requestId: item.id, action: "ASSIGN_MEETING", meetingId: later.id },
        now,
      ),
    ).toMatchObject({ errors: { form: expect.stringContaining("DEF-D4") } });
  });
});

describe("request page errors", () => {
  it("HAL-C1: escalating from the informal stage without reasons shows the rule against the reasons field the member typed in", async () => {
    const member = await viewerByEmail(prisma, "helen.tranter@halton.example");
    const officer = await prisma.user.findUniqueOrThrow({ where: { email: "ben.lowry@halton.example" } });
    const c = await fileComplaintCase(
      member,
      { subjectUserId: officer.id, summary: "Alias test", details: "x", codeOfConduct: false, grievance: false },
      { now: new Date() },
    );
    const out = await handleRequestAction(
      member,
      { requestId: c.id, action: "ESCALATE", reasons: "" },
      new Date(),
    );
    expect(out).toMatchObject({ errors: { reasons: expect.stringContaining("(HAL-C1)") } });
    expect(Object.keys((out as { errors: object }).errors)).toEqual(["reasons"]);
  });
});
