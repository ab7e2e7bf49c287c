"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { markAllNotificationsRead } from "@/lib/requests/queries";

export async function markAllReadAction(): Promise<void> {
  const viewer = await requireViewer("/notifications");
  await markAllNotificationsRead(viewer, new Date());
  revalidatePath("/", "layout");
}
