// Pure parts of issue 10 (trust): input cleaning and bounds, constant-time working days, the throttle's counter,
// security headers, the client address behind proxies.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { nextCounter } from "@/lib/auth/throttle";
import { LIMITS } from "@/lib/auth/throttle-policy";
import { addWorkingDays, isWorkingDay, previousWorkingDay, workingDaysBetween } from "@/lib/protocol/working-days";
import { briefingFormSchema, informationFormSchema } from "@/lib/requests/schema";
import { contentSecurityPolicy, isHttps, securityHeaders } from "@/lib/security/headers";
import {
  boundedInstant,
  cleanText,
  hasVisibleCharacter,
  isRealDate,
  joinedDate,
  literalLike,
  oneLine,
  safeFileName,
  searchText,
} from "@/lib/validation";

const day = (d: string, n: number) => {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};
/** The old day-by-day definitions, as the reference the fast arithmetic must agree with. */
function slowAdd(date: string, n: number) {
  let d = date;
  while (!isWorkingDay(d)) d = day(d, 1);
  for (let left = n; left > 0;) {
    d = day(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
function slowBetween(a: string, b: string): number {
  if (b < a) return -slowBetween(b, a);
  let c = 0;
  for (let d = day(a, 1); d <= b; d = day(d, 1)) if (isWorkingDay(d)) c += 1;
  return c;
}

describe("DEF-A1 working days without walking day by day", () => {
  it("agrees with a day-by-day count over 2,000 random dates and distances, bank holidays included", () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) as number;
    for (let i = 0; i < 1000; i++) {
      const start = day("2020-01-01", rand(3650));
      const n = rand(250);
      expect(addWorkingDays(start, n), `${start} + ${n}`).toBe(slowAdd(start, n));
      const end = day(start, rand(600) - 300);
      expect(workingDaysBetween(start, end), `${start} → ${end}`).toBe(slowBetween(start, end));
    }
  });

  it("knows the Christmas bank holidays and substitute days (2026: 25, 28 December)", () => {
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(previousWorkingDay("2026-12-29")).toBe("2026-12-24");
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1);
  });

  it("answers at once for dates thousands of years away (a far-future date once froze the server)", () => {
    const t = performance.now();
    expect(workingDaysBetween("2026-01-01", "9999-12-31")).toBeGreaterThan(2_000_000);
    expect(addWorkingDays("2026-12-02", 2_000_000) > "9000-01-01").toBe(true);
    expect(performance.now() - t).toBeLessThan(50);
  });
});

