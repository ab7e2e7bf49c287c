// Sharing replies and briefings, marked (confidential) items, ward notices and bulletins, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { sendSignificantDevelopment, sendWardNotice } from "@/lib/notices/service";
import {
  actOnInformationRequest,
  fileInformationRequest,
  type InformationInput,
} from "@/lib/requests/information";
import { markReplyPublic, shareRequest } from "@/lib/requests/sharing";
import { visibleTo } from "@/lib/requests/visibility";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");
const info = (o: Partial<InformationInput>): InformationInput => ({
  kind: "INFORMATION",
  subject: "Sharing test",
  details: "Details",
  serviceId: null,
  category: "GENERAL",
  thirdPartyData: false,
  councilRoleDeclared: true,
  concernsAnotherMember: false,
  concernedMemberIds: [],
  sharingAgreed: false,
  needToKnowGrounds: "Ward casework",
  classification: "CASEWORK_OR_ROUTINE",
  ...o,
});
const id = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const canSee = async (email: string, requestId: string) =>
  (await prisma.request.count({ where: { id: requestId, ...visibleTo(await viewerByEmail(prisma, email)) } })) ===
  1;
async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("sharing", () => {
  it("WIG-A8: the requester shares an individual-matter reply with an own-party colleague, never another party's member", async () => {
    const place = (await prisma.service.findFirstOrThrow({ where: { name: "Place", council: { slug: "wigan" } } }))
      .id;
    const patricia = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    const req = await fileInformationRequest(patricia, info({ serviceId: place }), { now: NOW });
    await actOnInformationRequest(
      await viewerByEmail(prisma, "rebecca.shaw@wigan.example"),
      req.id,
      { type: "GRANT", reply: "The repair is booked." },
      NOW,
    );
    expect(await canSee("elaine.marsden@wigan.example", req.id)).toBe(false);
    expect(
      (await errorOf(shareRequest(patricia, req.id, { userId: await id("elaine.marsden@wigan.example") }))).ruleId,
    ).toBe("WIG-A8");
    await shareRequest(patricia, req.id, { userId: await id("joan.pilling@wigan.example") });
    expect(await canSee("joan.pilling@wigan.example", req.id)).toBe(true);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: req.id, action: "SHARE" } });
    expect(ev.ruleId).toBe("WIG-A8");
  });

  it("HTC-A4: a confidential reply cannot be shared until the Clerk marks it public, and the refused attempt is audited", async () => {
    const rosa = await viewerByEmail(prisma, "rosa.quint@halstead.example");
    const clerk = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    const req = await fileInformationRequest(rosa, info({ classification: null }), { now: NOW });
    await actOnInformationRequest(
      clerk,
      req.id,
      { type: "GRANT", reply: "Draft lease terms (confidential).", marking: "CONFIDENTIAL" },
      NOW,
    );
    expect(
      (await errorOf(shareRequest(rosa, req.id, { userId: await id("bridget.fenn@halstead.example") }))).ruleId,
    ).toBe("HTC-A4");
    expect(
      await prisma.auditEvent.count({ where: { requestId: req.id, action: "SHARE_REFUSED", ruleId: "HTC-A4" } }),
    ).toBe(1);
    expect((await errorOf(markReplyPublic(rosa, req.id, "Published", NOW))).ruleId).toBe("HTC-A4");
    await markReplyPublic(clerk, req.id, "Published with the December agenda", NOW);
    await shareRequest(rosa, req.id, { userId: await id("bridget.fenn@halstead.example") });
    expect(await canSee("bridget.fenn@halstead.example", req.id)).toBe(true);
  });
});

describe("notices", () => {
  it("WIG-A7: a general-interest ward notice must go to every ward member; sent to the ward, each is notified", async () => {
    const ward = await prisma.ward.findFirstOrThrow({
      where: { name: "Ashton", council: { slug: "wigan" } },
      include: { members: { select: { id: true } } },
    });
    const officer = await viewerByEmail(prisma, "chloe.unsworth@wigan.example");
    const ids = ward.members.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(1);
    const e = await errorOf(
      sendWardNotice(officer, {
        wardIds: [ward.id],
        audienceIds: ids.slice(0, 1),
        type: "GENERAL_INTEREST",
        title: "Road closure",
        body: "Library Street closes on Monday",
      }),
    );
    expect(e.ruleId).toBe("WIG-A7");
    expect(
      await sendWardNotice(officer, {
        wardIds: [ward.id],
        audienceIds: ids,
        type: "GENERAL_INTEREST",
        title: "Road closure on Library Street",
        body: "Closed on Monday",
      }),
    ).toBe(ids.length);
    for (const u of ids)
      expect(
        await prisma.notification.count({ where: { userId: u, title: "Road closure on Library Street" } }),
      ).toBe(1);
  });

  it("HTC-A3: a development of significance cannot go to the Chairman and Vice-Chairman only", async () => {
    const clerk = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    const e = await errorOf(
      sendSignificantDevelopment(clerk, {
        audienceIds: [await id("janet.coker@halstead.example"), await id("oliver.pask@halstead.example")],
        title: "Precept",
        body: "x",
      }),
    );
    expect(e.ruleId).toBe("HTC-A3");
  });
});
