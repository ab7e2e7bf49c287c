import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { requireViewer } from "@/lib/auth/session";
import { newEntryForm } from "@/lib/register/queries";
import { isRegisterKind, type RegisterKind } from "@/lib/workflow/register";
import { registerEntryAction } from "../../actions";

export const metadata: Metadata = { title: "New register entry" };

const SECTION: Record<RegisterKind, string> = {
  disclosure: "The relationship",
  visit: "The visit",
  publicity: "The publicity",
  event: "The event",
};

/** A new register entry of one kind — or why this council, or this person, does not make one. */
export default async function NewRegisterEntryPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isRegisterKind(kind)) notFound();
  const viewer = await requireViewer(`/register/new/${kind}`);
  const form = await newEntryForm(viewer, kind);
  if (!form.spec) {
    const why = form.offer.mayFile.ok ? "" : form.offer.mayFile.message;
    return (
      <>
        <span className="caption">{viewer.council.name}</span>
        <h1 className="h1">{form.title}</h1>
        <p className="mb-6 max-w-3xl">
          {why} <span className="text-base text-muted">({form.offer.citation})</span>
        </p>
        <p>
          <Link href="/register">Back to the register</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">{form.title}</h1>
      <ul className="mb-8 max-w-3xl space-y-3 border-l-4 border-brand pl-4" aria-label="Before you start">
        {form.notices.map((n) => (
          <li key={n.text}>
            {n.text} <span className="text-base text-muted">({n.citation})</span>
          </li>
        ))}
      </ul>
      <ActionForms
        specs={[{ ...form.spec, title: SECTION[kind] }]}
        heading="Your answers"
        requestId="new"
        act={registerEntryAction}
        backHref={`/register/new/${kind}`}
      />
      <p>
        <Link href="/register">Cancel and go back to the register</Link>
      </p>
    </>
  );
}
