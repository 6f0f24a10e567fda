import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("enter an email address"),
  password: z.string().min(1, "enter your password"),
});
