import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarTable } from "@/components/BarTable";
import { CaseTable } from "@/components/CaseTable";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { canUse } from "@/lib/auth/permissions";
import { councilServices } from "@/lib/organisation/queries";
import { FilterPanel } from "@/components/FilterPanel";
import { FilterSelect } from "@/components/FilterSelect";
import { TypeSelect } from "@/components/TypeSelect";
import { dashboardRows, dashboardScope, loadDashboard } from "@/lib/requests/dashboard";
import {
  dashboardLink,
  dashboardQuery,
  parseDashboardParams,
  toDashboardFilters,
} from "@/lib/requests/dashboard-params";
import { dueText, formatDate } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Workload dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/dashboard");
  if (!canUse(viewer.roles, "dashboard")) notFound();
  const p = parseDashboardParams(await searchParams);
  const now = new Date();
  const scope = dashboardScope(viewer);
  const f = toDashboardFilters(p);
  const link = (narrow: Parameters<typeof dashboardLink>[1]) => dashboardLink(p, narrow);
  const narrowed = [
    p.soon ? "due in the next 2 working days" : "",
    p.officer ? "with one officer" : "",
    p.status ? `with the status “${p.status.toLowerCase().replace(/_/g, " ")}”` : "",
    p.age ? "of one age" : "",
  ].filter(Boolean);
  const [d, services] = await Promise.all([
    loadDashboard(viewer, f, now),
    councilServices(viewer, { ids: scope.serviceIds, includeRetired: true }),
  ]);
  // The filtered list: open requests (or only overdue ones), soonest due first; the CSV has all of them.
  const first = await dashboardRows(viewer, f, now, 25).next();
  const list = first.done ? [] : first.value;
  const listTotal = f.overdue ? d.overdue : f.soon ? d.dueSoon : d.open;
  const onTimeShare = d.decided ? Math.round((d.onTime / d.decided) * 100) : null;
  const q = dashboardQuery(p);
  const maxWeek = Math.max(1, ...d.perWeek.map((w) => w.value));
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Workload dashboard</h1>
      <p className="mb-6 max-w-3xl">
        Requests across {scope.label}. Numbers only: open a request from your queue to see its content.
      </p>
      <FilterPanel id="dashboard-filters" active={!!(p.type || p.serviceId || p.overdue)}>
        <form
          method="get"
          aria-label="Filter the dashboard"
          className="mb-8 flex flex-wrap items-end gap-4 bg-panel p-4"
        >
          <TypeSelect value={p.type} />
          {services.length > 1 ? (
            <FilterSelect
              id="serviceId"
              label="Service"
              value={p.serviceId}
              any="All services"
              options={services}
              className="input w-60 bg-white"
              wrapperClassName=""
            />
          ) : null}
          <div className="flex items-center gap-3 pb-2">
            <input
              type="checkbox"
              id="overdue"
              name="overdue"
              value="1"
              defaultChecked={p.overdue === "1"}
              className="h-6 w-6"
            />
            <label htmlFor="overdue">Overdue only</label>
          </div>
          <button type="submit" className="btn-secondary">
            Apply filters
          </button>
          {q ? (
            <Link href="/dashboard" className="pb-2">
              Clear filters
            </Link>
          ) : null}
        </form>
      </FilterPanel>

      {narrowed.length ? (
        <p className="mb-6">
          Showing only requests {narrowed.join(", ")}.{" "}
          <Link
            href={`/dashboard${p.type || p.serviceId ? `?${dashboardQuery({ ...p, soon: "", officer: "", status: "", age: "", overdue: "" })}` : ""}`}
          >
            Show every number again
          </Link>
        </p>
      ) : null}
      <ul className="mb-10 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="headline">
        <li className="bg-panel p-4">
          <a href={link({ overdue: "", soon: "" })} className="block text-4xl font-bold">
            {d.open}
          </a>{" "}
          open
        </li>
        <li className="bg-panel p-4">
          <a href={link({ overdue: "1", soon: "" })} className="block text-4xl font-bold">
            {d.overdue}
          </a>{" "}
          overdue
        </li>
        <li className="bg-panel p-4">
          <a href={link({ soon: "1", overdue: "" })} className="block text-4xl font-bold">
            {d.dueSoon}
          </a>{" "}
          due in the next 2 working days
        </li>
        <li className="bg-panel p-4" data-testid="on-time">
          <span className="block text-4xl font-bold">{onTimeShare === null ? "—" : `${onTimeShare}%`}</span>
          decided within target
          <span className="block text-base text-muted">
            {d.decided
              ? `${d.onTime} of ${d.decided} requests made in the last 12 weeks and decided`
              : "None of the requests made in the last 12 weeks has been decided yet"}
          </span>
        </li>
      </ul>

      <BarTable
        id="by-officer"
        caption="Open requests by officer"
        labelHeader="Officer"
        valueHeader="Open"
        extraHeaders={["Overdue", "Estimated hours", "Hours a week"]}
        rows={d.byOfficer.map((o) => ({
          key: o.key,
          label: o.label,
          value: o.value,
          href: link({ officer: o.key }),
          extra: [String(o.overdue ?? 0), o.hours ? String(o.hours) : "—", o.capacity ? String(o.capacity) : "—"],
        }))}
      />
      <div className="lg:grid lg:grid-cols-2 lg:gap-8">
        <BarTable
          id="by-type"
          caption="Open requests by type"
          labelHeader="Type"
          rows={d.byType.map((t) => ({ ...t, href: link({ type: t.key }) }))}
        />
        <BarTable
          id="ageing"
          caption="Open requests by age"
          labelHeader="Age"
          rows={d.ageing.map((a) => ({ ...a, href: link({ age: a.key as typeof p.age }) }))}
        />
      </div>
      <BarTable
        id="by-status"
        caption="Open requests by status"
        labelHeader="Status"
        rows={d.byStatus.map((s) => ({ ...s, href: link({ status: s.key }) }))}
      />

      <h2 className="h2">Requests made per week, last 12 weeks</h2>
      <div aria-hidden="true" className="mb-2 flex h-40 max-w-3xl items-end gap-1 border-b-2 border-ink">
        {d.perWeek.map((w) => (
          <div key={w.key} className="flex h-full flex-1 flex-col items-center justify-end">
            <span className="text-sm">{w.value}</span>
            <div className="w-full bg-brand" style={{ height: `${Math.round((w.value / maxWeek) * 85)}%` }} />
          </div>
        ))}
      </div>
      <div
        className="relative mb-10 max-w-3xl overflow-x-auto"
        role="region"
        aria-label="Requests made per week (table)"
        tabIndex={0}
      >
        <table className="w-full text-left text-base" data-testid="per-week">
          <caption className="sr-only">Requests made per week, last 12 weeks</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">
                Week beginning
              </th>
              <th scope="col" className="py-1 text-right">
                Requests made
              </th>
            </tr>
          </thead>
          <tbody>
            {d.perWeek.map((w) => (
              <tr key={w.key} className="border-b border-border">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {formatDate(w.key)}
                </th>
                <td className="py-1 text-right tabular-nums">{w.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="h2" id="requests" tabIndex={-1}>
        {f.overdue ? "Overdue requests" : f.soon ? "Requests due in the next 2 working days" : "Open requests"}
      </h2>
      <p className="mb-4">
        {listTotal} {listTotal === 1 ? "request" : "requests"}
        {listTotal > list.length ? `, the ${list.length} due soonest shown` : ""}.{" "}
        {listTotal ? (
          <a href={`/dashboard/export${q ? `?${q}` : ""}`} download>
            Download the list as a spreadsheet (CSV)
          </a>
        ) : null}
      </p>
      {list.length ? (
        <CaseTable
          caption={f.overdue ? "Overdue requests" : "Open requests"}
          testId="dashboard-list"
          rows={list}
          columns={[
            {
              header: "Request",
              cell: (r) => (
                <>
                  {r.reference} · {r.typeLabel}
                  <span className="block text-base text-muted">{r.service ?? ""}</span>
                </>
              ),
            },
            { header: "With", className: "text-base", cell: (r) => r.assignee ?? r.holder ?? "—" },
            {
              header: "Due",
              className: "text-base",
              cell: (r) => (
                <>
                  {r.overdue ? <Tag tone="red">Overdue</Tag> : null}{" "}
                  {dueText(r.dueDate, r.closed, r.paused) ?? "—"}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
