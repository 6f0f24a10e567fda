import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const roleSchema = z.enum(ROLES);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: z.string().min(8, "at least 8 characters").max(200),
  /** Shelves a lead is limited to (slugs); empty means every shelf. */
  leadShelves: z.array(z.string().min(1)).default([]),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const setUserRoleSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  leadShelves: z.array(z.string().min(1)).default([]),
});
