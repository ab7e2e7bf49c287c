import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FilterSelect } from "@/components/FilterSelect";
import { Notice } from "@/components/Notice";
import { Tag } from "@/components/Tag";
import { canManageUsers } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { listOutbox, parseOutboxCursor } from "@/lib/email/dispatch";
import { mailerFromEnv } from "@/lib/email/mailer";
import { formatDateTime } from "@/lib/requests/describe";

export const metadata: Metadata = { title: "Email outbox" };

const STATUS: Record<string, { label: string; tone: "green" | "yellow" | "red" | "grey" | "blue" }> = {
  SENT: { label: "Sent", tone: "green" },
  HELD: { label: "Held: no email server", tone: "yellow" },
  PENDING: { label: "Waiting to send", tone: "blue" },
  SENDING: { label: "Sending", tone: "blue" },
  FAILED: { label: "Failed", tone: "red" },
  SKIPPED: { label: "Not sent: account deactivated", tone: "grey" },
};

const params = z.object({
  status: z
    .enum(["", ...Object.keys(STATUS)] as [string, ...string[]])
    .catch("")
    .default(""),
  before: z.string().max(100).catch("").default(""),
});

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireViewer("/admin/outbox");
  if (!canManageUsers(viewer.roles)) notFound();
  const p = params.parse(await searchParams);
  const before = parseOutboxCursor(p.before);
  const { items, next } = await listOutbox(viewer, { status: p.status, before });
  const mailer = mailerFromEnv();
  const qs = (o: Record<string, string>) =>
    new URLSearchParams(Object.entries({ status: p.status, ...o }).filter(([, v]) => v)).toString();
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Email outbox</h1>
      {mailer ? (
        <p className="mb-6 max-w-3xl">
          Every notification is also emailed to the person it concerns, through {mailer.describe}. This is the
          council&apos;s outgoing email, newest first.
        </p>
      ) : (
        <Notice tone="info" title="No email server is configured">
          <p className="mb-2">
            Emails are kept here instead of being sent. Set <code>SMTP_URL</code> (and <code>MAIL_FROM</code>) to
            send them; see the README.
          </p>
          <p>
            Until then, invitations are shown to you here in full: open one with &lsquo;Show the email&rsquo; and
            send its link to the person yourself. It works once.
          </p>
        </Notice>
      )}
      <form
        method="get"
        aria-label="Filter the outbox"
        className="mb-6 flex flex-wrap items-end gap-4 bg-panel p-4"
      >
        <FilterSelect
          id="status"
          label="Status"
          value={p.status}
          any="Any status"
          options={Object.entries(STATUS).map(([id, s]) => ({ id, name: s.label }))}
          className="input w-72 bg-white"
          wrapperClassName=""
        />
        <button type="submit" className="btn-secondary">
          Apply filter
        </button>
      </form>
      {items.length ? (
        <ul className="mb-6 space-y-4" data-testid="outbox">
          {items.map((m) => (
            <li key={m.id} className="border-b border-border pb-4">
              <p className="font-semibold">
                {m.subject ?? (
                  <span className="text-muted">
                    Content not shown:{" "}
                    {m.aboutRequest ? "about a request you cannot see" : "another person's email"}
                  </span>
                )}
              </p>
              <p className="text-base">
                To {m.toName} &lt;{m.to}&gt; · {formatDateTime(m.createdAt)} ·{" "}
                <Tag tone={STATUS[m.status]?.tone ?? "grey"}>{STATUS[m.status]?.label ?? m.status}</Tag>
              </p>
              {m.error && m.status !== "HELD" ? (
                <p className="text-base text-error">
                  {m.error} (attempt {m.attempts})
                </p>
              ) : null}
              {m.text ? (
                <details className="mt-2">
                  <summary className="cursor-pointer underline">Show the email</summary>
                  <pre className="mt-2 bg-panel p-3 font-sans text-base whitespace-pre-wrap">{m.text}</pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-6">No emails{p.status ? " with this status" : " yet"}.</p>
      )}
      {next || p.before ? (
        <nav aria-label="Pagination" className="my-6 flex gap-6">
          {p.before ? <Link href={`/admin/outbox?${qs({})}`}>Newest</Link> : null}
          {next ? (
            <Link href={`/admin/outbox?${qs({ before: next })}`} rel="next">
              Older emails
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
