import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Sieve, requiredLiterals } from './sieve.js';

test('the strings every match must contain, read from the source', () => {
  assert.deepEqual(requiredLiterals(/\b(?:air\s*-?strikes?|warplanes?)\b/i), ['strike', 'warplane']);
  assert.deepEqual(requiredLiterals(/\b(?:explosions?|blasts?|exploded|detonat(?:ed|ion))\b/i), ['explosion', 'blast', 'exploded', 'detonat']);
  // a lookbehind or a lookahead is no part of the match; an optional part is not required
  assert.deepEqual(requiredLiterals(/(?<!rebel\s)\b(?:army|troops)(?!\s+said)\b/i), ['army', 'troops']);
  assert.deepEqual(requiredLiterals(/(?:\w+\s+)?rounds?\s+of/i), ['round']);
  // the longest string of an alternative is taken; a case-sensitive expression's strings are as written
  assert.deepEqual(requiredLiterals(/\bS?VBIEDs?\b/), ['VBIED']);
  assert.deepEqual(requiredLiterals(/^(?:Arrests?):\s/i), ['arrest']);
  assert.deepEqual(requiredLiterals(/a{2,}b/), ['a']);
  assert.deepEqual(requiredLiterals(/(?<![\p{L}-])(?:AFP|Reuters|Al Jazeera)(?![\p{L}-])/gu), ['AFP', 'Reuters', 'Al Jazeera']);
  // nothing can be said: an alternative with no literal, a class, an expression with the v flag
  assert.equal(requiredLiterals(/killed|\d+ dead|[A-Z]+/), null);
  assert.equal(requiredLiterals(/(?:a|)b?/), null);
  assert.equal(requiredLiterals(new RegExp('strikes?', 'v')), null);
  // a case-insensitive Unicode expression is read as the others (its two letters outside ASCII: the next test)
  assert.deepEqual(requiredLiterals(/(?<![\p{L}])Strikes?/iu), ['strike']);
  // an escape is the character it names (a control escape, a hexadecimal one), read by the parser
  assert.deepEqual(requiredLiterals(/\cJstrike/), ['\nstrike']);
  assert.deepEqual(requiredLiterals(/\x41rmy/), ['Army']);
  // only ASCII is literal ("ς" matches "σ" case-insensitively; lower-casing would not find it)
  assert.deepEqual(requiredLiterals(/σεισμός of/i), [' of']);
});

test('the sieve names every expression that matches, and leaves out those whose strings are absent', () => {
  const res = [/\bair\s*strikes?\b/i, /\bcease-?fire\b/i, /\bSomalia\b/, /[0-9]+ killed/, /(?<=\bthe\s)army/i, /\d(\d)\1/];
  const sieve = new Sieve(res);
  assert.deepEqual(sieve.candidates('AIR STRIKES hit the ARMY base'), [true, false, false, false, true, true]);
  // (a case-sensitive expression's strings are looked for as written: "Somalia", not "somalia")
  assert.deepEqual(sieve.candidates('A ceasefire in somalia'), [false, true, false, false, false, true]);
  assert.deepEqual(sieve.candidates('A ceasefire in Somalia'), [false, true, true, false, false, true]);
  // (an expression with no string to look for is always run)
  assert.deepEqual(sieve.candidates(''), [false, false, false, false, false, true]);
  // strings found inside one another ("hers" in "ushers", where "she" is found first)
  assert.deepEqual(new Sieve([/she/, /hers/, /rs\b/]).candidates('ushers'), [true, true, true]);
  // letters outside ASCII are no letters of the strings: "İ" lower-cased is "i̇", yet /army/i does not match "ARMY" spelled with it
  assert.deepEqual(sieve.candidates('the ARMİ'), [false, false, false, false, false, true]);
});

