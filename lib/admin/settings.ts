// A council's protocol settings (issue 15): the settings page's data, and saving a change as a new version. Only the
// council's administrators see or change them, for their own council only; anyone else gets *not found*. A save is
// one transaction: the council's settings version moves on by a conditional update on the version the administrator
// saw (two at once: one wins, the other is told), the new version's values are stored with the note, and the
// administrative log records before → after. A change applies to requests filed from then on: each request records
// the version it was routed under (lib/requests/store.ts), and keeps its due date and route.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import {
  AREAS,
  CATALOGUE,
  choicesFor,
  entryFor,
  formValue,
  parseSettingValue,
  showValue,
  type AreaKey,
  type CatalogueEntry,
  type Choice,
} from "@/lib/admin/settings-catalogue";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applySettings, profileOf, settingAt, type SettingValues } from "@/lib/protocol/council-profile";
import { getProfile, type CouncilProfile } from "@/lib/protocol/profiles";
import { RULE_SOURCES, RULE_TITLES } from "@/lib/protocol/rule-titles";
import type { ActionState } from "@/lib/requests/action-specs";
import { TX_OPTIONS } from "@/lib/requests/store";
import { optionalText } from "@/lib/validation";

/** Form fields carry the setting's path: "setting.information.targetWorkingDays". */
export const SETTING_FIELD = "setting.";
export const fieldOf = (path: string) => `${SETTING_FIELD}${path}`;
export const elementIdOf = (path: string) => `setting-${path.replace(/\./g, "-")}`;

export type SettingInput =
  { kind: "number"; min: number; max: number; unit: string } | { kind: "radios"; options: Choice[] };

export type SettingRow = {
  path: string;
  field: string;
  id: string;
  name: string;
  /** The value in force, as a person reads it. */
  value: string;
  /** The value in force, as the form carries it. */
  formValue: string;
  /** The rule that gives it ("" where the protocol is silent). */
  ruleId: string;
  ruleTitle: string | null;
  /** The protocol rule's source clause (section and words), for rules from the protocol's text. */
  ruleSource: string | null;
  /** PROTOCOL: the protocol's rule, read-only. DEFAULT: a DEF- default. COUNCIL: the council's choice. SILENT: the
   * protocol says nothing. */
  origin: "PROTOCOL" | "DEFAULT" | "COUNCIL" | "SILENT";
  /** The profile's own value, as a person reads it (council settings only). */
  defaultValue: string | null;
  /** The council has changed it from the profile's own value. */
  changed: boolean;
  input: SettingInput | null;
  /** Why a council setting cannot be changed here. */
  fixed: string | null;
};

export type SettingsChange = { path: string; name: string; before: string; after: string };
export type SettingsVersionView = {
  version: number;
  at: string;
  by: string;
  note: string;
  changes: SettingsChange[];
};
export type SettingsPage = {
  councilId: string;
  version: number;
  profileTitle: string;
  areas: { key: AreaKey; title: string; rows: SettingRow[] }[];
  history: SettingsVersionView[];
};

const HISTORY = 20;

function originOf(base: { ruleId: string; isDefault: boolean }): SettingRow["origin"] {
  if (!base.isDefault) return "PROTOCOL";
  if (base.ruleId === "silent") return "SILENT";
  return base.ruleId.startsWith("DEF-") ? "DEFAULT" : "COUNCIL";
}

/** Whether an administrator may change this setting for this council, and with what input. */
function inputFor(entry: CatalogueEntry, base: CouncilProfile): SettingInput | null {
  const s = settingAt(base, entry.path);
  if (!s || !s.isDefault || !entry.edit) return null;
  if (entry.edit.kind === "number")
    return { kind: "number", min: entry.edit.min, max: entry.edit.max, unit: entry.edit.unit };
  const options = choicesFor(entry, base);
  return options.length > 1 ? { kind: "radios", options } : null;
}

