import { parseArgs } from "node:util";
import { systemCtx } from "../../server/context";
import { AppError } from "../../server/errors";
import { createToken } from "../../server/tokens/create-token";
import { CliError } from "../cli-error";
import { withDatabase } from "../database";

/** `shelfwatch token create`: prints a new API token once (only its hash is stored). */
export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new CliError("Usage: shelfwatch token create --name N --scope ingest,gate,read [--expires-days D]");
  const { values } = parseArgs({ args: rest, options: { name: { type: "string" }, scope: { type: "string" }, "expires-days": { type: "string" } } });
  if (!values.name || !values.scope) throw new CliError("--name and --scope are required.");
  const input = {
    name: values.name,
    scopes: values.scope.split(",").map((s) => s.trim()) as ("ingest" | "gate" | "read")[],
    expiresInDays: values["expires-days"] ? Number(values["expires-days"]) : undefined,
  };
  return withDatabase(async () => {
    try {
      const created = await createToken({ ctx: systemCtx("cli"), input });
      console.error(`Created token "${created.name}" (${created.scopes.join(", ")}). It is shown once; store it now:`);
      console.log(created.token);
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message} ${error.fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`.trim());
      throw error;
    }
  });
}
