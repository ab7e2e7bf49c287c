// Service header: council name, service name, search, signed-in person and role, and the role's navigation.
import Link from "next/link";
import type { NavItem } from "@/lib/auth/permissions";
import { MainNav } from "./MainNav";
import { SignOutButton } from "./SignOutButton";

type Props = {
  councilName?: string;
  person?: { name: string; roleLabel: string };
  nav: NavItem[];
  unread?: number;
};

export function Header({ councilName, person, nav, unread = 0 }: Props) {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          {councilName ? <p className="text-base">{councilName}</p> : null}
          <Link href="/" className="text-2xl font-bold text-white! no-underline">
            Members&apos; Requests
          </Link>
        </div>
        {person ? (
          // Search across everything (app/search): a row of its own on narrow screens, beside the name on wide ones.
          <form
            action="/search"
            method="get"
            role="search"
            aria-label="Search requests"
            className="order-last flex w-full gap-2 lg:order-none lg:w-auto"
          >
            <label htmlFor="header-search" className="sr-only">
              Search requests
            </label>
            <input
              id="header-search"
              name="q"
              type="search"
              autoComplete="off"
              className="input min-w-0 flex-1 bg-white text-ink lg:w-56 lg:flex-none"
            />
            <button type="submit" className="btn-secondary shrink-0">
              Search
            </button>
          </form>
        ) : null}
        {person ? (
          <div className="text-right text-base">
            <p>
              <span className="font-semibold" data-testid="signed-in-name">
                {person.name}
              </span>
              <span className="block" data-testid="signed-in-role">
                {person.roleLabel}
              </span>
            </p>
            <SignOutButton />
          </div>
        ) : null}
      </div>
      {nav.length > 0 ? (
        <MainNav items={nav.map(({ key, label, href }) => ({ key, label, href }))} unread={unread} />
      ) : null}
    </header>
  );
}