function rowsFor(base: CouncilProfile, current: CouncilProfile, area: AreaKey): SettingRow[] {
  return CATALOGUE[area].flatMap((entry) => {
    const b = settingAt(base, entry.path);
    const c = settingAt(current, entry.path);
    if (!b || !c) return [];
    const origin = originOf(b);
    const input = inputFor(entry, base);
    return [
      {
        path: entry.path,
        field: fieldOf(entry.path),
        id: elementIdOf(entry.path),
        name: entry.name,
        value: showValue(entry, c.value),
        formValue: formValue(c.value),
        ruleId: origin === "SILENT" ? "" : b.ruleId,
        ruleTitle: RULE_TITLES[b.ruleId] ?? null,
        ruleSource: RULE_SOURCES[b.ruleId] ?? null,
        origin,
        defaultValue: origin === "PROTOCOL" ? null : showValue(entry, b.value),
        changed: c.value !== b.value,
        input,
        fixed:
          origin === "PROTOCOL" || input
            ? null
            : (entry.fixed ??
              (origin === "SILENT"
                ? "The protocol says nothing about this, and the app leaves it as it is: it cannot be changed here."
                : "Only one choice fits this council.")),
      },
    ];
  });
}

/** The effective value of every editable path under some stored values. */
const effective = (base: CouncilProfile, values: SettingValues | null | undefined, path: string) =>
  settingAt(applySettings(base, values), path)?.value;

function changesBetween(
  base: CouncilProfile,
  before: SettingValues | null,
  after: SettingValues | null,
): SettingsChange[] {
  const paths = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const from = applySettings(base, before);
  const to = applySettings(base, after);
  return [...paths].flatMap((path) => {
    const entry = entryFor(path);
    const a = settingAt(from, path)?.value;
    const b = settingAt(to, path)?.value;
    if (!entry || a === b) return [];
    return [{ path, name: entry.name, before: showValue(entry, a), after: showValue(entry, b) }];
  });
}

