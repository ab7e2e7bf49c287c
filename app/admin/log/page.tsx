import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/FilterSelect";
import { Pagination } from "@/components/Pagination";
import { loadAdminLog } from "@/lib/admin/log";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Administrative log" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminLogPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer("/admin/log");
  const log = await loadAdminLog(viewer, await searchParams);
  if (!log) notFound();
  const { filters } = log;
  const params = Object.fromEntries(
    Object.entries({ entity: filters.entity, actor: filters.actor }).filter(([, v]) => v),
  );
  const filtered = !!(filters.entity || filters.actor);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Administrative log</h1>
      <p className="mb-6 max-w-3xl">
        Every change made to the council&apos;s people, organisation, protocol settings and sign-in, newest first:
        who made it, when, and what it was before and after.
      </p>
      <form method="get" aria-label="Filter the log" className="mb-6 flex flex-wrap items-end gap-4 bg-panel p-4">
        <FilterSelect
          id="entity"
          label="What changed"
          value={filters.entity}
          any="Everything"
          options={log.entityOptions}
          className="input w-64 max-w-full bg-white"
          wrapperClassName="max-w-full"
        />
        <FilterSelect
          id="actor"
          label="Who made the change"
          value={filters.actor}
          any="Anyone"
          options={log.actorOptions}
          className="input w-64 max-w-full bg-white"
          wrapperClassName="max-w-full"
        />
        <button type="submit" className="btn-secondary">
          Apply filters
        </button>
        {filtered ? <a href="/admin/log">Clear filters</a> : null}
      </form>
      {log.items.length ? (
        <ol className="mb-6 space-y-6" data-testid="admin-log">
          {log.items.map((e) => (
            <li key={e.id} className="border-b border-border pb-6">
              <h2 className="h3 mb-1 break-words">{e.summary || `${e.actionLabel}: ${e.entityLabel}`}</h2>
              <p className="mb-3 text-base text-muted">
                {e.actor} · <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.entityLabel} · {e.actionLabel}
              </p>
              {e.changes.rows.length ? (
                <table className="w-full table-fixed text-left text-base">
                  <caption className="sr-only">What changed</caption>
                  <thead>
                    <tr className="border-b-2 border-ink">
                      <th scope="col" className="w-1/3 py-1 pr-3">
                        Field
                      </th>
                      <th scope="col" className="w-1/3 py-1 pr-3">
                        Before
                      </th>
                      <th scope="col" className="w-1/3 py-1">
                        After
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.rows.map((r) => (
                      <tr key={r.field || "value"} className="border-b border-border align-top">
                        <th scope="row" className="py-1 pr-3 font-normal break-words">
                          {r.label}
                        </th>
                        <td className="py-1 pr-3 break-words">{r.before}</td>
                        <td className="py-1 break-words">{r.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {e.changes.more ? (
                <p className="mt-2 text-base text-muted">
                  And {e.changes.more} more {e.changes.more === 1 ? "field" : "fields"}.
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mb-6">{filtered ? "No changes match these filters." : "No administrative changes yet."}</p>
      )}
      <Pagination
        page={log.page}
        pages={log.more ? log.page + 1 : log.page}
        basePath="/admin/log"
        params={params}
        unknownTotal
      />
    </>
  );
}
