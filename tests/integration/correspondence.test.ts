// Correspondence between members and officers, and official letters (issue 14, RULES.md §3.E), through the pages'
// form handlers on real PostgreSQL with the demo councils: copying (CWC-E1, CWC-E2, C2007-E1, WIG-E3, DEF-E2,
// DEF-E5, with WIG-A8 and WIG-A10), replies (CWC-E4), staff employment messages (WIG-E9) and letters (CWC-E3,
// C2007-E2, DEF-G1). Each test checks what was stored: status, grants (another viewer gets not found),
// notifications and audit events with their rule IDs.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import {
  handleCorrespondenceAction,
  handleDraftLetter,
  handleRecordCorrespondence,
  type FormOutcome,
} from "@/lib/correspondence/forms";
import { listCorrespondence, loadCorrespondencePage, newCorrespondenceForm } from "@/lib/correspondence/queries";
import { AppError } from "@/lib/errors";
import { getRequestDetail } from "@/lib/requests/queries";
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
const idOf = async (email: string) => (await as(email)).id;

const cwc = (n: string) => `${n}@cheshire-west.example`;
const c2007 = (n: string) => `${n}@ashdown-vale.example`;
const hal = (n: string) => `${n}@halton.example`;
const wig = (n: string) => `${n}@wigan.example`;

// CWC: Labour (Yasmin Clarke, Carol Ames, Dev Mistry — Cabinet Member, Louise Barraclough — Leader), Conservative
// (Simon Greatorex, Adrian Penhale), Independent (Megan Iles); officers Kieran Walsh (Head of Highways) and his
// Director Nadia Brook (Place Operations).
const YASMIN = cwc("yasmin.clarke");
const CAROL = cwc("carol.ames");
const DEV = cwc("dev.mistry");
const LOUISE = cwc("louise.barraclough");
const SIMON = cwc("simon.greatorex");
const MEGAN = cwc("megan.iles");
const KIERAN = cwc("kieran.walsh");
const NADIA = cwc("nadia.brook");

/** Records a letter as `email` and returns its id (failing the test with the errors if it is refused). */
async function record(email: string, values: Record<string, string>): Promise<string> {
  const out = await recordAs(email, values);
  if (!("done" in out)) throw new Error(`not recorded: ${JSON.stringify(out.errors)}`);
  return out.id;
}
async function recordAs(email: string, values: Record<string, string>): Promise<FormOutcome> {
  return handleRecordCorrespondence(
    await as(email),
    { medium: "LETTER", sentOn: "2027-03-01", body: "Please look into this for my residents.", ...values },
    NOW,
  );
}
const act = async (email: string, requestId: string, action: string, values: Record<string, string> = {}) =>
  handleCorrespondenceAction(await as(email), { requestId, action, ...values }, NOW);
const draft = async (email: string, values: Record<string, string>) =>
  handleDraftLetter(
    await as(email),
    { addressee: "Acme Contractors Ltd", body: "Dear Sirs, …", obligations: "no", ...values },
    NOW,
  );

async function sees(email: string, id: string): Promise<boolean> {
  try {
    await getRequestDetail(await as(email), id);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return false;
    throw e;
  }
}
const errorsOf = (o: FormOutcome) => ("errors" in o ? Object.values(o.errors).join(" ") : "");
const notes = async (email: string, requestId: string) =>
  prisma.notification.findMany({ where: { requestId, userId: await idOf(email) }, orderBy: { createdAt: "asc" } });
const events = (requestId: string) =>
  prisma.auditEvent.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const copyRow = async (requestId: string, email: string) =>
  prisma.correspondenceCopy.findUnique({
    where: { requestId_recipientId: { requestId, recipientId: await idOf(email) } },
  });
const row = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });

