import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { requestOptions } from "@/lib/workflow/options";

export const metadata: Metadata = { title: "What do you need?" };

export default async function NewRequestPage() {
  const viewer = await requireViewer("/requests/new");
  const profile = profileOf(viewer);
  const options = requestOptions(profile, toActor(viewer));
  const allowed = options.filter((o) => o.allowed);
  const other = options.filter((o) => !o.allowed);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">What do you need?</h1>
      <p className="mb-8 max-w-3xl">
        Choose what you want to ask for. Each request follows {viewer.council.name}&apos;s {profile.title}, so you
        will be told before you submit if the protocol routes or limits it.
      </p>
      <ul className="mb-10 max-w-3xl space-y-6" aria-label="Request types you can use">
        {allowed.map((o) => (
          <li key={o.key} className="border-b border-border pb-5">
            <h2 className="h3 !mb-1">
              <Link href={o.href!}>{o.label}</Link>
            </h2>
            <p>
              {o.guidance}{" "}
              <span className="text-base text-muted">
                ({o.ruleId.startsWith("DEF-") ? "council setting" : "protocol rule"} {o.ruleId})
              </span>
            </p>
          </li>
        ))}
      </ul>
      {other.length > 0 ? (
        <>
          <h2 className="h2">Not available to you</h2>
          <ul className="max-w-3xl space-y-4" aria-label="Request types you cannot use">
            {other.map((o) => (
              <li key={o.key} className="bg-panel p-4">
                <p className="font-semibold">{o.label}</p>
                <p>
                  {o.whyNot} <span className="text-base text-muted">({o.ruleId})</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
