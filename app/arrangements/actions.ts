"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import {
  agreeArrangement,
  endArrangement,
  handleProposeArrangement,
  type ArrangementFormState,
} from "@/lib/organisation/arrangements";

export async function proposeArrangementAction(
  _prev: ArrangementFormState,
  form: FormData,
): Promise<ArrangementFormState> {
  const viewer = await requireViewer("/arrangements");
  return handleProposeArrangement(viewer, Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
}

async function act(form: FormData, run: typeof agreeArrangement, done: string) {
  const viewer = await requireViewer("/arrangements");
  try {
    await run(viewer, String(form.get("id") ?? ""), new Date());
  } catch (e) {
    if (e instanceof AppError) redirect(`/arrangements?error=${encodeURIComponent(e.message)}`);
    throw e;
  }
  redirect(`/arrangements?done=${done}`);
}

export async function agreeArrangementAction(form: FormData): Promise<void> {
  await act(form, agreeArrangement, "agreed");
}

export async function endArrangementAction(form: FormData): Promise<void> {
  await act(form, endArrangement, "ended");
}
