"use client";
// The import's two steps on one page: upload a file and see its problems (with the file's line numbers) or what it
// would do; then apply it. The file's text travels in the apply form and is checked again on the server.
import { useActionState, useState, type FormEvent } from "react";
import { ErrorSummary, type ErrorItem } from "@/components/ErrorSummary";
import { Notice } from "@/components/Notice";
import { Tag } from "@/components/Tag";
import {
  IMPORT_MAX_BYTES,
  IMPORT_PREVIEW_ROWS,
  INITIAL_IMPORT_STATE,
  type ImportPreview,
  type ImportState,
} from "@/lib/admin/import";

type Act = (prev: ImportState, form: FormData) => Promise<ImportState>;

/** Problems listed in the summary at the top; all of them (up to the limit) are in the table. */
const SUMMARY_MAX = 10;

const n = (x: number) => x.toLocaleString("en-GB");

export function ImportFlow({ act }: { act: Act }) {
  const [state, formAction, pending] = useActionState<ImportState, FormData>(act, INITIAL_IMPORT_STATE);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const lineErrors = state.errors.filter((e) => e.line !== null);
  const fileErrors = state.errors.filter((e) => e.line === null);
  const total = state.errors.length + state.moreErrors;
  const summary: ErrorItem[] = [
    ...(tooBig ? [{ field: "file", message: tooBig }] : []),
    ...fileErrors.map((e) => ({ field: "file", message: e.message })),
    ...lineErrors.slice(0, SUMMARY_MAX).map((e) => ({ field: "import-errors", message: e.message })),
    ...(total - fileErrors.length > SUMMARY_MAX
      ? [
          {
            field: "import-errors",
            message: `And ${n(total - fileErrors.length - SUMMARY_MAX)} more problems: see the table below.`,
          },
        ]
      : []),
  ];
  const fileError =
    tooBig ?? fileErrors[0]?.message ?? (lineErrors.length ? "Correct the file and upload it again." : null);

  /** A file over the limit is refused here, before it is sent; the server checks again. */
  const checkSize = (e: FormEvent<HTMLFormElement>) => {
    const file = e.currentTarget.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
    if (file && file.size > IMPORT_MAX_BYTES) {
      e.preventDefault();
      setTooBig("The file must be 2 MB or smaller. Split it into parts of up to 5,000 rows.");
    } else setTooBig(null);
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      {state.notice ? <Notice title={state.notice} /> : null}
      {lineErrors.length ? <ErrorTable state={state} /> : null}
      {state.preview ? (
        <PreviewSection
          preview={state.preview}
          csv={state.csv}
          fileName={state.fileName}
          formAction={formAction}
          pending={pending}
        />
      ) : null}

      <form action={formAction} onSubmit={checkSize} className="mb-8 max-w-3xl" aria-labelledby="upload-heading">
        <h2 id="upload-heading" className="h2">
          {state.preview || state.errors.length ? "Upload a different file" : "Upload your file"}
        </h2>
        <input type="hidden" name="intent" value="check" />
        <div className={`mb-6 ${fileError ? "border-l-4 border-error pl-4" : ""}`}>
          <label htmlFor="file" className="label">
            CSV file
          </label>
          <span id="file-hint" className="hint">
            Up to 2 MB and 5,000 people. From a spreadsheet, save as “CSV UTF-8 (comma delimited)”. Nothing is
            imported until you have checked the preview and chosen to apply it.
          </span>
          {fileError ? (
            <span id="file-error" className="field-error">
              <span className="sr-only">Error:</span> {fileError}
            </span>
          ) : null}
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`file-hint${fileError ? " file-error" : ""}`}
            className="block max-w-full"
          />
        </div>
        <button type="submit" className={state.preview ? "btn-secondary" : "btn"} disabled={pending}>
          {pending ? "Checking…" : "Check the file"}
        </button>
      </form>
    </>
  );
}

function ErrorTable({ state }: { state: ImportState }) {
  const rows = state.errors.filter((e) => e.line !== null);
  return (
    <section aria-labelledby="import-errors-heading" className="mb-8">
      <h2 id="import-errors-heading" className="h2">
        Problems in {state.fileName ? `“${state.fileName}”` : "the file"}
      </h2>
      <p className="mb-4 max-w-3xl">
        Nothing has been imported. Correct{" "}
        {rows.length + state.moreErrors === 1 ? "this problem" : "these problems"} in your spreadsheet, save it as
        CSV again and upload it. Line numbers count every line of the file, the header being line 1.
      </p>
      <table id="import-errors" tabIndex={-1} className="mb-4 w-full text-left">
        <caption className="sr-only">Problems found, by line of the file</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              Line
            </th>
            <th scope="col" className="py-2 pr-3">
              Column
            </th>
            <th scope="col" className="py-2">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e, i) => (
            <tr key={i} className="border-b border-border align-top">
              <td className="py-2 pr-3">{e.line}</td>
              <td className="py-2 pr-3 break-all">{e.column ?? ""}</td>
              <td className="py-2 break-words">{e.message.replace(/^Line \d+: /, "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.moreErrors ? (
        <p className="mb-4">
          And {n(state.moreErrors)} more {state.moreErrors === 1 ? "problem" : "problems"} not listed: correct
          these first and check the file again.
        </p>
      ) : null}
    </section>
  );
}

