// Who said what. A claim is a speaker (with a role when the text gives one) and what they said, quoted or
// paraphrased, kept apart from what the article itself asserts. Quotes that run over several sentences stay with
// their speaker; "he said" goes to the last person named as speaking.
import type { ActorTable } from './actors.js';
import { findActors } from './actors.js';
import type { Claim, Sentence } from './types.js';

const VERBS = 'said|says|told|added|claimed|claims|alleged|alleges|stated|announced|denied|denies|confirmed|confirms|insisted|warned|accused|accuses|maintained|asserted|noted|wrote|tweeted|posted|rejected|rejects|dismissed|acknowledged|reported|blamed|vowed|urged|argued|explained|declared|admitted|charged|contended|countered|responded|replied|stressed|emphasi[sz]ed|reiterated|described|called|demanded|promised|pledged|threatened|disputed|believes|believed|estimated|put\\s+the\\s+toll';
const VERB_RE = new RegExp(`\\b(${VERBS})\\b`, 'i');
const PRONOUN = /^(he|she|they|it|the\s+(?:minister|spokesman|spokesperson|official|statement|military|army|ministry|office|group|source|officer|commander))$/i;
const OPEN_Q = /["“]/;
const QUOTE_RE = /["“]([^"”]{2,})["”]/g;
const HEAD = /(?:^|[,;:]\s+|\s+(?:and|but|while|as|whereas|although|after|before|when)\s+|\s+-\s+|\s+—\s+)([^,;:"“”]{2,90}?)\s+(?:had\s+|has\s+|have\s+|also\s+|later\s+|earlier\s+|further\s+|separately\s+|on\s+\w+\s+|in\s+a\s+statement\s+)*$/i;
const SOURCE_WORDS = /\b(?:sources?|officials?|spokes(?:man|woman|person)|minister|ministry|office|military|army|police|ISPR|statement|government|residents?|witness(?:es)?|officer|commander|chief|leader|authorities|agency|media|embassy|president|governor|doctors?|hospital|medics?|relatives?|villagers?|elders?|analysts?|diplomats?|mediators?)\b/i;

export interface ClaimContext {
  readonly actors: ActorTable;
}

function trimSpeaker(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, (m) => m).replace(/\s+/g, ' ').replace(/[\s,.:;-]+$/, '').trim();
}

/** Name and role out of a speaker phrase: "Taliban spokesman Zabihullah Mujahid", "Abdul Rahim, a resident". */
function nameAndRole(phrase: string, table: ActorTable): { speaker: string; speakerId?: string; role?: string } {
  const mentions = findActors(phrase, table);
  const person = mentions.find((m) => m.actor.kind === 'person') ?? mentions.find((m) => m.actor.known) ?? mentions[0];
  const appositive = /^([^,]+),\s*(.+)$/.exec(phrase);
  if (!person) {
    // "Mujahid said", "says Tarar": a surname alone, for a person the table knows.
    const surname = /^[A-Z][\p{L}'’-]+$/u.test(phrase) ? phrase : '';
    const known = surname ? [...table.actors.values()].find((a) => a.kind === 'person' && (a.name.endsWith(` ${surname}`) || a.aliases.some((x) => x.endsWith(` ${surname}`)))) : undefined;
    if (known) return { speaker: known.name, speakerId: known.id, ...(known.role ? { role: known.role } : {}) };
  }
  if (person?.actor.known) {
    const rest = (phrase.slice(0, person.index) + ' ' + phrase.slice(person.index + person.text.length)).replace(/^[\s,]*(?:the|a|an)\s+/i, '').replace(/^[\s,]+|[\s,]+$/g, '').trim();
    const role = person.actor.role ?? (rest || appositive?.[2]);
    return { speaker: person.actor.name, speakerId: person.actor.id, ...(role ? { role: role.replace(/['’]s$/, '') } : {}) };
  }
  if (appositive) return { speaker: appositive[1]!.trim(), role: appositive[2]!.trim() };
  // "Islamic Emirate spokesman Zabihullah Mujahid": title words, then a capitalised name at the end.
  const titled = /^(.*\b(?:spokes(?:man|woman|person)|minister|Minister|chief|Chief|commander|governor|Governor|President|president|General|Gen\.|official|officer|leader|head|director|ambassador|envoy))\s+((?:[A-Z][\p{L}'’-]+\s*){2,4})$/u.exec(phrase);
  if (titled) return { speaker: titled[2]!.trim(), role: titled[1]!.trim() };
  return { speaker: phrase };
}

interface Found { phrase: string; verb: string; quote: string; kind: 'quote' | 'paraphrase' }

function speakerBefore(text: string, verbIndex: number): string | null {
  const head = HEAD.exec(text.slice(0, verbIndex));
  if (!head) return null;
  let phrase = trimSpeaker(head[1]!);
  // "He thanked Qatar … and said": the subject is the sentence's.
  if (/^(and|but|or|then|also|later)$/i.test(phrase)) phrase = /^(He|She|They|It)\b/.exec(text)?.[1] ?? '';
  if (!phrase) return null;
  const words = phrase.split(/\s+/).length;
  if (words > 12 || /["“”]/.test(phrase)) return null;
  if (!/^[\p{Lu}]/u.test(phrase) && !SOURCE_WORDS.test(phrase) && !PRONOUN.test(phrase)) return null;
  if (/^(it|this|that|there|which|who)$/i.test(phrase) && !/^it$/i.test(phrase)) return null;
  return phrase;
}

/** One sentence's claim, if it reports speech. */
function claimIn(s: string): Found | null {
  const quotes = [...s.matchAll(QUOTE_RE)].map((m) => m[1]!.trim()).filter((q) => q.split(/\s+/).length >= 3);
  const quote = quotes.join(' … ');
  // "…," said Abdul Rahim, a resident. / "…," Mujahid said.
  const after = new RegExp(`["”]\\s*,?\\s*(?:(${VERBS})\\s+([^.;"“]{2,90})|([^.;"“]{2,90}?)\\s+(${VERBS}))\\b`, 'iu').exec(s);
  if (after && quote) {
    const phrase = trimSpeaker(after[2] ?? after[3] ?? '');
    const verb = after[1] ?? after[4] ?? '';
    if (phrase && phrase.split(/\s+/).length <= 14) return { phrase: phrase.replace(/\s+(?:in|on|at|to|by)\s+.*$/i, ''), verb, quote, kind: 'quote' };
  }
  // according to X
  const acc = /\baccording\s+to\s+(?:a\s+statement\s+(?:from|by)\s+)?([^,.;"“]{2,80})/i.exec(s);
  // X said (that) … / X said: "…" / …, X said.
  const v = VERB_RE.exec(s);
  if (v) {
    const phrase = speakerBefore(s, v.index);
    if (phrase) {
      const rest = s.slice(v.index + v[0].length).replace(/^\s*(?:on\s+\w+|in\s+a\s+statement|to\s+[^,]{1,40}|that|:|,)\s*/gi, '').trim();
      const before = s.slice(0, Math.max(0, s.lastIndexOf(phrase, v.index))).replace(/[,\s]+$/, '').trim();
      const content = quote || (rest.length > 15 ? rest : before) || s;
      return { phrase, verb: v[1]!.toLowerCase(), quote: content.replace(/^that\s+/i, ''), kind: quote ? 'quote' : 'paraphrase' };
    }
    // inverted: "…, said the spokesman."
    const inv = new RegExp(`,\\s*(${VERBS})\\s+([^,.;]{2,80})`, 'i').exec(s);
    if (inv) return { phrase: trimSpeaker(inv[2]!), verb: inv[1]!.toLowerCase(), quote: quote || s.slice(0, inv.index).trim(), kind: quote ? 'quote' : 'paraphrase' };
  }
  if (acc) return { phrase: trimSpeaker(acc[1]!.replace(/\s+(?:on|in|at)\s+.*$/i, '')), verb: 'according to', quote: quote || s.replace(acc[0], '').replace(/^[,\s]+|[,\s]+$/g, ''), kind: quote ? 'quote' : 'paraphrase' };
  return null;
}

/**
 * The attributed claims of an article, one per sentence that reports speech.
 * @example findClaims([{ index: 0, paragraph: 0, text: '"It was not an attack," Mujahid said.' }], { actors: actorTable() })
 */
export function findClaims(sentences: readonly Sentence[], ctx: ClaimContext): Claim[] {
  const out: Claim[] = [];
  let lastPerson: Claim | null = null;
  let openQuote: Claim | null = null;
  for (const s of sentences) {
    if (openQuote) {
      // a quote that opened in an earlier sentence and has not closed yet
      out.push({ ...openQuote, kind: 'quote', quote: s.text.replace(/["”]/g, '').trim(), sentence: s.index });
      if (/["”]/.test(s.text)) openQuote = null;
      continue;
    }
    const f = claimIn(s.text);
    if (!f) continue;
    let who = nameAndRole(f.phrase, ctx.actors);
    if (PRONOUN.test(f.phrase) && lastPerson) who = { speaker: lastPerson.speaker, ...(lastPerson.speakerId ? { speakerId: lastPerson.speakerId } : {}), ...(lastPerson.role ? { role: lastPerson.role } : {}) };
    const opens = (s.text.match(/["“”]/g) ?? []).length % 2 === 1 && OPEN_Q.test(s.text);
    const quoteText = opens ? s.text.slice(s.text.search(OPEN_Q) + 1).trim() : f.quote;
    const claim: Claim = { ...who, quote: quoteText, kind: opens ? 'quote' : f.kind, verb: f.verb, sentence: s.index };
    out.push(claim);
    if (!PRONOUN.test(f.phrase)) lastPerson = claim;
    if (opens) openQuote = claim;
  }
  return out;
}
