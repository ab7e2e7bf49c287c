import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { organisationItem, organisationSpecs } from "@/lib/organisation/admin";
import { isOrgKind, ORG_KINDS, RETIRE_EFFECT } from "@/lib/organisation/admin-schema";
import { formatDate } from "@/lib/requests/describe";
import { OrganisationForms } from "../../OrganisationForms";

export const metadata: Metadata = { title: "Organisation" };

const DONE: Record<string, (one: string) => string> = {
  CREATED: (one) => `The ${one} has been added.`,
  UPDATED: () => "Your changes have been saved.",
  RETIRED: (one) => `The ${one} has been retired. It is no longer offered in new forms.`,
  REINSTATED: (one) => `The ${one} has been reinstated. It is offered in new forms again.`,
};

/** One party group, ward, service or committee: what it is, and the forms to change, retire or reinstate it. */
export default async function OrganisationItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ kind, id }, { done }] = await Promise.all([params, searchParams]);
  if (!isOrgKind(kind)) notFound();
  const viewer = await requireViewer(`/admin/organisation/${kind}`);
  const item = await organisationItem(viewer, kind, id);
  if (!item) notFound();
  const specs = await organisationSpecs(viewer, kind, item);
  const { one, title } = ORG_KINDS[kind];
  const doneText = done && DONE[done] ? DONE[done](one) : null;
  return (
    <>
      <p className="mb-4">
        <Link href={`/admin/organisation/${kind}`}>Back to {title.toLowerCase()}</Link>
      </p>
      {doneText ? <Notice tone="success" title={doneText} /> : null}
      <span className="caption">{one.charAt(0).toUpperCase() + one.slice(1)}</span>
      <h1 className="h1 break-words">{item.name}</h1>
      <p className="mb-6">
        {item.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">In use</Tag>}
        {item.retiredAt ? (
          <span className="block max-w-3xl pt-2">
            Retired on {formatDate(item.retiredAt)}. {RETIRE_EFFECT}
          </span>
        ) : null}
      </p>
      <SummaryList rows={item.facts} />
      <OrganisationForms
        id={item.id}
        specs={specs}
        backHref={`/admin/organisation/${kind}/${item.id}`}
        heading={`Change or ${item.retiredAt ? "reinstate" : "retire"} this ${one}`}
      />
    </>
  );
}
