// Every administrative change (issue 15): who, when, what, before → after — written in the same transaction as the
// change, read by the council's administrators and its Monitoring Officer, and never across councils.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/requests/store";
import { isId } from "@/lib/validation";

export type AdminChange = {
  /** USER, INVITATION, GROUP, WARD, SERVICE, COMMITTEE, MEETING, SETTINGS, SSO, IMPORT, COUNCIL… */
  entity: string;
  entityId?: string | null;
  /** CREATE, UPDATE, RETIRE, REINSTATE, DEACTIVATE, REACTIVATE, INVITE, REASSIGN, IMPORT… */
  action: string;
  /** One line a person reads in the log, e.g. "Renamed the ward Ashton to Ashton-in-Makerfield". */
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** Administrators manage their own council only. */
export const mayAdminister = (viewer: Pick<Viewer, "roles">) => viewer.roles.includes("ADMIN");

/** Who may read the administrative log: the council's administrators and its Monitoring Officer. */
export const mayReadAdminLog = (viewer: Pick<Viewer, "roles">) =>
  viewer.roles.includes("ADMIN") || viewer.roles.includes("MONITORING_OFFICER");

const json = (v: unknown) =>
  v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);

/** Records a change in the caller's transaction (or on its own when there is none). `actor` null: the command line. */
export async function recordAdminChange(
  tx: Tx | null,
  council: { id: string },
  actor: { id: string } | null,
  c: AdminChange,
) {
  await (tx ?? db()).adminEvent.create({
    data: {
      councilId: council.id,
      actorId: actor?.id ?? null,
      entity: c.entity,
      entityId: c.entityId ?? null,
      action: c.action,
      summary: c.summary.slice(0, 500),
      before: json(c.before),
      after: json(c.after),
    },
  });
}

/** `actorId` SETUP_ACTOR: the changes made from the command line (no actor). */
export type AdminLogFilters = { entity?: string; actorId?: string; page?: number };
export const SETUP_ACTOR = "setup";

/** The council's administrative log, newest first, a page at a time; another council's is never read. */
export async function listAdminEvents(viewer: Viewer, f: AdminLogFilters) {
  if (!mayReadAdminLog(viewer)) return null;
  const take = 50;
  const page = Math.max(1, Math.min(f.page ?? 1, 400));
  const rows = await db().adminEvent.findMany({
    where: {
      councilId: viewer.council.id,
      ...(f.entity && /^[A-Z_]{1,30}$/.test(f.entity) ? { entity: f.entity } : {}),
      ...(f.actorId === SETUP_ACTOR
        ? { actorId: null }
        : f.actorId && isId(f.actorId)
          ? { actorId: f.actorId }
          : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * take,
    take: take + 1,
  });
  const actors = new Map(
    (
      await db().user.findMany({
        where: {
          councilId: viewer.council.id,
          id: { in: rows.map((r) => r.actorId).filter((x): x is string => !!x) },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return {
    items: rows.slice(0, take).map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actorId ? (actors.get(r.actorId) ?? "A former user") : "Set-up (command line)",
      entity: r.entity,
      action: r.action,
      summary: r.summary,
      before: r.before,
      after: r.after,
    })),
    more: rows.length > take,
  };
}
