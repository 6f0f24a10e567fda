import { z } from "zod";
import { TOKEN_SCOPES } from "../auth/permissions";

export const tokenScopeSchema = z.enum(TOKEN_SCOPES);

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(tokenScopeSchema).min(1, "choose at least one scope").transform((s) => [...new Set(s)]),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ id: z.number().int().positive() });
