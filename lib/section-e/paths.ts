// Where each section E record lives (issue 14). Section E records share the request engine — access grants, the
// timeline, notifications, queue and search — but each kind has its own page. Lists, search and notifications
// link to /requests/<id>, which sends the reader on to the record's own page. Pure.

/** The page of a request-engine record, or null when it is shown on the request page itself. */
export function recordPath(r: { id: string; type: string; kind: string }): string | null {
  switch (r.type) {
    case "REPORT":
      return `/reports/${r.id}`;
    case "CORRESPONDENCE":
    case "LETTER":
      return `/correspondence/${r.id}`;
    case "REPRESENTATION":
      return `/representations/${r.id}`;
    case "DISCLOSURE":
    case "VISIT":
    case "PUBLICITY":
    case "EVENT":
      return `/register/${r.id}`;
    case "AGENDA_ITEM":
      // A town council member's item (HTC-D8) stays on the request page; the other routes have their own page.
      return r.kind === "AGENDA_ITEM" ? null : `/agenda-items/${r.id}`;
    default:
      return null;
  }
}