function PreviewSection({
  preview,
  csv,
  fileName,
  formAction,
  pending,
}: {
  preview: ImportPreview;
  csv: string;
  fileName: string;
  formAction: (form: FormData) => void;
  pending: boolean;
}) {
  const c = preview.counts;
  const nothing =
    c.create + c.update === 0 &&
    preview.newGroups.length + preview.newWards.length + preview.newServices.length === 0 &&
    preview.sideEffects.length === 0;
  const made = (label: string, names: string[]) =>
    names.length ? (
      <div className="border-b border-border py-2 md:flex md:gap-4">
        <dt className="font-semibold md:w-1/3">{label}</dt>
        <dd className="break-words md:w-2/3">
          {n(names.length)}: {names.join(", ")}
        </dd>
      </div>
    ) : null;
  return (
    <section aria-labelledby="preview-heading" className="mb-8">
      <h2 id="preview-heading" className="h2">
        What {fileName ? `“${fileName}”` : "the file"} will do
      </h2>
      <dl className="mb-6 max-w-3xl">
        <div className="border-b border-border py-2 md:flex md:gap-4">
          <dt className="font-semibold md:w-1/3">Rows read</dt>
          <dd className="md:w-2/3">{n(preview.rows)}</dd>
        </div>
        <div className="border-b border-border py-2 md:flex md:gap-4">
          <dt className="font-semibold md:w-1/3">People to add</dt>
          <dd className="md:w-2/3">{n(c.create)}</dd>
        </div>
        <div className="border-b border-border py-2 md:flex md:gap-4">
          <dt className="font-semibold md:w-1/3">People to change</dt>
          <dd className="md:w-2/3">{n(c.update)}</dd>
        </div>
        <div className="border-b border-border py-2 md:flex md:gap-4">
          <dt className="font-semibold md:w-1/3">Already as the file says</dt>
          <dd className="md:w-2/3">{n(c.unchanged)}</dd>
        </div>
        {made("New party groups", preview.newGroups)}
        {made("New wards", preview.newWards)}
        {made("New services", preview.newServices)}
      </dl>
      {preview.sideEffects.length ? (
        <>
          <h3 className="h3">Also changes people not in the file</h3>
          <ul className="mb-6 max-w-3xl list-disc space-y-1 pl-6">
            {preview.sideEffects.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.changes.length ? (
        <>
          <h3 className="h3">
            {preview.moreChanges
              ? `The first ${n(IMPORT_PREVIEW_ROWS)} changes of ${n(preview.changes.length + preview.moreChanges)}`
              : "Changes"}
          </h3>
          <table className="mb-6 w-full text-left">
            <caption className="sr-only">People the import adds or changes, by line of the file</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  Line
                </th>
                <th scope="col" className="py-2 pr-3">
                  Person
                </th>
                <th scope="col" className="py-2">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((ch) => (
                <tr key={ch.line} className="border-b border-border align-top">
                  <td className="py-2 pr-3">{ch.line}</td>
                  <td className="py-2 pr-3 break-words">
                    {ch.name}
                    <span className="block text-base break-all text-muted">{ch.email}</span>
                  </td>
                  <td className="py-2 text-base break-words">
                    {ch.kind === "create" ? <Tag tone="green">New</Tag> : <Tag>Changed</Tag>}
                    <ul className="mt-1 space-y-1">
                      {ch.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {nothing ? (
        <p className="mb-6 max-w-3xl">Everyone in the file is already as it says: there is nothing to import.</p>
      ) : (
        <form action={formAction} className="max-w-3xl" aria-labelledby="apply-heading">
          <h3 id="apply-heading" className="h3">
            Apply the import
          </h3>
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="csv" value={csv} />
          <input type="hidden" name="digest" value={preview.digest} />
          <input type="hidden" name="fileName" value={fileName} />
          <p className="mb-4">
            Everything above is written at once, or nothing is: if anything changed since this preview, you are
            shown the new one instead.
          </p>
          {c.create ? (
            <div className="mb-6 flex gap-3">
              <input
                type="checkbox"
                id="invite"
                name="invite"
                value="yes"
                defaultChecked
                aria-describedby="invite-hint"
                className="h-6 w-6 shrink-0"
              />
              <label htmlFor="invite">
                Email each new person an invitation to set their password
                <span id="invite-hint" className="hint block">
                  Untick if they will sign in with the council’s single sign-on, or if you will invite them later
                  from their page.
                </span>
              </label>
            </div>
          ) : null}
          <button type="submit" className="btn" disabled={pending}>
            {pending
              ? "Importing…"
              : `Apply the import (${n(c.create + c.update)} ${c.create + c.update === 1 ? "person" : "people"})`}
          </button>
        </form>
      )}
    </section>
  );
}
