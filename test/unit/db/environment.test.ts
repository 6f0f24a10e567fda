import { describe, expect, it } from "vitest";
import { isLocalDatabase } from "../../../lib/db/connection";
import { readEnv } from "../../../lib/env";

describe("the environment", () => {
  it("defaults to the embedded database in ./.shelfwatch on port 3000", () => {
    const e = readEnv({});
    expect(e.databaseUrl).toBeUndefined();
    expect(e.dataDir.endsWith(".shelfwatch")).toBe(true);
    expect(e.port).toBe(3000);
    expect(e.demo).toBe(false);
  });

  it("names every variable at fault", () => {
    let message = "";
    try {
      readEnv({ PORT: "eighty", DATABASE_URL: "not a url", SHELFWATCH_AUTH_SECRET: "short" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["PORT", "DATABASE_URL", "SHELFWATCH_AUTH_SECRET"]) expect(message).toContain(name);
  });

  it("treats empty variables as unset", () => {
    expect(readEnv({ DATABASE_URL: "", PORT: "" }).databaseUrl).toBeUndefined();
  });
});

describe("seeding refuses remote databases", () => {
  it("accepts only this machine", () => {
    expect(isLocalDatabase("postgresql://u:p@localhost:5432/db")).toBe(true);
    expect(isLocalDatabase("postgresql://u:p@127.0.0.1:5432/db")).toBe(true);
    expect(isLocalDatabase("postgresql://u:p@[::1]:5432/db")).toBe(true);
    expect(isLocalDatabase("postgresql://u:p@db.internal:5432/db")).toBe(false);
    expect(isLocalDatabase("postgresql://u:p@10.0.0.5:5432/db")).toBe(false);
  });
});
