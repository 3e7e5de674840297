// Which of many regular expressions can match a text at all, found in one pass over it. Most of the rule lists
// (event types, dates) match nothing in most sentences, yet each rule's expression is tried at every position of
// every sentence. Every match of an expression contains one of a few literal strings read from its source (a match
// of /\b(?:air\s*-?strikes?|warplanes?)\b/i holds "strike" or "warplane"); one Aho-Corasick pass over the text (in
// lower case for the case-insensitive expressions, as written for the others) finds which of all the rules' strings
// it holds, and only the rules that can match are run. A rule whose source this reader does not follow, or that has
// no such string, is always run: the sieve never changes a result.

/** Thrown inside the reader for any syntax it does not follow; the expression is then always run. */
class Unread extends Error {}

/**
 * Strings one of which every match of the expression contains (lower case if it ignores case), or null when that
 * cannot be said.
 * Only ASCII characters are taken as literals (case folding outside ASCII is not the same as lower-casing);
 * case-insensitive expressions with the u or v flag (where "ſ" matches "s") are never sieved.
 * @example requiredLiterals(/\b(?:air\s*-?strikes?|warplanes?)\b/i) // ['strike', 'warplane']
 */
export function requiredLiterals(re: RegExp): string[] | null {
  const ignoreCase = re.flags.includes('i');
  if (ignoreCase && (re.flags.includes('u') || re.flags.includes('v'))) return null;
  if (re.flags.includes('v')) return null;
  const src = re.source;
  let i = 0;
  const unicode = re.flags.includes('u');

  /** An alternation up to the closing parenthesis or the end: the union of its alternatives' strings. */
  const disjunction = (): string[] | null => {
    const alts = [alternative()];
    while (src[i] === '|') {
      i++;
      alts.push(alternative());
    }
    if (alts.some((a) => a === null)) return null;
    return [...new Set(alts.flat() as string[])];
  };

  /** One alternative: the most selective of the strings (or sets of strings) it must contain. */
  const alternative = (): string[] | null => {
    const factors: string[][] = [];
    let run = '';
    const flush = (): void => {
      if (run) factors.push([run]);
      run = '';
    };
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      // the atom: a literal character, a group's strings, or nothing required (a class, an assertion)
      let literal: string | null = null;
      let group: string[] | null = null;
      const c = src[i]!;
      if (c === '(') {
        i++;
        let look = false;
        if (src.startsWith('?:', i)) i += 2;
        else if (src.startsWith('?=', i) || src.startsWith('?!', i)) { i += 2; look = true; }
        else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) { i += 3; look = true; }
        else if (src.startsWith('?<', i)) {
          const close = src.indexOf('>', i);
          if (close < 0) throw new Unread();
          i = close + 1;
        } else if (src[i] === '?') throw new Unread();
        const inner = disjunction();
        if (src[i] !== ')') throw new Unread();
        i++;
        group = look ? null : inner;
      } else if (c === '[') {
        i++;
        if (src[i] === '^') i++;
        // (a "]" first in the class is a character of it)
        if (src[i] === ']') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        if (src[i] !== ']') throw new Unread();
        i++;
      } else if (c === '\\') {
        const e = src[i + 1];
        if (e === undefined) throw new Unread();
        i += 2;
        if ('bBdDsSwWnrtfv0'.includes(e)) { /* an assertion, a class or a control character */ }
        else if (/[1-9]/.test(e)) while (/\d/.test(src[i] ?? '')) i++;
        else if (e === 'k' && src[i] === '<') {
          const close = src.indexOf('>', i);
          if (close < 0) throw new Unread();
          i = close + 1;
        } else if ((e === 'p' || e === 'P') && unicode && src[i] === '{') {
          const close = src.indexOf('}', i);
          if (close < 0) throw new Unread();
          i = close + 1;
        } else if (e === 'x' && /^[0-9a-fA-F]{2}/.test(src.slice(i))) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}/.test(src.slice(i))) i += 4;
        else if (/[A-Za-z0-9]/.test(e)) throw new Unread();
        else literal = e;
      } else if (c === '^' || c === '$' || c === '.') i++;
      else if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Unread();
      else {
        literal = c;
        i++;
      }
      // its quantifier
      let min = 1;
      const q = /^(?:([*?])|(\+)|\{(\d+)(?:,(\d*))?\})\??/.exec(src.slice(i));
      if (q) {
        i += q[0].length;
        min = q[1] ? 0 : q[2] ? 1 : Number(q[3]);
      } else if (src[i] === '{') throw new Unread();
      if (literal !== null && literal.charCodeAt(0) < 128) {
        if (min === 0) flush();
        else {
          run += ignoreCase ? literal.toLowerCase() : literal;
          if (q) flush();
        }
      } else {
        flush();
        if (group && min > 0) factors.push(group);
      }
    }
    flush();
    // the set whose shortest string is longest, then the smallest set
    const score = (f: string[]): number => Math.min(...f.map((s) => s.length)) * 1000 - f.length;
    return factors.length ? factors.reduce((a, b) => (score(b) > score(a) ? b : a)) : null;
  };

  try {
    const out = disjunction();
    if (i !== src.length) return null;
    return out && out.every((s) => s.length > 0) ? out : null;
  } catch (e) {
    if (e instanceof Unread) return null;
    throw e;
  }
}

