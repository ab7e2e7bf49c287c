import type { Metadata } from "next";
import { Notice } from "@/components/Notice";
import { requireViewer } from "@/lib/auth/session";
import { listContactOfficers } from "@/lib/organisation/contacts";
import { addContactOfficerAction, removeContactOfficerAction } from "./actions";

export const metadata: Metadata = { title: "Contact officers" };

const DONE: Record<string, string> = {
  added: "The contact officer has been added.",
  removed: "The contact officer has been removed.",
};

export default async function ContactOfficersPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const viewer = await requireViewer("/contact-officers");
  const { done, error } = await searchParams;
  const services = await listContactOfficers(viewer);
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      {error ? <Notice title={error.slice(0, 300)} /> : null}
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Contact officers</h1>
      <p className="mb-8 max-w-3xl">
        Each department&apos;s contact officers, kept by its Chief Officer. They are offered first when a
        councillor chooses whom to address a request to. (WIG-A14)
      </p>
      {services.map((s) => (
        <section key={s.id} aria-labelledby={`service-${s.id}`} className="mb-8 max-w-3xl">
          <h2 id={`service-${s.id}`} className="h2">
            {s.name}
          </h2>
          {s.contacts.length ? (
            <ul className="mb-4 space-y-2">
              {s.contacts.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-4">
                  <span>
                    {c.name}
                    {c.jobTitle ? `, ${c.jobTitle}` : ""}
                  </span>
                  {s.mayEdit ? (
                    <form action={removeContactOfficerAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <button type="submit" className="btn-secondary !mb-0">
                        Remove<span className="sr-only"> {c.name}</span>
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4">No contact officers yet.</p>
          )}
          {s.mayEdit && s.candidates.length ? (
            <form action={addContactOfficerAction} className="flex flex-wrap items-end gap-4">
              <input type="hidden" name="serviceId" value={s.id} />
              <div>
                <label htmlFor={`add-${s.id}`} className="label">
                  Add a contact officer for {s.name}
                </label>
                <select id={`add-${s.id}`} name="userId" className="input bg-white" defaultValue="">
                  <option value="">Choose an officer</option>
                  {s.candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                      {c.jobTitle ? `, ${c.jobTitle}` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn !mb-0">
                Add
              </button>
            </form>
          ) : null}
        </section>
      ))}
    </>
  );
}
