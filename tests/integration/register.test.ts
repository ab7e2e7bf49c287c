// The members' register (issue 14, section E): relationship disclosures, visit notices, publicity requests,
// ceremonial events and the complaint start page's guidance — through the register's form handlers, on real
// PostgreSQL with the demo councils. Who may see each entry is checked on its page, in the /register list and in
// search; notifications reach only the people the rule names.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { checkComplaintGuidance } from "@/lib/register/complaint-guidance";
import { handleRegisterAction, handleRegisterEntry, type RegisterOutcome } from "@/lib/register/forms";
import { listRegister, loadRegisterRecord, newEntryForm } from "@/lib/register/queries";
import { checkTypedForm } from "@/lib/requests/forms/typed";
import { listQueue } from "@/lib/requests/queue";
import { searchEverything } from "@/lib/requests/search";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2027-03-03T10:00:00Z"); // a Wednesday
const NEXT_TUESDAY = "2027-03-09";
let seq = 0;
/** A word found nowhere else, for subjects and search. */
const tag = () => `regword${process.pid}x${Date.now()}x${++seq}`;

const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;

const WIG = (n: string) => `${n}@wigan.example`;
const CWC = (n: string) => `${n}@cheshire-west.example`;
const HTC = (n: string) => `${n}@halstead.example`;

async function file(email: string, type: string, values: Record<string, string>): Promise<RegisterOutcome> {
  return handleRegisterEntry(await as(email), { requestId: "new", action: type, ...values }, NOW);
}
async function filed(email: string, type: string, values: Record<string, string>): Promise<string> {
  const out = await file(email, type, values);
  if (!("done" in out)) throw new Error(`not filed: ${JSON.stringify(out.errors)}`);
  return out.id;
}
async function act(email: string, requestId: string, action: string, values: Record<string, string> = {}) {
  return handleRegisterAction(await as(email), { requestId, action, ...values }, NOW);
}
const errorText = (out: RegisterOutcome) => ("errors" in out ? Object.values(out.errors).join(" ") : "");

/** Whether the person can open the entry's page (anything else is "not found"). */
async function sees(email: string, id: string): Promise<boolean> {
  try {
    await loadRegisterRecord(await as(email), id);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return false;
    throw e;
  }
}
async function listed(email: string, id: string): Promise<boolean> {
  return (await listRegister(await as(email), 1)).items.some((i) => i.id === id);
}
async function found(email: string, word: string, id: string): Promise<boolean> {
  const r = await searchEverything(await as(email), word);
  return r.kind === "results" && r.items.some((i) => i.id === id);
}
/** Neither the page, nor the /register list, nor search shows the entry to this person. */
async function hiddenFrom(email: string, id: string, word: string) {
  expect(await sees(email, id), `${email} opens the page`).toBe(false);
  expect(await listed(email, id), `${email} sees it listed`).toBe(false);
  expect(await found(email, word, id), `${email} finds it in search`).toBe(false);
}
const notifiedIds = async (requestId: string) =>
  [...new Set((await prisma.notification.findMany({ where: { requestId } })).map((n) => n.userId))].sort();
/** Whether the entry waits in the person's queue (they must act next). */
const queued = async (email: string, id: string) =>
  (await listQueue(await as(email), { status: "open" }, NOW)).items.some((i) => i.id === id);
const row = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });
const events = (id: string) =>
  prisma.auditEvent.findMany({ where: { requestId: id }, orderBy: { createdAt: "asc" } });

