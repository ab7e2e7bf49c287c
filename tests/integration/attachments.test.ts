// Attachments on real PostgreSQL: who may attach, size and type limits, and reading back through visibility.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addAttachment, readAttachment } from "@/lib/requests/attachments";
import { fileInformationRequest } from "@/lib/requests/information";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");
const text = (s: string) => ({
  name: "notes.txt",
  type: "text/plain",
  size: Buffer.byteLength(s),
  bytes: new TextEncoder().encode(s),
});
async function errorOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("attachments", () => {
  it("the requester attaches a file; the handler can read it; another member cannot find it", async () => {
    const member = await viewerByEmail(prisma, "megan.iles@cheshire-west.example");
    const service = await prisma.service.findFirstOrThrow({
      where: { name: "Children and Families", council: { slug: "cheshire-west" } },
    });
    const req = await fileInformationRequest(
      member,
      {
        kind: "INFORMATION",
        subject: "School transport",
        details: "Routes",
        serviceId: service.id,
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
        needToKnowGrounds: "Ward casework",
      },
      { now: NOW },
    );
    await addAttachment(member, req.id, text("Route 12 is late every day."));
    const file = await prisma.attachment.findFirstOrThrow({ where: { requestId: req.id } });
    const director = await viewerByEmail(prisma, "graham.yeo@cheshire-west.example");
    const read = await readAttachment(director, req.id, file.id);
    expect(Buffer.from(read.data).toString()).toBe("Route 12 is late every day.");
    expect(
      (
        await errorOf(
          readAttachment(await viewerByEmail(prisma, "yasmin.clarke@cheshire-west.example"), req.id, file.id),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          addAttachment(await viewerByEmail(prisma, "amy.thornton@cheshire-west.example"), req.id, text("x")),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(await prisma.auditEvent.count({ where: { requestId: req.id, action: "ATTACH" } })).toBe(1);
  });

  it("refuses files over 5 MB, of other types, or with no content", async () => {
    const member = await viewerByEmail(prisma, "megan.iles@cheshire-west.example");
    const service = await prisma.service.findFirstOrThrow({
      where: { name: "Place Operations", council: { slug: "cheshire-west" } },
    });
    const req = await fileInformationRequest(
      member,
      {
        kind: "INFORMATION",
        subject: "Verges",
        details: "Cutting",
        serviceId: service.id,
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
        needToKnowGrounds: "Ward casework",
      },
      { now: NOW },
    );
    const big = { name: "big.pdf", type: "application/pdf", size: 5 * 1024 * 1024 + 1, bytes: new Uint8Array(1) };
    expect((await errorOf(addAttachment(member, req.id, big))).fields.file).toMatch(/5 MB or smaller/);
    expect(
      (
        await errorOf(
          addAttachment(member, req.id, {
            ...text("x"),
            name: "run.exe",
            type: "application/x-msdownload",
          }),
        )
      ).fields.file,
    ).toMatch(/must be a PDF/);
    expect((await errorOf(addAttachment(member, req.id, null))).fields.file).toBe("Choose a file to attach.");
  });
});
