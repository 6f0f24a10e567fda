import { parseArgs } from "node:util";
import { seedDemo } from "../../../prisma/seed/demo";
import { isLocalDatabase } from "../../db/connection";
import { CliError } from "../cli-error";
import { withDatabase } from "../database";

/** `shelfwatch seed --demo [--force]`: deterministic, idempotent; refuses a remote database unless forced. */
export async function seedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" }, force: { type: "boolean" } } });
  if (!values.demo) throw new CliError("Usage: shelfwatch seed --demo [--force]");
  return withDatabase(async (db, target) => {
    if (!isLocalDatabase(target.url) && !values.force) {
      throw new CliError(`Refusing to seed demo data into ${new URL(target.url).hostname}, which is not this machine. Pass --force if you mean it.`);
    }
    const started = Date.now();
    const summary = await seedDemo(db, { log: (m) => console.log(m) });
    console.log(`${summary.created ? "Seeded the demo" : "The demo was already seeded"} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  });
}
