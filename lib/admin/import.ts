// Bulk import of people from CSV (issue 15): the template, an RFC 4180 parser, the validation of every row with the
// file's own line numbers, and the plan of what an import creates and changes. All pure (no database, no Next): the
// handlers in lib/admin/import-forms.ts load the council's current state, call planImport, show the plan and write it
// in one transaction.
//
// Meaning of a file: one row per person, found by email in the administrator's council (a new address is a new
// person). A column left out of the file leaves that detail as it is; a column in the file sets it for every row,
// an empty cell clearing it (no wards, no service…). Wards, party groups and services named but unknown are created;
// committees must exist (they have kinds and terms of reference a file does not carry).
import { getProfile, roleLabel } from "@/lib/protocol/profiles";
import { DEFAULT_ROLE_LABELS, STORED_ROLES, type StoredRole } from "@/lib/protocol/roles";
import { emailField, jobTitleField, nameField, PORTFOLIO_MAX } from "@/lib/users/person-schema";
import { hasVisibleCharacter, oneLine } from "@/lib/validation";

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
/** Changes listed in the preview; the counts cover all of them. */
export const IMPORT_PREVIEW_ROWS = 100;
/** Problems kept and shown; beyond this only their number. */
export const IMPORT_MAX_ERRORS = 500;
export const ORG_NAME_MAX = 120;
/** Wards, committees, offices or services in one cell. */
export const LIST_MAX = 200;
export const TIER_MAX = 9;
export const CAPACITY_MAX = 80;

// ---- Columns and template ----------------------------------------------------------------------------------------

export const IMPORT_COLUMNS = [
  "email",
  "name",
  "job_title",
  "roles",
  "party_group",
  "group_offices",
  "wards",
  "committees",
  "service",
  "seniority",
  "tier",
  "jnc",
  "weekly_capacity_hours",
  "chief_officer_of",
  "cabinet_portfolio",
  "portfolio_services",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** What each column holds, for the import page (and anyone reading the template). */
export const COLUMN_HELP: Record<ImportColumn, { required?: string; text: string; example: string }> = {
  email: {
    required: "Required",
    text: "Their work email address: how the person is found. A new address adds a person; an address of someone already in your council updates them. An address used by an account of another council is refused.",
    example: "jo.bloggs@council.gov.uk",
  },
  name: { required: "Required", text: `Full name, up to 120 characters.`, example: "Jo Bloggs" },
  job_title: { text: "Job title as the council uses it (optional).", example: "Director of Place" },
  roles: {
    required: "Required for new people",
    text: "Their roles, separated by semicolons, as the stored role names (for example MEMBER, OFFICER, CHIEF_OFFICER, CABINET_MEMBER, ADMIN) or the council's names for them (for example Councillor).",
    example: "OFFICER;CHIEF_OFFICER",
  },
  party_group: {
    text: "A councillor's party group (or a political assistant's). A group not yet set up here is created.",
    example: "Labour Group",
  },
  group_offices: {
    text: "Offices held in their party group, separated by semicolons: LEADER, CHAIR, CHIEF_WHIP, or SPOKESPERSON:<portfolio>. A group has one Leader, Chair and Chief Whip: giving the office to someone takes it from whoever held it.",
    example: "LEADER;SPOKESPERSON:Planning Committee",
  },
  wards: {
    text: "A councillor's wards, separated by semicolons. A ward not yet set up here is created.",
    example: "North;South",
  },
  committees: {
    text: "Committees they sit on, separated by semicolons. Each must already exist (add committees on the organisation page first).",
    example: "Planning Committee",
  },
  service: {
    text: "An officer's service (department). A service not yet set up here is created.",
    example: "Place",
  },
  seniority: { text: "An officer's seniority: JUNIOR or SENIOR.", example: "SENIOR" },
  tier: { text: `An officer's tier, a whole number from 1 to ${TIER_MAX}.`, example: "2" },
  jnc: { text: "Whether the officer is on JNC terms: yes or no (empty means no).", example: "yes" },
  weekly_capacity_hours: {
    text: `Hours a week the officer can give to members' requests, 0 to ${CAPACITY_MAX}.`,
    example: "10",
  },
  chief_officer_of: {
    text: "The service or services (separated by semicolons) the officer heads as Chief Officer. Each service has one Chief Officer: naming them here replaces the last one.",
    example: "Place",
  },
  cabinet_portfolio: {
    text: `A Cabinet Member's portfolio (role CABINET_MEMBER), up to ${PORTFOLIO_MAX} characters: their page shows them as Cabinet Member for it.`,
    example: "Environment",
  },
  portfolio_services: {
    text: "The services (separated by semicolons) the Cabinet Member's portfolio covers: briefings and reports on them involve this Cabinet Member. A service not yet set up here is created.",
    example: "Place",
  },
};

/** The template: the header and two example rows (a councillor and a Chief Officer). */
export const TEMPLATE_ROWS: string[][] = [
  [...IMPORT_COLUMNS],
  [
    "jo.bloggs@council.gov.uk",
    "Jo Bloggs",
    "Cabinet Member for Environment",
    "MEMBER;CABINET_MEMBER",
    "Labour Group",
    "SPOKESPERSON:Planning Committee",
    "North;South",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "Environment",
    "Place",
  ],
  [
    "sam.smith@council.gov.uk",
    "Sam Smith",
    "Director of Place",
    "OFFICER;CHIEF_OFFICER",
    "",
    "",
    "",
    "",
    "Place",
    "SENIOR",
    "2",
    "yes",
    "10",
    "Place",
    "",
    "",
  ],
];

// ---- CSV parsing (RFC 4180) --------------------------------------------------------------------------------------

export type CsvRecord = { line: number; fields: string[] };
export type ImportError = { line: number | null; column?: string; message: string };

/**
 * Reads CSV text into records, each with the line of the file it starts on (the first line is 1): quoted fields may
 * hold commas, doubled quotation marks and line breaks; lines end with CRLF, LF or CR; a byte-order mark is ignored.
 * Blank lines (and rows of empty cells) are skipped. A quotation mark never closed, or text after a closing one, is
 * an error: the rest of the file could not be read as meant.
 */
export function parseCsv(input: string): { records: CsvRecord[]; error: ImportError | null } {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const isBreak = (c: string | undefined) => c === "\n" || c === "\r";
  /** Steps over one line break at i (CRLF counted once). */
  const skipBreak = () => {
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else i += 1;
    line += 1;
  };
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = "";
      if (text[i] === '"') {
        const openedOn = line;
        i += 1;
        for (;;) {
          if (i >= n)
            return {
              records,
              error: {
                line: openedOn,
                message: `Line ${openedOn}: a quotation mark opens a value that is never closed. Check the quotation marks on this line.`,
              },
            };
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (c === "\r") {
            value += "\n";
            skipBreak();
            continue;
          }
          if (c === "\n") line += 1;
          value += c;
          i += 1;
        }
        if (i < n && text[i] !== "," && !isBreak(text[i]))
          return {
            records,
            error: {
              line,
              message: `Line ${line}: there is text after a closing quotation mark. Put the whole value in quotation marks, and write a quotation mark inside it as two ("").`,
            },
          };
      } else {
        const start = i;
        while (i < n && text[i] !== "," && !isBreak(text[i])) i += 1;
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i < n && text[i] === ",") {
        i += 1;
        // A comma at the very end of the text or line: one more, empty, value.
        if (i >= n || isBreak(text[i])) {
          fields.push("");
          if (i < n) skipBreak();
          break;
        }
        continue;
      }
      if (i < n) skipBreak();
      break;
    }
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
  }
  return { records, error: null };
}

