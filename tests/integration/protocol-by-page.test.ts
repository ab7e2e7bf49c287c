// Every protocol rule of RULES.md sections A–D, driven through the layer a person touches: the form handlers the
// server actions call (filing forms, the request page's actions, the other pages' forms) and what the request page
// offers to whom (loadRequestPage), on real PostgreSQL with the demo councils. Each test walks a rule's guard to its
// refusal and then to success, and checks what the next person sees.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { handleRecordLeadershipMeeting } from "@/lib/meetings/leadership";
import { handleSignificantDevelopment } from "@/lib/notices/form";
import { agreeArrangement, handleProposeArrangement } from "@/lib/organisation/arrangements";
import {
  contactOfficerIds,
  handleAddContactOfficer,
  handleRemoveContactOfficer,
} from "@/lib/organisation/contacts";
import { handleRecordAbsence } from "@/lib/people/absences";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { checkTypedForm, submitTypedForm } from "@/lib/requests/forms/typed";
import { loadRequestPage } from "@/lib/requests/request-page";
import type { InformationFormValues } from "@/lib/requests/schema";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
/** A Wednesday, clear of bank holidays. */
const NOW = new Date("2027-03-03T10:00:00Z");
let seq = 0;
const key = () => `pbp-${process.pid}-${Date.now()}-${++seq}`;
const tag = () => `${Date.now()}-${++seq}`;

const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const serviceId = async (council: string, name: string) =>
  (await prisma.service.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const groupId = async (council: string, name: string) =>
  (await prisma.partyGroup.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const committeeId = async (council: string, name: string) =>
  (await prisma.committee.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const request = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });

/** Files an information request through the form's handler; fails the test with the form's errors otherwise. */
async function ask(email: string, values: Partial<InformationFormValues>, now = NOW): Promise<string> {
  const out = await submitInformationForm(
    await as(email),
    {
      subject: `Question ${tag()}`,
      details: "Please send the figures for last year.",
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      ...values,
    },
    key(),
    now,
  );
  expect(out.errors).toEqual({});
  return out.id!;
}

/** Files a briefing, complaint, assistance request, agenda item, offer or Code-breach report through its handler. */
async function file(email: string, type: string, values: Record<string, string | string[]>, now = NOW) {
  const out = await submitTypedForm(await as(email), type, values, key(), now);
  expect(out.errors).toEqual({});
  return out.id!;
}

/** One action on the request page, as the person would send it. */
async function act(email: string, id: string, action: string, values: Record<string, string> = {}, now = NOW) {
  return handleRequestAction(await as(email), { requestId: id, action, confirmed: "yes", ...values }, now);
}
async function done(email: string, id: string, action: string, values: Record<string, string> = {}, now = NOW) {
  const out = await act(email, id, action, values, now);
  expect(out).toEqual({ done: action, requestId: id });
}
/** The action is refused, and every message names the rule. */
async function refused(
  email: string,
  id: string,
  action: string,
  values: Record<string, string>,
  rule: string,
  now = NOW,
) {
  const out = await act(email, id, action, values, now);
  expect("errors" in out, `${action} by ${email} should be refused`).toBe(true);
  expect(Object.values((out as { errors: Record<string, string> }).errors).join(" ")).toContain(rule);
}
/** What the request page offers this person, or null when they cannot open it. */
async function offers(email: string, id: string, now = NOW): Promise<string[] | null> {
  try {
    return (await loadRequestPage(await as(email), id, now)).specs.map((s) => s.action);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}
const page = async (email: string, id: string, now = NOW) => loadRequestPage(await as(email), id, now);
const notifiedOf = async (email: string, id: string, kind?: string) =>
  prisma.notification.count({ where: { userId: await userId(email), requestId: id, ...(kind ? { kind } : {}) } });

const complaint = (subject: string, o: Record<string, string> = {}) => ({
  subjectUserId: subject,
  summary: `Complaint ${tag()}`,
  details: "What happened, with dates.",
  codeOfConduct: "no",
  ...o,
});
const briefing = (o: Record<string, string | string[]> = {}) => ({
  subject: `Briefing ${tag()}`,
  subjectKey: `key-${tag()}`,
  councilBusiness: "The budget consultation before the committee",
  onePartyMeeting: "no",
  ...o,
});

// ---- Section A: Cheshire West ----------------------------------------------------------------------------------

describe("Cheshire West information requests", () => {
  it("CWC-A3, DEF-A10, CWC-A2, CWC-A4, DEF-A5, DEF-A2: governance advice before a refusal; the ground and reasons reach the member; the Director of Governance reviews and overturns; the Chief Officer must supply", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const id = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: place,
      needToKnowGrounds: "Residents in my ward asked.",
    });
    // CWC-A3: only the holding department's Chief Officer decides; another Director cannot even open it.
    expect(await offers("graham.yeo@cheshire-west.example", id)).toBeNull();
    // DEF-A10: no refusal is offered until governance advice is recorded; the page says why, and a forged one fails.
    const before = await page("nadia.brook@cheshire-west.example", id);
    expect(before.specs.map((s) => s.action)).toContain("GRANT");
    expect(before.specs.map((s) => s.action)).not.toContain("REFUSE");
    expect(before.waiting.join(" ")).toContain("DEF-A10");
    await refused(
      "nadia.brook@cheshire-west.example",
      id,
      "REFUSE",
      { ground: "ROVING_COMMISSION", reasons: "Too wide." },
      "DEF-A10",
    );
    // The governance team is offered the step, and the member never sees the advice.
    expect(await offers("ruth.calloway@cheshire-west.example", id)).toContain("RECORD_GOVERNANCE_ADVICE");
    expect(await offers("yasmin.clarke@cheshire-west.example", id)).not.toContain("RECORD_GOVERNANCE_ADVICE");
    await done("ruth.calloway@cheshire-west.example", id, "RECORD_GOVERNANCE_ADVICE", {
      advice: "A refusal as a roving commission is open to the Chief Officer.",
    });
    expect((await page("yasmin.clarke@cheshire-west.example", id)).detail.messages).toHaveLength(0);
    expect((await page("nadia.brook@cheshire-west.example", id)).detail.messages.map((m) => m.kind)).toContain(
      "GOVERNANCE_ADVICE",
    );
    // DEF-A2: a refusal needs reasons; CWC-A2: the ground is recorded and shown with the reasons.
    await refused("nadia.brook@cheshire-west.example", id, "REFUSE", { ground: "ROVING_COMMISSION" }, "DEF-A2");
    await done("nadia.brook@cheshire-west.example", id, "REFUSE", {
      ground: "ROVING_COMMISSION",
      reasons: "Every file since 2019 is a roving commission.",
    });
    const refusal = await page("yasmin.clarke@cheshire-west.example", id);
    expect(refusal.refusal).toMatchObject({
      groundLabel: "A roving commission",
      reasons: expect.stringMatching(/2019/),
    });
    expect(refusal.detail.timeline.find((t) => t.action === "REFUSE")?.ruleId).toBe("CWC-A2");
    // CWC-A4: only the requester is offered a review; another member cannot open the request.
    expect(await offers("simon.greatorex@cheshire-west.example", id)).toBeNull();
    expect(refusal.specs.map((s) => s.action)).toContain("REQUEST_REVIEW");
    expect(await offers("nadia.brook@cheshire-west.example", id)).not.toContain("REQUEST_REVIEW");
    await done("yasmin.clarke@cheshire-west.example", id, "REQUEST_REVIEW", {
      reasons: "Only this year's files.",
    });
    const review = await page("yasmin.clarke@cheshire-west.example", id);
    expect(review.detail.holder?.name).toBe("Ruth Calloway");
    expect(await offers("nadia.brook@cheshire-west.example", id)).not.toContain("OVERTURN");
    await refused("nadia.brook@cheshire-west.example", id, "OVERTURN", { reasons: "x" }, "CWC-A4");
    await done("ruth.calloway@cheshire-west.example", id, "OVERTURN", {
      reasons: "This year's files are proportionate.",
    });
    expect((await request(id)).status).toBe("TO_BE_SUPPLIED");
    expect(await notifiedOf("yasmin.clarke@cheshire-west.example", id, "OVERTURN")).toBe(1);
    expect(await notifiedOf("nadia.brook@cheshire-west.example", id, "OVERTURN")).toBe(1);
    // DEF-A5: the Chief Officer must now supply it and cannot refuse again.
    await refused(
      "nadia.brook@cheshire-west.example",
      id,
      "REFUSE",
      { ground: "OTHER", reasons: "Still too wide." },
      "DEF-A5",
    );
    await done("nadia.brook@cheshire-west.example", id, "GRANT", { reply: "Attached: this year's files." });
    expect((await request(id)).status).toBe("GRANTED");
  });

  it("CWC-A4, DEF-A3: a refusal by the Director of Governance is reviewed by the alternate (the Chief Executive), never by its decider; a refusal is reviewed once", async () => {
    const governance = await serviceId("cheshire-west", "Governance");
    const id = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: governance,
      needToKnowGrounds: "For the Standards Committee.",
    });
    await done("ruth.calloway@cheshire-west.example", id, "RECORD_GOVERNANCE_ADVICE", { advice: "Refusal open." });
    await done("ruth.calloway@cheshire-west.example", id, "REFUSE", {
      ground: "MERE_CURIOSITY",
      reasons: "No link to your duties is shown.",
    });
    await done("yasmin.clarke@cheshire-west.example", id, "REQUEST_REVIEW", { reasons: "It is for Standards." });
    const r = await request(id);
    expect(r.reviewerId).toBe(await userId("victor.hale@cheshire-west.example"));
    expect(await offers("ruth.calloway@cheshire-west.example", id)).not.toContain("UPHOLD");
    expect(await offers("victor.hale@cheshire-west.example", id)).toEqual(
      expect.arrayContaining(["UPHOLD", "OVERTURN"]),
    );
    await done("victor.hale@cheshire-west.example", id, "UPHOLD", { reasons: "The refusal stands." });
    expect((await request(id)).status).toBe("REFUSED");
    expect(await offers("yasmin.clarke@cheshire-west.example", id)).not.toContain("REQUEST_REVIEW");
    await refused("yasmin.clarke@cheshire-west.example", id, "REQUEST_REVIEW", { reasons: "Again" }, "CWC-A4");
  });

  it("CWC-A5, DEF-G1: a committee member's question on that committee's functions is presumed needed (no grounds); a refusal still needs reasons", async () => {
    const v = await as("yasmin.clarke@cheshire-west.example");
    const committee = v.committees[0]!;
    const id = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: await serviceId("cheshire-west", "Place Operations"),
      presumedCommitteeId: committee.id,
      needToKnowGrounds: "",
    });
    const p = await page("nadia.brook@cheshire-west.example", id);
    expect(p.answers.find((a) => a.key === "Need to know")?.value).toMatch(/Presumed/);
    await done("ruth.calloway@cheshire-west.example", id, "RECORD_GOVERNANCE_ADVICE", {
      advice: "Presumed need.",
    });
    await refused("nadia.brook@cheshire-west.example", id, "REFUSE", { ground: "OTHER", reasons: " " }, "DEF-A2");
  });

  it("CWC-A6, DEF-A6, DEF-A1: other people's personal data needs a justification, kept on the request; the Chief Officer asks for written justification and the due date pauses until the member answers", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const missing = await submitInformationForm(
      await as("yasmin.clarke@cheshire-west.example"),
      {
        subject: "Tenants' arrears",
        details: "Names of tenants in arrears on Blacon estate.",
        category: "GENERAL",
        thirdPartyData: "yes",
        councilRoleDeclared: true,
        serviceId: place,
        needToKnowGrounds: "Casework.",
      },
      key(),
      NOW,
    );
    expect(Object.values(missing.errors).join(" ")).toContain("CWC-A6");
    const id = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: place,
      needToKnowGrounds: "Casework.",
      thirdPartyData: "yes",
      thirdPartyJustification: "Three constituents asked me to act for them in writing.",
    });
    const before = await request(id);
    // DEF-A1: ten working days from receipt.
    expect(before.dueDate?.toISOString().slice(0, 10)).toBe("2027-03-17");
    const p = await page("nadia.brook@cheshire-west.example", id);
    expect(p.answers.find((a) => a.key === "Other people's personal information")?.value).toMatch(
      /asked me to act/,
    );
    expect(await offers("yasmin.clarke@cheshire-west.example", id)).not.toContain("REQUEST_JUSTIFICATION");
    await done("nadia.brook@cheshire-west.example", id, "REQUEST_JUSTIFICATION", {
      question: "Please send the constituents' written consent.",
    });
    const paused = await request(id);
    expect(paused.status).toBe("AWAITING_MEMBER");
    expect(paused.pausedAt).not.toBeNull();
    expect(await notifiedOf("yasmin.clarke@cheshire-west.example", id, "REQUEST_JUSTIFICATION")).toBe(1);
    expect(await offers("yasmin.clarke@cheshire-west.example", id)).toContain("MEMBER_RESPONDS");
    await refused("yasmin.clarke@cheshire-west.example", id, "MEMBER_RESPONDS", { response: "" }, "CWC-A6");
    const later = new Date("2027-03-10T10:00:00Z");
    await done(
      "yasmin.clarke@cheshire-west.example",
      id,
      "MEMBER_RESPONDS",
      { response: "Consent forms attached." },
      later,
    );
    const resumed = await request(id);
    expect(resumed.status).toBe("SUBMITTED");
    expect(resumed.dueDate!.getTime()).toBeGreaterThan(before.dueDate!.getTime());
    // DEF-A6: every profile asks for the justification (Halton here).
    const hal = await submitInformationForm(
      await as("marcus.okafor@halton.example"),
      {
        subject: "Care home residents",
        details: "Residents' names.",
        category: "GENERAL",
        thirdPartyData: "yes",
        councilRoleDeclared: true,
        serviceId: await serviceId("halton", "Adult Social Care"),
        needToKnowGrounds: "Ward casework.",
      },
      key(),
      NOW,
    );
    expect(Object.values(hal.errors).join(" ")).toContain("DEF-A6");
  });

  it("CWC-A10, CWC-A13: an exempt reply carries its notice and cannot be shared; an unmarked reply is shared by the requester with a named councillor, who can then read it", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const exempt = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: place,
      needToKnowGrounds: "Ward.",
    });
    await done("nadia.brook@cheshire-west.example", exempt, "GRANT", {
      reply: "Commercial terms of the contract.",
      marking: "EXEMPT",
    });
    const p = await page("yasmin.clarke@cheshire-west.example", exempt);
    expect(p.detail.messages[0]?.marking).toBe("EXEMPT");
    expect(p.specs.map((s) => s.action)).not.toContain("SHARE");
    const dev = await userId("dev.mistry@cheshire-west.example");
    await refused("yasmin.clarke@cheshire-west.example", exempt, "SHARE", { userId: dev }, "CWC-A10");
    expect(await prisma.auditEvent.count({ where: { requestId: exempt, action: { contains: "SHARE" } } })).toBe(1);

    const plain = await ask("yasmin.clarke@cheshire-west.example", {
      serviceId: place,
      needToKnowGrounds: "Ward.",
    });
    await done("nadia.brook@cheshire-west.example", plain, "GRANT", {
      reply: "The gritting routes are attached.",
    });
    // CWC-A13: the Cabinet Member cannot find it until the member gives permission naming them.
    expect(await offers("dev.mistry@cheshire-west.example", plain)).toBeNull();
    expect(await offers("nadia.brook@cheshire-west.example", plain)).not.toContain("SHARE");
    expect(await offers("yasmin.clarke@cheshire-west.example", plain)).toContain("SHARE");
    await done("yasmin.clarke@cheshire-west.example", plain, "SHARE", { userId: dev });
    expect(await offers("dev.mistry@cheshire-west.example", plain)).not.toBeNull();
  });

  it("CWC-A10: the officer marks a single file confidential after the decision; the file carries its notice, the member cannot mark files, and a request with a marked file cannot be shared", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const id = await ask("yasmin.clarke@cheshire-west.example", { serviceId: place, needToKnowGrounds: "Ward." });
    await done("nadia.brook@cheshire-west.example", id, "GRANT", { reply: "The routes are attached." });
    const pdf = (name: string) => ({
      name,
      type: "application/pdf",
      size: 9,
      bytes: new TextEncoder().encode("%PDF-1.4\n"),
    });
    const attach = async (email: string, values: Record<string, string>, name: string) =>
      handleRequestAction(await as(email), { requestId: id, action: "ATTACH", ...values }, NOW, pdf(name));
    // The member cannot mark a file, nor attach once the request is closed; the deciding officer still can.
    const byMember = await attach("yasmin.clarke@cheshire-west.example", { marking: "CONFIDENTIAL" }, "m.pdf");
    expect(Object.values((byMember as { errors: Record<string, string> }).errors).join(" ")).toMatch(
      /closed|CWC-A10/,
    );
    const spec = (await page("nadia.brook@cheshire-west.example", id)).specs.find((s) => s.action === "ATTACH");
    expect(spec?.fields.map((f) => ("name" in f ? f.name : ""))).toContain("marking");
    expect(await attach("nadia.brook@cheshire-west.example", { marking: "CONFIDENTIAL" }, "contract.pdf")).toEqual(
      {
        done: "ATTACH",
        requestId: id,
      },
    );
    const member = await page("yasmin.clarke@cheshire-west.example", id);
    expect(member.files).toEqual([expect.objectContaining({ filename: "contract.pdf", marking: "CONFIDENTIAL" })]);
    expect(member.specs.map((s) => s.action)).not.toContain("SHARE");
    await refused(
      "yasmin.clarke@cheshire-west.example",
      id,
      "SHARE",
      { userId: await userId("dev.mistry@cheshire-west.example") },
      "CWC-A10",
    );
  });

  it("CWC-A12, CWC-A14: the council-role declaration is required; an officer may decline non-council business; members cannot assign officers' work, the Chief Officer can", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const undeclared = await submitInformationForm(
      await as("yasmin.clarke@cheshire-west.example"),
      {
        subject: "Leaflet",
        details: "Help with my election leaflet.",
        category: "GENERAL",
        thirdPartyData: "no",
        councilRoleDeclared: false,
        serviceId: place,
        needToKnowGrounds: "x",
      },
      key(),
      NOW,
    );
    expect(Object.values(undeclared.errors).join(" ")).toContain("CWC-A12");
    const id = await ask("yasmin.clarke@cheshire-west.example", { serviceId: place, needToKnowGrounds: "Ward." });
    expect(await offers("yasmin.clarke@cheshire-west.example", id)).not.toContain("ALLOCATE");
    await refused(
      "yasmin.clarke@cheshire-west.example",
      id,
      "ALLOCATE",
      { officerId: await userId("kieran.walsh@cheshire-west.example") },
      "CWC-A14",
    );
    await done("nadia.brook@cheshire-west.example", id, "ALLOCATE", {
      officerId: await userId("kieran.walsh@cheshire-west.example"),
    });
    expect((await request(id)).allocatedToId).toBe(await userId("kieran.walsh@cheshire-west.example"));
    await done("ruth.calloway@cheshire-west.example", id, "RECORD_GOVERNANCE_ADVICE", { advice: "Party work." });
    const grounds = (await page("nadia.brook@cheshire-west.example", id)).specs
      .find((s) => s.action === "REFUSE")!
      .fields.find((f) => "name" in f && f.name === "ground") as { options: { value: string }[] };
    const ground = grounds.options.some((o) => o.value === "NOT_COUNCIL_BUSINESS")
      ? "NOT_COUNCIL_BUSINESS"
      : "OTHER";
    await done("nadia.brook@cheshire-west.example", id, "REFUSE", {
      ground,
      reasons: "An election leaflet is party campaigning, not council business.",
    });
  });
});

