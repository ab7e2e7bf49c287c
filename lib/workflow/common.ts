// Steps every request type shares. Pure.
import { hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

/** A requester adds information to their own open request; the handler is told. */
export function decideAddInformation(
  req: { requesterIds: string[]; closed: boolean },
  actor: Actor,
  text: string,
): Decision {
  if (!req.requesterIds.includes(actor.id))
    return refuse("DEF-A12", "Only the person who made the request can add information to it.");
  if (req.closed)
    return refuse("DEF-A12", "This request is closed: make a new request instead.", undefined, "CONFLICT");
  if (!hasText(text)) return refuse("DEF-A12", "Enter the information you want to add.", "information");
  if (text.length > 5000) return refuse("DEF-A12", "Enter 5000 characters or fewer.", "information");
  return { ok: true };
}

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "text/plain": "text",
  "text/csv": "CSV",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
};

/** A requester or a handler attaches a file of moderate size to an open request. */
export function decideAttach(
  req: { requesterIds: string[]; handlerIds: string[]; closed: boolean },
  actor: Actor,
  file: { name: string; type: string; size: number } | null,
): Decision {
  if (!req.requesterIds.includes(actor.id) && !req.handlerIds.includes(actor.id))
    return refuse("DEF-A12", "Only the person who made the request or an officer handling it can attach files.");
  // The officer who decided may still add a file after the decision (a late enclosure); the member may not.
  if (req.closed && !req.handlerIds.includes(actor.id))
    return refuse("DEF-A12", "This request is closed: files can no longer be attached.", undefined, "CONFLICT");
  if (!file || file.size === 0) return refuse("DEF-A12", "Choose a file to attach.", "file");
  if (file.size > MAX_ATTACHMENT_BYTES) return refuse("DEF-A12", "The file must be 5 MB or smaller.", "file");
  if (!ATTACHMENT_TYPES[file.type])
    return refuse(
      "DEF-A12",
      "The file must be a PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG file.",
      "file",
    );
  if (!hasText(file.name) || file.name.length > 200)
    return refuse("DEF-A12", "The file needs a name of 200 characters or fewer.", "file");
  return { ok: true };
}

/** A requester withdraws their own request while it is still open (complaints, assistance requests). */
export function decideWithdraw(req: { requesterIds: string[]; closed: boolean }, actor: Actor): Decision {
  if (!req.requesterIds.includes(actor.id))
    return refuse("DEF-A12", "Only the person who made the request can withdraw it.");
  if (req.closed) return refuse("DEF-A12", "This request is already closed.", undefined, "CONFLICT");
  return { ok: true };
}