describe("recording correspondence", () => {
  it("CWC-E1: a member's letter to an officer is seen by the two of them only, and waits in the officer's queue", async () => {
    const subject = `Potholes on Blacon Lane ${tag()}`;
    const id = await record(YASMIN, { toId: await idOf(KIERAN), subject });
    const r = await row(id);
    expect(r).toMatchObject({ type: "CORRESPONDENCE", status: "OPEN", deciderId: await idOf(KIERAN) });
    expect(r.data).toMatchObject({
      originatorId: await idOf(YASMIN),
      recipientId: await idOf(KIERAN),
      direction: "MEMBER_TO_OFFICER",
      confidential: false,
    });
    expect(await sees(YASMIN, id)).toBe(true);
    expect(await sees(KIERAN, id)).toBe(true);
    // Another group's member, the officer's Director and a member of another council get "not found".
    expect(await sees(SIMON, id)).toBe(false);
    expect(await sees(NADIA, id)).toBe(false);
    expect(await sees(wig("joan.pilling"), id)).toBe(false);
    const forged = await act(SIMON, id, "COPY", { recipientIds: await idOf(SIMON) });
    expect(errorsOf(forged)).toMatch(/not found/i);
    expect((await notes(KIERAN, id)).map((n) => n.title)).toEqual([`Letter from Yasmin Clarke: ${subject}`]);
    expect((await events(id))[0]).toMatchObject({ action: "FILED", ruleId: "CWC-E1" });
    // The list shows it to its parties only.
    const listed = async (email: string) =>
      (await listCorrespondence(await as(email), 1)).items.some((i) => i.id === id);
    expect(await listed(YASMIN)).toBe(true);
    expect(await listed(SIMON)).toBe(false);
    // Twice the same submission records it once.
    expect(await record(YASMIN, { toId: await idOf(KIERAN), subject })).toBe(id);
  });

  it("CWC-E1: an officer records a letter received from a member, who is its originator; bad input is refused, never a crash", async () => {
    const subject = `Street lighting ${tag()}`;
    const id = await record(KIERAN, { fromId: await idOf(YASMIN), toId: await idOf(KIERAN), subject });
    expect((await row(id)).data).toMatchObject({
      originatorId: await idOf(YASMIN),
      recipientId: await idOf(KIERAN),
    });
    expect((await notes(YASMIN, id)).length).toBe(1);
    const future = await recordAs(KIERAN, { toId: await idOf(YASMIN), subject, sentOn: "2027-03-04" });
    expect("errors" in future && future.errors.sentOn).toMatch(/on or before/);
    const forgedId = await recordAs(YASMIN, { toId: "x'; drop table", subject });
    expect("errors" in forgedId && forgedId.errors.toId).toBeTruthy();
    const someoneElses = await recordAs(KIERAN, {
      fromId: await idOf(YASMIN),
      toId: await idOf(NADIA),
      subject: `Not mine ${tag()}`,
    });
    expect("errors" in someoneElses && someoneElses.errors.toId).toMatch(/sent to you/);
    const memberToMember = await recordAs(YASMIN, { toId: await idOf(SIMON), subject: `Chat ${tag()}` });
    expect("errors" in memberToMember && memberToMember.errors.toId).toMatch(/councillor and an officer/);
  });
});