// ---- Section A: the 2007 protocol (Ashdown Vale) ------------------------------------------------------------------

describe("Ashdown Vale information and advice requests", () => {
  it("C2007-A1, C2007-A2, C2007-A7, C2007-B2: an advice note asked of a named officer as ward representative reaches their Head of Service; a decline needs a ground and reasons; the member cannot direct the work", async () => {
    const v = await as("geoffrey.lamb@ashdown-vale.example");
    const daniel = await userId("daniel.crewe@ashdown-vale.example");
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: daniel,
      capacity: "AS_WARD_REPRESENTATIVE",
      wardId: v.wards[0]!.id,
      needToKnowGrounds: "A housing problem in my ward.",
    });
    const r = await request(id);
    // C2007-A2: the Head of Service of the officer addressed sees it and decides; the officer addressed works on it.
    expect(r.deciderId).toBe(await userId("moira.delaney@ashdown-vale.example"));
    expect(await offers("moira.delaney@ashdown-vale.example", id)).toContain("GRANT");
    expect(await offers("daniel.crewe@ashdown-vale.example", id)).not.toBeNull();
    const answers = (await page("moira.delaney@ashdown-vale.example", id)).answers;
    expect(answers.find((a) => a.key === "Asked")?.value).toMatch(/ward representative/);
    // C2007-A7: the member cannot assign or reassign the work.
    await refused("geoffrey.lamb@ashdown-vale.example", id, "ALLOCATE", { officerId: daniel }, "C2007-A7");
    // C2007-B2: the officer addressed may decline on neutrality grounds, with reasons; not on any other ground.
    if (r.allocatedToId === daniel) {
      const decline = (await page("daniel.crewe@ashdown-vale.example", id)).specs.find(
        (s) => s.action === "REFUSE",
      )!;
      expect(decline.title).toMatch(/neutrality/);
      await refused(
        "daniel.crewe@ashdown-vale.example",
        id,
        "REFUSE",
        { ground: "NOT_FOR_COUNCILLOR_DUTIES", reasons: "x" },
        "C2007-A1",
      );
      await refused(
        "daniel.crewe@ashdown-vale.example",
        id,
        "REFUSE",
        { ground: "PREJUDICES_NEUTRALITY" },
        "DEF-A2",
      );
      await done("daniel.crewe@ashdown-vale.example", id, "REFUSE", {
        ground: "PREJUDICES_NEUTRALITY",
        reasons: "Writing attack lines for a group would compromise my neutrality.",
      });
    } else {
      await done("moira.delaney@ashdown-vale.example", id, "REFUSE", {
        ground: "PREJUDICES_NEUTRALITY",
        reasons: "Writing attack lines for a group would compromise my neutrality.",
      });
    }
    expect((await page("geoffrey.lamb@ashdown-vale.example", id)).refusal?.groundLabel).toBe(
      "Would prejudice political neutrality",
    );
  });

  it("C2007-A3, C2007-A5: any member may write to the Chief Executive; the Chief Executive's confidential procedural advice is seen by that member alone", async () => {
    const ce = await userId("alistair.penn@ashdown-vale.example");
    const v = await as("rowan.ellery@ashdown-vale.example");
    const id = await ask("rowan.ellery@ashdown-vale.example", {
      addresseeId: ce,
      capacity: "AS_MEMBER",
      needToKnowGrounds: "How do I move a motion at Council?",
    });
    expect(v.partyGroup?.isAdministration).toBe(false);
    expect((await request(id)).deciderId).toBe(ce);
    const grant = (await page("alistair.penn@ashdown-vale.example", id)).specs.find((s) => s.action === "GRANT")!;
    const marking = grant.fields.find((f) => "name" in f && f.name === "marking") as {
      options: { value: string }[];
    };
    expect(marking.options.map((o) => o.value)).toContain("PROCEDURAL_ADVICE");
    await done("alistair.penn@ashdown-vale.example", id, "GRANT", {
      reply: "Give notice to the Proper Officer seven clear days before.",
      marking: "PROCEDURAL_ADVICE",
    });
    expect((await page("rowan.ellery@ashdown-vale.example", id)).detail.messages[0]?.kind).toBe(
      "PROCEDURAL_ADVICE",
    );
    expect(await offers("geoffrey.lamb@ashdown-vale.example", id)).toBeNull();
    expect(await offers("saoirse.byrne@ashdown-vale.example", id)).toBeNull();
    // Only the Chief Executive gives procedural advice as a reply of its own.
    const other = await ask("rowan.ellery@ashdown-vale.example", {
      addresseeId: await userId("daniel.crewe@ashdown-vale.example"),
      capacity: "AS_MEMBER",
      needToKnowGrounds: "Housing.",
    });
    await refused(
      "moira.delaney@ashdown-vale.example",
      other,
      "GRANT",
      { reply: "Advice.", marking: "PROCEDURAL_ADVICE" },
      "C2007-A5",
    );
  });

  it("C2007-A4: readily available information, once marked, can only be granted", async () => {
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: await userId("daniel.crewe@ashdown-vale.example"),
      capacity: "AS_MEMBER",
      needToKnowGrounds: "Last month's committee papers.",
    });
    expect(await offers("geoffrey.lamb@ashdown-vale.example", id)).not.toContain("MARK_READILY_AVAILABLE");
    await done("moira.delaney@ashdown-vale.example", id, "MARK_READILY_AVAILABLE");
    const offered = await offers("moira.delaney@ashdown-vale.example", id);
    expect(offered).not.toContain("REFUSE");
    expect(offered).not.toContain("MARK_READILY_AVAILABLE");
    await refused(
      "moira.delaney@ashdown-vale.example",
      id,
      "REFUSE",
      { ground: "NOT_FOR_COUNCILLOR_DUTIES", reasons: "Not needed." },
      "C2007-A4",
    );
    await done("moira.delaney@ashdown-vale.example", id, "GRANT", { reply: "Link to the papers." });
  });

  it("C2007-A6: the Chief Executive refers a doubtful case to a Chairman, who can only advise; the advice stays with officers and the Chief Executive decides", async () => {
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: await userId("alistair.penn@ashdown-vale.example"),
      capacity: "AS_MEMBER",
      needToKnowGrounds: "The housing company's board papers.",
    });
    const chair = await userId("pauline.oduya@ashdown-vale.example");
    expect(await offers("moira.delaney@ashdown-vale.example", id)).toBeNull();
    await refused("alistair.penn@ashdown-vale.example", id, "REFER_FOR_ADVICE", { chairId: chair }, "C2007-A6");
    await done("alistair.penn@ashdown-vale.example", id, "REFER_FOR_ADVICE", {
      chairId: chair,
      reasons: "Commercially sensitive; I would value the Chairman's view.",
    });
    expect((await request(id)).status).toBe("REFERRED_FOR_ADVICE");
    expect(await offers("pauline.oduya@ashdown-vale.example", id)).toEqual(["CHAIR_ADVICE"]);
    await refused(
      "pauline.oduya@ashdown-vale.example",
      id,
      "REFUSE",
      { ground: "NOT_FOR_COUNCILLOR_DUTIES", reasons: "No." },
      "C2007-A1",
    );
    await done("pauline.oduya@ashdown-vale.example", id, "CHAIR_ADVICE", { advice: "Share the summary only." });
    expect((await page("geoffrey.lamb@ashdown-vale.example", id)).detail.messages).toHaveLength(0);
    expect((await page("alistair.penn@ashdown-vale.example", id)).detail.messages[0]?.kind).toBe("CHAIR_ADVICE");
    await done("alistair.penn@ashdown-vale.example", id, "GRANT", { reply: "A summary of the board papers." });
  });

  it("C2007-A6: or the Chief Executive seeks a Committee's instructions, recording the meeting and the minute reference, then decides", async () => {
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: await userId("alistair.penn@ashdown-vale.example"),
      capacity: "AS_MEMBER",
      needToKnowGrounds: "The leisure trust's contract.",
    });
    const committee = (await prisma.committee.findFirstOrThrow({ where: { council: { slug: "ashdown-vale" } } }))
      .id;
    expect(await offers("alistair.penn@ashdown-vale.example", id)).toContain("REFER_TO_COMMITTEE");
    expect(await offers("geoffrey.lamb@ashdown-vale.example", id)).not.toContain("REFER_TO_COMMITTEE");
    await refused(
      "alistair.penn@ashdown-vale.example",
      id,
      "REFER_TO_COMMITTEE",
      { committeeId: committee },
      "C2007-A6",
    );
    await done("alistair.penn@ashdown-vale.example", id, "REFER_TO_COMMITTEE", {
      committeeId: committee,
      reasons: "A policy question for members collectively.",
    });
    expect((await request(id)).status).toBe("REFERRED_FOR_ADVICE");
    expect(await offers("alistair.penn@ashdown-vale.example", id)).toContain("RECORD_COMMITTEE_INSTRUCTIONS");
    expect(await offers("alistair.penn@ashdown-vale.example", id)).not.toContain("GRANT");
    await refused(
      "alistair.penn@ashdown-vale.example",
      id,
      "RECORD_COMMITTEE_INSTRUCTIONS",
      { meetingDate: "2026-11-20", instructions: "Supply it." },
      "C2007-A6",
    );
    await done("alistair.penn@ashdown-vale.example", id, "RECORD_COMMITTEE_INSTRUCTIONS", {
      meetingDate: "2026-11-20",
      minuteReference: "RES/27/14",
      instructions: "Supply the contract with commercial terms redacted.",
    });
    const ce = await page("alistair.penn@ashdown-vale.example", id);
    expect(ce.detail.messages[0]?.body).toContain("RES/27/14");
    expect(ce.specs.map((s) => s.action)).toContain("GRANT");
    expect((await page("geoffrey.lamb@ashdown-vale.example", id)).detail.messages).toHaveLength(0);
    await done("alistair.penn@ashdown-vale.example", id, "GRANT", { reply: "The contract, redacted." });
  });

  it("C2007-A8: a confidential reply cannot be shared; the attempt is audited, and so is every view of it", async () => {
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: await userId("daniel.crewe@ashdown-vale.example"),
      capacity: "AS_MEMBER",
      needToKnowGrounds: "A tenant's complaint.",
    });
    await done("moira.delaney@ashdown-vale.example", id, "GRANT", {
      reply: "In confidence.",
      marking: "CONFIDENTIAL",
    });
    expect(await offers("geoffrey.lamb@ashdown-vale.example", id)).not.toContain("SHARE");
    await refused(
      "geoffrey.lamb@ashdown-vale.example",
      id,
      "SHARE",
      { userId: await userId("pauline.oduya@ashdown-vale.example") },
      "C2007-A8",
    );
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "SHARE_REFUSED" } })).toBe(1);
    // Every view of the confidential reply is logged: who, and which item.
    const views = () => prisma.auditEvent.count({ where: { requestId: id, action: "VIEWED_CONFIDENTIAL" } });
    const before = await views();
    await page("geoffrey.lamb@ashdown-vale.example", id);
    await page("moira.delaney@ashdown-vale.example", id);
    expect(await views()).toBe(before + 2);
    const last = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "VIEWED_CONFIDENTIAL" },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({
      actorId: await userId("moira.delaney@ashdown-vale.example"),
      ruleId: "C2007-A8",
    });
  });
});

