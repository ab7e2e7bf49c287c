// Validation of every form's server-action handler on real PostgreSQL: bad input comes back as field errors with
// plain messages (naming the protocol rule where one applies), the check step writes nothing, and submissions
// are idempotent.
import { describe, expect, it } from "vitest";
import { checkInformationForm, submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { checkTypedForm, submitTypedForm } from "@/lib/requests/forms/typed";
import type { InformationFormValues } from "@/lib/requests/schema";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");
const info = (o: Partial<InformationFormValues> = {}): InformationFormValues => ({
  subject: "Bin collections",
  details: "Missed collections in my ward this month",
  category: "GENERAL",
  thirdPartyData: "no",
  classification: "GENERAL_ENQUIRY",
  ...o,
});

describe("information request form", () => {
  it("reports each missing answer against its field", async () => {
    const v = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    const r = await checkInformationForm(
      v,
      { subject: " ", details: "", category: "GENERAL", thirdPartyData: undefined as never },
      NOW,
    );
    expect(r.errors).toMatchObject({
      subject: "Enter a subject for your request",
      details: "Say what information you need",
      thirdPartyData: expect.stringMatching(/personal details/),
    });
  });

  it("CWC-A7 and CWC-A1: protocol refusals name the rule; the check step writes nothing", async () => {
    const v = await viewerByEmail(prisma, "simon.greatorex@cheshire-west.example");
    const before = await prisma.request.count();
    const draft = await checkInformationForm(
      v,
      info({ category: "DRAFT_CABINET_REPORT", councilRoleDeclared: true, classification: undefined }),
      NOW,
    );
    expect(draft.errors.category).toMatch(/\(CWC-A7\)$/);
    const grounds = await checkInformationForm(
      v,
      info({ councilRoleDeclared: true, classification: undefined }),
      NOW,
    );
    expect(grounds.errors.needToKnowGrounds).toMatch(/\(CWC-A1\)$/);
    const ok = await checkInformationForm(
      v,
      info({
        councilRoleDeclared: true,
        needToKnowGrounds: "Question to Full Council",
        classification: undefined,
      }),
      NOW,
    );
    expect(ok.errors).toEqual({});
    expect(ok.preview?.triage).toBe(true);
    expect(await prisma.request.count()).toBe(before);
  });

  it("a service of another council is refused", async () => {
    const v = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    const foreign = await prisma.service.findFirstOrThrow({ where: { council: { slug: "halton" } } });
    const r = await checkInformationForm(v, info({ serviceId: foreign.id }), NOW);
    expect(r.errors.serviceId).toBe("Choose a service of your council");
  });

  it("submitting twice with one key makes one request", async () => {
    const v = await viewerByEmail(prisma, "joan.pilling@wigan.example");
    const place = await prisma.service.findFirstOrThrow({ where: { name: "Place", council: { slug: "wigan" } } });
    const key = `form-${Date.now()}`;
    const a = await submitInformationForm(v, info({ serviceId: place.id }), key, NOW);
    const b = await submitInformationForm(v, info({ serviceId: place.id }), key, NOW);
    expect(a.id).toBeTruthy();
    expect(b.id).toBe(a.id);
  });
});

describe("briefing, complaint, assistance and agenda forms", () => {
  it("CWC-B2: a backbencher's briefing is refused with the rule; a Group Leader's check previews the shared queue", async () => {
    const values = {
      subject: "Budget",
      subjectKey: "budget-2027",
      councilBusiness: "Budget setting",
      onePartyMeeting: "no",
      kind: "GROUP",
    };
    const refused = await checkTypedForm(
      await viewerByEmail(prisma, "simon.greatorex@cheshire-west.example"),
      "briefing",
      values,
      NOW,
    );
    expect(refused.errors.form).toMatch(/\(CWC-B2\)$/);
    const ok = await checkTypedForm(
      await viewerByEmail(prisma, "adrian.penhale@cheshire-west.example"),
      "briefing",
      values,
      NOW,
    );
    expect(ok.preview?.join(" ")).toMatch(/shared queue/);
  });

  it("complaint: missing answers by field; a Code matter needs a statement (DEF-C3)", async () => {
    const v = await viewerByEmail(prisma, "tony.birchall@wigan.example");
    expect((await checkTypedForm(v, "complaint", { codeOfConduct: "no" }, NOW)).errors).toMatchObject({
      summary: expect.any(String),
      details: expect.any(String),
    });
    const member = await prisma.user.findUniqueOrThrow({ where: { email: "gordon.fairclough@wigan.example" } });
    const r = await checkTypedForm(
      v,
      "complaint",
      { subjectUserId: member.id, summary: "x", details: "y", codeOfConduct: "yes" },
      NOW,
    );
    expect(r.errors.statementOfFacts).toMatch(/\(DEF-C3\)$/);
  });

  it("assistance: hours must be a number; agenda items need a title; unknown types are refused", async () => {
    const v = await viewerByEmail(prisma, "bridget.fenn@halstead.example");
    expect(
      (await checkTypedForm(v, "assistance", { subject: "x", details: "y", estimatedHours: "lots" }, NOW)).errors
        .estimatedHours,
    ).toBe("Enter the hours as a number from 0 to 500, like 2 or 1.5");
    expect((await checkTypedForm(v, "agenda", { title: "", details: "y" }, NOW)).errors.title).toBe(
      "Enter a title for the agenda item",
    );
    expect((await submitTypedForm(v, "nonsense", {}, "k", NOW)).errors.form).toBe(
      "That kind of request does not exist.",
    );
  });

  it("HTC-D1: assistance requests are refused outside a town council", async () => {
    const v = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    expect((await checkTypedForm(v, "assistance", { subject: "x", details: "y" }, NOW)).errors.form).toMatch(
      /\(HTC-D1\)$/,
    );
  });
});

describe("request page actions", () => {
  it("WIG-A3: a refusal without reasons comes back as a field error; an unknown action and another council's request are refused", async () => {
    const member = await viewerByEmail(prisma, "sadia.rahman@wigan.example");
    const children = await prisma.service.findFirstOrThrow({
      where: { name: "Children's Services", council: { slug: "wigan" } },
    });
    const filed = await submitInformationForm(member, info({ serviceId: children.id }), `ra-${Date.now()}`, NOW);
    const director = await viewerByEmail(prisma, "anil.kapoor@wigan.example");
    const r = await handleRequestAction(
      director,
      { requestId: filed.id!, action: "REFUSE", ground: "ROVING_COMMISSION", reasons: "" },
      NOW,
    );
    expect("errors" in r && r.errors.reasons).toMatch(/\(WIG-A3\)$/);
    const bad = await handleRequestAction(director, { requestId: filed.id!, action: "DELETE" }, NOW);
    expect("errors" in bad && bad.errors.action).toBeTruthy();
    const outsider = await viewerByEmail(prisma, "ruth.calloway@cheshire-west.example");
    const nf = await handleRequestAction(outsider, { requestId: filed.id!, action: "WITHDRAW" }, NOW);
    expect("errors" in nf && nf.errors.form).toBe("That request was not found.");
    const ok = await handleRequestAction(
      member,
      { requestId: filed.id!, action: "ADD_INFORMATION", information: "It concerns two schools." },
      NOW,
    );
    expect(ok).toEqual({ done: "ADD_INFORMATION", requestId: filed.id });
  });

  it("a complainant withdraws their own open complaint; nobody else can, and not twice", async () => {
    const v = await viewerByEmail(prisma, "helen.tranter@halton.example");
    const officer = await prisma.user.findUniqueOrThrow({ where: { email: "tasha.reid@halton.example" } });
    const filed = await submitTypedForm(
      v,
      "complaint",
      { subjectUserId: officer.id, summary: "Late call back", details: "Two weeks", codeOfConduct: "no" },
      `wd-${Date.now()}`,
      NOW,
    );
    const other = await handleRequestAction(
      await viewerByEmail(prisma, "gillian.marsh@halton.example"),
      { requestId: filed.id!, action: "WITHDRAW" },
      NOW,
    );
    expect("errors" in other && other.errors.form).toBe("That request was not found.");
    // Withdrawing cannot be undone: the page asks first, and nothing changes until the member confirms.
    const asked = await handleRequestAction(v, { requestId: filed.id!, action: "WITHDRAW" }, NOW);
    expect("confirm" in asked && asked.confirm).toMatch(/Are you sure you want to withdraw/);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id! } })).status).not.toBe("WITHDRAWN");
    expect(
      await handleRequestAction(v, { requestId: filed.id!, action: "WITHDRAW", confirmed: "yes" }, NOW),
    ).toEqual({
      done: "WITHDRAW",
      requestId: filed.id,
    });
    const again = await handleRequestAction(
      v,
      { requestId: filed.id!, action: "WITHDRAW", confirmed: "yes" },
      NOW,
    );
    expect("errors" in again && again.errors.form).toMatch(/already closed/);
  });
});
