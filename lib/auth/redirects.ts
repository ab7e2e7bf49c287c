// Only same-site paths are accepted as a return address after sign-in (no open redirects).
export function safeReturnPath(value: string | null | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return "/";
    if (url.pathname.startsWith("/signin") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
