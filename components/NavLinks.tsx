"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/auth/permissions";

export function NavLinks({ items }: { items: Pick<NavItem, "key" | "label" | "href">[] }) {
  const path = usePathname();
  return (
    <ul className="mx-auto max-w-5xl px-4 flex flex-wrap gap-x-6">
      {items.map((item) => {
        const current = item.href === "/" ? path === "/" : path.startsWith(item.href);
        return (
          <li key={item.key}>
            <Link href={item.href} aria-current={current ? "page" : undefined} className={`inline-block py-2 text-white! font-semibold ${current ? "border-b-4 border-white" : ""}`}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
