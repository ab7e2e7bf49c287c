// The authority for a decision (RULES.md §3.E: HAL-E5, WIG-E8, HTC-E3, C2007-E5), through the request page's
// form handler on real PostgreSQL with the demo councils: a party group's decision, or (C2007) a single councillor,
// is refused with nothing saved; a proper body or delegation is saved with the step and shown on the timeline.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { submitTypedForm } from "@/lib/requests/forms/typed";
import { loadRequestPage } from "@/lib/requests/request-page";
import type { InformationFormValues } from "@/lib/requests/schema";
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
const serviceId = async (council: string, name: string) =>
  (await prisma.service.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const request = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });

async function ask(email: string, values: Partial<InformationFormValues>): Promise<string> {
  const out = await submitInformationForm(
    await as(email),
    {
      subject: `Authority question ${tag()}`,
      details: "Please send the figures for last year.",
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      needToKnowGrounds: "Ward casework.",
      ...values,
    },
    `auth-${tag()}`,
    NOW,
  );
  expect(out.errors).toEqual({});
  return out.id!;
}
const act = async (email: string, id: string, action: string, values: Record<string, string>) =>
  handleRequestAction(await as(email), { requestId: id, action, ...values }, NOW);

/** Refused on the authority field, naming the rule; the request is unchanged and no authority is recorded. */
async function refusedOnAuthority(
  email: string,
  id: string,
  action: string,
  values: Record<string, string>,
  rule: string,
) {
  const before = await request(id);
  const out = await act(email, id, action, values);
  expect("errors" in out && out.errors.authority).toMatch(new RegExp(`\\(${rule}\\)$`));
  const after = await request(id);
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  expect(await prisma.auditEvent.count({ where: { requestId: id, action: "DECISION_AUTHORITY" } })).toBe(0);
}

/** The step was taken and its authority is on the timeline, with the rule, for the member to read. */
async function savedWithAuthority(member: string, id: string, step: string, authority: string, rule: string) {
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { requestId: id, action: "DECISION_AUTHORITY" },
  });
  expect(event.data).toEqual({ authority, step });
  expect(event.ruleId).toBe(rule);
  const timeline = (await loadRequestPage(await as(member), id, NOW)).detail.timeline;
  expect(timeline.find((t) => t.action === "DECISION_AUTHORITY")?.reasons).toBe(`Authority: ${authority}`);
  expect(timeline.some((t) => t.action === step)).toBe(true);
}

