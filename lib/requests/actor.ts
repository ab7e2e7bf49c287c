// The signed-in viewer as the pure protocol core sees them.
import type { Viewer } from "@/lib/auth/viewer";
import type { Actor } from "@/lib/protocol/types";

export function toActor(v: Viewer): Actor {
  return {
    id: v.id,
    councilId: v.council.id,
    roles: v.roles,
    groupId: v.partyGroup?.id ?? null,
    groupOffices: v.groupOffices,
    committeeIds: v.committees.map((c) => c.id),
    chairOfCommitteeIds: v.chairOf.map((c) => c.id),
    wardIds: v.wards.map((w) => w.id),
    serviceId: v.service?.id ?? null,
    seniority: v.seniority,
    tier: v.tier,
    jnc: v.jnc,
    portfolioIds: v.portfolio.serviceIds,
  };
}
