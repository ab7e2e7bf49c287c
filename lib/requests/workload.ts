// Staff workload for the Town Clerk's decisions (HTC-D2): open allocated requests and estimated hours against
// each officer's weekly capacity. One grouped query, no per-officer round trips.
import "server-only";
import { db } from "@/lib/db";

export type StaffLoad = {
  id: string;
  name: string;
  jobTitle: string | null;
  openItems: number;
  estimatedHours: number;
  capacityHours: number | null;
};

export async function staffWorkload(councilId: string): Promise<StaffLoad[]> {
  const prisma = db();
  const [staff, open] = await Promise.all([
    prisma.user.findMany({
      where: { councilId, active: true, roles: { has: "OFFICER" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, jobTitle: true, weeklyCapacityHours: true },
    }),
    prisma.request.findMany({
      where: { councilId, allocatedToId: { not: null }, closedAt: null },
      select: { allocatedToId: true, data: true },
    }),
  ]);
  return staff.map((s) => {
    const mine = open.filter((r) => r.allocatedToId === s.id);
    const hours = mine.reduce(
      (sum, r) => sum + (Number((r.data as { estimatedHours?: number | null }).estimatedHours) || 0),
      0,
    );
    return {
      id: s.id,
      name: s.name,
      jobTitle: s.jobTitle,
      openItems: mine.length,
      estimatedHours: hours,
      capacityHours: s.weeklyCapacityHours,
    };
  });
}
