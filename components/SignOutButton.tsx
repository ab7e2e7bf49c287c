"use client";
import { signOut } from "next-auth/react";
import { removeDrafts } from "./drafts";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => {
        // Drafts stay on this browser only until the person signs out (a shared computer keeps nothing).
        removeDrafts();
        void signOut({ callbackUrl: "/signin?signedout=1" });
      }}
      className="cursor-pointer text-white underline underline-offset-2"
    >
      Sign out
    </button>
  );
}
