"use client";
// Tells the person that what they typed earlier is back in the form, with a way to start again.
export function DraftNotice({ at, onDiscard }: { at: string | null; onDiscard: () => void }) {
  if (!at) return null;
  const when = new Date(at).toLocaleString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <div
      className="mb-6 max-w-3xl border-l-4 border-brand bg-panel p-4"
      role="status"
      data-testid="draft-restored"
    >
      <p className="mb-2">
        We kept what you typed here on {when}, and it is back in the form. It has not been sent yet.
      </p>
      <button type="button" className="cursor-pointer text-link underline" onClick={onDiscard}>
        Discard it and start again
      </button>
    </div>
  );
}