// ---- Section A: Wigan ----------------------------------------------------------------------------------------------

describe("Wigan information requests", () => {
  const place = () => serviceId("wigan", "Place");

  it("WIG-A1, WIG-A4, WIG-A15, WIG-A6: no grounds are needed; a refusal shows its ground and the statutory-rights notice; a release carries the keeping-and-copying notice", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    expect((await request(id)).deciderId).toBe(await userId("rebecca.shaw@wigan.example"));
    expect((await request(id)).status).toBe("SUBMITTED");
    await done("rebecca.shaw@wigan.example", id, "REFUSE", {
      ground: "IMPROPER_MOTIVE",
      reasons: "The request supports a claim against the Council.",
    });
    const p = await page("patricia.lunt@wigan.example", id);
    expect(p.refusal?.groundLabel).toBe("An improper motive");
    expect(p.notices.map((n) => n.ruleId)).toContain("WIG-A15");
    const granted = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    await done("rebecca.shaw@wigan.example", granted, "GRANT", { reply: "The figures." });
    expect((await page("patricia.lunt@wigan.example", granted)).notices.map((n) => n.ruleId)).toContain("WIG-A6");
  });

  it("WIG-A2: only the department's Chief Officer applies the need-to-know test; the member answers and the request resumes", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    await done("rebecca.shaw@wigan.example", id, "ALLOCATE", {
      officerId: await userId("chloe.unsworth@wigan.example"),
    });
    expect(await offers("chloe.unsworth@wigan.example", id)).not.toContain("APPLY_NEED_TO_KNOW_TEST");
    await refused("chloe.unsworth@wigan.example", id, "APPLY_NEED_TO_KNOW_TEST", { question: "Why?" }, "WIG-A2");
    await refused(
      "chloe.unsworth@wigan.example",
      id,
      "REFUSE",
      { ground: "OTHER", reasons: "No need shown.", onNeedToKnow: "yes" },
      "WIG-A2",
    );
    await done("rebecca.shaw@wigan.example", id, "APPLY_NEED_TO_KNOW_TEST", {
      question: "How does this relate to your duties?",
    });
    expect((await request(id)).status).toBe("AWAITING_MEMBER");
    await refused("patricia.lunt@wigan.example", id, "MEMBER_RESPONDS", { response: "" }, "WIG-A2");
    await done("patricia.lunt@wigan.example", id, "MEMBER_RESPONDS", { response: "It is for a ward surgery." });
    expect((await request(id)).status).toBe("SUBMITTED");
  });

  it("WIG-A5, DEF-A9: a costly request is paused for a narrower scope; the member keeps the original; the Director releases it in stages", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    await refused("rebecca.shaw@wigan.example", id, "PROPOSE_SCOPE", { estimate: "40 hours" }, "WIG-A5");
    await done("rebecca.shaw@wigan.example", id, "PROPOSE_SCOPE", {
      estimate: "40 hours of copying",
      proposal: "The last two years only, or inspection at the office.",
    });
    const paused = await request(id);
    expect(paused.status).toBe("AWAITING_MEMBER");
    expect(paused.pausedAt).not.toBeNull();
    const answer = (await page("patricia.lunt@wigan.example", id)).specs.find(
      (s) => s.action === "MEMBER_RESPONDS",
    )!;
    expect(answer.fields.some((f) => "name" in f && f.name === "scope")).toBe(true);
    await refused("patricia.lunt@wigan.example", id, "MEMBER_RESPONDS", { response: "Hmm" }, "WIG-A5");
    await done("patricia.lunt@wigan.example", id, "MEMBER_RESPONDS", {
      scope: "KEEP",
      response: "I need all ten years.",
    });
    expect((await request(id)).status).toBe("SUBMITTED");
    await done("rebecca.shaw@wigan.example", id, "GRANT", { reply: "Years 2017 to 2021.", inStages: "yes" });
    expect((await request(id)).status).toBe("SUBMITTED");
    expect((await page("patricia.lunt@wigan.example", id)).detail.messages.map((m) => m.kind)).toContain(
      "STAGE_REPLY",
    );
    await done("rebecca.shaw@wigan.example", id, "GRANT", { reply: "Years 2022 to 2026." });
    expect((await request(id)).status).toBe("GRANTED");
  });

  it("WIG-A8: the requester shares an individual reply with their own group only; another group's ward member cannot see it", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    await done("rebecca.shaw@wigan.example", id, "GRANT", { reply: "The answer." });
    expect(await offers("naomi.ward@wigan.example", id)).toBeNull();
    const share = (await page("patricia.lunt@wigan.example", id)).specs.find((s) => s.action === "SHARE")!;
    const options = (
      share.fields.find((f) => "name" in f && f.name === "userId") as { options: { label: string }[] }
    ).options;
    expect(options.map((o) => o.label)).toContain("Joan Pilling");
    expect(options.map((o) => o.label)).not.toContain("Naomi Ward");
    await refused(
      "patricia.lunt@wigan.example",
      id,
      "SHARE",
      { userId: await userId("naomi.ward@wigan.example") },
      "WIG-A8",
    );
    await done("patricia.lunt@wigan.example", id, "SHARE", { userId: await userId("joan.pilling@wigan.example") });
    expect(await offers("joan.pilling@wigan.example", id)).not.toBeNull();
  });

  it("WIG-A9, DEF-A11: the Director's advisory note reaches the Portfolio Holder without the request", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    expect(await offers("patricia.lunt@wigan.example", id)).not.toContain("ADVISORY_NOTE");
    expect(await offers("chloe.unsworth@wigan.example", id)).toBeNull();
    expect(await offers("rebecca.shaw@wigan.example", id)).toContain("ADVISORY_NOTE");
    const sadia = await userId("sadia.rahman@wigan.example");
    await refused(
      "rebecca.shaw@wigan.example",
      id,
      "ADVISORY_NOTE",
      { recipientId: await userId("patricia.lunt@wigan.example"), notes: "x" },
      "WIG-A9",
    );
    await done("rebecca.shaw@wigan.example", id, "ADVISORY_NOTE", {
      recipientId: sadia,
      notes: "Street-lighting faults are rising across the borough.",
    });
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: sadia, kind: "ADVISORY_NOTE" } });
    expect(note.body).toContain("Street-lighting");
    expect(note.requestId).toBeNull();
    expect(await offers("sadia.rahman@wigan.example", id)).toBeNull();
  });

  it("WIG-A10: without agreement nothing is filed; with it, the councillor concerned reads the same reply; an officer's later notice closes the request if the member will not agree", async () => {
    const sadia = await userId("sadia.rahman@wigan.example");
    const base = {
      subject: `Expenses ${tag()}`,
      details: "Cllr Rahman's expenses claims.",
      category: "GENERAL" as const,
      thirdPartyData: "no" as const,
      councilRoleDeclared: true,
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY" as const,
      concernsAnotherMember: "yes" as const,
      concernedMemberIds: [sadia],
    };
    const before = await prisma.request.count();
    const no = await submitInformationForm(await as("naomi.ward@wigan.example"), base, key(), NOW);
    expect(Object.values(no.errors).join(" ")).toContain("WIG-A10");
    expect(await prisma.request.count()).toBe(before);
    const ok = await submitInformationForm(
      await as("naomi.ward@wigan.example"),
      { ...base, sharingAgreed: true },
      key(),
      NOW,
    );
    await done("rebecca.shaw@wigan.example", ok.id!, "GRANT", { reply: "The claims are published." });
    expect(await notifiedOf("sadia.rahman@wigan.example", ok.id!)).toBeGreaterThan(0);
    expect((await page("sadia.rahman@wigan.example", ok.id!)).detail.messages[0]?.body).toContain("published");

    const later = await ask("naomi.ward@wigan.example", {
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    await done("rebecca.shaw@wigan.example", later, "ISSUE_ANOTHER_MEMBER_NOTICE", { concernedMemberIds: sadia });
    expect((await request(later)).status).toBe("AWAITING_MEMBER");
    await done("naomi.ward@wigan.example", later, "MEMBER_RESPONDS", { agrees: "no", response: "" });
    expect((await request(later)).status).toBe("CLOSED");
  });

  it("WIG-A11: an individual briefing goes to the chosen Director and can be declined only as unreasonable, with reasons", async () => {
    const id = await ask("patricia.lunt@wigan.example", {
      kind: "INDIVIDUAL_BRIEFING",
      serviceId: await place(),
      classification: "GENERAL_ENQUIRY",
    });
    expect((await request(id)).deciderId).toBe(await userId("rebecca.shaw@wigan.example"));
    const refuse = (await page("rebecca.shaw@wigan.example", id)).specs.find((s) => s.action === "REFUSE")!;
    const grounds = (
      refuse.fields.find((f) => "name" in f && f.name === "ground") as { options: { value: string }[] }
    ).options;
    expect(grounds.map((g) => g.value)).toEqual(["UNREASONABLE"]);
    await refused("rebecca.shaw@wigan.example", id, "REFUSE", { ground: "UNREASONABLE" }, "WIG-A3");
    await refused("rebecca.shaw@wigan.example", id, "REFUSE", { ground: "OTHER", reasons: "Busy." }, "WIG-A11");
    await done("rebecca.shaw@wigan.example", id, "REFUSE", {
      ground: "UNREASONABLE",
      reasons: "A whole-day briefing for one member is not reasonable; a one-hour call is offered.",
    });
  });

  it("WIG-A12, HTC-A3: a significant development must reach every group (Wigan) or every member (Halstead)", async () => {
    const labour = await prisma.user.findMany({
      where: { council: { slug: "wigan" }, roles: { has: "MEMBER" }, partyGroup: { name: "Labour Group" } },
      select: { id: true },
    });
    const narrow = await handleSignificantDevelopment(await as("rebecca.shaw@wigan.example"), {
      audienceIds: labour.map((m) => m.id),
      title: "Town centre funding",
      body: "The bid has been approved.",
    });
    expect(Object.values(narrow.errors).join(" ")).toContain("WIG-A12");
    const all = await prisma.user.findMany({
      where: { council: { slug: "wigan" }, roles: { has: "MEMBER" }, active: true },
      select: { id: true },
    });
    const sent = await handleSignificantDevelopment(await as("rebecca.shaw@wigan.example"), {
      audienceIds: all.map((m) => m.id),
      title: "Town centre funding",
      body: "The bid has been approved.",
    });
    expect(sent.sent).toBe(all.length);
    const chairs = [await userId("janet.coker@halstead.example"), await userId("oliver.pask@halstead.example")];
    const htc = await handleSignificantDevelopment(await as("margaret.doyle@halstead.example"), {
      audienceIds: chairs,
      title: "Precept",
      body: "The district has capped the precept.",
    });
    expect(Object.values(htc.errors).join(" ")).toContain("HTC-A3");
  });

  it("WIG-A14: the Director keeps the department's contact officers; a councillor cannot; contacts are offered first", async () => {
    const place = await serviceId("wigan", "Place");
    const liam = await userId("liam.gaskell@wigan.example");
    const member = await as("patricia.lunt@wigan.example");
    await expect(handleAddContactOfficer(member, place, liam)).rejects.toThrow(/Chief Officer/);
    await expect(
      handleAddContactOfficer(await as("anil.kapoor@wigan.example"), place, liam),
    ).rejects.toMatchObject({ ruleId: "WIG-A14" });
    await handleAddContactOfficer(await as("rebecca.shaw@wigan.example"), place, liam);
    expect(await contactOfficerIds((await as("rebecca.shaw@wigan.example")).council.id)).toContain(liam);
    const row = await prisma.contactOfficer.findFirstOrThrow({ where: { serviceId: place, userId: liam } });
    await handleRemoveContactOfficer(await as("rebecca.shaw@wigan.example"), row.id);
    expect(await contactOfficerIds((await as("rebecca.shaw@wigan.example")).council.id)).not.toContain(liam);
  });
});

