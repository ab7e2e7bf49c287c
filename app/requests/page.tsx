import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/Pagination";
import { Tag } from "@/components/Tag";
import { TypeSelect } from "@/components/TypeSelect";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dueText } from "@/lib/requests/describe";
import { listRequests, REQUEST_TYPE_LABELS } from "@/lib/requests/queries";

export const metadata: Metadata = { title: "Requests" };

const filters = z.object({
  type: z
    .enum(["", ...Object.keys(REQUEST_TYPE_LABELS)] as [string, ...string[]])
    .catch("")
    .default(""),
  status: z.enum(["", "open", "closed"]).catch("").default(""),
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/requests");
  const f = filters.parse(await searchParams);
  const { items, total, pages } = await listRequests(db(), viewer, {
    type: f.type,
    status: f.status as "" | "open" | "closed",
    q: f.q,
    page: f.page,
  });
  const params = Object.fromEntries(
    Object.entries({ type: f.type, status: f.status, q: f.q }).filter(([, v]) => v),
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
        <div>
          <label htmlFor="status" className="label">
            Status
          </label>
          <select id="status" name="status" defaultValue={f.status} className="input w-40 bg-white">
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Apply filters
        </button>
      </form>
      <p className="mb-4" aria-live="polite">
        {total} {total === 1 ? "request" : "requests"}
      </p>
      {items.length ? (
        <table className="mb-4 w-full text-left">
          <caption className="sr-only">Requests</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                Request
              </th>
              <th scope="col" className="py-2 pr-3">
                Type
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2">
                Due
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-2 pr-3">
                  <Link href={`/requests/${r.id}`}>{r.subject}</Link>
                  <span className="block text-base text-muted">{r.reference}</span>
                </td>
                <td className="py-2 pr-3 text-base">{r.typeLabel}</td>
                <td className="py-2 pr-3">
                  <Tag tone={r.closed ? "grey" : r.status === "AWAITING_MEMBER" ? "yellow" : "blue"}>
                    {r.statusLabel}
                  </Tag>
                </td>
                <td className="py-2 text-base">{dueText(r.dueDate, r.closed, false) ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-8">
          No requests match. {f.q || f.type || f.status ? <Link href="/requests">Clear the filters</Link> : null}
        </p>
      )}
      <Pagination page={f.page} pages={pages} basePath="/requests" params={params} />
    </>
  );
}
