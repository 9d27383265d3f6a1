// Validates the Kubernetes manifests offline (no cluster here or in CI): every object against the API schemas of
// kubernetes-models, fields the schemas do not know (a typo such as `replica:` is silently dropped by a cluster),
// and the references between objects: selectors that find pods, probe and Service ports that exist, ConfigMaps,
// Secrets and claims that are defined, settings that match the ports they open.
//
//   node validate.mjs [manifest directory]        (default: the directory above this one)
//   node validate.mjs --write-catalog            rewrite catalog.yaml from deploy/catalog/musterstadt.yaml
//
// Prints one line per problem and exits 1 when there is any.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogConfigMap, demoCatalog, validateDirectory } from "./manifests.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const manifests = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, ".."));

if (args.includes("--write-catalog")) {
  writeFileSync(join(manifests, "catalog.yaml"), catalogConfigMap(readFileSync(demoCatalog, "utf8")));
  console.log(`wrote ${join(manifests, "catalog.yaml")}`);
  process.exit(0);
}

const { problems, objects, files } = await validateDirectory(manifests);
for (const problem of problems) console.log(problem);
console.log(`kubernetes manifests: ${objects} objects in ${files} files, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
