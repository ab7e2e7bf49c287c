import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Pagination } from "@/components/Pagination";
import { StatusTag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { SEARCH_CANDIDATES, searchEverything, type SnippetPart } from "@/lib/requests/search";

export const metadata: Metadata = { title: "Search requests" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A snippet as text with its matches marked: React escapes every part, so nothing in it is ever markup. */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="mt-2 max-w-3xl text-base wrap-break-word" data-testid="search-snippet">
      …
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} className="bg-focus text-ink">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      …
    </p>
  );
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/search");
  const sp = await searchParams;
  const raw = first(sp.q);
  const page = Number.parseInt(first(sp.page) ?? "1", 10);
  const result = await searchEverything(viewer, raw ?? "", Number.isFinite(page) ? page : 1);
  // The box was submitted empty: say what to do (a first visit just shows the box).
  const problem =
    result.kind === "problem"
      ? result.message
      : result.kind === "empty" && raw !== undefined
        ? "Enter words or a reference to search for"
        : null;
  const q = result.kind === "results" ? result.q : (raw ?? "").slice(0, 200);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Search requests</h1>
      <ErrorSummary errors={problem ? [{ field: "search-q", message: problem }] : []} />
      <form
        method="get"
        action="/search"
        role="search"
        aria-label="Search again"
        className="mb-6 max-w-3xl bg-panel p-4"
      >
        <div className={problem ? "border-l-4 border-error pl-4" : undefined}>
          <label htmlFor="search-q" className="label">
            Words or a reference
          </label>
          <span id="search-q-hint" className="hint">
            Searches the references, subjects and details of the requests you can see, and the replies, notes and
            file names you can read.
          </span>
          {problem ? (
            <span id="search-q-error" className="field-error">
              <span className="sr-only">Error:</span> {problem}
            </span>
          ) : null}
          <div className="flex flex-wrap items-end gap-3">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
              aria-describedby={problem ? "search-q-hint search-q-error" : "search-q-hint"}
              aria-invalid={problem ? true : undefined}
              className={`input min-w-0 flex-1 bg-white ${problem ? "input-error" : ""}`}
            />
            <button type="submit" className="btn">
              Search
            </button>
          </div>
        </div>
      </form>
      {result.kind === "results" ? (
        <>
          <p className="mb-4 wrap-break-word" aria-live="polite" data-testid="search-summary">
            {result.total === 0
              ? `No requests you can see match “${result.q}”. Check the spelling, or try other words or part of a reference.`
              : result.capped
                ? `More than ${result.total.toLocaleString("en-GB")} requests match “${result.q}”, best match first. Add words to narrow the search.`
                : `${result.total.toLocaleString("en-GB")} ${result.total === 1 ? "request matches" : "requests match"} “${result.q}”, best match first.`}
          </p>
          {result.items.length ? (
            <ol className="mb-6 border-t border-border" data-testid="search-results">
              {result.items.map((h) => (
                <li key={h.id} className="border-b border-border py-4">
                  <h2 className="mb-1 text-xl font-bold wrap-break-word">
                    <Link href={`/requests/${h.id}`}>{h.subject}</Link>
                  </h2>
                  <p className="text-base text-muted">
                    {h.reference} · {h.typeLabel} ·{" "}
                    <StatusTag label={h.statusLabel} status={h.status} closed={h.closed} />
                  </p>
                  <p className="mt-2 text-base">
                    <span className="font-semibold">Matched in:</span> {h.matchedIn}
                  </p>
                  {h.snippet ? <Snippet parts={h.snippet} /> : null}
                  {h.withheld ? <p className="mt-2 text-base text-muted">{h.withheld}</p> : null}
                </li>
              ))}
            </ol>
          ) : result.page > 1 ? (
            <p className="mb-6">
              There are no more results.{" "}
              <Link href={`/search?${new URLSearchParams({ q: result.q })}`}>Back to the first page</Link>.
            </p>
          ) : null}
          <Pagination page={result.page} pages={result.pages} basePath="/search" params={{ q: result.q }} />
          <p className="mt-6 max-w-3xl text-base text-muted">
            A word used very often is looked for in its newest {SEARCH_CANDIDATES.toLocaleString("en-GB")} uses. To
            find an older request, add another word or search for its reference.
          </p>
        </>
      ) : null}
    </>
  );
}
