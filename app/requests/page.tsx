import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import { CaseTable } from "@/components/CaseTable";
import { StatusTag } from "@/components/Tag";
import { FilterPanel } from "@/components/FilterPanel";
import { FilterSelect } from "@/components/FilterSelect";
import { TypeSelect } from "@/components/TypeSelect";
import { requireViewer } from "@/lib/auth/session";
import { dueText } from "@/lib/requests/describe";
import { listRequests } from "@/lib/requests/queries";
import { listParams, toListFilters } from "@/lib/requests/list-params";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/requests");
  const f = listParams.parse(await searchParams);
  const { items, total, pages, capped } = await listRequests(viewer, toListFilters(f));
  const params = Object.fromEntries(
    Object.entries({ type: f.type, status: f.status, show: f.show, q: f.q }).filter(([, v]) => v),
  );
  const isMember = viewer.roles.includes("MEMBER");
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">{isMember ? "Your requests" : "Requests"}</h1>
      <p className="mb-6 max-w-3xl">
        {isMember
          ? "Requests you made, your group's briefing requests and replies shared with you."
          : "Requests you handle or can see."}
        {viewer.roles.includes("MEMBER") || viewer.roles.includes("OFFICER") ? (
          <>
            {" "}
            <Link href="/requests/new">Make a request</Link>.
          </>
        ) : null}
      </p>
      <FilterPanel id="request-filters" active={!!(f.q || f.type || f.status || f.show)}>
        <form
          method="get"
          role="search"
          aria-label="Filter requests"
          className="mb-6 flex flex-wrap items-end gap-4 bg-panel p-4"
        >
          <div>
            <label htmlFor="q" className="label">
              Search
            </label>
            <input id="q" name="q" defaultValue={f.q} className="input w-64 bg-white" />
          </div>
          <TypeSelect value={f.type} />
          <FilterSelect
            id="status"
            label="Status"
            value={f.status}
            any="Any"
            options={[
              { id: "open", name: "Open" },
              { id: "closed", name: "Closed" },
            ]}
            className="input w-40 bg-white"
            wrapperClassName=""
          />
          {isMember ? (
            <FilterSelect
              id="show"
              label="Show"
              value={f.show}
              any="Everything you can see"
              options={[
                { id: "mine", name: "Made by you" },
                { id: "waiting", name: "Waiting for your answer" },
              ]}
              className="input w-56 bg-white"
              wrapperClassName=""
            />
          ) : null}
          <button type="submit" className="btn-secondary">
            Apply filters
          </button>
        </form>
      </FilterPanel>
      <p className="mb-4" aria-live="polite">
        {total === null
          ? items.length
            ? `Requests matching “${f.q}”, newest first`
            : null
          : capped
            ? `More than ${total.toLocaleString("en-GB")} requests match: add a filter or a word to narrow them.`
            : `${total.toLocaleString("en-GB")} ${total === 1 ? "request" : "requests"}`}
        {items.length ? (
          <>
            {" "}
            —{" "}
            <a href={`/requests/export?${new URLSearchParams(params).toString()}`} download>
              Download these as a spreadsheet (CSV)
            </a>
          </>
        ) : null}
      </p>
      {items.length ? (
        <CaseTable
          caption="Requests"
          rows={items}
          columns={[
            {
              header: "Request",
              cell: (r) => (
                <>
                  <Link href={`/requests/${r.id}`}>{r.subject}</Link>
                  <span className="block text-base text-muted">{r.reference}</span>
                </>
              ),
            },
            { header: "Type", className: "text-base", cell: (r) => r.typeLabel },
            {
              header: "Status",
              cell: (r) => <StatusTag label={r.statusLabel} status={r.status} closed={r.closed} />,
            },
            { header: "Due", className: "text-base", cell: (r) => dueText(r.dueDate, r.closed, false) ?? "—" },
          ]}
        />
      ) : (
        <p className="mb-8">
          No requests match.{" "}
          {f.q || f.type || f.status || f.show ? <Link href="/requests">Clear the filters</Link> : null}
        </p>
      )}
      <Pagination page={f.page} pages={pages} basePath="/requests" params={params} unknownTotal={total === null} />
    </>
  );
}