describe("copying correspondence (CWC)", () => {
  it("CWC-E1: Cllr A's letter copied to Group Y's Cllr B is blocked until A consents; a copy to Group X's Cllr C succeeds and A is notified naming C", async () => {
    const id = await record(YASMIN, { toId: await idOf(KIERAN), subject: `Bin collections ${tag()}` });
    // To Simon Greatorex (Conservative): not copied, A is asked.
    expect(await act(KIERAN, id, "COPY", { recipientIds: await idOf(SIMON), reasons: "He asked." })).toEqual({
      done: "COPY_AWAITING",
      id,
    });
    expect(await copyRow(id, SIMON)).toMatchObject({ status: "AWAITING_CONSENT", ruleId: "CWC-E1" });
    expect(await sees(SIMON, id)).toBe(false);
    expect(await notes(SIMON, id)).toEqual([]);
    const asked = await notes(YASMIN, id);
    expect(asked.map((n) => n.title).join(" ")).toMatch(/consent.*Simon Greatorex/);
    expect(asked.map((n) => n.body).join(" ")).toContain("CWC-E1");
    expect((await events(id)).at(-1)).toMatchObject({ action: "COPY_AWAITING_CONSENT", ruleId: "CWC-E1" });
    // Consent awaited: the originator must act next, so it is in her queue.
    expect((await row(id)).deciderId).toBe(await idOf(YASMIN));

    // To Carol Ames (Labour, A's group): copied now, and A is told who it went to.
    expect(await act(KIERAN, id, "COPY", { recipientIds: await idOf(CAROL) })).toEqual({ done: "COPY", id });
    expect(await sees(CAROL, id)).toBe(true);
    expect(await copyRow(id, CAROL)).toMatchObject({ status: "COPIED", ruleId: "CWC-E1" });
    expect((await notes(CAROL, id)).length).toBe(1);
    expect((await notes(YASMIN, id)).map((n) => n.title)).toContainEqual(
      expect.stringContaining("copied to Carol Ames"),
    );
    const copied = (await events(id)).find((e) => e.action === "COPIED");
    expect(copied).toMatchObject({ ruleId: "CWC-E1" });
    expect(copied?.reasons).toContain("Carol Ames");
    // A sees every copy on the page, and only A is offered consent; the officer's forged consent is refused.
    const page = await loadCorrespondencePage(await as(YASMIN), id);
    expect(page.type === "CORRESPONDENCE" && page.copies.map((c) => [c.recipient, c.status])).toEqual([
      ["Simon Greatorex", "AWAITING_CONSENT"],
      ["Carol Ames", "COPIED"],
    ]);
    expect(page.specs.map((s) => s.action)).toEqual(expect.arrayContaining(["GIVE_CONSENT", "REFUSE_CONSENT"]));
    expect((await loadCorrespondencePage(await as(KIERAN), id)).specs.map((s) => s.action)).not.toContain(
      "GIVE_CONSENT",
    );
    expect(errorsOf(await act(KIERAN, id, "GIVE_CONSENT"))).toContain("(CWC-E1)");
    expect(await sees(SIMON, id)).toBe(false);

    // A consents: only now does B get access and a notification; the officer is back to reply.
    expect(await act(YASMIN, id, "GIVE_CONSENT")).toEqual({ done: "GIVE_CONSENT", id });
    expect(await sees(SIMON, id)).toBe(true);
    expect((await notes(SIMON, id)).length).toBe(1);
    expect(await copyRow(id, SIMON)).toMatchObject({ status: "COPIED" });
    expect((await events(id)).at(-1)).toMatchObject({ action: "CONSENT_GIVEN", ruleId: "CWC-E1" });
    expect((await row(id)).deciderId).toBe(await idOf(KIERAN));
  });

  it("CWC-E1: when the originator refuses consent the other group's member never sees it, and asking again is refused", async () => {
    const id = await record(KIERAN, {
      fromId: await idOf(YASMIN),
      toId: await idOf(KIERAN),
      subject: `Play area ${tag()}`,
    });
    expect(await act(KIERAN, id, "COPY", { recipientIds: await idOf(MEGAN) })).toEqual({
      done: "COPY_AWAITING",
      id,
    });
    expect(await act(YASMIN, id, "REFUSE_CONSENT")).toEqual({ done: "REFUSE_CONSENT", id });
    expect(await sees(MEGAN, id)).toBe(false);
    expect(await copyRow(id, MEGAN)).toMatchObject({ status: "CONSENT_REFUSED" });
    expect((await notes(KIERAN, id)).map((n) => n.title)).toContainEqual(expect.stringMatching(/Consent refused/));
    const again = await act(KIERAN, id, "COPY", { recipientIds: await idOf(MEGAN) });
    expect(errorsOf(again)).toMatch(/refused consent.*\(CWC-E1\)/);
    // Only the officer who received it copies it (not the member it was copied to, nor the originator, in CWC).
    expect(errorsOf(await act(YASMIN, id, "COPY", { recipientIds: await idOf(CAROL) }))).toContain("(CWC-E1)");
  });

  it("CWC-E2: Cllr A's enquiry to the Director copied to the Cabinet Member waits for A's consent", async () => {
    const id = await record(YASMIN, { toId: await idOf(NADIA), subject: `Highways maintenance ${tag()}` });
    // Dev Mistry is in A's own group, but a Cabinet Member: consent first (CWC-E2).
    expect(await act(NADIA, id, "COPY", { recipientIds: await idOf(DEV) })).toEqual({ done: "COPY_AWAITING", id });
    expect(await copyRow(id, DEV)).toMatchObject({ status: "AWAITING_CONSENT", ruleId: "CWC-E2" });
    expect(await sees(DEV, id)).toBe(false);
    expect((await events(id)).at(-1)).toMatchObject({ action: "COPY_AWAITING_CONSENT", ruleId: "CWC-E2" });
    expect((await notes(YASMIN, id)).map((n) => n.body).join(" ")).toContain("CWC-E2");
    // The Overview and Scrutiny Chair (Adrian Penhale) likewise sees nothing before consent.
    expect(await act(NADIA, id, "COPY", { recipientIds: await idOf(cwc("adrian.penhale")) })).toEqual({
      done: "COPY_AWAITING",
      id,
    });
    expect(await sees(cwc("adrian.penhale"), id)).toBe(false);
    expect(await act(YASMIN, id, "GIVE_CONSENT", { copyId: (await copyRow(id, DEV))!.id })).toEqual({
      done: "GIVE_CONSENT",
      id,
    });
    expect(await sees(DEV, id)).toBe(true);
    expect((await events(id)).at(-1)).toMatchObject({ action: "CONSENT_GIVEN", ruleId: "CWC-E2" });
    // One copy still waits, so the originator still holds it.
    expect((await row(id)).deciderId).toBe(await idOf(YASMIN));
  });

  it("CWC-E1: there are no blind copies — a forged bcc is rejected and nothing is copied", async () => {
    const id = await record(YASMIN, { toId: await idOf(KIERAN), subject: `Verges ${tag()}` });
    const out = await act(KIERAN, id, "COPY", { recipientIds: await idOf(CAROL), bcc: await idOf(SIMON) });
    expect("errors" in out && out.errors.recipientIds).toMatch(/no blind or silent copies.*\(CWC-E1\)/);
    expect(await prisma.correspondenceCopy.count({ where: { requestId: id } })).toBe(0);
    expect(await sees(SIMON, id)).toBe(false);
    expect(await sees(CAROL, id)).toBe(false);
  });
});

