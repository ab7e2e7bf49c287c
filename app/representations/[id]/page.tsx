import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { RecordHistory } from "@/components/RecordHistory";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/requests/describe";
import { loadRepresentationPage } from "@/lib/representations/queries";

export const metadata: Metadata = { title: "Representation" };

export default async function RepresentationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/representations/${id}`);
  const page = await loadRepresentationPage(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { detail } = page;
  return (
    <>
      {done === "LOG_REPRESENTATION" ? (
        <Notice tone="success" title="The representation has been logged." />
      ) : null}
      <Link href="/representations" className="mb-6 inline-block">
        Back to representations
      </Link>
      <span className="caption">Representation {detail.reference}</span>
      <h1 className="h1 break-words">{detail.subject}</h1>
      <p className="mb-6">
        <Tag tone={page.onRegister ? "blue" : "grey"}>
          {page.onRegister ? "On the Council's representations register" : "Not on the Council's register"}
        </Tag>
      </p>
      {!page.onRegister && page.notice ? (
        <p className="mb-6 max-w-3xl">
          {page.notice.text} ({page.notice.ruleId})
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "Made to", value: page.to },
          ...(page.madeBy ? [{ key: "Made by", value: page.madeBy }] : []),
          ...(page.madeOn ? [{ key: "Made on", value: formatDate(page.madeOn) }] : []),
          { key: "Logged by", value: detail.filedBy },
          { key: "Logged on", value: formatDate(detail.createdAt) },
        ]}
      />
      {detail.details !== null ? (
        <section aria-labelledby="text-title" className="mb-10 max-w-3xl">
          <h2 id="text-title" className="h2">
            The representation
          </h2>
          <p className="break-words whitespace-pre-wrap">{detail.details}</p>
        </section>
      ) : (
        <p className="mb-10 max-w-3xl">
          The text of the representation is for the members of the committee it was made to, and the officers who
          support it.
        </p>
      )}
      <RecordHistory
        detail={detail}
        profileKey={viewer.council.profileKey}
        actionTitles={{ FILED: "Representation logged" }}
      />
    </>
  );
}
