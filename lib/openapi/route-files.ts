import fs from "node:fs";
import path from "node:path";

export type RouteFile = { file: string; path: string; methods: string[] };

const EXPORTED = /export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;
const EXPORT_LIST = /export\s*\{([^}]*)\}/g;

/** The URL path of an App Router route file: groups dropped, `[x]` and `[...x]` as `{x}`. */
export function routePathOf(relativeFile: string): string {
  const segments = relativeFile.split(/[\\/]/).slice(0, -1).filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]\]?$/, "{$1}")).join("/")}`;
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { GET }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(EXPORTED)) found.add(m[1]);
  for (const m of source.matchAll(EXPORT_LIST)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) found.add(name);
    }
  }
  return [...found].sort();
}

/** Every route.ts under a folder of the app directory, with its URL path and methods. */
export function scanRouteFiles(appDir: string, under: string): RouteFile[] {
  const root = path.join(appDir, under);
  const out: RouteFile[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const rel = path.relative(appDir, full);
        out.push({ file: path.join("app", rel), path: routePathOf(rel), methods: exportedMethods(fs.readFileSync(full, "utf8")) });
      }
    }
  };
  visit(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