/** The bytes of an uploaded file as text: UTF-8 (with or without a BOM), or else Windows-1252 (Excel's "CSV"). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** A CSV cell as the template writes it (RFC 4180 quoting). */
export function csvLine(cells: string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\r\n`;
}

export const templateCsv = () => `\uFEFF${TEMPLATE_ROWS.map(csvLine).join("")}`;

// ---- Rows --------------------------------------------------------------------------------------------------------

export type RawRow = { line: number; cells: Partial<Record<ImportColumn, string>> };

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** The header (line 1 of the file, or the first line that is not blank) and the rows under it, as cells by column. */
export function readRows(
  records: CsvRecord[],
): { columns: Set<ImportColumn>; rows: RawRow[]; errors: ImportError[] } | { fatal: ImportError[] } {
  const [header, ...data] = records;
  if (!header)
    return { fatal: [{ line: null, message: "The file is empty. Use the template: it has the columns." }] };
  const errors: ImportError[] = [];
  const at: (ImportColumn | null)[] = [];
  const seen = new Set<ImportColumn>();
  for (const raw of header.fields) {
    const key = headerKey(raw);
    if (key === "") {
      at.push(null);
      continue;
    }
    if (!(IMPORT_COLUMNS as readonly string[]).includes(key)) {
      errors.push({
        line: header.line,
        message: `Line ${header.line}: the column “${oneLine(raw).slice(0, 60)}” is not one the import knows. Use the template’s columns: ${IMPORT_COLUMNS.join(", ")}.`,
      });
      at.push(null);
      continue;
    }
    const col = key as ImportColumn;
    if (seen.has(col))
      errors.push({ line: header.line, message: `Line ${header.line}: the column ${col} appears twice.` });
    seen.add(col);
    at.push(col);
  }
  for (const col of ["email", "name"] as const)
    if (!seen.has(col))
      errors.push({
        line: header.line,
        message: `Line ${header.line}: the file has no ${col} column. Every row needs one.`,
      });
  if (errors.length) return { fatal: errors };
  if (data.length === 0)
    return { fatal: [{ line: null, message: "The file has a header but no rows of people under it." }] };
  if (data.length > IMPORT_MAX_ROWS)
    return {
      fatal: [
        {
          line: null,
          message: `The file has ${data.length.toLocaleString("en-GB")} rows of people. Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} at a time: split the file.`,
        },
      ],
    };
  const rows: RawRow[] = [];
  for (const r of data) {
    const extra = r.fields.slice(at.length).filter((f) => f.trim() !== "");
    if (extra.length) {
      errors.push({
        line: r.line,
        message: `Line ${r.line}: this row has more values than the header has columns. Check for a comma inside a value that is not in quotation marks.`,
      });
      continue;
    }
    const cells: RawRow["cells"] = {};
    at.forEach((col, k) => {
      if (col) cells[col] = r.fields[k] ?? "";
    });
    rows.push({ line: r.line, cells });
  }
  return { columns: seen, rows, errors };
}

// ---- Values of a row ---------------------------------------------------------------------------------------------

export const GROUP_OFFICE_KINDS = ["LEADER", "CHAIR", "CHIEF_WHIP", "SPOKESPERSON"] as const;
export type GroupOfficeKind = (typeof GROUP_OFFICE_KINDS)[number];
/** One holder per group. */
export const EXCLUSIVE_OFFICES: readonly GroupOfficeKind[] = ["LEADER", "CHAIR", "CHIEF_WHIP"];
export const OFFICE_LABELS: Record<GroupOfficeKind, string> = {
  LEADER: "Group Leader",
  CHAIR: "Group Chair",
  CHIEF_WHIP: "Chief Whip",
  SPOKESPERSON: "Spokesperson",
};

export type Office = { kind: GroupOfficeKind; portfolio: string };

/** A row's values, checked one by one (undefined: the column is not in the file, so the detail stays as it is). */
export type RowValues = {
  line: number;
  email: string;
  name: string;
  jobTitle?: string | null;
  roles?: StoredRole[];
  partyGroup?: string | null;
  offices?: Office[];
  wards?: string[];
  committees?: string[];
  service?: string | null;
  seniority?: "JUNIOR" | "SENIOR" | null;
  tier?: number | null;
  jnc?: boolean;
  capacity?: number | null;
  chiefOfficerOf?: string[];
  portfolioName?: string | null;
  portfolioServices?: string[];
};

const codeOf = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

/** Stored role names, and the council's own names for them, to stored roles. */
export function roleLookup(profileKey: string): Map<string, StoredRole> {
  const profile = getProfile(profileKey);
  const m = new Map<string, StoredRole>();
  for (const r of STORED_ROLES) {
    m.set(r, r);
    m.set(codeOf(DEFAULT_ROLE_LABELS[r]), r);
    m.set(codeOf(roleLabel(profile, r)), r);
  }
  return m;
}

/** A list cell: values separated by semicolons, each one line, empty ones dropped, repeats (any case) once. */
function listOf(cell: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(";")) {
    const v = oneLine(part);
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

const whole = (cell: string, min: number, max: number): number | null | "bad" => {
  const v = cell.trim();
  if (v === "") return null;
  return /^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : "bad";
};

/** Checks a row's cells one by one: its values, and the problems found (each with the line and column). */
export function validateRow(
  row: RawRow,
  roles: Map<string, StoredRole>,
): { values: RowValues | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const L = row.line;
  const err = (column: ImportColumn, message: string) =>
    errors.push({ line: L, column, message: `Line ${L}: ${message}` });
  const c = row.cells;
  const email = emailField.safeParse(c.email ?? "");
  if (!email.success) err("email", email.error.issues[0]!.message);
  const name = nameField.safeParse(c.name ?? "");
  if (!name.success) err("name", name.error.issues[0]!.message);
  const v: RowValues = { line: L, email: email.data ?? "", name: name.data ?? "" };
  if (c.job_title !== undefined) {
    const t = jobTitleField.safeParse(c.job_title);
    if (!t.success) err("job_title", t.error.issues[0]!.message);
    else v.jobTitle = t.data || null;
  }
  if (c.roles !== undefined) {
    const parts = c.roles
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = parts.filter((p) => !roles.has(codeOf(p)));
    if (unknown.length)
      err(
        "roles",
        `“${oneLine(unknown[0]!).slice(0, 60)}” is not a role. Use the stored role names, for example MEMBER, OFFICER, CHIEF_OFFICER, CABINET_MEMBER or ADMIN, separated by semicolons.`,
      );
    else if (parts.length === 0) err("roles", "Enter at least one role, for example MEMBER or OFFICER.");
    else {
      const set = new Set(parts.map((p) => roles.get(codeOf(p))!));
      v.roles = STORED_ROLES.filter((r) => set.has(r));
    }
  }
  const orgName = (column: ImportColumn, what: string, s: string) => {
    if (s.length > ORG_NAME_MAX || !hasVisibleCharacter(s)) {
      err(column, `Enter ${what} names of ${ORG_NAME_MAX} characters or fewer.`);
      return false;
    }
    return true;
  };
  const orgList = (column: ImportColumn, what: string, cell: string | undefined) => {
    if (cell === undefined) return undefined;
    const items = listOf(cell);
    if (items.length > LIST_MAX) {
      err(column, `Name at most ${LIST_MAX} ${what}s.`);
      return undefined;
    }
    return items.every((s) => orgName(column, what, s)) ? items : undefined;
  };
  if (c.party_group !== undefined) {
    const g = oneLine(c.party_group);
    if (!g || orgName("party_group", "party group", g)) v.partyGroup = g || null;
  }
  if (c.group_offices !== undefined) {
    const offices: Office[] = [];
    let ok = true;
    for (const part of listOf(c.group_offices)) {
      const colon = part.indexOf(":");
      const kind = codeOf(colon >= 0 ? part.slice(0, colon) : part);
      const portfolio = colon >= 0 ? oneLine(part.slice(colon + 1)) : "";
      if (!(GROUP_OFFICE_KINDS as readonly string[]).includes(kind)) {
        err(
          "group_offices",
          `“${part.slice(0, 60)}” is not a group office. Use LEADER, CHAIR, CHIEF_WHIP or SPOKESPERSON:<portfolio>.`,
        );
        ok = false;
      } else if (kind === "SPOKESPERSON" && !portfolio) {
        err("group_offices", "Say what a spokesperson speaks for, like SPOKESPERSON:Planning Committee.");
        ok = false;
      } else if (kind !== "SPOKESPERSON" && portfolio) {
        err("group_offices", `Only a spokesperson has a portfolio: write ${kind} on its own.`);
        ok = false;
      } else if (portfolio.length > PORTFOLIO_MAX) {
        err("group_offices", `Enter a portfolio of ${PORTFOLIO_MAX} characters or fewer.`);
        ok = false;
      } else if (!offices.some((o) => o.kind === kind && o.portfolio.toLowerCase() === portfolio.toLowerCase()))
        offices.push({ kind: kind as GroupOfficeKind, portfolio });
    }
    if (offices.length > LIST_MAX) {
      err("group_offices", `Name at most ${LIST_MAX} group offices.`);
      ok = false;
    }
    if (ok) v.offices = offices;
  }
  v.wards = orgList("wards", "ward", c.wards);
  if (v.wards === undefined) delete v.wards;
  v.committees = orgList("committees", "committee", c.committees);
  if (v.committees === undefined) delete v.committees;
  if (c.service !== undefined) {
    const s = oneLine(c.service);
    if (!s || orgName("service", "service", s)) v.service = s || null;
  }
  if (c.seniority !== undefined) {
    const s = codeOf(c.seniority);
    if (s === "") v.seniority = null;
    else if (s === "JUNIOR" || s === "SENIOR") v.seniority = s;
    else err("seniority", "Enter the seniority as JUNIOR or SENIOR, or leave it empty.");
  }
  if (c.tier !== undefined) {
    const t = whole(c.tier, 1, TIER_MAX);
    if (t === "bad") err("tier", `Enter the tier as a whole number from 1 to ${TIER_MAX}, or leave it empty.`);
    else v.tier = t;
  }
  if (c.jnc !== undefined) {
    const j = c.jnc.trim().toLowerCase();
    if (["yes", "y", "true", "1"].includes(j)) v.jnc = true;
    else if (["no", "n", "false", "0", ""].includes(j)) v.jnc = false;
    else err("jnc", "Enter yes or no for JNC, or leave it empty.");
  }
  if (c.weekly_capacity_hours !== undefined) {
    const h = whole(c.weekly_capacity_hours, 0, CAPACITY_MAX);
    if (h === "bad")
      err(
        "weekly_capacity_hours",
        `Enter the hours a week as a whole number from 0 to ${CAPACITY_MAX}, or leave it empty.`,
      );
    else v.capacity = h;
  }
  v.chiefOfficerOf = orgList("chief_officer_of", "service", c.chief_officer_of);
  if (v.chiefOfficerOf === undefined) delete v.chiefOfficerOf;
  if (c.cabinet_portfolio !== undefined) {
    const name = oneLine(c.cabinet_portfolio);
    if (name.length > PORTFOLIO_MAX)
      err("cabinet_portfolio", `Enter a portfolio name of ${PORTFOLIO_MAX} characters or fewer.`);
    else v.portfolioName = name || null;
  }
  v.portfolioServices = orgList("portfolio_services", "service", c.portfolio_services);
  if (v.portfolioServices === undefined) delete v.portfolioServices;
  return { values: errors.length ? null : v, errors };
}

// ---- The plan ----------------------------------------------------------------------------------------------------

export type OrgItem = { id: string; name: string; retired: boolean };
export type ExistingOffice = { id: string; groupId: string; kind: GroupOfficeKind; portfolio: string };

/** A person of the council, as the import compares them. */
export type ExistingPerson = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  jobTitle: string | null;
  roles: StoredRole[];
  partyGroupId: string | null;
  serviceId: string | null;
  seniority: "JUNIOR" | "SENIOR" | null;
  tier: number | null;
  jnc: boolean;
  weeklyCapacityHours: number | null;
  wardIds: string[];
  committeeIds: string[];
  chairOfIds: string[];
  offices: ExistingOffice[];
  chiefOfIds: string[];
  portfolioName: string | null;
  portfolioServiceIds: string[];
};

/** What the council has now, for the rows of one file. */
export type CouncilState = {
  profileKey: string;
  /** The administrator importing: they cannot take away their own ADMIN role. */
  viewerId: string;
  /** People of this council whose address is in the file. */
  people: ExistingPerson[];
  /** Addresses in the file that belong to accounts of other councils. */
  elsewhere: Set<string>;
  groups: OrgItem[];
  wards: OrgItem[];
  services: (OrgItem & { chiefOfficerId: string | null; chiefOfficerName: string | null })[];
  committees: OrgItem[];
  /** Holders of the one-per-group offices (Leader, Chair, Chief Whip) in the council. */
  exclusiveHolders: (ExistingOffice & { userId: string; userName: string })[];
};

/** An organisation item a person ends up with: `id` null when the import creates it (by `name`). */
export type OrgRef = { id: string | null; name: string };

export type PersonFinal = {
  name: string;
  jobTitle: string | null;
  roles: StoredRole[];
  group: OrgRef | null;
  service: OrgRef | null;
  seniority: "JUNIOR" | "SENIOR" | null;
  tier: number | null;
  jnc: boolean;
  capacity: number | null;
  wards: OrgRef[];
  committees: OrgRef[];
  offices: { group: OrgRef; kind: GroupOfficeKind; portfolio: string }[];
  chiefOf: OrgRef[];
  portfolio: string | null;
  portfolioServices: OrgRef[];
};

/** What a person looked like, in words (organisation by name): the AdminEvent's before and after. */
export type Snapshot = Record<string, string | number | boolean | null | string[]>;

export type PlannedPerson = {
  line: number;
  email: string;
  kind: "create" | "update" | "unchanged";
  /** The existing person's id (null for a new one). */
  id: string | null;
  active: boolean;
  final: PersonFinal;
  /** Keys of the snapshot that change (every non-empty one for a new person). */
  changed: string[];
  before: Snapshot | null;
  after: Snapshot;
};

export type ImportPlan = {
  rows: number;
  people: PlannedPerson[];
  newGroups: string[];
  newWards: string[];
  newServices: string[];
  /** Offices of people not in the file that the import takes from them (giving them to someone in the file). */
  takenOfficeIds: string[];
  /** Services whose Chief Officer changes: to a person of the file (by email) or to nobody. */
  chiefChanges: { service: OrgRef; toEmail: string | null }[];
  /** Changes to people not in the file, in words (offices and services taken from them). */
  sideEffects: string[];
  counts: { create: number; update: number; unchanged: number };
};

const SNAPSHOT_LABELS: Record<string, string> = {
  name: "Name",
  jobTitle: "Job title",
  roles: "Roles",
  partyGroup: "Party group",
  groupOffices: "Group offices",
  wards: "Wards",
  committees: "Committees",
  service: "Service",
  seniority: "Seniority",
  tier: "Tier",
  jnc: "JNC",
  weeklyCapacityHours: "Weekly capacity (hours)",
  chiefOfficerOf: "Chief Officer of",
  cabinetPortfolio: "Cabinet portfolio",
  portfolioServices: "Portfolio services",
};
export const snapshotLabel = (k: string) => SNAPSHOT_LABELS[k] ?? k;

const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, "en-GB"));
const officeText = (o: { kind: GroupOfficeKind; portfolio: string }) =>
  o.kind === "SPOKESPERSON" ? `SPOKESPERSON:${o.portfolio}` : o.kind;

function snapshotOf(f: PersonFinal): Snapshot {
  return {
    name: f.name,
    jobTitle: f.jobTitle,
    roles: [...f.roles],
    partyGroup: f.group?.name ?? null,
    groupOffices: sorted(f.offices.map(officeText)),
    wards: sorted(f.wards.map((w) => w.name)),
    committees: sorted(f.committees.map((c) => c.name)),
    service: f.service?.name ?? null,
    seniority: f.seniority,
    tier: f.tier,
    jnc: f.jnc,
    weeklyCapacityHours: f.capacity,
    chiefOfficerOf: sorted(f.chiefOf.map((s) => s.name)),
    cabinetPortfolio: f.portfolio,
    portfolioServices: sorted(f.portfolioServices.map((s) => s.name)),
  };
}

const same = (a: Snapshot[string], b: Snapshot[string]) => JSON.stringify(a) === JSON.stringify(b);
const empty = (v: Snapshot[string]) => v === null || v === false || (Array.isArray(v) && v.length === 0);

/** Finds organisation items by name, whatever the case; new names (in the file's spelling) are collected. */
class Names {
  private readonly exact = new Map<string, OrgItem>();
  private readonly anyCase = new Map<string, OrgItem>();
  private readonly ids = new Map<string, OrgItem>();
  readonly created = new Map<string, string>();
  constructor(items: OrgItem[]) {
    for (const it of items) {
      this.exact.set(it.name, it);
      this.ids.set(it.id, it);
      if (!this.anyCase.has(it.name.toLowerCase())) this.anyCase.set(it.name.toLowerCase(), it);
    }
  }
  /** The exact spelling first, then any case. */
  find(name: string): OrgItem | null {
    return this.exact.get(name) ?? this.anyCase.get(name.toLowerCase()) ?? null;
  }
  byId(id: string | null): OrgItem | null {
    return id ? (this.ids.get(id) ?? null) : null;
  }
  /** An existing item, or a new one to create (the first spelling in the file wins). */
  ref(name: string): { ref: OrgRef; item: OrgItem | null } {
    const it = this.find(name);
    if (it) return { ref: { id: it.id, name: it.name }, item: it };
    const key = name.toLowerCase();
    if (!this.created.has(key)) this.created.set(key, name);
    return { ref: { id: null, name: this.created.get(key)! }, item: null };
  }
}

const refOf = (it: OrgItem): OrgRef => ({ id: it.id, name: it.name });

/**
 * A list column's items (new names to create), refusing a retired item the person does not already have; retired
 * items the person still has are kept, as forms no longer offer them and files need not name them.
 */
function withRetiredKept(
  names: Names,
  listed: string[],
  heldIds: string[],
  onRetired: (item: OrgItem) => void,
): OrgRef[] {
  const named = listed.map((n) => {
    const { ref, item } = names.ref(n);
    if (item?.retired && !heldIds.includes(item.id)) onRetired(item);
    return ref;
  });
  const kept = heldIds
    .map((id) => names.byId(id))
    .filter((x): x is OrgItem => !!x?.retired && !named.some((n) => n.id === x.id))
    .map(refOf);
  return [...named, ...kept];
}
const keyOf = (r: OrgRef) => (r.id ? `id:${r.id}` : `new:${r.name.toLowerCase()}`);

/**
 * Checks every row against the council as it is and against the other rows, and works out what the import would do.
 * Returns the problems (each with its line) or the plan; with any problem nothing may be written.
 */
export function planImport(
  rows: RowValues[],
  state: CouncilState,
): { errors: ImportError[]; plan: ImportPlan | null } {
  const errors: ImportError[] = [];
  const err = (line: number, column: ImportColumn | undefined, message: string) =>
    errors.push({ line, column, message: `Line ${line}: ${message}` });
  const existing = new Map(state.people.map((p) => [p.email, p]));
  const groups = new Names(state.groups);
  const wards = new Names(state.wards);
  const services = new Names(state.services);
  const committees = new Names(state.committees);
  const firstLine = new Map<string, number>();
  const people: PlannedPerson[] = [];

  for (const r of rows) {
    const seenOn = firstLine.get(r.email);
    if (seenOn !== undefined) {
      err(r.line, "email", `${r.email} is also on line ${seenOn}. Each person can appear once in a file.`);
      continue;
    }
    firstLine.set(r.email, r.line);
    if (state.elsewhere.has(r.email)) {
      err(
        r.line,
        "email",
        `${r.email} is already used by an account of another council. Each address can have one account: use a different one.`,
      );
      continue;
    }
    const p = existing.get(r.email) ?? null;
    if (!p && r.roles === undefined) {
      err(r.line, "roles", "a new person needs their roles, but the file has no roles column.");
      continue;
    }
    const before = p ? currentOf(p, { groups, wards, services, committees }) : null;
    const line = r.line;
    const f: PersonFinal = before
      ? { ...before, offices: [...before.offices] }
      : {
          name: r.name,
          jobTitle: null,
          roles: [],
          group: null,
          service: null,
          seniority: null,
          tier: null,
          jnc: false,
          capacity: null,
          wards: [],
          committees: [],
          offices: [],
          chiefOf: [],
          portfolio: null,
          portfolioServices: [],
        };
    const problems = errors.length;
    f.name = r.name;
    if (r.jobTitle !== undefined) f.jobTitle = r.jobTitle;
    if (r.roles !== undefined) f.roles = r.roles;
    if (p && p.id === state.viewerId && !f.roles.includes("ADMIN"))
      err(line, "roles", "you cannot remove your own ADMIN role. Ask another administrator to do it.");
    if (r.partyGroup !== undefined) {
      if (r.partyGroup === null) f.group = null;
      else {
        const { ref, item } = groups.ref(r.partyGroup);
        if (item?.retired && item.id !== p?.partyGroupId)
          err(
            line,
            "party_group",
            `the party group ${item.name} is retired. Reinstate it first, or name another.`,
          );
        f.group = ref;
      }
    }
    if (r.service !== undefined) {
      if (r.service === null) f.service = null;
      else {
        const { ref, item } = services.ref(r.service);
        if (item?.retired && item.id !== p?.serviceId)
          err(line, "service", `the service ${item.name} is retired. Reinstate it first, or name another.`);
        f.service = ref;
      }
    }
    const retired = (column: ImportColumn, what: string) => (item: OrgItem) =>
      err(line, column, `the ${what} ${item.name} is retired. Reinstate it first, or leave it out.`);
    if (r.wards !== undefined)
      f.wards = withRetiredKept(wards, r.wards, p?.wardIds ?? [], retired("wards", "ward"));
    if (r.committees !== undefined) {
      const named: OrgRef[] = [];
      for (const name of r.committees) {
        const item = committees.find(name);
        if (!item)
          err(
            line,
            "committees",
            `there is no committee called ${name}. Add it on the organisation page first, or check the spelling.`,
          );
        else if (item.retired && !p?.committeeIds.includes(item.id))
          err(line, "committees", `the committee ${item.name} is retired. Reinstate it first, or leave it out.`);
        else named.push(refOf(item));
      }
      // Kept: retired committees they still sit on, and those they chair (a chair is a member).
      const kept = (p?.committeeIds ?? [])
        .map((id) => committees.byId(id))
        .filter(
          (c): c is OrgItem =>
            !!c && (c.retired || !!p?.chairOfIds.includes(c.id)) && !named.some((n) => n.id === c.id),
        )
        .map(refOf);
      f.committees = [...named, ...kept];
    }
    if (r.seniority !== undefined) f.seniority = r.seniority;
    if (r.tier !== undefined) f.tier = r.tier;
    if (r.jnc !== undefined) f.jnc = r.jnc;
    if (r.capacity !== undefined) f.capacity = r.capacity;
    if (r.offices !== undefined) {
      if (r.offices.length && !f.group)
        err(line, "group_offices", "group offices are held in a party group: fill in party_group too.");
      f.offices = f.group ? r.offices.map((o) => ({ group: f.group!, ...o })) : [];
    } else if (f.group) {
      // Offices stay only in the group the person is (still) in.
      const g = f.group;
      f.offices = f.offices.filter((o) => keyOf(o.group) === keyOf(g));
    } else f.offices = [];
    if (r.chiefOfficerOf !== undefined)
      f.chiefOf = withRetiredKept(
        services,
        r.chiefOfficerOf,
        p?.chiefOfIds ?? [],
        retired("chief_officer_of", "service"),
      );
    if (r.portfolioName !== undefined) f.portfolio = r.portfolioName;
    if (r.portfolioServices !== undefined)
      f.portfolioServices = withRetiredKept(
        services,
        r.portfolioServices,
        p?.portfolioServiceIds ?? [],
        retired("portfolio_services", "service"),
      );
    const givesPortfolio = !!r.portfolioName || !!r.portfolioServices?.length;
    if (givesPortfolio && !f.roles.includes("CABINET_MEMBER"))
      err(
        line,
        r.portfolioName ? "cabinet_portfolio" : "portfolio_services",
        "only Cabinet Members (role CABINET_MEMBER) hold a Cabinet portfolio. Add CABINET_MEMBER to roles or clear it.",
      );
    else if (givesPortfolio && !f.portfolio && f.portfolioServices.some((s) => !services.byId(s.id)?.retired))
      err(
        line,
        "cabinet_portfolio",
        "a portfolio with services needs its name: fill in cabinet_portfolio (for example Environment).",
      );
    // What a role allows: a councillor's details for councillors, an officer's for officers (checked on what the
    // row itself gives, so that a person's older details never block a file).
    if (!f.roles.includes("MEMBER")) {
      if (r.wards?.length) err(line, "wards", "only councillors (role MEMBER) have wards.");
      if (r.committees?.length) err(line, "committees", "only councillors (role MEMBER) sit on committees.");
      if (r.offices?.length) err(line, "group_offices", "only councillors (role MEMBER) hold group offices.");
      if (r.partyGroup && !f.roles.includes("POLITICAL_ASSISTANT"))
        err(
          line,
          "party_group",
          "only councillors (role MEMBER) and political assistants belong to a party group.",
        );
    }
    if (!f.roles.includes("OFFICER")) {
      const officerOnly: [ImportColumn, boolean][] = [
        ["service", !!r.service],
        ["seniority", !!r.seniority],
        ["tier", r.tier !== undefined && r.tier !== null],
        ["jnc", !!r.jnc],
        ["weekly_capacity_hours", r.capacity !== undefined && r.capacity !== null],
        ["chief_officer_of", !!r.chiefOfficerOf?.length],
      ];
      const wrong = officerOnly.filter(([, set]) => set).map(([c]) => c);
      if (wrong.length)
        err(
          line,
          wrong[0],
          `only officers (role OFFICER) have ${wrong.join(", ")}. Add OFFICER to roles or clear them.`,
        );
    }
    if (errors.length > problems) continue;
    const after = snapshotOf(f);
    const prev = before ? snapshotOf(before) : null;
    const changed = Object.keys(after).filter((k) => (prev ? !same(prev[k]!, after[k]!) : !empty(after[k]!)));
    people.push({
      line,
      email: r.email,
      kind: !p ? "create" : changed.length ? "update" : "unchanged",
      id: p?.id ?? null,
      active: p?.active ?? true,
      final: f,
      changed,
      before: prev,
      after,
    });
  }

  // One Leader, Chair and Chief Whip per group; one Chief Officer per service: the file may give each once, and
  // giving it takes it from whoever else held it.
  const sideEffects: string[] = [];
  const takenOfficeIds: string[] = [];
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const explicitOffice = new Map<string, PlannedPerson>();
  const explicitChief = new Map<string, PlannedPerson>();
  const rowOf = new Map(rows.map((r) => [r.email, r]));
  for (const pp of people) {
    const r = rowOf.get(pp.email)!;
    if (r.offices !== undefined)
      for (const o of pp.final.offices) {
        if (!EXCLUSIVE_OFFICES.includes(o.kind)) continue;
        const k = `${keyOf(o.group)}|${o.kind}`;
        const other = explicitOffice.get(k);
        if (other)
          err(
            pp.line,
            "group_offices",
            `line ${other.line} also gives ${OFFICE_LABELS[o.kind]} of ${o.group.name}. A group has one.`,
          );
        else explicitOffice.set(k, pp);
      }
    if (r.chiefOfficerOf !== undefined)
      for (const s of pp.final.chiefOf) {
        const k = keyOf(s);
        const other = explicitChief.get(k);
        if (other)
          err(
            pp.line,
            "chief_officer_of",
            `line ${other.line} also heads ${s.name}. A service has one Chief Officer.`,
          );
        else explicitChief.set(k, pp);
      }
  }
  if (errors.length) return { errors: sortErrors(errors), plan: null };

  // Offices kept by people of the file (no group_offices column) but given to someone else in it: taken from them.
  for (const pp of people) {
    const r = rowOf.get(pp.email)!;
    if (r.offices !== undefined) continue;
    const keep = pp.final.offices.filter((o) => {
      const holder = explicitOffice.get(`${keyOf(o.group)}|${o.kind}`);
      return !EXCLUSIVE_OFFICES.includes(o.kind) || !holder || holder === pp;
    });
    if (keep.length !== pp.final.offices.length) touch(pp, { ...pp.final, offices: keep });
  }
  for (const h of state.exclusiveHolders) {
    const taker = explicitOffice.get(`id:${h.groupId}|${h.kind}`);
    if (!taker || taker.id === h.userId) continue;
    if (people.some((x) => x.id === h.userId)) continue; // in the file: their own row rewrites their offices
    takenOfficeIds.push(h.id);
    const g = groups.byId(h.groupId);
    sideEffects.push(`${h.userName} is no longer ${OFFICE_LABELS[h.kind]} of ${g?.name ?? "their group"}`);
  }
  // Services: every service whose Chief Officer changes, and who heads it after.
  const chiefChanges: ImportPlan["chiefChanges"] = [];
  const chiefAfter = new Map<string, { service: OrgRef; toEmail: string | null }>();
  for (const pp of people) {
    const r = rowOf.get(pp.email)!;
    if (r.chiefOfficerOf === undefined) {
      // Kept, unless given to someone else in the file.
      const keep = pp.final.chiefOf.filter((s) => {
        const holder = explicitChief.get(keyOf(s));
        return !holder || holder === pp;
      });
      if (keep.length !== pp.final.chiefOf.length) touch(pp, { ...pp.final, chiefOf: keep });
      continue;
    }
    // Services they no longer head have none (unless someone else in the file is given them).
    const p = state.people.find((x) => x.id === pp.id);
    for (const id of p?.chiefOfIds ?? [])
      if (!pp.final.chiefOf.some((s) => s.id === id)) {
        const s = services.byId(id);
        if (s && !chiefAfter.has(`id:${id}`)) chiefAfter.set(`id:${id}`, { service: refOf(s), toEmail: null });
      }
  }
  for (const [k, pp] of explicitChief) {
    const s = pp.final.chiefOf.find((x) => keyOf(x) === k)!;
    chiefAfter.set(k, { service: s, toEmail: pp.email });
  }
  for (const change of chiefAfter.values()) {
    const current = change.service.id ? state.services.find((s) => s.id === change.service.id) : null;
    const currentHolder = current?.chiefOfficerId ?? null;
    const to = change.toEmail ? byEmail.get(change.toEmail)! : null;
    if (to && to.id !== null && to.id === currentHolder) continue;
    if (!to && !currentHolder) continue;
    chiefChanges.push(change);
    if (
      current?.chiefOfficerId &&
      current.chiefOfficerName &&
      !people.some((x) => x.id === current.chiefOfficerId)
    )
      sideEffects.push(`${current.chiefOfficerName} is no longer Chief Officer of ${current.name}`);
  }

  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const pp of people) counts[pp.kind] += 1;
  return {
    errors: [],
    plan: {
      rows: rows.length,
      people,
      newGroups: [...groups.created.values()],
      newWards: [...wards.created.values()],
      newServices: [...services.created.values()],
      takenOfficeIds,
      chiefChanges,
      sideEffects,
      counts,
    },
  };

  function touch(pp: PlannedPerson, f: PersonFinal) {
    pp.final = f;
    pp.after = snapshotOf(f);
    pp.changed = Object.keys(pp.after).filter((k) =>
      pp.before ? !same(pp.before[k]!, pp.after[k]!) : !empty(pp.after[k]!),
    );
    if (pp.kind !== "create") pp.kind = pp.changed.length ? "update" : "unchanged";
  }
}

/** A person as they are now, in the plan's terms. */
function currentOf(
  p: ExistingPerson,
  n: { groups: Names; wards: Names; services: Names; committees: Names },
): PersonFinal {
  const refs = (names: Names, ids: string[]) =>
    ids
      .map((id) => names.byId(id))
      .filter((x): x is OrgItem => !!x)
      .map(refOf);
  const group = n.groups.byId(p.partyGroupId);
  const service = n.services.byId(p.serviceId);
  return {
    name: p.name,
    jobTitle: p.jobTitle,
    roles: STORED_ROLES.filter((r) => p.roles.includes(r)),
    group: group ? refOf(group) : null,
    service: service ? refOf(service) : null,
    seniority: p.seniority,
    tier: p.tier,
    jnc: p.jnc,
    capacity: p.weeklyCapacityHours,
    wards: refs(n.wards, p.wardIds),
    committees: refs(n.committees, p.committeeIds),
    offices: p.offices.flatMap((o) => {
      const g = n.groups.byId(o.groupId);
      return g ? [{ group: refOf(g), kind: o.kind, portfolio: o.portfolio }] : [];
    }),
    chiefOf: refs(n.services, p.chiefOfIds),
    portfolio: p.portfolioName,
    portfolioServices: refs(n.services, p.portfolioServiceIds),
  };
}

export function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

// ---- Everything before the database ------------------------------------------------------------------------------

/** Parses and checks a file on its own (no database): the rows' values, or the problems found. */
export function readImportFile(csvText: string, profileKey: string): { rows: RowValues[]; errors: ImportError[] } {
  if (new TextEncoder().encode(csvText).length > IMPORT_MAX_BYTES)
    return {
      rows: [],
      errors: [{ line: null, message: "The file must be 2 MB or smaller. Split it into parts." }],
    };
  const parsed = parseCsv(csvText);
  if (parsed.error) return { rows: [], errors: [parsed.error] };
  const read = readRows(parsed.records);
  if ("fatal" in read) return { rows: [], errors: read.fatal };
  const roles = roleLookup(profileKey);
  const errors = [...read.errors];
  const rows: RowValues[] = [];
  for (const raw of read.rows) {
    const r = validateRow(raw, roles);
    errors.push(...r.errors);
    if (r.values) rows.push(r.values);
  }
  return { rows, errors: sortErrors(errors) };
}

// ---- What the page shows -----------------------------------------------------------------------------------------

export type PreviewChange = {
  line: number;
  email: string;
  name: string;
  kind: "create" | "update";
  /** "Wards: North → North, South" (a new person: "Wards: North, South"). */
  details: string[];
};

export type ImportPreview = {
  rows: number;
  counts: ImportPlan["counts"];
  newGroups: string[];
  newWards: string[];
  newServices: string[];
  sideEffects: string[];
  changes: PreviewChange[];
  /** Changes beyond those listed. */
  moreChanges: number;
  /** Fingerprint of the plan: applying checks the council has not changed since the preview. */
  digest: string;
};

/** What the page shows of a value: role names as the council says them, lists joined, "none" for nothing. */
export function describeValue(profileKey: string, key: string, v: Snapshot[string]): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return "none";
  if (key === "roles" && Array.isArray(v)) {
    const profile = getProfile(profileKey);
    return v.map((r) => roleLabel(profile, r as StoredRole)).join(", ");
  }
  if (key === "groupOffices" && Array.isArray(v))
    return v
      .map((o) => {
        const [kind, ...rest] = o.split(":");
        const label = OFFICE_LABELS[kind as GroupOfficeKind] ?? kind!;
        return rest.length ? `${label} (${rest.join(":")})` : label;
      })
      .join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return Array.isArray(v) ? v.join(", ") : String(v);
}

export function previewOf(plan: ImportPlan, profileKey: string, digest: string): ImportPreview {
  const changes = plan.people.filter((p) => p.kind !== "unchanged");
  return {
    rows: plan.rows,
    counts: plan.counts,
    newGroups: plan.newGroups,
    newWards: plan.newWards,
    newServices: plan.newServices,
    sideEffects: plan.sideEffects.slice(0, IMPORT_PREVIEW_ROWS),
    changes: changes.slice(0, IMPORT_PREVIEW_ROWS).map((p) => ({
      line: p.line,
      email: p.email,
      name: p.final.name,
      kind: p.kind as "create" | "update",
      details: p.changed.map((k) =>
        p.before
          ? `${snapshotLabel(k)}: ${describeValue(profileKey, k, p.before[k]!)} → ${describeValue(profileKey, k, p.after[k]!)}`
          : `${snapshotLabel(k)}: ${describeValue(profileKey, k, p.after[k]!)}`,
      ),
    })),
    moreChanges: Math.max(0, changes.length - IMPORT_PREVIEW_ROWS),
    digest,
  };
}

/** A plan as plain data, for its fingerprint. */
export function planFingerprintSource(plan: ImportPlan): string {
  return JSON.stringify([
    plan.people.map((p) => [p.email, p.kind, p.id, p.after, p.before]),
    plan.newGroups,
    plan.newWards,
    plan.newServices,
    plan.takenOfficeIds,
    plan.chiefChanges,
  ]);
}

/** What the import form shows after each step. */
export type ImportState = {
  errors: ImportError[];
  /** Problems found beyond those kept. */
  moreErrors: number;
  preview: ImportPreview | null;
  /** The file's text, carried from the preview to "Apply" (checked again there). */
  csv: string;
  fileName: string;
  /** A message above the preview (e.g. the council changed since the last preview). */
  notice?: string;
};

export const INITIAL_IMPORT_STATE: ImportState = {
  errors: [],
  moreErrors: 0,
  preview: null,
  csv: "",
  fileName: "",
};
