// Every route and server action of app/, and how the authorisation matrix covers it (issue 10). The matrix tests
// fail when a page, route handler or server action exists that is not listed here: a new read path must say how it
// is checked before it can land.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type Coverage =
  /** Reads requests: checked against the request page for every viewer and record (HTTP matrix). */
  | { kind: "http"; check: string }
  /** A server action: its handler is called with every record as every viewer (integration matrix). */
  | { kind: "action"; check: string }
  /** Shows no request data at all (the reason says why). */
  | { kind: "no-request-data"; why: string };

export const ROUTES: Record<string, Coverage> = {
  "/": { kind: "no-request-data", why: "the signed-in person's own profile and duties" },
  "/signin": { kind: "no-request-data", why: "the sign-in form" },
  "/signin/forgot": {
    kind: "no-request-data",
    why: "public: asks for an address; the same answer whether it exists",
  },
  "/signin/reset": { kind: "no-request-data", why: "public: a new password for the holder of a valid reset link" },
  "/help": { kind: "no-request-data", why: "public: how the service works, the same text for everyone" },
  "/contact": {
    kind: "no-request-data",
    why: "public; signed in, the council's name and its user administrators (names, work emails)",
  },
  "/accessibility": { kind: "no-request-data", why: "public: the accessibility statement" },
  "/privacy": { kind: "no-request-data", why: "public: the privacy notice" },
  "/account": { kind: "no-request-data", why: "one's own password" },
  "/people": { kind: "no-request-data", why: "the council directory (names, offices, services), no casework" },
  "/meetings": {
    kind: "http",
    check: "agenda items listed are inside visibleTo (matrix: references and subjects)",
  },
  "/arrangements": { kind: "no-request-data", why: "standing arrangements (organisational records), no casework" },
  "/contact-officers": { kind: "no-request-data", why: "each department's contact officers (a directory)" },
  "/notices/development": { kind: "no-request-data", why: "councillors' names and groups, for the audience" },
  "/notices/new": { kind: "no-request-data", why: "wards and their councillors, for officers" },
  "/requests": { kind: "http", check: "search by subject, details and reference, at the page's level" },
  "/requests/export": { kind: "http", check: "CSV rows and subjects at the page's level" },
  "/requests/new": { kind: "no-request-data", why: "the request types the viewer may use" },
  "/requests/new/[type]": { kind: "no-request-data", why: "a blank form" },
  "/requests/new/information": { kind: "no-request-data", why: "a blank form" },
  "/requests/[id]": { kind: "http", check: "the oracle: not found, or the level shown" },
  "/requests/[id]/confirmation": { kind: "http", check: "not found exactly when the request page is" },
  "/requests/[id]/attachments/[attachmentId]": { kind: "http", check: "a file only with FULL access" },
  "/queue": { kind: "http", check: "search and lists at the page's level" },
  "/queue/export": { kind: "http", check: "CSV rows and subjects at the page's level" },
  "/search": {
    kind: "http",
    check: "search across everything: matches and snippets only of fields readable at the page's level",
  },
  "/dashboard": { kind: "http", check: "the list: references and subjects at the page's level" },
  "/dashboard/export": { kind: "http", check: "CSV rows and subjects at the page's level" },
  "/notifications": { kind: "http", check: "titles and bodies at the recipient's level" },
  "/admin/outbox": { kind: "http", check: "email content only where the administrator may see the request" },
  "/admin/users": {
    kind: "http",
    check:
      "accounts of the administrator's own council; the deactivation step lists the person's open work with reference and subject only where the administrator has access (else type, status, due date)",
  },
  // People (issue 15): invite, a person's page, accepting an invitation (public).
  "/admin/users/[id]": {
    kind: "http",
    check:
      "administrators, own council only (not found otherwise); open work: reference and subject only where the administrator has access (else type, status, due date)",
  },
  "/admin/users/invite": { kind: "no-request-data", why: "a blank form with the council's role names" },
  "/invitation/[token]": {
    kind: "no-request-data",
    why: "public: the invited person's own name, email and council, for the holder of a valid invitation link",
  },
  "action:invitePersonAction": {
    kind: "action",
    check: "administrators, own council only (not found otherwise); creates a person, no request data",
  },
  "action:savePersonAction": {
    kind: "action",
    check:
      "administrators; a person of another council or a forged id is not found; every id checked against the council",
  },
  "action:resendInvitationAction": {
    kind: "action",
    check: "administrators, own council's people only (not found otherwise)",
  },
  "action:reassignWorkAction": {
    kind: "action",
    check:
      "administrators, own council only; open work moves only to an active officer of the same council (conditional transitions)",
  },
  "action:acceptInvitationAction": {
    kind: "action",
    check: "signed out; only with an unused, unexpired invitation link; sets that account's password",
  },
  "/admin/log": {
    kind: "no-request-data",
    why: "administrative changes of the viewer's own council; administrators and the Monitoring Officer only",
  },
  // The organisation (issue 15): party groups, wards, services, committees; administrators of the council only.
  "/admin/organisation": {
    kind: "no-request-data",
    why: "counts of the own council's groups, wards, services and committees, and its meetings (public titles and dates)",
  },
  "/admin/organisation/[kind]": {
    kind: "no-request-data",
    why: "the own council's groups, wards, services or committees; administrators only (not found otherwise)",
  },
  "/admin/organisation/[kind]/[id]": {
    kind: "no-request-data",
    why: "one group, ward, service or committee of the own council (another council's is not found); no casework",
  },
  "action:organisationAction": {
    kind: "action",
    check: "administrators, own council only (another council's or a forged id is not found); chair ids checked",
  },
  "/api/auth/[...nextauth]": { kind: "no-request-data", why: "next-auth: sign-in, sign-out, session" },
  "action:requestAction": { kind: "action", check: "every action on every record: not found without access" },
  "action:checkRequestAction": { kind: "action", check: "files nothing; routing preview of one's own answers" },
  "action:submitRequestAction": { kind: "action", check: "files as the viewer only; ids from the form validated" },
  "action:checkInformationAction": { kind: "action", check: "files nothing; routing preview" },
  "action:submitInformationAction": { kind: "action", check: "files as the viewer only" },
  "action:sendWardNoticeAction": { kind: "action", check: "officers only; audience computed, never picked" },
  "action:sendDevelopmentAction": {
    kind: "action",
    check: "Chief Officers, the Chief Executive and the Town Clerk; audience checked",
  },
  "action:recordLeadershipMeetingAction": {
    kind: "action",
    check: "the Town Clerk only (HTC-D9); no request data",
  },
  "action:markAllReadAction": { kind: "action", check: "one's own notifications only" },
  "action:changePasswordAction": { kind: "action", check: "one's own account only" },
  "action:requestResetAction": {
    kind: "action",
    check: "signed out; emails only the address's own account, throttled; the same answer for any address",
  },
  "action:resetPasswordAction": {
    kind: "action",
    check: "only with an unused, unexpired link; sets that account's password",
  },
  "action:saveEmailPreferenceAction": { kind: "action", check: "one's own preference only" },
  "action:recordAbsenceAction": { kind: "action", check: "one's own absences; CE, Deputy and COO only (CWC-B3)" },
  "action:proposeArrangementAction": {
    kind: "action",
    check: "administrators and Chief Officers, own council (HAL-B4)",
  },
  "action:agreeArrangementAction": { kind: "action", check: "only the officer named, own council" },
  "action:endArrangementAction": {
    kind: "action",
    check: "the officer, the recorder or an administrator, own council",
  },
  "action:addContactOfficerAction": {
    kind: "action",
    check: "the department's Chief Officer or an administrator (WIG-A14)",
  },
  "action:removeContactOfficerAction": {
    kind: "action",
    check: "the department's Chief Officer or an administrator (WIG-A14)",
  },
  "action:cancelAbsenceAction": {
    kind: "action",
    check: "one's own absences only (filtered by user and council)",
  },
  "action:saveViewAction": {
    kind: "action",
    check: "one's own saved views only; the query re-parsed, no request data",
  },
  "action:deleteViewAction": { kind: "action", check: "one's own saved views only (anyone else's is not found)" },
  // Section E: meetings, agendas and reports (issue 14).
  "/meetings/[id]": {
    kind: "http",
    check: "the agenda pack: items inside visibleTo, reports only at FULL (matrix: section E records)",
  },
  "/meetings/[id]/print": { kind: "http", check: "the same pack as /meetings/[id], laid out for print" },
  "/reports": { kind: "http", check: "reports inside visibleTo (matrix: section E records)" },
  "/reports/new": { kind: "no-request-data", why: "a blank form with the council's services and committees" },
  "/reports/[id]": { kind: "http", check: "not found exactly when the request page is (it redirects here)" },
  "/reports/authorisations": {
    kind: "no-request-data",
    why: "a Chief Officer's own officers and their authorisations; not found for anyone else",
  },
  "action:scheduleMeetingAction": {
    kind: "action",
    check: "democratic services, the Town Clerk and the council's administrator; own council",
  },
  "action:changeMeetingAction": {
    kind: "action",
    check:
      "democratic services, the Town Clerk and the council's administrator; own council's meetings only (not found otherwise)",
  },
  "action:publishAgendaAction": {
    kind: "action",
    check: "democratic services and the Town Clerk; own council's meetings only (not found otherwise)",
  },
  "action:startReportAction": {
    kind: "action",
    check: "authors per profile (HAL-E1…); ids from the form checked",
  },
  "action:reportAction": { kind: "action", check: "every report action: not found without FULL access" },
  "action:reportAuthorisationAction": { kind: "action", check: "a Chief Officer, officers of their own services" },
  "action:setUserActiveAction": {
    kind: "action",
    check: "administrators, own council only (not found otherwise)",
  },
  // Section E: the members' register (disclosures, visit notices, publicity requests, ceremonial events).
  "/register": { kind: "http", check: "register entries listed only inside visibleTo (references and subjects)" },
  "/register/[id]": { kind: "http", check: "not found exactly when the request page is; content at FULL only" },
  "/register/new/[kind]": {
    kind: "no-request-data",
    why: "a blank form, or why this kind is off for the council",
  },
  "action:registerEntryAction": {
    kind: "action",
    check: "files as the viewer only; ids from the form checked against the council; kinds off refused",
  },
  "action:registerStepAction": {
    kind: "action",
    check: "a step on a register entry: not found without access; only its recipient or officer acts",
  },
  // Section E: correspondence between members and officers, and official letters (lib/correspondence).
  "/correspondence": {
    kind: "http",
    check: "correspondence and letters listed are inside visibleTo (references, subjects)",
  },
  "/correspondence/new": {
    kind: "no-request-data",
    why: "a blank form: the council's members and officers to choose from",
  },
  "/correspondence/new-letter": {
    kind: "no-request-data",
    why: "a blank form for officers: the council's people as signatories",
  },
  "/correspondence/[id]": {
    kind: "http",
    check: "not found exactly when the request page is; copies and history at FULL only",
  },
  "action:recordCorrespondenceAction": {
    kind: "action",
    check: "files as the viewer only; ids from the form validated",
  },
  "action:draftLetterAction": {
    kind: "action",
    check: "officers only; files as the viewer; signatory id validated",
  },
  "action:correspondenceAction": {
    kind: "action",
    check: "copy, consent, reply, record as sent: not found without access; each step only for its party",
  },
  // Section E: representations (lib/representations) and agenda routes other than the town council's (lib/agenda-items).
  "/representations": {
    kind: "http",
    check:
      "the register and group representations listed only inside visibleTo (references and subjects at level)",
  },
  "/representations/new": {
    kind: "no-request-data",
    why: "a blank form: the council's committees, groups, services and people",
  },
  "/representations/[id]": {
    kind: "http",
    check: "not found exactly when the request page is; the text and who made it at FULL only",
  },
  "action:logRepresentationAction": {
    kind: "action",
    check: "files as the viewer only; committee, group, person and service ids checked against the council",
  },
  "/agenda-items": {
    kind: "http",
    check: "items listed only inside visibleTo (references and subjects at level)",
  },
  "/agenda-items/new/[kind]": {
    kind: "no-request-data",
    why: "a blank form (committees, terms of reference, services, open meetings), or why the route is off",
  },
  "/agenda-items/[id]": {
    kind: "http",
    check: "not found exactly when the request page is; details at FULL only",
  },
  "action:newAgendaItemAction": {
    kind: "action",
    check: "files as the viewer only; routes off for the council refused; ids checked against the council",
  },
  "action:agendaItemAction": {
    kind: "action",
    check: "a step on an agenda item: not found without access; only the Chief Officer, Chair or proposer acts",
  },
  // Issue 15: single sign-on with OpenID Connect (lib/sso, docs/decisions/0015).
  "/admin/sso": {
    kind: "no-request-data",
    why: "the administrator's own council's SSO settings (not found otherwise); the client secret is never shown",
  },
  "/signin/sso/start": {
    kind: "no-request-data",
    why: "public: redirects to the provider of the council whose SSO domain matches; no data",
  },
  "/signin/sso/callback": {
    kind: "no-request-data",
    why: "public: the provider's redirect; signs in only an active user of that council with a verified email",
  },
  "action:saveSsoAction": { kind: "action", check: "administrators, own council only (not found otherwise)" },
  "action:turnOffSsoAction": { kind: "action", check: "administrators, own council only (not found otherwise)" },
  // Issue 15: the council's protocol settings (versions) and the protocol as the app enforces it.
  "/admin/settings": {
    kind: "no-request-data",
    why: "the council's protocol settings and their versions; its administrators only (not found otherwise)",
  },
  "/how-requests-work": {
    kind: "no-request-data",
    why: "the council's protocol and settings in force, the same for everyone in the council",
  },
  "action:saveSettingsAction": {
    kind: "action",
    check: "administrators, own council only (not found otherwise); protocol rules and bad values refused",
  },
  // Issue 15: bulk import of people from CSV (lib/admin/import.ts, lib/admin/import-forms.ts).
  "/admin/import": {
    kind: "no-request-data",
    why: "administrators only (not found otherwise): the import form, and the own council's import summary",
  },
  "/admin/import/template": { kind: "no-request-data", why: "the CSV template (fixed text); administrators only" },
  "action:importPeopleAction": {
    kind: "action",
    check:
      "administrators only (not found otherwise); writes only the own council: another council's email is refused",
  },
};

