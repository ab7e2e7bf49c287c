// Logging a representation (RULES.md §3.E: HAL-E5, C2007-E5, WIG-E8, HTC-E3): a member or officer records a
// representation on a matter in the formal decision process — who made it, the matter, what was said, and who it was
// made to. One row of the request engine (type REPRESENTATION, status RECORDED; the committee in Request.committeeId).
//
// Who sees it (the grants below):
// - made to the Council or a committee: it is council business. Every member sees it at SUMMARY (the matter, the
//   body it went to and when — the Council's representations register); the members and Chair of that committee
//   read it in FULL (they decide the matter), as do democratic services (who keep the register and the committee's
//   papers; the Town Clerk in a town council), the Chief Officer of the service the matter concerns, the person who logged it and the councillor or
//   officer who made it.
// - made to a political group: the person who logged it and that group only; it is not on the Council's register.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionSpec, ActionState } from "@/lib/requests/action-specs";
import { toActor } from "@/lib/requests/actor";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { createRequest, fail, fileOnce, type Tx } from "@/lib/requests/store";
import {
  EARLIEST_DATE,
  optionalDate,
  optionalId,
  optionalText,
  requiredLine,
  requiredText,
} from "@/lib/validation";
import { groupGrant, userGrant, type Grant } from "@/lib/workflow/access";
import {
  logRepresentation,
  RECIPIENT_LABELS,
  recipientChoices,
  representationNotice,
  type RepresentationKind,
  type RepresentationRecipient,
} from "@/lib/workflow/representations";
import { db } from "@/lib/db";

/** What a representation keeps in Request.data. */
export type RepresentationData = {
  recipient: RepresentationRecipient;
  committeeId: string | null;
  groupId: string | null;
  madeBy: { kind: "ME" | "PERSON" | "PUBLIC"; userId: string | null; name: string };
  madeOn: string;
  onRegister: boolean;
};

export const MADE_BY_LABELS = {
  ME: "I made it myself",
  PERSON: "Another councillor or officer of the Council",
  PUBLIC: "A member of the public or an organisation",
} as const;

const KEY = /^[A-Za-z0-9-]{8,64}$/;

const schema = z.object({
  idempotencyKey: z
    .string()
    .optional()
    .transform((v) => (v && KEY.test(v) ? v : null)),
  madeBy: z.enum(["ME", "PERSON", "PUBLIC"], { error: "Say who made the representation" }),
  madeById: optionalId("Choose a councillor or officer from the list"),
  madeByName: optionalText(200).transform((s) => s.replace(/\s+/g, " ")),
  matter: requiredLine(200, "Enter the matter the representation is about"),
  text: requiredText(5000, "Enter the representation"),
  madeOn: optionalDate("The date it was made", () => ({ min: EARLIEST_DATE, max: londonDate(new Date()) })),
  recipient: z.enum(["COMMITTEE", "COUNCIL", "GROUP"], { error: "Say who the representation was made to" }),
  committeeId: optionalId("Choose a Board or Committee from the list"),
  groupId: optionalId("Choose a political group from the list"),
  serviceId: optionalId("Choose a service from the list"),
});

const required = (field: string, message: string): never => {
  throw new AppError("VALIDATION", message, { [field]: message });
};

