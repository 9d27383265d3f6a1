// The validator must fail on broken manifests, not only pass on good ones: each case breaks a copy of the real
// manifests in one way and expects the validator to exit 1 naming the problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const manifests = join(here, "..");

import { validateDirectory } from "./manifests.mjs";

async function validate(directory) {
  const { problems } = await validateDirectory(directory);
  return { code: problems.length === 0 ? 0 : 1, output: problems.join("\n") + `\n ${problems.length} problems` };
}

async function broken(file, from, to) {
  const copy = mkdtempSync(join(tmpdir(), "open311-manifests-"));
  cpSync(manifests, copy, { recursive: true, filter: (source) => !source.includes("validate") });
  const text = readFileSync(join(copy, file), "utf8");
  assert.ok(text.includes(from), `${file} no longer contains ${from}: update the test`);
  writeFileSync(join(copy, file), text.replace(from, to));
  try {
    return await validate(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

test("the manifests as committed are valid", async () => {
  const { code, output } = await validate(manifests);
  assert.equal(code, 0, output);
  assert.match(output, / 0 problems/);
});

const cases = [
  ["a misspelt field", "api-deployment.yaml", "  replicas: 2", "  replica: 2", /unknown field \/spec\/replica\b/],
  ["a quantity that is none", "worker-deployment.yaml", "memory: 256Mi", "memory: lots", /limits\/memory must match format "quantity"/],
  ["a probe on a port the container does not open", "worker-deployment.yaml", "port: management\n            periodSeconds: 10", "port: metrics\n            periodSeconds: 10", /livenessProbe uses port metrics/],
  ["a ConfigMap that is not defined", "api-deployment.yaml", "name: open311-api-settings", "name: open311-api-setings", /needs ConfigMap open311-api-setings/],
  ["a Service whose selector finds no pod", "api-service.yaml", "app.kubernetes.io/name: open311-api\n  ports", "app.kubernetes.io/name: open311-apl\n  ports", /selector matches no pod template/],
  ["a management port that differs from the setting", "worker-settings.yaml", 'Management__Port: "9465"', 'Management__Port: "9475"', /Management__Port is 9475/],
  ["a real value in a Secret", "secrets.yaml", "RabbitMq__Password: REPLACE_ME", "RabbitMq__Password: hunter2", /holds a value instead of a REPLACE_ME placeholder/],
  ["an Ingress to a port the Service lacks", "ingress.yaml", "name: http", "name: https", /which Service open311-api lacks/],
];
for (const [what, file, from, to, expected] of cases)
  test(`fails on ${what}`, async () => {
    const { code, output } = await broken(file, from, to);
    assert.equal(code, 1, output);
    assert.match(output, expected);
  });
