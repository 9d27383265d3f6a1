// One object against its kubernetes-models class: the schema (types, required fields, formats such as quantities)
// and, because the schemas let unknown fields pass, every field the schema never looked at.

// The top level of every kind we use; the schema validators read these, but objects of other kinds may not have them.
const topLevel = new Set(["apiVersion", "kind", "metadata", "spec", "data", "stringData", "binaryData", "type", "immutable"]);

/** @returns {Promise<string[]>} what is wrong with the object, empty when nothing */
export async function validateObject(object) {
  if (!object || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
    return ["has no apiVersion and kind"];
  let models;
  try {
    models = await import(`kubernetes-models/${object.apiVersion}`);
  } catch {
    return [`unknown apiVersion ${object.apiVersion}`];
  }
  const Model = models[object.kind];
  if (typeof Model !== "function") return [`unknown kind ${object.kind} in ${object.apiVersion}`];

  const problems = Object.keys(object).filter((k) => !topLevel.has(k)).map((k) => `unknown field /${k}`);
  const seen = { declared: new Set(), read: new Set() };
  const model = new Model(object);
  // The model copies the object; its fields are replaced by proxies that note each field the validator reads.
  for (const key of Object.keys(model)) model[key] = tracked(model[key], `/${key}`, seen);
  try {
    model.validate();
  } catch (e) {
    problems.push(...String(e.message).split(", ").map((m) => m.replace(/^data/, "")));
  }
  for (const path of seen.declared) if (!seen.read.has(path)) problems.push(`unknown field ${path}`);
  return problems;
}

function tracked(value, path, seen) {
  if (value === null || typeof value !== "object") return value;
  const copy = Array.isArray(value)
    ? value.map((v, i) => tracked(v, `${path}/${i}`, seen))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tracked(v, `${path}/${k}`, seen)]));
  if (!Array.isArray(value)) for (const key of Object.keys(value)) seen.declared.add(`${path}/${key}`);
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === "string") seen.read.add(`${path}/${key}`);
      return Reflect.get(target, key, receiver);
    },
  });
}
