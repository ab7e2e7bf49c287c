// CSV for spreadsheets (RFC 4180), with formula injection neutralised: a cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe.
export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: (string | number | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(",")}\r\n`;

type Cells = (string | number | boolean | null | undefined)[];

/**
 * A CSV download streamed batch by batch (with a BOM for Excel), one batch read per pull, so a slow reader is never
 * buffered for and a closed download stops the query. The first batch is read before the response starts, so a
 * failure shows as an error page rather than a file cut off half way; a later failure ends the file with a line
 * saying it is incomplete.
 */
export async function csvResponse(
  filename: string,
  header: string[],
  batches: AsyncIterable<Cells[]>,
): Promise<Response> {
  const encoder = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  let pending: IteratorResult<Cells[]> | null = await it.next();
  let started = false;
  // The person closed the download: stop reading, and never write to the closed stream.
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
      }
      let r: IteratorResult<Cells[]>;
      try {
        r = pending ?? (await it.next());
        pending = null;
      } catch (e) {
        if (cancelled) return;
        console.error("[members-requests] CSV export stopped:", e);
        controller.enqueue(encoder.encode(csvRow(["This export is incomplete: it stopped early. Try again."])));
        controller.close();
        return;
      }
      if (cancelled) return;
      if (r.done) controller.close();
      else controller.enqueue(encoder.encode(r.value.map(csvRow).join("")));
    },
    async cancel() {
      cancelled = true;
      await it.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Maps each batch of an async iterable of rows to CSV cells. */
export async function* cellsOf<T>(batches: AsyncIterable<T[]>, cells: (row: T) => Cells): AsyncGenerator<Cells[]> {
  for await (const b of batches) yield b.map(cells);
}
