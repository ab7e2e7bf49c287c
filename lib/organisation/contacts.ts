// WIG-A14: each department's contact officers, kept by its Chief Officer (or an administrator), offered first to
// members choosing whom to address a request to.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { toActor } from "@/lib/requests/actor";
import { fail } from "@/lib/requests/store";
import { editContactOfficers } from "@/lib/workflow/notices";

/** Every service with its contact officers, in order, and whether the viewer may edit each list. */
export async function listContactOfficers(viewer: Viewer) {
  // Retired services have no contact officers to offer (their lists stay stored, unused).
  const services = await db().service.findMany({
    where: { councilId: viewer.council.id, retiredAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, chiefOfficerId: true },
  });
  const contacts = await db().contactOfficer.findMany({
    where: { councilId: viewer.council.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const people = await db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true, serviceId: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    mayEdit: editContactOfficers(toActor(viewer), s.chiefOfficerId).ok,
    contacts: contacts
      .filter((c) => c.serviceId === s.id && byId.has(c.userId))
      .map((c) => ({
        id: c.id,
        userId: c.userId,
        name: byId.get(c.userId)!.name,
        jobTitle: byId.get(c.userId)!.jobTitle,
      })),
    candidates: people
      .filter((p) => p.serviceId === s.id && !contacts.some((c) => c.serviceId === s.id && c.userId === p.id))
      .map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle })),
  }));
}

async function editableService(viewer: Viewer, serviceId: string) {
  const service = await db().service.findFirst({
    where: { id: serviceId, councilId: viewer.council.id },
    select: { id: true, chiefOfficerId: true },
  });
  if (!service) throw notFound("That service");
  const d = editContactOfficers(toActor(viewer), service.chiefOfficerId);
  if (!d.ok) fail(d);
  return service;
}

export async function handleAddContactOfficer(viewer: Viewer, serviceId: string, userId: string): Promise<void> {
  const service = await editableService(viewer, serviceId);
  const officer = await db().user.findFirst({
    where: {
      id: userId,
      councilId: viewer.council.id,
      active: true,
      roles: { has: "OFFICER" },
      serviceId: service.id,
    },
    select: { id: true },
  });
  if (!officer)
    throw new AppError("VALIDATION", "Choose an officer of this department", {
      userId: "Choose an officer of this department",
    });
  const last = await db().contactOfficer.findFirst({ where: { serviceId }, orderBy: { position: "desc" } });
  await db().contactOfficer.upsert({
    where: { serviceId_userId: { serviceId, userId } },
    create: { councilId: viewer.council.id, serviceId, userId, position: (last?.position ?? -1) + 1 },
    update: {},
  });
}

export async function handleRemoveContactOfficer(viewer: Viewer, id: string): Promise<void> {
  const row = await db().contactOfficer.findFirst({ where: { id, councilId: viewer.council.id } });
  if (!row) throw notFound("That contact officer");
  await editableService(viewer, row.serviceId);
  await db().contactOfficer.delete({ where: { id } });
}

/** Ids of every contact officer of the council, in each department's order (the addressee list puts them first). */
export async function contactOfficerIds(councilId: string): Promise<string[]> {
  const rows = await db().contactOfficer.findMany({
    where: { councilId },
    orderBy: [{ serviceId: "asc" }, { position: "asc" }],
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
