// Which of many regular expressions can match a text at all, found in one pass over it. Most of the rule lists
// (event types, dates) match nothing in most sentences, yet each rule's expression is tried at every position of
// every sentence. Every match of an expression contains one of a few literal strings read from its source (a match
// of /\b(?:air\s*-?strikes?|warplanes?)\b/i holds "strike" or "warplane"); one Aho-Corasick pass over the text (in
// lower case for the case-insensitive expressions, as written for the others) finds which of all the rules' strings
// it holds, and only the rules that can match are run. A rule whose source this reader does not follow, or that has
// no such string, is always run: the sieve never changes a result. Ignoring case with the u flag, two characters
// outside ASCII match ASCII letters ("ſ" an s, the Kelvin sign a k: no others, sieve.test.ts checks every code
// point); the scan reads them as those letters.
// The expressions are read by regexpp's parser. The automaton is this file's own: the Aho-Corasick packages on npm
// match whole grapheme clusters (modern-ahocorasick: "strike" is not found in "strike\u0301", which the expression
// matches, so a rule would be skipped wrongly) or took 10-20 times as long a sentence (ahocorasick, @monyone/
// aho-corasick: 21-26 µs against ~1-2 µs for 600 strings over 260 characters; docs/decisions.md).
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * Strings one of which every match of the expression contains (lower case if it ignores case), or null when that
 * cannot be said.
 * The expression is read by regexpp (the ECMAScript parser ESLint uses). Only ASCII characters are taken as literals
 * (case folding outside ASCII is not the same as lower-casing); expressions with the v flag are never sieved, nor
 * are groups with modifiers.
 * @example requiredLiterals(/\b(?:air\s*-?strikes?|warplanes?)\b/i) // ['strike', 'warplane']
 */
export function requiredLiterals(re: RegExp): string[] | null {
  const { flags, source } = re;
  if (flags.includes('v')) return null;
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  } catch {
    return null;
  }
  const out = disjunction(pattern.alternatives, flags.includes('i'));
  return out && out.every((s) => s.length > 0) ? out : null;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** An alternation: the union of its alternatives' strings (null if one of them has none). */
function disjunction(alternatives: readonly AST.Alternative[], ignoreCase: boolean): string[] | null {
  const sets = alternatives.map((a) => alternative(a, ignoreCase));
  return sets.some((s) => s === null) ? null : [...new Set((sets as string[][]).flat())];
}

/** One alternative: the most selective of the strings (or sets of strings) it must contain. */
function alternative(alt: AST.Alternative, ignoreCase: boolean): string[] | null {
  const factors: string[][] = [];
  let run = '';
  const flush = (): void => {
    if (run) factors.push([run]);
    run = '';
  };
  for (const element of alt.elements) {
    const quantified = element.type === 'Quantifier';
    const node = quantified ? element.element : element;
    const min = quantified ? element.min : 1;
    if (node.type === 'Character' && node.value < 128) {
      if (min === 0) flush();
      else {
        const c = String.fromCharCode(node.value);
        run += ignoreCase ? c.toLowerCase() : c;
        if (quantified) flush();
      }
      continue;
    }
    // a class, an assertion (lookarounds are no part of the match), a back-reference, a character outside ASCII
    flush();
    if ((node.type === 'Group' || node.type === 'CapturingGroup') && min > 0) {
      if (node.type === 'Group' && node.modifiers) return null;
      const inner = disjunction(node.alternatives, ignoreCase);
      if (inner) factors.push(inner);
    }
  }
  flush();
  // the set whose shortest string is longest, then the smallest set
  const score = (f: string[]): number => Math.min(...f.map((s) => s.length)) * 1000 - f.length;
  return factors.length ? factors.reduce((a, b) => (score(b) > score(a) ? b : a)) : null;
}

/** An Aho-Corasick automaton over ASCII strings, each string reporting the expressions it stands for. */
class Automaton {
  /**
   * Each ASCII code's column in the move table: the characters of the strings get one each (upper-case letters
   * share their lower case's when the strings ignore case), every other character column 0, which leads back to
   * the start. (A row of 128 moves a state made the event-type rules' table 1.2 MB, read a cache miss at a time;
   * with only the strings' characters it is a fifth of that.)
   */
  readonly column: Uint8Array;
  readonly width: number;
  /** The move from each state on each column: state * width + column. */
  readonly delta: Uint16Array | Int32Array;
  /** The expressions a state reports: those one of whose strings ends there. */
  readonly out: number[][];
  /** Whether a state reports any expression (most do not: the scan reads this before out). */
  readonly reports: Uint8Array;
  /** The columns of "ſ" (U+017F) and the Kelvin sign (U+212A): those of s and k when the strings ignore case. */
  private readonly longS: number;
  private readonly kelvin: number;

