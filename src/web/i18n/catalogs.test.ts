// Every language has every key of the English catalog, each message is valid ICU with the same arguments and markup
// as the English one, plurals have the `other` case, and a message with words is translated, not copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from './catalogs/en.js';
import ur from './catalogs/ur.js';
import ps from './catalogs/ps.js';
import faAF from './catalogs/fa-af.js';
import ar from './catalogs/ar.js';
import tr from './catalogs/tr.js';

const CATALOGS: Readonly<Record<string, Readonly<Record<string, string>>>> = { ur, ps, 'fa-AF': faAF, ar, tr };
/** Words that stay as they are in every language: names and technical acronyms. */
const UNTRANSLATED_WORDS = /\b(Truce|UTC|API|OpenAPI|JSON|ACLED|GeoJSON|SHA-256|Ed25519|Merkle|WebCrypto|URL|ID|OK)\b/g;

/** Argument names, tag names and plural/select shapes a message uses, and its literal text. */
function shape(elements: readonly MessageFormatElement[], out = { args: new Set<string>(), tags: new Set<string>(), text: '' }) {
  for (const el of elements) {
    if (el.type === TYPE.literal) out.text += el.value;
    else if (el.type === TYPE.tag) {
      out.tags.add(el.value);
      shape(el.children, out);
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.args.add(el.value);
      if (el.type === TYPE.plural) assert.ok('other' in el.options, `plural {${el.value}} has no "other" case`);
      for (const option of Object.values(el.options)) shape(option.value, out);
    } else if (el.type !== TYPE.pound) out.args.add(el.value);
  }
  return out;
}

const sorted = (s: Set<string>) => [...s].sort();

test('every message of the English catalog is valid ICU', () => {
  for (const [key, message] of Object.entries(en)) assert.doesNotThrow(() => parse(message), `en ${key}`);
});

for (const [locale, catalog] of Object.entries(CATALOGS)) {
  test(`${locale}: the same keys as English, the same arguments and markup, and translated`, () => {
    const missing = Object.keys(en).filter((k) => !(k in catalog));
    const extra = Object.keys(catalog).filter((k) => !(k in en));
    assert.deepEqual(missing, [], `${locale} lacks keys`);
    assert.deepEqual(extra, [], `${locale} has keys English does not`);
    const copied: string[] = [];
    for (const [key, source] of Object.entries(en)) {
      const message = catalog[key]!;
      const want = shape(parse(source));
      let got: ReturnType<typeof shape>;
      try {
        got = shape(parse(message));
      } catch (e) {
        assert.fail(`${locale} ${key} is not valid ICU: ${(e as Error).message}`);
      }
      assert.deepEqual(sorted(got.args), sorted(want.args), `${locale} ${key}: arguments`);
      assert.deepEqual(sorted(got.tags), sorted(want.tags), `${locale} ${key}: markup`);
      const words = want.text.replace(UNTRANSLATED_WORDS, '');
      if (message === source && /\p{L}{2,}/u.test(words)) copied.push(key);
    }
    assert.deepEqual(copied, [], `${locale}: messages copied from English instead of translated`);
  });
}
