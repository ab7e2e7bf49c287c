// Service header: council name, service name, signed-in person and role, and the role's navigation.
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
