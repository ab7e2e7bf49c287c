// Saved views of the queue (issue 13): a handler keeps the queue's filters under a name and opens them as a link.
// The query string is re-parsed with the queue's own parser before it is stored, so a view holds only filters the
// queue understands (never a cursor); a view belongs to its user alone — anyone else's id is simply not found.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { canUse } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isId, requiredLine } from "@/lib/validation";
import { parseQueueParams, queueQuery } from "./queue-params";
import { zodFieldErrors } from "./schema";
import { isUniqueViolation } from "./store";

export const SAVED_VIEW_NAME_MAX = 60;
/** A person keeps at most this many views: the list stays a short row of links above the filters. */
export const SAVED_VIEWS_MAX = 30;
/** A queue query string is a few short parameters: anything longer is not one. */
const QUERY_MAX = 1000;

export type SavedViewItem = { id: string; name: string; query: string; href: string };

export type SavedViewFormState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** The name saved, or deleted, when the form succeeded. */
  saved?: string;
  deleted?: string;
};

/** The queue's query string as the queue itself would write it: known filters only, no page cursor. */
export function canonicalQueueQuery(query: string): string {
  const raw = query.startsWith("?") ? query.slice(1) : query;
  return queueQuery(parseQueueParams(Object.fromEntries(new URLSearchParams(raw))));
}

const hrefOf = (query: string) => (query ? `/queue?${query}` : "/queue");

/** The viewer's saved views, by name (none for people without a queue). */
export async function listSavedViews(viewer: Viewer): Promise<SavedViewItem[]> {
  if (!canUse(viewer.roles, "queue")) return [];
  const rows = await db().savedView.findMany({
    where: { userId: viewer.id, councilId: viewer.council.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true },
    take: SAVED_VIEWS_MAX,
  });
  // Stored queries were canonical when saved; re-parsing keeps a view working if the queue's filters change.
  return rows.map((r) => {
    const query = canonicalQueueQuery(r.query);
    return { id: r.id, name: r.name, query, href: hrefOf(query) };
  });
}

/** One of the viewer's own views (for the confirmation page), or null: another person's view is not found. */
export async function findSavedView(viewer: Viewer, id: string): Promise<SavedViewItem | null> {
  if (!isId(id) || !canUse(viewer.roles, "queue")) return null;
  const row = await db().savedView.findFirst({
    where: { id, userId: viewer.id, councilId: viewer.council.id },
    select: { id: true, name: true, query: true },
  });
  if (!row) return null;
  const query = canonicalQueueQuery(row.query);
  return { id: row.id, name: row.name, query, href: hrefOf(query) };
}

const saveSchema = z.object({
  name: requiredLine(SAVED_VIEW_NAME_MAX, "Enter a name for the view"),
  query: z.string().max(QUERY_MAX, "These filters cannot be saved: clear them and choose them again").default(""),
});

const duplicate = (name: string) => `You already have a view called ‘${name}’: choose another name`;

/** "Save this view": the queue's current filters under a name that is new for this person. */
export async function handleSaveView(viewer: Viewer, values: Record<string, string>): Promise<SavedViewFormState> {
  if (!canUse(viewer.roles, "queue")) return { errors: { form: "The queue was not found." }, values };
  const parsed = saveSchema.safeParse(values);
  if (!parsed.success) {
    // The query is the page's own hidden field: its problem is the form's.
    const { query, ...errors } = zodFieldErrors(parsed.error);
    return { errors: query ? { ...errors, form: query } : errors, values };
  }
  const { name } = parsed.data;
  const query = canonicalQueueQuery(parsed.data.query);
  if (!query)
    return {
      errors: { form: "Choose filters or a sort order first: the queue as it opens needs no saved view" },
      values,
    };
  const prisma = db();
  const where = { userId: viewer.id, councilId: viewer.council.id };
  const [same, count] = await Promise.all([
    prisma.savedView.findFirst({ where: { ...where, name: { equals: name, mode: "insensitive" } } }),
    prisma.savedView.count({ where }),
  ]);
  if (same) return { errors: { name: duplicate(same.name) }, values };
  if (count >= SAVED_VIEWS_MAX)
    return {
      errors: { form: `You can keep up to ${SAVED_VIEWS_MAX} saved views: delete one you no longer use first` },
      values,
    };
  try {
    await prisma.savedView.create({ data: { councilId: viewer.council.id, userId: viewer.id, name, query } });
  } catch (e) {
    // Two saves of the same name at once: the unique index decides, and the second is told as above.
    if (isUniqueViolation(e)) return { errors: { name: duplicate(name) }, values };
    throw e;
  }
  return { errors: {}, values: {}, saved: name };
}

/** Deletes one of the viewer's own views; any other id — someone else's, or none — is not found. */
export async function handleDeleteView(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<SavedViewFormState> {
  const id = values.id ?? "";
  const view = await findSavedView(viewer, id);
  if (!view) return { errors: { form: "That saved view was not found." }, values };
  const { count } = await db().savedView.deleteMany({
    where: { id: view.id, userId: viewer.id, councilId: viewer.council.id },
  });
  if (!count) return { errors: { form: "That saved view was not found." }, values };
  return { errors: {}, values: {}, deleted: view.name };
}