describe("relationship disclosures (WIG-E1, DEF-E4, DEF-E1)", () => {
  it("WIG-E1, DEF-E4: an officer's disclosure about Cllr M (Group X) cannot be closed before the Group X leader is consulted; Group Y's leader, the other party and another officer get not found", async () => {
    const word = tag();
    const officer = WIG("liam.gaskell");
    const ce = WIG("alison.kerr");
    const cllrM = WIG("elaine.marsden"); // Conservative Group
    const groupXLeader = WIG("gordon.fairclough");
    const groupYLeader = WIG("keith.ormerod"); // Labour Group
    const id = await filed(officer, "DISCLOSURE", {
      otherPartyId: await idOf(cllrM),
      relationship: `We are close friends outside work (${word}); I advise her ward on highways.`,
    });
    const r = await row(id);
    expect(r.type).toBe("DISCLOSURE");
    expect(r.status).toBe("SUBMITTED");
    expect(r.deciderId).toBe(await idOf(ce)); // in the Chief Executive's queue
    expect(await queued(ce, id)).toBe(true);
    expect((r.data as { leaderIds: string[] }).leaderIds).toEqual([await idOf(groupXLeader)]);
    expect((await events(id))[0]).toMatchObject({ action: "FILED", ruleId: "WIG-E1" });

    // Only the discloser and the Chief Executive so far.
    expect(await sees(officer, id)).toBe(true);
    expect(await sees(ce, id)).toBe(true);
    expect(await found(officer, word, id)).toBe(true);
    expect(await listed(ce, id)).toBe(true);
    await hiddenFrom(groupXLeader, id, word);

    // WIG-E1: closing without the consultation is blocked, and nothing changes.
    const early = await act(ce, id, "CLOSE", { courseOfAction: "Officer moved off the ward's casework." });
    expect(errorText(early)).toMatch(/Group Leader.*\(WIG-E1\)/);
    expect((await row(id)).status).toBe("SUBMITTED");

    // DEF-E4: the Group Leader consulted must be the leader of the councillor in the relationship.
    const wrong = await act(ce, id, "CONSULT_GROUP_LEADER", {
      leaderId: await idOf(groupYLeader),
      notes: "Spoke to the Leader.",
    });
    expect(errorText(wrong)).toContain("(DEF-E4)");
    // Only the recipient acts: the discloser cannot record a consultation.
    const notRecipient = await act(officer, id, "CONSULT_GROUP_LEADER", {
      leaderId: await idOf(groupXLeader),
      notes: "I told him.",
    });
    expect(errorText(notRecipient)).toContain("(WIG-E1)");

    expect(
      await act(ce, id, "CONSULT_GROUP_LEADER", {
        leaderId: await idOf(groupXLeader),
        notes: "Cllr Fairclough agreed the officer should step back from the ward's casework.",
      }),
    ).toEqual({ done: "CONSULT_GROUP_LEADER", id });
    expect((await row(id)).status).toBe("CONSULTED");
    expect(await sees(groupXLeader, id)).toBe(true); // recording the consultation grants the Leader access
    expect(await listed(groupXLeader, id)).toBe(true);
    const consulted = (await events(id)).find((e) => e.action === "CONSULT_GROUP_LEADER")!;
    expect(consulted.ruleId).toBe("WIG-E1");

    // Group Y's leader, the other party (not granted) and another officer: not found — page, list and search.
    await hiddenFrom(groupYLeader, id, word);
    await hiddenFrom(cllrM, id, word);
    await hiddenFrom(WIG("chloe.unsworth"), id, word);
    await hiddenFrom(WIG("tony.birchall"), id, word);
    // A forged step by Group Y's leader is "not found".
    expect(errorText(await act(groupYLeader, id, "CLOSE", { courseOfAction: "x" }))).toMatch(/not found/i);

    expect(
      await act(ce, id, "CLOSE", {
        courseOfAction: "The officer no longer handles the ward's highways casework.",
      }),
    ).toEqual({ done: "CLOSE", id });
    const closed = await row(id);
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).not.toBeNull();
    expect((await events(id)).at(-1)).toMatchObject({ action: "CLOSE_DISCLOSURE", ruleId: "WIG-E1" });
    // No notification reaches anyone but the discloser, the Chief Executive and the consulted Leader.
    expect(await notifiedIds(id)).toEqual([await idOf(officer), await idOf(ce), await idOf(groupXLeader)].sort());
  });

  it("WIG-E1, DEF-E4: a councillor's disclosure is consulted with their own Group Leader; the other party gets access only when the Chief Executive shares it, recorded", async () => {
    const word = tag();
    const cllr = WIG("naomi.ward"); // Independent Network
    const other = WIG("hannah.royle"); // an officer
    const ce = WIG("alison.kerr");
    const id = await filed(cllr, "DISCLOSURE", {
      otherPartyId: await idOf(other),
      relationship: `Hannah and I are partners (${word}).`,
    });
    expect((await row(id)).data).toMatchObject({
      memberInvolvedId: await idOf(cllr),
      leaderIds: [await idOf(WIG("tony.birchall"))],
    });
    await hiddenFrom(other, id, word);
    const page = await loadRegisterRecord(await as(ce), id);
    expect(page.specs.map((s) => s.action)).toEqual(["CONSULT_GROUP_LEADER", "CLOSE", "SHARE_WITH_OTHER_PARTY"]);
    // Sharing asks for confirmation, then is recorded with the rule.
    const ask = await act(ce, id, "SHARE_WITH_OTHER_PARTY", { reasons: "She asked to see what was disclosed." });
    expect("confirm" in ask && ask.confirm).toMatch(/Are you sure/);
    expect(await sees(other, id)).toBe(false);
    expect(
      await act(ce, id, "SHARE_WITH_OTHER_PARTY", {
        reasons: "She asked to see what was disclosed.",
        confirmed: "yes",
      }),
    ).toEqual({ done: "SHARE_WITH_OTHER_PARTY", id });
    expect(await sees(other, id)).toBe(true);
    expect((await events(id)).at(-1)).toMatchObject({ action: "SHARE_WITH_OTHER_PARTY", ruleId: "WIG-E1" });
    expect(
      await prisma.requestAccess.count({ where: { requestId: id, userId: await idOf(other), ruleId: "WIG-E1" } }),
    ).toBe(1);
    // The group leader still sees nothing until consulted; no grant goes to a group or to all members.
    expect(await sees(WIG("tony.birchall"), id)).toBe(false);
    expect(
      await prisma.requestAccess.count({
        where: { requestId: id, OR: [{ groupId: { not: null } }, { allMembers: true }] },
      }),
    ).toBe(0);
  });

  it("DEF-E1: in Halstead a disclosure goes to the Town Clerk, or to the Chair when the Clerk is involved; no Group Leader consultation; visible to discloser and recipient only", async () => {
    const word = tag();
    const clerk = HTC("margaret.doyle");
    const id = await filed(HTC("rosa.quint"), "DISCLOSURE", {
      otherPartyId: await idOf(HTC("dean.parr")),
      relationship: `Dean is my brother-in-law (${word}).`,
    });
    expect((await row(id)).deciderId).toBe(await idOf(clerk));
    expect((await events(id))[0]!.ruleId).toBe("DEF-E1");
    expect(await sees(clerk, id)).toBe(true);
    await hiddenFrom(HTC("dean.parr"), id, word); // the other party
    await hiddenFrom(HTC("samuel.tolley"), id, word); // her Group Leader: no consultation here
    await hiddenFrom(HTC("janet.coker"), id, word);
    // The Clerk is offered closing only; a forged consultation is refused citing DEF-E1.
    expect((await loadRegisterRecord(await as(clerk), id)).specs.map((s) => s.action)).toEqual(["CLOSE"]);
    const forged = await act(clerk, id, "CONSULT_GROUP_LEADER", {
      leaderId: await idOf(HTC("samuel.tolley")),
      notes: "x",
    });
    expect(errorText(forged)).toContain("(DEF-E1)");
    expect(
      await act(clerk, id, "CLOSE", {
        courseOfAction: "Dean's grounds work for her ward is supervised by the Deputy Clerk.",
      }),
    ).toEqual({
      done: "CLOSE",
      id,
    });
    expect((await row(id)).status).toBe("CLOSED");
    expect(await notifiedIds(id)).toEqual([await idOf(HTC("rosa.quint")), await idOf(clerk)].sort());

    // The Town Clerk is the other party: it goes to the Chair of the Council, and the Clerk cannot see it.
    const word2 = tag();
    const aboutClerk = await filed(HTC("aisha.benton"), "DISCLOSURE", {
      otherPartyId: await idOf(clerk),
      relationship: `The Town Clerk and I are close friends (${word2}).`,
    });
    expect((await row(aboutClerk)).deciderId).toBe(await idOf(HTC("janet.coker")));
    expect(await sees(HTC("janet.coker"), aboutClerk)).toBe(true);
    await hiddenFrom(clerk, aboutClerk, word2);
  });

  it("DEF-E1: elsewhere a disclosure goes to the Chief Executive only, with no Group Leader consulted", async () => {
    const word = tag();
    const id = await filed(CWC("yasmin.clarke"), "DISCLOSURE", {
      otherPartyId: await idOf(CWC("kieran.walsh")),
      relationship: `Kieran is my cousin (${word}).`,
    });
    expect((await row(id)).deciderId).toBe(await idOf(CWC("victor.hale")));
    await hiddenFrom(CWC("louise.barraclough"), id, word); // her Group Leader
    await hiddenFrom(CWC("kieran.walsh"), id, word);
    // Naming oneself, or nobody, is refused.
    const self = await file(CWC("yasmin.clarke"), "DISCLOSURE", {
      otherPartyId: await idOf(CWC("yasmin.clarke")),
      relationship: "x",
    });
    expect("errors" in self && self.errors.otherPartyId).toContain("(DEF-E1)");
    const forgedId = await file(CWC("yasmin.clarke"), "DISCLOSURE", {
      otherPartyId: "'; drop",
      relationship: "x",
    });
    expect("errors" in forgedId && forgedId.errors.otherPartyId).toBeTruthy();
  });
});