describe("input is cleaned and bounded (issue 10, bad input)", () => {
  it("removes NUL and other control characters, and bidirectional overrides", () => {
    expect(cleanText("a\u0000b\u0007c\r\nd\u202Ee")).toBe("abc\nde");
    expect(oneLine("Subject\r\nBcc: victim@example.com")).toBe("Subject Bcc: victim@example.com");
  });

  it("a subject of only invisible characters is refused, with the field's message", () => {
    expect(hasVisibleCharacter("\u200B\u200C\u00A0 \t")).toBe(false);
    const r = informationFormSchema.safeParse({
      subject: "\u200B\u200B ",
      details: "x",
      category: "GENERAL",
      thirdPartyData: "no",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === "subject")?.message).toBe("Enter a subject for your request");
  });

  it("only real calendar dates, within range: 2026-13-45 and 2026-02-30 are not dates, 2150 is too far", () => {
    expect(isRealDate("2026-13-45")).toBe(false);
    expect(isRealDate("2026-02-30")).toBe(false);
    expect(isRealDate("2028-02-29")).toBe(true);
    const base = { subject: "s", subjectKey: "k", councilBusiness: "c", onePartyMeeting: "no" };
    for (const [meetingDate, message] of [
      ["2026-13-45", "The meeting date must be a real date, for example 14 1 2027"],
      ["2150-01-01", "The meeting date must be on or before"],
      ["9999-12-31", "The meeting date must be on or before"],
      ["2001-01-01", "The meeting date must be on or after"],
    ] as const) {
      const r = briefingFormSchema.safeParse({ ...base, meetingDate });
      expect(r.success, meetingDate).toBe(false);
      expect(r.error?.issues[0]?.message).toContain(message);
    }
  });

  it("a GOV.UK date input's day, month and year are joined into one date; partial or bad parts are refused", () => {
    expect(joinedDate("2027-1-4")).toBe("2027-01-04");
    expect(joinedDate("--")).toBe("");
    expect(joinedDate("")).toBe("");
    const base = { subject: "s", subjectKey: "k", councilBusiness: "c", onePartyMeeting: "no" };
    const ok = briefingFormSchema.safeParse({ ...base, meetingDate: "2027-3-9" });
    expect(ok.success && ok.data.meetingDate).toBe("2027-03-09");
    for (const partial of ["2027--9", "-3-9", "27-3-9", "2027-x-9"]) {
      const r = briefingFormSchema.safeParse({ ...base, meetingDate: partial });
      expect(r.error?.issues[0]?.message, partial).toContain("must be a real date, for example 14 1 2027");
    }
  });

  it("search boxes: one line, 100 characters at most, LIKE wildcards literal", () => {
    expect(searchText.parse("a\u0000b")).toBe("ab");
    expect(searchText.parse("x".repeat(101))).toBe("");
    expect(literalLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });

  it("cursors and links with dates out of range are ignored, not errors", () => {
    expect(boundedInstant("+275760-09-13T00:00:00.000Z")).toBeNull();
    expect(boundedInstant("1970-01-01T00:00:00Z")).toBeNull();
    expect(boundedInstant("not a date")).toBeNull();
    expect(boundedInstant("2026-11-30T10:00:00.000Z")?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("file names lose paths, line breaks and right-to-left overrides", () => {
    expect(safeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("a\r\nb.txt")).toBe("a b.txt");
    expect(safeFileName("\u200B")).toBe("file");
  });
});

describe("the sign-in throttle's counter (docs/decisions/0003)", () => {
  const t0 = new Date("2026-11-23T10:00:00Z");
  const at = (m: number) => new Date(t0.getTime() + m * 60_000);
  it("allows the limit, refuses the next and locks; after the lock one attempt goes through, then it locks again", () => {
    let c = { attempts: 0, windowStart: t0, lockedUntil: null as Date | null };
    const limit = LIMITS.acct;
    for (let i = 0; i < limit.attempts; i++) {
      const r = nextCounter(c, limit, t0);
      expect(r.refusedUntil).toBeNull();
      c = r.counter;
    }
    const over = nextCounter(c, limit, t0);
    expect(over.refusedUntil).toEqual(at(limit.lockMinutes));
    expect(nextCounter(over.counter, limit, at(0.5)).refusedUntil).toEqual(at(limit.lockMinutes));
    const after = nextCounter(over.counter, limit, at(limit.lockMinutes + 0.1));
    expect(after.refusedUntil).toBeNull();
    expect(nextCounter(after.counter, limit, at(limit.lockMinutes + 0.2)).refusedUntil).not.toBeNull();
  });

  it("a new window starts afresh", () => {
    const c = { attempts: 99, windowStart: t0, lockedUntil: null };
    expect(nextCounter(c, LIMITS.pair, at(16))).toEqual({
      counter: { attempts: 1, windowStart: at(16), lockedUntil: null },
      refusedUntil: null,
    });
  });
});

describe("security headers", () => {
  it("a nonce-based policy that forbids framing, objects and other origins' scripts", () => {
    const csp = contentSecurityPolicy("abc123", { https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only over HTTPS; the rest always", () => {
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=31536000/);
    expect(securityHeaders({ https: false })).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
    });
    expect(isHttps("http://x/", "https", "http://x")).toBe(true);
    expect(isHttps("http://x/", null, "http://x")).toBe(false);
  });

  it("the client address is the entry the trusted proxies added", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 1.1.1.1, 203.0.113.9", 2)).toBe("1.1.1.1");
    expect(clientAddress("<script>", 0)).toBe("unknown");
    expect(clientAddress(null, 0)).toBe("unknown");
  });
});
