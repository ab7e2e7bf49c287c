"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin?signedout=1" })}
      className="cursor-pointer text-white underline underline-offset-2"
    >
      Sign out
    </button>
  );
}