describe("visit notices (WIG-E2, DEF-E3)", () => {
  const visit = async (email: string, values: Record<string, string>) => {
    const adult = await prisma.service.findFirstOrThrow({
      where: { name: "Adult Social Care and Health", council: { slug: "wigan" } },
    });
    return file(email, "VISIT", {
      establishment: `Brookfield Care Home ${tag()}`,
      serviceId: adult.id,
      visitDate: NEXT_TUESDAY,
      visitType: "ORDINARY",
      school: "no",
      ...values,
    });
  };

  it("WIG-E2: a member's visit notice for a care home next Tuesday notifies the Adult Services Chief Officer at once and lets them read it", async () => {
    const out = await visit(WIG("patricia.lunt"), {});
    expect("done" in out).toBe(true);
    const id = (out as { id: string }).id;
    const r = await row(id);
    expect(r).toMatchObject({ type: "VISIT", status: "RECORDED", kind: "ORDINARY" });
    const director = await idOf(WIG("deborah.quayle"));
    const told = await prisma.notification.findMany({ where: { requestId: id, userId: director } });
    expect(told.map((n) => n.kind)).toEqual(["VISIT_NOTICE"]);
    expect(told[0]!.title).toContain("9 March 2027");
    expect(await sees(WIG("deborah.quayle"), id)).toBe(true);
    expect(await sees(WIG("rebecca.shaw"), id)).toBe(false); // another Chief Officer
    expect(await sees(WIG("keith.ormerod"), id)).toBe(false);
    expect((await events(id))[0]).toMatchObject({ action: "FILED", ruleId: "WIG-E2" });
  });

  it("WIG-E2: a school visit without the Headteacher arrangement recorded is blocked; with it, it is saved", async () => {
    const children = await prisma.service.findFirstOrThrow({
      where: { name: "Children's Services", council: { slug: "wigan" } },
    });
    const school = { establishment: `St Mary's Primary ${tag()}`, serviceId: children.id, school: "yes" };
    const none = await visit(WIG("stuart.heyes"), school);
    expect("errors" in none && none.errors.arrangedWithHeadteacher).toMatch(/Headteacher.*\(WIG-E2\)/);
    const noName = await visit(WIG("stuart.heyes"), { ...school, arrangedWithHeadteacher: "yes" });
    expect("errors" in noName && noName.errors.headteacherName).toContain("(WIG-E2)");
    const ok = await visit(WIG("stuart.heyes"), {
      ...school,
      arrangedWithHeadteacher: "yes",
      headteacherName: "Mrs J. Ashworth",
    });
    expect("done" in ok).toBe(true);
    const id = (ok as { id: string }).id;
    expect((await row(id)).data).toMatchObject({ school: true, headteacherName: "Mrs J. Ashworth" });
    expect(await sees(WIG("anil.kapoor"), id)).toBe(true);
  });

  it("WIG-E2, DEF-G1: an unannounced visit needs its special circumstances; a statutory inspection points to the other procedures and tells no one in advance; an ordinary visit cannot be in the past", async () => {
    const bare = await visit(WIG("joan.pilling"), { visitType: "UNANNOUNCED" });
    expect("errors" in bare && bare.errors.specialCircumstances).toMatch(/DEF-G1.*\(WIG-E2\)/);
    const unannounced = await visit(WIG("joan.pilling"), {
      visitType: "UNANNOUNCED",
      specialCircumstances: "Residents report night-time understaffing; an announced visit would not show it.",
    });
    expect("done" in unannounced).toBe(true);
    const uid = (unannounced as { id: string }).id;
    expect(await notifiedIds(uid)).toEqual([await idOf(WIG("joan.pilling"))]);

    const statutory = await visit(WIG("joan.pilling"), { visitType: "STATUTORY_INSPECTION" });
    const sid = (statutory as { id: string }).id;
    const page = await loadRegisterRecord(await as(WIG("joan.pilling")), sid);
    expect(page.notices.map((n) => `${n.text} (${n.citation})`).join(" ")).toMatch(
      /other established procedures.*\(WIG-E2\)/,
    );
    expect(await sees(WIG("deborah.quayle"), sid)).toBe(false);

    const past = await visit(WIG("joan.pilling"), { visitDate: "2027-03-01" });
    expect("errors" in past && past.errors.visitDate).toMatch(/in advance.*\(WIG-E2\)/);
    const far = await visit(WIG("joan.pilling"), { visitDate: "2030-01-01" });
    expect("errors" in far && far.errors.visitDate).toMatch(/on or before/);
    // An officer does not give visit notices.
    expect(errorText(await visit(WIG("liam.gaskell"), {}))).toContain("(WIG-E2)");
  });

  it("DEF-E3: the visit notice is off outside Wigan — the form says so and a forged submission is refused", async () => {
    const form = await newEntryForm(await as(CWC("yasmin.clarke")), "visit");
    expect(form.spec).toBeNull();
    expect(form.offer.on).toBe(false);
    expect(form.offer.citation).toBe("council setting, DEF-E3");
    expect(!form.offer.mayFile.ok && form.offer.mayFile.message).toMatch(/not used by this council/);
    const place = await prisma.service.findFirstOrThrow({
      where: { name: "Place Operations", council: { slug: "cheshire-west" } },
    });
    const establishment = `Frodsham Depot ${tag()}`;
    const forged = await file(CWC("yasmin.clarke"), "VISIT", {
      establishment,
      serviceId: place.id,
      visitDate: NEXT_TUESDAY,
      visitType: "ORDINARY",
      school: "no",
    });
    expect(errorText(forged)).toMatch(/not used by this council.*\(DEF-E3\)/);
    expect(await prisma.request.count({ where: { subject: { contains: establishment } } })).toBe(0);
    // The register offers no visit link there.
    const offers = (await listRegister(await as(CWC("yasmin.clarke")), 1)).offers;
    expect(offers.find((o) => o.kind === "visit")!.on).toBe(false);
  });
});

