// A council's protocol profile as it is in force (issue 15): the profile written in code (lib/protocol/profiles),
// with the council's own settings applied — the values of its current CouncilSettings version, keyed by a path such
// as "information.targetWorkingDays". Only council settings change (DEF- defaults, the council's own choices and
// settings where the protocol is silent: `isDefault` true); a protocol rule never does, whatever is stored.
// Versions never change once written, so a profile is built once per (council, version) and kept.
import type { Prisma } from "@/lib/generated/prisma/client";
import { getProfile, type CouncilProfile } from "./profiles";
import type { Setting } from "./types";

/** Setting path → value: what a CouncilSettings version stores. */
export type SettingValues = Record<string, unknown>;

/** What a council's profile depends on: the viewer carries exactly this (lib/auth/viewer.ts). */
export type CouncilRef = {
  id: string;
  profileKey: string;
  settingsVersion: number;
  /** The values of version `settingsVersion` (null or absent for version 0, the profile's own values). */
  settings?: SettingValues | null;
};

export const isSetting = (x: unknown): x is Setting<unknown> =>
  !!x && typeof x === "object" && "value" in x && "ruleId" in x && "isDefault" in x;

/** The setting at a path ("duties.correspondence.wideCirculation"), or undefined (no such setting, or null here). */
export function settingAt(profile: CouncilProfile, path: string): Setting<unknown> | undefined {
  let node: unknown = profile;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return isSetting(node) ? node : undefined;
}

/** A copy of `obj` with the value at `keys` replaced; every object along the path is copied, nothing else. */
function replaced(obj: unknown, keys: string[], value: unknown): unknown {
  const [head, ...rest] = keys;
  const o = obj as Record<string, unknown>;
  return { ...o, [head!]: rest.length ? replaced(o[head!], rest, value) : value };
}

const scalar = (v: unknown) => typeof v === "number" || typeof v === "boolean" || typeof v === "string";

/**
 * The base profile with the council's values applied, without changing the base. A value is applied only where the
 * base has a council setting (`isDefault`) of the same kind (number, yes/no, text choice); anything else stored — a
 * protocol rule, an unknown path, a value of the wrong kind — is ignored. A setting the protocol is silent on
 * becomes the council's own ("COUNCIL") once the council sets it.
 */
export function applySettings(base: CouncilProfile, values: SettingValues | null | undefined): CouncilProfile {
  let profile = base;
  for (const [path, value] of Object.entries(values ?? {})) {
    const current = settingAt(base, path);
    if (!current || !current.isDefault || !scalar(value) || typeof value !== typeof current.value) continue;
    if (value === current.value) continue;
    const next: Setting<unknown> = {
      value,
      ruleId: current.ruleId === "silent" ? "COUNCIL" : current.ruleId,
      isDefault: true,
    };
    profile = replaced(profile, path.split("."), next) as CouncilProfile;
  }
  return profile;
}

const MEMO_LIMIT = 500;
const memo = new Map<string, CouncilProfile>();

/** The council's profile in force at its settings version; built once per (council, version). */
export function profileFor(council: CouncilRef): CouncilProfile {
  const base = getProfile(council.profileKey);
  if (council.settingsVersion <= 0) return base;
  const key = `${council.id}:${council.profileKey}:${council.settingsVersion}`;
  const known = memo.get(key);
  if (known) return known;
  if (council.settings === undefined)
    throw new Error(
      `The settings of version ${council.settingsVersion} were not loaded: use profileForCouncilId for a council row`,
    );
  const profile = applySettings(base, council.settings);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, profile);
  return profile;
}

/** The signed-in person's council profile, as in force when they were loaded (once per request). */
export function profileOf(viewer: { council: CouncilRef }): CouncilProfile {
  return profileFor(viewer.council);
}

type Reader = Pick<Prisma.TransactionClient, "council" | "councilSettings">;

/** For code that has a council id but no viewer (jobs, reminders): the profile in force now. */
export async function profileForCouncilId(db: Reader, councilId: string): Promise<CouncilProfile> {
  const council = await db.council.findUniqueOrThrow({
    where: { id: councilId },
    select: { id: true, profileKey: true, settingsVersion: true },
  });
  return profileAtVersion(db, council, council.settingsVersion);
}

/** The council's profile as it was at a settings version, e.g. the one a request was filed under. */
export async function profileAtVersion(
  db: Reader,
  council: { id: string; profileKey: string },
  version: number | null | undefined,
): Promise<CouncilProfile> {
  const v = version ?? 0;
  if (v <= 0) return getProfile(council.profileKey);
  const key = `${council.id}:${council.profileKey}:${v}`;
  const known = memo.get(key);
  if (known) return known;
  const row = await db.councilSettings.findUnique({
    where: { councilId_version: { councilId: council.id, version: v } },
    select: { values: true },
  });
  return profileFor({ ...council, settingsVersion: v, settings: (row?.values ?? null) as SettingValues | null });
}
