// What every typed value goes through before it is stored, searched for or shown: one place for text, ids and
// dates (pure; the forms in the browser use the same schemas). Bad input gets a message, never a 500 or a hang.
import { z } from "zod";

/** Bidirectional-override and isolate controls: they make a name read differently from what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0 controls (NUL included) and DEL, except tab and line feed; C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text as it is kept: NFC, Windows line ends made plain, control and bidi-override characters removed. */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(BIDI_CONTROLS, "");
}

/** A single line (subjects, titles, file names, email headers): line breaks and tabs become spaces. */
export function oneLine(s: string): string {
  return cleanText(s)
    .replace(/[\n\t\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** At least one letter, digit, symbol or punctuation mark: not only spaces or invisible characters. */
export function hasVisibleCharacter(s: string): boolean {
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(s);
}

const tooLong = (max: number) => `Enter ${max} characters or fewer`;

/** Required free text (several lines allowed). */
export const requiredText = (max: number, message: string) =>
  z
    .string({ error: message })
    .transform((s) => cleanText(s).trim())
    .pipe(z.string().max(max, tooLong(max)).refine(hasVisibleCharacter, message));

/** Required single line: subjects and titles (also used in email subjects, so never a line break). */
export const requiredLine = (max: number, message: string) =>
  z
    .string({ error: message })
    .transform(oneLine)
    .pipe(z.string().max(max, tooLong(max)).refine(hasVisibleCharacter, message));

/** Optional free text: "" when absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .default("")
    .transform((s) => cleanText(s).trim())
    .pipe(z.string().max(max, tooLong(max)));

/** Record ids (cuid): letters and digits only, so a forged value never reaches a query. */
export const ID_PATTERN = /^[a-z0-9]{1,64}$/i;
export const isId = (s: unknown): s is string => typeof s === "string" && ID_PATTERN.test(s);

/** An id chosen in a form: null when empty; anything that is not an id is refused with the message. */
export const optionalId = (message = "Choose from the list") =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || ID_PATTERN.test(v), message)
    .transform((v) => (v ? v : null));

export const requiredId = (message: string) => z.string({ error: message }).trim().regex(ID_PATTERN, message);

/** A search box: cleaned to one line, at most 100 characters; anything unusable is simply no search. */
export const searchText = z.string().transform(oneLine).pipe(z.string().max(100)).catch("").default("");

/** Escapes LIKE's wildcards so that % and _ are searched for literally (PostgreSQL's default escape is \). */
export function literalLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- Dates -------------------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function shiftYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`.replace(
    /-02-29$/,
    "-02-28",
  );
}

/** The range every date in the service lies in: from 2000 to ten years ahead of today. */
export const EARLIEST_DATE = "2000-01-01";
export const latestDate = (today: string) => shiftYears(today, 10);

/** Dates of future events (meetings, proposed dates): today to two years ahead. */
export const FUTURE_EVENT_YEARS = 2;

/**
 * An optional date field, YYYY-MM-DD, bounded: `min` and `max` are YYYY-MM-DD (inclusive). Empty gives null.
 * Messages follow the GOV.UK date-input pattern: say what is wrong and what to enter.
 */
/**
 * A GOV.UK date input's day, month and year, joined "year-month-day" (components/DateInput.tsx), as an ISO date:
 * "2027-1-4" → "2027-01-04"; all parts empty → "". Anything else is left for the date check to refuse.
 */
export function joinedDate(v: string): string {
  if (/^-*$/.test(v)) return "";
  const m = /^\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

/** "2027-01-14" → "14 January 2027" (GOV.UK date style in messages). */
const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

export const optionalDate = (label: string, bounds: () => { min: string; max: string }) =>
  z
    .string()
    .optional()
    .transform((v) => joinedDate((v ?? "").trim()))
    .superRefine((v, ctx) => {
      if (v === "") return;
      if (!isRealDate(v)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a real date, for example 14 1 2027` });
        return;
      }
      const { min, max } = bounds();
      if (v < min) ctx.addIssue({ code: "custom", message: `${label} must be on or after ${longDate(min)}` });
      else if (v > max)
        ctx.addIssue({ code: "custom", message: `${label} must be on or before ${longDate(max)}` });
    })
    .transform((v) => (v ? v : null));

/** An instant from a URL (cursors, "before" links): null when it is not a date in the service's range. */
export function boundedInstant(s: string, now = new Date()): Date | null {
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const day = d.toISOString().slice(0, 10);
  return day >= EARLIEST_DATE && day <= latestDate(now.toISOString().slice(0, 10)) ? d : null;
}

// ---- Files -------------------------------------------------------------------------------------------------------

/** A file name as stored and offered for download: one line, no path, no bidi tricks, at most 150 characters. */
export function safeFileName(name: string): string {
  const base = oneLine(name).split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/^\.+/, "").slice(-150).trim();
  return cleaned && hasVisibleCharacter(cleaned) ? cleaned : "file";
}
