// C2007-A8: "confidentiality must be respected at all times" — every view of a confidential or exempt item is
// logged (who, which request, which items, when), as refused attempts to share one already are.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { profileOf } from "@/lib/protocol/council-profile";

const MARKED = ["CONFIDENTIAL", "EXEMPT"];

/** Logs one audit event when the page shows this person marked items; nothing when it shows none. */
export async function logConfidentialView(
  viewer: Viewer,
  requestId: string,
  messages: { id: string; marking: string }[],
): Promise<void> {
  const shown = messages.filter((m) => MARKED.includes(m.marking)).map((m) => m.id);
  if (!shown.length) return;
  await db().auditEvent.create({
    data: {
      councilId: viewer.council.id,
      requestId,
      actorId: viewer.id,
      actorRole: viewer.roles[0] ?? null,
      action: "VIEWED_CONFIDENTIAL",
      ruleId: profileOf(viewer).information.markedItems.ruleId,
      reasons: `Viewed ${shown.length} marked ${shown.length === 1 ? "item" : "items"}: ${shown.join(", ")}`,
    },
  });
}
