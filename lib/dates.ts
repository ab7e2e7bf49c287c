// London calendar dates (pure, no holiday data: safe in client bundles). Working-day arithmetic is in
// lib/protocol/working-days.ts.
const london = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The London calendar date of an instant, YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  return london.format(instant);
}

/** A calendar date (YYYY-MM-DD) moved by whole days. */
export function shiftDays(iso: string, days: number): string {
  return new Date(new Date(`${iso}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