// ---- Section A: Halton, Halstead, and defaults ---------------------------------------------------------------------

describe("Halton and Halstead information requests, and the section A defaults", () => {
  it("DEF-A2, DEF-A7, DEF-A8: every refusal needs reasons; the another-member rule is off outside Wigan; a draft Cabinet report is not barred", async () => {
    const adult = await serviceId("halton", "Adult Social Care");
    const id = await ask("marcus.okafor@halton.example", {
      serviceId: adult,
      needToKnowGrounds: "Ward casework.",
      category: "DRAFT_CABINET_REPORT",
      concernsAnotherMember: "yes",
      concernedMemberIds: [await userId("helen.tranter@halton.example")],
    });
    expect(await offers("gillian.marsh@halton.example", id)).not.toContain("ISSUE_ANOTHER_MEMBER_NOTICE");
    const grounds = (await page("gillian.marsh@halton.example", id)).specs
      .find((s) => s.action === "REFUSE")!
      .fields.find((f) => "name" in f && f.name === "ground") as { options: { value: string }[] };
    await refused(
      "gillian.marsh@halton.example",
      id,
      "REFUSE",
      { ground: grounds.options[0]!.value, reasons: "" },
      "DEF-A2",
    );
    await done("gillian.marsh@halton.example", id, "REFUSE", {
      ground: grounds.options[0]!.value,
      reasons: "The draft is not settled; the final report is published next week.",
    });
  });

  it("HTC-A1, HTC-A2, HTC-B1: members ask jointly through the Town Clerk; a closure needs a response; a minority member is answered on equal terms and there is no party ground", async () => {
    const rosa = await userId("rosa.quint@halstead.example");
    const id = await ask("bridget.fenn@halstead.example", {
      coRequesterIds: [rosa],
      needToKnowGrounds: "",
    });
    expect((await request(id)).deciderId).toBe(await userId("margaret.doyle@halstead.example"));
    expect(await offers("rosa.quint@halstead.example", id)).not.toBeNull();
    await refused("margaret.doyle@halstead.example", id, "CLOSE", { response: "" }, "HTC-A2");
    await done("margaret.doyle@halstead.example", id, "CLOSE", { response: "The analysis is attached." });
    expect((await page("rosa.quint@halstead.example", id)).detail.messages[0]?.body).toContain("analysis");

    const minority = await ask("samuel.tolley@halstead.example", { needToKnowGrounds: "" });
    const refuse = (await page("margaret.doyle@halstead.example", minority)).specs.find(
      (s) => s.action === "REFUSE",
    );
    const grounds = refuse
      ? (refuse.fields.find((f) => "name" in f && f.name === "ground") as { options: { value: string }[] }).options
      : [];
    expect(grounds.map((g) => g.value)).not.toContain("PARTY_POLITICAL_MATTER");
    await refused(
      "margaret.doyle@halstead.example",
      minority,
      "REFUSE",
      { ground: "PARTY_POLITICAL_MATTER", reasons: "Their party." },
      "HTC-B1",
    );
    await done("margaret.doyle@halstead.example", minority, "GRANT", { reply: "The same analysis." });
  });

  it("HTC-A4: a confidential reply is not passed on until the Town Clerk records it has been made public", async () => {
    const id = await ask("bridget.fenn@halstead.example", { needToKnowGrounds: "" });
    await done("margaret.doyle@halstead.example", id, "GRANT", {
      reply: "Draft lease terms.",
      marking: "CONFIDENTIAL",
    });
    const samuel = await userId("samuel.tolley@halstead.example");
    await refused("bridget.fenn@halstead.example", id, "SHARE", { userId: samuel }, "HTC-A4");
    expect(await offers("bridget.fenn@halstead.example", id)).not.toContain("MARK_PUBLIC");
    expect(await offers("margaret.doyle@halstead.example", id)).toContain("MARK_PUBLIC");
    await refused("margaret.doyle@halstead.example", id, "MARK_PUBLIC", { reasons: "" }, "HTC-A4");
    await done("margaret.doyle@halstead.example", id, "MARK_PUBLIC", {
      reasons: "Published with the March agenda.",
    });
    await done("bridget.fenn@halstead.example", id, "SHARE", { userId: samuel });
    expect(await offers("samuel.tolley@halstead.example", id)).not.toBeNull();
  });
});

// ---- Section B: briefings ------------------------------------------------------------------------------------------

