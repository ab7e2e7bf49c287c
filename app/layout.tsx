import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { Header } from "@/components/Header";
import { RouteFocus } from "@/components/RouteFocus";
import { SentDrafts } from "@/components/SentDrafts";
import { navFor } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { primaryRoleLabel } from "@/lib/people/describe";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Members' Requests", template: "%s – Members' Requests" },
  description: "Requests between councillors and council officers, handled by the council's own protocol.",
  // Casework is never for search engines (the X-Robots-Tag header and public/robots.txt say so too).
  robots: { index: false, follow: false },
  manifest: "/site.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
    apple: "/icon-192.png",
  },
};

// Public pages (readable signed out too): what the service is, how to get help, and the statements the law asks for.
const SUPPORT_LINKS = [
  { href: "/help", label: "Help" },
  { href: "/contact", label: "Contact" },
  { href: "/accessibility", label: "Accessibility statement" },
  { href: "/privacy", label: "Privacy" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const unread = viewer?.unread ?? 0;
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:block focus:bg-focus focus:p-2 focus:text-ink">
          Skip to main content
        </a>
        <Header
          councilName={viewer?.council.name}
          person={
            viewer
              ? { name: viewer.name, roleLabel: primaryRoleLabel(viewer.council.profileKey, viewer.roles) }
              : undefined
          }
          nav={viewer ? navFor(viewer.roles) : []}
          unread={unread}
        />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <RouteFocus />
        <Suspense fallback={null}>
          <SentDrafts />
        </Suspense>
        <footer className="border-t-4 border-brand bg-panel">
          <div className="mx-auto max-w-5xl px-4 py-6 text-base">
            <nav aria-label="Support links" className="mb-4">
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                {SUPPORT_LINKS.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} prefetch={false}>
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <p className="text-muted">
              Members&apos; Requests — casework between councillors and officers under the council&apos;s
              member/officer protocol.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
