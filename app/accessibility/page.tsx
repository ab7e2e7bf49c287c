import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Accessibility statement" };

// Public (readable signed out): the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
// Regulations 2018 require a statement anyone can reach. Laid out as GOV.UK's model accessibility statement.
export default async function AccessibilityPage() {
  const council = (await getViewer())?.council.name;
  const runBy = council ?? "your council";
  return (
    <div className="page-text">
      {council ? <span className="caption">{council}</span> : null}
      <h1 className="h1">Accessibility statement for Members&apos; Requests</h1>
      <p>
        This accessibility statement applies to Members&apos; Requests, the service {runBy} uses for requests
        between councillors and council officers.
      </p>
      <p>
        This service is run by {runBy}. We want as many people as possible to be able to use it. For example, that
        means you should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use the service on a phone without scrolling sideways</li>
        <li>get to every part of the service using just a keyboard</li>
        <li>get to every part of the service using speech recognition software</li>
        <li>
          listen to the service using a screen reader (including recent versions of JAWS, NVDA and VoiceOver)
        </li>
      </ul>
      <p>We&apos;ve also made the text in the service as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if
        you have a disability.
      </p>

      <h2 className="h2 mt-10">How accessible this service is</h2>
      <p>We know some parts of this service are not fully accessible:</p>
      <ul>
        <li>
          documents attached to requests and replies (for example scanned letters or PDFs) may not work well with
          screen readers
        </li>
        <li>
          the service has been checked with automated tools and by us, but not yet audited by disabled people or an
          independent accessibility specialist
        </li>
      </ul>

      <h2 className="h2 mt-10">What to do if you cannot access parts of this service</h2>
      <p>
        If you need information from this service in a different format, like accessible PDF, large print, easy
        read, audio recording or braille, contact your council&apos;s Democratic Services team or the user
        administrator (see <Link href="/contact">Contact</Link>).
      </p>
      <p>
        Tell us which request or page you need, and the format you need it in. We&apos;ll consider your request and
        get back to you within 10 working days.
      </p>

      <h2 className="h2 mt-10">Reporting accessibility problems with this service</h2>
      <p>
        We&apos;re always looking to improve the accessibility of this service. If you find any problems not listed
        on this page or think we&apos;re not meeting accessibility requirements, tell Democratic Services or the
        user administrator (see <Link href="/contact">Contact</Link>). Say which page you were on and what went
        wrong.
      </p>

      <h2 className="h2 mt-10">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
        (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility
        regulations&rsquo;). If you&apos;re not happy with how we respond to your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>
      <p>
        If you are in Northern Ireland and are not happy with how we respond to your complaint you can contact the{" "}
        <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland (ECNI)</a>.
      </p>

      <h2 className="h2 mt-10">Technical information about this service&apos;s accessibility</h2>
      <p>
        {council ?? "The council"} is committed to making this service accessible, in accordance with the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="h3 mt-6">Compliance status</h3>
      <p>
        This service is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard,
        due to the non-compliance listed below.
      </p>

      <h2 className="h2 mt-10">Non-accessible content</h2>
      <p>The content listed below is non-accessible for the following reasons.</p>
      <h3 className="h3 mt-6">Non-compliance with the accessibility regulations</h3>
      <p>
        Documents that officers attach to replies may not be accessible. A scanned document, for example, has no
        text a screen reader can read. This fails WCAG 2.2 success criterion 1.1.1 (non-text content). Officers are
        asked to attach documents with real text, and to give the answer in the reply itself, not only in a
        document.
      </p>
      <h3 className="h3 mt-6">Content that&apos;s not within the scope of the accessibility regulations</h3>
      <p>
        Documents that councillors attach to their own requests, such as letters from residents, are not produced
        by the council and are outside the scope of the regulations. Ask for a reply in another format if you need
        one.
      </p>

      <h2 className="h2 mt-10">What we&apos;re doing to improve accessibility</h2>
      <p>
        Every change to the service is checked automatically before it is released (see below). We review every
        accessibility problem reported to us and fix it where we can.
      </p>

      <h2 className="h2 mt-10">Preparation of this accessibility statement</h2>
      <p>This statement was prepared on 2 December 2026. It was last reviewed on 2 December 2026.</p>
      <p>We test the service ourselves, on every change to it:</p>
      <ul>
        <li>
          every page is checked with axe, an automated accessibility checker, in automated browser tests, against
          WCAG 2.0, 2.1 and 2.2 levels A and AA
        </li>
        <li>the main tasks are tested using only a keyboard</li>
        <li>
          pages are checked at screen widths of 320 to 390 pixels, so that they reflow without scrolling sideways
        </li>
      </ul>
    </div>
  );
}