describe("replies (CWC-E4)", () => {
  it("CWC-E4: a Cabinet Member's reply in that capacity is copied to the Leader; omitting the Leader without the reason is blocked", async () => {
    const id = await record(SIMON, { toId: await idOf(DEV), subject: `Air quality ${tag()}` });
    expect((await row(id)).data).toMatchObject({ direction: "MEMBER_TO_CABINET_MEMBER" });
    const page = await loadCorrespondencePage(await as(DEV), id);
    const reply = page.specs.find((s) => s.action === "REPLY");
    expect(reply?.fields.map((f) => ("name" in f ? f.name : ""))).toEqual(
      expect.arrayContaining(["asCabinetMember", "leaveLeaderOff", "breachOfConfidence"]),
    );
    // Leaving the Leader off without "breach of professional confidence": blocked, nothing stored.
    const blocked = await act(DEV, id, "REPLY", {
      reply: "We are monitoring it.",
      asCabinetMember: "yes",
      leaveLeaderOff: "yes",
    });
    expect("errors" in blocked && blocked.errors.breachOfConfidence).toMatch(
      /professional confidence.*\(CWC-E4\)/,
    );
    expect((await row(id)).status).toBe("OPEN");
    expect(await prisma.message.count({ where: { requestId: id } })).toBe(0);
    // Only the person it was sent to replies.
    expect(errorsOf(await act(SIMON, id, "REPLY", { reply: "Me again" }))).toMatch(/Only the person/);

    expect(await act(DEV, id, "REPLY", { reply: "We are monitoring it.", asCabinetMember: "yes" })).toEqual({
      done: "REPLY",
      id,
    });
    expect(await row(id)).toMatchObject({ status: "REPLIED", deciderId: null });
    expect(await sees(LOUISE, id)).toBe(true);
    expect((await notes(LOUISE, id)).map((n) => n.title)).toEqual([
      expect.stringContaining("Copy of a Cabinet Member's reply from Dev Mistry"),
    ]);
    expect(await copyRow(id, LOUISE)).toMatchObject({ status: "COPIED", ruleId: "CWC-E4" });
    const steps = (await events(id)).slice(-2).map((e) => [e.action, e.ruleId]);
    expect(steps).toEqual([
      ["REPLY", "CWC-E4"],
      ["LEADER_COPIED", "CWC-E4"],
    ]);
    expect((await notes(SIMON, id)).map((n) => n.title)).toContainEqual(
      expect.stringContaining("Louise Barraclough"),
    );
    expect(await prisma.message.findFirst({ where: { requestId: id } })).toMatchObject({ kind: "REPLY" });
  });

  it("CWC-E4: the Leader is left off only with the reason 'breach of professional confidence', explained on the record", async () => {
    const id = await record(SIMON, { toId: await idOf(DEV), subject: `A personal matter ${tag()}` });
    const noExplanation = await act(DEV, id, "REPLY", {
      reply: "Thank you.",
      asCabinetMember: "yes",
      leaveLeaderOff: "yes",
      breachOfConfidence: "yes",
    });
    expect("errors" in noExplanation && noExplanation.errors.confidenceExplanation).toContain("(CWC-E4)");
    expect(
      await act(DEV, id, "REPLY", {
        reply: "Thank you.",
        asCabinetMember: "yes",
        leaveLeaderOff: "yes",
        breachOfConfidence: "yes",
        confidenceExplanation: "It concerns a named resident's health.",
      }),
    ).toEqual({ done: "REPLY", id });
    expect(await sees(LOUISE, id)).toBe(false);
    const last = (await events(id)).at(-1)!;
    expect(last).toMatchObject({ action: "REPLY", ruleId: "CWC-E4" });
    expect(last.reasons).toMatch(/breach of professional confidence.*named resident/);
    // A member who is not a Cabinet Member cannot reply "as Cabinet Member".
    const other = await record(KIERAN, { toId: await idOf(YASMIN), subject: `Reply test ${tag()}` });
    const notCabinet = await act(YASMIN, other, "REPLY", { reply: "Thanks", asCabinetMember: "yes" });
    expect(errorsOf(notCabinet)).toContain("(CWC-E4)");
  });
});

