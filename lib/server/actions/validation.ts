"use server";

import { revalidatePath } from "next/cache";
import type { ComparatorName } from "../../schemas/validation";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { updateFeatureConfig, type UpdatedFeatureConfigDto } from "../validation/update-feature-config";
import { actionError, type ActionResult } from "./action-result";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();
// An empty field is not a threshold: NaN reaches the data layer, whose schema names the field.
const num = (formData: FormData, name: string) => (text(formData, name) === "" ? Number.NaN : Number(text(formData, name)));

/** An engineer saves a feature's comparator and thresholds; the model's reports are recomputed for it. */
export async function updateFeatureConfigAction(_prev: ActionResult<UpdatedFeatureConfigDto> | null, formData: FormData): Promise<ActionResult<UpdatedFeatureConfigDto>> {
  try {
    const ctx = await getSessionCtx();
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
    const result = await updateFeatureConfig({
      ctx,
      input: {
        model: text(formData, "model"),
        feature: String(formData.get("feature") ?? ""),
        comparator: text(formData, "comparator") as ComparatorName,
        skewThreshold: num(formData, "skewThreshold"),
        driftThreshold: num(formData, "driftThreshold"),
        expectedUpdatedAt: text(formData, "expectedUpdatedAt") || null,
      },
    });
    revalidatePath("/settings");
    revalidatePath("/", "layout");
    return { ok: true, data: result };
  } catch (error) {
    return actionError(error);
  }
}
