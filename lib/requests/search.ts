// Search across everything (issue 13): references, subjects, details, the messages the viewer may read and file
// names — of the requests the viewer may see, each field only at the level that lets them read it (visibility.ts):
// a metadata-only viewer matches on the reference alone; SUMMARY adds the subject; FULL adds the details, readable
// messages (readableMessageSql, the SQL form of the request page's own rule) and file names.
//
// PostgreSQL full-text search (docs/decisions/0011-full-text-search.md) on stored word vectors with GIN indexes
// (migration full_text_search): RequestSearch (subject; subject and details), Message.bodyVector,
// Attachment.filenameVector. One statement: each field's newest SEARCH_CANDIDATES matches in the council, the
// viewer's level on each request found (levelSql), then per field the newest COUNT_CAP + 1 readable at that field's
// level, ranked (ts_rank); each request keeps its best match, and only the page's 25 rows get a highlighted passage
// (ts_headline). The work follows the matches, never the size of the history or of what the viewer can see.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { literalLike, oneLine } from "@/lib/validation";
import { CLOSED_STATUSES, REQUEST_TYPE_LABELS, STATUS_LABELS } from "./labels";
import { COUNT_CAP, readableMessageSql } from "./queries";
import { levelSql, subjectAtLevel, visibleSql, type Level } from "./visibility";

export const SEARCH_PAGE_SIZE = 25;
/** The longest search accepted (the same bound as every search box: searchText in lib/validation). */
export const SEARCH_MAX_LENGTH = 100;
/** Pages beyond the cap are never reached: at most COUNT_CAP results are ranked. */
export const SEARCH_MAX_PAGE = Math.ceil(COUNT_CAP / SEARCH_PAGE_SIZE);

/** Each field's newest matches in the council that a search considers (then keeps those the viewer may read): a
 * word used more often than this is searched in its newest uses only. The page says so to everyone, always — never
 * only when it happens, which would tell a person how often a word is used in requests they may not see. */
export const SEARCH_CANDIDATES = COUNT_CAP;

/** References are a council's prefix, a dash and digits ("WIG-000042"): a search is taken as (part of) one when it has
 * no space and has a digit or a dash. Other searches do not read references. */
export const mayBeReference = (q: string) => !/\s/.test(q) && /[\d-]/.test(q);

// ts_headline marks matches with these; both are control characters, which stored text never contains
// (cleanText removes them), and the page turns the marked parts into <mark> elements — never HTML from the database.
const START = "\u0001";
const STOP = "\u0002";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** How a match is described: "Matched in: the reply". */
const MESSAGE_FIELDS: Record<string, string> = {
  REPLY: "the reply",
  STAGE_REPLY: "the reply",
  HOLDING_REPLY: "the holding reply",
  PROCEDURAL_ADVICE: "procedural advice",
  ADVICE: "procedural advice",
  GOVERNANCE_ADVICE: "governance advice",
  CHAIR_ADVICE: "the Chairman's advice",
  COMMITTEE_INSTRUCTIONS: "the Committee's instructions",
  INTERNAL_NOTE: "an internal note",
  DRAFT_REPLY: "a draft reply",
  FOLLOW_UP: "a follow-up question",
  QUESTION: "a question to the member",
  RESPONSE: "the member's answer",
  SCOPE_PROPOSAL: "a proposed narrower scope",
  BRIEFING_NOTES: "the notes of the briefing",
  GROUP_REPORT: "the report for the group",
  NOTE: "information added",
};

type Field = "reference" | "subject" | "details" | "message" | "file";
/** The lowest level at which each field may be read (and so matched, and quoted). */
const FIELD_LEVEL: Record<Field, Level> = {
  reference: "METADATA",
  subject: "SUMMARY",
  details: "FULL",
  message: "FULL",
  file: "FULL",
};
const RANK: Record<Level, number> = { METADATA: 1, SUMMARY: 2, FULL: 3 };

export type SnippetPart = { text: string; mark: boolean };

export type SearchHit = {
  id: string;
  reference: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  closed: boolean;
  /** The subject at the viewer's level (only the type for metadata-only access). */
  subject: string;
  level: Level;
  /** Where the words were found, in words: "the subject", "the reply", "a file name". */
  matchedIn: string;
  /** A short passage of that field with the matches marked; null when there is none to show. */
  snippet: SnippetPart[] | null;
  /** Set when the matching passage is in a confidential or exempt item, which is read (and logged) on its page. */
  withheld: string | null;
};

