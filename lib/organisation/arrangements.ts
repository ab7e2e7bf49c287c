// HAL-B4, WIG-B1: standing arrangements for an officer to advise a political group. An administrator or Chief
// Officer records one; it is in force only once the officer agrees in person; it carries a safeguards statement; at
// Halton only Chief Officers and JNC officers may have one.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { recordStandingArrangement } from "@/lib/workflow/briefing";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { ID_PATTERN, optionalText } from "@/lib/validation";

/** Who records arrangements: user administrators and Chief Officers (HAL-B4). */
export const mayRecordArrangements = (viewer: Viewer) =>
  !!profileOf(viewer).briefing.standingArrangements &&
  viewer.roles.some((r) => r === "ADMIN" || r === "CHIEF_OFFICER");

/** Arrangements the viewer may see: staff see the council's; a councillor sees their own group's. */
export async function listArrangements(viewer: Viewer) {
  const staff = viewer.roles.some((r) => ["OFFICER", "ADMIN"].includes(r));
  const rows = await db().standingArrangement.findMany({
    where: {
      councilId: viewer.council.id,
      ...(staff ? {} : { groupId: viewer.partyGroup?.id ?? "-" }),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const ids = [...new Set(rows.flatMap((r) => [r.officerId, r.proposedById]))];
  const [people, groups] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, jobTitle: true } }),
    db().partyGroup.findMany({ where: { councilId: viewer.council.id }, select: { id: true, name: true } }),
  ]);
  const person = new Map(people.map((p) => [p.id, `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ""}`]));
  const group = new Map(groups.map((g) => [g.id, g.name]));
  return rows.map((r) => ({
    id: r.id,
    officer: person.get(r.officerId) ?? "A former officer",
    officerId: r.officerId,
    group: group.get(r.groupId) ?? "A former group",
    safeguards: r.safeguards,
    proposedBy: person.get(r.proposedById) ?? "A former user",
    proposedById: r.proposedById,
    createdAt: r.createdAt.toISOString(),
    agreedAt: r.agreedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
  }));
}

const schema = z.object({
  officerId: z.string().regex(ID_PATTERN, "Choose the officer"),
  groupId: z.string().regex(ID_PATTERN, "Choose the group"),
  safeguards: optionalText(3000),
});

export type ArrangementFormState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  saved?: boolean;
};

/** Records a proposed arrangement (the form handler behind /arrangements); the officer is asked to agree. */
export async function handleProposeArrangement(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<ArrangementFormState> {
  const profile = profileOf(viewer);
  const rule = profile.briefing.standingArrangements;
  if (!rule || !mayRecordArrangements(viewer))
    return {
      errors: { form: "Standing arrangements are recorded by administrators and Chief Officers." },
      values,
    };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    const [officer, group] = await Promise.all([
      db().user.findFirst({
        where: { id: d.officerId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
        select: { id: true, roles: true, serviceId: true, seniority: true, tier: true, jnc: true },
      }),
      db().partyGroup.findFirst({
        where: { id: d.groupId, councilId: viewer.council.id, retiredAt: null },
        select: { id: true },
      }),
    ]);
    if (!officer)
      throw new AppError("VALIDATION", "Choose an officer of your council", {
        officerId: "Choose an officer of your council",
      });
    if (!group)
      throw new AppError("VALIDATION", "Choose a group of your council", {
        groupId: "Choose a group of your council",
      });
    // Everything but the officer's own agreement is checked now; agreement comes from the officer.
    const check = recordStandingArrangement(
      profile,
      { ...officer, roles: officer.roles as string[] },
      {
        officerAgreed: true,
        safeguards: d.safeguards,
      },
    );
    if (!check.ok)
      throw new AppError(
        check.code,
        check.message,
        check.field ? { [check.field]: check.message } : { officerId: check.message },
        check.ruleId,
      );
    await db().$transaction(async (tx) => {
      await tx.standingArrangement.create({
        data: {
          councilId: viewer.council.id,
          officerId: officer.id,
          groupId: group.id,
          safeguards: d.safeguards.trim(),
          proposedById: viewer.id,
        },
      });
      await tx.notification.create({
        data: {
          councilId: viewer.council.id,
          userId: officer.id,
          kind: "ARRANGEMENT_PROPOSED",
          title: `${viewer.name} proposes a standing arrangement for you to advise a group: it needs your agreement`,
        },
      });
    });
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { errors: {}, values: {}, saved: true };
}

/** The officer named agrees in person (HAL-B4, WIG-B1); nobody else can agree for them. */
export async function agreeArrangement(viewer: Viewer, id: string, now: Date): Promise<void> {
  const row = await db().standingArrangement.findFirst({ where: { id, councilId: viewer.council.id } });
  if (!row || row.endedAt) throw notFound("That arrangement");
  const rule = profileOf(viewer).briefing.standingArrangements;
  if (row.officerId !== viewer.id)
    throw new AppError(
      "FORBIDDEN_BY_RULE",
      "Only the officer named can agree to a standing arrangement.",
      {},
      rule?.ruleId,
    );
  await db().standingArrangement.update({ where: { id }, data: { agreedAt: now } });
}

/** The officer, whoever recorded it, or an administrator ends an arrangement. */
export async function endArrangement(viewer: Viewer, id: string, now: Date): Promise<void> {
  const row = await db().standingArrangement.findFirst({ where: { id, councilId: viewer.council.id } });
  if (!row || row.endedAt) throw notFound("That arrangement");
  if (![row.officerId, row.proposedById].includes(viewer.id) && !viewer.roles.includes("ADMIN"))
    throw new AppError(
      "FORBIDDEN_BY_RULE",
      "Only the officer, whoever recorded it, or an administrator can end it.",
    );
  await db().standingArrangement.update({ where: { id }, data: { endedAt: now } });
}
