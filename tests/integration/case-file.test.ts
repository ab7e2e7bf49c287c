// The case file (issue 13): internal notes and draft replies through the request page's form handler, on real
// PostgreSQL with the demo councils — they reach the officers working on the request and never a member, in the
// page, the timeline or a notification; the home page's numbers and the list's "Show" filter agree.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { dashboardRows, loadDashboard } from "@/lib/requests/dashboard";
import { loadHome } from "@/lib/requests/home";
import { decidedOnTime } from "@/lib/requests/queue";
import { staffWorkload } from "@/lib/requests/workload";
import { listRequests } from "@/lib/requests/queries";
import { loadRequestPage } from "@/lib/requests/request-page";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2027-03-03T10:00:00Z");
let seq = 0;
const tag = () => `${process.pid}-${Date.now()}-${++seq}`;
const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const MEMBER = "yasmin.clarke@cheshire-west.example";
const DIRECTOR = "nadia.brook@cheshire-west.example";
const OFFICER = "kieran.walsh@cheshire-west.example";

async function ask(): Promise<string> {
  const place = await prisma.service.findFirstOrThrow({
    where: { name: "Place Operations", council: { slug: "cheshire-west" } },
  });
  const out = await submitInformationForm(
    await as(MEMBER),
    {
      subject: `Gritting routes ${tag()}`,
      details: "Which roads in my ward are gritted?",
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      serviceId: place.id,
      needToKnowGrounds: "Residents asked at my surgery.",
    },
    `cf-${tag()}`,
    NOW,
  );
  expect(out.errors).toEqual({});
  return out.id!;
}
const act = async (email: string, requestId: string, action: string, values: Record<string, string> = {}) =>
  handleRequestAction(await as(email), { requestId, action, ...values }, NOW);

describe("internal notes and draft replies", () => {
  it("an allocated officer's internal note and draft reply reach the decider, never the member", async () => {
    const id = await ask();
    expect(await act(DIRECTOR, id, "ALLOCATE", { officerId: await userId(OFFICER) })).toEqual({
      done: "ALLOCATE",
      requestId: id,
    });
    const officerPage = await loadRequestPage(await as(OFFICER), id, NOW);
    expect(officerPage.specs.map((s) => s.action)).toEqual(
      expect.arrayContaining(["INTERNAL_NOTE", "DRAFT_REPLY"]),
    );
    // The member is offered neither, and a forged note is refused as if the request were not there.
    const memberOffers = (await loadRequestPage(await as(MEMBER), id, NOW)).specs.map((s) => s.action);
    expect(memberOffers).not.toContain("INTERNAL_NOTE");
    const forged = await act(MEMBER, id, "INTERNAL_NOTE", { notes: "Let me see the notes." });
    expect("errors" in forged && Object.values(forged.errors).join(" ")).toMatch(/not found/i);

    const empty = await act(OFFICER, id, "INTERNAL_NOTE", { notes: "  " });
    expect("errors" in empty && empty.errors.notes).toBe("Write the note");
    expect(await act(OFFICER, id, "INTERNAL_NOTE", { notes: "The ward's routes changed in October." })).toEqual({
      done: "INTERNAL_NOTE",
      requestId: id,
    });
    expect(
      await act(OFFICER, id, "DRAFT_REPLY", { draft: "Your ward's gritted roads are listed below." }),
    ).toEqual({ done: "DRAFT_REPLY", requestId: id });

    // The decider reads both, and their reply starts from the draft.
    const director = await loadRequestPage(await as(DIRECTOR), id, NOW);
    expect(director.detail.messages.map((m) => m.kind)).toEqual(["INTERNAL_NOTE", "DRAFT_REPLY"]);
    const reply = director.specs
      .find((s) => s.action === "GRANT")!
      .fields.find((f) => "name" in f && f.name === "reply") as { initial?: string };
    expect(reply.initial).toBe("Your ward's gritted roads are listed below.");
    expect(director.specs.map((s) => s.action)).not.toContain("DRAFT_REPLY");
    expect(
      await prisma.notification.count({
        where: { userId: await userId(DIRECTOR), requestId: id, kind: "DRAFT_REPLY" },
      }),
    ).toBe(1);

    // The member: no note, no draft, no trace in the timeline, no notification.
    const member = await loadRequestPage(await as(MEMBER), id, NOW);
    expect(member.detail.messages).toEqual([]);
    expect(member.detail.timeline.map((t) => t.action)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/INTERNAL_NOTE|DRAFT_REPLY/)]),
    );
    expect(
      await prisma.notification.count({
        where: { userId: await userId(MEMBER), requestId: id, kind: { in: ["INTERNAL_NOTE", "DRAFT_REPLY"] } },
      }),
    ).toBe(0);

    // Sent as drafted: the member reads the reply, still not the note.
    expect(await act(DIRECTOR, id, "GRANT", { reply: reply.initial!, marking: "NONE" })).toEqual({
      done: "GRANT",
      requestId: id,
    });
    const after = await loadRequestPage(await as(MEMBER), id, NOW);
    expect(after.detail.messages.map((m) => m.kind)).toEqual(["REPLY"]);
    // After the decision, notes can still be added; drafts no longer.
    const late = await loadRequestPage(await as(OFFICER), id, NOW);
    expect(late.specs.map((s) => s.action)).toContain("INTERNAL_NOTE");
    expect(late.specs.map((s) => s.action)).not.toContain("DRAFT_REPLY");
  });
});

