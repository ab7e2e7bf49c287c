"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1 className="h1">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Nothing you entered has been saved. Try again in a moment.</p>
      <button type="button" className="btn-secondary" onClick={reset}>
        Try again
      </button>
    </>
  );
}