describe("party-group briefings", () => {
  it("HAL-B1, HAL-B2, HAL-B3, DEF-B2, DEF-B6, HAL-B5: a one-party meeting is a briefing for the Chief Officer, the proposed attendee; only senior officers of that department are invited, and each accepts in person; the Monitoring Officer sees metadata", async () => {
    const env = await serviceId("halton", "Environment and Regeneration");
    const id = await file(
      "derek.holloway@halton.example",
      "briefing",
      briefing({ serviceId: env, onePartyMeeting: "yes" }),
    );
    const owen = await userId("owen.pritchard@halton.example");
    expect((await request(id)).deciderId).toBe(owen);
    expect((await page("derek.holloway@halton.example", id)).proposedAttendee).toMatch(/^Owen Pritchard/);
    expect((await page("priya.natarajan@halton.example", id)).detail.level).toBe("METADATA");
    expect(await offers("priya.natarajan@halton.example", id)).toEqual([]);
    await done("owen.pritchard@halton.example", id, "ACCEPT");
    // HAL-B1: nobody has an instruct action; a forged one is not an action at all.
    for (const who of ["owen.pritchard@halton.example", "imogen.sale@halton.example"]) {
      const offered = (await offers(who, id)) ?? [];
      expect(offered.some((a) => /INSTRUCT|ATTENDING/.test(a))).toBe(false);
    }
    const forged = await act("imogen.sale@halton.example", id, "SET_ATTENDING", {
      officerId: await userId("colin.ashworth@halton.example"),
    });
    expect("errors" in forged && forged.errors.action).toBeTruthy();
    await refused(
      "owen.pritchard@halton.example",
      id,
      "INVITE",
      { officerId: await userId("ben.lowry@halton.example"), reasons: "Knows the depot." },
      "HAL-B3",
    );
    await refused(
      "owen.pritchard@halton.example",
      id,
      "INVITE",
      { officerId: await userId("rachel.dunn@halton.example"), reasons: "Adult services angle." },
      "HAL-B3",
    );
    await done("owen.pritchard@halton.example", id, "INVITE", {
      officerId: await userId("colin.ashworth@halton.example"),
      reasons: "He runs the highways programme.",
    });
    expect(await offers("colin.ashworth@halton.example", id)).toContain("ATTENDEE_ANSWER");
    // The invited officer sees what, for whom, when, who invited them and by when to answer; the invitation says so.
    const invited = await page("colin.ashworth@halton.example", id);
    expect(invited.detail.level).toBe("SUMMARY");
    expect(Object.fromEntries(invited.answers.map((a) => [a.key, a.value]))).toMatchObject({
      "Invited by": "Owen Pritchard",
      "Why you": "He runs the highways programme.",
    });
    expect(invited.answers.map((a) => a.key)).toEqual(
      expect.arrayContaining(["For", "Meeting", "Please answer by"]),
    );
    const invitation = await prisma.notification.findFirstOrThrow({
      where: { userId: await userId("colin.ashworth@halton.example"), requestId: id, kind: "INVITE_ATTENDEE" },
    });
    expect(invitation.title).toMatch(/^Owen Pritchard invites you to a briefing for .+ Please accept or decline/);
    // The group's leader, with full access, reads every answer of the form.
    const leader = await page("derek.holloway@halton.example", id);
    expect(leader.answers.map((a) => a.key)).toEqual(
      expect.arrayContaining(["For", "Council business", "For one party only"]),
    );
    await done("colin.ashworth@halton.example", id, "ATTENDEE_ANSWER", { attend: "yes" });
    expect((await page("derek.holloway@halton.example", id)).attendees.map((a) => a.status)).toEqual(["ACCEPTED"]);
    // The officer who accepted adds notes; a rival group cannot open the briefing.
    await done("colin.ashworth@halton.example", id, "ADD_NOTES", { notes: "Programme dates agreed." });
    expect(await offers("philippa.dunne@halton.example", id)).toBeNull();
  });

  it("HAL-B6, WIG-B4: a report for a group is written as for the committee or panel before it can be issued", async () => {
    const env = await serviceId("halton", "Environment and Regeneration");
    const id = await file("derek.holloway@halton.example", "briefing", briefing({ serviceId: env }));
    await done("owen.pritchard@halton.example", id, "ACCEPT");
    expect(await offers("derek.holloway@halton.example", id)).not.toContain("WRITE_REPORT");
    await refused(
      "owen.pritchard@halton.example",
      id,
      "WRITE_REPORT",
      { classification: "POTENTIAL_DECISION" },
      "HAL-B6",
    );
    const board = await committeeId("halton", "Executive Board");
    await refused(
      "owen.pritchard@halton.example",
      id,
      "WRITE_REPORT",
      { classification: "POTENTIAL_DECISION", committeeId: board, section1: "Budget options" },
      "HAL-B6",
    );
    await done("owen.pritchard@halton.example", id, "WRITE_REPORT", {
      classification: "POTENTIAL_DECISION",
      committeeId: board,
      section1: "Budget options for highways.",
      section2: "Note the options.",
      section3: "Three options.",
      section4: "Financial and legal implications set out.",
    });
    expect((await page("derek.holloway@halton.example", id)).detail.messages.map((m) => m.kind)).toContain(
      "GROUP_REPORT",
    );

    const wig = await file(
      "gordon.fairclough@wigan.example",
      "briefing",
      briefing({ serviceId: await serviceId("wigan", "Place") }),
    );
    await done("rebecca.shaw@wigan.example", wig, "ACCEPT");
    const panel = await committeeId("wigan", "Economy and Place Scrutiny Panel");
    await refused(
      "rebecca.shaw@wigan.example",
      wig,
      "WRITE_REPORT",
      { committeeId: panel, legalImplications: "None.", body: "Options." },
      "WIG-B4",
    );
    await done("rebecca.shaw@wigan.example", wig, "WRITE_REPORT", {
      committeeId: panel,
      legalImplications: "None.",
      financialImplications: "Within budget.",
      body: "Options.",
    });
  });

  it("HAL-B4, WIG-B1: a standing arrangement needs a JNC officer (Halton), the officer's own agreement and a safeguards statement", async () => {
    const labour = await groupId("halton", "Labour Group");
    const admin = await as("fiona.carr@halton.example");
    const nonJnc = await handleProposeArrangement(admin, {
      officerId: await userId("ben.lowry@halton.example"),
      groupId: labour,
      safeguards: "Council business only.",
    });
    expect(Object.values(nonJnc.errors).join(" ")).toContain("HAL-B4");
    const noSafeguards = await handleProposeArrangement(admin, {
      officerId: await userId("colin.ashworth@halton.example"),
      groupId: labour,
      safeguards: "",
    });
    expect(Object.values(noSafeguards.errors).join(" ")).toContain("HAL-B4");
    const member = await handleProposeArrangement(await as("derek.holloway@halton.example"), {
      officerId: await userId("colin.ashworth@halton.example"),
      groupId: labour,
      safeguards: "x",
    });
    expect(member.errors.form).toBeTruthy();
    const ok = await handleProposeArrangement(admin, {
      officerId: await userId("colin.ashworth@halton.example"),
      groupId: labour,
      safeguards: "Advice on council business only; notes copied to the Monitoring Officer.",
    });
    expect(ok.saved).toBe(true);
    const row = await prisma.standingArrangement.findFirstOrThrow({
      where: { officerId: await userId("colin.ashworth@halton.example") },
      orderBy: { createdAt: "desc" },
    });
    expect(row.agreedAt).toBeNull();
    await expect(agreeArrangement(admin, row.id, NOW)).rejects.toMatchObject({ ruleId: "HAL-B4" });
    await agreeArrangement(await as("colin.ashworth@halton.example"), row.id, NOW);
    expect(
      (await prisma.standingArrangement.findUniqueOrThrow({ where: { id: row.id } })).agreedAt,
    ).not.toBeNull();

    const wig = await handleProposeArrangement(await as("paul.hindley@wigan.example"), {
      officerId: await userId("liam.gaskell@wigan.example"),
      groupId: await groupId("wigan", "Labour Group"),
      safeguards: "",
    });
    expect(Object.values(wig.errors).join(" ")).toContain("WIG-B1");
  });

  it("CWC-B1, CWC-B4, DEF-G1: officers are invited, never instructed; inviting beyond the usual tiers needs recorded reasons", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const id = await file("adrian.penhale@cheshire-west.example", "briefing", briefing({ serviceId: place }));
    await done("sunita.rao@cheshire-west.example", id, "ACCEPT");
    const lewis = await userId("lewis.pryce@cheshire-west.example");
    await refused("sunita.rao@cheshire-west.example", id, "INVITE", { officerId: lewis }, "CWC-B4");
    await done("sunita.rao@cheshire-west.example", id, "INVITE", {
      officerId: lewis,
      reasons: "He wrote the school-places model.",
    });
    await done("sunita.rao@cheshire-west.example", id, "INVITE", {
      officerId: await userId("kieran.walsh@cheshire-west.example"),
    });
    const attendees = (await page("adrian.penhale@cheshire-west.example", id)).attendees;
    expect(attendees.map((a) => a.status)).toEqual(["INVITED", "INVITED"]);
    expect(await offers("lewis.pryce@cheshire-west.example", id)).toContain("ATTENDEE_ANSWER");
    await refused("lewis.pryce@cheshire-west.example", id, "ATTENDEE_ANSWER", { attend: "no" }, "DEF-A2");
    await done("lewis.pryce@cheshire-west.example", id, "ATTENDEE_ANSWER", { attend: "no", reasons: "On leave." });
  });

  it("CWC-B2: a committee Spokesperson may ask for a briefing on their own committee", async () => {
    const committee = await committeeId("cheshire-west", "Planning Committee");
    const id = await file(
      "harriet.vane-lowe@cheshire-west.example",
      "briefing",
      briefing({ committeeId: committee, serviceId: await serviceId("cheshire-west", "Place Operations") }),
    );
    expect((await request(id)).type).toBe("BRIEFING");
  });

  it("CWC-B5, CWC-B7, DEF-B3: having accepted one group's subject, the Chief Executive cannot decline another's; the second group is told nothing of the first; a party-political request is declined on its own ground", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const subjectKey = `local-plan-${tag()}`;
    const first = await file(
      "adrian.penhale@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, subjectKey }),
    );
    await done("victor.hale@cheshire-west.example", first, "ACCEPT");
    const second = await file(
      "megan.iles@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, subjectKey }),
    );
    const handler = await page("victor.hale@cheshire-west.example", second);
    expect(handler.sameSubject.map((s) => s.group)).toContain("Conservative Group");
    await refused(
      "victor.hale@cheshire-west.example",
      second,
      "DECLINE",
      { ground: "OTHER", reasons: "Short notice." },
      "CWC-B5",
    );
    const member = await page("megan.iles@cheshire-west.example", second);
    expect(JSON.stringify(member)).not.toContain("Conservative");
    const campaign = await file(
      "megan.iles@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, subject: "Help us plan our bypass campaign" }),
    );
    await done("victor.hale@cheshire-west.example", campaign, "DECLINE", {
      ground: "PARTY_POLITICAL_MATTER",
      reasons: "Campaign planning is party political.",
    });
    expect((await request(campaign)).status).toBe("DECLINED");
  });

  it("CWC-B8, DEF-B7: a joint request waits for every group's Leader to opt in; then it goes to the recipients, and a third group cannot see it", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const independents = await groupId("cheshire-west", "Independent Group");
    const id = await file(
      "adrian.penhale@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, jointGroupIds: [independents] }),
    );
    expect((await request(id)).status).toBe("AWAITING_GROUPS");
    expect(await offers("victor.hale@cheshire-west.example", id)).not.toContain("ACCEPT");
    expect(await offers("megan.iles@cheshire-west.example", id)).toContain("OPT_IN");
    expect(await offers("adrian.penhale@cheshire-west.example", id)).not.toContain("OPT_IN");
    await done("megan.iles@cheshire-west.example", id, "OPT_IN");
    expect((await request(id)).status).toBe("SUBMITTED");
    expect(await offers("victor.hale@cheshire-west.example", id)).toContain("ACCEPT");
    expect(await offers("louise.barraclough@cheshire-west.example", id)).toBeNull();
  });

  it("CWC-B9, DEF-B4, DEF-B9: a meeting under five working days away is flagged as short notice; the decision is due the day before the meeting; the recipient proposes a later date", async () => {
    const values = briefing({
      serviceId: await serviceId("cheshire-west", "Place Operations"),
      meetingDate: "2027-03-05",
    });
    const check = await checkTypedForm(await as("adrian.penhale@cheshire-west.example"), "briefing", values, NOW);
    expect((check.preview ?? []).join(" ")).toMatch(/CWC-B9|DEF-B4/);
    const id = await file("adrian.penhale@cheshire-west.example", "briefing", values);
    const r = await request(id);
    expect((r.data as { shortNotice: boolean }).shortNotice).toBe(true);
    expect(r.dueDate?.toISOString().slice(0, 10)).toBe("2027-03-04");
    await done("tom.ferris@cheshire-west.example", id, "PROPOSE_DATE", {
      date: "2027-03-19",
      reasons: "The papers are not ready.",
    });
    await done("adrian.penhale@cheshire-west.example", id, "ACCEPT_DATE");
    expect(((await request(id)).data as { meetingDate: string }).meetingDate).toBe("2027-03-19");
  });

  it("CWC-B10, CWC-B11: completion records the time spent; a committee Chair's role briefing is not a party-group request", async () => {
    const place = await serviceId("cheshire-west", "Place Operations");
    const bad = await submitTypedForm(
      await as("adrian.penhale@cheshire-west.example"),
      "briefing",
      briefing({ serviceId: place, startTime: "25:00", durationMinutes: "9999" }),
      key(),
      NOW,
    );
    expect(bad.errors.startTime).toMatch(/18:30/);
    expect(bad.errors.durationMinutes).toMatch(/480/);
    const id = await file(
      "adrian.penhale@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, meetingDate: "2027-03-24", startTime: "18:30", durationMinutes: "90" }),
    );
    expect((await request(id)).data).toMatchObject({ startTime: "18:30", durationMinutes: 90 });
    // The recipient proposes a shorter, earlier slot with reasons; the group accepts it.
    await done("victor.hale@cheshire-west.example", id, "PROPOSE_DATE", {
      date: "2027-03-24",
      startTime: "17:00",
      durationMinutes: "45",
      reasons: "Forty-five minutes covers the budget options.",
    });
    expect((await page("adrian.penhale@cheshire-west.example", id)).specs.map((s) => s.action)).toContain(
      "ACCEPT_DATE",
    );
    await done("adrian.penhale@cheshire-west.example", id, "ACCEPT_DATE");
    expect((await request(id)).data).toMatchObject({ startTime: "17:00", durationMinutes: 45 });
    await done("victor.hale@cheshire-west.example", id, "ACCEPT");
    await refused("victor.hale@cheshire-west.example", id, "COMPLETE", { minutesSpent: "" }, "CWC-B10");
    await done("victor.hale@cheshire-west.example", id, "COMPLETE", { minutesSpent: "45" });
    const role = await file(
      "yasmin.clarke@cheshire-west.example",
      "briefing",
      briefing({ serviceId: place, kind: "ROLE" }),
    );
    expect((await request(role)).kind).toBe("ROLE");
    expect(await offers("adrian.penhale@cheshire-west.example", role)).toBeNull();
  });

  it("CWC-B3: while the Chief Executive, Deputy and Chief Operating Officer are all away, a request goes to the Director concerned", async () => {
    const day = "2027-06-16";
    const execs = ["victor.hale", "sunita.rao", "tom.ferris"].map((n) => `${n}@cheshire-west.example`);
    for (const e of execs)
      expect((await handleRecordAbsence(await as(e), { fromDate: day, toDate: day })).saved).toBe(true);
    const refusedAbsence = await handleRecordAbsence(await as("nadia.brook@cheshire-west.example"), {
      fromDate: day,
      toDate: day,
    });
    expect(refusedAbsence.errors.form).toMatch(/CWC-B3/);
    try {
      const id = await file(
        "adrian.penhale@cheshire-west.example",
        "briefing",
        briefing({ serviceId: await serviceId("cheshire-west", "Place Operations") }),
        new Date(`${day}T10:00:00Z`),
      );
      const r = await request(id);
      expect((r.data as { recipientIds: string[] }).recipientIds).toEqual([
        await userId("nadia.brook@cheshire-west.example"),
      ]);
    } finally {
      await prisma.absence.deleteMany({ where: { fromDate: new Date(`${day}T00:00:00Z`) } });
    }
  });

  it("C2007-B1, DEF-B5, DEF-B8: the administration leader's discussion with the Chief Executive is theirs alone (no equal-treatment guard) until the leader consents to share it", async () => {
    const id = await file("nigel.farrant@ashdown-vale.example", "briefing", briefing());
    const r = await request(id);
    expect((r.data as { administrationDiscussion: boolean }).administrationDiscussion).toBe(true);
    expect(r.deciderId).toBe(await userId("alistair.penn@ashdown-vale.example"));
    expect(await offers("rowan.ellery@ashdown-vale.example", id)).toBeNull();
    expect(await offers("geoffrey.lamb@ashdown-vale.example", id)).toBeNull();
    await done("alistair.penn@ashdown-vale.example", id, "ACCEPT");
    await done("alistair.penn@ashdown-vale.example", id, "COMPLETE", { notes: "Budget priorities discussed." });
    const green = await groupId("ashdown-vale", "Green Group");
    // Only the administration's leader consents: not even the Chief Executive shares it.
    await refused("alistair.penn@ashdown-vale.example", id, "SHARE", { groupId: green }, "C2007-B1");
    expect(await offers("nigel.farrant@ashdown-vale.example", id)).toContain("SHARE");
    await done("nigel.farrant@ashdown-vale.example", id, "SHARE", { groupId: green });
    expect(await offers("rowan.ellery@ashdown-vale.example", id)).not.toBeNull();
  });

  it("DEF-B8, DEF-B1: Halton's soft equal-treatment guard asks for confirmation with reasons; only a Group Leader or designate files for the group", async () => {
    const env = await serviceId("halton", "Environment and Regeneration");
    const backbencher = await submitTypedForm(
      await as("marcus.okafor@halton.example"),
      "briefing",
      briefing({ serviceId: env }),
      key(),
      NOW,
    );
    expect(Object.values(backbencher.errors).join(" ")).toContain("DEF-B1");
    const subjectKey = `waste-${tag()}`;
    const labour = await file(
      "derek.holloway@halton.example",
      "briefing",
      briefing({ serviceId: env, subjectKey }),
    );
    await done("owen.pritchard@halton.example", labour, "ACCEPT");
    const libdem = await file(
      "philippa.dunne@halton.example",
      "briefing",
      briefing({ serviceId: env, subjectKey }),
    );
    const decline = (await page("owen.pritchard@halton.example", libdem)).specs.find(
      (s) => s.action === "DECLINE",
    )!;
    expect(decline.fields.some((f) => "name" in f && f.name === "notSameSubject")).toBe(true);
    await refused(
      "owen.pritchard@halton.example",
      libdem,
      "DECLINE",
      { ground: "OTHER", reasons: "A different question." },
      "DEF-B8",
    );
    await done("owen.pritchard@halton.example", libdem, "DECLINE", {
      ground: "OTHER",
      reasons: "This asks about the depot, not the waste strategy.",
      notSameSubject: "yes",
    });
  });

  it("WIG-B3, WIG-B8: a one-party meeting names its item and major issue; closing needs the leave-before-decision answer, and presence at a decision is an exception the Director sees", async () => {
    const place = await serviceId("wigan", "Place");
    const missing = await submitTypedForm(
      await as("naomi.ward@wigan.example"),
      "briefing",
      briefing({ serviceId: place, onePartyMeeting: "yes" }),
      key(),
      NOW,
    );
    expect(Object.values(missing.errors).join(" ")).toContain("WIG-B3");
    const id = await file(
      "naomi.ward@wigan.example",
      "briefing",
      briefing({ serviceId: place, onePartyMeeting: "yes", item: "Item 5", majorIssue: "A £40m programme." }),
    );
    await done("rebecca.shaw@wigan.example", id, "ACCEPT");
    const forged = await act("tony.birchall@wigan.example", id, "SET_ATTENDING", {});
    expect("errors" in forged && forged.errors.action).toBeTruthy();
    await refused("rebecca.shaw@wigan.example", id, "COMPLETE", { minutesSpent: "30" }, "WIG-B3");
    await done("rebecca.shaw@wigan.example", id, "COMPLETE", { minutesSpent: "30", leftBeforeDecision: "no" });
    expect(((await request(id)).data as { exception?: { ruleId: string } }).exception?.ruleId).toBe("WIG-B3");
  });

  it("WIG-B5, WIG-B6, WIG-B7: the Director offers the same briefing to every group's spokesperson (leaving one out needs reasons); each group's offer is its own; a decline on a subject briefed to another group is blocked", async () => {
    const place = await serviceId("wigan", "Place");
    const conservative = await groupId("wigan", "Conservative Group");
    const independent = await groupId("wigan", "Independent Network");
    const offer = { subject: `Masterplan ${tag()}`, councilBusiness: "Town Centre Masterplan", serviceId: place };
    const one = await submitTypedForm(
      await as("rebecca.shaw@wigan.example"),
      "offer",
      { ...offer, groupIds: [conservative] },
      key(),
      NOW,
    );
    expect(Object.values(one.errors).join(" ")).toContain("WIG-B5");
    await file("rebecca.shaw@wigan.example", "offer", { ...offer, groupIds: [conservative, independent] });
    const offers2 = await prisma.request.findMany({ where: { kind: "OFFERED", subject: offer.subject } });
    expect(offers2).toHaveLength(2);
    const toConservatives = offers2.find((o) => o.groupId === conservative)!;
    expect(await offers("elaine.marsden@wigan.example", toConservatives.id)).toContain("OPT_IN");
    expect(await offers("naomi.ward@wigan.example", toConservatives.id)).toBeNull();
    await done("elaine.marsden@wigan.example", toConservatives.id, "OPT_IN");
    expect((await request(toConservatives.id)).status).toBe("ACCEPTED");
    // WIG-B5(a), WIG-B7.
    const subjectKey = `masterplan-${tag()}`;
    const a = await file(
      "gordon.fairclough@wigan.example",
      "briefing",
      briefing({ serviceId: place, subjectKey }),
    );
    await done("rebecca.shaw@wigan.example", a, "ACCEPT");
    await done("rebecca.shaw@wigan.example", a, "ADD_NOTES", { notes: "Phasing discussed." });
    expect(await offers("tony.birchall@wigan.example", a)).toBeNull();
    const b = await file("naomi.ward@wigan.example", "briefing", briefing({ serviceId: place, subjectKey }));
    await refused("rebecca.shaw@wigan.example", b, "DECLINE", { ground: "OTHER", reasons: "Busy." }, "WIG-B5");
  });
});

