import type { Metadata } from "next";
import Link from "next/link";
import { profileOf } from "@/lib/protocol/council-profile";
import { CaseTable } from "@/components/CaseTable";
import { StatusTag, Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { canUse } from "@/lib/auth/permissions";
import { dueText } from "@/lib/requests/describe";
import { FilterPanel } from "@/components/FilterPanel";
import { FilterSelect } from "@/components/FilterSelect";
import { TYPE_OPTIONS } from "@/components/TypeSelect";
import { decidedOnTime, listQueue, QUEUE_SORTS, queueFilterOptions } from "@/lib/requests/queue";
import { parseQueueParams, queueQuery, toFilters } from "@/lib/requests/queue-params";
import { findSavedView, listSavedViews, SAVED_VIEW_NAME_MAX } from "@/lib/requests/saved-views";
import { notFound } from "next/navigation";
import { deleteViewAction } from "./actions";
import { SaveViewForm } from "./SaveViewForm";

export const metadata: Metadata = { title: "Your queue" };

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/queue");
  if (!canUse(viewer.roles, "queue")) notFound();
  const sp = await searchParams;
  const p = parseQueueParams(sp);
  // Deleting a saved view asks first (GOV.UK confirmation page); only one's own views are found.
  const deleting = typeof sp.deleteView === "string" ? await findSavedView(viewer, sp.deleteView) : null;
  if (deleting)
    return (
      <>
        <span className="caption">Your queue</span>
        <h1 className="h1 wrap-break-word">Delete the saved view ‘{deleting.name}’?</h1>
        <p className="mb-6 max-w-3xl">
          The link goes from your saved views. The requests themselves do not change, and you can save the same
          filters again at any time.
        </p>
        <form action={deleteViewAction} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="id" value={deleting.id} />
          <button type="submit" className="btn-warning">
            Yes, delete this view
          </button>
          <Link href="/queue">Cancel</Link>
        </form>
      </>
    );
  const now = new Date();
  const [result, options, performance, views] = await Promise.all([
    listQueue(viewer, toFilters(p), now),
    queueFilterOptions(viewer),
    decidedOnTime(viewer, now),
    listSavedViews(viewer),
  ]);
  const current = queueQuery(p);
  const viewNotice =
    sp.view === "deleted"
      ? { ok: true, text: "The saved view has been deleted." }
      : sp.view === "not-found" || typeof sp.deleteView === "string"
        ? { ok: false, text: "That saved view was not found." }
        : null;
  const filtered = !!(
    p.type ||
    p.due ||
    p.groupId ||
    p.wardId ||
    p.serviceId ||
    p.assignee ||
    p.q ||
    p.status !== "open"
  );
  const statusOptions = [
    { id: "open", name: "Open" },
    { id: "closed", name: "Closed" },
    { id: "all", name: "Any status" },
    ...result.counts.map((c) => ({ id: c.status, name: c.label })),
  ];
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Your queue</h1>
      <p className="mb-6 max-w-3xl">
        Requests you decide, are allocated, review or are invited to
        {viewer.roles.includes("CHIEF_OFFICER") ? ", and your service's requests" : ""}. Open a request to act on
        it.
      </p>
      {viewer.roles.includes("OFFICER") ? (
        <p className="mb-6">
          <Link href="/notices/new">Send a ward notice</Link>
          {profileOf(viewer).information.significantDevelopmentsTo &&
          viewer.roles.some((r) => ["CHIEF_OFFICER", "CHIEF_EXECUTIVE", "TOWN_CLERK"].includes(r)) ? (
            <>
              {" "}
              · <Link href="/notices/development">Report a significant development</Link>
            </>
          ) : null}
          {viewer.roles.includes("TOWN_CLERK") ? (
            <>
              {" "}
              · <Link href="/meetings">Meetings and agenda items</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="mb-6" data-testid="queue-on-time">
        {performance.decided
          ? `You decided ${performance.onTime} of ${performance.decided} requests within target (${Math.round(
              (performance.onTime / performance.decided) * 100,
            )}%) — those made in the last 12 weeks.`
          : "You have not decided any request made in the last 12 weeks yet."}
      </p>
      <h2 className="h3">Requests by status</h2>
      <ul className="mb-6 flex flex-wrap gap-3" data-testid="status-counts">
        {result.counts.length === 0 ? <li>Nothing here yet.</li> : null}
        {result.counts.map((c) => (
          <li key={c.status} className="bg-panel px-3 py-2">
            <Link
              href={`/queue?${queueQuery(p, { status: c.status })}`}
              aria-current={p.status === c.status ? "true" : undefined}
            >
              <span className="mr-1 text-xl font-bold">{c.count}</span> {c.label}
            </Link>
          </li>
        ))}
      </ul>
      {viewNotice ? (
        <p className={`mb-4 border-l-4 pl-4 ${viewNotice.ok ? "border-success" : "border-error"}`} role="status">
          {viewNotice.text}
        </p>
      ) : null}
      <section aria-labelledby="saved-views-title" className="mb-6" data-testid="saved-views">
        <h2 id="saved-views-title" className="h3">
          Your saved views
        </h2>
        {views.length ? (
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {views.map((v) => (
              <li key={v.id} className="wrap-break-word">
                <Link href={v.href} aria-current={v.query === current ? "true" : undefined}>
                  {v.name}
                </Link>{" "}
                <Link href={`/queue?deleteView=${v.id}`} className="text-base">
                  Delete<span className="sr-only"> the saved view ‘{v.name}’</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>None yet. Choose filters below, apply them, then save the view to come back to it in one click.</p>
        )}
      </section>
      <div className="items-start lg:flex lg:gap-8">
        <div className="shrink-0 lg:w-80">
          <FilterPanel id="queue-filters" active={filtered}>
            {/* Keyed by the filters: after a client-side move to another view (a saved view, a status count) the
                uncontrolled fields show that view's values, not the last ones. */}
            <form
              key={current}
              method="get"
              role="search"
              aria-label="Filter the queue"
              className="mb-6 bg-panel p-4"
            >
              <h2 className="h3">Filter</h2>
              <div className="mb-4">
                <label htmlFor="q" className="label">
                  Reference or subject
                </label>
                <input id="q" name="q" defaultValue={p.q} className="input bg-white" />
              </div>
              <FilterSelect id="type" label="Type" value={p.type} any="All types" options={TYPE_OPTIONS} />
              <FilterSelect id="status" label="Status" value={p.status} options={statusOptions} />
              <FilterSelect
                id="due"
                label="Due"
                value={p.due}
                any="Any due date"
                options={[
                  { id: "overdue", name: "Overdue" },
                  { id: "week", name: "Due in the next 7 days" },
                  { id: "none", name: "No due date" },
                ]}
              />
              {options.groups.length ? (
                <FilterSelect
                  id="groupId"
                  label="Party group"
                  value={p.groupId}
                  any="All groups"
                  options={options.groups}
                />
              ) : null}
              {options.wards.length ? (
                <FilterSelect id="wardId" label="Ward" value={p.wardId} any="All wards" options={options.wards} />
              ) : null}
              {options.services.length ? (
                <FilterSelect
                  id="serviceId"
                  label="Service"
                  value={p.serviceId}
                  any="All services"
                  options={options.services}
                />
              ) : null}
              <FilterSelect
                id="assignee"
                label="Assigned to"
                value={p.assignee}
                any="Anyone"
                options={[
                  { id: "me", name: "Me" },
                  { id: "unassigned", name: "Not assigned to an officer" },
                  ...options.officers.filter((o) => o.id !== viewer.id),
                ]}
              />
              <FilterSelect
                id="sort"
                label="Sort by"
                value={p.sort}
                options={Object.entries(QUEUE_SORTS).map(([id, name]) => ({ id, name }))}
              />
              <button type="submit" className="btn-secondary">
                Apply filters
              </button>
              {filtered ? (
                <p className="mt-4">
                  <Link href="/queue">Clear filters</Link>
                </p>
              ) : null}
            </form>
          </FilterPanel>
          {current ? <SaveViewForm query={current} maxLength={SAVED_VIEW_NAME_MAX} /> : null}
        </div>
        <div className="min-w-0 grow">
          <p className="mb-4" aria-live="polite">
            <span data-testid="queue-total">{result.total}</span> {result.total === 1 ? "request" : "requests"}
            {result.total ? (
              <>
                {" "}
                —{" "}
                <a href={`/queue/export?${queueQuery(p)}`} download>
                  Download these as a spreadsheet (CSV)
                </a>
              </>
            ) : null}
          </p>
          {result.items.length ? (
            <CaseTable
              caption="Your queue"
              rows={result.items}
              columns={[
                {
                  header: "Request",
                  cell: (r) => (
                    <>
                      <Link href={`/requests/${r.id}`}>{r.subject}</Link>
                      <span className="block text-base text-muted">
                        {r.reference} · {r.typeLabel}
                        {r.service ? ` · ${r.service}` : ""}
                      </span>
                    </>
                  ),
                },
                {
                  header: "From",
                  className: "text-base",
                  cell: (r) => (
                    <>
                      {r.from}
                      {r.group ? <span className="block text-muted">{r.group}</span> : null}
                    </>
                  ),
                },
                {
                  header: "Status",
                  cell: (r) => <StatusTag label={r.statusLabel} status={r.status} closed={r.closed} />,
                },
                {
                  header: "Assigned to",
                  className: "text-base",
                  cell: (r) =>
                    r.assignee ?? (r.holder ? <span className="text-muted">{r.holder} (deciding)</span> : "—"),
                },
                {
                  header: "Due",
                  className: "text-base",
                  cell: (r) => (
                    <>
                      {r.serious ? <Tag tone="red">Serious</Tag> : null}{" "}
                      {r.overdue ? <Tag tone="red">Overdue</Tag> : null}{" "}
                      {dueText(r.dueDate, r.closed, r.paused) ?? "—"}
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <p className="mb-8">{filtered ? "No requests match these filters." : "Nothing is waiting for you."}</p>
          )}
          {result.next || p.after ? (
            <nav aria-label="Pagination" className="my-6 flex gap-6">
              {p.after ? <Link href={`/queue?${queueQuery(p)}`}>First page</Link> : null}
              {result.next ? (
                <Link href={`/queue?${queueQuery(p, { after: result.next })}`} rel="next">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}
