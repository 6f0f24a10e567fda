"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "../../schemas/auth";
import { auth } from "../auth/better-auth";
import { fieldErrors, type FieldError } from "../errors";

export type SignInState = { error?: string; fields?: FieldError[]; email?: string };

/** Signs in with email and password; the session cookie is set by better-auth's Next.js plugin. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error.issues), email: String(formData.get("email") ?? "") };
  try {
    await auth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch {
    return { error: "That email and password do not match an active account.", email: parsed.data.email };
  }
  redirect("/");
}

/** Ends the session and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
