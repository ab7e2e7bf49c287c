import type { Metadata } from "next";
import Link from "next/link";
import { ActionForms } from "@/components/ActionForms";
import { requireViewer } from "@/lib/auth/session";
import { newLetterForm } from "@/lib/correspondence/queries";
import { draftLetterAction } from "../actions";

export const metadata: Metadata = { title: "Draft an official letter" };

/** An official letter, drafted by an officer and normally sent in an officer's name (CWC-E3, C2007-E2, DEF-G1). */
export default async function NewLetterPage() {
  const viewer = await requireViewer("/correspondence/new-letter");
  const spec = await newLetterForm(viewer);
  return (
    <>
      <Link href="/correspondence" className="mb-6 inline-block">
        Back to correspondence
      </Link>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Draft an official letter</h1>
      {spec ? (
        <>
          <p className="mb-6 max-w-3xl">
            The letter is saved as a draft that you and the signatory can see. Record it as sent when it has gone
            out.
          </p>
          <ActionForms
            specs={[spec]}
            heading="Details"
            requestId="new"
            act={draftLetterAction}
            backHref="/correspondence/new-letter"
          />
        </>
      ) : (
        <p className="mb-8 max-w-3xl">Official letters are drafted by officers of the council.</p>
      )}
    </>
  );
}
