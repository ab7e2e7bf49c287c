import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { requireViewer } from "@/lib/auth/session";
import { newRepresentationSpec } from "@/lib/representations/service";
import { logRepresentationAction } from "./actions";

export const metadata: Metadata = { title: "Log a representation" };

export default async function NewRepresentationPage() {
  const viewer = await requireViewer("/representations/new");
  const spec = await newRepresentationSpec(viewer, randomUUID());
  if (!spec) notFound();
  return (
    <>
      <Link href="/representations" className="mb-6 inline-block">
        Back to representations
      </Link>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Log a representation</h1>
      <ActionForms
        specs={[spec]}
        heading="The representation"
        act={logRepresentationAction}
        requestId="new"
        backHref="/representations"
      />
    </>
  );
}
