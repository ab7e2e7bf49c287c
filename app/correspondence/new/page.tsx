import type { Metadata } from "next";
import Link from "next/link";
import { ActionForms } from "@/components/ActionForms";
import { requireViewer } from "@/lib/auth/session";
import { newCorrespondenceForm } from "@/lib/correspondence/queries";
import { recordCorrespondenceAction } from "../actions";

export const metadata: Metadata = { title: "Record correspondence" };

/** Record a letter or email between a councillor and an officer, or to a Cabinet Member. */
export default async function NewCorrespondencePage() {
  const viewer = await requireViewer("/correspondence/new");
  const spec = await newCorrespondenceForm(viewer);
  return (
    <>
      <Link href="/correspondence" className="mb-6 inline-block">
        Back to correspondence
      </Link>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Record correspondence</h1>
      {spec ? (
        <>
          <p className="mb-6 max-w-3xl">
            Record a letter or email between a councillor and an officer, or to a Cabinet Member. The person it was
            sent to is told, and can reply here.
          </p>
          <ActionForms
            specs={[spec]}
            heading="Details"
            requestId="new"
            act={recordCorrespondenceAction}
            backHref="/correspondence/new"
          />
        </>
      ) : (
        <p className="mb-8 max-w-3xl">Only councillors and officers of the council record correspondence.</p>
      )}
    </>
  );
}
