import "server-only";
import { validationStateSchema } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { kindState, type KindStateDto } from "./validation-state";

export type ValidationStateDto = { model: string; shelfSlug: string; skew: KindStateDto; drift: KindStateDto };

// Kept while the model's revision stands: validation reports and their feature results move it.
const states = revisionCache<{ skew: KindStateDto; drift: KindStateDto }>(100);

/** Whether a model's newest skew and drift reports are anomalous, which features, and since which day. */
export async function getValidationState({ ctx, input }: { ctx: Ctx; input: { model: string } }): Promise<ValidationStateDto> {
  requireRole(ctx, "read");
  const data = parseInput(validationStateSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const { skew, drift } = await states(model, [], async () => {
    const [skew, drift] = await Promise.all([kindState(db(), model.id, "skew"), kindState(db(), model.id, "drift")]);
    return { skew, drift };
  });
  return { model: model.name, shelfSlug: model.shelfSlug, skew, drift };
}