describe("home page", () => {
  it("a member's home counts what is theirs and links to the same list", async () => {
    const viewer = await as(MEMBER);
    const sections = await loadHome(viewer, NOW);
    const open = sections.find((s) => s.key === "open")!;
    expect(open.href).toBe("/requests?show=mine&status=open");
    const list = await listRequests(viewer, { page: 1, mine: true, status: "open" });
    expect(open.total).toBe(list.total);
    expect(open.items.every((i) => i.closed === false)).toBe(true);
    const waiting = sections.find((s) => s.key === "waiting-on-you")!;
    expect(waiting.items.every((i) => i.status === "AWAITING_MEMBER")).toBe(true);
  });

  it("a handler's home leads with what needs their action, overdue and due this week", async () => {
    const sections = await loadHome(await as(DIRECTOR), NOW);
    expect(sections.map((s) => s.key)).toEqual(["needs-action", "overdue", "due-week"]);
    expect(sections[0]!.href).toBe("/queue");
  });
});

describe("time: extending and pausing the due date", () => {
  it("the decider extends the due date with reasons and a holding reply the member reads; pauses and resumes", async () => {
    const id = await ask();
    const due = async () =>
      (await prisma.request.findUniqueOrThrow({ where: { id } })).dueDate!.toISOString().slice(0, 10);
    const before = await due();
    expect((await loadRequestPage(await as(MEMBER), id, NOW)).specs.map((s) => s.action)).not.toContain(
      "EXTEND_DUE",
    );
    const byMember = await act(MEMBER, id, "EXTEND_DUE", {
      dueDate: "2027-06-01",
      reasons: "x",
      holdingReply: "x",
    });
    expect("errors" in byMember).toBe(true);

    const missing = await act(DIRECTOR, id, "EXTEND_DUE", { dueDate: "2027-06-01" });
    expect("errors" in missing && missing.errors).toMatchObject({
      reasons: expect.any(String),
      holdingReply: expect.any(String),
    });
    const earlier = await act(DIRECTOR, id, "EXTEND_DUE", {
      dueDate: before,
      reasons: "More time.",
      holdingReply: "We need longer.",
    });
    expect("errors" in earlier && earlier.errors.dueDate).toMatch(/after/);
    const farFuture = await act(DIRECTOR, id, "EXTEND_DUE", {
      dueDate: "2150-01-01",
      reasons: "More time.",
      holdingReply: "We need longer.",
    });
    expect("errors" in farFuture && farFuture.errors.dueDate).toBeTruthy();
    expect(
      await act(DIRECTOR, id, "EXTEND_DUE", {
        dueDate: "2027-04-30",
        reasons: "The contractor's data arrives in April.",
        holdingReply: "We will reply by 30 April, once the contractor's data is in.",
      }),
    ).toEqual({ done: "EXTEND_DUE", requestId: id });
    expect(await due()).toBe("2027-04-30");
    const member = await loadRequestPage(await as(MEMBER), id, NOW);
    expect(member.detail.messages.map((m) => [m.kind, m.body])).toEqual([
      ["HOLDING_REPLY", "We will reply by 30 April, once the contractor's data is in."],
    ]);
    expect(member.detail.timeline.find((t) => t.action === "EXTEND_DUE")?.reasons).toMatch(/contractor/);
    expect(
      await prisma.notification.count({
        where: { userId: await userId(MEMBER), requestId: id, kind: "EXTEND_DUE" },
      }),
    ).toBe(1);

    // Paused for ten working days, the due date moves on by ten working days when work resumes.
    expect(
      await act(DIRECTOR, id, "PAUSE_DUE", {
        reasons: "Waiting for the police.",
        holdingReply: "We are waiting.",
      }),
    ).toEqual({ done: "PAUSE_DUE", requestId: id });
    expect((await loadRequestPage(await as(MEMBER), id, NOW)).detail.paused).toBe(true);
    const director = await loadRequestPage(await as(DIRECTOR), id, NOW);
    expect(director.specs.map((s) => s.action)).toContain("RESUME_DUE");
    expect(director.specs.map((s) => s.action)).not.toContain("EXTEND_DUE");
    const later = new Date("2027-03-17T10:00:00Z");
    expect(await handleRequestAction(await as(DIRECTOR), { requestId: id, action: "RESUME_DUE" }, later)).toEqual({
      done: "RESUME_DUE",
      requestId: id,
    });
    expect(await due()).toBe("2027-05-17");
  });
});