describe("publicity requests (CWC-E8, WIG-E10, HTC-E3, HTC-E4)", () => {
  it("CWC-E8: a press release naming a member's party needs the declaration; the communications officer declines it citing CWC-E8 with reasons, and the member sees the decline and the reasons", async () => {
    const member = CWC("simon.greatorex");
    const form = await newEntryForm(await as(member), "publicity");
    expect(form.notices.map((n) => n.citation)).toContain("CWC-E8");
    expect(form.spec!.fields.some((f) => "name" in f && f.name === "declaration")).toBe(true);
    const subject = `Conservatives deliver new Ellesmere Port play area ${tag()}`;
    const values = {
      subject,
      details: "Press release: the Conservative Group's campaign won the new play area.",
      channel: "PRESS_RELEASE",
      featuredIds: await idOf(member),
    };
    const undeclared = await file(member, "PUBLICITY", values);
    expect("errors" in undeclared && undeclared.errors.declaration).toContain("(CWC-E8)");
    // Only featured councillors can be marked as representing the Council.
    const wrongMark = await file(member, "PUBLICITY", {
      ...values,
      declaration: "yes",
      representingIds: await idOf(CWC("carol.ames")),
    });
    expect("errors" in wrongMark && wrongMark.errors.representingIds).toContain("(CWC-E8)");
    const id = await filed(member, "PUBLICITY", { ...values, declaration: "yes" });
    const r = await row(id);
    // No service named "Communications" in Cheshire West: the Chief Executive handles publicity (council setting).
    const ce = CWC("victor.hale");
    expect(r).toMatchObject({ type: "PUBLICITY", status: "SUBMITTED", deciderId: await idOf(ce) });
    expect(await queued(ce, id)).toBe(true);
    expect((r.data as { featured: unknown[] }).featured).toEqual([
      { id: await idOf(member), name: "Simon Greatorex", representsCouncil: false },
    ]);

    // The member cannot decide their own request; the officer must give reasons.
    expect(errorText(await act(member, id, "APPROVE"))).toContain("(CWC-E8)");
    const bare = await act(ce, id, "DECLINE", { ground: "PARTY_POLITICAL", reasons: " " });
    expect("errors" in bare && bare.errors.reasons).toContain("(CWC-E8)");
    const reasons =
      "Council publicity cannot promote a party group's campaign; we can publicise the play area itself.";
    expect(await act(ce, id, "DECLINE", { ground: "PARTY_POLITICAL", reasons })).toEqual({ done: "DECLINE", id });
    expect((await row(id)).status).toBe("DECLINED");
    expect((await events(id)).at(-1)).toMatchObject({ action: "DECLINE_PUBLICITY", ruleId: "CWC-E8" });

    // The member sees the decline and the reasons, on the record and in a notification.
    const page = await loadRegisterRecord(await as(member), id);
    expect(page.detail.statusLabel).toBe("Declined");
    expect(page.decision).toMatchObject({ outcome: "Declined", citation: "CWC-E8" });
    expect(page.decision!.reasons).toContain(reasons);
    expect(page.detail.timeline.at(-1)!.reasons).toContain(reasons);
    const note = await prisma.notification.findFirstOrThrow({
      where: { requestId: id, userId: await idOf(member), kind: "DECLINED" },
    });
    expect(note.body).toContain(reasons);
    expect(note.body).toContain("CWC-E8");
    // Decided once: a second decision conflicts. Another councillor cannot see it.
    expect(errorText(await act(ce, id, "APPROVE"))).toMatch(/decided/);
    expect(await sees(CWC("megan.iles"), id)).toBe(false);
  });

  it("CWC-E8: a request featuring a councillor who does not represent the Council as a whole can be declined with that ground", async () => {
    const member = CWC("dev.mistry");
    const id = await filed(member, "PUBLICITY", {
      subject: `Cllr Mistry opens Frodsham recycling centre ${tag()}`,
      details: "Photo story on social media featuring Cllr Mistry.",
      channel: "SOCIAL_MEDIA",
      featuredIds: await idOf(member),
      declaration: "yes",
    });
    const ce = CWC("victor.hale");
    expect(
      await act(ce, id, "DECLINE", {
        ground: "MEMBER_NOT_REPRESENTING_COUNCIL",
        reasons: "Cllr Mistry was not representing the Council as a whole at this event.",
      }),
    ).toEqual({ done: "DECLINE", id });
    const page = await loadRegisterRecord(await as(member), id);
    expect(page.decision!.reasons).toMatch(/not representing the Council as a whole/);
    expect(page.decision!.citation).toBe("CWC-E8");
  });

  it("WIG-E10, HTC-E3, HTC-E4: the publicity form shows the council's notices with their rules; Wigan's goes to the Chief Executive and Halstead's to the Town Clerk, with no declaration", async () => {
    const wig = await newEntryForm(await as(WIG("patricia.lunt")), "publicity");
    expect(wig.notices.map((n) => n.citation)).toEqual(expect.arrayContaining(["WIG-E10", "council setting"]));
    expect(wig.notices.find((n) => n.citation === "WIG-E10")!.text).toMatch(/code of recommended practice/);
    expect(wig.spec!.fields.some((f) => "name" in f && f.name === "declaration")).toBe(false);
    const htc = await newEntryForm(await as(HTC("bridget.fenn")), "publicity");
    expect(htc.notices.map((n) => n.citation)).toEqual(expect.arrayContaining(["HTC-E3", "HTC-E4"]));

    const wid = await filed(WIG("patricia.lunt"), "PUBLICITY", {
      subject: `Ashton in Bloom winners ${tag()}`,
      details: "Council website story on the Ashton in Bloom awards.",
      channel: "WEBSITE",
    });
    expect((await row(wid)).deciderId).toBe(await idOf(WIG("alison.kerr")));
    expect((await events(wid))[0]!.ruleId).toBe("WIG-E10");

    const hid = await filed(HTC("bridget.fenn"), "PUBLICITY", {
      subject: `Halstead Christmas lights switch-on ${tag()}`,
      details: "Newsletter item on the switch-on.",
      channel: "NEWSLETTER",
      featuredIds: await idOf(HTC("janet.coker")),
      representingIds: await idOf(HTC("janet.coker")),
    });
    const clerk = HTC("margaret.doyle");
    expect((await row(hid)).deciderId).toBe(await idOf(clerk));
    expect((await events(hid))[0]!.ruleId).toBe("HTC-E3");
    expect(await act(clerk, hid, "APPROVE", { notes: "It will go in the December newsletter." })).toEqual({
      done: "APPROVE",
      id: hid,
    });
    expect((await row(hid)).status).toBe("APPROVED");
    const note = await prisma.notification.findFirstOrThrow({
      where: { requestId: hid, userId: await idOf(HTC("bridget.fenn")), kind: "APPROVED" },
    });
    expect(note.body).toContain("December newsletter");
    // An officer does not make publicity requests here.
    expect(
      errorText(await file(HTC("aisha.benton"), "PUBLICITY", { subject: "x", details: "y", channel: "OTHER" })),
    ).toMatch(/made by councillors/);
  });
});

