// The administrative log page's data (issue 15): the council's entries a page at a time (listAdminEvents), the
// filters' choices, and each entry's changes as readable rows. Only the council's administrators and its Monitoring
// Officer read it (null for anyone else: the page is not found); another council's entries are never read.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isId } from "@/lib/validation";
import { listAdminEvents, mayReadAdminLog, SETUP_ACTOR } from "./audit";
import { actionLabel, changedFields, entityLabel, entityOptions } from "./log-format";

export const SETUP_ACTOR_LABEL = "Set-up (command line)";

const searchSchema = z.object({
  entity: z
    .string()
    .regex(/^[A-Z_]{1,30}$/)
    .catch("")
    .default(""),
  actor: z
    .string()
    .refine((s) => s === SETUP_ACTOR || isId(s))
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(400).catch(1).default(1),
});

export type AdminLogSearch = z.infer<typeof searchSchema>;

export async function loadAdminLog(viewer: Viewer, search: Record<string, string | string[] | undefined>) {
  if (!mayReadAdminLog(viewer)) return null;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filters = searchSchema.parse({
    entity: one(search.entity),
    actor: one(search.actor),
    page: one(search.page),
  });
  const councilId = viewer.council.id;
  const [list, entities, actorIds] = await Promise.all([
    listAdminEvents(viewer, {
      entity: filters.entity || undefined,
      actorId: filters.actor || undefined,
      page: filters.page,
    }),
    db().adminEvent.groupBy({ by: ["entity"], where: { councilId } }),
    db().adminEvent.groupBy({ by: ["actorId"], where: { councilId } }),
  ]);
  if (!list) return null;
  const ids = actorIds.map((a) => a.actorId).filter((x): x is string => !!x);
  const people = ids.length
    ? await db().user.findMany({
        where: { councilId, id: { in: ids } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  const actorOptions = [
    ...people.map((p) => ({ id: p.id, name: p.name })),
    ...(actorIds.some((a) => a.actorId === null) ? [{ id: SETUP_ACTOR, name: SETUP_ACTOR_LABEL }] : []),
  ];
  return {
    filters,
    page: filters.page,
    more: list.more,
    entityOptions: entityOptions(entities.map((e) => e.entity)),
    actorOptions,
    items: list.items.map((i) => ({
      id: i.id,
      at: i.at,
      actor: i.actor,
      entity: i.entity,
      entityLabel: entityLabel(i.entity),
      action: i.action,
      actionLabel: actionLabel(i.action),
      summary: i.summary,
      changes: changedFields(i.before, i.after),
    })),
  };
}
