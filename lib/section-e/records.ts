// Finding a section E record's own page through the one visibility builder (lib/requests/visibility.ts).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { visibleWithId } from "@/lib/requests/visibility";
import { recordPath } from "./paths";

/** The record's own page if the viewer may see it and it has one; null otherwise (the request page decides). */
export async function recordPathFor(viewer: Viewer, id: string): Promise<string | null> {
  const row = await db().request.findFirst({
    where: visibleWithId(viewer, id),
    select: { id: true, type: true, kind: true },
  });
  return row ? recordPath(row) : null;
}
