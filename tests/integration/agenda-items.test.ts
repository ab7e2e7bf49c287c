// Agenda routes (RULES.md §3.E: HAL-E4, WIG-E7, WIG-E11; DEF-A2, DEF-D4) through the form handlers the server actions
// call, on real PostgreSQL with the demo councils. An item is on a meeting's agenda when it is LISTED with that meeting
// — what the agenda pack (lib/meetings/agendas.ts) reads.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { loadAgendaItemPage, newAgendaItemForm } from "@/lib/agenda-items/page";
import {
  handleAgendaItemAction,
  handleCallForReport,
  handleNewAgendaItem,
  handleProposeMemberItem,
  handleRecordImplementationFailure,
} from "@/lib/agenda-items/service";
import { loadAgendaPack } from "@/lib/meetings/agendas";
import { handleCancelMeeting, handleChangeMeeting } from "@/lib/meetings/changes";
import { nextOpenMeeting } from "@/lib/meetings/next";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date();
const DAY = 86_400_000;
let seq = 0;
const tag = () => `${process.pid}-${Date.now()}-${++seq}`;
const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const serviceId = async (council: string, name: string) =>
  (await prisma.service.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const committee = async (council: string, name: string) =>
  prisma.committee.findFirstOrThrow({ where: { name, council: { slug: council } } });
const request = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });
const day = (offset: number) =>
  new Date(`${new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

const key = () => `agenda-${tag()}`;
/** The handler's outcome is a success; returns the record's id. */
function ok(out: unknown): string {
  expect(out).toMatchObject({ done: expect.any(String) });
  const o = out as { id?: string; requestId?: string };
  return (o.id ?? o.requestId)!;
}
/** The handler refused, naming the rule on the field (or the form). */
function refusedWith(out: unknown, rule: string, field = "form") {
  expect(out, `expected a refusal citing ${rule}`).toHaveProperty("errors");
  expect((out as { errors: Record<string, string> }).errors[field]).toMatch(new RegExp(`\\(${rule}\\)$`));
}
const step = async (email: string, requestId: string, action: string, values: Record<string, string> = {}) =>
  handleAgendaItemAction(await as(email), { requestId, action, confirmed: "yes", ...values }, NOW);
async function itemPage(email: string, id: string) {
  try {
    return await loadAgendaItemPage(await as(email), id, NOW);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}
const onAgenda = async (email: string, meetingId: string, id: string) =>
  (await loadAgendaPack(await as(email), meetingId)).items.some((i) => i.id === id);

describe("Halton: a member's agenda item", () => {
  /** A Board of its own with two meetings ahead, so that publishing one touches no other test's agenda. */
  async function board() {
    const council = await prisma.council.findUniqueOrThrow({ where: { slug: "halton" } });
    const b = await prisma.committee.create({
      data: {
        councilId: council.id,
        name: `Test Board ${tag()}`,
        kind: "BOARD",
        chairId: await userId("sandra.kettle@halton.example"),
      },
    });
    const first = await prisma.meeting.create({
      data: { councilId: council.id, committeeId: b.id, title: b.name, date: day(20) },
    });
    const second = await prisma.meeting.create({
      data: { councilId: council.id, committeeId: b.id, title: b.name, date: day(50) },
    });
    return { board: b, first, second };
  }
  const propose = async (boardId: string, values: Record<string, string> = {}) =>
    handleProposeMemberItem(
      await as("marcus.okafor@halton.example"),
      {
        idempotencyKey: key(),
        committeeId: boardId,
        serviceId: await serviceId("halton", "Adult Social Care"),
        title: `Day centre transport ${tag()}`,
        details: "The transport contract ends in the spring; the Board should consider the options.",
        ...values,
      },
      NOW,
    );

  it("HAL-E4: discussed with the Chief Officer but not yet agreed by the Chair, it is not on the agenda; once the Chair agrees, it is; after publication, new items are refused", async () => {
    const { board: b, first, second } = await board();
    const id = ok(await propose(b.id));
    let row = await request(id);
    expect(row).toMatchObject({
      type: "AGENDA_ITEM",
      kind: "MEMBER_ITEM",
      status: "WITH_CHIEF_OFFICER",
      deciderId: await userId("gillian.marsh@halton.example"),
      committeeId: b.id,
      meetingId: null,
    });
    // The meeting defaults to the Board's next open meeting.
    expect((row.data as { requestedMeetingId: string }).requestedMeetingId).toBe(first.id);
    expect(await prisma.notification.count({ where: { requestId: id, userId: row.deciderId! } })).toBe(1);
    // The Chair cannot agree before the Chief Officer has discussed it; another member cannot see it at all.
    refusedWith(await step("sandra.kettle@halton.example", id, "AGREE"), "HAL-E4");
    expect(await itemPage("helen.tranter@halton.example", id)).toBeNull();
    expect(await itemPage("owen.pritchard@halton.example", id)).toBeNull();
    // The Chief Officer records the discussion; then it is with the Chair.
    expect((await itemPage("gillian.marsh@halton.example", id))?.specs.map((s) => s.action)).toEqual([
      "RECORD_DISCUSSION",
    ]);
    refusedWith(await step("gillian.marsh@halton.example", id, "RECORD_DISCUSSION"), "HAL-E4", "discussion");
    ok(
      await step("gillian.marsh@halton.example", id, "RECORD_DISCUSSION", {
        discussion: "Discussed with Cllr Okafor: a report on the options can be ready for the first meeting.",
      }),
    );
    row = await request(id);
    expect(row.status).toBe("WITH_CHAIR");
    expect(row.deciderId).toBe(await userId("sandra.kettle@halton.example"));
    // Commented on by the Chief Officer, not agreed by the Chair: not on the agenda.
    expect(row.meetingId).toBeNull();
    expect(await onAgenda("marcus.okafor@halton.example", first.id, id)).toBe(false);
    expect(await onAgenda("sandra.kettle@halton.example", first.id, id)).toBe(false);
    // Only the Chair's agreement places it: the Chief Officer has no such step.
    refusedWith(await step("gillian.marsh@halton.example", id, "AGREE"), "HAL-E4");
    expect((await itemPage("sandra.kettle@halton.example", id))?.specs.map((s) => s.action)).toEqual([
      "AGREE",
      "NOT_AGREE",
    ]);
    ok(await step("sandra.kettle@halton.example", id, "AGREE"));
    row = await request(id);
    expect(row).toMatchObject({ status: "LISTED", meetingId: first.id });
    expect(await onAgenda("marcus.okafor@halton.example", first.id, id)).toBe(true);
    // On the agenda, it is public agenda business: every member sees it (the summary).
    expect(await onAgenda("helen.tranter@halton.example", first.id, id)).toBe(true);
    expect((await itemPage("helen.tranter@halton.example", id))?.detail.details).toBeNull();
    const audit = await prisma.auditEvent.findMany({ where: { requestId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.ruleId])).toEqual([
      ["FILED", "HAL-E4"],
      ["RECORD_DISCUSSION", "HAL-E4"],
      ["AGREE", "HAL-E4"],
    ]);

    // An item waiting for the Chair when the agenda is published cannot be placed on it.
    const waiting = ok(await propose(b.id));
    ok(await step("gillian.marsh@halton.example", waiting, "RECORD_DISCUSSION", { discussion: "Discussed." }));
    await prisma.meeting.update({ where: { id: first.id }, data: { publishedAt: NOW } });
    refusedWith(await step("sandra.kettle@halton.example", waiting, "AGREE"), "HAL-E4", "meetingId");
    expect((await request(waiting)).status).toBe("WITH_CHAIR");
    expect(await onAgenda("marcus.okafor@halton.example", first.id, waiting)).toBe(false);
    // After publication a new item for that meeting is refused; by default it goes to the next open meeting.
    const before = await prisma.request.count({ where: { committeeId: b.id } });
    refusedWith(await propose(b.id, { meetingId: first.id }), "HAL-E4", "meetingId");
    expect(await prisma.request.count({ where: { committeeId: b.id } })).toBe(before);
    const next = ok(await propose(b.id));
    expect(((await request(next)).data as { requestedMeetingId: string }).requestedMeetingId).toBe(second.id);
    // The Chair may agree the waiting item for the next open meeting.
    ok(await step("sandra.kettle@halton.example", waiting, "AGREE", { meetingId: second.id }));
    expect(await request(waiting)).toMatchObject({ status: "LISTED", meetingId: second.id });
  });

  it("HAL-E4, DEF-A2: the Chair may not agree an item, with reasons shown to the member; only the proposer withdraws", async () => {
    const { board: b } = await board();
    const id = ok(await propose(b.id));
    refusedWith(await step("sandra.kettle@halton.example", id, "WITHDRAW"), "HAL-E4");
    ok(await step("gillian.marsh@halton.example", id, "RECORD_DISCUSSION", { discussion: "Discussed." }));
    refusedWith(
      await step("sandra.kettle@halton.example", id, "NOT_AGREE", { reasons: " " }),
      "DEF-A2",
      "reasons",
    );
    ok(
      await step("sandra.kettle@halton.example", id, "NOT_AGREE", {
        reasons: "The Board considered transport in September; it returns in the new year.",
      }),
    );
    expect(await request(id)).toMatchObject({ status: "NOT_AGREED", meetingId: null });
    const p = await itemPage("marcus.okafor@halton.example", id);
    expect(p?.detail.timeline.find((t) => t.action === "NOT_AGREE")?.reasons).toContain("September");
    expect(
      await prisma.notification.count({
        where: { requestId: id, userId: await userId("marcus.okafor@halton.example"), kind: "AGENDA_NOT_AGREE" },
      }),
    ).toBe(1);
    // A second item withdrawn by its proposer (with confirmation first).
    const other = ok(await propose(b.id));
    const ask = await handleAgendaItemAction(
      await as("marcus.okafor@halton.example"),
      { requestId: other, action: "WITHDRAW" },
      NOW,
    );
    expect(ask).toMatchObject({ confirm: expect.stringContaining("withdraw") });
    ok(await step("marcus.okafor@halton.example", other, "WITHDRAW"));
    expect((await request(other)).status).toBe("WITHDRAWN");
  });

  it("HAL-E4: a call for a report or an implementation failure is not Halton's route: the forms explain, a forged submission is refused citing the setting", async () => {
    const form = await newAgendaItemForm(
      await as("marcus.okafor@halton.example"),
      "CALL_FOR_REPORT",
      "k-12345678",
      NOW,
    );
    expect(form.spec).toBeNull();
    expect(form.explanation).toContain("HAL-E4");
    refusedWith(
      await handleNewAgendaItem(
        await as("marcus.okafor@halton.example"),
        { kind: "CALL_FOR_REPORT", matter: "Bins", termsConfirmed: "yes" },
        NOW,
      ),
      "HAL-E4",
    );
    // A request-page action cannot act on these items (they have their own page).
    const { board: b } = await board();
    const id = ok(await propose(b.id));
    const forged = await handleRequestAction(
      await as("marcus.okafor@halton.example"),
      { requestId: id, action: "WITHDRAW", confirmed: "yes" },
      NOW,
    );
    expect("errors" in forged && Object.values(forged.errors).join(" ")).toMatch(/not found/i);
    expect((await request(id)).status).toBe("WITH_CHIEF_OFFICER");
  });

  it("HAL-E4: a member's item waiting for the Chair follows the meeting it asks for — moved (the member told) or cancelled (it then asks for the next meeting, the member told); a meeting whose date has passed is neither moved nor cancelled", async () => {
    const { board: b, first, second } = await board();
    const id = ok(await propose(b.id));
    const member = await userId("marcus.okafor@halton.example");
    const clerk = await as("fiona.carr@halton.example");
    const notices = (kind: string) =>
      prisma.notification.count({ where: { requestId: id, userId: member, kind } });
    const moved = await handleChangeMeeting(
      clerk,
      { meetingId: first.id, title: first.title, date: day(25).toISOString().slice(0, 10), location: "Room 2" },
      NOW,
    );
    expect(moved).toEqual({ errors: {}, values: {} });
    expect(await notices("MEETING_CHANGED")).toBe(1);
    // Its agenda deadline, left blank, is a week before the meeting (as when it was scheduled).
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: first.id } })).agendaDeadline).toEqual(day(18));
    expect(
      await handleCancelMeeting(clerk, { meetingId: first.id, reasons: "Not quorate", confirmed: "yes" }, NOW),
    ).toEqual({ errors: {}, values: {} });
    const row = await request(id);
    expect(row.meetingId).toBeNull();
    expect(row.status).toBe("WITH_CHIEF_OFFICER");
    expect((row.data as { requestedMeetingId: string }).requestedMeetingId).toBe(second.id);
    expect(await notices("MEETING_CANCELLED")).toBe(1);
    // Once its date has passed, the second meeting is a record: refused, and nothing changes.
    const later = new Date(NOW.getTime() + 60 * DAY);
    const cancelLate = await handleCancelMeeting(
      clerk,
      { meetingId: second.id, reasons: "Too late", confirmed: "yes" },
      later,
    );
    expect(cancelLate.errors.form).toMatch(/date has passed, so it cannot be cancelled/);
    const changeLate = await handleChangeMeeting(
      clerk,
      { meetingId: second.id, title: "Renamed", date: day(70).toISOString().slice(0, 10) },
      later,
    );
    expect(changeLate.errors.form).toMatch(/date has passed, so it cannot be changed/);
    expect((await loadAgendaPack(clerk, second.id, later)).mayChange).toBe(false);
    expect((await loadAgendaPack(clerk, second.id, NOW)).mayChange).toBe(true);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      title: second.title,
      cancelledAt: null,
    });
  });
});

describe("Wigan: calls for reports and implementation failures", () => {
  it("WIG-E7: a member's call for a report to the Economy and Place Scrutiny Panel on bus services reaches the Chief Officer for Place and records the terms-of-reference confirmation", async () => {
    const joan = await as("joan.pilling@wigan.example");
    const panel = await committee("wigan", "Economy and Place Scrutiny Panel");
    // The form shows each committee's terms of reference.
    const form = await newAgendaItemForm(joan, "CALL_FOR_REPORT", "k-12345678", NOW);
    const table = form.spec!.fields.find((f) => f.kind === "table") as { rows: string[][] };
    expect(table.rows).toContainEqual([panel.name, panel.termsOfReference]);
    const values = {
      idempotencyKey: key(),
      committeeId: panel.id,
      serviceId: await serviceId("wigan", "Place"),
      matter: `Bus services in Leigh and Tyldesley ${tag()}`,
      details: "Reliability since the timetable change.",
    };
    // Without the confirmation it is refused, and nothing is filed.
    refusedWith(await handleCallForReport(joan, values, NOW), "WIG-E7", "termsConfirmed");
    expect(await prisma.request.count({ where: { subject: values.matter } })).toBe(0);
    const id = ok(await handleCallForReport(joan, { ...values, termsConfirmed: "yes" }, NOW));
    const row = await request(id);
    const director = await userId("rebecca.shaw@wigan.example");
    expect(row).toMatchObject({
      kind: "CALL_FOR_REPORT",
      status: "WITH_CHIEF_OFFICER",
      deciderId: director,
      committeeId: panel.id,
    });
    expect(row.data).toMatchObject({
      committeeId: panel.id,
      matter: values.matter,
      termsConfirmed: true,
      required: false,
      termsOfReference: expect.stringContaining("bus services"),
    });
    const filed = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "FILED" } });
    expect(filed).toMatchObject({ ruleId: "WIG-E7", data: { termsConfirmed: true, required: false } });
    expect(await prisma.notification.count({ where: { requestId: id, userId: director } })).toBe(1);
    const directorPage = await itemPage("rebecca.shaw@wigan.example", id);
    expect(directorPage?.facts).toContainEqual({
      key: "Within the committee's terms of reference",
      value: "Confirmed when the report was called for",
    });
    // Another member and another Chief Officer get not found.
    expect(await itemPage("gordon.fairclough@wigan.example", id)).toBeNull();
    expect(await itemPage("anil.kapoor@wigan.example", id)).toBeNull();
    // The Chief Officer acknowledges it, with the meeting the report will go to.
    const meeting = await prisma.meeting.findFirstOrThrow({
      where: { committeeId: panel.id, publishedAt: null, date: { gte: day(1) } },
      orderBy: { date: "asc" },
    });
    refusedWith(await step("joan.pilling@wigan.example", id, "ACKNOWLEDGE"), "WIG-E7");
    ok(await step("rebecca.shaw@wigan.example", id, "ACKNOWLEDGE", { meetingId: meeting.id }));
    expect(await request(id)).toMatchObject({ status: "ACCEPTED", meetingId: meeting.id });
  });

  it("WIG-E7: democratic services record a report the panel required — required, not voluntary; only a panel or the Cabinet can require one, and a member cannot record it", async () => {
    const panel = await committee("wigan", "Economy and Place Scrutiny Panel");
    const planning = await committee("wigan", "Planning Committee");
    const values = {
      idempotencyKey: key(),
      serviceId: await serviceId("wigan", "Place"),
      matter: `Town centre regeneration ${tag()}`,
      termsConfirmed: "yes",
      required: "yes",
    };
    refusedWith(
      await handleCallForReport(
        await as("paul.hindley@wigan.example"),
        { ...values, committeeId: planning.id },
        NOW,
      ),
      "WIG-E7",
      "committeeId",
    );
    refusedWith(
      await handleCallForReport(await as("joan.pilling@wigan.example"), { ...values, committeeId: panel.id }, NOW),
      "WIG-E7",
      "required",
    );
    const id = ok(
      await handleCallForReport(await as("paul.hindley@wigan.example"), { ...values, committeeId: panel.id }, NOW),
    );
    expect((await request(id)).data).toMatchObject({ required: true, termsConfirmed: true });
    expect((await itemPage("rebecca.shaw@wigan.example", id))?.facts).toContainEqual({
      key: "Required or voluntary",
      value: "Required by the panel or the Cabinet",
    });
    // The panel's Chair sees it.
    expect(await itemPage("joan.pilling@wigan.example", id)).not.toBeNull();
  });

  it("WIG-E11: a recorded implementation failure for the Planning Committee appears in the Planning Committee's next agenda list", async () => {
    const planning = await committee("wigan", "Planning Committee");
    const next = await prisma.$transaction((tx) => nextOpenMeeting(tx, planning.councilId, planning.id, NOW));
    expect(next).not.toBeNull();
    const values = {
      idempotencyKey: key(),
      committeeId: planning.id,
      decision: `Enforcement notice at Pemberton Mill ${tag()}`,
      decisionDate: "2026-10-14",
      failure: "The notice was not served within the period the Committee set.",
      reasons: "The site owner could not be traced until November.",
    };
    // Only a Chief Officer reports it.
    refusedWith(
      await handleRecordImplementationFailure(await as("stuart.heyes@wigan.example"), values, NOW),
      "WIG-E11",
    );
    refusedWith(
      await handleRecordImplementationFailure(
        await as("rebecca.shaw@wigan.example"),
        { ...values, decisionDate: "" },
        NOW,
      ),
      "WIG-E11",
      "decisionDate",
    );
    const id = ok(await handleRecordImplementationFailure(await as("rebecca.shaw@wigan.example"), values, NOW));
    expect(await request(id)).toMatchObject({
      kind: "IMPLEMENTATION_FAILURE",
      status: "LISTED",
      committeeId: planning.id,
      meetingId: next!.id,
    });
    // On the Planning Committee's next agenda, as every member and the Committee's Chair see it.
    expect(await onAgenda("stuart.heyes@wigan.example", next!.id, id)).toBe(true);
    expect(await onAgenda("naomi.ward@wigan.example", next!.id, id)).toBe(true);
    expect(await prisma.notification.count({ where: { requestId: id, userId: planning.chairId! } })).toBe(1);
    // An officer outside it does not see it.
    expect(await itemPage("erin.whittle@wigan.example", id)).toBeNull();
    // A committee with no open meeting: refused with a clear message.
    const lonely = await prisma.committee.create({
      data: { councilId: planning.councilId, name: `Licensing Sub-Committee ${tag()}`, kind: "COMMITTEE" },
    });
    const none = await handleRecordImplementationFailure(
      await as("rebecca.shaw@wigan.example"),
      { ...values, idempotencyKey: key(), committeeId: lonely.id },
      NOW,
    );
    refusedWith(none, "WIG-E11", "committeeId");
    expect((none as { errors: Record<string, string> }).errors.committeeId).toMatch(
      /no meeting with an open agenda/,
    );
  });
});

describe("Halstead: the town council's agenda items", () => {
  it("DEF-D4, HTC-D8: an item is listed for the next meeting whose agenda is open (Request.meetingId); the Clerk cannot list it for a published agenda", async () => {
    const { fileAgendaItem } = await import("@/lib/requests/town-council");
    const member = await as("rosa.quint@halstead.example");
    const item = await fileAgendaItem(
      member,
      { title: `Dog bins ${tag()}`, details: "More bins on the rec." },
      { now: NOW },
    );
    const row = await request(item.id);
    expect(row.status).toBe("LISTED");
    expect(row.meetingId).toBe(item.meeting!.id);
    expect((row.data as { meetingId: string }).meetingId).toBe(item.meeting!.id);
    expect(await onAgenda("samuel.tolley@halstead.example", item.meeting!.id, item.id)).toBe(true);
    const clerk = await as("margaret.doyle@halstead.example");
    const published = await prisma.meeting.create({
      data: {
        councilId: clerk.council.id,
        committeeId: (await committee("halstead", "Full Council")).id,
        title: "Full Council",
        date: day(900),
        publishedAt: NOW,
      },
    });
    const out = await handleRequestAction(
      clerk,
      { requestId: item.id, action: "ASSIGN_MEETING", meetingId: published.id },
      NOW,
    );
    refusedWith(out, "DEF-D4", "meetingId");
    expect((await request(item.id)).meetingId).toBe(item.meeting!.id);
    await prisma.meeting.delete({ where: { id: published.id } });
  });
});