describe("official letters", () => {
  it("CWC-E3: a letter creating obligations cannot have a Cabinet Member as signatory; a member signatory needs reasons (DEF-G1)", async () => {
    const subject = `Contract variation ${tag()}`;
    const blocked = await draft(KIERAN, { subject, obligations: "yes", signatoryId: await idOf(DEV) });
    expect("errors" in blocked && blocked.errors.signatoryId).toMatch(
      /never sent in a councillor's name.*\(CWC-E3\)/,
    );
    expect(await prisma.request.count({ where: { subject } })).toBe(0);
    const noReasons = await draft(KIERAN, { subject, obligations: "no", signatoryId: await idOf(DEV) });
    expect("errors" in noReasons && noReasons.errors.signatoryReasons).toContain("(DEF-G1)");

    const ok = await draft(KIERAN, {
      subject,
      obligations: "no",
      signatoryId: await idOf(DEV),
      signatoryReasons: "Representations to the minister come from the Cabinet Member.",
    });
    if (!("done" in ok)) throw new Error(JSON.stringify(ok.errors));
    const id = ok.id;
    expect(await row(id)).toMatchObject({ type: "LETTER", status: "DRAFT", deciderId: await idOf(KIERAN) });
    expect(await sees(DEV, id)).toBe(true);
    expect(await sees(SIMON, id)).toBe(false);
    expect((await notes(DEV, id)).length).toBe(1);
    // Only the drafter records it as sent.
    expect(errorsOf(await act(DEV, id, "RECORD_SENT"))).toContain("(CWC-E3)");
    expect(await act(KIERAN, id, "RECORD_SENT")).toEqual({ done: "RECORD_SENT", id });
    expect(await row(id)).toMatchObject({ status: "SENT", deciderId: null });
    expect((await events(id)).map((e) => [e.action, e.ruleId])).toEqual([
      ["FILED", "CWC-E3"],
      ["SENT", "CWC-E3"],
    ]);
    expect(errorsOf(await act(KIERAN, id, "RECORD_SENT"))).toMatch(/already/);
  });

  it("CWC-E3: the signatory defaults to the drafting officer; members do not draft official letters", async () => {
    const out = await draft(KIERAN, { subject: `Instruction to contractor ${tag()}`, obligations: "yes" });
    if (!("done" in out)) throw new Error(JSON.stringify(out.errors));
    expect((await row(out.id)).data).toMatchObject({ signatoryId: await idOf(KIERAN), obligations: true });
    const byMember = await draft(YASMIN, { subject: `Member letter ${tag()}` });
    expect(errorsOf(byMember)).toMatch(/drafted by officers.*\(CWC-E3\)/);
    expect(await sees(YASMIN, out.id)).toBe(false);
  });

  it("C2007-E2: a letter giving instructions cannot be set to go out in a councillor's name", async () => {
    const subject = `Notice to tenant ${tag()}`;
    const out = await draft(c2007("daniel.crewe"), {
      subject,
      obligations: "yes",
      signatoryId: await idOf(c2007("pauline.oduya")),
      signatoryReasons: "The Chairman wants to sign it.",
    });
    expect("errors" in out && out.errors.signatoryId).toContain("(C2007-E2)");
    expect(await prisma.request.count({ where: { subject } })).toBe(0);
    const ok = await draft(c2007("daniel.crewe"), { subject, obligations: "yes" });
    if (!("done" in ok)) throw new Error(JSON.stringify(ok.errors));
    expect((await events(ok.id))[0]).toMatchObject({ action: "FILED", ruleId: "C2007-E2" });
  });
});

