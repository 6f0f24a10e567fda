"use server";

import { revalidatePath } from "next/cache";
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind } from "../../schemas/webhooks";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { createWebhook } from "../webhooks/create-webhook";
import { deleteWebhook } from "../webhooks/delete-webhook";
import { sendTestWebhook } from "../webhooks/send-test-webhook";
import { setWebhookActive } from "../webhooks/set-webhook-active";
import { actionError, type ActionResult } from "./action-result";

async function ctxOrThrow() {
  const ctx = await getSessionCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  return ctx;
}

const text = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? undefined : s;
};

/** Adds a webhook and returns its signing secret, once. */
export async function createWebhookAction(_prev: ActionResult<{ name: string; secret: string }> | null, formData: FormData): Promise<ActionResult<{ name: string; secret: string }>> {
  try {
    const scope = String(formData.get("scope") ?? "all");
    const events = formData.getAll("events").map(String).filter((e): e is WebhookEventKind => (WEBHOOK_EVENT_KINDS as readonly string[]).includes(e));
    const created = await createWebhook({
      ctx: await ctxOrThrow(),
      input: {
        name: String(formData.get("name") ?? ""),
        url: String(formData.get("url") ?? ""),
        ...(scope === "shelf" ? { shelf: text(formData.get("shelf")) } : {}),
        ...(scope === "team" ? { team: text(formData.get("team")) } : {}),
        events,
      },
    });
    revalidatePath("/settings");
    return { ok: true, data: { name: created.name, secret: created.secret } };
  } catch (error) {
    return actionError(error);
  }
}

/** Pauses or resumes a webhook. */
export async function setWebhookActiveAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await setWebhookActive({ ctx: await ctxOrThrow(), input: { id: Number(formData.get("id")), active: formData.get("active") === "true" } });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

/** Deletes a webhook and its delivery log. */
export async function deleteWebhookAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await deleteWebhook({ ctx: await ctxOrThrow(), input: { id: Number(formData.get("id")) } });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

/** Queues a test message to one webhook. */
export async function sendTestWebhookAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await sendTestWebhook({ ctx: await ctxOrThrow(), input: { id: Number(formData.get("id")) } });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
