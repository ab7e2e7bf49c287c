// Download an attachment: only for someone who can see the request's content; anyone else gets 404.
import { getViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readAttachment } from "@/lib/requests/attachments";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  const viewer = await getViewer();
  if (!viewer) return new Response("Not found", { status: 404 });
  try {
    const file = await readAttachment(viewer, id, attachmentId);
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw e;
  }
}
