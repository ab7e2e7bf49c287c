"use client";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/auth/permissions";

export function NavLinks({
  items,
  unread = 0,
}: {
  items: Pick<NavItem, "key" | "label" | "href">[];
  unread?: number;
}) {
  const path = usePathname();
  return (
    <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 px-4">
      {items.map((item) => {
        // The most specific matching link is the current page ("/requests/new" over "/requests").
        const matches = (href: string) =>
          href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
        const current =
          matches(item.href) &&
          !items.some((o) => o.href.length > item.href.length && o.href.startsWith(item.href) && matches(o.href));
        return (
          <li key={item.key}>
            {/* A full page load, not a client transition: the root layout (header, unread count) is rendered afresh. */}
            <a
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`inline-block py-2 font-semibold text-white! focus-visible:text-ink! ${current ? "border-b-4 border-white" : ""}`}
            >
              {item.label}
              {item.key === "notifications" && unread > 0 ? (
                <span
                  className="ml-1 inline-block rounded-full bg-white px-2 text-sm text-brand"
                  data-testid="unread-count"
                >
                  {unread}
                  <span className="sr-only"> unread</span>
                </span>
              ) : null}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
