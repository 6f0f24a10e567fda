import { auditCommand } from "./commands/audit";
import { migrateCommand } from "./commands/migrate";
import { seedCommand } from "./commands/seed";
import { startCommand } from "./commands/start";
import { tokenCommand } from "./commands/token";
import { userCommand } from "./commands/user";
import { validateCommand } from "./commands/validate";
import { CliError } from "./cli-error";

const HELP = `Shelfwatch: the control room for the models behind Home's shelves.

Usage: npx shelfwatch <command> [options]

  start [--dev]                         start the database (embedded unless DATABASE_URL), migrate,
                                        seed the demo on first start, build if needed, serve
  migrate                               apply pending migrations
  seed --demo [--force]                 seed the demo data (refuses a non-local database unless --force)
  user create --email E --role R        create a user (roles: viewer, engineer, reviewer, lead, admin)
        [--name N] [--password P] [--lead-shelves slug,slug]
  token create --name N --scope S[,S]   create an API token (scopes: ingest, gate, read); printed once
        [--expires-days D]
  audit verify                          walk the audit log's hash chain; exit 1 at the first broken event
  validate --baseline A.json            compare two statistics files (Shelfwatch profiles or TFDV
        --target B.json [--config C.json]   statistics), print each feature's distance against its
        [--json]                        threshold; exit 1 when any anomaly (no database needed)

Environment: DATABASE_URL, SHELFWATCH_DATA_DIR (default ./.shelfwatch), PORT, HOST,
SHELFWATCH_PUBLIC_URL, SHELFWATCH_AUTH_SECRET (see the README).`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  start: startCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  user: userCommand,
  token: tokenCommand,
  audit: auditCommand,
  validate: validateCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}". Run \`npx shelfwatch help\`.`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) console.error(`shelfwatch: ${error.message}`);
    else console.error(error);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
