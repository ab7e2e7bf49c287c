// Staff workload for the Town Clerk's decisions (HTC-D2): open requests each member of staff holds and their
// estimated hours against weekly capacity. Counted exactly as the workload dashboard counts "open requests by
// officer" (lib/requests/dashboard.ts): open by status (OPEN_SQL), held by the allocated officer or else the
// decider, hours from allocated requests, only requests the viewer may see (visibleSql) — so the Clerk's panel and
// the dashboard never disagree. One grouped query.
import "server-only";
import { dbRead } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { OPEN_SQL } from "./sql";
import { visibleSql } from "./visibility";

export type StaffLoad = {
  id: string;
  name: string;
  jobTitle: string | null;
  openItems: number;
  estimatedHours: number;
  capacityHours: number | null;
};

export async function staffWorkload(viewer: Viewer): Promise<StaffLoad[]> {
  const councilId = viewer.council.id;
  const rows = await dbRead().$queryRaw<
    { id: string; name: string; jobTitle: string | null; capacity: number | null; n: number; hours: number }[]
  >`
    WITH o AS (
      SELECT COALESCE(r."allocatedToId", r."deciderId") AS who, r."allocatedToId",
        COALESCE((r.data ->> 'estimatedHours')::numeric, 0) AS hours
      FROM "Request" r WHERE r."councilId" = ${councilId} AND ${OPEN_SQL()} AND ${visibleSql(viewer)})
    SELECT u.id, u.name, u."jobTitle", u."weeklyCapacityHours" AS capacity,
      (SELECT count(*)::int FROM o WHERE o.who = u.id) AS n,
      (SELECT COALESCE(sum(o.hours) FILTER (WHERE o."allocatedToId" IS NOT NULL), 0)::float FROM o WHERE o.who = u.id) AS hours
    FROM "User" u
    WHERE u."councilId" = ${councilId} AND u.active AND 'OFFICER' = ANY(u.roles)
    ORDER BY u.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jobTitle: r.jobTitle,
    openItems: r.n,
    estimatedHours: Math.round(r.hours * 10) / 10,
    capacityHours: r.capacity,
  }));
}
