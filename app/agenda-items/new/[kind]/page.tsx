import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { requireViewer } from "@/lib/auth/session";
import { newAgendaItemForm } from "@/lib/agenda-items/page";
import { KIND_LABELS, KIND_SLUGS, type AgendaRouteKind } from "@/lib/workflow/agenda-items";
import { newAgendaItemAction } from "./actions";

export const metadata: Metadata = { title: "New agenda item" };

export default async function NewAgendaItemPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind: slug } = await params;
  const kind = (Object.keys(KIND_SLUGS) as AgendaRouteKind[]).find((k) => KIND_SLUGS[k] === slug);
  if (!kind) notFound();
  const viewer = await requireViewer(`/agenda-items/new/${slug}`);
  const { spec, explanation } = await newAgendaItemForm(viewer, kind, randomUUID(), new Date());
  return (
    <>
      <Link href="/agenda-items" className="mb-6 inline-block">
        Back to agenda items
      </Link>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">{KIND_LABELS[kind]}</h1>
      {explanation ? <p className="mb-8 max-w-3xl">{explanation}</p> : null}
      {spec ? (
        <ActionForms
          specs={[spec]}
          heading="Your details"
          act={newAgendaItemAction}
          requestId="new"
          backHref="/agenda-items"
        />
      ) : null}
    </>
  );
}