describe("copying correspondence (C2007, HAL)", () => {
  const PAULINE = c2007("pauline.oduya");
  const MOIRA = c2007("moira.delaney");
  const ROWAN = c2007("rowan.ellery");

  it("C2007-E1: copying Cllr A's email to Cllr B needs reasons and A is notified, naming B; a hidden-recipient copy is rejected", async () => {
    const id = await record(PAULINE, {
      toId: await idOf(MOIRA),
      subject: `Housing list ${tag()}`,
      medium: "EMAIL",
    });
    const noReasons = await act(MOIRA, id, "COPY", { recipientIds: await idOf(ROWAN) });
    expect("errors" in noReasons && noReasons.errors.reasons).toMatch(/exceptionally necessary.*\(C2007-E1\)/);
    const hidden = await act(MOIRA, id, "COPY", {
      recipientIds: await idOf(ROWAN),
      reasons: "Ward member for the estate.",
      hiddenRecipient: "yes",
    });
    expect(errorsOf(hidden)).toMatch(/no blind or silent copies.*\(C2007-E1\)/);
    expect(await sees(ROWAN, id)).toBe(false);
    expect(await prisma.correspondenceCopy.count({ where: { requestId: id } })).toBe(0);

    expect(
      await act(MOIRA, id, "COPY", { recipientIds: await idOf(ROWAN), reasons: "Ward member for the estate." }),
    ).toEqual({ done: "COPY", id });
    expect(await sees(ROWAN, id)).toBe(true);
    expect(await copyRow(id, ROWAN)).toMatchObject({ status: "COPIED", ruleId: "C2007-E1" });
    const told = await notes(PAULINE, id);
    expect(told.at(-1)!.title).toContain("copied to Rowan Ellery");
    expect(told.at(-1)!.body).toMatch(/Ward member for the estate.*\(C2007-E1\)/);
    // Every copy is on the originator's timeline.
    const history = (await loadCorrespondencePage(await as(PAULINE), id)).detail.timeline;
    expect(history.find((t) => t.action === "COPIED")).toMatchObject({ ruleId: "C2007-E1" });
    expect(history.find((t) => t.action === "COPIED")?.reasons).toContain("Rowan Ellery");
    // Copying to an officer needs no reasons, and A is still told.
    expect(await act(MOIRA, id, "COPY", { recipientIds: await idOf(c2007("saoirse.byrne")) })).toEqual({
      done: "COPY",
      id,
    });
    expect((await notes(PAULINE, id)).at(-1)!.title).toContain("Saoirse Byrne");
  });

  it("DEF-E2: in Halton a forged blind copy is rejected, and the originator is told of every copy, naming the recipient", async () => {
    const id = await record(hal("sandra.kettle"), {
      toId: await idOf(hal("colin.ashworth")),
      subject: `Road closure ${tag()}`,
    });
    const blind = await act(hal("colin.ashworth"), id, "COPY", {
      recipientIds: await idOf(hal("rory.blackwood")),
      blindCopyIds: await idOf(hal("philippa.dunne")),
    });
    expect(errorsOf(blind)).toMatch(/no blind or silent copies.*\(DEF-E2\)/);
    expect(await sees(hal("philippa.dunne"), id)).toBe(false);
    expect(
      await act(hal("colin.ashworth"), id, "COPY", { recipientIds: await idOf(hal("rory.blackwood")) }),
    ).toEqual({ done: "COPY", id });
    expect(await copyRow(id, hal("rory.blackwood"))).toMatchObject({ status: "COPIED", ruleId: "DEF-E2" });
    const told = await notes(hal("sandra.kettle"), id);
    expect(told.at(-1)!.title).toContain("Rory Blackwood");
    expect(told.at(-1)!.body).toContain("(DEF-E2)");
    expect((await events(id)).at(-1)).toMatchObject({ action: "COPIED", ruleId: "DEF-E2" });
  });
});

