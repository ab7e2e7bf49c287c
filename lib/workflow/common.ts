// Steps every request type shares. Pure.
import { hasText, refuse, type Actor, type Decision } from "@/lib/protocol/types";

/** A requester adds information to their own open request; the handler is told. */
export function decideAddInformation(req: { requesterIds: string[]; closed: boolean }, actor: Actor, text: string): Decision {
  if (!req.requesterIds.includes(actor.id)) return refuse("DEF-A12", "Only the person who made the request can add information to it.");
  if (req.closed) return refuse("DEF-A12", "This request is closed: make a new request instead.", undefined, "CONFLICT");
  if (!hasText(text)) return refuse("DEF-A12", "Enter the information you want to add.", "information");
  if (text.length > 5000) return refuse("DEF-A12", "Enter 5000 characters or fewer.", "information");
  return { ok: true };
}
