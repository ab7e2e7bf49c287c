// Committee reports and meetings (RULES.md §3.E, issue 14) through the report and meeting pages' form handlers, on
// real PostgreSQL with the demo councils: who writes a report, who may change it, the member's own report alongside,
// sharing drafts, consultation before publication, the agenda pack and the meeting's outcome.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { handlePublishAgenda, handleScheduleMeeting, loadAgendaPack } from "@/lib/meetings/agendas";
import { handleCancelMeeting, handleChangeMeeting } from "@/lib/meetings/changes";
import { handleReportAction, handleReportAuthorisation, handleStartReport } from "@/lib/reports/forms";
import { loadReportPage } from "@/lib/reports/page";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
let seq = 0;
const tag = () => `${process.pid}-${Date.now()}-${++seq}`;
const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const serviceId = async (slug: string, name: string) =>
  (await prisma.service.findFirstOrThrow({ where: { name, council: { slug } } })).id;
const committeeId = async (slug: string, name: string) =>
  (await prisma.committee.findFirstOrThrow({ where: { name, council: { slug } } })).id;

type Start = { slug: string; author: string; service: string; committee: string; extra?: Record<string, string> };
async function start(s: Start) {
  const title = `Report ${tag()}`;
  const out = await handleStartReport(
    await as(s.author),
    {
      title,
      summary: "Background and options. The service recommends option B.",
      recommendations: "1. Approve option B.",
      serviceId: await serviceId(s.slug, s.service),
      committeeId: await committeeId(s.slug, s.committee),
      ...s.extra,
    },
    new Date(),
  );
  return { out, title };
}
async function started(s: Start): Promise<{ id: string; title: string }> {
  const { out, title } = await start(s);
  if (!("done" in out)) throw new Error(JSON.stringify(out.errors));
  return { id: out.id, title };
}
const act = async (email: string, id: string, values: Record<string, string>) =>
  handleReportAction(await as(email), { requestId: id, ...values }, new Date());
const errorsOf = (out: Awaited<ReturnType<typeof act>>) =>
  "errors" in out ? Object.values(out.errors).join(" ") : "";
const current = async (id: string) =>
  prisma.reportVersion.findFirstOrThrow({
    where: { requestId: id, number: { not: null } },
    orderBy: { number: "desc" },
  });
const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
};
async function schedule(email: string, slug: string, committee: string): Promise<string> {
  const out = await handleScheduleMeeting(
    await as(email),
    {
      committeeId: await committeeId(slug, committee),
      date: inDays(40),
      agendaDeadline: inDays(30),
      location: "Town Hall",
    },
    new Date(),
  );
  if (!out.id) throw new Error(JSON.stringify(out.errors));
  return out.id;
}
const notFound = async (email: string, id: string) =>
  expect(loadReportPage(await as(email), id, {})).rejects.toMatchObject({ code: "NOT_FOUND" });

// Halton
const H_DIRECTOR = "gillian.marsh@halton.example"; // Director of Adult Social Care
const H_HEAD = "rachel.dunn@halton.example"; // Head of Adult Services (an officer of the service)
const H_CHAIR = "sandra.kettle@halton.example"; // Chair, Health Policy and Performance Board
const H_MEMBER = "helen.tranter@halton.example";
const H_DEMOCRATIC = "fiona.carr@halton.example";
const H_BOARD = "Health Policy and Performance Board";

