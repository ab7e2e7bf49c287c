// What the register's use cases share: the council's office-holders, a person of the council, and the key that
// makes a double submission of a register form one entry.
import "server-only";
import { createHash } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import type { Tx } from "@/lib/requests/store";
import type { OfficeHolders } from "@/lib/workflow/register";

const OFFICES = [
  "CHIEF_EXECUTIVE",
  "TOWN_CLERK",
  "COUNCIL_CHAIR",
  "COUNCIL_VICE_CHAIR",
  "MONITORING_OFFICER",
] as const;

/** The holders of the offices the register routes to (the first by name where a council has several). */
export async function officeHolders(tx: Tx, councilId: string): Promise<OfficeHolders> {
  const rows = await tx.user.findMany({
    where: { councilId, active: true, roles: { hasSome: [...OFFICES] } },
    select: { id: true, roles: true },
    orderBy: { name: "asc" },
  });
  const first = (role: (typeof OFFICES)[number]) => rows.find((r) => r.roles.includes(role))?.id ?? null;
  return {
    chiefExecutiveId: first("CHIEF_EXECUTIVE"),
    townClerkId: first("TOWN_CLERK"),
    councilChairId: first("COUNCIL_CHAIR"),
    councilViceChairId: first("COUNCIL_VICE_CHAIR"),
    monitoringOfficerId: first("MONITORING_OFFICER"),
  };
}

/** An active person of the viewer's council, or null (an id from a form is never trusted). */
export async function personOfCouncil(tx: Tx, viewer: Pick<Viewer, "council">, id: string | null) {
  if (!id) return null;
  return tx.user.findFirst({
    where: { id, councilId: viewer.council.id, active: true },
    select: { id: true, name: true, jobTitle: true, roles: true, partyGroupId: true },
  });
}

/**
 * A register form sent twice (a double click, a resubmission) makes one entry: the key is the form's content and
 * the London day, so the same entry made again the same day is the one already made.
 */
export function registerKey(kind: string, values: Record<string, string>, now: Date): string {
  const content = Object.keys(values)
    .filter((k) => k !== "confirmed" && k !== "requestId")
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join("\u0000");
  return `reg-${createHash("sha256")
    .update(`${kind}\u0000${londonDate(now)}\u0000${content}`)
    .digest("hex")
    .slice(0, 48)}`;
}
