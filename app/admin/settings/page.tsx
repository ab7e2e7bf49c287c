import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { loadSettingsPage } from "@/lib/admin/settings";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/requests/describe";
import { saveSettingsAction } from "./actions";
import { SettingsForm } from "./SettingsForm";

export const metadata: Metadata = { title: "Protocol settings" };

type Search = Promise<Record<string, string | undefined>>;

/** The council's protocol settings (issue 15): its administrators only; anyone else gets not found. */
export default async function SettingsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer("/admin/settings");
  const page = await loadSettingsPage(viewer);
  if (!page) notFound();
  const sp = await searchParams;
  const saved = sp.saved && /^\d{1,6}$/.test(sp.saved) && Number(sp.saved) === page.version ? page.version : null;
  return (
    <div className="max-w-3xl">
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Protocol settings</h1>
      {saved ? (
        <Notice tone="success" title={`Settings version ${saved} saved`}>
          <p>It applies to requests made from now on. Requests already made keep their due dates and routes.</p>
        </Notice>
      ) : null}
      <p className="mb-4">
        {viewer.council.name} follows its {page.profileTitle}. Rules from the protocol cannot be changed here.
        Council settings fill the gaps the protocol leaves: targets in working days, who reviews, optional steps
        and who is told. Each has a default, and you can change it.
      </p>
      <p className="mb-4">
        {page.version === 0
          ? "No setting has been changed yet: every setting has its default."
          : `Version ${page.version} is in force.`}{" "}
        A change makes a new version and applies to new requests only. Everyone can read the result on{" "}
        <Link href="/how-requests-work">How requests work here</Link>.
      </p>
      {/* A new version starts a fresh form: nothing typed for the version before is carried over. */}
      <SettingsForm
        key={page.version}
        councilId={page.councilId}
        version={page.version}
        areas={page.areas}
        act={saveSettingsAction}
      />
      <section aria-labelledby="history" className="mt-12">
        <h2 id="history" className="h2">
          Versions
        </h2>
        {page.history.length === 0 ? (
          <p>No version has been saved yet.</p>
        ) : (
          <ol className="list-none space-y-4">
            {page.history.map((v) => (
              <li key={v.version} className="border-b border-border pb-4">
                <p className="font-bold">
                  Version {v.version}: {v.by}, {formatDateTime(v.at)}
                </p>
                {v.changes.length ? (
                  <ul className="list-disc pl-6">
                    {v.changes.map((c) => (
                      <li key={c.path}>
                        {c.name}: {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {v.note ? <p className="text-muted">Note: {v.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
