// Previous / next pagination with page numbers, keeping the other query parameters.
export function Pagination({
  page,
  pages,
  basePath,
  params,
  unknownTotal = false,
}: {
  page: number;
  pages: number;
  basePath: string;
  params: Record<string, string>;
  /** For searches, which are not counted: the number of pages is not known, only whether there is another. */
  unknownTotal?: boolean;
}) {
  if (pages <= 1 && page <= 1) return null;
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label="Pagination" className="my-6 flex items-center gap-4">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          Previous<span className="sr-only"> page</span>
        </a>
      ) : null}
      <span>{unknownTotal ? `Page ${page}` : `Page ${page} of ${pages}`}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next<span className="sr-only"> page</span>
        </a>
      ) : null}
    </nav>
  );
}
