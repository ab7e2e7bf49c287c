// The authorisation matrix over HTTP (issue 10): every viewer of two councils signs in for real; for every matrix
// record the request page is the oracle (404, or the level it shows) — checked against expectations written from
// the protocol — and every other read path over HTTP must show no more: search (the list's and across everything),
// the queue and its CSV, the dashboard and its CSV, notifications, the outbox, meetings, the confirmation page and
// the file download.
// No response may be a server error.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Level, MatrixFixtures, MatrixRecord } from "../security/matrix-records";
import { ROUTES } from "../security/routes";
import { recordSecurityFigures } from "../support/security-figures";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { expect, test } from "./fixtures";

const RANK: Record<Level, number> = { NONE: 0, METADATA: 1, SUMMARY: 2, FULL: 3 };

function revealed(text: string, r: MatrixRecord): Level {
  if (text.includes(r.detailsToken)) return "FULL";
  if (text.includes(r.subjectToken)) return "SUMMARY";
  if (text.includes(r.reference)) return "METADATA";
  return "NONE";
}

/** A signed-in HTTP client (the real sign-in: CSRF token, then the credentials callback). */
async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true", callbackUrl: `${baseURL}/` },
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const home = await ctx.get("/");
  expect(await home.text(), `${email} is signed in`).toContain('data-testid="signed-in-name"');
  return ctx;
}

