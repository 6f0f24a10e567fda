import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/server/auth/better-auth";

// better-auth's own endpoints (sign-in, sign-out, session), with sessions stored in Postgres.
export const { GET, POST } = toNextJsHandler((request: Request) => auth().handler(request));