test('case-insensitive Unicode expressions: "ſ" is an s and the Kelvin sign a k, and no other character outside ASCII matches ASCII', () => {
  // every code point outside ASCII that an ASCII character matches ignoring case with the u flag (without it: none)
  const folds = (flags: string): number[] => {
    // (the whole ASCII range, control characters included)
    // eslint-disable-next-line no-control-regex
    const ascii = new RegExp('^[\\x00-\\x7f]$', flags);
    const out: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && ascii.test(String.fromCodePoint(cp))) out.push(cp);
    return out;
  };
  assert.deepEqual(folds('iu'), [0x17f, 0x212a]);
  assert.deepEqual(folds('i'), []);
  const res = [/\bstrikes?\b/iu, /\bkilled\b/iu, /\bkilled\b/u];
  const sieve = new Sieve(res);
  for (const text of ['air \u017Ftrikes', 'AIR \u017FTRIKES', '\u212Ailled', 'were \u212AILLED']) {
    const may = sieve.candidates(text);
    res.forEach((re, k) => assert.ok(!re.test(text) || may[k], `${re} matches ${JSON.stringify(text)} but the sieve left it out`));
    assert.ok(res.some((re) => re.test(text)));
  }
  assert.deepEqual(sieve.candidates('KILLED'), [false, true, false]);
});

/** Every sentence-like line of the annotated news fixtures. */
function corpus(): string[] {
  const root = fileURLToPath(new URL('../../test/fixtures/news/', import.meta.url));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(...readFileSync(join(dir, e.name), 'utf8').split(/(?<=[.!?])\s+|\n+/));
    }
  };
  walk(root);
  return out.filter((s) => s.trim());
}

test('never a match missed: expressions of every kind over the news fixtures, and cut-up pieces of them', () => {
  const res = [
    /\b(?:shell(?:ing|ed|s)|bombard(?:ed|ing)|artillery|RPGs?|rocket-propelled\s+grenades?|mortars?(?:\s+(?:shells?|rounds?|fire))?)\b/gi,
    /\b(?:picked\s+up|t(?:ook|aken)(?:\s+away)?|seized)\s+(?:at\s+least\s+)?(?:a|an|two|\d+)\s+(?:[\w-]+\s+){0,2}?(?:people|men|women)\b(?![^.;]{0,40}?\bto\s+hospitals?)/gi,
    /(?<!\b(?:note\s+of|diplomatic)\s+)\b(?:protest(?:s|ers|ed|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied))\b/gi,
    /\b(?:said|told)\s+(?:(?!that\b)\w+\s+){0,3}?(?:on|late\s+on)?\s*$/i,
    /(\d{1,2})\s+(?:January|February|March|October|November)(?:\s+(\d{4}))?/g,
    /\b(?:the\s+)?(?:Pakistan(?:i)?|Afghan(?:istan)?)\s+(?:army|military|Taliban)\b/g,
    /"[^"]{1,40}"\s*,?\s+(?:he|she)\s+(?:said|added)/gi,
    /\bkill(?:ed|ing)\b.{0,20}?\b(?:civilians?|soldiers?)\b/gi,
  ];
  const sieve = new Sieve(res);
  const texts = corpus();
  // pieces across word and sentence boundaries, and in other cases
  const pieces = texts.flatMap((t, i) => [t.slice(i % 7), t.slice(0, 30 + (i % 40)), t.toUpperCase(), `${t} ${texts[i + 1] ?? ''}`.slice(i % 11, 200)]);
  let matched = 0;
  for (const t of [...texts, ...pieces]) {
    const may = sieve.candidates(t);
    res.forEach((re, k) => {
      re.lastIndex = 0;
      if (!re.test(t)) return;
      matched++;
      assert.ok(may[k], `${re} matches ${JSON.stringify(t)} but the sieve left it out`);
    });
  }
  assert.ok(matched > 200, `only ${matched} matches: the corpus is not exercising the expressions`);
  // and it does leave expressions out, or it would save nothing
  const skipped = texts.filter((t) => sieve.candidates(t).filter(Boolean).length < res.length / 2).length;
  assert.ok(skipped > texts.length / 2);
});