/** The form's select lists: the council's committees, groups, people and services. */
async function formChoices(viewer: Viewer) {
  const councilId = viewer.council.id;
  const prisma = db();
  const [committees, groups, people, services] = await Promise.all([
    prisma.committee.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.partyGroup.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { councilId, active: true, roles: { hasSome: ["MEMBER", "OFFICER"] } },
      orderBy: { name: "asc" },
      take: 500,
      select: { id: true, name: true, jobTitle: true },
    }),
    prisma.service.findMany({
      where: { councilId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { committees, groups, people, services };
}

/** The creation form, as one ActionSpec for components/ActionForms.tsx (the key makes a double submit one record). */
export async function newRepresentationSpec(viewer: Viewer, idempotencyKey: string): Promise<ActionSpec | null> {
  if (!viewer.roles.includes("MEMBER") && !viewer.roles.includes("OFFICER")) return null;
  const profile = profileOf(viewer);
  const notice = representationNotice(profile);
  const { committees, groups, people, services } = await formChoices(viewer);
  const choices = recipientChoices(profile);
  return {
    action: "LOG_REPRESENTATION",
    area: "other",
    title: "Log a representation",
    hint: "A representation made on a matter in the formal decision process: a planning application, a policy or a decision the Council or one of its committees will take.",
    fields: [
      { kind: "hidden", name: "idempotencyKey", value: idempotencyKey },
      ...(notice ? [{ kind: "info" as const, text: `${notice.text} (${notice.ruleId})` }] : []),
      {
        kind: "radios",
        name: "madeBy",
        legend: "Who made the representation?",
        options: (["ME", "PERSON", "PUBLIC"] as const).map((k) => ({ value: k, label: MADE_BY_LABELS[k] })),
      },
      {
        kind: "select",
        name: "madeById",
        label: "The councillor or officer who made it",
        hint: "Only if another councillor or officer made it.",
        options: people.map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name })),
        placeholder: "Choose a person",
      },
      {
        kind: "text",
        name: "madeByName",
        label: "Name of the member of the public or organisation",
        hint: "Only if a member of the public or an organisation made it.",
      },
      {
        kind: "text",
        name: "matter",
        label: "The matter",
        hint: "For example, the planning application reference and site, or the decision to be taken.",
      },
      { kind: "textarea", name: "text", label: "The representation", hint: "What was said or written.", rows: 6 },
      { kind: "date", name: "madeOn", label: "Date it was made (optional)", hint: "Leave blank for today." },
      {
        kind: "radios",
        name: "recipient",
        legend: "Who was it made to?",
        options: choices.map((c) => ({ value: c, label: RECIPIENT_LABELS[c] })),
      },
      {
        kind: "select",
        name: "committeeId",
        label: "The Board or Committee",
        options: committees.map((c) => ({ value: c.id, label: c.name })),
        placeholder: "Choose a Board or Committee",
      },
      ...(choices.includes("GROUP")
        ? [
            {
              kind: "select" as const,
              name: "groupId",
              label: "The political group",
              hint: "Only if it was made to a political group.",
              options: groups.map((g) => ({ value: g.id, label: g.name })),
              placeholder: "Choose a group",
            },
          ]
        : []),
      {
        kind: "select",
        name: "serviceId",
        label: "The service the matter concerns (optional)",
        hint: "Its Chief Officer can then read the representation.",
        options: services.map((s) => ({ value: s.id, label: s.name })),
        placeholder: "Choose a service",
      },
    ],
    submit: "Log the representation",
    why: notice ? [{ ruleId: notice.ruleId, text: notice.text }] : undefined,
  };
}

async function grantsFor(
  tx: Tx,
  viewer: Viewer,
  ruleId: string,
  kind: RepresentationKind,
  ids: { committeeId: string | null; groupId: string | null; makerId: string | null; serviceId: string | null },
): Promise<{ grants: Grant[]; notify: string[] }> {
  const councilId = viewer.council.id;
  if (kind === "TO_GROUP")
    return { grants: [...userGrant(viewer.id, ruleId), ...groupGrant(ids.groupId, ruleId)], notify: [] };
  const committee = ids.committeeId
    ? await tx.committee.findFirst({
        where: { id: ids.committeeId, councilId },
        select: { chairId: true, members: { where: { active: true }, select: { id: true } } },
      })
    : null;
  const democratic = await tx.user.findMany({
    // Democratic services keep the register and the committees' papers; in a town council, the Town Clerk does.
    where: { councilId, active: true, roles: { hasSome: ["DEMOCRATIC_SERVICES", "TOWN_CLERK"] } },
    select: { id: true },
  });
  const chief = ids.serviceId
    ? await tx.service.findFirst({ where: { id: ids.serviceId, councilId }, select: { chiefOfficerId: true } })
    : null;
  const readers = [
    viewer.id,
    ids.makerId,
    committee?.chairId,
    ...(committee?.members.map((m) => m.id) ?? []),
    ...democratic.map((d) => d.id),
    chief?.chiefOfficerId,
  ];
  return {
    grants: [
      ...readers.flatMap((id) => userGrant(id, ruleId)),
      // The Council's representations register: every member sees what was made to the Council or a committee.
      { allMembers: true, level: "SUMMARY", ruleId },
    ],
    notify: [committee?.chairId ?? null, ...democratic.map((d) => d.id), chief?.chiefOfficerId ?? null].filter(
      (x): x is string => !!x,
    ),
  };
}

