import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Notice } from "@/components/Notice";
import { Pagination } from "@/components/Pagination";
import { Tag } from "@/components/Tag";
import { canManageUsers } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { roleLabels } from "@/lib/people/describe";
import type { StoredRole } from "@/lib/protocol/roles";
import { councilUserName, deactivationCandidate, listCouncilUsers } from "@/lib/users/queries";
import { userListSchema } from "@/lib/users/schema";
import { AdminForm } from "./AdminForm";
import { reassignWorkAction, setUserActiveAction } from "./actions";
import { OpenWork } from "./OpenWork";

export const metadata: Metadata = { title: "Users" };

const ERRORS: Record<string, string> = {
  invalid: "That change could not be made. Reload the page and try again.",
  self: "You cannot deactivate your own account. Ask another user administrator.",
  "not-found": "That user was not found.",
};

type Search = Promise<Record<string, string | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer("/admin/users");
  if (!canManageUsers(viewer.roles)) notFound();
  const sp = await searchParams;
  const { q, page } = userListSchema.parse({ q: sp.q, page: sp.page });
  const { users, total, pages } = await listCouncilUsers(viewer, { q, page });
  const error = ERRORS[sp.error ?? ""] ?? null;
  const name = sp.done && sp.user ? await councilUserName(viewer, sp.user) : null;
  const done =
    name && sp.done === "deactivated"
      ? `${name} has been deactivated and signed out everywhere.`
      : name && sp.done === "reactivated"
        ? `${name} has been reactivated.`
        : null;
  const back = `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  const confirming = sp.confirm ? await deactivationCandidate(viewer, sp.confirm) : null;
  if (confirming) {
    const reassigned = /^\d{1,5}$/.test(sp.reassigned ?? "") ? Number(sp.reassigned) : null;
    const toName = reassigned !== null && sp.to ? await councilUserName(viewer, sp.to) : null;
    const { work } = confirming;
    return (
      <>
        <span className="caption">{viewer.council.name}</span>
        <h1 className="h1">Deactivate {confirming.name}?</h1>
        {reassigned !== null && toName ? (
          <Notice
            tone="success"
            title={`${reassigned} open ${reassigned === 1 ? "request has" : "requests have"} been given to ${toName}.`}
          />
        ) : null}
        <ul className="mb-6 list-disc space-y-2 pl-6">
          <li>They are signed out everywhere at once and cannot sign in until reactivated.</li>
          <li>Everything they did stays on the requests&apos; records.</li>
          <li>
            {confirming.openWork === 0
              ? "They hold no open requests."
              : `They hold ${confirming.openWork} open ${confirming.openWork === 1 ? "request" : "requests"}: you can give ${confirming.openWork === 1 ? "it" : "them"} to another officer first.`}
          </li>
        </ul>
        {work.total > 0 ? (
          <section aria-labelledby="open-work" className="mb-8 max-w-3xl">
            <h2 id="open-work" className="h2">
              Their open work
            </h2>
            <OpenWork name={confirming.name} items={work.items} total={work.total} />
            {work.reassignable > 0 ? (
              <AdminForm
                id="reassign"
                act={reassignWorkAction}
                submit="Give their open work to this officer"
                tone="secondary"
                fields={[
                  { kind: "hidden", name: "userId", value: confirming.id },
                  {
                    kind: "select",
                    name: "toId",
                    label: "Officer to take the requests they decide or are allocated to",
                    hint:
                      work.reassignable < work.total
                        ? "Requests they are reviewing stay with them: a new reviewer is chosen on the request's page."
                        : "Each request records the change in its history, and the officer is told.",
                    placeholder: "Choose an officer",
                    options: confirming.officers.map((o) => ({
                      value: o.id,
                      label: o.jobTitle ? `${o.name} (${o.jobTitle})` : o.name,
                    })),
                  },
                ]}
              />
            ) : null}
          </section>
        ) : null}
        <form action={setUserActiveAction} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="userId" value={confirming.id} />
          <input type="hidden" name="active" value="false" />
          <input type="hidden" name="confirmed" value="yes" />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="btn-warning">
            Yes, deactivate {confirming.name}
          </button>
          <a href={`/admin/users${back}`}>Cancel</a>
        </form>
      </>
    );
  }
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Users</h1>
      <nav aria-label="Administration" className="mb-6">
        <p className="mb-2">Running the council in this service:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <Link href="/admin/organisation">Party groups, wards, services and committees</Link>
          </li>
          <li>
            <Link href="/admin/import">Import people from a spreadsheet (CSV)</Link>
          </li>
          <li>
            <Link href="/admin/settings">Protocol settings</Link> — and{" "}
            <Link href="/how-requests-work">how requests work here</Link>
          </li>
          <li>
            <Link href="/admin/sso">Single sign-on</Link>
          </li>
          <li>
            <Link href="/admin/log">Administrative log</Link>
          </li>
        </ul>
      </nav>
      <p className="mb-6">
        <Link href="/admin/users/invite" className="btn inline-block no-underline">
          Invite a person
        </Link>
      </p>
      {error ? <ErrorSummary errors={[{ message: error }]} /> : null}
      {done ? <Notice tone="success" title={done} /> : null}
      <form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="label">
            Search by name or email
          </label>
          <input id="q" name="q" defaultValue={q} className="input w-80" />
        </div>
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      <p className="mb-4" aria-live="polite">
        {total} {total === 1 ? "user" : "users"}
        {q ? ` matching “${q}”` : ""}
      </p>
      <table className="mb-4 w-full text-left">
        <caption className="sr-only">Users of {viewer.council.name}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              Name
            </th>
            <th scope="col" className="py-2 pr-3">
              Roles
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-border align-top">
              <td className="py-2 pr-3">
                <Link href={`/admin/users/${u.id}`} className="break-words">
                  {u.name}
                </Link>
                <span className="block text-base break-all text-muted">{u.email}</span>
              </td>
              <td className="py-2 pr-3 text-base">
                {roleLabels(viewer.council.profileKey, u.roles as StoredRole[]).join(", ")}
              </td>
              <td className="py-2 pr-3">
                {!u.active ? (
                  <Tag tone="grey">Deactivated</Tag>
                ) : u.invitation === "INVITED" ? (
                  <Tag tone="blue">Invited</Tag>
                ) : u.invitation === "EXPIRED" ? (
                  <Tag tone="yellow">Invitation expired</Tag>
                ) : (
                  <Tag tone="green">Active</Tag>
                )}
              </td>
              <td className="py-2">
                {u.id === viewer.id ? (
                  <span className="text-base text-muted">This is you</span>
                ) : (
                  <form action={setUserActiveAction}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                    <input type="hidden" name="back" value={back} />
                    <button
                      type="submit"
                      className={u.active ? "btn-warning text-base" : "btn-secondary text-base"}
                    >
                      {u.active ? "Deactivate" : "Reactivate"}
                      <span className="sr-only"> {u.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} basePath="/admin/users" params={q ? { q } : {}} />
    </>
  );
}