describe("dashboard: on-time performance, numbers that lead to their list, one workload count", () => {
  it("every number narrows to a list with exactly that many requests; the Town Clerk's panel counts as the dashboard does", async () => {
    const clerk = await as("margaret.doyle@halstead.example");
    const now = new Date();
    const d = await loadDashboard(clerk, {}, now);
    expect(d.onTime).toBeLessThanOrEqual(d.decided);
    const rows = async (f: Parameters<typeof loadDashboard>[1]) => {
      let n = 0;
      for await (const batch of dashboardRows(clerk, f, now)) n += batch.length;
      return n;
    };
    expect(await rows({})).toBe(d.open);
    expect(await rows({ overdue: true })).toBe(d.overdue);
    expect(await rows({ soon: true })).toBe(d.dueSoon);
    for (const o of d.byOfficer) expect(await rows({ officer: o.key })).toBe(o.value);
    for (const s of d.byStatus) expect(await rows({ status: s.key })).toBe(s.value);
    for (const a of d.ageing) expect(await rows({ age: a.key })).toBe(a.value);
    // The Clerk's workload panel (HTC-D2) and the dashboard agree for every member of staff.
    const staff = await staffWorkload(clerk);
    for (const s of staff.filter((x) => x.openItems > 0))
      expect(d.byOfficer.find((o) => o.key === s.id)?.value, s.name).toBe(s.openItems);
  });

  it("a request decided after its due date counts as decided but not within target", async () => {
    const director = await as(DIRECTOR);
    const now = new Date();
    const before = await loadDashboard(director, {}, now);
    const id = await ask();
    await prisma.request.update({ where: { id }, data: { dueDate: new Date("2020-01-01T00:00:00Z") } });
    expect(await act(DIRECTOR, id, "GRANT", { reply: "Late, sorry.", marking: "NONE" })).toEqual({
      done: "GRANT",
      requestId: id,
    });
    const after = await loadDashboard(director, {}, now);
    expect(after.decided).toBe(before.decided + 1);
    expect(after.onTime).toBe(before.onTime);
    // The decider's queue says the same of their own decisions.
    const mine = await decidedOnTime(director, now);
    expect(mine.decided).toBeGreaterThan(mine.onTime);
  });
});

describe("follow-up", () => {
  it("the member's follow-up question reopens an answered request to the same officer, within the council's window", async () => {
    const id = await ask();
    expect(await act(DIRECTOR, id, "GRANT", { reply: "The routes are attached.", marking: "NONE" })).toEqual({
      done: "GRANT",
      requestId: id,
    });
    expect((await loadRequestPage(await as(MEMBER), id, NOW)).specs.map((s) => s.action)).toContain("FOLLOW_UP");
    expect((await loadRequestPage(await as(DIRECTOR), id, NOW)).specs.map((s) => s.action)).not.toContain(
      "FOLLOW_UP",
    );
    const empty = await act(MEMBER, id, "FOLLOW_UP", { question: " " });
    expect("errors" in empty && empty.errors.question).toBe("Write your follow-up question");
    // Outside the window (20 working days by default) it is refused with the way forward.
    const late = await handleRequestAction(
      await as(MEMBER),
      { requestId: id, action: "FOLLOW_UP", question: "And the pavements?" },
      new Date("2027-06-01T10:00:00Z"),
    );
    expect("errors" in late && Object.values(late.errors).join(" ")).toMatch(/new request/);
    expect(await act(MEMBER, id, "FOLLOW_UP", { question: "Does that include the pavements?" })).toEqual({
      done: "FOLLOW_UP",
      requestId: id,
    });
    const row = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SUBMITTED", closedAt: null, deciderId: await userId(DIRECTOR) });
    expect(
      await prisma.notification.count({
        where: { userId: await userId(DIRECTOR), requestId: id, kind: "FOLLOW_UP" },
      }),
    ).toBe(1);
    const director = await loadRequestPage(await as(DIRECTOR), id, NOW);
    expect(director.specs.map((s) => s.action)).toContain("GRANT");
    expect(director.detail.messages.map((m) => m.kind)).toEqual(["REPLY", "FOLLOW_UP"]);
  });
});