describe("ceremonial events (CWC-E9)", () => {
  it("CWC-E9: a ceremonial event in Blacon and Frodsham notifies every ward member and lets them read it", async () => {
    const officer = CWC("kieran.walsh");
    const form = await newEntryForm(await as(officer), "event");
    const office = (
      form.spec!.fields.find((f) => "name" in f && f.name === "office") as {
        options: { value: string; label: string }[];
      }
    ).options;
    const chair = office.find((o) => o.label.startsWith("Chair of the Council"))!;
    expect(chair.label).toContain("Carol Ames");
    expect(office.map((o) => o.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Deputy Chair of the Planning Committee/)]),
    );
    const wards = await prisma.ward.findMany({
      where: { council: { slug: "cheshire-west" }, name: { in: ["Blacon", "Frodsham"] } },
    });
    const subject = `Civic opening of the Blacon and Frodsham greenway ${tag()}`;
    const values = {
      subject,
      details: "Ribbon cutting at the greenway's midpoint.",
      eventDate: "2027-04-17",
      office: chair.value,
      wardIds: wards.map((w) => w.id).join("\n"),
    };
    // The office must be one offered; a member does not record events.
    expect(errorText(await file(officer, "EVENT", { ...values, office: "COUNCIL_CHAIR:nobody" }))).toContain(
      "(CWC-E9)",
    );
    expect(errorText(await file(officer, "EVENT", { ...values, wardIds: "" }))).toContain("(CWC-E9)");
    expect(errorText(await file(CWC("yasmin.clarke"), "EVENT", values))).toContain("(CWC-E9)");
    const id = await filed(officer, "EVENT", values);
    expect(await row(id)).toMatchObject({ type: "EVENT", status: "RECORDED" });
    expect((await events(id))[0]).toMatchObject({ action: "FILED", ruleId: "CWC-E9" });

    const wardMembers = ["louise.barraclough", "megan.iles", "dev.mistry", "adrian.penhale"].map(CWC);
    for (const m of wardMembers) {
      const n = await prisma.notification.findMany({ where: { requestId: id, userId: await idOf(m) } });
      expect(
        n.map((x) => x.kind),
        m,
      ).toEqual(["WARD_EVENT"]);
      expect(await sees(m, id), m).toBe(true);
    }
    expect(await sees(CWC("carol.ames"), id)).toBe(true); // the office-holder attending
    // Members for other wards are neither told nor able to see it.
    expect(await sees(CWC("yasmin.clarke"), id)).toBe(false);
    expect(
      await prisma.notification.count({ where: { requestId: id, userId: await idOf(CWC("simon.greatorex")) } }),
    ).toBe(0);
    const page = await loadRegisterRecord(await as(CWC("megan.iles")), id);
    expect(page.facts.find((f) => f.key === "Attending for the Council")!.value).toBe(
      "Chair of the Council: Carol Ames",
    );
  });

  it("CWC-E9: ceremonial events are off where the protocol is silent — no form, and a forged submission is refused", async () => {
    const officer = WIG("chloe.unsworth");
    const form = await newEntryForm(await as(officer), "event");
    expect(form.spec).toBeNull();
    expect(form.offer.citation).toBe("council setting");
    const ward = await prisma.ward.findFirstOrThrow({ where: { council: { slug: "wigan" }, name: "Ashton" } });
    const subject = `Ashton war memorial rededication ${tag()}`;
    const forged = await file(officer, "EVENT", {
      subject,
      eventDate: "2027-04-17",
      office: "COUNCIL_CHAIR:x",
      wardIds: ward.id,
    });
    expect(errorText(forged)).toMatch(/not recorded by this council.*\(CWC-E9\)/);
    expect(await prisma.request.count({ where: { subject } })).toBe(0);
  });
});

