// The open requests a person holds, as the administrator may see them: reference and subject only where the
// administrator has access to the request; otherwise its type, status and due date.
import Link from "next/link";
import { formatDate } from "@/lib/requests/describe";
import type { OpenWorkItem } from "@/lib/users/people";

const HOLDS: Record<OpenWorkItem["holds"][number], string> = {
  DECIDER: "Deciding",
  ALLOCATED: "Allocated",
  REVIEWER: "Reviewing",
};

export function OpenWork({ name, items, total }: { name: string; items: OpenWorkItem[]; total: number }) {
  if (total === 0) return <p className="mb-6">{name} holds no open requests.</p>;
  return (
    <>
      <p className="mb-4">
        {name} holds {total} open {total === 1 ? "request" : "requests"}
        {total > items.length ? ` (the first ${items.length}, soonest due, are listed)` : ""}.
      </p>
      <ul className="mb-6 max-w-3xl space-y-3">
        {items.map((w) => (
          <li key={w.id} className="border-b border-border pb-2">
            <span className="block font-semibold break-words">
              {w.reference ? (
                <Link href={`/requests/${w.id}`}>
                  {w.reference}: {w.subject}
                </Link>
              ) : (
                w.subject
              )}
            </span>
            <span className="block text-base text-muted">
              {w.holds.map((h) => HOLDS[h]).join(", ")} · {w.status}
              {w.dueDate ? ` · due ${formatDate(w.dueDate)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
