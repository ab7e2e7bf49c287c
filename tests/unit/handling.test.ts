// Pure pieces of the handling side: CSV cells, the email text, queue parameters and cursors, week buckets.
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/csv";
import { emailText } from "@/lib/email/dispatch";
import { mailerFromEnv } from "@/lib/email/mailer";
import { weekStart } from "@/lib/requests/dashboard";
import { decodeCursor, encodeCursor } from "@/lib/requests/queue";
import { parseQueueParams, queueQuery } from "@/lib/requests/queue-params";
import { parseDashboardParams } from "@/lib/requests/dashboard-params";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const f of ["=SUM(A1)", "+1", "-1", "@cmd", "\tx"])
      expect(csvCell(f).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, null, "x,y"])).toBe('a,1,,"x,y"\r\n');
  });
});

describe("email", () => {
  it("greets the person, says what happened, links to the request and names the council", () => {
    const text = emailText(
      { title: "WIG-000042 “Potholes”: refused", body: "", requestId: "abc" },
      "Patricia Lunt",
      "Wigan Council",
      "https://requests.example.gov.uk/",
    );
    expect(text).toContain("Dear Patricia Lunt,");
    expect(text).toContain("WIG-000042 “Potholes”: refused");
    expect(text).toContain("https://requests.example.gov.uk/requests/abc");
    expect(text).toContain("Members' Requests — Wigan Council");
  });
  it("sends nothing without SMTP_URL (the outbox holds it) and hides the password when describing the server", () => {
    expect(mailerFromEnv({})).toBeNull();
    expect(mailerFromEnv({ SMTP_URL: "  " })).toBeNull();
    expect(mailerFromEnv({ SMTP_URL: "smtp://user:secret@mail.example:587" })!.describe).toBe(
      "smtp://***@mail.example:587",
    );
  });
});

describe("queue parameters", () => {
  it("fall back to defaults on bad values rather than failing, and round-trip into links", () => {
    const p = parseQueueParams({
      type: "NOPE",
      status: "x",
      due: "overdue",
      sort: "sideways",
      groupId: "'; drop table",
      q: "  potholes  ",
      after: ["a", "b"],
    });
    expect(p).toMatchObject({
      type: "",
      status: "open",
      due: "overdue",
      sort: "due",
      groupId: "",
      q: "potholes",
      after: "a",
    });
    expect(queueQuery(p)).toBe("due=overdue&q=potholes");
    expect(queueQuery(p, { after: "c1" })).toBe("due=overdue&q=potholes&after=c1");
    expect(parseDashboardParams({ overdue: "yes", type: "COMPLAINT", age: "99", status: "NOPE" })).toEqual({
      type: "COMPLAINT",
      serviceId: "",
      overdue: "",
      soon: "",
      officer: "",
      status: "",
      age: "",
    });
  });
  it("cursors decode only what they encoded", () => {
    const c = { v: "2027-01-04T00:00:00.000Z", id: "abc" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(encodeCursor({ v: null, id: "x" }))).toEqual({ v: null, id: "x" });
    for (const bad of [
      "",
      "not base64 json",
      Buffer.from('{"v":"nonsense","id":"x"}').toString("base64url"),
      Buffer.from('{"v":null}').toString("base64url"),
    ])
      expect(decodeCursor(bad)).toBeNull();
  });
});

describe("weeks", () => {
  it("a week starts on Monday", () => {
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // Sunday
    expect(weekStart("2026-11-23")).toBe("2026-11-23"); // Monday
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
});

describe("the open-request indexes (docs/performance.md)", () => {
  it("the partial indexes' predicate is exactly the queries' OPEN_SQL, so PostgreSQL can use them", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { OPEN_SQL } = await import("@/lib/requests/sql");
    // The newest migration that (re)builds the indexes holds the predicate in force.
    const dir = readdirSync("prisma/migrations")
      .filter((d) => d.endsWith("_open_request_indexes") || d.endsWith("_open_indexes"))
      .sort()
      .at(-1)!;
    const sql = readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8");
    const predicates = [...sql.matchAll(/WHERE ("status" NOT IN \([^)]*\))/g)].map((m) => m[1]);
    expect(predicates.length).toBeGreaterThanOrEqual(5);
    for (const p of predicates) expect(p).toBe(OPEN_SQL().sql.replace('"r".status', '"status"'));
  });
});

describe("CSV downloads stream and stop cleanly", () => {
  it("reads one batch per pull, and a download closed half way stops reading without errors", async () => {
    const { csvResponse } = await import("@/lib/csv");
    let read = 0;
    let stopped = false;
    async function* batches() {
      try {
        for (let i = 0; i < 100; i++) {
          read += 1;
          yield [[`row ${i}`, "=SUM(A1)"]];
        }
      } finally {
        stopped = true;
      }
    }
    const res = await csvResponse("x.csv", ["A", "B"], batches());
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const reader = res.body!.getReader();
    const first = new TextDecoder("utf-8", { ignoreBOM: true }).decode((await reader.read()).value);
    expect(first).toBe("\uFEFFA,B\r\n");
    const second = new TextDecoder().decode((await reader.read()).value);
    expect(second).toBe("row 0,'=SUM(A1)\r\n");
    await reader.cancel();
    expect(stopped).toBe(true);
    expect(read).toBeLessThan(5);
  });
});
