// Validates one directory of manifests; validate.mjs is the command line around it.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { checkReferences } from "./references.mjs";
import { validateObject } from "./schemas.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const demoCatalog = resolve(here, "../../catalog/musterstadt.yaml");
const catalogFile = "catalog.yaml";

/** @returns {Promise<{problems: string[], objects: number, files: number}>} */
export async function validateDirectory(manifests) {
  const problems = [];
  const kustomization = yaml.load(readFileSync(join(manifests, "kustomization.yaml"), "utf8"));
  const files = readdirSync(manifests).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();
  for (const file of files)
    if (!kustomization.resources.includes(file)) problems.push(`${file}: not listed in kustomization.yaml's resources`);
  for (const file of kustomization.resources)
    if (!files.includes(file)) problems.push(`kustomization.yaml: lists ${file}, which does not exist`);

  const objects = [];
  for (const file of files) {
    let documents;
    try {
      documents = yaml.loadAll(readFileSync(join(manifests, file), "utf8"));
    } catch (e) {
      problems.push(`${file}: not YAML: ${e.message.split("\n")[0]}`);
      continue;
    }
    for (const object of documents.filter((d) => d !== null)) {
      const where = `${file}: ${object.kind}/${object.metadata?.name}`;
      for (const problem of await validateObject(object)) problems.push(`${where}: ${problem}`);
      if (object.kind !== "Namespace" && object.metadata?.namespace !== kustomization.namespace)
        problems.push(`${where}: namespace is ${object.metadata?.namespace}, not ${kustomization.namespace}`);
      objects.push({ file, object });
    }
  }

  problems.push(...checkReferences(objects));
  problems.push(...checkCatalog(objects));
  return { problems, objects: objects.length, files: files.length };
}

/** The ConfigMap that migrate-job.yaml imports: the demo catalogue, kept equal to the file it comes from. */
function checkCatalog(all) {
  const map = all.find((o) => o.object.kind === "ConfigMap" && o.object.metadata.name === "open311-catalog");
  if (!map) return [`${catalogFile}: ConfigMap open311-catalog is missing`];
  const expected = yaml.load(catalogConfigMap(readFileSync(demoCatalog, "utf8")));
  return map.object.data?.["catalog.yaml"] === expected.data["catalog.yaml"]
    ? []
    : [`${map.file}: differs from deploy/catalog/musterstadt.yaml; run: node deploy/kubernetes/validate/validate.mjs --write-catalog`];
}

export function catalogConfigMap(catalog) {
  const map = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "open311-catalog", namespace: "open311", labels: { "app.kubernetes.io/part-of": "open311-gateway" } },
    data: { "catalog.yaml": catalog },
  };
  return (
    "# Generated from deploy/catalog/musterstadt.yaml by validate/validate.mjs --write-catalog (CI checks they are equal).\n" +
    "# For your own catalogue: kubectl -n open311 create configmap open311-catalog --from-file=catalog.yaml=<file> \\\n" +
    "#   --dry-run=client -o yaml > deploy/kubernetes/catalog.yaml   (or keep it out of git and apply it directly)\n" +
    yaml.dump(map, { lineWidth: -1 })
  );
}
