import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Help" };

// Public (readable signed out): how the service works, for anyone about to use it. The same for every council; what
// differs by council (who decides, which requests you may make) is shown in the service itself.
export default function HelpPage() {
  return (
    <div className="page-text">
      <h1 className="h1">Help</h1>
      <p>
        Members&apos; Requests is how councillors ask council officers for information, briefings and other help,
        and how officers answer. Every request follows your council&apos;s member/officer protocol: the rules about
        who may ask for what, who decides and who may see it.
      </p>

      <h2 className="h2 mt-10">How to make a request</h2>
      <ol className="mb-4 list-decimal space-y-1 pl-6">
        <li>Sign in and choose &lsquo;Make a request&rsquo;.</li>
        <li>
          Choose what you need. You will only be offered the kinds of request your council allows for your role,
          and told why any others are not available.
        </li>
        <li>Answer the questions and choose &lsquo;Continue&rsquo;.</li>
        <li>
          Check your answers. The page shows who your request will go to and when it is due. Then choose
          &lsquo;Send request&rsquo;.
        </li>
      </ol>
      <p>
        You will get a reference number. If your session ends while you are typing, what you typed is kept in your
        browser and offered back when you sign in again.
      </p>

      <h2 className="h2 mt-10">What happens next</h2>
      <p>
        Your request goes to the service that can answer it, and may be given to a particular officer. You get a
        notification, and an email, each time something happens. Due dates are counted in working days, not
        counting weekends and bank holidays.
      </p>

      <h2 className="h2 mt-10">Who decides</h2>
      <p>
        Your council&apos;s protocol says who decides each kind of request. Usually it is the Chief Officer or
        Director of the service that holds the information. Party-group briefings are agreed by the Chief
        Executive, and officers are invited to give them, never instructed. At a town council the Town Clerk
        decides.
      </p>
      <p>
        If a request is refused, the person who refused it must give written reasons, and you can ask for a review.
        Complaints about an officer follow your council&apos;s complaints procedure, one level at a time.
      </p>
      <p>
        Signed in, <Link href="/how-requests-work">How requests work here</Link> lists every rule of your
        council&apos;s protocol that the service applies, and the settings your council has chosen, such as how
        many working days an answer may take.
      </p>

      <h2 className="h2 mt-10">Where to see what is happening</h2>
      <ul>
        <li>Your home page shows what needs you now.</li>
        <li>
          &lsquo;Requests&rsquo; lists your requests with their status, such as &lsquo;With the decider&rsquo;,
          &lsquo;Waiting for you&rsquo; or &lsquo;Answered&rsquo;.
        </li>
        <li>
          Open a request to see its timeline: every step, who took it, in which role, when, and the rule it
          followed.
        </li>
        <li>&lsquo;Notifications&rsquo; lists everything sent to you.</li>
        <li>Officers find the requests they need to act on in &lsquo;Queue&rsquo;.</li>
      </ul>

      <h2 className="h2 mt-10">How to reply</h2>
      <p>
        When a request says &lsquo;Waiting for you&rsquo;, an officer has asked you something. Open the request and
        use &lsquo;Answer the officer&rsquo;. While a request is open you can also use &lsquo;Add
        information&rsquo; and attach files of up to 5 MB. If a request is refused, the request page offers
        &lsquo;Ask for a review of the refusal&rsquo;.
      </p>
      <p>Keep questions about a request on the request page, so the answer stays with the request.</p>

      <h2 className="h2 mt-10">Confidentiality between party groups</h2>
      <p>
        A party-group briefing is confidential to the group that asked for it. Councillors in other groups cannot
        see it, or even that it exists, unless your group agrees to share it. Officers treat all groups equally
        when deciding briefing requests.
      </p>
      <p>
        Other requests are seen by the person who made them and the people who handle them. Some replies are shared
        with the councillors for a ward. Anything you cannot see is simply not shown to you.
      </p>

      <h2 className="h2 mt-10">Using a keyboard</h2>
      <ul>
        <li>Press Tab to move to the next link, field or button, and Shift and Tab to go back.</li>
        <li>Press Enter to follow a link or press a button.</li>
        <li>Press Space to tick a checkbox, and the arrow keys to move between radio buttons.</li>
        <li>
          The first Tab on every page shows a &lsquo;Skip to main content&rsquo; link, which jumps past the
          navigation.
        </li>
        <li>On a phone or narrow window, the &lsquo;Menu&rsquo; button opens and closes the navigation.</li>
      </ul>

      <h2 className="h2 mt-10">More help</h2>
      <p>
        If you are stuck, <Link href="/contact">contact your council</Link>. Our{" "}
        <Link href="/accessibility">accessibility statement</Link> says how to ask for information in another
        format, and the <Link href="/privacy">privacy notice</Link> explains how your data is used.
      </p>
    </div>
  );
}
