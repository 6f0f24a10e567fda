"use server";

import { revalidatePath } from "next/cache";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { createToken } from "../tokens/create-token";
import { revokeToken } from "../tokens/revoke-token";
import { createUser } from "../users/create-user";
import { setUserRole } from "../users/set-user-role";
import { actionError, type ActionResult } from "./action-result";

// Server Actions are public endpoints: each re-reads the session and the data layer re-authorizes.
async function ctxOrThrow() {
  const ctx = await getSessionCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  return ctx;
}

const list = (v: FormDataEntryValue | null) => String(v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** Creates an API token and returns it once. */
export async function createTokenAction(_prev: ActionResult<{ token: string; name: string }> | null, formData: FormData): Promise<ActionResult<{ token: string; name: string }>> {
  try {
    const created = await createToken({
      ctx: await ctxOrThrow(),
      input: { name: String(formData.get("name") ?? ""), scopes: formData.getAll("scopes").map(String) as ("ingest" | "gate" | "read")[] },
    });
    revalidatePath("/settings");
    return { ok: true, data: { token: created.token, name: created.name } };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeTokenAction(formData: FormData): Promise<ActionResult> {
  try {
    await revokeToken({ ctx: await ctxOrThrow(), input: { id: Number(formData.get("id")) } });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

export async function createUserAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await createUser({
      ctx: await ctxOrThrow(),
      input: {
        email: String(formData.get("email") ?? ""),
        name: String(formData.get("name") ?? ""),
        role: String(formData.get("role") ?? "") as "viewer",
        password: String(formData.get("password") ?? ""),
        leadShelves: list(formData.get("leadShelves")),
      },
    });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

export async function setUserRoleAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await setUserRole({
      ctx: await ctxOrThrow(),
      input: { userId: String(formData.get("userId") ?? ""), role: String(formData.get("role") ?? ""), leadShelves: list(formData.get("leadShelves")) },
    });
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
