// The two dictionaries have the same keys, and every literal t('key') in web/js exists in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const load = async (lang) => (await import(pathToFileURL(join(web, 'i18n', `${lang}.js`)).href)).default;

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.js') ? [p] : [];
  });
}

test('id and en dictionaries have the same keys', async () => {
  const id = Object.keys(await load('id')).sort();
  const en = Object.keys(await load('en')).sort();
  assert.deepEqual(en.filter((k) => !id.includes(k)), [], 'keys only in en.js');
  assert.deepEqual(id.filter((k) => !en.includes(k)), [], 'keys only in id.js');
});

test('every literal key used by the UI is in the dictionary', async () => {
  const id = await load('id');
  const used = new Set();
  for (const file of sources(join(web, 'js'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([a-z_]+(?:\.[a-z0-9_]+)+|[a-z_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/when\('[a-z_]+', '([a-z_.]+)'\)/g)) used.add(m[1]);
  }
  assert.ok(used.size > 100, `found ${used.size} keys`);
  assert.deepEqual([...used].filter((k) => !(k in id)).sort(), []);
});

test('no markup injection paths or inline styles in the UI sources', () => {
  for (const file of sources(join(web, 'js'))) {
    const text = readFileSync(file, 'utf8');
    for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'localStorage.setItem(\'token', '.style.']) {
      assert.ok(!text.includes(bad), `${file} uses ${bad}`);
    }
  }
  const index = readFileSync(join(web, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)/.test(index), 'inline <script> in index.html');
  assert.ok(!/\sstyle=/.test(index) && !/<style/.test(index), 'inline style in index.html');
});
