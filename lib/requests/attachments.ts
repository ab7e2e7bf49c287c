// Attachments: add one to a request, and read one back through the request's visibility (not found otherwise).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { decideAttach } from "@/lib/workflow/common";
import { profileOf } from "@/lib/protocol/council-profile";
import { refuse } from "@/lib/protocol/types";
import { toActor } from "./actor";
import { CLOSED_STATUSES } from "./labels";
import { fail, requesterIdsOf, transition, TX_OPTIONS } from "./store";
import { isId, safeFileName } from "@/lib/validation";
import { accessLevel, visibleWithId } from "./visibility";
import { db } from "@/lib/db";

export type Upload = { name: string; type: string; size: number; bytes: Uint8Array };

export type FileMarking = "NONE" | "EXEMPT" | "CONFIDENTIAL";

export async function addAttachment(
  viewer: Viewer,
  requestId: string,
  file: Upload | null,
  marking: FileMarking = "NONE",
): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: visibleWithId(viewer, requestId) });
    if (!row) throw notFound("That request");
    const d = decideAttach(
      {
        requesterIds: requesterIdsOf(row),
        handlerIds: [row.deciderId, row.allocatedToId, row.reviewerId].filter((x): x is string => !!x),
        closed: CLOSED_STATUSES.includes(row.status),
      },
      toActor(viewer),
      file,
    );
    if (!d.ok) fail(d);
    // CWC-A10: only the officers handling the request mark what they release.
    const handlerIds = [row.deciderId, row.allocatedToId, row.reviewerId];
    if (marking !== "NONE" && !handlerIds.includes(viewer.id))
      fail(
        refuse(
          profileOf(viewer).information.markedItems.ruleId,
          "Only the officer handling the request can mark a file exempt or confidential.",
          "marking",
        ),
      );
    // One line, no path, no bidi-override characters: the name reads as what it is (lib/validation.ts).
    const name = safeFileName(file!.name).replace(/"/g, "'");
    await tx.attachment.create({
      data: {
        councilId: row.councilId,
        requestId: row.id,
        filename: name,
        contentType: file!.type,
        size: file!.size,
        data: Buffer.from(file!.bytes),
        uploadedById: viewer.id,
        marking,
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "ATTACH",
      to: row.status,
      ruleId: "",
      auditData: { filename: name, size: file!.size, marking },
      notify: [
        {
          userIds: [...requesterIdsOf(row), row.deciderId, row.allocatedToId],
          kind: "ATTACH",
          title: `${row.reference} “${row.subject}”: ${viewer.name} attached ${name}`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** The attachment, if the viewer can see the request's content (FULL access); otherwise not found. */
export async function readAttachment(viewer: Viewer, requestId: string, attachmentId: string) {
  const prisma = db();
  if (!isId(attachmentId)) throw notFound("That file");
  const row = await prisma.request.findFirst({
    where: visibleWithId(viewer, requestId),
    select: { access: { select: { userId: true, groupId: true, allMembers: true, level: true } } },
  });
  if (!row || accessLevel(viewer, row.access) !== "FULL") throw notFound("That file");
  const file = await prisma.attachment.findFirst({
    where: { id: attachmentId, requestId },
    select: { filename: true, contentType: true, size: true, data: true },
  });
  if (!file) throw notFound("That file");
  return file;
}

export async function listAttachments(requestId: string) {
  const prisma = db();
  return prisma.attachment.findMany({
    where: { requestId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      filename: true,
      size: true,
      contentType: true,
      createdAt: true,
      uploadedById: true,
      marking: true,
      madePublicAt: true,
    },
  });
}
