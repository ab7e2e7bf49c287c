import type { Metadata } from "next";
import Link from "next/link";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { can, NAV_ITEMS } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { dueText } from "@/lib/requests/describe";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/queries";
import { listQueue, QUEUE_SORTS, queueFilterOptions } from "@/lib/requests/queue";
import { parseQueueParams, queueQuery, toFilters } from "@/lib/requests/queue-params";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Your queue" };

type Option = { id: string; name: string };

function Select({
  id,
  label,
  value,
  options,
  any,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  any: string;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value} className="input bg-white">
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/queue");
  if (
    !can(
      viewer.roles,
      NAV_ITEMS.find((n) => n.key === "queue")!,
    )
  )
    notFound();
  const p = parseQueueParams(await searchParams);
  const now = new Date();
  const [result, options] = await Promise.all([
    listQueue(db(), viewer, toFilters(p), now),
    queueFilterOptions(db(), viewer),
  ]);
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
          {viewer.roles.includes("TOWN_CLERK") ? (
            <>
              {" "}
              · <Link href="/meetings">Meetings and agenda items</Link>
            </>
          ) : null}
        </p>
      ) : null}
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
      <div className="items-start lg:flex lg:gap-8">
        <form
          method="get"
          role="search"
          aria-label="Filter the queue"
          className="mb-6 shrink-0 bg-panel p-4 lg:w-80"
        >
          <h2 className="h3">Filter</h2>
          <div className="mb-4">
            <label htmlFor="q" className="label">
              Reference or subject
            </label>
            <input id="q" name="q" defaultValue={p.q} className="input bg-white" />
          </div>
          <Select
            id="type"
            label="Type"
            value={p.type}
            any="All types"
            options={Object.entries(REQUEST_TYPE_LABELS).map(([id, name]) => ({ id, name }))}
          />
          <div className="mb-4">
            <label htmlFor="status" className="label">
              Status
            </label>
            <select id="status" name="status" defaultValue={p.status} className="input bg-white">
              {statusOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <Select
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
            <Select id="groupId" label="Party group" value={p.groupId} any="All groups" options={options.groups} />
          ) : null}
          {options.wards.length ? (
            <Select id="wardId" label="Ward" value={p.wardId} any="All wards" options={options.wards} />
          ) : null}
          {options.services.length ? (
            <Select
              id="serviceId"
              label="Service"
              value={p.serviceId}
              any="All services"
              options={options.services}
            />
          ) : null}
          <Select
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
          <div className="mb-4">
            <label htmlFor="sort" className="label">
              Sort by
            </label>
            <select id="sort" name="sort" defaultValue={p.sort} className="input bg-white">
              {Object.entries(QUEUE_SORTS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            Apply filters
          </button>
          {filtered ? (
            <p className="mt-4">
              <Link href="/queue">Clear filters</Link>
            </p>
          ) : null}
        </form>
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
            <div className="overflow-x-auto">
              <table className="mb-4 w-full text-left">
                <caption className="sr-only">Your queue</caption>
                <thead>
                  <tr className="border-b-2 border-ink">
                    <th scope="col" className="py-2 pr-3">
                      Request
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      From
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Assigned to
                    </th>
                    <th scope="col" className="py-2">
                      Due
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((r) => (
                    <tr key={r.id} className="border-b border-border align-top">
                      <td className="py-2 pr-3">
                        <Link href={`/requests/${r.id}`}>{r.subject}</Link>
                        <span className="block text-base text-muted">
                          {r.reference} · {r.typeLabel}
                          {r.service ? ` · ${r.service}` : ""}
                        </span>
                      </td>
                      <td className="py-2 pr-3 text-base">
                        {r.from}
                        {r.group ? <span className="block text-muted">{r.group}</span> : null}
                      </td>
                      <td className="py-2 pr-3">
                        <Tag tone={r.closed ? "grey" : r.status === "AWAITING_MEMBER" ? "yellow" : "blue"}>
                          {r.statusLabel}
                        </Tag>
                      </td>
                      <td className="py-2 pr-3 text-base">
                        {r.assignee ??
                          (r.holder ? <span className="text-muted">{r.holder} (deciding)</span> : "—")}
                      </td>
                      <td className="py-2 text-base">
                        {r.overdue ? <Tag tone="red">Overdue</Tag> : null}{" "}
                        {dueText(r.dueDate, r.closed, r.paused) ?? "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
