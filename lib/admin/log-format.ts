// The administrative log in words (pure): what each entry changed, as a small table of fields before → after, with
// readable names and values rather than the stored JSON.
import { STORED_ROLES } from "@/lib/protocol/roles";

const ENTITIES: Record<string, string> = {
  COUNCIL: "Council",
  USER: "People",
  INVITATION: "Invitations",
  GROUP: "Party groups",
  GROUP_OFFICE: "Group offices",
  WARD: "Wards",
  SERVICE: "Services",
  COMMITTEE: "Committees",
  MEETING: "Meetings",
  SETTINGS: "Protocol settings",
  SSO: "Single sign-on",
  IMPORT: "Imports",
};

const ACTIONS: Record<string, string> = {
  CREATE: "Created",
  UPDATE: "Changed",
  RENAME: "Renamed",
  RETIRE: "Retired",
  REINSTATE: "Reinstated",
  DEACTIVATE: "Deactivated",
  REACTIVATE: "Reactivated",
  INVITE: "Invited",
  RESEND: "Invitation sent again",
  ACCEPT: "Invitation accepted",
  REASSIGN: "Work reassigned",
  IMPORT: "Imported",
  DELETE: "Removed",
  ENABLE: "Turned on",
  DISABLE: "Turned off",
};

/** Abbreviations kept in capitals wherever they appear in a name or value. */
const ACRONYMS = new Set(["jnc", "sso", "csv", "oidc", "id", "smtp"]);

/** "SOME_THING" or "someThing" → "Some thing". */
export function humanise(key: string): string {
  const words = key
    .replace(/[_.\-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(" ");
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** A stored code ("LEADER_OF_COUNCIL") rather than words a person typed. */
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/** One-word stored codes: roles, seniorities, offices, kinds of council and committee, sign-in methods. */
const ONE_WORD_CODES = new Set([
  ...STORED_ROLES.filter((r) => !r.includes("_")),
  ...[
    "SENIOR",
    "JUNIOR",
    "LEADER",
    "CHAIR",
    "SPOKESPERSON",
    "DISTRICT",
    "COUNTY",
    "UNITARY",
    "TOWN",
    "PARISH",
    "OTHER",
  ],
  ...["COMMITTEE", "BOARD", "CABINET", "SCRUTINY", "PANEL", "COUNCIL", "PASSWORD", "IMMEDIATE", "DAILY"],
]);

export const entityLabel = (entity: string) => ENTITIES[entity] ?? humanise(entity);
export const actionLabel = (action: string) => ACTIONS[action] ?? humanise(action);

/** The entities the log's filter offers: the known ones, plus any others the council's log holds. */
export function entityOptions(present: string[]): { id: string; name: string }[] {
  const ids = [...new Set([...Object.keys(ENTITIES), ...present])];
  return ids.map((id) => ({ id, name: entityLabel(id) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

const MAX_VALUE = 300;
const MAX_ROWS = 40;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One value as a person reads it: Yes/No, dates in UK time, lists joined, nothing as "None". */
export function formatValue(v: unknown): string {
  const s = ((): string => {
    if (v === null || v === undefined || v === "") return "None";
    if (typeof v === "boolean") return v ? "Yes" : "No";
    if (typeof v === "number") return String(v);
    if (typeof v === "string") {
      if (ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))
        return new Date(v).toLocaleString("en-GB", {
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZone: "Europe/London",
        });
      if (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)))
        return new Date(`${v}T12:00:00Z`).toLocaleDateString("en-GB", {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "Europe/London",
        });
      // Stored codes read as words; a short word in capitals someone typed (a name like "UK") is left alone.
      return CODE.test(v) || ONE_WORD_CODES.has(v) ? humanise(v) : v;
    }
    if (Array.isArray(v)) return v.length ? v.map(formatValue).join(", ") : "None";
    if (typeof v === "object")
      return (
        Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => `${humanise(k)}: ${formatValue(x)}`)
          .join("; ") || "None"
      );
    return String(v);
  })();
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

const nothing = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Nested objects become dotted paths (two levels down); arrays and other values are leaves. */
function flatten(v: unknown, prefix = "", depth = 0, out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(v) && depth < 3) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else out.set(prefix, v);
  return out;
}

export type ChangedField = { field: string; label: string; before: string; after: string };

/**
 * The fields an entry changed: every field of before or after whose value differs, in the order they appear (after
 * first, then fields only before had). Values that are not objects are one row, "Value". At most 40 rows; `more`
 * counts the rest.
 */
export function changedFields(before: unknown, after: unknown): { rows: ChangedField[]; more: number } {
  const absent = (v: unknown) => v === null || v === undefined;
  if (absent(before) && absent(after)) return { rows: [], more: 0 };
  const objectish = (v: unknown) => absent(v) || isPlainObject(v);
  if (!objectish(before) || !objectish(after)) {
    const same = JSON.stringify(before) === JSON.stringify(after);
    return {
      rows: same ? [] : [{ field: "", label: "Value", before: formatValue(before), after: formatValue(after) }],
      more: 0,
    };
  }
  const b = flatten(before ?? {});
  const a = flatten(after ?? {});
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter((k) => k !== "");
  const rows = keys
    .filter((k) => JSON.stringify(b.get(k) ?? null) !== JSON.stringify(a.get(k) ?? null))
    .map((k) => ({
      field: k,
      label: k.split(".").map(humanise).join(" › "),
      before: formatValue(b.get(k)),
      after: formatValue(a.get(k)),
    }))
    // Nothing before and nothing after, stored differently (null, "", an empty list): not a change to show.
    .filter((r) => !(nothing(b.get(r.field)) && nothing(a.get(r.field))));
  return { rows: rows.slice(0, MAX_ROWS), more: Math.max(0, rows.length - MAX_ROWS) };
}
