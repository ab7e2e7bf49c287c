"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";

export async function markAllReadAction(): Promise<void> {
  const viewer = await requireViewer("/notifications");
  await db().notification.updateMany({ where: { userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/", "layout");
}