/** Pages anyone may read signed out (every other page redirects to /signin): the sign-in form, and the help and
 * statements the law asks to be reachable without an account (tests/e2e/basics.spec.ts checks them signed out). */
export const PUBLIC_ROUTES = [
  "/signin",
  "/signin/forgot",
  "/signin/reset",
  // An invitation link (/invitation/[token]): any token, valid or not, gets a page signed out, never a redirect.
  "/invitation/not-a-valid-invitation-token-0000",
  "/help",
  "/contact",
  "/accessibility",
  "/privacy",
] as const;

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((n) => {
    const rel = path.join(dir, n);
    return statSync(path.join(root, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

/** The routes and server actions that exist in app/ now. */
export function routesInApp(): string[] {
  const files = walk("app");
  const routes = files
    .filter((f) => /\/(page\.tsx|route\.ts)$/.test(f))
    .map((f) => `/${path.dirname(f).replace(/^app\/?/, "")}`.replace(/\/$/, "") || "/");
  const actions = files
    .filter((f) => f.endsWith("actions.ts"))
    .flatMap((f) =>
      [...readFileSync(path.join(root, f), "utf8").matchAll(/export async function (\w+)/g)].map(
        (m) => `action:${m[1]}`,
      ),
    );
  return [...new Set([...routes, ...actions])].sort();
}