describe("copying correspondence (WIG)", () => {
  const JOAN = wig("joan.pilling");
  const LIAM = wig("liam.gaskell");
  const REBECCA = wig("rebecca.shaw");
  const PATRICIA = wig("patricia.lunt");
  const TONY = wig("tony.birchall");
  const GORDON = wig("gordon.fairclough");

  it("WIG-E3: a confidential-marked letter is never copied; an unmarked letter copies, by either party", async () => {
    const secret = await record(JOAN, {
      toId: await idOf(LIAM),
      subject: `Tenant dispute ${tag()}`,
      confidential: "yes",
    });
    const blocked = await act(LIAM, secret, "COPY", { recipientIds: await idOf(PATRICIA) });
    expect("errors" in blocked && blocked.errors.recipientIds).toMatch(/marked confidential.*\(WIG-E3\)/);
    expect(await sees(PATRICIA, secret)).toBe(false);
    const liamPage = await loadCorrespondencePage(await as(LIAM), secret);
    expect(liamPage.specs.map((s) => s.action)).not.toContain("COPY");
    expect(liamPage.type === "CORRESPONDENCE" && liamPage.notCopied?.ruleId).toBe("WIG-E3");

    const open = await record(JOAN, { toId: await idOf(LIAM), subject: `Bus shelter ${tag()}` });
    // Another group's member: allowed in WIG (no consent rule), and by the recipient…
    expect(await act(LIAM, open, "COPY", { recipientIds: await idOf(TONY) })).toEqual({ done: "COPY", id: open });
    expect(await sees(TONY, open)).toBe(true);
    expect(await copyRow(open, TONY)).toMatchObject({ status: "COPIED", ruleId: "WIG-E3" });
    // …or by the sender.
    expect(await act(JOAN, open, "COPY", { recipientIds: await idOf(PATRICIA) })).toEqual({
      done: "COPY",
      id: open,
    });
    expect(await sees(PATRICIA, open)).toBe(true);
    // Someone copied in does not copy it on.
    expect(errorsOf(await act(TONY, open, "COPY", { recipientIds: await idOf(GORDON) }))).toContain("(WIG-E3)");
    expect((await notes(JOAN, open)).map((n) => n.title)).toContainEqual(expect.stringContaining("Tony Birchall"));
  });

  it("WIG-E3: when a member writes to an officer, the officer's Director is suggested and copied in one click", async () => {
    const id = await record(JOAN, { toId: await idOf(LIAM), subject: `Flooding ${tag()}` });
    const page = await loadCorrespondencePage(await as(JOAN), id);
    expect(page.type === "CORRESPONDENCE" && page.director).toMatchObject({
      name: "Rebecca Shaw",
      ruleId: "WIG-E3",
    });
    // The officer is not offered it; only the member who wrote it.
    const officerPage = await loadCorrespondencePage(await as(LIAM), id);
    expect(officerPage.type === "CORRESPONDENCE" && officerPage.director).toBeNull();
    expect(await sees(REBECCA, id)).toBe(false);
    expect(await act(JOAN, id, "COPY_DIRECTOR")).toEqual({ done: "COPY", id });
    expect(await sees(REBECCA, id)).toBe(true);
    expect((await notes(REBECCA, id)).length).toBe(1);
    expect(await copyRow(id, REBECCA)).toMatchObject({ status: "COPIED", ruleId: "WIG-E3" });
    const after = await loadCorrespondencePage(await as(JOAN), id);
    expect(after.type === "CORRESPONDENCE" && after.director).toBeNull();
    // A forged one-click copy where there is no suggestion is refused.
    expect(errorsOf(await act(LIAM, id, "COPY_DIRECTOR"))).toMatch(/no Director to suggest/);
  });

  it("WIG-E3, DEF-E5: copying to all members, or more than five, first shows the public-rebuke notice", async () => {
    const id = await record(JOAN, { toId: await idOf(LIAM), subject: `Town centre parking ${tag()}` });
    const asked = await act(LIAM, id, "COPY", { allMembers: "yes" });
    expect("confirm" in asked && asked.confirm).toMatch(/public rebuke \(WIG-E3\).*DEF-E5/);
    expect("values" in asked && asked.values.requestId).toBeUndefined();
    expect(await prisma.correspondenceCopy.count({ where: { requestId: id } })).toBe(0);
    expect(await sees(TONY, id)).toBe(false);
    // The confirmation sends the same values again with `confirmed`.
    const values = "values" in asked ? asked.values : {};
    expect(
      await handleCorrespondenceAction(await as(LIAM), { ...values, requestId: id, confirmed: "yes" }, NOW),
    ).toEqual({
      done: "COPY",
      id,
    });
    for (const m of ["keith.ormerod", "sadia.rahman", "stuart.heyes", "patricia.lunt", "gordon.fairclough"])
      expect(await sees(wig(m), id)).toBe(true);
    expect(await sees(TONY, id)).toBe(true);
    expect((await events(id)).at(-1)!.data).toMatchObject({ publicRebukeNoticeShown: ["WIG-E3", "DEF-E5"] });

    // Six named members is wide too; three is not.
    const six = await record(JOAN, { toId: await idOf(LIAM), subject: `Six ${tag()}` });
    const sixIds = await Promise.all(
      ["keith.ormerod", "sadia.rahman", "stuart.heyes", "patricia.lunt", "gordon.fairclough", "tony.birchall"].map(
        (m) => idOf(wig(m)),
      ),
    );
    expect(await act(LIAM, six, "COPY", { recipientIds: sixIds.join("\n") })).toMatchObject({
      confirm: expect.stringContaining("6 members"),
    });
    expect(await act(LIAM, six, "COPY", { recipientIds: sixIds.slice(0, 3).join("\n") })).toEqual({
      done: "COPY",
      id: six,
    });
  });

  it("WIG-E3, WIG-A8: an individual matter is not circulated; its writer may share it with their own party only", async () => {
    const id = await record(JOAN, {
      toId: await idOf(LIAM),
      subject: `A resident's repair ${tag()}`,
      individualMatter: "yes",
    });
    const byOfficer = await act(LIAM, id, "COPY", { recipientIds: await idOf(PATRICIA) });
    expect(errorsOf(byOfficer)).toMatch(/individual matter.*\(WIG-A8\)/);
    const otherParty = await act(JOAN, id, "COPY", { recipientIds: await idOf(GORDON) });
    expect(errorsOf(otherParty)).toContain("(WIG-A8)");
    expect(await sees(GORDON, id)).toBe(false);
    expect(await act(JOAN, id, "COPY", { recipientIds: await idOf(PATRICIA) })).toEqual({ done: "COPY", id });
    expect(await sees(PATRICIA, id)).toBe(true);
    // Keeping the Director informed is still allowed.
    expect(await act(LIAM, id, "COPY", { recipientIds: await idOf(REBECCA) })).toEqual({ done: "COPY", id });
  });

  it("WIG-E3, WIG-A10: correspondence about another councillor needs agreement, is not copied to others and its reply is shared with that councillor", async () => {
    const subject = `Cllr Fairclough's expenses ${tag()}`;
    const noAgreement = await recordAs(JOAN, {
      toId: await idOf(LIAM),
      subject,
      concernedMemberId: await idOf(GORDON),
    });
    expect("errors" in noAgreement && noAgreement.errors.sharingAgreed).toContain("(WIG-A10)");
    expect(await prisma.request.count({ where: { subject } })).toBe(0);
    const id = await record(JOAN, {
      toId: await idOf(LIAM),
      subject,
      concernedMemberId: await idOf(GORDON),
      sharingAgreed: "yes",
    });
    expect(await sees(GORDON, id)).toBe(false);
    expect(errorsOf(await act(LIAM, id, "COPY", { recipientIds: await idOf(TONY) }))).toContain("(WIG-A10)");
    expect(await act(LIAM, id, "REPLY", { reply: "The claims are published quarterly." })).toEqual({
      done: "REPLY",
      id,
    });
    expect(await sees(GORDON, id)).toBe(true);
    expect((await notes(GORDON, id)).length).toBe(1);
    expect((await notes(JOAN, id)).map((n) => n.title)).toContainEqual(expect.stringContaining("replied"));
  });
});