test("authorisation matrix over HTTP: no read path shows more than the request page, and no server errors", async ({
  baseURL,
}) => {
  test.setTimeout(600_000);
  const fixtures = JSON.parse(readFileSync(process.env.E2E_MATRIX!, "utf8")) as MatrixFixtures;
  const leaks: string[] = [];
  const serverErrors: string[] = [];
  let cases = 0;
  const paths = new Set<string>();
  const get = async (ctx: APIRequestContext, url: string, route: string) => {
    paths.add(route);
    const res = await ctx.get(url, { maxRedirects: 0 });
    if (res.status() >= 500) serverErrors.push(`${res.status()} ${url}`);
    return {
      status: res.status(),
      text: res.status() === 200 ? await res.text() : "",
      location: res.headers()["location"] ?? "",
    };
  };
  /** The request page, or — for a section E record — the record's own page it sends the reader to. */
  const recordPage = async (ctx: APIRequestContext, id: string) => {
    const page = await get(ctx, `/requests/${id}`, "/requests/[id]");
    const moved =
      /^(?:https?:\/\/[^/]+)?\/(reports|correspondence|register|representations|agenda-items)\/([a-z0-9]+)$/.exec(
        page.location,
      );
    if (!(page.status >= 300 && page.status < 400 && moved)) return page;
    return get(ctx, `/${moved[1]}/${moved[2]}`, `/${moved[1]}/[id]`);
  };
  const check = (path: string, viewer: string, r: MatrixRecord, shown: Level, allowed: Level) => {
    cases += 1;
    if (RANK[shown] > RANK[allowed]) leaks.push(`${path}: ${viewer} saw ${shown} of ${r.key} (page: ${allowed})`);
  };

  for (const v of fixtures.viewers) {
    const ctx = await signedIn(baseURL!, v.email);
    // Pages that list many requests: fetched once per viewer, checked for every record.
    const lists: [string, string][] = [
      ["/queue/export?status=all", "/queue/export"],
      ["/requests/export", "/requests/export"],
      ["/dashboard/export", "/dashboard/export"],
      ["/dashboard", "/dashboard"],
      ["/notifications", "/notifications"],
      ["/admin/outbox", "/admin/outbox"],
      ["/meetings", "/meetings"],
      ["/queue?status=all", "/queue"],
      ["/requests", "/requests"],
      // Section E lists (issue 14).
      ["/reports", "/reports"],
      ["/correspondence", "/correspondence"],
      ["/register", "/register"],
      ["/representations", "/representations"],
      ["/agenda-items", "/agenda-items"],
    ];
    const listed = await Promise.all(lists.map(([url, route]) => get(ctx, url, route)));
    for (const r of fixtures.records) {
      const page = await recordPage(ctx, r.id);
      const allowed: Level = page.status === 404 ? "NONE" : revealed(page.text, r);
      // The oracle itself is checked against the protocol's expectations.
      expect(allowed, `${v.email} on ${r.key}: the request page`).toBe(r.expected[v.email]);
      const confirmation = await get(ctx, `/requests/${r.id}/confirmation`, "/requests/[id]/confirmation");
      check(
        "confirmation page",
        v.email,
        r,
        confirmation.status === 404 ? "NONE" : revealed(confirmation.text, r),
        allowed,
      );
      lists.forEach(([, route], i) => check(route, v.email, r, revealed(listed[i]!.text, r), allowed));
      for (const [q, needs] of [
        [r.subjectToken, "SUMMARY"],
        [r.detailsToken, "FULL"],
        [r.reference, "METADATA"],
      ] as const) {
        const search = await get(ctx, `/requests?q=${encodeURIComponent(q)}`, "/requests");
        const matched = search.text.includes(`/requests/${r.id}"`);
        check("search", v.email, r, matched ? needs : "NONE", allowed);
        // The page repeats what was typed (the search box, links): only what it adds counts.
        check("search results", v.email, r, revealed(search.text.split(q).join(""), r), allowed);
        // Search across everything: a match, and what its snippet quotes, at the page's level only.
        const everything = await get(ctx, `/search?q=${encodeURIComponent(q)}`, "/search");
        check(
          "search everything",
          v.email,
          r,
          everything.text.includes(`/requests/${r.id}"`) ? needs : "NONE",
          allowed,
        );
        check("search everything results", v.email, r, revealed(everything.text.split(q).join(""), r), allowed);
        const queue = await get(ctx, `/queue?status=all&q=${encodeURIComponent(q)}`, "/queue");
        if (queue.status === 200) {
          const qMatched = queue.text.includes(`/requests/${r.id}"`);
          check("queue search", v.email, r, qMatched ? needs : "NONE", allowed);
          check("queue results", v.email, r, revealed(queue.text.split(q).join(""), r), allowed);
        }
      }
      // An administrator's pages about the person holding the record list their open work (issue 15).
      if (r.holderId)
        for (const [url, route] of [
          [`/admin/users/${r.holderId}`, "/admin/users/[id]"],
          [`/admin/users?confirm=${r.holderId}`, "/admin/users"],
        ] as const) {
          const admin = await get(ctx, url, route);
          check(route, v.email, r, revealed(admin.text, r), allowed);
        }
      if (r.meetingId)
        for (const [url, route] of [
          [`/meetings/${r.meetingId}`, "/meetings/[id]"],
          [`/meetings/${r.meetingId}/print`, "/meetings/[id]/print"],
        ] as const) {
          const pack = await get(ctx, url, route);
          check(route, v.email, r, revealed(pack.text, r), allowed);
        }
      if (r.attachmentId) {
        const file = await get(
          ctx,
          `/requests/${r.id}/attachments/${r.attachmentId}`,
          "/requests/[id]/attachments/[attachmentId]",
        );
        check("attachment", v.email, r, file.status === 200 ? "FULL" : "NONE", allowed);
      }
    }
    await ctx.dispose();
  }
  const httpRoutes = Object.entries(ROUTES)
    .filter(([, c]) => c.kind === "http")
    .map(([k]) => k);
  expect(
    httpRoutes.filter((r) => !paths.has(r)),
    "routes the matrix says it checks over HTTP",
  ).toEqual([]);
  recordSecurityFigures("matrix-http", {
    routesChecked: paths.size,
    roleRecordCases: cases,
    leaks: leaks.length,
    serverErrors: serverErrors.length,
  });
  expect(leaks).toEqual([]);
  expect(serverErrors).toEqual([]);
});
