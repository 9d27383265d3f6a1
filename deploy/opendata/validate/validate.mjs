// Validates DCAT-AP.de documents offline, as GovData's validator does for "DCAT-AP.de 2.0 - Spezifikation +
// Konventionen": the German shapes and conventions together with the base DCAT-AP 2.1.1 shapes
// (specs/opendata/shacl/shapes/), and the vocabularies
// those shapes look values up in (licences, contributors, file types, data themes, foaf/vcard/org classes) added to
// the data graph, where GovData's validator puts its owl:imports. The imports name URLs that cannot be fetched here,
// so the copies in specs/opendata/shacl/vocabularies/ stand in for them (sources: specs/opendata/shacl/SOURCE).
//
//   node validate.mjs catalog.ttl [catalog.jsonld ...]
//
// Prints one JSON line per document: {"file", "conforms", "results": [{"severity", "focus", "path", "message"}]}.
// A document conforms only without any result, warnings included (SHACL's own sh:conforms), since GovData's
// licence check is a warning. Exit code: 0 when every document conforms, 1 when one does not, 2 when one cannot be read.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

const here = dirname(fileURLToPath(import.meta.url));
const shaclDirectory = join(here, '..', '..', '..', 'specs', 'opendata', 'shacl');

async function readAll(directory) {
  const dataset = rdf.dataset();
  for (const name of (await readdir(directory)).sort()) {
    await dataset.import(rdf.fromFile(join(directory, name)));
  }
  return dataset;
}

function describe(result) {
  const messages = result.message.filter((m) => !m.language || m.language === 'de' || m.language === 'en');
  return {
    severity: result.severity?.value.replace('http://www.w3.org/ns/shacl#', 'sh:') ?? null,
    focus: result.focusNode?.value ?? null,
    path: result.path?.value ?? null,
    message: messages.map((m) => m.value).join(' / '),
  };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs DOCUMENT.ttl|.jsonld|.rdf ...');
  process.exit(2);
}

const shapes = await readAll(join(shaclDirectory, 'shapes'));
const vocabularies = await readAll(join(shaclDirectory, 'vocabularies'));

let exitCode = 0;
for (const file of files) {
  let document;
  try {
    document = await rdf.dataset().import(rdf.fromFile(file));
  } catch (error) {
    console.log(JSON.stringify({ file, conforms: false, error: String(error?.message ?? error), results: [] }));
    exitCode = 2;
    continue;
  }
  if (document.size === 0) {
    console.log(JSON.stringify({ file, conforms: false, error: 'the document holds no triples', results: [] }));
    exitCode = 2;
    continue;
  }
  const data = rdf.dataset([...vocabularies, ...document]);
  // A validator per document: it keeps state (its report) from one run to the next.
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
  const results = report.results.map(describe);
  console.log(JSON.stringify({ file, conforms: report.conforms && results.length === 0, triples: document.size, results }));
  if (!(report.conforms && results.length === 0) && exitCode === 0) exitCode = 1;
}
process.exit(exitCode);