  constructor(strings: readonly (readonly [string, number])[], ignoreCase: boolean) {
    // the trie of every expression's strings
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    const column = new Uint8Array(128);
    let width = 1;
    for (const [lit, k] of strings) {
      let node = 0;
      for (let j = 0; j < lit.length; j++) {
        const ch = lit.charCodeAt(j);
        if (column[ch] === 0) column[ch] = width++;
        let to = next[node]!.get(ch);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          out.push([]);
          next[node]!.set(ch, to);
        }
        node = to;
      }
      if (!out[node]!.includes(k)) out[node]!.push(k);
    }
    // (the strings of an expression that ignores case are in lower case)
    if (ignoreCase) for (let ch = 65; ch <= 90; ch++) column[ch] = column[ch + 32]!;
    const chars = [...column.keys()].filter((ch) => column[ch] !== 0 && (!ignoreCase || ch < 65 || ch > 90));
    // breadth first: each state's failure link, its moves on every column, and what it reports with the states
    // its suffixes reach
    const fail = new Int32Array(next.length);
    const delta = next.length <= 0xffff ? new Uint16Array(next.length * width) : new Int32Array(next.length * width);
    for (const [ch, to] of next[0]!) delta[column[ch]!] = to;
    const queue = [...next[0]!.values()];
    for (let h = 0; h < queue.length; h++) {
      const node = queue[h]!;
      out[node] = [...new Set([...out[node]!, ...out[fail[node]!]!])];
      for (const ch of chars) {
        const c = column[ch]!;
        const to = next[node]!.get(ch);
        if (to === undefined) delta[node * width + c] = delta[fail[node]! * width + c]!;
        else {
          delta[node * width + c] = to;
          fail[to] = delta[fail[node]! * width + c]!;
          queue.push(to);
        }
      }
    }
    this.column = column;
    this.width = width;
    this.delta = delta;
    this.out = out;
    this.reports = Uint8Array.from(out, (o) => (o.length > 0 ? 1 : 0));
    this.longS = ignoreCase ? column[115]! : 0;
    this.kelvin = ignoreCase ? column[107]! : 0;
  }

  /** Marks the expressions whose strings the text holds. */
  scan(text: string, may: boolean[]): void {
    const { column, width, delta, out, reports, longS, kelvin } = this;
    let node = 0;
    for (let j = 0; j < text.length; j++) {
      const ch = text.charCodeAt(j);
      // (only ASCII characters are literals, and only ASCII letters match them, whatever the case, and the two
      // characters that case-insensitive Unicode expressions fold to s and k)
      node = ch < 128 ? delta[node * width + column[ch]!]! : ch === 0x17f ? delta[node * width + longS]! : ch === 0x212a ? delta[node * width + kelvin]! : 0;
      if (reports[node] === 0) continue;
      const hits = out[node]!;
      for (let h = 0; h < hits.length; h++) may[hits[h]!] = true;
    }
  }
}

/**
 * Tells, for a list of expressions, which can match a given text: built once, then one pass per text.
 * @example const sieve = new Sieve([/\bair\s*strikes?\b/i, /\bcease-?fire\b/i]); sieve.candidates('Air strikes hit…') // [true, false]
 */
export class Sieve {
  /** The strings of the expressions that ignore case (lower case), and of those that do not (as written). */
  private readonly folded: Automaton | null;
  private readonly exact: Automaton | null;
  /** The expressions with no string to look for: always candidates. */
  private readonly always: number[] = [];
  readonly size: number;

  constructor(expressions: readonly RegExp[]) {
    this.size = expressions.length;
    const folded: [string, number][] = [];
    const exact: [string, number][] = [];
    expressions.forEach((re, k) => {
      const lits = requiredLiterals(re);
      if (!lits) return void this.always.push(k);
      for (const lit of lits) (re.flags.includes('i') ? folded : exact).push([lit, k]);
    });
    this.folded = folded.length ? new Automaton(folded, true) : null;
    this.exact = exact.length ? new Automaton(exact, false) : null;
  }

  /** For each expression, whether it can match the text (false: it certainly does not). */
  candidates(text: string): boolean[] {
    const may: boolean[] = new Array<boolean>(this.size).fill(false);
    for (const k of this.always) may[k] = true;
    this.folded?.scan(text, may);
    this.exact?.scan(text, may);
    return may;
  }
}
