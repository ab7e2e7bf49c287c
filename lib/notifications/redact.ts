// Notifications and their emails show no more than the request page would show their recipient: the title (which
// often quotes the subject) needs SUMMARY access, the body (reasons, replies) FULL access. Checked when they are
// read or sent, against the recipient's grants at that moment, so a service that words a notification carelessly,
// or access that has changed since, can never leak content (docs/decisions/0009).
import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { levelOf, type Level } from "@/lib/requests/visibility";

export type NotificationText = { userId: string; requestId: string | null; title: string; body: string };

type Grant = {
  requestId: string;
  userId: string | null;
  groupId: string | null;
  allMembers: boolean;
  level: Level;
};
type Person = { id: string; partyGroupId: string | null; roles: Role[] };

function levelFor(person: Person | undefined, requestId: string, grants: Grant[]): Level | null {
  if (!person) return null;
  return levelOf(
    grants.filter(
      (g) =>
        g.requestId === requestId &&
        (g.userId === person.id ||
          (person.partyGroupId !== null && g.groupId === person.partyGroupId) ||
          (g.allMembers && person.roles.includes("MEMBER"))),
    ),
  );
}

/** Each notification as its recipient may read it now (three queries, whatever the number of items). */
export async function asRecipientMaySee<T extends NotificationText>(
  items: T[],
): Promise<(T & { level: Level | null })[]> {
  const requestIds = [...new Set(items.map((i) => i.requestId).filter((x): x is string => !!x))];
  if (requestIds.length === 0) return items.map((i) => ({ ...i, level: null }));
  const [grants, people, requests] = await Promise.all([
    db().requestAccess.findMany({
      where: { requestId: { in: requestIds } },
      select: { requestId: true, userId: true, groupId: true, allMembers: true, level: true },
    }),
    db().user.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.userId))] } },
      select: { id: true, partyGroupId: true, roles: true },
    }),
    db().request.findMany({
      where: { id: { in: requestIds } },
      select: { id: true, reference: true, type: true },
    }),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const request = new Map(requests.map((r) => [r.id, r]));
  return items.map((i) => {
    if (!i.requestId) return { ...i, level: null };
    const level = levelFor(person.get(i.userId), i.requestId, grants);
    const r = request.get(i.requestId);
    const generic = r
      ? `${r.reference}: an update on a ${REQUEST_TYPE_LABELS[r.type]?.toLowerCase() ?? "request"}`
      : "An update";
    if (level === "FULL") return { ...i, level };
    if (level === "SUMMARY") return { ...i, level, body: "" };
    if (level === "METADATA") return { ...i, level, title: generic, body: "" };
    return { ...i, level, title: "An update on a request you can no longer see", body: "" };
  });
}