// ---- Section C: complaints -----------------------------------------------------------------------------------------

describe("complaints", () => {
  it("CWC-C1, CWC-C2: a complaint about a member goes to whichever of the Chief Executive or Director of Governance the complainant chose; party discipline is referred to the Group Leader with reasons", async () => {
    const simon = await userId("simon.greatorex@cheshire-west.example");
    const id = await file(
      "kieran.walsh@cheshire-west.example",
      "complaint",
      complaint(simon, { chosenHandler: "DIRECTOR_OF_GOVERNANCE" }),
    );
    expect((await request(id)).deciderId).toBe(await userId("ruth.calloway@cheshire-west.example"));
    expect(await offers("nadia.brook@cheshire-west.example", id)).toBeNull();
    expect(await offers("adrian.penhale@cheshire-west.example", id)).toBeNull();
    expect(await offers("ruth.calloway@cheshire-west.example", id)).toContain("CLASSIFY_PARTY_DISCIPLINE");
    expect(await offers("kieran.walsh@cheshire-west.example", id)).not.toContain("CLASSIFY_PARTY_DISCIPLINE");
    await refused("ruth.calloway@cheshire-west.example", id, "CLASSIFY_PARTY_DISCIPLINE", {}, "CWC-C2");
    await done("ruth.calloway@cheshire-west.example", id, "CLASSIFY_PARTY_DISCIPLINE", {
      reasons: "Voting against the whip is for the party.",
    });
    expect(await notifiedOf("adrian.penhale@cheshire-west.example", id)).toBeGreaterThan(0);
    const leader = await page("adrian.penhale@cheshire-west.example", id);
    expect(leader.detail.level).toBe("SUMMARY");
    expect(leader.detail.timeline.find((t) => t.action === "CLASSIFY_PARTY_DISCIPLINE")?.reasons).toMatch(/whip/);
  });

  it("CWC-C3: the investigator must be the Chief Executive, the Director of Governance, or someone they authorised", async () => {
    const id = await file(
      "kieran.walsh@cheshire-west.example",
      "complaint",
      complaint(await userId("megan.iles@cheshire-west.example"), { chosenHandler: "CHIEF_EXECUTIVE" }),
    );
    const nadia = await userId("nadia.brook@cheshire-west.example");
    await refused("victor.hale@cheshire-west.example", id, "SET_INVESTIGATOR", { officerId: nadia }, "CWC-C3");
    await done("victor.hale@cheshire-west.example", id, "AUTHORISE", { officerId: nadia });
    await done("victor.hale@cheshire-west.example", id, "SET_INVESTIGATOR", { officerId: nadia });
    expect(await offers("nadia.brook@cheshire-west.example", id)).not.toBeNull();
  });

  it("CWC-C4, DEF-C3: a Code of Conduct complaint needs a written statement and goes to the Monitoring Officer", async () => {
    const megan = await userId("megan.iles@cheshire-west.example");
    const bad = await submitTypedForm(
      await as("yasmin.clarke@cheshire-west.example"),
      "complaint",
      complaint(megan, { codeOfConduct: "yes" }),
      key(),
      NOW,
    );
    expect(Object.values(bad.errors).join(" ")).toContain("CWC-C4");
    const id = await file(
      "yasmin.clarke@cheshire-west.example",
      "complaint",
      complaint(megan, {
        codeOfConduct: "yes",
        statementOfFacts: "At the meeting on 1 March the councillor disclosed exempt papers.",
        codeProvision: "Paragraph 5 (confidentiality)",
      }),
    );
    expect((await request(id)).deciderId).toBe(await userId("ruth.calloway@cheshire-west.example"));
  });

  it("CWC-C5: officer conduct goes to the Chief Executive alone, who may nominate an officer", async () => {
    const id = await file(
      "yasmin.clarke@cheshire-west.example",
      "complaint",
      complaint(await userId("kieran.walsh@cheshire-west.example")),
    );
    expect((await request(id)).deciderId).toBe(await userId("victor.hale@cheshire-west.example"));
    expect(await offers("nadia.brook@cheshire-west.example", id)).toBeNull();
    expect(await offers("victor.hale@cheshire-west.example", id)).toContain("NOMINATE");
    await done("victor.hale@cheshire-west.example", id, "NOMINATE", {
      officerId: await userId("nadia.brook@cheshire-west.example"),
    });
    expect(await offers("nadia.brook@cheshire-west.example", id)).not.toBeNull();
  });

  it("C2007-C1, DEF-C9: a bullying complaint is SERIOUS, with the guidance shown before filing; an officer's complaint about a member goes to their Head of Service", async () => {
    const values = complaint(await userId("geoffrey.lamb@ashdown-vale.example"), { category: "BULLYING" });
    const check = await checkTypedForm(await as("daniel.crewe@ashdown-vale.example"), "complaint", values, NOW);
    expect((check.preview ?? []).join(" ")).toContain("C2007-C1");
    const id = await file("daniel.crewe@ashdown-vale.example", "complaint", values);
    expect((await request(id)).deciderId).toBe(await userId("moira.delaney@ashdown-vale.example"));
    expect((await page("moira.delaney@ashdown-vale.example", id)).serious).toBe(true);
  });

  it("HAL-C3, DEF-C6, DEF-C7: a member's complaint about an officer moves from the informal stage to the Chief Officer and, once answered, to the Chief Executive, whose outcome is final", async () => {
    const colin = await userId("colin.ashworth@halton.example");
    const id = await file("marcus.okafor@halton.example", "complaint", complaint(colin));
    expect(await offers("helen.tranter@halton.example", id)).toBeNull();
    expect((await request(id)).dueDate).not.toBeNull();
    await done("marcus.okafor@halton.example", id, "ESCALATE", { reasons: "I raised it twice with no answer." });
    expect((await request(id)).deciderId).toBe(await userId("owen.pritchard@halton.example"));
    // DEF-C7: no escalation before the stage has an outcome.
    expect(await offers("marcus.okafor@halton.example", id)).not.toContain("ESCALATE");
    await done("owen.pritchard@halton.example", id, "RECORD_OUTCOME", {
      outcome: "RESOLVED",
      reasons: "Replied.",
    });
    expect(await offers("marcus.okafor@halton.example", id)).toContain("ESCALATE");
    await done("marcus.okafor@halton.example", id, "ESCALATE");
    expect((await request(id)).deciderId).toBe(await userId("imogen.sale@halton.example"));
    // DEF-C6: the subject officer, a past handler, still sees it; other members do not.
    expect(await offers("colin.ashworth@halton.example", id)).not.toBeNull();
    await done("imogen.sale@halton.example", id, "RECORD_OUTCOME", { reasons: "The service has apologised." });
    expect(await offers("marcus.okafor@halton.example", id)).not.toContain("ESCALATE");
  });

  it("DEF-C7: the handler of each stage acknowledges the complaint within the council's target — once, with a message the complainant reads; the complainant cannot; the page shows when", async () => {
    const simon = await userId("simon.greatorex@cheshire-west.example");
    const id = await file(
      "kieran.walsh@cheshire-west.example",
      "complaint",
      complaint(simon, { chosenHandler: "DIRECTOR_OF_GOVERNANCE" }),
    );
    const ack = (answers: { key: string; value: string }[]) =>
      answers.find((a) => a.key === "Acknowledged")?.value;
    // Filed on Wednesday 3 March 2027: the default target is 2 working days.
    expect(ack((await page("kieran.walsh@cheshire-west.example", id)).answers)).toBe(
      "Not yet: the council's target is 5 March 2027",
    );
    expect(await offers("kieran.walsh@cheshire-west.example", id)).not.toContain("ACKNOWLEDGE");
    await refused("kieran.walsh@cheshire-west.example", id, "ACKNOWLEDGE", {}, "DEF-C7");
    const handler = await page("ruth.calloway@cheshire-west.example", id);
    const spec = handler.specs.find((x) => x.action === "ACKNOWLEDGE");
    expect(spec?.hint).toMatch(/by 5 March 2027/);
    await done("ruth.calloway@cheshire-west.example", id, "ACKNOWLEDGE", {
      reasons: "I have your complaint and will reply within 10 working days.",
    });
    const complainant = await page("kieran.walsh@cheshire-west.example", id);
    expect(complainant.detail.timeline.find((t) => t.action === "ACKNOWLEDGE")?.reasons).toBe(
      "I have your complaint and will reply within 10 working days.",
    );
    expect(ack(complainant.answers)).toMatch(/^On 3 Mar 2027/);
    expect(await notifiedOf("kieran.walsh@cheshire-west.example", id, "ACKNOWLEDGE")).toBe(1);
    // Once a stage.
    expect(await offers("ruth.calloway@cheshire-west.example", id)).not.toContain("ACKNOWLEDGE");
    await refused("ruth.calloway@cheshire-west.example", id, "ACKNOWLEDGE", {}, "DEF-C7");
  });

  it("HAL-C4, HAL-C5, HAL-C6, DEF-C10: an officer's complaint about a member goes to the officer's own Chief Officer, who raises it with the Chief Executive; the Leader and Chief Whip of the member's group read the note", async () => {
    const marcus = await userId("marcus.okafor@halton.example");
    const id = await file("tasha.reid@halton.example", "complaint", complaint(marcus));
    expect((await request(id)).deciderId).toBe(await userId("gillian.marsh@halton.example"));
    expect(await offers("tasha.reid@halton.example", id)).not.toContain("ESCALATE");
    await refused("tasha.reid@halton.example", id, "ESCALATE", {}, "HAL-C5");
    await done("gillian.marsh@halton.example", id, "RECORD_OUTCOME", {
      outcome: "NOT_RESOLVED",
      reasons: "Not resolved.",
    });
    expect(await offers("gillian.marsh@halton.example", id)).toContain("ESCALATE");
    await done("gillian.marsh@halton.example", id, "ESCALATE");
    expect((await request(id)).deciderId).toBe(await userId("imogen.sale@halton.example"));
    await done("imogen.sale@halton.example", id, "RECORD_OUTCOME", {
      outcome: "RAISE_WITH_PARTY",
      reasons: "I have asked the Leader and Chief Whip to speak to Cllr Okafor about his emails to staff.",
    });
    for (const e of ["derek.holloway@halton.example", "sandra.kettle@halton.example"]) {
      const p = await page(e, id);
      expect(p.detail.level).toBe("SUMMARY");
      const told = p.detail.timeline.filter((t) => t.action === "RECORD_OUTCOME" && t.reasons);
      // They read the Chief Executive's note to them, not the Chief Officer's earlier outcome.
      expect(told.map((t) => t.reasons)).toEqual([expect.stringMatching(/Chief Whip/)]);
      expect(told[0]!.reasons).toMatch(/Chief Whip/);
    }
    expect(await offers("philippa.dunne@halton.example", id)).toBeNull();
  });

  it("DEF-C1, DEF-C2, DEF-C8: complaints about the Chief Executive go to the Leader of the Council; about a Chief Officer, after the informal stage, to the Chief Executive", async () => {
    const hal = await file(
      "marcus.okafor@halton.example",
      "complaint",
      complaint(await userId("imogen.sale@halton.example")),
    );
    expect((await request(hal)).deciderId).toBe(await userId("derek.holloway@halton.example"));
    expect(await offers("imogen.sale@halton.example", hal)).toBeNull();
    const wig = await file(
      "patricia.lunt@wigan.example",
      "complaint",
      complaint(await userId("alison.kerr@wigan.example")),
    );
    expect((await request(wig)).deciderId).toBe(await userId("keith.ormerod@wigan.example"));
    const co = await file(
      "marcus.okafor@halton.example",
      "complaint",
      complaint(await userId("owen.pritchard@halton.example")),
    );
    await done("marcus.okafor@halton.example", co, "ESCALATE", { reasons: "No informal answer." });
    expect((await request(co)).deciderId).toBe(await userId("imogen.sale@halton.example"));
  });

  it("WIG-C2, WIG-C4: a complaint about a Director goes to the Chief Executive; an officer's criticism of a member is taken by their Director to the member's Group Leader", async () => {
    const c2 = await file(
      "patricia.lunt@wigan.example",
      "complaint",
      complaint(await userId("rebecca.shaw@wigan.example")),
    );
    expect((await request(c2)).deciderId).toBe(await userId("alison.kerr@wigan.example"));
    expect(await offers("rebecca.shaw@wigan.example", c2)).toBeNull();
    const c4 = await file(
      "liam.gaskell@wigan.example",
      "complaint",
      complaint(await userId("elaine.marsden@wigan.example")),
    );
    expect((await request(c4)).deciderId).toBe(await userId("rebecca.shaw@wigan.example"));
    await done("rebecca.shaw@wigan.example", c4, "RECORD_OUTCOME", {
      outcome: "APPROACH_GROUP_LEADER",
      reasons: "I have written to the Conservative Group Leader.",
    });
    expect(await notifiedOf("gordon.fairclough@wigan.example", c4)).toBeGreaterThan(0);
    expect((await page("gordon.fairclough@wigan.example", c4)).detail.level).toBe("SUMMARY");
    expect(await offers("tony.birchall@wigan.example", c4)).toBeNull();
  });

  it("CWC-C1, CWC-C4: the Director of Governance consults the Chief Executive (recorded), then converts the complaint to a Code of Conduct complaint for the Monitoring Officer", async () => {
    const simon = await userId("simon.greatorex@cheshire-west.example");
    const id = await file(
      "kieran.walsh@cheshire-west.example",
      "complaint",
      complaint(simon, { chosenHandler: "DIRECTOR_OF_GOVERNANCE" }),
    );
    expect(await offers("ruth.calloway@cheshire-west.example", id)).toEqual(
      expect.arrayContaining(["CONSULT", "CONVERT_TO_CODE"]),
    );
    expect(await offers("kieran.walsh@cheshire-west.example", id)).not.toContain("CONSULT");
    expect(await offers("victor.hale@cheshire-west.example", id)).toBeNull();
    await refused("ruth.calloway@cheshire-west.example", id, "CONSULT", {}, "CWC-C1");
    await refused("kieran.walsh@cheshire-west.example", id, "CONSULT", { reasons: "x" }, "CWC-C1");
    await done("ruth.calloway@cheshire-west.example", id, "CONSULT", { reasons: "Is this a Code matter?" });
    const ce = await page("victor.hale@cheshire-west.example", id);
    expect(ce.detail.level).toBe("FULL");
    expect(ce.specs.map((s) => s.action)).not.toContain("RECORD_OUTCOME");
    expect(await notifiedOf("victor.hale@cheshire-west.example", id)).toBeGreaterThan(0);
    expect(ce.detail.timeline.find((t) => t.action === "CONSULT")?.reasons).toMatch(/Code matter/);

    await refused(
      "ruth.calloway@cheshire-west.example",
      id,
      "CONVERT_TO_CODE",
      { reasons: "It concerns confidentiality." },
      "CWC-C4",
    );
    await done("ruth.calloway@cheshire-west.example", id, "CONVERT_TO_CODE", {
      reasons: "It concerns confidentiality.",
      codeProvision: "Paragraph 5",
    });
    const row = await request(id);
    expect(row.kind).toBe("CODE_OF_CONDUCT");
    expect((row.data as { ladder: { ruleId: string } }).ladder.ruleId).toBe("CWC-C4");
    // The Director of Governance is the Monitoring Officer here: the complaint stays with them, under CWC-C4.
    expect(row.deciderId).toBe(await userId("ruth.calloway@cheshire-west.example"));
    expect(await offers("ruth.calloway@cheshire-west.example", id)).not.toContain("CONVERT_TO_CODE");
    expect(await notifiedOf("kieran.walsh@cheshire-west.example", id, "CONVERT_TO_CODE")).toBe(1);
  });

  it("WIG-C1: the Director of the junior officer's service delegates the complaint to the section's senior manager (recorded), who then handles it", async () => {
    const erin = await userId("erin.whittle@wigan.example");
    const id = await file("patricia.lunt@wigan.example", "complaint", complaint(erin));
    expect((await request(id)).deciderId).toBe(await userId("anil.kapoor@wigan.example"));
    const offered = (await page("anil.kapoor@wigan.example", id)).specs.find((s) => s.action === "DELEGATE");
    const choices = offered?.fields.flatMap((f) => ("options" in f ? f.options.map((o) => o.label) : []));
    expect(choices?.join(" ")).toContain("Peter Gibbons");
    expect(choices?.join(" ")).not.toContain("Hannah Royle");
    const hannah = await userId("hannah.royle@wigan.example");
    const peter = await userId("peter.gibbons@wigan.example");
    // Another service's senior manager is refused, as is the subject.
    await refused(
      "anil.kapoor@wigan.example",
      id,
      "DELEGATE",
      { officerId: hannah, reasons: "Workload." },
      "WIG-C1",
    );
    await refused(
      "anil.kapoor@wigan.example",
      id,
      "DELEGATE",
      { officerId: erin, reasons: "Workload." },
      "WIG-C1",
    );
    await refused("patricia.lunt@wigan.example", id, "DELEGATE", { officerId: peter, reasons: "x" }, "WIG-C1");
    await done("anil.kapoor@wigan.example", id, "DELEGATE", { officerId: peter, reasons: "Peter manages Erin." });
    expect((await request(id)).deciderId).toBe(peter);
    expect(await offers("peter.gibbons@wigan.example", id)).toContain("RECORD_OUTCOME");
    expect(await offers("anil.kapoor@wigan.example", id)).not.toContain("RECORD_OUTCOME");
    await done("peter.gibbons@wigan.example", id, "RECORD_OUTCOME", {
      outcome: "RESOLVED",
      reasons: "We have spoken and agreed a way forward.",
    });
  });

  it("HTC-C1: an officer cannot see a member's complaint about them until the Town Clerk involves them, with reasons", async () => {
    const aisha = await userId("aisha.benton@halstead.example");
    const id = await file("bridget.fenn@halstead.example", "complaint", complaint(aisha));
    expect(await offers("aisha.benton@halstead.example", id)).toBeNull();
    expect(await offers("margaret.doyle@halstead.example", id)).toContain("INVOLVE");
    await refused("margaret.doyle@halstead.example", id, "INVOLVE", { officerId: aisha }, "HTC-C1");
    await done("margaret.doyle@halstead.example", id, "INVOLVE", {
      officerId: aisha,
      reasons: "Aisha should give her account of the allotment lettings.",
    });
    expect(await offers("aisha.benton@halstead.example", id)).not.toBeNull();
    expect(await notifiedOf("aisha.benton@halstead.example", id, "INVOLVE")).toBe(1);
    expect(await offers("aisha.benton@halstead.example", id)).not.toContain("RECORD_OUTCOME");
  });

  it("HTC-C1, HTC-C2, DEF-C5: concerns about staff go to the Town Clerk, about the Clerk to the Chairman; grievances are not member complaints", async () => {
    const aisha = await userId("aisha.benton@halstead.example");
    const c1 = await file("bridget.fenn@halstead.example", "complaint", complaint(aisha));
    expect((await request(c1)).deciderId).toBe(await userId("margaret.doyle@halstead.example"));
    expect(await offers("aisha.benton@halstead.example", c1)).toBeNull();
    const clerk = await file(
      "bridget.fenn@halstead.example",
      "complaint",
      complaint(await userId("margaret.doyle@halstead.example")),
    );
    expect((await request(clerk)).deciderId).toBe(await userId("janet.coker@halstead.example"));
    expect(await offers("margaret.doyle@halstead.example", clerk)).toBeNull();
    const staffGrievance = await submitTypedForm(
      await as("aisha.benton@halstead.example"),
      "complaint",
      complaint(await userId("bridget.fenn@halstead.example"), { grievance: "yes" }),
      key(),
      NOW,
    );
    expect(Object.values(staffGrievance.errors).join(" ")).toContain("HTC-C2");
    const memberGrievance = await file(
      "rosa.quint@halstead.example",
      "complaint",
      complaint(await userId("dean.parr@halstead.example"), { grievance: "yes" }),
    );
    expect((await request(memberGrievance)).deciderId).toBe(await userId("graham.lowther@halstead.example"));
  });
});

