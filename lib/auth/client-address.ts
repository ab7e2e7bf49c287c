// The address a request came from, for the sign-in throttle. Next fills X-Forwarded-For with the socket's address
// when the header is absent; behind a load balancer that appends the client's address, set MR_TRUSTED_PROXY_HOPS to
// the number of proxies in front of the app so the entry they added is used, not one a client could write.
// Without a trusted proxy a client can choose its own header: the per-account limit does not depend on it.
export function clientAddress(
  header: string | null | undefined,
  hops = Number(process.env.MR_TRUSTED_PROXY_HOPS ?? 0),
): string {
  const entries = (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = hops > 0 ? Math.max(0, entries.length - hops) : entries.length - 1;
  const entry = entries[index]!;
  // Only something shaped like an IPv4 or IPv6 address counts; anything else is "unknown".
  return /^[0-9a-fA-F:.]{2,45}$/.test(entry) && /[.:]/.test(entry) ? entry : "unknown";
}
