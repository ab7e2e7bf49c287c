// Information requests on real PostgreSQL: filing, routing, idempotency, decisions, reviews, timeline, and races.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  actOnInformationRequest,
  fileInformationRequest,
  type InformationInput,
} from "@/lib/requests/information";
import { visibleTo } from "@/lib/requests/visibility";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");

async function serviceId(councilSlug: string, name: string) {
  const s = await prisma.service.findFirstOrThrow({ where: { name, council: { slug: councilSlug } } });
  return s.id;
}

const input = (o: Partial<InformationInput> = {}): InformationInput => ({
  kind: "INFORMATION",
  subject: "Empty homes in Ashton",
  details: "How many council homes in Ashton have been empty for more than six months?",
  serviceId: null,
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

describe("information requests (WIG)", () => {
  it("WIG-A13: a filed request is routed to the Director, gets a reference and a due date, and is on the timeline", async () => {
    const member = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    const filed = await fileInformationRequest(member, input({ serviceId: await serviceId("wigan", "Place") }), {
      now: NOW,
    });
    const director = await prisma.user.findUniqueOrThrow({ where: { email: "rebecca.shaw@wigan.example" } });
    expect(filed.deciderId).toBe(director.id);
    expect(filed.reference).toMatch(/^WIG-\d{6}$/);
    expect(filed.dueDate).toBe("2026-12-07"); // DEF-A1: 10 working days
    const events = await prisma.auditEvent.findMany({ where: { requestId: filed.id } });
    expect(events.map((e) => [e.action, e.toStatus, e.ruleId])).toEqual([["FILED", "SUBMITTED", "WIG-A13"]]);
    const notes = await prisma.notification.findMany({
      where: { requestId: filed.id },
      orderBy: { userId: "asc" },
    });
    expect(notes.map((n) => n.userId).sort()).toEqual([director.id, member.id].sort());
  });

  it("a double submission with one idempotency key creates one request", async () => {
    const member = await viewerByEmail(prisma, "stuart.heyes@wigan.example");
    const key = `k-${Date.now()}`;
    const [a, b] = await Promise.all([
      fileInformationRequest(member, input({ serviceId: await serviceId("wigan", "Place") }), {
        now: NOW,
        idempotencyKey: key,
      }),
      fileInformationRequest(member, input({ serviceId: await serviceId("wigan", "Place") }), {
        now: NOW,
        idempotencyKey: key,
      }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await prisma.request.count({ where: { createdById: member.id, idempotencyKey: key } })).toBe(1);
  });

  it("WIG-A10: without agreement nothing is stored; the error names the rule and the field", async () => {
    const member = await viewerByEmail(prisma, "joan.pilling@wigan.example");
    const other = await prisma.user.findUniqueOrThrow({ where: { email: "gordon.fairclough@wigan.example" } });
    const before = await prisma.request.count();
    const e = await errorOf(
      fileInformationRequest(
        member,
        input({
          concernsAnotherMember: true,
          concernedMemberIds: [other.id],
          serviceId: await serviceId("wigan", "Place"),
        }),
        { now: NOW },
      ),
    );
    expect([e.code, e.ruleId, Object.keys(e.fields)]).toEqual(["VALIDATION", "WIG-A10", ["sharingAgreed"]]);
    expect(await prisma.request.count()).toBe(before);
  });

  it("WIG-A3: a refusal without reasons changes nothing; with reasons the member sees them; a review goes to the Monitoring Officer (DEF-A3) and an overturn returns it to be supplied (DEF-A5)", async () => {
    const member = await viewerByEmail(prisma, "sadia.rahman@wigan.example");
    const director = await viewerByEmail(prisma, "anil.kapoor@wigan.example");
    const filed = await fileInformationRequest(
      member,
      input({ serviceId: await serviceId("wigan", "Children's Services") }),
      { now: NOW },
    );
    const e = await errorOf(
      actOnInformationRequest(
        director,
        filed.id,
        { type: "REFUSE", ground: "ROVING_COMMISSION", reasons: " " },
        NOW,
      ),
    );
    expect(e.ruleId).toBe("WIG-A3");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("SUBMITTED");
    await actOnInformationRequest(
      director,
      filed.id,
      { type: "REFUSE", ground: "ROVING_COMMISSION", reasons: "This asks for every file held since 2015." },
      NOW,
    );
    await actOnInformationRequest(
      member,
      filed.id,
      { type: "REQUEST_REVIEW", reasons: "I need it for the scrutiny review." },
      NOW,
    );
    const mo = await viewerByEmail(prisma, "martin.greaves@wigan.example");
    const row = await prisma.request.findUniqueOrThrow({ where: { id: filed.id } });
    expect([row.status, row.reviewerId]).toEqual(["UNDER_REVIEW", mo.id]);
    await actOnInformationRequest(
      mo,
      filed.id,
      { type: "OVERTURN", reasons: "The member's scrutiny role shows the need." },
      NOW,
    );
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("TO_BE_SUPPLIED");
    const e2 = await errorOf(
      actOnInformationRequest(
        director,
        filed.id,
        { type: "REFUSE", ground: "ROVING_COMMISSION", reasons: "Again" },
        NOW,
      ),
    );
    expect(e2.ruleId).toBe("DEF-A5");
    const timeline = await prisma.auditEvent.findMany({
      where: { requestId: filed.id },
      orderBy: { createdAt: "asc" },
    });
    expect(timeline.map((t) => t.action)).toEqual(["FILED", "REFUSE", "REQUEST_REVIEW", "OVERTURN"]);
    expect(timeline[1]!.reasons).toBe("This asks for every file held since 2015.");
    expect(
      await prisma.notification.count({ where: { userId: member.id, requestId: filed.id, kind: "OVERTURN" } }),
    ).toBe(1);
    expect(
      await prisma.notification.count({ where: { userId: director.id, requestId: filed.id, kind: "OVERTURN" } }),
    ).toBe(1);
  });

  it("20 concurrent conflicting decisions on one request: exactly one succeeds, with exactly one audit event", async () => {
    const member = await viewerByEmail(prisma, "naomi.ward@wigan.example");
    const director = await viewerByEmail(prisma, "deborah.quayle@wigan.example");
    const filed = await fileInformationRequest(
      member,
      input({ serviceId: await serviceId("wigan", "Adult Social Care and Health") }),
      { now: NOW },
    );
    const attempts = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? actOnInformationRequest(director, filed.id, { type: "GRANT", reply: `Reply ${i}` }, NOW)
        : actOnInformationRequest(
            director,
            filed.id,
            { type: "REFUSE", ground: "ROVING_COMMISSION", reasons: `Reasons ${i}` },
            NOW,
          ),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    const decisions = await prisma.auditEvent.findMany({
      where: { requestId: filed.id, action: { in: ["GRANT", "REFUSE"] } },
    });
    expect(decisions).toHaveLength(1);
    const row = await prisma.request.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row.version).toBe(2);
    expect(row.status).toBe(decisions[0]!.toStatus);
  });

  it("the audit trail is append-only", async () => {
    const ev = await prisma.auditEvent.findFirstOrThrow();
    await expect(
      prisma.auditEvent.update({ where: { id: ev.id }, data: { reasons: "rewritten" } }),
    ).rejects.toThrow(/append-only/);
  });

  it("CWC-A13 / DEF-A12: another member, another council and an unrelated officer cannot find the request", async () => {
    const member = await viewerByEmail(prisma, "elaine.marsden@wigan.example");
    const filed = await fileInformationRequest(member, input({ serviceId: await serviceId("wigan", "Place") }), {
      now: NOW,
    });
    for (const email of [
      "tony.birchall@wigan.example",
      "erin.whittle@wigan.example",
      "adrian.penhale@cheshire-west.example",
    ]) {
      const other = await viewerByEmail(prisma, email);
      expect(await prisma.request.count({ where: { id: filed.id, ...visibleTo(other) } }), email).toBe(0);
      const e = await errorOf(actOnInformationRequest(other, filed.id, { type: "WITHDRAW" }, NOW));
      expect(e.code).toBe("NOT_FOUND");
    }
  });
});
