import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { ClearDrafts } from "@/components/ClearDrafts";
import { Notice } from "@/components/Notice";
import { RecordHistory } from "@/components/RecordHistory";
import { SummaryList } from "@/components/SummaryList";
import { StatusTag, Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { loadCorrespondencePage, type CopyView } from "@/lib/correspondence/queries";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/requests/describe";
import { correspondenceAction } from "../actions";

export const metadata: Metadata = { title: "Correspondence" };

const DONE: Record<string, string> = {
  RECORD: "The correspondence has been recorded and the person it was sent to told.",
  DRAFT: "The letter has been saved as a draft.",
  COPY: "The copy has been made. The person who wrote it has been told.",
  COPY_AWAITING: "The copy waits for the consent of the councillor who wrote it. They have been asked.",
  COPY_PARTLY_AWAITING:
    "Some copies have been made; the others wait for the consent of the councillor who wrote it. They have been told and asked.",
  GIVE_CONSENT: "You gave consent: the copy has been made and the person told.",
  REFUSE_CONSENT: "You refused consent: it has not been copied.",
  REPLY: "Your reply has been sent.",
  RECORD_SENT: "The letter is recorded as sent. The signatory has been told.",
};

const STEPS: Record<string, string> = {
  FILED: "Recorded",
  COPIED: "Copied",
  COPY_AWAITING_CONSENT: "Copy waiting for consent",
  CONSENT_GIVEN: "Consent given to a copy",
  CONSENT_REFUSED: "Consent to a copy refused",
  REPLY: "Replied",
  LEADER_COPIED: "Copied to the Leader of the Council",
  SENT: "Recorded as sent",
};

const COPY_STATUS: Record<CopyView["status"], string> = {
  COPIED: "Copied",
  AWAITING_CONSENT: "Waiting for consent",
  CONSENT_REFUSED: "Consent refused",
};

export default async function CorrespondenceRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/correspondence/${id}`);
  const page = await loadCorrespondencePage(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { detail } = page;
  const path = `/correspondence/${detail.id}`;
  const facts =
    page.type === "CORRESPONDENCE"
      ? [
          { key: "From", value: page.from },
          { key: "To", value: page.to },
          { key: "Sent as", value: page.medium === "EMAIL" ? "An email" : "A letter" },
          { key: "Sent on", value: formatDate(page.sentOn) },
          { key: "Marked confidential", value: page.confidential ? "Yes" : "No" },
          ...(page.individualMatter
            ? [{ key: "Individual matter", value: "Yes: not circulated to other councillors" }]
            : []),
          ...(page.concerns.length ? [{ key: "Concerns", value: page.concerns.join(", ") }] : []),
          ...(page.repliedAsCabinetMember ? [{ key: "Replied as", value: "Cabinet Member" }] : []),
        ]
      : [
          { key: "Addressed to", value: page.addressee },
          { key: "Signatory", value: `${page.signatory}${page.signatoryIsMember ? " (councillor)" : ""}` },
          { key: "Creates obligations or gives instructions", value: page.obligations ? "Yes" : "No" },
          ...(page.signatoryReasons ? [{ key: "Why a councillor signs it", value: page.signatoryReasons }] : []),
          { key: "Drafted by", value: page.draftedBy },
        ];
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      {done ? <ClearDrafts path={path} /> : null}
      <Link href="/correspondence" className="mb-6 inline-block">
        Back to correspondence
      </Link>
      <span className="caption">
        {detail.typeLabel} {detail.reference}
      </span>
      <h1 className="h1 break-words">{detail.subject}</h1>
      <p className="mb-6">
        <StatusTag label={detail.statusLabel} status={detail.status} closed={detail.closed} />{" "}
        {page.type === "CORRESPONDENCE" && page.confidential ? <Tag tone="red">Confidential</Tag> : null}
      </p>
      <SummaryList rows={[{ key: "Reference", value: detail.reference }, ...facts]} />
      <section aria-labelledby="text-title" className="mb-10 max-w-3xl">
        <h2 id="text-title" className="h2">
          {page.type === "LETTER" ? "The letter" : page.medium === "EMAIL" ? "The email" : "The letter"}
        </h2>
        <p className="break-words whitespace-pre-wrap">{detail.details}</p>
      </section>
      {page.type === "CORRESPONDENCE" ? (
        <section aria-labelledby="copies-title" className="mb-10 max-w-3xl">
          <h2 id="copies-title" className="h2">
            Copies
          </h2>
          {page.copies.length === 0 ? (
            <p>It has not been copied to anyone.</p>
          ) : (
            <ul className="space-y-3" data-testid="copies">
              {page.copies.map((c) => (
                <li key={c.id} className="border-b border-border pb-3">
                  <p>
                    <span className="font-semibold">{c.recipient}</span> — {COPY_STATUS[c.status]}
                    {c.ruleId ? <span className="text-base text-muted"> ({c.ruleId})</span> : null}
                  </p>
                  <p className="text-base text-muted">
                    Asked by {c.copiedBy}, {formatDateTime(c.at)}
                  </p>
                  {c.reasons ? <p className="break-words whitespace-pre-wrap">Reasons: {c.reasons}</p> : null}
                </li>
              ))}
            </ul>
          )}
          {page.notCopied ? (
            <p className="mt-4">
              {page.notCopied.text} <span className="text-base text-muted">({page.notCopied.ruleId})</span>
            </p>
          ) : null}
        </section>
      ) : null}
      {page.type === "CORRESPONDENCE" && page.director ? (
        <Notice title={`Keep ${page.director.name} informed`}>
          <p className="mb-4">
            Members should keep Directors informed by copying them in. You can copy this to {page.director.name} in
            one click. <span className="text-base text-muted">({page.director.ruleId})</span>
          </p>
          <ActionForms
            specs={[page.director.spec]}
            heading="Suggested copy"
            requestId={detail.id}
            act={correspondenceAction}
            backHref={path}
          />
        </Notice>
      ) : null}
      <ActionForms specs={page.specs} requestId={detail.id} act={correspondenceAction} backHref={path} />
      <RecordHistory
        detail={detail}
        profileKey={viewer.council.profileKey}
        actionTitles={page.type === "LETTER" ? { ...STEPS, FILED: "Drafted" } : STEPS}
        messageTitles={{ REPLY: "Reply" }}
      />
    </>
  );
}
