// Working days in England and Wales: Monday–Friday, excluding bank holidays (shipped offline by the
// date-holidays package, region GB-ENG, type "public"). Dates are London calendar dates, "YYYY-MM-DD".
import Holidays from "date-holidays";

const holidays = new Holidays("GB", "ENG");
const cache = new Map<number, Set<string>>();

function bankHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, set);
  }
  return set;
}

const london = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The London calendar date of an instant. */
export function londonDate(instant: Date): string {
  return london.format(instant);
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (n ≥ 0; with n = 0, the next working day on or after `date`). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  while (!isWorkingDay(d)) d = shift(d, 1);
  for (let left = n; left > 0;) {
    d = shift(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}

/** The last working day before `date`. */
export function previousWorkingDay(date: string): string {
  let d = shift(date, -1);
  while (!isWorkingDay(d)) d = shift(d, -1);
  return d;
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