describe("the authority for a decision", () => {
  it("HAL-E5: an officer closing a request with the authority 'Labour Group meeting' is blocked; a delegation is saved and shown", async () => {
    const id = await ask("marcus.okafor@halton.example", {
      serviceId: await serviceId("halton", "Adult Social Care"),
    });
    const director = "gillian.marsh@halton.example";
    // The decide form offers the optional field on the close, reply and refusal steps.
    const specs = (await loadRequestPage(await as(director), id, NOW)).specs;
    for (const step of ["CLOSE", "GRANT", "REFUSE"])
      expect(
        specs.find((s) => s.action === step)?.fields.some((f) => "name" in f && f.name === "authority"),
        step,
      ).toBe(true);
    const response = "The figures are published on the Council's website.";
    await refusedOnAuthority(director, id, "CLOSE", { response, authority: "Labour Group meeting" }, "HAL-E5");
    await refusedOnAuthority(director, id, "CLOSE", { response, authority: "Group X meeting" }, "HAL-E5");
    const authority = "Director of Adult Social Care under delegated powers";
    expect(await act(director, id, "CLOSE", { response, authority })).toEqual({ done: "CLOSE", requestId: id });
    expect((await request(id)).status).toBe("CLOSED");
    await savedWithAuthority("marcus.okafor@halton.example", id, "CLOSE", authority, "HAL-E5");
  });

  it("WIG-E8: a refusal citing a group decision as its authority is blocked; a reply under the Cabinet's decision is saved", async () => {
    const place = await serviceId("wigan", "Place");
    const id = await ask("patricia.lunt@wigan.example", { serviceId: place, classification: "GENERAL_ENQUIRY" });
    const director = "rebecca.shaw@wigan.example";
    const refusal = { ground: "IMPROPER_MOTIVE", reasons: "The request supports a claim against the Council." };
    await refusedOnAuthority(director, id, "REFUSE", { ...refusal, authority: "Labour Group decision" }, "WIG-E8");
    await refusedOnAuthority(
      director,
      id,
      "GRANT",
      { reply: "The figures.", authority: "group meeting" },
      "WIG-E8",
    );
    const authority = "Cabinet, 12 February";
    expect(await act(director, id, "GRANT", { reply: "The figures.", authority })).toEqual({
      done: "GRANT",
      requestId: id,
    });
    await savedWithAuthority("patricia.lunt@wigan.example", id, "GRANT", authority, "WIG-E8");
  });

  it("C2007-E5: 'Chairman of Planning' or a named councillor cannot be the decision-maker; the Planning Committee can", async () => {
    const daniel = await userId("daniel.crewe@ashdown-vale.example");
    const member = await as("geoffrey.lamb@ashdown-vale.example");
    const id = await ask("geoffrey.lamb@ashdown-vale.example", {
      addresseeId: daniel,
      capacity: "AS_WARD_REPRESENTATIVE",
      wardId: member.wards[0]!.id,
    });
    const head = "moira.delaney@ashdown-vale.example";
    const reply = { reply: "The housing figures for the ward." };
    await refusedOnAuthority(head, id, "GRANT", { ...reply, authority: "Chairman of Planning" }, "C2007-E5");
    await refusedOnAuthority(head, id, "GRANT", { ...reply, authority: "Cllr Farrant" }, "C2007-E5");
    await refusedOnAuthority(head, id, "GRANT", { ...reply, authority: "Conservative Group meeting" }, "C2007-E5");
    const authority = "Planning Committee, 4 March";
    expect(await act(head, id, "GRANT", { ...reply, authority })).toEqual({ done: "GRANT", requestId: id });
    await savedWithAuthority("geoffrey.lamb@ashdown-vale.example", id, "GRANT", authority, "C2007-E5");
  });

  it("HTC-E3: the Town Clerk's assistance decision cannot name a party group as its authority", async () => {
    const out = await submitTypedForm(
      await as("bridget.fenn@halstead.example"),
      "assistance",
      {
        subject: `Bench repairs ${tag()}`,
        details: "Two benches on the green need new slats.",
        estimatedHours: "3",
      },
      `auth-${tag()}`,
      NOW,
    );
    expect(out.errors).toEqual({});
    const id = out.id!;
    const decision = {
      clerkOutcome: "ACCEPT",
      allocatedOfficerId: await userId("dean.parr@halstead.example"),
      workloadFinding: "WITHIN_WORKLOAD",
      workloadNote: "3 of 37 hours this week.",
      appropriateness: "APPROPRIATE",
      informAllMembers: "no",
    };
    const clerk = "margaret.doyle@halstead.example";
    const spec = (await loadRequestPage(await as(clerk), id, NOW)).specs.find(
      (s) => s.action === "CLERK_DECISION",
    );
    expect(spec?.fields.some((f) => "name" in f && f.name === "authority")).toBe(true);
    await refusedOnAuthority(
      clerk,
      id,
      "CLERK_DECISION",
      { ...decision, authority: "Independent Group meeting" },
      "HTC-E3",
    );
    // A step without an authority records none.
    expect(await act(clerk, id, "CLERK_DECISION", decision)).toEqual({ done: "CLERK_DECISION", requestId: id });
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "DECISION_AUTHORITY" } })).toBe(0);
    expect((await request(id)).status).not.toBe("SUBMITTED");
  });
});

describe("the authority is saved with its decision", () => {
  it("HAL-E5: the authority is written in the decision's own transaction — when it cannot be written, the decision is not saved either", async () => {
    const { withStep } = await import("@/lib/requests/store");
    const { AppError } = await import("@/lib/errors");
    const id = await ask("marcus.okafor@halton.example", {
      serviceId: await serviceId("halton", "Adult Social Care"),
    });
    const before = await request(id);
    // The handler joins the authority writer to the step; here a writer that fails stands in for it.
    const failing = async () => {
      throw new AppError("CONFLICT", "The authority could not be written.");
    };
    const out = await withStep(failing, () =>
      act("gillian.marsh@halton.example", id, "CLOSE", { response: "Published online." }),
    );
    expect("errors" in out && out.errors.form).toMatch(/could not be written/);
    const after = await request(id);
    expect([after.status, after.version]).toEqual([before.status, before.version]);
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "CLOSE" } })).toBe(0);
  });
});
