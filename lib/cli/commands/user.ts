import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { systemCtx } from "../../server/context";
import { AppError } from "../../server/errors";
import { createUser } from "../../server/users/create-user";
import { CliError } from "../cli-error";
import { withDatabase } from "../database";

/** `shelfwatch user create`: the way a real deployment gets its first admin. */
export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new CliError("Usage: shelfwatch user create --email E --role R [--name N] [--password P] [--lead-shelves a,b]");
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" }, "lead-shelves": { type: "string" } },
  });
  if (!values.email || !values.role) throw new CliError("--email and --role are required.");
  const generated = values.password ? null : randomBytes(12).toString("base64url");
  const input = {
    email: values.email,
    role: values.role as "viewer",
    name: values.name ?? values.email.split("@")[0],
    password: values.password ?? generated!,
    leadShelves: values["lead-shelves"] ? values["lead-shelves"].split(",").map((s) => s.trim()).filter(Boolean) : [],
  };
  return withDatabase(async () => {
    try {
      const user = await createUser({ ctx: systemCtx("cli"), input });
      console.log(`Created ${user.role} ${user.email}${user.leadShelves.length ? ` (leads ${user.leadShelves.join(", ")})` : ""}.`);
      if (generated) console.log(`Password: ${generated}`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message}${error.fields.length ? " " + error.fields.map((f) => `${f.path}: ${f.message}`).join("; ") : ""}`);
      throw error;
    }
  });
}
