import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { listOrganisation, organisationSpecs } from "@/lib/organisation/admin";
import { isOrgKind, ORG_KINDS } from "@/lib/organisation/admin-schema";
import { formatDate } from "@/lib/requests/describe";
import { OrganisationForms } from "../OrganisationForms";

export const metadata: Metadata = { title: "Organisation" };

/** One kind of the council's organisation: those in use, then the retired ones, and a form to add one. */
export default async function OrganisationKindPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isOrgKind(kind)) notFound();
  const viewer = await requireViewer(`/admin/organisation/${kind}`);
  const list = await listOrganisation(viewer, kind);
  if (!list) notFound();
  const specs = await organisationSpecs(viewer, kind, null);
  const { title, one, many } = ORG_KINDS[kind];
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/organisation">Back to the organisation</Link>
      </p>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">{title}</h1>
      {list.rows.length ? (
        <table className="mb-4 w-full text-left">
          <caption className="sr-only">
            The council&apos;s {many}: those in use first, then the retired ones
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-2 pr-3 break-words">
                  <Link href={`/admin/organisation/${kind}/${r.id}`}>{r.name}</Link>
                  <span className="block text-base text-muted">{r.detail}</span>
                </td>
                <td className="py-2 pr-3">
                  {r.retiredAt ? (
                    <>
                      <Tag tone="grey">Retired</Tag>
                      <span className="block text-base text-muted">{formatDate(r.retiredAt)}</span>
                    </>
                  ) : (
                    <Tag tone="green">In use</Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mb-4">There are no {many} yet.</p>
      )}
      {list.truncated ? <p className="mb-4 text-base text-muted">Only the first 500 are shown.</p> : null}
      <OrganisationForms
        id="new"
        specs={specs}
        backHref={`/admin/organisation/${kind}`}
        heading={`Add a ${one}`}
      />
    </>
  );
}
