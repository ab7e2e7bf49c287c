// Replies by email (issue 13, docs/decisions/0012): a reply sent to a request's reply address is added to the
// request as the person it was issued to, through the same use cases the request page calls — so it is checked by
// the same rules and seen by the same people:
//   the requester, request open             → information added (with its files)
//   the requester, request answered         → a follow-up question, while the council's window is open
//   an officer working on the request       → an internal note (never sent to the member), with its files
// Anything else is refused with the reason, which the SMTP listener returns as a 550 and the sender's mail system
// turns into a bounce: an address that is not ours or whose signature fails, a sender who is not the person, an
// account that is deactivated or no longer sees the request, a file the service does not accept, an empty message.
import "server-only";
import { recordPath } from "@/lib/section-e/paths";
import { simpleParser, type ParsedMail } from "mailparser";
import { loadViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addInformation } from "@/lib/requests/add-information";
import { addAttachment } from "@/lib/requests/attachments";
import { followUp } from "@/lib/requests/follow-up";
import { addInternalNote, worksOn } from "@/lib/requests/internal-notes";
import { CLOSED_STATUSES } from "@/lib/requests/labels";
import { requesterIdsOf } from "@/lib/requests/store";
import { visibleWithId } from "@/lib/requests/visibility";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "@/lib/workflow/common";
import { readReplyAddress } from "./reply-address";

export type InboundResult = { ok: true; requestId: string; added: string } | { ok: false; reason: string };
const refused = (reason: string): InboundResult => ({ ok: false, reason });
const MAX_TEXT = 5000;

/** The new text of a reply: above the quoted message ("On … wrote:", "-----Original Message-----", "> …"). */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const cut = lines.findIndex(
    (l) =>
      /^On .+wrote:\s*$/.test(l.trim()) || /^-{2,}\s*Original Message\s*-{2,}/i.test(l.trim()) || /^>/.test(l),
  );
  return (cut === -1 ? lines : lines.slice(0, cut)).join("\n").trim();
}

/** Whether an address could be one of ours (checked at RCPT TO, before the message is sent). */
export const isReplyAddress = (address: string, domain: string) => readReplyAddress(address, domain) !== null;

export async function acceptInboundEmail(
  raw: Buffer | string,
  envelope: { to: string[] },
  domain: string,
  now: Date,
): Promise<InboundResult> {
  const targets = envelope.to.map((a) => readReplyAddress(a, domain)).filter((t) => t !== null);
  if (targets.length !== 1)
    return refused("This address does not accept email: reply to a notification from the service.");
  const { requestId, userId } = targets[0]!;
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false });
  } catch {
    return refused("The message could not be read.");
  }
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, active: true, sessionVersion: true },
  });
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? "";
  if (!user || from !== user.email.toLowerCase())
    return refused(
      "This reply address was sent to someone else: reply from the email address the notification was sent to.",
    );
  const viewer = await loadViewer(user.id, user.sessionVersion);
  if (!viewer) return refused("This account is not active: ask your council's user administrator.");
  const row = await db().request.findFirst({ where: visibleWithId(viewer, requestId), include: { access: true } });
  if (!row) return refused("That request was not found, or you can no longer see it.");
  // Reports, correspondence and the register are acted on from their own pages only, where their rules apply.
  if (recordPath(row)) return refused("Replies by email are not taken for this record: open it in the service.");

  const text = replyText(mail.text ?? "");
  const files = mail.attachments.filter((a) => a.contentDisposition !== "inline" || a.filename);
  if (!text && files.length === 0)
    return refused("The reply was empty: write your message above the quoted email.");
  if (text.length > MAX_TEXT) return refused(`The reply is too long: keep it to ${MAX_TEXT} characters.`);
  for (const f of files) {
    if (!ATTACHMENT_TYPES[f.contentType] || f.size > MAX_ATTACHMENT_BYTES)
      return refused(
        `The file “${f.filename ?? "unnamed"}” was not accepted: send PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG files of up to 5 MB.`,
      );
  }
  const requester = requesterIdsOf(row).includes(viewer.id);
  const closed = CLOSED_STATUSES.includes(row.status);
  try {
    let added: string;
    if (requester && !closed) {
      if (text) await addInformation(viewer, row.id, text);
      added = "ADD_INFORMATION";
    } else if (requester) {
      if (!text) return refused("Write your follow-up question in the reply.");
      await followUp(viewer, row.id, text, now);
      added = "FOLLOW_UP";
    } else if (worksOn(viewer, row)) {
      if (text) await addInternalNote(viewer, row.id, "INTERNAL_NOTE", text);
      added = "INTERNAL_NOTE";
    } else {
      return refused("You cannot add to this request by email: open it in the service.");
    }
    for (const f of files)
      await addAttachment(viewer, row.id, {
        name: f.filename ?? "attachment",
        type: f.contentType,
        size: f.size,
        bytes: new Uint8Array(f.content),
      });
    return { ok: true, requestId: row.id, added };
  } catch (e) {
    if (e instanceof AppError) return refused(e.message);
    throw e;
  }
}
