import "server-only";
import { createWebhookSchema, type CreateWebhookInput } from "../../schemas/webhooks";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { newWebhookSecret } from "./signature";

export type CreatedWebhookDto = { id: number; name: string; url: string; shelf: string | null; team: string | null; events: string[]; secret: string };

/** Adds a webhook; its signing secret is in the result and never shown again. */
export async function createWebhook({ ctx, input }: { ctx: Ctx; input: CreateWebhookInput }): Promise<CreatedWebhookDto> {
  requireRole(ctx, "manageSettings");
  const data = parseInput(createWebhookSchema, input);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const shelf = data.shelf ? await tx.shelf.findUnique({ where: { slug: data.shelf }, select: { id: true, slug: true } }) : null;
    if (data.shelf && !shelf) throw new AppError("INVALID_REQUEST", `No shelf "${data.shelf}".`, [{ path: "shelf", message: "unknown shelf" }]);
    const row = await tx.webhook.create({
      data: { name: data.name, url: data.url, secret, shelfId: shelf?.id ?? null, team: data.team ?? null, events: data.events, createdBy: actorLabel(ctx.actor) },
      select: { id: true },
    });
    // The secret stays out of the audit log: the log is readable by more people than the secret should be.
    const after = { name: data.name, url: data.url, shelf: shelf?.slug ?? null, team: data.team ?? null, events: data.events };
    await appendAudit(tx, ctx, { action: "webhook.created", subjectType: "webhook", subjectId: row.id, shelfId: shelf?.id ?? null, after });
    return { id: row.id, ...after, secret };
  });
}
