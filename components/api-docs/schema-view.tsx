type Schema = Record<string, unknown>;
type Components = Record<string, unknown>;

const MAX_DEPTH = 5;

function deref(schema: unknown, components: Components): { schema: Schema; ref: string | null } {
  if (schema && typeof schema === "object" && typeof (schema as Schema).$ref === "string") {
    const name = ((schema as Schema).$ref as string).split("/").pop()!;
    return { schema: (components[name] ?? {}) as Schema, ref: name };
  }
  return { schema: (schema ?? {}) as Schema, ref: null };
}

/** A schema's type in a few words: "string · date", "integer ≥ 1", "array of object", "one of: a, b". */
export function typeLabel(raw: unknown, components: Components): string {
  const { schema: s, ref } = deref(raw, components);
  if (ref === "JsonValue") return "any JSON";
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if ("const" in s) return JSON.stringify(s.const);
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) return [...new Set(variants.map((v) => typeLabel(v, components)))].join(" or ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "any");
  const bits: string[] = [];
  if (type === "array") bits.push(`array of ${typeLabel(s.items, components)}`);
  else if (type === "object" && !s.properties && s.additionalProperties) bits.push(`map of ${typeLabel(s.additionalProperties, components)}`);
  else bits.push(type);
  if (typeof s.format === "string") bits.push(s.format);
  const range = [typeof s.minimum === "number" ? `≥ ${s.minimum}` : "", typeof s.maximum === "number" && s.maximum < 2_147_483_647 ? `≤ ${s.maximum.toLocaleString("en-US")}` : "", typeof s.minLength === "number" && s.minLength > 0 ? `${s.minLength}+ chars` : "", typeof s.maxLength === "number" ? `≤ ${s.maxLength} chars` : "", typeof s.minItems === "number" && s.minItems > 0 ? `${s.minItems}+ items` : "", typeof s.maxItems === "number" ? `≤ ${s.maxItems.toLocaleString("en-US")} items` : ""].filter(Boolean);
  return [bits.join(" · "), ...range].join(", ");
}

/** The object schema an array or map holds, when it is worth expanding. */
function nested(raw: unknown, components: Components): Schema | null {
  const { schema: s, ref } = deref(raw, components);
  if (ref === "JsonValue") return null;
  if (s.properties) return s;
  if (s.type === "array") return nested(s.items, components);
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) return variants.map((v) => nested(v, components)).find(Boolean) ?? null;
  return null;
}

/** The fields of an object schema as a nested list: name, type, required, default, description. */
export function SchemaView({ schema, components, depth = 0 }: { schema: unknown; components: Components; depth?: number }) {
  const { schema: s } = deref(schema, components);
  const object = s.properties ? s : nested(s, components);
  if (!object) return <p className="font-mono text-xs text-slate-600">{typeLabel(schema, components)}</p>;
  const required = new Set((object.required ?? []) as string[]);
  const props = Object.entries((object.properties ?? {}) as Record<string, Schema>);
  return (
    <ul className={`space-y-1.5 ${depth > 0 ? "mt-1.5 border-l border-slate-200 pl-3" : ""}`}>
      {props.map(([name, p]) => {
        const child = depth < MAX_DEPTH ? nested(p, components) : null;
        return (
          <li key={name} className="text-xs">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono font-semibold text-slate-900">{name}</code>
              <span className="font-mono text-slate-500">{typeLabel(p, components)}</span>
              {required.has(name) ? <span className="text-[10px] font-semibold uppercase text-bad">required</span> : null}
              {"default" in p && <span className="text-slate-500">default <code className="font-mono">{JSON.stringify(p.default)}</code></span>}
            </div>
            {typeof p.description === "string" && <p className="text-slate-600">{p.description}</p>}
            {child && <SchemaView schema={child} components={components} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