describe("the complaint start page's guidance (WIG-E10, HTC-E4)", () => {
  it("WIG-E10: a WIG member opening ‘Make a complaint’ is shown the guidance citing WIG-E10, and again when checking their answers", async () => {
    const member = await as(WIG("patricia.lunt"));
    const start = await checkComplaintGuidance(member, {});
    expect(start.preview!.join(" ")).toMatch(/code of recommended practice.*abuse officers.*\(WIG-E10\)/);
    const check = await checkTypedForm(
      member,
      "complaint",
      {
        subjectUserId: await idOf(WIG("liam.gaskell")),
        summary: `Litter bins not emptied ${tag()}`,
        details: "Bins on Bryn Road were not emptied for three weeks.",
        codeOfConduct: "no",
      },
      NOW,
    );
    expect(check.errors).toEqual({});
    expect(check.preview!.join(" ")).toContain("(WIG-E10)");
    // Not in councils whose protocol has no such guidance.
    expect((await checkComplaintGuidance(await as(CWC("yasmin.clarke")), {})).preview).toEqual([]);
  });

  it("HTC-E4: an HTC member opening a complaint about an officer is shown the guidance citing HTC-E4", async () => {
    const member = await as(HTC("bridget.fenn"));
    const start = await checkComplaintGuidance(member, {});
    expect(start.preview).toEqual([
      expect.stringMatching(/^If your complaint is about an officer: .*\(HTC-E4\)$/),
    ]);
    const aboutOfficer = await checkComplaintGuidance(member, { subjectUserId: await idOf(HTC("dean.parr")) });
    expect(aboutOfficer.preview).toEqual([
      expect.stringMatching(/^Officers cannot respond to public comment.*\(HTC-E4\)$/),
    ]);
    const aboutMember = await checkComplaintGuidance(member, { subjectUserId: await idOf(HTC("rosa.quint")) });
    expect(aboutMember.preview).toEqual([]);
    expect((await checkComplaintGuidance(member, { subjectUserId: "nope!" })).errors.subjectUserId).toBeTruthy();

    const check = await checkTypedForm(
      member,
      "complaint",
      {
        subjectUserId: await idOf(HTC("dean.parr")),
        summary: `Grass cutting left unfinished ${tag()}`,
        details: "The recreation ground was left half cut.",
        codeOfConduct: "no",
        grievance: "no",
      },
      NOW,
    );
    expect(check.errors).toEqual({});
    expect(check.preview!.join(" ")).toContain("(HTC-E4)");
  });
});
