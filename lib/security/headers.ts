// The security headers of every page (proxy.ts sets them per request; pure, so they are unit-tested):
// a nonce-based Content-Security-Policy for Next's scripts, no framing, a strict referrer policy, no MIME sniffing,
// no powerful browser features, and HSTS when the service is reached over HTTPS.

/**
 * The Content-Security-Policy for a response whose scripts carry `nonce`. `ssoForm`: the sign-in page, whose single
 * sign-on form goes to /signin/sso/start and is redirected from there to the council's provider — browsers check
 * form-action on every redirect of a form's navigation, so that page also allows https (and, while the app itself runs
 * on http, a provider on this machine: trials and tests). docs/decisions/0015.
 */
export function contentSecurityPolicy(
  nonce: string,
  opts: { https: boolean; dev: boolean; ssoForm?: boolean },
): string {
  const ssoTargets = opts.ssoForm ? ` https:${opts.https ? "" : " http://localhost:* http://127.0.0.1:*"}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes (bar heights on the dashboard) cannot run code; inline <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${ssoTargets}`,
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response carries besides the CSP. */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Whether the request reached the service over HTTPS (directly, or through a proxy that says so). */
export function isHttps(
  url: string,
  forwardedProto: string | null,
  publicUrl = process.env.NEXTAUTH_URL,
): boolean {
  return (
    url.startsWith("https:") ||
    forwardedProto?.split(",")[0]?.trim() === "https" ||
    (publicUrl ?? "").startsWith("https:")
  );
}
