// The contract test: every HTTP exchange the end-to-end suite had with the real application
// (recorded by tests/e2e/support/contract_log.cpp as JSON lines) must be described by the OpenAPI
// document (api/openapi/*.json, merged in file name order as api/openapi/openapi_document.cpp does):
// a documented operation, a documented status, a documented media type, and a body that the
// operation's schema accepts (JSON Schema 2020-12, validated by ajv).
//
//   node validate.mjs OPENAPI_DIR LOG_DIR
//
// Exit status 1 on any mismatch, with each kind of mismatch listed once (with a count and an example).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [openapiDir, logDir] = process.argv.slice(2);
if (!openapiDir || !logDir) {
  console.error('usage: node validate.mjs OPENAPI_DIR LOG_DIR');
  process.exit(2);
}

export function mergedDocument(dir) {
  let doc = null;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (doc === null) {
      doc = part;
      continue;
    }
    Object.assign(doc.paths, part.paths ?? {});
    Object.assign(doc.components.schemas, part.components?.schemas ?? {});
  }
  return doc;
}

const doc = mergedDocument(openapiDir);
const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: Boolean(process.env.PERKARA_CONTRACT_ERRORS) });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

const pointer = (...tokens) =>
  tokens.map((t) => encodeURIComponent(String(t).replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
const validators = new Map();
function validatorFor(route, method, status, mediaType) {
  const ref = `openapi#/${pointer('paths', route, method, 'responses', status, 'content', mediaType, 'schema')}`;
  if (!validators.has(ref)) {
    validators.set(ref, ajv.compile({ $ref: ref }));
  }
  return validators.get(ref);
}

const failures = new Map();  // kind of mismatch -> { count, example }
function fail(key, example) {
  const entry = failures.get(key) ?? { count: 0, example };
  entry.count += 1;
  failures.set(key, entry);
}

const exercised = new Set();
const rawErrors = [];  // ajv's errors, written to PERKARA_CONTRACT_ERRORS (a file) when set
let checked = 0;
const mediaOf = (contentType) => contentType.split(';')[0].trim().toLowerCase();

function check(x) {
  const path = x.target.split('?')[0];
  const method = x.method === 'HEAD' ? 'get' : x.method.toLowerCase();
  let route = x.route;
  if (route === null) {
    // No route matched: static files are not part of the API; an unknown API path is a 404 and a
    // known path with another method a 405, both problem+json.
    if (!path.startsWith('/api/') && !(path in doc.paths)) return;
    if (![404, 405].includes(x.status)) {
      fail(`${x.method} ${path}: no route, yet status ${x.status}`, x);
      return;
    }
    if (mediaOf(x.content_type) !== 'application/problem+json') {
      fail(`${x.method} (no route) ${x.status}: content type ${x.content_type}`, x);
      return;
    }
    const validate = ajv.compile({ $ref: 'openapi#/components/schemas/Problem' });
    if (!validate(JSON.parse(x.body))) {
      fail(`${x.method} (no route) ${x.status}: ${ajv.errorsText(validate.errors)}`, x);
    }
    checked += 1;
    return;
  }
  const operation = doc.paths[route]?.[method];
  if (!operation) {
    fail(`${method.toUpperCase()} ${route}: operation not documented`, x);
    return;
  }
  exercised.add(`${method.toUpperCase()} ${route} ${x.status}`);
  const status = String(x.status);
  const response = operation.responses?.[status];
  if (!response) {
    fail(`${method.toUpperCase()} ${route}: status ${status} not documented`, x);
    return;
  }
  checked += 1;
  if (x.method === 'HEAD' || x.body === '') {
    return;
  }
  const media = mediaOf(x.content_type);
  const content = response.content?.[media];
  if (!content) {
    fail(`${method.toUpperCase()} ${route} ${status}: media type ${media} not documented`, x);
    return;
  }
  if (!content.schema) {
    fail(`${method.toUpperCase()} ${route} ${status} ${media}: no schema`, x);
    return;
  }
  let body = x.body;
  if (media.endsWith('json')) {
    try {
      body = JSON.parse(x.body);
    } catch {
      fail(`${method.toUpperCase()} ${route} ${status}: body is not JSON`, x);
      return;
    }
  }
  const validate = validatorFor(route, method, status, media);
  if (!validate(body)) {
    rawErrors.push(...validate.errors);
    for (const e of validate.errors) {
      const detail = e.keyword === 'additionalProperties' ? `${e.message}: ${e.params.additionalProperty}` : e.message;
      fail(`${method.toUpperCase()} ${route} ${status}: ${e.instancePath || '/'} ${detail}`, x);
    }
  }
}

for (const name of readdirSync(logDir).filter((n) => n.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
    if (line.trim() !== '') check(JSON.parse(line));
  }
}

if (process.env.PERKARA_CONTRACT_ERRORS) {
  writeFileSync(process.env.PERKARA_CONTRACT_ERRORS, JSON.stringify(rawErrors));
}

const documented = [];
for (const [route, item] of Object.entries(doc.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    for (const status of Object.keys(operation.responses ?? {})) documented.push(`${method.toUpperCase()} ${route} ${status}`);
  }
}
const unexercised = documented.filter((d) => !exercised.has(d));
console.log(`contract: ${checked} exchanges checked; ${exercised.size} of ${documented.length} documented responses exercised`);
if (process.env.PERKARA_CONTRACT_VERBOSE) {
  for (const u of unexercised) console.log(`  not exercised: ${u}`);
}
if (checked === 0) {
  console.error('contract: no exchanges recorded (was PERKARA_CONTRACT_LOG set for the end-to-end tests?)');
  process.exit(1);
}
if (failures.size > 0) {
  for (const [key, { count, example }] of [...failures].sort()) {
    console.error(`MISMATCH (${count}x) ${key}`);
    console.error(`    e.g. ${example.method} ${example.target} -> ${example.status} ${example.body.slice(0, 300)}`);
  }
  console.error(`contract: ${failures.size} kinds of mismatch`);
  process.exit(1);
}
