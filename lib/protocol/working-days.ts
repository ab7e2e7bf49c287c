// Working days in England and Wales: Monday–Friday, excluding bank holidays (shipped offline by the
// date-holidays package, region GB-ENG, type "public"). Dates are London calendar dates, "YYYY-MM-DD".
//
// The arithmetic does not walk day by day: weekdays are counted with whole weeks, and bank holidays with a binary
// search over one sorted list, so a date ten years or ten thousand years away costs the same (a far-future date once
// froze the server). Bank holidays are known for HOLIDAY_YEARS; outside them only weekends count.
import Holidays from "date-holidays";
import { londonDate } from "@/lib/dates";

export const HOLIDAY_YEARS = { from: 1990, to: 2110 } as const;
const DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (any year 0000–9999). */
function dayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY,
  );
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const weekday = (n: number) => (((n + 3) % 7) + 7) % 7;

let holidayDays: number[] | undefined;
let holidaySet: Set<number> | undefined;

/** Bank holidays on weekdays (substitute days included), as sorted day numbers; computed once. */
function weekdayHolidays(): number[] {
  if (!holidayDays) {
    const hd = new Holidays("GB", "ENG");
    const days = new Set<number>();
    for (let y = HOLIDAY_YEARS.from; y <= HOLIDAY_YEARS.to; y++)
      for (const h of hd.getHolidays(y)) {
        const n = dayNumber(h.date.slice(0, 10));
        if (h.type === "public" && weekday(n) < 5) days.add(n);
      }
    holidayDays = [...days].sort((a, b) => a - b);
    holidaySet = days;
  }
  return holidayDays;
}

/** How many entries of a sorted list are ≤ x. */
function countAtMost(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weekdays in the day numbers 0 … n (inclusive), counted from the epoch; constant time. */
function weekdaysUpTo(n: number): number {
  // Shift so that day 0 is a Monday: 1970-01-05 is day 4.
  const m = n - 4;
  const weeks = Math.floor(m / 7);
  const rest = m - weeks * 7; // 0 … 6
  return weeks * 5 + Math.min(rest + 1, 5);
}

/** Working days in the day numbers (a, b]; constant in b − a apart from a binary search. */
function workingDaysIn(a: number, b: number): number {
  if (b <= a) return 0;
  const hol = weekdayHolidays();
  return weekdaysUpTo(b) - weekdaysUpTo(a) - (countAtMost(hol, b) - countAtMost(hol, a));
}

function isWorkingDayNumber(n: number): boolean {
  weekdayHolidays();
  return weekday(n) < 5 && !holidaySet!.has(n);
}

export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(dayNumber(date));
}

/** The next working day on or after a day number (a few steps at most: holidays come in short runs). */
function onOrAfterWorkingDay(n: number): number {
  let d = n;
  while (!isWorkingDayNumber(d)) d += 1;
  return d;
}

/** The date `n` working days after `date` (n ≥ 0; with n = 0, the next working day on or after `date`). */
export function addWorkingDays(date: string, n: number): string {
  const start = onOrAfterWorkingDay(dayNumber(date));
  if (n <= 0) return fromDayNumber(start);
  // The smallest day d with n working days in (start, d]: binary search between n and 2n + 14 days ahead.
  let lo = start + n;
  let hi = start + 2 * n + 14;
  while (workingDaysIn(start, hi) < n) hi += n + 14;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingDaysIn(start, mid) >= n) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(lo);
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return b >= a ? workingDaysIn(a, b) : -workingDaysIn(b, a);
}

/** The last working day before `date`. */
export function previousWorkingDay(date: string): string {
  let d = dayNumber(date) - 1;
  while (!isWorkingDayNumber(d)) d -= 1;
  return fromDayNumber(d);
}

/** "due in 3 working days", "due today", "overdue by 2 working days". */
export function describeDue(due: string, now: Date): string {
  const today = londonDate(now);
  if (due === today) return "due today";
  const n = workingDaysBetween(today, due);
  if (n > 0) return `due in ${n} working day${n === 1 ? "" : "s"}`;
  if (n === 0) return "due today";
  return `overdue by ${-n} working day${n === -1 ? "" : "s"}`;
}
