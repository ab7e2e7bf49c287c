// Fuzzing every page and route handler over HTTP (issue 10): generated query strings and path ids — NUL bytes,
// control and bidi characters, huge values, repeated parameters, out-of-range cursors and dates — signed in as a
// handler who can open every page. No response may be a server error, and none may hang.
import fc from "fast-check";
import { recordSecurityFigures } from "../support/security-figures";
import { expect, signIn, test } from "./fixtures";

const PATHS = [
  "/",
  "/requests",
  "/queue",
  "/queue/export",
  "/search",
  "/dashboard",
  "/dashboard/export",
  "/notifications",
  "/people",
  "/meetings",
  "/admin/users",
  "/admin/outbox",
  "/requests/new",
  "/requests/new/information",
  "/requests/new/briefing",
  "/notices/new",
  "/account",
];
const PARAMS = [
  "q",
  "type",
  "status",
  "due",
  "groupId",
  "wardId",
  "serviceId",
  "assignee",
  "sort",
  "after",
  "page",
  "before",
  "overdue",
  "done",
  "error",
  "user",
  "callbackUrl",
  "deleteView",
  "view",
];

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "%00",
    "a%00b",
    "%E2%80%AE",
    "9999-12-31T00:00:00Z_x",
    "+275760-09-13T00:00:00.000Z_abc",
    "eyJ2IjoiOTk5OTktMDEtMDEiLCJpZCI6IngifQ",
    "eyJ2IjoiMjAyNi0xMy00NSIsImlkIjoiXHUwMDAwIn0",
    "-1",
    "99999999999999999999",
    "NaN",
    "%25",
    "_",
    "../../",
  ),
  fc.string({ minLength: 300, maxLength: 3000 }),
);

test("no page or export answers a generated query string or id with a server error", async ({ page, baseURL }) => {
  test.setTimeout(420_000);
  // The Town Clerk opens the queue, the dashboard, meetings and the notices form; the user administrator the rest.
  const clients: { email: string; paths: string[] }[] = [
    { email: "margaret.doyle@halstead.example", paths: PATHS },
    { email: "kevin.styles@halstead.example", paths: ["/admin/users", "/admin/outbox", "/requests"] },
  ];
  let requests = 0;
  const serverErrors: string[] = [];
  for (const c of clients) {
    await page.context().clearCookies();
    await signIn(page, c.email);
    const api = page.context().request;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...c.paths),
        fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 4 }),
        async (path, params) => {
          const qs = params
            .map(([k, v]) => `${k}=${/%[0-9A-F]{2}/.test(v) ? v : encodeURIComponent(v)}`)
            .join("&");
          const res = await api.get(`${baseURL}${path}${qs ? `?${qs}` : ""}`, {
            maxRedirects: 0,
            timeout: 30_000,
          });
          requests += 1;
          if (res.status() >= 500) serverErrors.push(`${res.status()} ${path}?${qs.slice(0, 200)}`);
        },
      ),
      { numRuns: 600 },
    );
    // Forged ids in the path: request pages, confirmations and file downloads.
    await fc.assert(
      fc.asyncProperty(value, value, async (id, file) => {
        for (const url of [
          `/requests/${encodeURIComponent(id)}`,
          `/requests/${encodeURIComponent(id)}/confirmation`,
          `/requests/${encodeURIComponent(id)}/attachments/${encodeURIComponent(file)}`,
          `/requests/a%00b`,
        ]) {
          const res = await api.get(`${baseURL}${url}`, { maxRedirects: 0, timeout: 30_000 });
          requests += 1;
          if (res.status() >= 500) serverErrors.push(`${res.status()} ${url.slice(0, 200)}`);
        }
      }),
      { numRuns: 60 },
    );
  }
  recordSecurityFigures("fuzz-http", { fuzzInputs: requests, serverErrors: serverErrors.length });
  expect(serverErrors).toEqual([]);
  expect(requests).toBeGreaterThanOrEqual(1500);
});