// ---- Section D: the town council -----------------------------------------------------------------------------------

describe("the Town Clerk's gate", () => {
  it("HTC-D5, HTC-D9, DEF-D1, DEF-D2, DEF-D3: the Clerk decides within five working days; changes and declines need reasons; a Leadership Team meeting cannot be the decision; only the Clerk reallocates staff work", async () => {
    const id = await file("bridget.fenn@halstead.example", "assistance", {
      subject: `Allotment open day ${tag()}`,
      details: "Posters and a stall rota; the draft list of plot-holders is attached.",
      estimatedHours: "4",
    });
    expect((await request(id)).dueDate?.toISOString().slice(0, 10)).toBe("2027-03-10");
    // HTC-D9: Leadership Team meetings are recorded by the Clerk, as notes only.
    const byMember = await handleRecordLeadershipMeeting(await as("janet.coker@halstead.example"), {
      date: "2026-11-30",
      notes: "Agenda planning.",
    });
    expect(Object.values(byMember.errors).join(" ")).toContain("HTC-D9");
    const saved = await handleRecordLeadershipMeeting(await as("margaret.doyle@halstead.example"), {
      date: "2026-11-30",
      notes: "Preliminary consideration of the allotments review.",
    });
    expect(saved.saved).toBe(true);
    const meeting = await prisma.leadershipMeeting.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const aisha = await userId("aisha.benton@halstead.example");
    const decision = {
      clerkOutcome: "ACCEPT",
      allocatedOfficerId: aisha,
      workloadFinding: "WITHIN_WORKLOAD",
      workloadNote: "4 of 22 hours this week.",
      appropriateness: "APPROPRIATE",
      informAllMembers: "yes",
    };
    await refused(
      "margaret.doyle@halstead.example",
      id,
      "CLERK_DECISION",
      { ...decision, leadershipMeetingId: meeting.id },
      "HTC-D9",
    );
    await refused(
      "margaret.doyle@halstead.example",
      id,
      "CLERK_DECISION",
      { ...decision, clerkOutcome: "MODIFY" },
      "DEF-D2",
    );
    await done("margaret.doyle@halstead.example", id, "CLERK_DECISION", decision);
    // DEF-D3: every member is told who asked, what about and the decision — not the details.
    const notice = await prisma.notification.findFirstOrThrow({
      where: { requestId: id, kind: "ALL_MEMBERS_NOTICE", userId: await userId("samuel.tolley@halstead.example") },
    });
    expect(notice.title).toContain("Bridget Fenn");
    expect(notice.title).not.toContain("plot-holders");
    // HTC-D5: the member cannot reallocate; the Clerk can.
    const dean = await userId("dean.parr@halstead.example");
    expect(await offers("bridget.fenn@halstead.example", id)).not.toContain("ALLOCATE");
    await refused("bridget.fenn@halstead.example", id, "ALLOCATE", { officerId: dean }, "HTC-D5");
    expect(await offers("margaret.doyle@halstead.example", id)).toContain("ALLOCATE");
    await done("margaret.doyle@halstead.example", id, "ALLOCATE", { officerId: dean });
    expect((await request(id)).allocatedToId).toBe(dean);
  });

  it("HTC-D7, DEF-D6: a member of staff reports a suspected Code breach to the Clerk, who refers it; the external Monitoring Officer sees only what is referred", async () => {
    const id = await file("aisha.benton@halstead.example", "code-breach", {
      memberId: await userId("rosa.quint@halstead.example"),
      awareOn: "2026-11-20",
      facts: "Shouted at staff in the office on 19 November.",
    });
    expect(await offers("rosa.quint@halstead.example", id)).toBeNull();
    expect(await offers("graham.lowther@halstead.example", id)).toBeNull();
    await done("margaret.doyle@halstead.example", id, "CODE_BREACH_DECISION", {
      seekAdvice: "yes",
      reasons: "A pattern of conduct; advice needed.",
    });
    expect(await offers("graham.lowther@halstead.example", id)).not.toBeNull();
    const other = await ask("bridget.fenn@halstead.example", { needToKnowGrounds: "" });
    expect(await offers("graham.lowther@halstead.example", other)).toBeNull();
  });
});
