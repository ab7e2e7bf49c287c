// Ward notices (CWC-A11, WIG-A7) and significant-development bulletins (WIG-A12, HTC-A3): audiences the protocol
// says cannot be narrowed. Each notice becomes a notification to every member of its audience.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { has } from "@/lib/protocol/types";
import { checkSignificantDevelopment, checkWardNotice } from "@/lib/workflow/notices";
import { toActor } from "@/lib/requests/actor";
import { fail } from "@/lib/requests/store";
import { db } from "@/lib/db";

async function councilMembers(councilId: string) {
  const prisma = db();
  const rows = await prisma.user.findMany({
    where: { councilId, active: true, roles: { has: "MEMBER" } },
    select: { id: true, partyGroupId: true, wards: { select: { id: true } } },
  });
  return rows.map((m) => ({ id: m.id, groupId: m.partyGroupId, wardIds: m.wards.map((w) => w.id) }));
}

export async function sendWardNotice(
  viewer: Viewer,
  input: {
    wardIds: string[];
    audienceIds: string[];
    type: "MATTER" | "PUBLIC_MEETING_INVITATION" | "CONSULTATION" | "GENERAL_INTEREST";
    title: string;
    body: string;
  },
): Promise<number> {
  const prisma = db();
  if (!has(toActor(viewer), "OFFICER"))
    throw new AppError("FORBIDDEN_BY_RULE", "Ward notices are sent by officers.");
  if (!input.title.trim()) throw new AppError("VALIDATION", "Enter a title", { title: "Enter a title" });
  const members = await councilMembers(viewer.council.id);
  const d = checkWardNotice(profileOf(viewer), input, members);
  if (!d.ok) fail(d);
  const audience = input.audienceIds.filter((id) => members.some((m) => m.id === id));
  await prisma.notification.createMany({
    data: audience.map((userId) => ({
      councilId: viewer.council.id,
      userId,
      kind: `WARD_${input.type}`,
      title: input.title.trim(),
      body: input.body.trim(),
    })),
  });
  return audience.length;
}

export async function sendSignificantDevelopment(
  viewer: Viewer,
  input: { audienceIds: string[]; title: string; body: string },
): Promise<number> {
  const prisma = db();
  if (!has(toActor(viewer), "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "TOWN_CLERK"))
    throw new AppError(
      "FORBIDDEN_BY_RULE",
      "Significant developments are reported by Chief Officers, the Chief Executive or the Town Clerk.",
    );
  const members = await councilMembers(viewer.council.id);
  const d = checkSignificantDevelopment(profileOf(viewer), input, members);
  if (!d.ok) fail(d);
  const audience = input.audienceIds.filter((id) => members.some((m) => m.id === id));
  await prisma.notification.createMany({
    data: audience.map((userId) => ({
      councilId: viewer.council.id,
      userId,
      kind: "SIGNIFICANT_DEVELOPMENT",
      title: input.title.trim(),
      body: input.body.trim(),
    })),
  });
  return audience.length;
}
