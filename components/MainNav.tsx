"use client";
// The header's main navigation. On phones it folds behind a "Menu" button (GOV.UK header pattern) once JavaScript
// runs; without JavaScript, and from the md breakpoint up, the links are simply shown.
import { useState } from "react";
import type { NavItem } from "@/lib/auth/permissions";
import { NavLinks } from "./NavLinks";
import { useHydrated } from "./useHydrated";

const NAV_ID = "main-navigation";

export function MainNav({ items, unread }: { items: Pick<NavItem, "key" | "label" | "href">[]; unread: number }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  return (
    <div className="bg-[#12293f]">
      {hydrated ? (
        <div className="mx-auto max-w-5xl px-4 md:hidden">
          <button
            type="button"
            aria-controls={NAV_ID}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            className="cursor-pointer py-2 font-semibold text-white focus-visible:text-ink"
          >
            Menu
            <span aria-hidden="true" className="ml-2 inline-block text-sm">
              {open ? "▲" : "▼"}
            </span>
          </button>
        </div>
      ) : null}
      <nav id={NAV_ID} aria-label="Main" className={hydrated && !open ? "max-md:hidden" : undefined}>
        <NavLinks items={items} unread={unread} />
      </nav>
    </div>
  );
}