/** An Aho-Corasick automaton over ASCII strings, each string reporting the expressions it stands for. */
class Automaton {
  /** The move from each state on each ASCII character: state * 128 + code. */
  readonly delta: Int32Array;
  /** The expressions a state reports: those one of whose strings ends there. */
  readonly out: number[][];

  constructor(strings: readonly (readonly [string, number])[]) {
    // the trie of every expression's strings
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    for (const [lit, k] of strings) {
      let node = 0;
      for (let j = 0; j < lit.length; j++) {
        const ch = lit.charCodeAt(j);
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
    // breadth first: each state's failure link, its moves on every character, and what it reports with the states
    // its suffixes reach
    const fail = new Int32Array(next.length);
    const delta = new Int32Array(next.length * 128);
    for (const [ch, to] of next[0]!) delta[ch] = to;
    const queue = [...next[0]!.values()];
    for (let h = 0; h < queue.length; h++) {
      const node = queue[h]!;
      out[node] = [...new Set([...out[node]!, ...out[fail[node]!]!])];
      for (let ch = 0; ch < 128; ch++) {
        const to = next[node]!.get(ch);
        if (to === undefined) delta[node * 128 + ch] = delta[fail[node]! * 128 + ch]!;
        else {
          delta[node * 128 + ch] = to;
          fail[to] = delta[fail[node]! * 128 + ch]!;
          queue.push(to);
        }
      }
    }
    this.delta = delta;
    this.out = out;
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
    this.folded = folded.length ? new Automaton(folded) : null;
    this.exact = exact.length ? new Automaton(exact) : null;
  }

  /** For each expression, whether it can match the text (false: it certainly does not). */
  candidates(text: string): boolean[] {
    const may: boolean[] = new Array<boolean>(this.size).fill(false);
    for (const k of this.always) may[k] = true;
    // (only ASCII characters are literals, and only ASCII letters match them, whatever the case)
    if (this.folded) {
      const { delta, out } = this.folded;
      let node = 0;
      for (let j = 0; j < text.length; j++) {
        let ch = text.charCodeAt(j);
        if (ch >= 65 && ch <= 90) ch += 32;
        node = ch < 128 ? delta[node * 128 + ch]! : 0;
        const hits = out[node]!;
        for (let h = 0; h < hits.length; h++) may[hits[h]!] = true;
      }
    }
    if (this.exact) {
      const { delta, out } = this.exact;
      let node = 0;
      for (let j = 0; j < text.length; j++) {
        const ch = text.charCodeAt(j);
        node = ch < 128 ? delta[node * 128 + ch]! : 0;
        const hits = out[node]!;
        for (let h = 0; h < hits.length; h++) may[hits[h]!] = true;
      }
    }
    return may;
  }
}
