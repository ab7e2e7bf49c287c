import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/Pagination";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/requests/describe";
import { listNotifications } from "@/lib/requests/queries";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("/notifications");
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse((await searchParams).page ?? 1);
  const { items, pages } = await listNotifications(viewer, page);
  const unread = items.some((n) => n.unread);
  return (
    <>
      <h1 className="h1">Notifications</h1>
      {unread ? (
        <form action={markAllReadAction} className="mb-6">
          <button type="submit" className="btn-secondary">
            Mark all as read
          </button>
        </form>
      ) : null}
      {items.length === 0 ? <p>You have no notifications.</p> : null}
      <ul className="mb-6 max-w-3xl space-y-4">
        {items.map((n) => (
          <li
            key={n.id}
            className={`p-4 ${n.unread ? "border-l-4 border-brand bg-panel" : "border-b border-border"}`}
          >
            {n.unread ? <Tag tone="blue">New</Tag> : null}
            <p className="mt-1 font-semibold">
              {n.requestId ? <Link href={`/requests/${n.requestId}`}>{n.title}</Link> : n.title}
            </p>
            {n.body ? <p className="whitespace-pre-wrap">{n.body}</p> : null}
            <p className="text-base text-muted">{formatDateTime(n.createdAt)}</p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} basePath="/notifications" params={{}} />
    </>
  );
}
