import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkOpenApiDocument } from "../../../lib/openapi/check-document";
import { buildOpenApiDocument } from "../../../lib/openapi/document";
import { exportedMethods, routePathOf, scanRouteFiles } from "../../../lib/openapi/route-files";
import type { RouteDoc } from "../../../lib/openapi/types";

const ok = () => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
  },
  components: { schemas: { Thing: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } } },
});

describe("checkOpenApiDocument", () => {
  it("accepts a sound document", () => {
    expect(checkOpenApiDocument(ok())).toEqual([]);
  });

  it("finds a dangling $ref, a missing operationId, an undeclared path parameter and a bad type", () => {
    const doc = ok() as any;
    doc.paths["/things/{id}"].get.responses["200"].content["application/json"].schema = { $ref: "#/components/schemas/Nope" };
    doc.paths["/things/{id}/parts/{part}"] = { post: { responses: {} , parameters: [{ name: "id", in: "path", required: true, schema: { type: "int" } }] } };
    const problems = checkOpenApiDocument(doc);
    expect(problems.join("\n")).toMatch(/\$ref #\/components\/schemas\/Nope does not resolve/);
    expect(problems.join("\n")).toMatch(/POST \/things\/\{id\}\/parts\/\{part\}: no operationId/);
    expect(problems.join("\n")).toMatch(/path parameter \{part\} is not declared/);
    expect(problems.join("\n")).toMatch(/no responses/);
    expect(problems.join("\n")).toMatch(/unknown type "int"/);
  });

  it("finds duplicate operation ids", () => {
    const doc = ok() as any;
    doc.paths["/other"] = { get: { operationId: "getThing", responses: { "200": { description: "x" } } } };
    expect(checkOpenApiDocument(doc)).toEqual([expect.stringContaining("operationId getThing is also used")]);
  });
});

describe("buildOpenApiDocument", () => {
  const route: RouteDoc = {
    method: "post",
    path: "/api/v1/trees/{tree}",
    operationId: "plantTree",
    tag: "T",
    summary: "Plant",
    permission: "ingest",
    params: z.object({ tree: z.string() }),
    // A recursive schema: its self-reference must point into components, not at the document root.
    body: z.object({ meta: z.record(z.string(), z.json()), count: z.coerce.number().int().default(1) }),
    bodyExample: { meta: { a: [1, { b: null }] } },
    responses: { 201: { description: "Planted." } },
  };
  const doc = buildOpenApiDocument([route], [{ name: "T", description: "t" }], { version: "1", description: "d" });

  it("makes a sound document of a route with recursive JSON and a coerced default", () => {
    expect(checkOpenApiDocument(doc)).toEqual([]);
    const schema = (doc.paths["/api/v1/trees/{tree}"].post.requestBody as any).content["application/json"].schema;
    expect(schema.properties.meta.additionalProperties).toEqual({ $ref: "#/components/schemas/JsonValue" });
    expect(schema.properties.count).toEqual({ default: 1, type: "integer" });
  });

  it("derives the scope, roles, idempotency header and error answers from the permission and method", () => {
    const op = doc.paths["/api/v1/trees/{tree}"].post as any;
    expect(op.security).toEqual([{ bearerAuth: ["ingest"] }]);
    expect(op["x-shelfwatch-roles"]).toEqual(["engineer", "lead", "admin"]);
    expect(Object.keys(op.responses).sort()).toEqual(["201", "400", "401", "403", "409", "413"]);
    expect(op.parameters.at(-1)).toEqual({ $ref: "#/components/parameters/IdempotencyKey" });
  });
});

describe("route files", () => {
  it("turns file paths into URL templates", () => {
    expect(routePathOf("api/v1/models/[model]/versions/[version]/route.ts")).toBe("/api/v1/models/{model}/versions/{version}");
    expect(routePathOf("(group)/api/v1/x/[...rest]/route.ts")).toBe("/api/v1/x/{rest}");
  });

  it("reads the exported methods in every style", () => {
    expect(exportedMethods("export const GET = a;\nexport async function POST() {}\nexport function DELETE() {}")).toEqual(["DELETE", "GET", "POST"]);
    expect(exportedMethods("const handler = 1; export { handler as PUT, helper };")).toEqual(["PUT"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic';")).toEqual([]);
  });

  it("finds a new route file, so that the coverage test sees it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "routes-"));
    fs.mkdirSync(path.join(dir, "api/v1/new-thing/[id]"), { recursive: true });
    fs.writeFileSync(path.join(dir, "api/v1/new-thing/[id]/route.ts"), "export const PATCH = x;");
    expect(scanRouteFiles(dir, "api/v1")).toEqual([{ file: path.join("app", "api/v1/new-thing/[id]/route.ts"), path: "/api/v1/new-thing/{id}", methods: ["PATCH"] }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
