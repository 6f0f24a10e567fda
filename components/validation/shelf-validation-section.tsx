import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { Ctx } from "@/lib/server/context";
import { getValidationState } from "@/lib/server/validation/get-validation-state";
import { ValidationStatePanel } from "./validation-state-panel";

/** The shelf page's data validation card: skew and drift state, linking to the validation view. */
export async function ShelfValidationSection({ ctx, slug, model }: { ctx: Ctx; slug: string; model: string }) {
  const state = await getValidationState({ ctx, input: { model } });
  return (
    <Card data-testid="shelf-validation">
      <CardHeader
        title="Data validation"
        description="Serving features against the training data of the version in production (skew), and against the day before (drift)."
        actions={<Link href={`/shelves/${encodeURIComponent(slug)}/validation`} className="text-sm font-medium text-brand hover:underline">Features × days →</Link>}
      />
      <div className="p-4">
        <ValidationStatePanel slug={slug} state={state} />
      </div>
    </Card>
  );
}