export type SearchResult =
  | { kind: "empty" }
  | { kind: "problem"; message: string }
  | {
      kind: "results";
      q: string;
      items: SearchHit[];
      page: number;
      pages: number;
      /** Matching requests, counted up to COUNT_CAP. */
      total: number;
      /** More than COUNT_CAP of what the viewer may see match. */
      capped: boolean;
    };

/** The search box's value: one line, bounded; a message when it cannot be searched for. */
export function parseSearch(raw: unknown): { q: string } | { problem: string } {
  const q = typeof raw === "string" ? oneLine(raw) : "";
  if (!q) return { problem: "Enter words or a reference to search for" };
  if (q.length > SEARCH_MAX_LENGTH) return { problem: `Enter ${SEARCH_MAX_LENGTH} characters or fewer` };
  return { q };
}

/** ts_headline's output as text and marked parts (the markers themselves never reach the page). */
export function snippetParts(s: string | null): SnippetPart[] | null {
  if (!s || !s.trim()) return null;
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of s.split(new RegExp(`${START}([^${STOP}]*)${STOP}`)).entries()) {
    const text = chunk.replace(new RegExp(`[${START}${STOP}]`, "g"), "");
    if (text) parts.push({ text, mark: i % 2 === 1 });
  }
  return parts.length ? parts : null;
}

type Row = {
  id: string;
  reference: string;
  type: string;
  subject: string;
  status: string;
  level: Level | null;
  field: Field;
  messageKind: string | null;
  marked: boolean;
  filename: string | null;
  snippet: string | null;
  total: number;
};

/**
 * Everything the viewer may see that matches `q`, best first, `SEARCH_PAGE_SIZE` a page. Bad input is a message,
 * never an error: an empty or over-long search, or one with no word that can be searched for.
 */
export async function searchEverything(viewer: Viewer, raw: unknown, page = 1): Promise<SearchResult> {
  if (typeof raw !== "string" || !raw.trim()) return { kind: "empty" };
  const parsed = parseSearch(raw);
  if ("problem" in parsed) return { kind: "problem", message: parsed.problem };
  const q = parsed.q;
  const p = Number.isInteger(page) && page >= 1 ? Math.min(page, SEARCH_MAX_PAGE) : 1;

  // Only words can be found through the indexes: a search of common words ("the") or of exclusions alone ("-road")
  // has none, and would read every row; it can still match a reference.
  const [tree] = await db().$queryRaw<{ words: boolean }[]>`
    SELECT querytree(websearch_to_tsquery('english', ${q})) NOT IN ('', 'T') AS words`;
  const words = !!tree?.words;
  const reference = mayBeReference(q);
  if (!words && !reference)
    return {
      kind: "problem",
      message:
        "Enter a more specific word or a reference: common words such as ‘the’ and ‘and’ are not searched for",
    };

  const rows = await db().$queryRaw<Row[]>(searchStatement(viewer, q, p, { words, reference }));
  const count = rows[0]?.total ?? 0;
  const capped = count > COUNT_CAP;
  const total = Math.min(count, COUNT_CAP);
  return {
    kind: "results",
    q,
    page: p,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    total,
    capped,
    items: rows.map((r) => toHit(r)),
  };
}

/**
 * The one statement of a search page (exported for tests/load/search-explain.ts, which explains it at 100,000
 * requests). `words`: the search has a word the indexes can find; `reference`: it could be part of a reference.
 */