describe("staff employment (WIG-E9)", () => {
  it("WIG-E9: an officer's message to a member about their own pay and grading is not delivered; the notice points to the staff consultation procedures", async () => {
    const subject = `My pay and grading ${tag()}`;
    const body = "I think my post should be regraded; could you raise it?";
    const out = await recordAs(wig("liam.gaskell"), {
      toId: await idOf(wig("joan.pilling")),
      subject,
      body,
      medium: "EMAIL",
      aboutOwnEmployment: "yes",
    });
    expect("errors" in out && out.errors.aboutOwnEmployment).toMatch(
      /not been sent.*staff consultation procedures.*\(WIG-E9\)/,
    );
    // What was typed is kept in the form; nothing is stored or sent.
    expect("values" in out && out.values.body).toBe(body);
    expect(await prisma.request.count({ where: { subject } })).toBe(0);
    expect(
      await prisma.notification.count({
        where: { userId: await idOf(wig("joan.pilling")), title: { contains: subject } },
      }),
    ).toBe(0);
    // The form asks the question of officers in Wigan.
    const spec = await newCorrespondenceForm(await as(wig("liam.gaskell")));
    expect(spec?.fields.map((f) => ("name" in f ? f.name : ""))).toContain("aboutOwnEmployment");
    // A work message to the same member is recorded.
    const work = await record(wig("liam.gaskell"), {
      toId: await idOf(wig("joan.pilling")),
      subject: `Your casework query ${tag()}`,
    });
    expect((await row(work)).data).toMatchObject({ direction: "OFFICER_TO_MEMBER" });
  });
});