/** The form handler: logs a representation, or returns the errors (each naming its rule) with what was typed. */
export async function handleLogRepresentation(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState | { done: string; id: string }> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  const profile = profileOf(viewer);
  try {
    const decision = logRepresentation(profile, toActor(viewer), {
      recipient: d.recipient,
      committeeId: d.committeeId,
      groupId: d.groupId,
    });
    if (!decision.ok) fail(decision);
    if (d.madeBy === "PERSON" && !d.madeById) required("madeById", "Choose the councillor or officer who made it");
    if (d.madeBy === "PUBLIC" && !d.madeByName)
      required("madeByName", "Enter the name of the member of the public or organisation");
    const row = await fileOnce(viewer, d.idempotencyKey, async (tx) => {
      const councilId = viewer.council.id;
      const committee =
        decision.kind === "TO_COMMITTEE"
          ? await tx.committee.findFirst({
              where: { id: d.committeeId!, councilId, retiredAt: null },
              select: { id: true, name: true },
            })
          : null;
      if (decision.kind === "TO_COMMITTEE" && !committee)
        required("committeeId", "Choose a Board or Committee from the list");
      const group =
        decision.kind === "TO_GROUP"
          ? await tx.partyGroup.findFirst({
              where: { id: d.groupId!, councilId, retiredAt: null },
              select: { id: true, name: true },
            })
          : null;
      if (decision.kind === "TO_GROUP" && !group) required("groupId", "Choose a political group from the list");
      const maker =
        d.madeBy === "PERSON"
          ? await tx.user.findFirst({
              where: { id: d.madeById!, councilId, active: true },
              select: { id: true, name: true },
            })
          : null;
      if (d.madeBy === "PERSON" && !maker) required("madeById", "Choose a councillor or officer from the list");
      const service = d.serviceId
        ? await tx.service.findFirst({
            where: { id: d.serviceId, councilId, retiredAt: null },
            select: { id: true },
          })
        : null;
      if (d.serviceId && !service) required("serviceId", "Choose a service from the list");
      const madeBy: RepresentationData["madeBy"] =
        d.madeBy === "ME"
          ? { kind: "ME", userId: viewer.id, name: viewer.name }
          : d.madeBy === "PERSON"
            ? { kind: "PERSON", userId: maker!.id, name: maker!.name }
            : { kind: "PUBLIC", userId: null, name: d.madeByName };
      const { grants, notify } = await grantsFor(tx, viewer, decision.ruleId, decision.kind, {
        committeeId: committee?.id ?? null,
        groupId: group?.id ?? null,
        makerId: madeBy.userId,
        serviceId: service?.id ?? null,
      });
      const data: RepresentationData = {
        recipient: d.recipient,
        committeeId: committee?.id ?? null,
        groupId: group?.id ?? null,
        madeBy,
        madeOn: d.madeOn ?? londonDate(now),
        onRegister: decision.onRegister,
      };
      const to = committee?.name ?? group?.name ?? "the Council";
      const created = await createRequest(tx, {
        viewer,
        type: "REPRESENTATION",
        kind: decision.kind,
        status: decision.to,
        subject: d.matter,
        details: d.text,
        serviceId: service?.id ?? null,
        groupId: group?.id ?? null,
        data,
        idempotencyKey: d.idempotencyKey,
        ruleId: decision.ruleId,
        grants,
        notify: [{ userIds: notify, kind: "REPRESENTATION", title: `A representation to ${to}: ${d.matter}` }],
        auditData: { recipient: d.recipient, onRegister: decision.onRegister },
      });
      return committee
        ? tx.request.update({ where: { id: created.id }, data: { committeeId: committee.id } })
        : created;
    });
    return { done: "LOG_REPRESENTATION", id: row.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}
