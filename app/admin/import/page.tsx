import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { mailerFromEnv } from "@/lib/email/mailer";
import { mayAdminister } from "@/lib/admin/audit";
import { COLUMN_HELP, IMPORT_COLUMNS } from "@/lib/admin/import";
import { importOutcome } from "@/lib/admin/import-forms";
import { requireViewer } from "@/lib/auth/session";
import { importPeopleAction } from "./actions";
import { ImportFlow } from "./ImportFlow";

export const metadata: Metadata = { title: "Import people" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Bulk import of people (and their wards, party groups and services) from a CSV file: administrators only. */
export default async function ImportPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer("/admin/import");
  if (!mayAdminister(viewer)) notFound();
  const sp = await searchParams;
  const done = typeof sp.done === "string" ? await importOutcome(viewer, sp.done) : null;
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Import people</h1>
      {done ? (
        <Notice tone="success" title="The import is done">
          <p className="mb-2">{done}</p>
          {!mailerFromEnv() && / invited\./.test(done) ? (
            <p className="mb-2">
              No email server is configured (SMTP_URL), so the invitations wait in the{" "}
              <Link href="/admin/outbox">Email outbox</Link>: open each there and send its link to the person.
            </p>
          ) : null}
          <p>
            <Link href="/admin/users">See the users</Link> or <Link href="/admin/log">the administrative log</Link>
            .
          </p>
        </Notice>
      ) : null}
      <div className="mb-8 max-w-3xl space-y-4">
        <p>
          Add or update many councillors and officers at once from a spreadsheet saved as CSV: one row per person.
          You see every problem, with its line in the file, and then a preview of what will change. Nothing is
          imported until you apply it, and then everything is imported at once or nothing is.
        </p>
        <p>
          <a href="/admin/import/template" download className="font-semibold">
            Download the template (CSV)
          </a>{" "}
          — the columns below, with two example rows to replace with your own.
        </p>
      </div>
      <details className="mb-8 max-w-3xl">
        <summary className="cursor-pointer font-semibold text-link underline">
          The columns and what to put in them
        </summary>
        <div className="mt-4 space-y-4">
          <p>
            People are found by their email address. A column you leave out of the file leaves that detail as it is
            for everyone; a column in the file sets it, an empty cell clearing it. Lists go in one cell, separated
            by semicolons. Party groups, wards and services that do not exist yet are created (the preview lists
            them); committees must exist already.
          </p>
          <dl>
            {IMPORT_COLUMNS.map((col) => {
              const h = COLUMN_HELP[col];
              return (
                <div key={col} className="border-b border-border py-2">
                  <dt className="font-mono font-semibold break-all">
                    {col}
                    {h.required ? (
                      <span className="ml-2 font-sans font-normal text-muted">({h.required})</span>
                    ) : null}
                  </dt>
                  <dd className="break-words">
                    {h.text} <span className="text-muted">For example: </span>
                    <code className="break-all">{h.example}</code>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      </details>
      {/* A new key after an import: the form starts afresh rather than showing the preview just applied. */}
      <ImportFlow key={typeof sp.done === "string" ? sp.done : "start"} act={importPeopleAction} />
    </>
  );
}