describe("committee reports (section E)", () => {
  it("HAL-E1: an officer without the Chief Officer's authorisation cannot write a report; once authorised (recorded), they can; a member never can", async () => {
    const refused = await start({
      slug: "halton",
      author: H_HEAD,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    expect("errors" in refused.out && refused.out.errors.form).toMatch(/HAL-E1/);
    const member = await start({
      slug: "halton",
      author: H_MEMBER,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    expect("errors" in member.out && member.out.errors.form).toMatch(/HAL-E1/);

    const auth = await handleReportAuthorisation(await as(H_DIRECTOR), {
      officerId: await userId(H_HEAD),
      on: "yes",
    });
    expect(auth.errors).toEqual({});
    const ok = await started({ slug: "halton", author: H_HEAD, service: "Adult Social Care", committee: H_BOARD });
    const page = await loadReportPage(await as(H_HEAD), ok.id, {});
    expect(page.shown.number).toBe(1);
    // Another Director cannot authorise officers of a service they do not head.
    const other = await handleReportAuthorisation(await as("owen.pritchard@halton.example"), {
      officerId: await userId(H_HEAD),
      on: "yes",
    });
    expect(other.errors.officerId).toMatch(/your service/);
    await handleReportAuthorisation(await as(H_DIRECTOR), { officerId: await userId(H_HEAD), on: "no" });
    const again = await start({
      slug: "halton",
      author: H_HEAD,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    expect("errors" in again.out && again.out.errors.form).toMatch(/HAL-E1/);
  });

  it("HAL-E2: the Chair cannot amend an officer report — the change waits, unmade, for the Chief Officer's express approval, then is saved showing it", async () => {
    const r = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    // The Chair sees the draft (pre-agenda discussion) and may suggest; there is no plain edit for a member.
    const forged = await act(H_CHAIR, r.id, {
      action: "REVISE",
      title: r.title,
      summary: "Changed by the Chair",
      recommendations: "1. Approve option A.",
    });
    expect(errorsOf(forged)).toMatch(/HAL-E2/);
    const proposed = await act(H_CHAIR, r.id, {
      action: "PROPOSE_CHANGE",
      title: r.title,
      summary: "Background and options. The service recommends option B.",
      recommendations: "1. Approve option A instead.",
      note: "Option A is cheaper",
    });
    expect(proposed).toMatchObject({ done: "PROPOSE_CHANGE" });
    expect((await current(r.id)).recommendations).toBe("1. Approve option B.");
    const director = await loadReportPage(await as(H_DIRECTOR), r.id, {});
    expect(director.proposals).toHaveLength(1);
    const approveSpec = director.specs.find((s) => s.action === "APPROVE_CHANGE")!;
    const proposalId = (approveSpec.fields.find((f) => f.kind === "hidden") as { value: string }).value;
    // Only the Chief Officer approves.
    const byHead = await act(H_HEAD, r.id, { action: "APPROVE_CHANGE", proposalId, decision: "APPROVE" });
    expect(errorsOf(byHead)).toMatch(/not found|HAL-E2/i);
    expect(
      await act(H_DIRECTOR, r.id, { action: "APPROVE_CHANGE", proposalId, decision: "APPROVE" }),
    ).toMatchObject({
      done: "APPROVE_CHANGE",
    });
    const v2 = await current(r.id);
    expect(v2).toMatchObject({ number: 2, recommendations: "1. Approve option A instead." });
    expect(v2.approvedById).toBe(await userId(H_DIRECTOR));
    const chairView = await loadReportPage(await as(H_CHAIR), r.id, { version: 2, compare: true });
    expect(chairView.shown.approvedBy).toBe("Gillian Marsh");
    expect(
      chairView.comparison!.recommendations.some((p) => p.change === "added" && p.text.includes("instead")),
    ).toBe(true);
    const events = await prisma.auditEvent.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.ruleId])).toEqual(
      expect.arrayContaining([
        ["MEMBER_CHANGE_PROPOSED", "HAL-E2"],
        ["MEMBER_CHANGE_APPROVED", "HAL-E2"],
      ]),
    );
  });

  it("HAL-E3: the Chair's own report is added alongside, marked, with a reason; both are in the agenda pack; the Chair has no withdraw action and a forged one is refused", async () => {
    const r = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    const noReason = await act(H_CHAIR, r.id, {
      action: "OWN_REPORT",
      title: "Chair's view",
      body: "I disagree.",
      reason: "",
    });
    expect(errorsOf(noReason)).toMatch(/exceptional reason/);
    expect(
      await act(H_CHAIR, r.id, {
        action: "OWN_REPORT",
        title: "Chair's view",
        body: "The board should also weigh option C.",
        reason: "The officer's report omits option C",
      }),
    ).toMatchObject({ done: "OWN_REPORT" });
    // A member who is not the Chair cannot.
    const page = await loadReportPage(await as(H_CHAIR), r.id, {});
    expect(page.specs.map((s) => s.action)).not.toContain("WITHDRAW");
    const forged = await act(H_CHAIR, r.id, { action: "WITHDRAW", reasons: "Please withdraw it" });
    expect(errorsOf(forged)).toMatch(/HAL-E3/);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");

    const meetingId = await schedule(H_DEMOCRATIC, "halton", H_BOARD);
    expect(await act(H_DIRECTOR, r.id, { action: "LIST", meetingId })).toMatchObject({ done: "LIST" });
    const publish = await handlePublishAgenda(await as(H_DEMOCRATIC), { meetingId }, new Date());
    expect(publish.confirm).toMatch(/Publish this agenda/);
    expect(
      await handlePublishAgenda(await as(H_DEMOCRATIC), { meetingId, confirmed: "yes" }, new Date()),
    ).toMatchObject({ errors: {} });
    // Published: every member reads both reports in the pack.
    const pack = await loadAgendaPack(await as(H_MEMBER), meetingId);
    const listed = pack.reports.find((x) => x.id === r.id)!;
    expect(listed.title).toBe(r.title);
    expect(listed.memberReports).toEqual([expect.objectContaining({ capacity: "CHAIR", title: "Chair's view" })]);
  });

  it("HAL-E4 (publication): after the agenda is published, a report can no longer be listed for that meeting", async () => {
    const meetingId = await schedule(H_DEMOCRATIC, "halton", H_BOARD);
    await handlePublishAgenda(await as(H_DEMOCRATIC), { meetingId, confirmed: "yes" }, new Date());
    const r = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    const late = await act(H_DIRECTOR, r.id, { action: "LIST", meetingId });
    expect(errorsOf(late)).toMatch(/published/);
    // Only democratic services (or the Town Clerk) publish; a member's attempt is refused.
    const m2 = await schedule(H_DEMOCRATIC, "halton", H_BOARD);
    const byMember = await handlePublishAgenda(await as(H_CHAIR), { meetingId: m2, confirmed: "yes" }, new Date());
    expect(Object.values(byMember.errors).join(" ")).toMatch(/democratic services/);
  });

  it("C2007-E3, C2007-E4: the Head of Service or an authorised officer writes; the Chairman's edit needs the Head of Service's approval; the Chairman's own report goes in addition and there is no withdraw action", async () => {
    const officer = await start({
      slug: "ashdown-vale",
      author: "daniel.crewe@ashdown-vale.example",
      service: "Housing",
      committee: "Housing Committee",
    });
    expect("errors" in officer.out && officer.out.errors.form).toMatch(/C2007-E3/);
    const r = await started({
      slug: "ashdown-vale",
      author: "moira.delaney@ashdown-vale.example",
      service: "Housing",
      committee: "Housing Committee",
    });
    const chairman = "pauline.oduya@ashdown-vale.example";
    const edit = await act(chairman, r.id, {
      action: "REVISE",
      title: r.title,
      summary: "x",
      recommendations: "y",
    });
    expect(errorsOf(edit)).toMatch(/C2007-E3/);
    expect(
      await act(chairman, r.id, { action: "SUGGEST", suggestion: "Mention the waiting list." }),
    ).toMatchObject({
      done: "SUGGEST",
    });
    expect(
      await act(chairman, r.id, {
        action: "OWN_REPORT",
        title: "Chairman's report",
        body: "An alternative view.",
        reason: "Disagreement not resolved at the pre-agenda meeting",
      }),
    ).toMatchObject({ done: "OWN_REPORT" });
    expect(errorsOf(await act(chairman, r.id, { action: "WITHDRAW", reasons: "x" }))).toMatch(/C2007-E4/);
    const meetingId = await schedule("hannah.greig@ashdown-vale.example", "ashdown-vale", "Housing Committee");
    await act("moira.delaney@ashdown-vale.example", r.id, { action: "LIST", meetingId });
    await handlePublishAgenda(
      await as("hannah.greig@ashdown-vale.example"),
      { meetingId, confirmed: "yes" },
      new Date(),
    );
    const pack = await loadAgendaPack(await as("geoffrey.lamb@ashdown-vale.example"), meetingId);
    expect(pack.reports[0]!.memberReports[0]).toMatchObject({ capacity: "CHAIR", title: "Chairman's report" });
  });

  it("CWC-E5: only Directors (or those they authorise) start reports; a Cabinet report names the Cabinet Member whose portfolio covers its service, and is not published until the affected service's Director and that Cabinet Member are consulted", async () => {
    const officer = await start({
      slug: "cheshire-west",
      author: "kieran.walsh@cheshire-west.example",
      service: "Place Operations",
      committee: "Cabinet",
    });
    expect("errors" in officer.out && officer.out.errors.form).toMatch(/CWC-E5/);
    const noPortfolio = await start({
      slug: "cheshire-west",
      author: "nadia.brook@cheshire-west.example",
      service: "Place Operations",
      committee: "Cabinet",
    });
    expect("errors" in noPortfolio.out && noPortfolio.out.errors.portfolioMemberId).toMatch(/Cabinet Member/);
    // The appropriate Cabinet Member: Place Operations is in Dev Mistry's portfolio, not the Leader's.
    const wrongHolder = await start({
      slug: "cheshire-west",
      author: "nadia.brook@cheshire-west.example",
      service: "Place Operations",
      committee: "Cabinet",
      extra: { portfolioMemberId: await userId("louise.barraclough@cheshire-west.example") },
    });
    expect("errors" in wrongHolder.out && wrongHolder.out.errors.portfolioMemberId).toBe(
      "The report's service is in the portfolio of Dev Mistry: choose them (CWC-E5)",
    );
    const r = await started({
      slug: "cheshire-west",
      author: "nadia.brook@cheshire-west.example",
      service: "Place Operations",
      committee: "Cabinet",
      extra: {
        affectedServiceIds: await serviceId("cheshire-west", "Children and Families"),
        portfolioMemberId: await userId("dev.mistry@cheshire-west.example"),
      },
    });
    const meetingId = await schedule("joanna.fielding@cheshire-west.example", "cheshire-west", "Cabinet");
    await act("nadia.brook@cheshire-west.example", r.id, { action: "LIST", meetingId });
    const blocked = await handlePublishAgenda(
      await as("joanna.fielding@cheshire-west.example"),
      { meetingId, confirmed: "yes" },
      new Date(),
    );
    expect(blocked.errors.form).toMatch(/CWC-E5/);
    expect(blocked.errors.form).toMatch(/Graham Yeo/);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).publishedAt).toBeNull();
    // The consultees answer from the report page.
    expect(
      await act("graham.yeo@cheshire-west.example", r.id, { action: "CONSULTED", comments: "No objection" }),
    ).toMatchObject({
      done: "CONSULTED",
    });
    const stillBlocked = await handlePublishAgenda(
      await as("joanna.fielding@cheshire-west.example"),
      { meetingId, confirmed: "yes" },
      new Date(),
    );
    expect(stillBlocked.errors.form).toMatch(/Dev Mistry/);
    await act("dev.mistry@cheshire-west.example", r.id, { action: "CONSULTED", comments: "" });
    expect(
      await handlePublishAgenda(
        await as("joanna.fielding@cheshire-west.example"),
        { meetingId, confirmed: "yes" },
        new Date(),
      ),
    ).toMatchObject({ errors: {} });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PUBLISHED");
  });

  it("CWC-E6, CWC-E7: the Cabinet Member cannot edit — their comment is saved for the officer — and may add their own report alongside a Cabinet report, which stays unchanged", async () => {
    const r = await started({
      slug: "cheshire-west",
      author: "nadia.brook@cheshire-west.example",
      service: "Place Operations",
      committee: "Cabinet",
      extra: { portfolioMemberId: await userId("dev.mistry@cheshire-west.example") },
    });
    const cm = "dev.mistry@cheshire-west.example";
    const edit = await act(cm, r.id, {
      action: "PROPOSE_CHANGE",
      title: r.title,
      summary: "Rewritten",
      recommendations: "1. Defer.",
    });
    expect(errorsOf(edit)).toMatch(/CWC-E6/);
    expect((await current(r.id)).number).toBe(1);
    const saved = await prisma.message.findFirstOrThrow({ where: { requestId: r.id, kind: "SUGGESTION" } });
    expect(saved.body).toContain("1. Defer.");
    expect(
      await act(cm, r.id, { action: "SUGGEST", suggestion: "Bring it in March", timing: "March Cabinet" }),
    ).toMatchObject({
      done: "SUGGEST",
    });
    expect(
      await act(cm, r.id, {
        action: "OWN_REPORT",
        title: "Portfolio holder's report",
        body: "A different emphasis.",
        reason: "Exceptional: new evidence",
      }),
    ).toMatchObject({ done: "OWN_REPORT" });
    const page = await loadReportPage(await as("nadia.brook@cheshire-west.example"), r.id, {});
    expect(page.memberReports[0]).toMatchObject({ capacity: "CABINET_MEMBER" });
    expect(page.shown).toMatchObject({ number: 1, recommendations: "1. Approve option B." });
    expect(page.detail.messages.map((m) => m.body).join("\n")).toContain("Proposed timing: March Cabinet");
  });

  it("WIG-E4: reports are the Chief Officer's or an authorised officer's; the Cabinet member has no edit, withdraw, hold or do-not-present action, and forged ones are refused", async () => {
    const refused = await start({
      slug: "wigan",
      author: "liam.gaskell@wigan.example",
      service: "Place",
      committee: "Cabinet",
    });
    expect("errors" in refused.out && refused.out.errors.form).toMatch(/WIG-E4/);
    const r = await started({
      slug: "wigan",
      author: "rebecca.shaw@wigan.example",
      service: "Place",
      committee: "Cabinet",
    });
    await act("rebecca.shaw@wigan.example", r.id, {
      action: "SHARE",
      userId: await userId("sadia.rahman@wigan.example"),
    });
    const cm = "sadia.rahman@wigan.example";
    const page = await loadReportPage(await as(cm), r.id, {});
    expect(page.specs.map((s) => s.action)).toEqual(expect.arrayContaining(["SUGGEST", "OWN_REPORT"]));
    for (const a of ["REVISE", "PROPOSE_CHANGE", "WITHDRAW", "DO_NOT_PRESENT", "HOLD"])
      expect(page.specs.map((s) => s.action)).not.toContain(a);
    for (const action of ["DO_NOT_PRESENT", "HOLD", "WITHDRAW"])
      expect(errorsOf(await act(cm, r.id, { action, reasons: "Do not present it" }))).toMatch(/WIG-E4/);
    expect(
      errorsOf(
        await act(cm, r.id, { action: "PROPOSE_CHANGE", title: r.title, summary: "a", recommendations: "b" }),
      ),
    ).toMatch(/WIG-E4/);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("SHARED");
  });

  it("WIG-E5: the Cabinet member's additional report is listed beside the officer's; the meeting may reject its recommendations or refer it back, and the officer report is never removed", async () => {
    const r = await started({
      slug: "wigan",
      author: "rebecca.shaw@wigan.example",
      service: "Place",
      committee: "Cabinet",
    });
    await act("rebecca.shaw@wigan.example", r.id, {
      action: "SHARE",
      userId: await userId("sadia.rahman@wigan.example"),
    });
    await act("sadia.rahman@wigan.example", r.id, {
      action: "OWN_REPORT",
      title: "Cabinet member's report",
      body: "Another view.",
      reason: "The report understates the cost",
    });
    const meetingId = await schedule("paul.hindley@wigan.example", "wigan", "Cabinet");
    await act("rebecca.shaw@wigan.example", r.id, { action: "LIST", meetingId });
    await handlePublishAgenda(await as("paul.hindley@wigan.example"), { meetingId, confirmed: "yes" }, new Date());
    const pack = await loadAgendaPack(await as("joan.pilling@wigan.example"), meetingId);
    expect(pack.reports.find((x) => x.id === r.id)!.memberReports).toHaveLength(1);
    // Members do not record the outcome; democratic services do.
    expect(
      errorsOf(await act("sadia.rahman@wigan.example", r.id, { action: "OUTCOME", outcome: "REJECTED" })),
    ).not.toBe("");
    expect(
      await act("paul.hindley@wigan.example", r.id, {
        action: "OUTCOME",
        outcome: "REFERRED_BACK",
        minute: "Referred back for costs",
      }),
    ).toMatchObject({ done: "OUTCOME" });
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.status).toBe("REFERRED_BACK");
    expect(await prisma.reportVersion.count({ where: { requestId: r.id, number: { not: null } } })).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: "OUTCOME_REFERRED_BACK" },
    });
    expect(event.ruleId).toBe("WIG-E5");
  });

  it("WIG-E6: a draft shared with Group X is visible to that group only; after sharing, only the Chief Officer revises it, and only on one of the two grounds", async () => {
    const assistant = "chloe.unsworth@wigan.example";
    await handleReportAuthorisation(await as("rebecca.shaw@wigan.example"), {
      officerId: await userId(assistant),
      on: "yes",
    });
    const r = await started({
      slug: "wigan",
      author: assistant,
      service: "Place",
      committee: "Planning Committee",
    });
    const labour = await prisma.partyGroup.findFirstOrThrow({
      where: { name: "Labour Group", council: { slug: "wigan" } },
    });
    expect(await act(assistant, r.id, { action: "SHARE", groupId: labour.id })).toMatchObject({ done: "SHARE" });
    // Group X sees it; another group's members and leader do not.
    expect((await loadReportPage(await as("patricia.lunt@wigan.example"), r.id, {})).shown.number).toBe(1);
    await notFound("gordon.fairclough@wigan.example", r.id);
    await notFound("naomi.ward@wigan.example", r.id);
    const text = { title: r.title, summary: "Now with options C and D.", recommendations: "1. Approve option C." };
    expect(errorsOf(await act(assistant, r.id, { action: "REVISE", ...text }))).toMatch(/WIG-E6/);
    expect(errorsOf(await act("rebecca.shaw@wigan.example", r.id, { action: "REVISE", ...text }))).toMatch(
      /WIG-E6/,
    );
    expect(
      await act("rebecca.shaw@wigan.example", r.id, {
        action: "REVISE",
        ...text,
        ground: "OPTIONS_NOT_ADDRESSED",
      }),
    ).toMatchObject({ done: "REVISE" });
    expect(await current(r.id)).toMatchObject({ number: 2, ground: "OPTIONS_NOT_ADDRESSED" });
  });

  it("HTC-E1: officers write and edit reports, members comment; a revision after preliminary consideration records its reason", async () => {
    const member = await start({
      slug: "halstead",
      author: "bridget.fenn@halstead.example",
      service: "Town Council Office",
      committee: "Full Council",
    });
    expect("errors" in member.out && member.out.errors.form).toMatch(/HTC-E1/);
    const r = await started({
      slug: "halstead",
      author: "aisha.benton@halstead.example",
      service: "Town Council Office",
      committee: "Full Council",
    });
    await act("aisha.benton@halstead.example", r.id, {
      action: "SHARE",
      userId: await userId("janet.coker@halstead.example"),
    });
    const edit = await act("janet.coker@halstead.example", r.id, {
      action: "REVISE",
      title: r.title,
      summary: "Chairman's text",
      recommendations: "1. Nothing.",
    });
    expect(errorsOf(edit)).toMatch(/HTC-E1/);
    expect(
      await act("janet.coker@halstead.example", r.id, { action: "SUGGEST", suggestion: "Add the costs." }),
    ).toMatchObject({
      done: "SUGGEST",
    });
    const text = { title: r.title, summary: "With costs.", recommendations: "1. Approve." };
    expect(errorsOf(await act("aisha.benton@halstead.example", r.id, { action: "REVISE", ...text }))).toMatch(
      /HTC-E1/,
    );
    expect(
      await act("aisha.benton@halstead.example", r.id, {
        action: "REVISE",
        ...text,
        ground: "KEY_ISSUES_NOT_EXPLAINED",
      }),
    ).toMatchObject({ done: "REVISE" });
    const revised = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: "REPORT_REVISED" },
    });
    expect(revised.ruleId).toBe("HTC-E1");
  });

  it("HTC-E2: the Chairman has no withdraw or do-not-present action and a forged call is refused; the remedy is 'recommendations not agreed'", async () => {
    const r = await started({
      slug: "halstead",
      author: "margaret.doyle@halstead.example",
      service: "Town Council Office",
      committee: "Full Council",
    });
    await act("margaret.doyle@halstead.example", r.id, {
      action: "SHARE",
      userId: await userId("janet.coker@halstead.example"),
    });
    const chairman = "janet.coker@halstead.example";
    const page = await loadReportPage(await as(chairman), r.id, {});
    expect(page.specs.map((s) => s.action)).not.toContain("WITHDRAW");
    for (const action of ["WITHDRAW", "DO_NOT_PRESENT"])
      expect(errorsOf(await act(chairman, r.id, { action, reasons: "Not this month" }))).toMatch(/HTC-E2/);
    const meetingId = await schedule("margaret.doyle@halstead.example", "halstead", "Full Council");
    await act("margaret.doyle@halstead.example", r.id, { action: "LIST", meetingId });
    await handlePublishAgenda(
      await as("margaret.doyle@halstead.example"),
      { meetingId, confirmed: "yes" },
      new Date(),
    );
    expect(
      await act("margaret.doyle@halstead.example", r.id, { action: "OUTCOME", outcome: "NOT_AGREED" }),
    ).toMatchObject({ done: "OUTCOME" });
    const outcome = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: "OUTCOME_NOT_AGREED" },
    });
    expect(outcome.ruleId).toBe("HTC-E2");
  });

  it("a draft is not found by anyone it was not written for or shared with; another council's people never see it", async () => {
    const r = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    await notFound(H_MEMBER, r.id); // a member who is not the Chair
    await notFound("philippa.dunne@halton.example", r.id);
    await notFound("owen.pritchard@halton.example", r.id); // another Director
    await notFound("nadia.brook@cheshire-west.example", r.id);
    expect(errorsOf(await act(H_MEMBER, r.id, { action: "SUGGEST", suggestion: "x" }))).toMatch(/not found/);
    // The request page's generic actions do not reach a report, even for its author (its own rules apply).
    const forged = await handleRequestAction(
      await as(H_DIRECTOR),
      { requestId: r.id, action: "WITHDRAW", reasons: "x", confirmed: "yes" },
      new Date(),
    );
    expect("errors" in forged && Object.values(forged.errors).join(" ")).toMatch(/not found/);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");
  });

  it("meetings: only democratic services, the Town Clerk or the administrator schedule them; dates and deadlines are bounded and checked", async () => {
    const member = await handleScheduleMeeting(
      await as(H_MEMBER),
      { committeeId: await committeeId("halton", H_BOARD), date: inDays(10) },
      new Date(),
    );
    expect(Object.values(member.errors).join(" ")).toMatch(/democratic services/);
    const past = await handleScheduleMeeting(
      await as(H_DEMOCRATIC),
      { committeeId: await committeeId("halton", H_BOARD), date: "2001-1-1" },
      new Date(),
    );
    expect(past.errors.date).toMatch(/on or after/);
    const late = await handleScheduleMeeting(
      await as(H_DEMOCRATIC),
      { committeeId: await committeeId("halton", H_BOARD), date: inDays(10), agendaDeadline: inDays(20) },
      new Date(),
    );
    expect(late.errors.agendaDeadline).toMatch(/on or before/);
    const otherCouncil = await handleScheduleMeeting(
      await as(H_DEMOCRATIC),
      { committeeId: await committeeId("wigan", "Cabinet"), date: inDays(10) },
      new Date(),
    );
    expect(otherCouncil.errors.committeeId).toBeTruthy();
    await expect(loadAgendaPack(await as(H_MEMBER), "nonsense-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const wiganMeeting = await prisma.meeting.findFirstOrThrow({ where: { council: { slug: "wigan" } } });
    await expect(loadAgendaPack(await as(H_MEMBER), wiganMeeting.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("keeping meetings true (issue 15: the organisation's meetings)", () => {
  const H_ADMIN = H_DEMOCRATIC; // Halton's administrator also runs democratic services
  const T_ADMIN = "kevin.styles@halstead.example"; // Halstead Town Council's administrator (no other office)

  it("the council's administrator schedules, renames and moves a meeting (audited); a member cannot; another council's administrator finds nothing", async () => {
    const full = await committeeId("halstead", "Full Council");
    const byMember = await handleScheduleMeeting(
      await as("bridget.fenn@halstead.example"),
      { committeeId: full, date: inDays(50) },
      new Date(),
    );
    expect(Object.values(byMember.errors).join(" ")).toMatch(/administrator/);
    const made = await handleScheduleMeeting(
      await as(T_ADMIN),
      { committeeId: full, date: inDays(50), location: "Town Hall" },
      new Date(),
    );
    expect(made.errors).toEqual({});
    const meetingId = made.id!;
    const bad = await handleChangeMeeting(
      await as(T_ADMIN),
      { meetingId, title: " ", date: inDays(60), agendaDeadline: inDays(61) },
      new Date(),
    );
    expect(bad.errors.title).toMatch(/Enter the meeting's name/);
    const late = await handleChangeMeeting(
      await as(T_ADMIN),
      { meetingId, title: "Extraordinary Full Council", date: inDays(60), agendaDeadline: inDays(61) },
      new Date(),
    );
    expect(late.errors.agendaDeadline).toMatch(/on or before the date of the meeting/);
    expect(
      (
        await handleChangeMeeting(
          await as(H_ADMIN),
          { meetingId, title: "Hijacked", date: inDays(60) },
          new Date(),
        )
      ).errors.form,
    ).toMatch(/not found/);
    expect(
      await handleChangeMeeting(
        await as(T_ADMIN),
        {
          meetingId,
          title: "Extraordinary Full Council",
          date: inDays(60),
          agendaDeadline: inDays(55),
          location: "",
        },
        new Date(),
      ),
    ).toEqual({ errors: {}, values: {} });
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.title).toBe("Extraordinary Full Council");
    const events = await prisma.adminEvent.findMany({
      where: { entityId: meetingId },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
    expect(events[1]!.before).toMatchObject({ title: "Full Council", location: "Town Hall" });
    expect(events[1]!.after).toMatchObject({ title: "Extraordinary Full Council", location: "" });
  });

  it("cancelling a meeting keeps it listed as cancelled with its reason, moves the report on its agenda to the body's next open meeting (a step, the author told), and takes no more business; with no next meeting it is refused until one is scheduled", async () => {
    const r = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    const meetingId = await schedule(H_DEMOCRATIC, "halton", H_BOARD);
    expect(await act(H_DIRECTOR, r.id, { action: "LIST", meetingId })).toMatchObject({ done: "LIST" });
    const admin = await as(H_ADMIN);
    expect((await handleCancelMeeting(admin, { meetingId }, new Date())).errors.reasons).toMatch(/Enter why/);
    expect((await handleCancelMeeting(admin, { meetingId, reasons: "Not quorate" }, new Date())).confirm).toMatch(
      /Cancel this meeting/,
    );
    expect(
      (await handleCancelMeeting(await as(H_MEMBER), { meetingId, reasons: "x", confirmed: "yes" }, new Date()))
        .errors.form,
    ).toMatch(/administrator/);
    expect(
      await handleCancelMeeting(admin, { meetingId, reasons: "Not quorate", confirmed: "yes" }, new Date()),
    ).toEqual({ errors: {}, values: {} });
    const moved = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(moved.status).toBe("ON_AGENDA");
    expect(moved.meetingId).not.toBe(meetingId);
    const next = await prisma.meeting.findUniqueOrThrow({ where: { id: moved.meetingId! } });
    expect(next).toMatchObject({
      committeeId: await committeeId("halton", H_BOARD),
      cancelledAt: null,
      publishedAt: null,
    });
    const step = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: "MEETING_CANCELLED" },
    });
    expect(step.reasons).toMatch(/was cancelled \(Not quorate\)\. Moved to/);
    expect(
      await prisma.notification.count({
        where: { userId: await userId(H_DIRECTOR), requestId: r.id, kind: "MEETING_CANCELLED" },
      }),
    ).toBe(1);
    // The cancelled meeting: marked, with its reason; not changed, published or given business again.
    const pack = await loadAgendaPack(await as(H_MEMBER), meetingId);
    expect(pack.meeting.cancelled).toBe("Not quorate");
    expect((await loadAgendaPack(admin, meetingId)).mayChange).toBe(false);
    expect(
      (await handleChangeMeeting(admin, { meetingId, title: "Again", date: inDays(41) }, new Date())).errors.form,
    ).toMatch(/cancelled/);
    expect(
      Object.values((await handlePublishAgenda(admin, { meetingId, confirmed: "yes" }, new Date())).errors).join(
        " ",
      ),
    ).toMatch(/cancelled/);
    const another = await started({
      slug: "halton",
      author: H_DIRECTOR,
      service: "Adult Social Care",
      committee: H_BOARD,
    });
    expect(errorsOf(await act(H_DIRECTOR, another.id, { action: "LIST", meetingId }))).toMatch(/Choose a meeting/);
    // The body's last meeting cannot be cancelled with business on it until the next one is scheduled.
    const lastOut = await handleScheduleMeeting(
      admin,
      { committeeId: await committeeId("halton", H_BOARD), date: inDays(700) },
      new Date(),
    );
    const last = lastOut.id!;
    expect(await act(H_DIRECTOR, another.id, { action: "LIST", meetingId: last })).toMatchObject({ done: "LIST" });
    const refused = await handleCancelMeeting(
      admin,
      { meetingId: last, reasons: "Moved", confirmed: "yes" },
      new Date(),
    );
    expect(refused.errors.form).toMatch(/Schedule the next meeting of Health Policy and Performance Board first/);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: last } })).cancelledAt).toBeNull();
    expect((await prisma.request.findUniqueOrThrow({ where: { id: another.id } })).meetingId).toBe(last);
  });
});