/** The settings page: every setting of the council's profile, grouped by area, and the versions so far. */
export async function loadSettingsPage(viewer: Viewer): Promise<SettingsPage | null> {
  if (!mayAdminister(viewer)) return null;
  const prisma = db();
  const base = getProfile(viewer.council.profileKey);
  const current = profileOf(viewer);
  const versions = await prisma.councilSettings.findMany({
    where: { councilId: viewer.council.id },
    orderBy: { version: "desc" },
    take: HISTORY + 1,
  });
  const people = new Map(
    (
      await prisma.user.findMany({
        where: {
          councilId: viewer.council.id,
          id: { in: versions.map((v) => v.createdById).filter((x): x is string => !!x) },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const history = versions.slice(0, HISTORY).map((v, i) => {
    const previous = versions[i + 1];
    const before = previous ? (previous.values as SettingValues) : v.version === 1 ? null : undefined; // older than the page shows: the changes are in the administrative log
    return {
      version: v.version,
      at: v.createdAt.toISOString(),
      by: v.createdById ? (people.get(v.createdById) ?? "A former user") : "Set-up (command line)",
      note: v.note,
      changes: before === undefined ? [] : changesBetween(base, before, v.values as SettingValues),
    };
  });
  return {
    councilId: viewer.council.id,
    version: viewer.council.settingsVersion,
    profileTitle: base.title,
    areas: AREAS.map((a) => ({ key: a.key, title: a.title, rows: rowsFor(base, current, a.key) })).filter(
      (a) => a.rows.length > 0,
    ),
    history,
  };
}

const metaSchema = z.object({
  councilId: z.string({ error: "missing" }),
  expectedVersion: z
    .string({ error: "Reload the page and try again" })
    .regex(/^\d{1,6}$/, "Reload the page and try again")
    .transform(Number),
  note: optionalText(500),
});

export type SaveSettingsResult = ActionState | { done: true; version: number };

/**
 * Saves an administrator's changes as the council's next settings version. Fields named `setting.<path>` carry the
 * values; a protocol rule, a setting that cannot be changed here or an unknown path is refused, and so is a value out
 * of range — each with a message, nothing saved, what was typed kept.
 */
export async function handleSaveSettings(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<SaveSettingsResult> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  const kept = { ...values };
  const meta = metaSchema.safeParse(values);
  // The form names its council: another council's (a forged or stale form) is not found, never changed.
  if (!meta.success && meta.error.issues.some((i) => i.path[0] === "councilId")) throw notFound("That council");
  if (meta.success && meta.data.councilId !== viewer.council.id) throw notFound("That council");
  if (!meta.success) {
    const errors: Record<string, string> = {};
    for (const i of meta.error.issues) errors[String(i.path[0] ?? "form")] ??= i.message;
    if (errors.expectedVersion) errors.form = errors.expectedVersion;
    delete errors.expectedVersion;
    return { errors, values: kept };
  }
  const { expectedVersion, note } = meta.data;
  const base = getProfile(viewer.council.profileKey);
  const errors: Record<string, string> = {};
  const submitted = new Map<string, number | boolean | string>();
  for (const [key, raw] of Object.entries(values)) {
    if (!key.startsWith(SETTING_FIELD)) continue;
    const path = key.slice(SETTING_FIELD.length);
    const entry = entryFor(path);
    const b = entry ? settingAt(base, path) : undefined;
    if (!entry || !b) {
      errors.form ??= "The form included a setting this council does not have. Reload the page and try again.";
      continue;
    }
    if (!b.isDefault) {
      errors[key] =
        `‘${entry.name}’ is a rule of the council's protocol (${b.ruleId}), not a council setting: it cannot be changed here`;
      continue;
    }
    if (!inputFor(entry, base)) {
      errors[key] = `‘${entry.name}’ cannot be changed here`;
      continue;
    }
    const parsed = parseSettingValue(entry, raw, base);
    if (!parsed.ok) errors[key] = b.ruleId === "silent" ? parsed.message : `${parsed.message} (${b.ruleId})`;
    else submitted.set(path, parsed.value);
  }
  if (Object.keys(errors).length) return { errors, values: kept };

  const prisma = db();
  const previous =
    expectedVersion > 0
      ? await prisma.councilSettings.findUnique({
          where: { councilId_version: { councilId: viewer.council.id, version: expectedVersion } },
        })
      : null;
  const before = (previous?.values ?? null) as SettingValues | null;
  // The next version stores every value that differs from the profile's own.
  const next: SettingValues = { ...(before ?? {}) };
  for (const [path, value] of submitted) {
    if (value === settingAt(base, path)!.value) delete next[path];
    else next[path] = value;
  }
  const changes = changesBetween(base, before, next);
  if (changes.length === 0)
    return {
      errors: { form: "You have not changed any setting. Change a value, or go back without saving." },
      values: kept,
    };
  const version = expectedVersion + 1;
  try {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.council.updateMany({
        where: { id: viewer.council.id, settingsVersion: expectedVersion },
        data: { settingsVersion: version },
      });
      if (moved.count === 0)
        throw new AppError(
          "CONFLICT",
          "Another administrator saved the settings while you were changing them. Reload the page to see their changes, then make yours again.",
        );
      const saved = await tx.councilSettings.create({
        data: {
          councilId: viewer.council.id,
          version,
          values: next as Prisma.InputJsonValue,
          note,
          createdById: viewer.id,
          createdAt: now,
        },
      });
      await recordAdminChange(tx, viewer.council, viewer, {
        entity: "SETTINGS",
        entityId: saved.id,
        action: "UPDATE",
        summary: `Protocol settings version ${version}: ${changes.map((c) => `${c.name} ${c.before} → ${c.after}`).join("; ")}${note ? ` (${note})` : ""}`,
        before: Object.fromEntries(changes.map((c) => [c.path, effective(base, before, c.path)])),
        after: Object.fromEntries(changes.map((c) => [c.path, effective(base, next, c.path)])),
      });
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof AppError && e.code === "CONFLICT") return { errors: { form: e.message }, values: kept };
    // Two saves of the same version at once: the unique (council, version) lets one win.
    if ((e as { code?: string }).code === "P2002")
      return {
        errors: {
          form: "Another administrator saved the settings at the same moment. Reload the page to see their changes, then make yours again.",
        },
        values: kept,
      };
    throw e;
  }
  return { done: true, version };
}