export function searchStatement(
  viewer: Viewer,
  q: string,
  page: number,
  { words, reference }: { words: boolean; reference: boolean },
): Prisma.Sql {
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const council = viewer.council.id;
  const limit = COUNT_CAP + 1;
  // 1. Each field's matches in the viewer's council (each row carries its request's council), newest first, at most
  //    SEARCH_CANDIDATES: read through the field's GIN index (or, for a very common word, its newest rows) and
  //    materialised, with the word vectors that rank them — never the viewer's whole history.
  const matches: Prisma.Sql[] = [];
  const ids: Prisma.Sql[] = [];
  if (reference) {
    // References are read from the (council, reference) index alone, newest first (they are numbered in order),
    // and only the matching ones are then read from the requests. They are written in capitals (the council's
    // protocol key, a dash, digits: store.ts), so an upper-cased LIKE — several times faster than ILIKE — matches
    // exactly what ILIKE would.
    matches.push(
      Prisma.sql`reference_names AS MATERIALIZED (SELECT x.reference FROM "Request" x
        WHERE x."councilId" = ${council} AND x.reference LIKE ${`%${literalLike(q.toUpperCase())}%`}
        ORDER BY x."councilId" DESC, x.reference DESC LIMIT ${SEARCH_CANDIDATES})`,
      Prisma.sql`reference_match AS MATERIALIZED (SELECT r.id, r.reference, r."createdAt" FROM reference_names n
        JOIN "Request" r ON r."councilId" = ${council} AND r.reference = n.reference)`,
    );
    ids.push(Prisma.sql`SELECT id FROM reference_match`);
  }
  if (words) {
    matches.push(
      Prisma.sql`subject_match AS MATERIALIZED (SELECT x."requestId" AS id, x."createdAt", x."subjectVector" AS vec
        FROM "RequestSearch" x WHERE x."councilId" = ${council} AND x."subjectVector" @@ ${tsq}
        ORDER BY x."createdAt" DESC LIMIT ${SEARCH_CANDIDATES})`,
      Prisma.sql`text_match AS MATERIALIZED (SELECT x."requestId" AS id, x."createdAt", x."textVector" AS vec
        FROM "RequestSearch" x WHERE x."councilId" = ${council} AND x."textVector" @@ ${tsq}
        ORDER BY x."createdAt" DESC LIMIT ${SEARCH_CANDIDATES})`,
      // With the columns readableMessageSql reads (kind, author), under the alias it expects ("m").
      Prisma.sql`message_match AS MATERIALIZED (SELECT m.id, m."requestId", m.kind, m."authorId", m."createdAt",
          m."bodyVector" AS vec
        FROM "Message" m WHERE m."councilId" = ${council} AND m."bodyVector" @@ ${tsq}
        ORDER BY m."createdAt" DESC LIMIT ${SEARCH_CANDIDATES})`,
      Prisma.sql`file_match AS MATERIALIZED (SELECT f.id, f."requestId", f."createdAt", f."filenameVector" AS vec
        FROM "Attachment" f WHERE f."councilId" = ${council} AND f."filenameVector" @@ ${tsq}
        ORDER BY f."createdAt" DESC LIMIT ${SEARCH_CANDIDATES})`,
    );
    ids.push(
      Prisma.sql`SELECT id FROM subject_match`,
      Prisma.sql`SELECT id FROM text_match`,
      Prisma.sql`SELECT "requestId" AS id FROM message_match`,
      Prisma.sql`SELECT "requestId" AS id FROM file_match`,
    );
  }
  // 2. The viewer's level on each request found — levelSql, from the visibility builder: NULL when they may not see
  //    it — one index probe per request, the same work for a member as for a Chief Executive who sees thousands.
  const candidates = Prisma.sql`candidates AS MATERIALIZED (
    SELECT c.id, ${levelSql(viewer, "c")} AS level FROM (${Prisma.join(ids, " UNION ")}) c)`;
  // 3. Each field keeps the newest COUNT_CAP + 1 of its matches the viewer may read at that field's level, ranked.
  const branches: Prisma.Sql[] = [];
  if (reference)
    branches.push(Prisma.sql`(SELECT s.id AS rid, 'reference'::text AS field, NULL::text AS mid, s."createdAt" AS at,
        CASE WHEN s.reference = ${q.toUpperCase()} THEN 3 ELSE 2 END::float8 AS score
      FROM reference_match s JOIN candidates c ON c.id = s.id
      WHERE c.level IS NOT NULL ORDER BY s."createdAt" DESC LIMIT ${limit})`);
  if (words)
    branches.push(
      Prisma.sql`(SELECT s.id AS rid, 'subject' AS field, NULL::text AS mid, s."createdAt" AS at,
          ts_rank(s.vec, ${tsq})::float8 AS score
        FROM subject_match s JOIN candidates c ON c.id = s.id
        WHERE c.level IN ('FULL', 'SUMMARY') ORDER BY s."createdAt" DESC LIMIT ${limit})`,
      Prisma.sql`(SELECT s.id AS rid, 'details' AS field, NULL::text AS mid, s."createdAt" AS at,
          0.6 * ts_rank(s.vec, ${tsq})::float8 AS score
        FROM text_match s JOIN candidates c ON c.id = s.id
        WHERE c.level = 'FULL' ORDER BY s."createdAt" DESC LIMIT ${limit})`,
      Prisma.sql`(SELECT v."requestId" AS rid, 'message' AS field, v.id AS mid, v."createdAt" AS at,
          0.5 * ts_rank(v.vec, ${tsq})::float8 AS score
        FROM (SELECT m.* FROM message_match m JOIN candidates c ON c.id = m."requestId" WHERE c.level = 'FULL') v
        JOIN "Request" r ON r.id = v."requestId"
        WHERE ${readableMessageSql(viewer, "v", "r")}
        ORDER BY v."createdAt" DESC, v.id LIMIT ${limit})`,
      Prisma.sql`(SELECT s."requestId" AS rid, 'file' AS field, s.id AS mid, s."createdAt" AS at,
          0.4 * ts_rank(s.vec, ${tsq})::float8 AS score
        FROM file_match s JOIN candidates c ON c.id = s."requestId"
        WHERE c.level = 'FULL' ORDER BY s."createdAt" DESC, s.id LIMIT ${limit})`,
    );
  return Prisma.sql`
    WITH ${Prisma.join(matches, ",\n")},
    ${candidates},
    hits AS (${Prisma.join(branches, " UNION ALL ")}),
    best AS (
      SELECT DISTINCT ON (h.rid) h.rid, h.field, h.mid, h.at, h.score FROM hits h ORDER BY h.rid, h.score DESC, h.field
    ),
    page AS (
      SELECT b.*, count(*) OVER () AS total FROM best b
      ORDER BY b.score DESC, b.at DESC, b.rid DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT r.id, r.reference, r.type::text AS type, r.subject, r.status, c.level,
      k.field, k.total::int AS total, m.kind AS "messageKind",
      (m.id IS NOT NULL AND m.marking <> 'NONE' AND m."madePublicAt" IS NULL) AS marked,
      f.filename,
      CASE k.field
        WHEN 'subject' THEN ts_headline('english', r.subject, ${tsq}, ${HEADLINE})
        WHEN 'details' THEN ts_headline('english', r.details, ${tsq}, ${HEADLINE})
        WHEN 'message' THEN CASE WHEN m.marking = 'NONE' OR m."madePublicAt" IS NOT NULL
          THEN ts_headline('english', m.body, ${tsq}, ${HEADLINE}) END
      END AS snippet
    FROM page k
    JOIN "Request" r ON r.id = k.rid AND ${visibleSql(viewer, "r")}
    JOIN candidates c ON c.id = k.rid
    LEFT JOIN "Message" m ON k.field = 'message' AND m.id = k.mid
    LEFT JOIN "Attachment" f ON k.field = 'file' AND f.id = k.mid
    ORDER BY k.score DESC, k.at DESC, k.rid DESC`;
}

function toHit(r: Row): SearchHit {
  const level = r.level ?? "METADATA";
  const typeLabel = REQUEST_TYPE_LABELS[r.type] ?? r.type;
  // Belt and braces: a field above the viewer's level is never described or quoted (the branches already ask).
  const readable = RANK[level] >= RANK[FIELD_LEVEL[r.field]];
  const field: Field = readable ? r.field : "reference";
  const matchedIn =
    field === "message"
      ? (MESSAGE_FIELDS[r.messageKind ?? ""] ?? "a message")
      : field === "file"
        ? "a file name"
        : field === "details"
          ? "the request's details"
          : `the ${field}`;
  return {
    id: r.id,
    reference: r.reference,
    typeLabel,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? r.status,
    closed: CLOSED_STATUSES.includes(r.status),
    subject: subjectAtLevel(r.subject, typeLabel, level),
    level,
    matchedIn,
    snippet:
      field === "file"
        ? r.filename
          ? [{ text: r.filename, mark: false }]
          : null
        : field === "reference" || !readable
          ? null
          : snippetParts(r.snippet),
    withheld:
      field === "message" && r.marked
        ? "It is marked confidential or exempt: open the request to read it (each view is recorded)."
        : null,
  };
}
