// Search across everything and saved queue views (issue 13 point 6), on real PostgreSQL with the demo councils,
// through searchEverything and the saved-view form handlers exactly as the pages and actions call them. Search is
// level-aware (DEF-B6): the reference for anyone who may see a request, the subject with SUMMARY, the details,
// readable messages and file names with FULL — and never an internal note for the member who made the request.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { addAttachment } from "@/lib/requests/attachments";
import { fileBriefingRequest } from "@/lib/requests/briefings";
import { submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { getRequestDetail, readableMessageSql } from "@/lib/requests/queries";
import { handleDeleteView, handleSaveView, listSavedViews, SAVED_VIEW_NAME_MAX } from "@/lib/requests/saved-views";
import {
  SEARCH_PAGE_SIZE,
  searchEverything,
  snippetParts,
  type SearchHit,
  type SearchResult,
} from "@/lib/requests/search";
import { createMatrixRecords, MATRIX_VIEWERS, viewerFor, type Level } from "../security/matrix-records";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2027-03-03T10:00:00Z");
let seq = 0;
/** A word no other test writes: letters only, so the English stemmer leaves it searchable as typed. */
const word = (stem: string) =>
  `${stem}${(process.pid * 1000 + Date.now() + ++seq)
    .toString(26)
    .replace(/\d/g, (d) => "qrstuvwxyz"[Number(d)]!)}`;
const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;

const MEMBER = "yasmin.clarke@cheshire-west.example";
const DIRECTOR = "nadia.brook@cheshire-west.example";
const OFFICER = "kieran.walsh@cheshire-west.example";
const OTHER_MEMBER = "simon.greatorex@cheshire-west.example";

async function search(email: string, q: string, page = 1): Promise<SearchHit[]> {
  const r = await searchEverything(await as(email), q, page);
  if (r.kind !== "results") throw new Error(`no results for ${q}: ${JSON.stringify(r)}`);
  return r.items;
}
const found = async (email: string, q: string, id: string) => (await search(email, q)).find((h) => h.id === id);
const shown = (h: SearchHit) => `${h.reference} ${h.subject} ${(h.snippet ?? []).map((p) => p.text).join("")}`;
const marked = (h: SearchHit) => (h.snippet ?? []).filter((p) => p.mark).map((p) => p.text.toLowerCase());

async function ask(subject: string, details = "Which roads in my ward are gritted?"): Promise<string> {
  const place = await prisma.service.findFirstOrThrow({
    where: { name: "Place Operations", council: { slug: "cheshire-west" } },
  });
  const out = await submitInformationForm(
    await as(MEMBER),
    {
      subject,
      details,
      category: "GENERAL",
      thirdPartyData: "no",
      councilRoleDeclared: true,
      serviceId: place.id,
      needToKnowGrounds: "Residents asked at my surgery.",
    },
    `search-${word("k")}`,
    NOW,
  );
  expect(out.errors).toEqual({});
  return out.id!;
}
const act = async (email: string, requestId: string, action: string, values: Record<string, string> = {}) =>
  handleRequestAction(await as(email), { requestId, action, ...values }, NOW);

describe("search across everything", () => {
  it("a member finds their own request by a word in the reply, with the word highlighted", async () => {
    const w = word("saltbarn");
    const id = await ask("Winter gritting on estate roads");
    expect(
      await act(DIRECTOR, id, "GRANT", {
        reply: `The ${w} depot grits your ward's routes first.`,
        marking: "NONE",
      }),
    ).toEqual({ done: "GRANT", requestId: id });
    const hit = await found(MEMBER, w, id);
    expect(hit).toBeDefined();
    expect(hit!.matchedIn).toBe("the reply");
    expect(marked(hit!)).toEqual([w]);
    expect(hit!.snippet!.map((p) => p.text).join("")).toContain("depot grits your ward");
    expect(hit!.subject).toBe("Winter gritting on estate roads");
    // Words in the subject and details are found too, stemmed ("gritted" finds "gritting"), and so is the reference.
    expect((await found(MEMBER, "gritted estate", id))?.matchedIn).toBe("the subject");
    const ref = (await prisma.request.findUniqueOrThrow({ where: { id } })).reference;
    const byRef = await search(MEMBER, ref.toLowerCase());
    expect(byRef[0]).toMatchObject({ id, matchedIn: "the reference", snippet: null });
    // Another group's member of the same council finds nothing of it, by any field.
    for (const q of [w, "gritted estate", ref]) expect(await found(OTHER_MEMBER, q, id)).toBeUndefined();
  });

  it("a file name is found by its words with FULL access only", async () => {
    const w = word("culvert");
    const id = await ask("Flooding at the underpass");
    await addAttachment(await as(MEMBER), id, {
      name: `${w}_survey-2026.pdf`,
      type: "application/pdf",
      size: 9,
      bytes: new TextEncoder().encode("%PDF-1.4\n"),
    });
    const hit = await found(DIRECTOR, w, id);
    expect(hit).toMatchObject({
      matchedIn: "a file name",
      snippet: [{ text: `${w}_survey-2026.pdf`, mark: false }],
    });
    expect(await found(OTHER_MEMBER, w, id)).toBeUndefined();
  });

  it("WIG-B7, DEF-B6: another group never finds a party-group briefing; the Monitoring Officer finds it by reference only", async () => {
    const w = word("ringfence");
    const d = word("reserves");
    const keith = await as("keith.ormerod@wigan.example");
    const labour = await prisma.partyGroup.findFirstOrThrow({
      where: { name: "Labour Group", council: { slug: "wigan" } },
    });
    const place = await prisma.service.findFirstOrThrow({ where: { name: "Place", council: { slug: "wigan" } } });
    const r = await fileBriefingRequest(
      keith,
      {
        kind: "GROUP",
        groupIds: [labour.id],
        subjectKey: `search-${w}`,
        subject: `Budget ${w} options`,
        councilBusiness: `Cabinet budget and the ${d}`,
        committeeId: null,
        serviceId: place.id,
        meetingDate: null,
        onePartyMeeting: false,
      },
      { now: NOW },
    );
    // Same group: found by the subject, which is quoted with the word marked.
    const joan = await found("joan.pilling@wigan.example", w, r.id);
    expect(joan).toMatchObject({ matchedIn: "the subject", subject: `Budget ${w} options` });
    expect(marked(joan!)).toEqual([w]);
    // Other groups: not by the subject, not by the reference, not by the details.
    for (const email of [
      "gordon.fairclough@wigan.example",
      "elaine.marsden@wigan.example",
      "naomi.ward@wigan.example",
    ])
      for (const q of [w, r.reference, d]) expect(await found(email, q, r.id), `${email}: ${q}`).toBeUndefined();
    // Metadata only (DEF-B6): the reference matches, the subject and details never; nothing of them is shown.
    const mo = "martin.greaves@wigan.example";
    expect(await found(mo, w, r.id)).toBeUndefined();
    expect(await found(mo, d, r.id)).toBeUndefined();
    const byRef = await found(mo, r.reference, r.id);
    expect(byRef).toMatchObject({ matchedIn: "the reference", snippet: null, level: "METADATA" });
    expect(byRef!.subject).not.toContain(w);
    // Negation cannot probe the details either: "<reference> -<word in details>" is a reference search for them.
    expect(await found(mo, `${r.reference} -${d}`, r.id)).toBeUndefined();
  });

  it("an internal note is found by the officers on the request, never by the member who made it", async () => {
    const w = word("resurfacing");
    const id = await ask("Potholes on the high street");
    expect(await act(DIRECTOR, id, "ALLOCATE", { officerId: await userId(OFFICER) })).toEqual({
      done: "ALLOCATE",
      requestId: id,
    });
    expect(await act(OFFICER, id, "INTERNAL_NOTE", { notes: `Contractor says ${w} starts in April.` })).toEqual({
      done: "INTERNAL_NOTE",
      requestId: id,
    });
    const d = word("draftword");
    expect(await act(OFFICER, id, "DRAFT_REPLY", { draft: `Works ${d} planned.` })).toEqual({
      done: "DRAFT_REPLY",
      requestId: id,
    });
    expect((await found(OFFICER, w, id))?.matchedIn).toBe("an internal note");
    const director = await found(DIRECTOR, w, id);
    expect(director?.matchedIn).toBe("an internal note");
    expect(marked(director!)).toEqual([w]);
    expect((await found(DIRECTOR, d, id))?.matchedIn).toBe("a draft reply");
    // The member sees the request, but neither the note nor the draft: no match, and no quote of them.
    expect(await found(MEMBER, "potholes", id)).toBeDefined();
    expect(await found(MEMBER, w, id)).toBeUndefined();
    expect(await found(MEMBER, d, id)).toBeUndefined();
    expect(await found(MEMBER, `potholes ${w}`, id)).toBeUndefined();
    for (const h of await search(MEMBER, `potholes or ${w}`)) expect(shown(h)).not.toContain(w);
  });

  it("the SQL rule for readable messages selects exactly the messages the request page shows, for every viewer", async () => {
    const id = await ask("Street cleaning rota");
    await act(DIRECTOR, id, "ALLOCATE", { officerId: await userId(OFFICER) });
    await act(OFFICER, id, "INTERNAL_NOTE", { notes: "A note for the decider." });
    await act(OFFICER, id, "DRAFT_REPLY", { draft: "A draft reply." });
    await act(DIRECTOR, id, "GRANT", { reply: "The rota is attached.", marking: "NONE" });
    const people = [
      MEMBER,
      DIRECTOR,
      OFFICER,
      OTHER_MEMBER,
      "victor.hale@cheshire-west.example",
      "ruth.calloway@cheshire-west.example",
      "louise.barraclough@cheshire-west.example",
      "joanna.fielding@cheshire-west.example",
    ];
    let compared = 0;
    for (const email of people) {
      const v = await as(email);
      const page = await getRequestDetail(v, id).catch(() => null);
      if (!page || page.level !== "FULL") continue;
      const viaSql = await db().$queryRaw<{ id: string }[]>`SELECT m.id FROM "Message" m
        JOIN "Request" r ON r.id = m."requestId" WHERE r.id = ${id} AND ${readableMessageSql(v)}`;
      expect(viaSql.map((m) => m.id).sort(), email).toEqual(page.messages.map((m) => m.id).sort());
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it("% and _ are literal, not wildcards", async () => {
    const id = await ask("Dog fouling on the common");
    const ref = (await prisma.request.findUniqueOrThrow({ where: { id } })).reference;
    expect(ref).toMatch(/^[A-Z]+-\d+$/);
    // Part of a reference (a prefix, or the digits) finds it.
    expect(await found(MEMBER, ref.slice(0, -1), id)).toBeDefined();
    expect(await found(MEMBER, ref.slice(-4), id)).toBeDefined();
    // As wildcards, these would find it (or everything): they find nothing, or are not a search at all.
    for (const q of [
      "%",
      "_",
      "%%",
      "%-%",
      "_-",
      ref.replace("-", "_"),
      ref.replace("-", "%"),
      `${ref.slice(0, 2)}%`,
    ]) {
      const r: SearchResult = await searchEverything(await as(MEMBER), q, 1);
      expect(r.kind === "problem" || (r.kind === "results" && r.total === 0), q).toBe(true);
    }
  });

  it("empty, over-long and unsearchable input is a clear message, never an error", async () => {
    const v = await as(MEMBER);
    expect(await searchEverything(v, "", 1)).toEqual({ kind: "empty" });
    expect(await searchEverything(v, undefined, 1)).toEqual({ kind: "empty" });
    expect(await searchEverything(v, "   \t ", 1)).toEqual({ kind: "empty" });
    expect(await searchEverything(v, "x".repeat(101), 1)).toEqual({
      kind: "problem",
      message: "Enter 100 characters or fewer",
    });
    expect(await searchEverything(v, "the and of", 1)).toMatchObject({ kind: "problem" });
    for (const q of [
      '"',
      "-",
      "!!!",
      "a & b | c",
      '\'; DROP TABLE "Request"; --',
      "<script>",
      "\u0000\u0001x",
      "(((",
      "*:*",
    ])
      expect((await searchEverything(v, q, 1)).kind, q).toMatch(/results|problem/);
    // A page far beyond the results is an empty page, not an error; a silly page number is the first page.
    expect(await searchEverything(v, "gritting", 999)).toMatchObject({ kind: "results", items: [] });
    expect(await searchEverything(v, "gritting", -3)).toMatchObject({ kind: "results", page: 1 });
  });

  it("results come 25 a page, ranked, and are counted", async () => {
    const w = word("lamppost");
    for (let i = 0; i < SEARCH_PAGE_SIZE + 2; i++)
      await ask(`Lighting column ${i}`, `The ${w} on my street is out.`);
    const strong = await ask(
      `${w} ${w} outside the school`,
      `The ${w} by the school gate, and the ${w} opposite.`,
    );
    const first = await searchEverything(await as(MEMBER), w, 1);
    expect(first).toMatchObject({ kind: "results", total: SEARCH_PAGE_SIZE + 3, pages: 2, capped: false });
    if (first.kind !== "results") return;
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.items[0]!.id).toBe(strong);
    const second = await searchEverything(await as(MEMBER), w, 2);
    expect(second).toMatchObject({ kind: "results", page: 2 });
    if (second.kind !== "results") return;
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((h) => h.id)).size).toBe(SEARCH_PAGE_SIZE + 3);
  });

  it("ts_headline's markers become marked parts, and nothing else is markup", () => {
    expect(snippetParts("a \u0001road\u0002 and <b>\u0001roads\u0002</b>")).toEqual([
      { text: "a ", mark: false },
      { text: "road", mark: true },
      { text: " and <b>", mark: false },
      { text: "roads", mark: true },
      { text: "</b>", mark: false },
    ]);
    expect(snippetParts("stray \u0002 marker \u0001")).toEqual([{ text: "stray  marker ", mark: false }]);
    expect(snippetParts("")).toBeNull();
    expect(snippetParts(null)).toBeNull();
  });

  it("each field's words are read through its GIN index", async () => {
    const fields: [string, string][] = [
      [`"RequestSearch" x WHERE x."subjectVector"`, "RequestSearch_subject_idx"],
      [`"RequestSearch" x WHERE x."textVector"`, "RequestSearch_text_idx"],
      [`"Message" m WHERE m."bodyVector"`, "Message_body_search_idx"],
      [`"Attachment" f WHERE f."filenameVector"`, "Attachment_filename_search_idx"],
    ];
    for (const [from, index] of fields) {
      const plan = await db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT 1 FROM ${from} @@ websearch_to_tsquery('english', 'gritting')`,
        );
      });
      expect(plan.map((l) => l["QUERY PLAN"]).join("\n"), index).toContain(`Bitmap Index Scan on "${index}"`);
    }
  });

  it("a request's words follow its subject and details (the database keeps them)", async () => {
    const before = word("hedgerow");
    const after = word("verge");
    const id = await ask(`Overgrown ${before} on the lane`);
    expect(await prisma.requestSearch.count({ where: { requestId: id } })).toBe(1);
    expect(await found(MEMBER, before, id)).toBeDefined();
    await prisma.request.update({ where: { id }, data: { subject: `Overgrown ${after} on the lane` } });
    expect(await found(MEMBER, before, id)).toBeUndefined();
    expect((await found(MEMBER, after, id))?.matchedIn).toBe("the subject");
    await prisma.request.update({ where: { id }, data: { details: `Also the ${before} by the stile.` } });
    expect((await found(MEMBER, before, id))?.matchedIn).toBe("the request's details");
    // A status change does not rewrite them (the trigger watches the subject and details only).
    await prisma.request.update({ where: { id }, data: { version: { increment: 1 } } });
    expect(await prisma.requestSearch.count({ where: { requestId: id } })).toBe(1);
  });
});

describe("search and the authorisation matrix", () => {
  const RANK: Record<Level, number> = { NONE: 0, METADATA: 1, SUMMARY: 2, FULL: 3 };
  let fixtures: Awaited<ReturnType<typeof createMatrixRecords>>;
  beforeAll(async () => {
    fixtures = await createMatrixRecords(NOW);
  }, 120_000);

  it("no viewer matches, or is shown, more of a record than its request page allows", async () => {
    const leaks: string[] = [];
    let cases = 0;
    for (const v of MATRIX_VIEWERS) {
      const viewer = await viewerFor(v.email);
      for (const r of fixtures.records) {
        const allowed = r.expected[v.email] ?? "NONE";
        for (const [q, needs] of [
          [r.subjectToken, "SUMMARY"],
          [r.detailsToken, "FULL"],
          [r.reference, "METADATA"],
        ] as const) {
          const res = await searchEverything(viewer, q, 1);
          if (res.kind !== "results") throw new Error(`${q}: ${res.kind}`);
          const hit = res.items.find((h) => h.id === r.id);
          cases += 1;
          if (hit && RANK[needs] > RANK[allowed])
            leaks.push(`${v.email} matched ${r.key} by ${needs} (${allowed})`);
          const text = res.items.map(shown).join("\n");
          const revealed: Level = text.includes(r.detailsToken)
            ? "FULL"
            : text.includes(r.subjectToken)
              ? "SUMMARY"
              : text.includes(r.reference)
                ? "METADATA"
                : "NONE";
          if (RANK[revealed] > RANK[allowed])
            leaks.push(`${v.email} was shown ${revealed} of ${r.key} (${allowed})`);
          // Whoever may read a field finds the record by it.
          if (RANK[allowed] >= RANK[needs] && !hit) leaks.push(`${v.email} did not find ${r.key} by ${needs}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(cases).toBeGreaterThan(300);
  }, 300_000);
});

describe("saved views of the queue", () => {
  const HANDLER = "rebecca.shaw@wigan.example";
  const OTHER_HANDLER = "anil.kapoor@wigan.example";

  it("a handler saves the queue's filters under a name, sees it, and cannot save the name twice", async () => {
    const me = await as(HANDLER);
    const name = `Overdue complaints ${word("v")}`;
    // The query is re-parsed: unknown parameters, bad values and the page cursor are dropped.
    const out = await handleSaveView(me, {
      name: `  ${name} `,
      query: "?type=COMPLAINT&status=all&due=overdue&after=abc&evil=%3Cscript%3E&sort=bogus",
    });
    expect(out).toEqual({ errors: {}, values: {}, saved: name });
    const views = await listSavedViews(me);
    const view = views.find((x) => x.name === name);
    expect(view).toMatchObject({ query: "type=COMPLAINT&status=all&due=overdue" });
    expect(view!.href).toBe("/queue?type=COMPLAINT&status=all&due=overdue");

    const again = await handleSaveView(me, { name: name.toUpperCase(), query: "status=closed" });
    expect(again.errors).toEqual({ name: `You already have a view called ‘${name}’: choose another name` });
    expect(again.values.name).toBe(name.toUpperCase());
    // Two saves of one name at once: one is saved, the other told.
    const racing = `Racing ${word("r")}`;
    const both = await Promise.all([
      handleSaveView(me, { name: racing, query: "status=closed" }),
      handleSaveView(me, { name: racing, query: "status=all" }),
    ]);
    expect(both.filter((x) => x.saved).length).toBe(1);
    expect(both.filter((x) => x.errors.name).length).toBe(1);
    // Another person may use the same name: views are per person, and they do not see each other's.
    const other = await as(OTHER_HANDLER);
    expect((await handleSaveView(other, { name, query: "status=closed" })).saved).toBe(name);
    expect((await listSavedViews(other)).filter((x) => x.name === name)).toHaveLength(1);
    expect((await listSavedViews(other)).map((x) => x.id)).not.toContain(view!.id);
  });

  it("a view needs a name of at most 60 characters and some filters; a member has no queue to save", async () => {
    const me = await as(HANDLER);
    expect((await handleSaveView(me, { name: "   ", query: "status=all" })).errors).toEqual({
      name: "Enter a name for the view",
    });
    expect((await handleSaveView(me, { query: "status=all" })).errors).toEqual({
      name: "Enter a name for the view",
    });
    expect(
      (await handleSaveView(me, { name: "x".repeat(SAVED_VIEW_NAME_MAX + 1), query: "status=all" })).errors,
    ).toEqual({ name: `Enter ${SAVED_VIEW_NAME_MAX} characters or fewer` });
    expect((await handleSaveView(me, { name: "x".repeat(SAVED_VIEW_NAME_MAX), query: "status=all" })).saved).toBe(
      "x".repeat(SAVED_VIEW_NAME_MAX),
    );
    expect((await handleSaveView(me, { name: "Everything", query: "after=abc&nonsense=1" })).errors.form).toMatch(
      /Choose filters or a sort order first/,
    );
    expect((await handleSaveView(me, { name: "Long", query: "q=".padEnd(2000, "a") })).errors.form).toMatch(
      /cannot be saved/,
    );
    const member = await as("patricia.lunt@wigan.example");
    expect((await handleSaveView(member, { name: "Mine", query: "status=all" })).errors).toEqual({
      form: "The queue was not found.",
    });
    expect(await listSavedViews(member)).toEqual([]);
  });

  it("only its owner can delete a view: anyone else's id is not found", async () => {
    const me = await as(HANDLER);
    const name = `Due this week ${word("d")}`;
    await handleSaveView(me, { name, query: "due=week" });
    const view = (await listSavedViews(me)).find((x) => x.name === name)!;
    for (const email of [OTHER_HANDLER, "victor.hale@cheshire-west.example", "paul.hindley@wigan.example"]) {
      const out = await handleDeleteView(await as(email), { id: view.id });
      expect(out.errors, email).toEqual({ form: "That saved view was not found." });
    }
    expect((await handleDeleteView(me, { id: "not an id; DROP" })).errors.form).toMatch(/not found/);
    expect((await listSavedViews(me)).map((x) => x.id)).toContain(view.id);
    expect(await handleDeleteView(me, { id: view.id })).toEqual({ errors: {}, values: {}, deleted: name });
    expect((await listSavedViews(me)).map((x) => x.id)).not.toContain(view.id);
    expect((await handleDeleteView(me, { id: view.id })).errors.form).toMatch(/not found/);
    expect(await prisma.savedView.count({ where: { id: view.id } })).toBe(0);
  });
});
