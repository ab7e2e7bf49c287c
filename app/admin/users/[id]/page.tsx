import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { mailerFromEnv } from "@/lib/email/mailer";
import { formatDate, formatDateTime } from "@/lib/requests/describe";
import { GROUP_OFFICE_LABELS, GROUP_OFFICES, personForAdmin } from "@/lib/users/people";
import { roleNames, roleOptions } from "@/lib/users/person-schema";
import { AdminForm, type Option } from "../AdminForm";
import { setUserActiveAction } from "../actions";
import { OpenWork } from "../OpenWork";
import { resendInvitationAction, savePersonAction } from "./actions";

export const metadata: Metadata = { title: "A person" };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | undefined>>;

const opts = (xs: { id: string; name: string; retired: boolean }[]): Option[] =>
  xs.map((x) => ({ value: x.id, label: x.retired ? `${x.name} (retired)` : x.name }));
const active = (xs: { id: string; name: string; retired: boolean }[]) => xs.filter((x) => !x.retired);

/** An administrator's page for one person of their council: details, roles, councillor or officer facts, open work. */
export default async function PersonPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const viewer = await requireViewer(`/admin/users/${id}`);
  const data = await personForAdmin(viewer, id, new Date());
  if (!data) notFound();
  const { person: p, choices, invitation, work } = data;
  const sp = await searchParams;
  const emailing = !!mailerFromEnv();
  const done =
    sp.done === "invited"
      ? emailing
        ? `We have emailed ${p.name} an invitation to set their password.`
        : `${p.name}'s invitation to set their password is ready.`
      : sp.done === "resent"
        ? emailing
          ? `We have emailed ${p.name} a new invitation link. Earlier links no longer work.`
          : `${p.name}'s new invitation link is ready. Earlier links no longer work.`
        : sp.done === "saved"
          ? `Your changes to ${p.name} have been saved. They apply from their next page.`
          : null;
  const isMember = p.storedRoles.includes("MEMBER");
  const isOfficer = p.storedRoles.includes("OFFICER");
  const hidden = (form: string) => [
    { kind: "hidden" as const, name: "userId", value: p.id },
    { kind: "hidden" as const, name: "form", value: form },
  ];
  const signIn = invitation.acceptedAt
    ? `Set their password on ${formatDateTime(invitation.acceptedAt)}`
    : invitation.passwordSet
      ? "Has set their password"
      : invitation.pending
        ? invitation.pending.expired
          ? `Invited on ${formatDate(invitation.pending.sentAt)}; the link expired on ${formatDateTime(invitation.pending.expiresAt)}`
          : `Invited on ${formatDate(invitation.pending.sentAt)}; the link works until ${formatDateTime(invitation.pending.expiresAt)}`
        : "No invitation sent from this service";
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1 break-words">{p.name}</h1>
      {done ? (
        <Notice tone="success" title={done}>
          {(sp.done === "invited" || sp.done === "resent") && !emailing ? (
            <p>
              No email server is configured (SMTP_URL), so the email waits in the{" "}
              <Link href="/admin/outbox">Email outbox</Link>: open it there and send its link to {p.name} yourself.
            </p>
          ) : null}
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: "Email", value: <span className="break-all">{p.email}</span> },
          {
            key: "Status",
            // As the list of users says it: invited people have not yet set a password.
            value: !p.active ? (
              <Tag tone="grey">Deactivated</Tag>
            ) : invitation.pending && !invitation.passwordSet ? (
              invitation.pending.expired ? (
                <Tag tone="yellow">Invitation expired</Tag>
              ) : (
                <Tag tone="blue">Invited</Tag>
              )
            ) : (
              <Tag tone="green">Active</Tag>
            ),
          },
          { key: "Sign-in", value: signIn },
          {
            key: "Signed in now",
            value: data.sessions.length
              ? data.sessions
                  .map(
                    (x) =>
                      `${x.method === "SSO" ? "With their council account (single sign-on)" : "With their password"} since ${formatDateTime(x.startedAt.toISOString())}`,
                  )
                  .join("; ")
              : "Not signed in",
          },
          { key: "Roles", value: roleNames(viewer.council.profileKey, p.storedRoles) },
        ]}
      />
      {p.active && !invitation.passwordSet ? (
        <AdminForm
          id="resend"
          title="Invitation"
          hint={`Send ${p.name} a new link to set their password. Any earlier link stops working.`}
          act={resendInvitationAction}
          submit={invitation.pending ? "Send a new invitation link" : "Send an invitation link"}
          tone="secondary"
          fields={[{ kind: "hidden", name: "userId", value: p.id }]}
        />
      ) : null}

      <AdminForm
        id="details"
        title="Name, job title and roles"
        hint="A change of role applies on the person's next page: they do not need to sign in again."
        act={savePersonAction}
        submit="Save name, job title and roles"
        fields={[
          ...hidden("details"),
          { kind: "text", name: "name", label: "Full name", initial: p.name, autoComplete: "off" },
          { kind: "text", name: "jobTitle", label: "Job title (optional)", initial: p.jobTitle ?? "" },
          {
            kind: "checkboxes",
            name: "roles",
            legend: "Roles",
            hint: data.isSelf
              ? "You cannot remove your own administrator role: ask another administrator."
              : "Choose all that apply.",
            options: roleOptions(viewer.council.profileKey, p.storedRoles),
            initial: p.storedRoles,
          },
        ]}
      />

      {isMember ? (
        <AdminForm
          id="member"
          title="Councillor"
          hint="A Cabinet Member holds the Cabinet Member role (above) and sits on the Cabinet (committees below); their portfolio has its own section once they hold the role."
          act={savePersonAction}
          submit="Save councillor details"
          fields={[
            ...hidden("member"),
            {
              kind: "select",
              name: "partyGroupId",
              label: "Party group",
              options: opts(choices.groups.filter((g) => !g.retired || g.id === p.partyGroupId)),
              placeholder: "Not in a group",
              initial: p.partyGroupId ?? "",
            },
            {
              kind: "checkboxes",
              name: "offices",
              legend: "Offices in their group",
              hint: "One holder each per group: giving an office takes it from whoever holds it now.",
              options: GROUP_OFFICES.map((o) => ({ value: o, label: GROUP_OFFICE_LABELS[o]! })),
              initial: p.offices,
            },
            {
              kind: "checkboxes",
              name: "portfolios",
              legend: "Spokesperson for",
              hint: "The committees or services they speak for in their group.",
              options: data.portfolios.map((x) => ({ value: x, label: x })),
              initial: p.spokesFor,
            },
            {
              kind: "text",
              name: "otherPortfolio",
              label: "Spokesperson for another portfolio (optional)",
              hint: "Only if it is not in the list above, for example “Environment”.",
            },
            {
              kind: "checkboxes",
              name: "wardIds",
              legend: "Wards",
              options: opts(active(choices.wards)),
              initial: p.wards.map((w) => w.id),
              hint: p.wards.some((w) => w.retiredAt)
                ? `Retired wards stay as they were: ${p.wards
                    .filter((w) => w.retiredAt)
                    .map((w) => w.name)
                    .join(", ")}.`
                : undefined,
            },
            {
              kind: "checkboxes",
              name: "committeeIds",
              legend: "Committees they sit on",
              options: opts(active(choices.committees)),
              initial: p.committees.map((c) => c.id),
            },
            {
              kind: "checkboxes",
              name: "chairIds",
              legend: "Committees they chair",
              hint: "One chair each: choosing a committee here takes the chair from its current chair, and makes them a member.",
              options: opts(active(choices.committees)),
              initial: p.chairOf.map((c) => c.id),
            },
          ]}
        />
      ) : null}

      {p.storedRoles.includes("CABINET_MEMBER") ? (
        <AdminForm
          id="portfolio"
          title="Cabinet portfolio"
          hint="The services the portfolio covers decide which briefings the Cabinet Member may ask for and which reports they are consulted on."
          act={savePersonAction}
          submit="Save Cabinet portfolio"
          fields={[
            ...hidden("portfolio"),
            {
              kind: "text",
              name: "portfolioName",
              label: "Portfolio",
              hint: "For example “Housing and Regeneration”.",
              initial: p.portfolioName ?? "",
            },
            {
              kind: "checkboxes",
              name: "portfolioServiceIds",
              legend: "Services the portfolio covers",
              hint: p.portfolioServices.some((s) => s.retiredAt)
                ? `Retired services stay as they were: ${p.portfolioServices
                    .filter((s) => s.retiredAt)
                    .map((s) => s.name)
                    .join(", ")}.`
                : "Choose all that apply.",
              options: opts(active(choices.services)),
              initial: p.portfolioServices.map((s) => s.id),
            },
          ]}
        />
      ) : null}

      {isOfficer ? (
        <AdminForm
          id="officer"
          title="Officer"
          act={savePersonAction}
          submit="Save officer details"
          fields={[
            ...hidden("officer"),
            {
              kind: "select",
              name: "serviceId",
              label: "Service",
              options: opts(choices.services.filter((s) => !s.retired || s.id === p.serviceId)),
              placeholder: "No service",
              initial: p.serviceId ?? "",
            },
            {
              kind: "radios",
              name: "seniority",
              legend: "Seniority",
              options: [
                { value: "SENIOR", label: "Senior officer" },
                { value: "JUNIOR", label: "Junior officer" },
                { value: "", label: "Not recorded" },
              ],
              initial: p.seniority ?? "",
            },
            {
              kind: "text",
              name: "tier",
              label: "Tier (optional)",
              hint: "The officer's tier in the council's structure, 1 to 9.",
              inputMode: "numeric",
              width: "w-24",
              initial: p.tier === null ? "" : String(p.tier),
            },
            {
              kind: "checkbox",
              name: "jnc",
              label: "On JNC terms (a JNC officer)",
              initial: p.jnc,
            },
            {
              kind: "checkboxes",
              name: "chiefOfficerOfIds",
              legend: "Chief Officer of",
              hint: "The services they head. One Chief Officer each: choosing a service here takes it from its current Chief Officer.",
              options: opts(active(choices.services)),
              initial: p.chiefOfficerOf.map((s) => s.id),
            },
            {
              kind: "text",
              name: "weeklyCapacityHours",
              label: "Hours a week for members' requests (optional)",
              hint: "Used to weigh requests for staff help against workload, 0 to 80.",
              inputMode: "numeric",
              width: "w-24",
              initial: p.weeklyCapacityHours === null ? "" : String(p.weeklyCapacityHours),
            },
          ]}
        />
      ) : null}

      <section aria-labelledby="work-heading" className="mb-10 max-w-3xl">
        <h2 id="work-heading" className="h2">
          Open work
        </h2>
        <OpenWork name={p.name} items={work.items} total={work.total} />
      </section>

      <section aria-labelledby="account-heading" className="mb-10 max-w-3xl">
        <h2 id="account-heading" className="h2">
          {p.active ? "Deactivate" : "Reactivate"}
        </h2>
        {data.isSelf ? (
          <p>You cannot deactivate your own account. Ask another administrator.</p>
        ) : p.active ? (
          <>
            <p className="mb-4">
              Deactivating signs {p.name} out everywhere at once; everything they did stays on the records. You can
              give their open work to another officer first.
            </p>
            <Link href={`/admin/users?confirm=${p.id}`} className="btn-warning inline-block no-underline">
              Deactivate {p.name}
            </Link>
          </>
        ) : (
          <form action={setUserActiveAction}>
            <input type="hidden" name="userId" value={p.id} />
            <input type="hidden" name="active" value="true" />
            <button type="submit" className="btn-secondary">
              Reactivate {p.name}
            </button>
          </form>
        )}
      </section>
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
    </>
  );
}
