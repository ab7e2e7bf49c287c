"use client";
// After a client-side navigation (a <Link> to another page), move focus to the new page's main content, as a full
// page load would start at the top, and say which page it is in a polite live region (Next's own announcer reads the
// title too; this keeps keyboard users in the right place). The first render does nothing.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function RouteFocus() {
  const path = usePathname();
  const first = useRef(true);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus();
    // The new page's title is in place a moment after the route changes.
    const t = setTimeout(() => setMessage(`${document.title.replace(/ – .*$/, "")} page`), 150);
    return () => clearTimeout(t);
  }, [path]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="route-announcement">
      {message}
    </p>
  );
}
