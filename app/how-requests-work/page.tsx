import type { Metadata } from "next";
import Link from "next/link";
import { Tag } from "@/components/Tag";
import { mayAdminister } from "@/lib/admin/audit";
import { requireViewer } from "@/lib/auth/session";
import { profileOf } from "@/lib/protocol/council-profile";
import { describeProtocol, type ProtocolLine } from "@/lib/protocol/how-requests-work";

export const metadata: Metadata = { title: "How requests work here" };

function Line({ l }: { l: ProtocolLine }) {
  return (
    <li className="border-b border-border py-3">
      <p className="mb-1">{l.text}</p>
      <p className="text-base text-muted">
        {l.origin === "PROTOCOL" ? <Tag tone="grey">Protocol rule</Tag> : <Tag tone="green">Council setting</Tag>}{" "}
        {l.ruleId === "COUNCIL" ? (
          "The council's own setting"
        ) : l.ruleId ? (
          <>
            {l.ruleId}
            {l.ruleTitle
              ? l.ruleId.startsWith("DEF-")
                ? `, filling a gap: ${l.ruleTitle}`
                : `: ${l.ruleTitle}`
              : ""}
            {l.ruleSource ? `. Source: ${l.ruleSource}` : ""}
          </>
        ) : (
          "The protocol is silent"
        )}
      </p>
    </li>
  );
}

/** The council's whole protocol as the app enforces it, generated from its profile and settings; anyone signed in. */
export default async function HowRequestsWorkPage() {
  const viewer = await requireViewer("/how-requests-work");
  const profile = profileOf(viewer);
  const areas = describeProtocol(profile);
  return (
    <div className="max-w-3xl">
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">How requests work here</h1>
      <p className="mb-4">
        Requests at {viewer.council.name} follow its {profile.title}. This page lists every rule the service
        applies, area by area. A <strong>protocol rule</strong> comes from the protocol&apos;s own text. A{" "}
        <strong>council setting</strong> fills a gap the protocol leaves; the council can change it, and a change
        applies to new requests only.
      </p>
      <p className="mb-8">
        Settings version {viewer.council.settingsVersion}
        {viewer.council.settingsVersion === 0 ? " (every council setting has its default)" : ""}.
        {mayAdminister(viewer) ? (
          <>
            {" "}
            <Link href="/admin/settings">Change the council settings</Link>
          </>
        ) : null}
      </p>
      <nav aria-labelledby="contents" className="mb-8">
        <h2 id="contents" className="h3">
          Contents
        </h2>
        <ul className="list-disc pl-6">
          {areas.map((a) => (
            <li key={a.key}>
              <a href={`#${a.key}`}>{a.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {areas.map((a) => (
        <section key={a.key} aria-labelledby={a.key} className="mb-10">
          <h2 id={a.key} className="h2">
            {a.title}
          </h2>
          <ul className="list-none">
            {a.lines.map((l, i) => (
              <Line key={`${l.ruleId}-${i}`} l={l} />
            ))}
          </ul>
          {a.silent.length ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-link underline">
                What the protocol does not cover ({a.silent.length})
              </summary>
              <ul className="list-none">
                {a.silent.map((l, i) => (
                  <Line key={`silent-${i}`} l={l} />
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}
