// Who said what. A claim is a speaker (with a role when the text gives one) and what they said, quoted or
// paraphrased, kept apart from what the article itself asserts. A sentence may carry several ("Pakistani officials
// said two were killed, while Afghan officials said four"). Quotes that run over several sentences, and statements
// reproduced at length ("issued the following press release"), stay with their speaker; "he said", "the spokesman
// added" go to the last speaker they can mean.
import type { ActorTable } from './actors.js';
import type { Speaker } from './speakers.js';
import { resolveSpeaker } from './speakers.js';
import type { Claim, Sentence } from './types.js';
import { startsUpper } from './text.js';

const VERBS = 'said|says|say|saying|told|tells|added|adding|claimed|claims|mentions|mentioned|alleged|alleges|stated|states|announced|announces|denied|denies|confirmed|confirms|insisted|warned|accused|accuses|maintained|asserted|noted|wrote|writes|tweeted|posted|rejected|rejects|dismissed|acknowledged|reported|reports|blamed|blames|vowed|urged|argued|explained|declared|admitted|charged|countered|replied|stressed|emphasi[sz]ed|reiterated|described|demanded|promised|pledged|threatened|disputed|believes|estimated|condemned|condemns|welcomed|welcomes|praised|thanked|called\\s+(?:on|for)|put\\s+(?:the|its|their|\\S+\\s+)?(?:toll|losses|figure)|gave\\s+(?!no\\b)(?:an?\\s+)?(?:\\w+\\s+){0,2}(?:different\\s+)?(?:picture|account|version|figures?|toll)|issued\\s+(?:a|an|the\\s+following|its)\\s+(?:\\w+\\s+)?(?:statement|press\\s+release)|presented';
const VERB_RE = new RegExp(`\\b(${VERBS})\\b`, 'gi');
const INVERTED = /(["”]\s*,?|,)\s*(said|says|added|wrote|stated|noted|insisted|explained|claimed|continued|told\s+\w+)\s+((?:the|a|an)\s+)?([^,.;"“”]{2,90}?(?:,\s*(?:a|an|the)\s+[^,.;"“”]{2,60})?)(?=\s*(?:[,.;]|$)|\s+(?:in\s+a|on\s+\w+day|at\s+a|to\s+|after\s|adding\b|who\b|as\s))/gi;
const ACCORDING = /\baccording\s+to\s+(?:a\s+statement\s+(?:from|by)\s+)?((?:the\s+|a\s+)?[^,.;"“]{2,90}?)(?=\s*(?:[,.;]|$)|\s+(?:on|in|at)\s)/gi;
const AGENT = /\b(?:statement|declaration|communiqu[eé]|announcement|press\s+release)\s+(?:\w+\s+){0,2}?(?:released|issued|published|read\s+out|put\s+out)\s+(?:on\s+\w+\s+)?by\s+((?:the\s+)?[^,.;"“]{2,80}?)(?=\s*(?:[,.;]|$)|\s+(?:on|after|in|at|following)\s)/gi;
const PRONOUN = /^(?:he|she|they|it|the\s+(?:\w+['’]s\s+)?(?:minister|spokes(?:man|woman|person)|official|officer|commander|statement|military|army|ministry|office|group|source|sources|officials|agency|organi[sz]ation|president|governor|chief))$/i;
const SOURCE_WORDS = /\b(?:sources?|officials?|spokes(?:man|woman|person)|minister|ministry|office|military|army|police|statement|government|residents?|witness(?:es)?|officer|commander|chief|leader|authorities|agency|media|embassy|president|governor|doctors?|hospital|medics?|relatives?|villagers?|elders?|analysts?|diplomats?|mediators?|members?|administration|groups?|workers|coordinator|administrator|shopkeeper|traders?)\b/i;
const LEAD = /^(?:(?:and|but|while|whereas|with|as|after|when|then|also|however|meanwhile|separately|(?:in|during|under|by|of)\s+which|which|where)\b,?\s*|(?:In|On|At|After|Before|During|Speaking|Asked|Earlier|Later|Separately|Meanwhile)\b[^,]{0,90},\s*)+/i;
const TAIL = /(?:\s+(?:had|has|have|also|later|earlier|further|separately|repeatedly|again|then|now|himself|herself|itself|jointly|publicly|formally|only|both|first|late|early|neither|long|not|never|yet|already|still|\w+ly)|\s+on\s+\w+(?:\s+(?:night|morning|evening|afternoon))?|\s+(?:in|during)\s+(?:a|an|his|her|its|their)\s+(?:\w+\s+){0,3}(?:statement|post|interview|address|briefing|conference|message|speech)(?:\s+(?:on|to)\s+[^,]*)?|\s+on\s+(?:X|Twitter|Facebook|television|state\s+television)|,)+\s*$/i;
const SEPARATOR = /^[\s\-–—*_=#.]*$/;
// (module constants: esbuild turns a \p{…} literal into `new RegExp` where it stands, built again at every call)
const HEADLINE_TAG = /[:]\s*((?:\p{Lu}[\p{L}'’-]*\.?\s*){1,4})$/u;
const LEAD_NAME = /^([\p{Lu}][^:"“,]{1,50}):\s*["“]/u;
const FIRST_SUBJECT = /^((?:\p{Lu}[\p{L}'’.-]*,?\s+)+)/u;
const ONE_NAME = /^\p{Lu}[\p{L}'’-]+$/u;

export interface ClaimContext {
  readonly actors: ActorTable;
  /** The article's own country: "the government", "the defence ministry" with no country are its own. */
  readonly home?: string;
  /** The country whose capital a name is ("Islamabad has long demanded"): the capital speaks for the state. */
  readonly capitalOf?: (name: string) => string | undefined;
  /** Whether a name is a place (so "Spin Boldak" is not taken for a person). */
  readonly isPlace?: (name: string) => boolean;
}

interface Found { phrase: string; span: [number, number]; verb: string; at: number; inverted: boolean }

const inQuote = (text: string, i: number): boolean => ((text.slice(0, i).match(/["“”]/g) ?? []).length % 2) === 1;

function cleanPhrase(raw: string): string {
  // a speaker is named in a few words: a long run is a clause, not a name (and the patterns below are costly on it)
  if (raw.length > 240) return '';
  let p = raw.replace(/,\s*(?:where|which|who|whose|whom)\b[^,]*,/g, ',').replace(TAIL, '');
  for (let i = 0; i < 3; i++) p = p.replace(LEAD, '').replace(TAIL, '');
  return p.replace(/^[\s,"“”']+|[\s,"“”']+$/g, '').trim();
}

function plausible(p: string): boolean {
  if (!p || p.split(/\s+/).length > 14 || /["“”]/.test(p)) return false;
  if (/^(?:it|this|that|there|which|who|what|what\s+\w+|these|those|here)$/i.test(p)) return false;
  // "In a statement posted on X", "each side", "a militant group it says…": not a speaker
  if (/^(?:in|on|at|after|by|from|with|for|during|under|to)\b/i.test(p) || /^(?:each|either|both|neither)\s+(?:side|party|parties|sides)$/i.test(p) || /\s(?:it|he|she|they)$/i.test(p)) return false;
  if (/^(?:\w+\s+){0,2}(?:could|would|can|may|might|must|should|did|does|do)\s+not\b/i.test(p)) return false;
  return startsUpper(p.replace(/^(?:the|a|an)\s+/i, '')) || SOURCE_WORDS.test(p) || PRONOUN.test(p);
}

/** The speaker of each attribution in a sentence, with where it is named. */
function attributions(text: string): Found[] {
  const out: Found[] = [];
  const push = (f: Found): void => {
    if (!plausible(f.phrase) || out.some((o) => f.span[0] < o.span[1] && f.span[1] > o.span[0])) return;
    out.push(f);
  };
  // a headline that ends "…: ISPR" or "…, says Tarar" names its source
  const tag = HEADLINE_TAG.exec(text);
  if (tag && text.length - tag[0].length > 20) push({ phrase: tag[1]!.trim(), span: [tag.index + tag[0].indexOf(tag[1]!), text.length], verb: 'said', at: tag.index, inverted: true });
  const lead = LEAD_NAME.exec(text);
  if (lead && lead[1]!.split(/\s+/).length <= 5 && lead[1]!.split(/\s+/).every((w) => startsUpper(w))) push({ phrase: lead[1]!, span: [0, lead[1]!.length], verb: 'said', at: 0, inverted: false });
  const inverted = new Set<number>();
  for (const m of text.matchAll(INVERTED)) {
    if (/\b(?:had|has|have|was|were|is|are|would|will|could|that)\b/i.test(m[4]!) || m[4]!.split(/\s+/).length > 9) continue;
    const start = m.index + m[0].indexOf(m[4]!);
    inverted.add(m.index + m[0].indexOf(m[2]!));
    push({ phrase: cleanPhrase(m[4]!), span: [start, start + m[4]!.length], verb: m[2]!.toLowerCase(), at: m.index, inverted: true });
  }
  for (const m of text.matchAll(VERB_RE)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (inverted.has(m.index) || inQuote(text, m.index) || /\b(?:be|been|being|is|are|was|were|not)\s+(?:\w+ly\s+)?$/i.test(before)) continue;
    if (/^\s+(?:\w+ly\s+)?(?:killed|dead|missing|injured|wounded|by)\b/i.test(after) || /\b(?:which|what|as|whom)\s+(?:\S+\s+){0,2}$/i.test(before)) continue;
    // "…, a security official said." / "…, traders said on Sunday.": the attribution closes the sentence
    const closing = /^\s*(?:on\s+\w+|in\s+a\s+statement|late\s+on\s+\w+)?\s*(?:[.!?]|,\s*(?:adding|citing|who|in\s+a))/i.test(after) ? before.lastIndexOf(', ') + 1 : 0;
    const cut = Math.max(closing, before.lastIndexOf('; '), before.lastIndexOf(': '), before.lastIndexOf(' — '), before.lastIndexOf('” '), before.lastIndexOf('" '),
      ...[...before.matchAll(/,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas|but)\s+|\b(?:that|after|as|when|saying)\s+(?=[A-Z])/g)].map((x) => x.index + x[0].length),
      ...(m[1]!.toLowerCase() === 'saying' ? [...before.matchAll(/\bwith\s+/g)].map((x) => x.index + x[0].length) : []));
    // "…, Taliban officials said on Saturday, hours before…": the nearest comma-delimited segment that names a speaker
    const walk = [...before.matchAll(/,\s+/g)].map((x) => x.index + x[0].length).reverse().find((at) => {
      if (at <= cut || before.length - at > 120) return false;
      const seg = cleanPhrase(before.slice(at).replace(/^(?:in|during|under|by|of)\s+which\s+/i, ''));
      return at > cut && plausible(seg) && seg.split(/\s+/).length <= 8 && !/^(?:which|who|where|when|while|as|after|before|including|among|and|but|or|with|speaking|reached|quoted|citing|asking|the\s+\w+\s+(?:of|in)\b)/i.test(seg);
    });
    let raw = before.slice(walk ?? (cut > 0 ? cut : 0));
    // "X lauded the forces and said": the subject of the first verb
    if (/\s+and\s+(?:also\s+)?$/.test(raw)) raw = FIRST_SUBJECT.exec(raw)?.[1]?.replace(/,\s*$/, '') ?? '';
    const phrase = cleanPhrase(raw.replace(/^[;:—”"\s]+/, ''));
    const start = text.indexOf(phrase, walk ?? (cut > 0 ? cut : 0));
    push({ phrase, span: [start, start + phrase.length], verb: m[1]!.toLowerCase().split(/\s+/)[0]!, at: m.index, inverted: false });
  }
  // "a joint statement released by Turkey's foreign ministry": the agent of a statement speaks
  for (const m of text.matchAll(AGENT)) {
    const phrase = cleanPhrase(m[1]!);
    const start = text.indexOf(phrase, m.index);
    push({ phrase, span: [start, start + phrase.length], verb: 'issued', at: m.index, inverted: true });
  }
  for (const m of text.matchAll(ACCORDING)) {
    if (/^(?:a|the)\s+(?:joint\s+)?(?:statement|declaration|communiqu)/i.test(m[1]!)) continue;
    const phrase = cleanPhrase(m[1]!);
    const start = text.indexOf(phrase, m.index);
    push({ phrase, span: [start, start + phrase.length], verb: 'according to', at: m.index, inverted: false });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

function contentOf(text: string, f: Found): { quote: string; kind: 'quote' | 'paraphrase' } {
  const quotes = [...text.matchAll(/["“]([^"”]{2,})["”]/g)].map((m) => m[1]!.trim()).filter((q) => q.split(/\s+/).length >= 3);
  if (quotes.length) return { quote: quotes.join(' … '), kind: 'quote' };
  const open = /["“]([^"”]{8,})$/.exec(text);
  if (open) return { quote: open[1]!.trim(), kind: 'quote' };
  const rest = text.slice(f.span[1]).replace(/^\W*(?:\w+\s+){0,1}?(?:said|says|told|added|claimed|stated|announced|confirmed|according\s+to)\b/i, '')
    .replace(/^\s*(?:on\s+\w+|in\s+a\s+statement|to\s+[^,]{1,40}|that|:|,)\s*/gi, '').trim();
  const lead = text.slice(0, Math.max(0, f.span[0])).replace(/[,\s]+$/, '').trim();
  return { quote: (f.inverted || rest.length <= 15 ? lead || rest : rest).replace(/^that\s+/i, '') || text, kind: 'paraphrase' };
}

/** "the government", "the defence ministry", "Islamabad": the state they stand for, from the article's country or the capital. */
function stateSpeaker(phrase: string, ctx: ClaimContext): Speaker | null {
  const st = ctx.actors.states;
  const p = phrase.replace(/^the\s+/i, '');
  const iso = ctx.capitalOf?.(p);
  if (iso) { const a = st.government(iso); return { speaker: a.name, speakerId: a.id, plural: false, body: true }; }
  if (!ctx.home) return null;
  if (/^(?:government|authorities|cabinet)$/i.test(p)) { const a = st.government(ctx.home); return { speaker: a.name, speakerId: a.id, plural: false, body: true }; }
  const min = /^(?:(defen[cs]e|foreign|interior|health|information)\s+ministry|ministry\s+of\s+(?:national\s+)?(defen[cs]e|foreign\s+affairs|interior|health|information))$/i.exec(p);
  if (min) { const a = st.ministry(ctx.home, min[1] ?? min[2]!); return { speaker: a.name, speakerId: a.id, plural: false, body: true }; }
  return null;
}

/** "Mr Anutin", "Kanyuka": a person the article has already named in full. */
function sameAs(phrase: string, people: readonly Speaker[]): Speaker | null {
  const name = phrase.replace(/^(?:Mr|Mrs|Ms|Dr|Gen|General|President|Minister)\.?\s+/, '');
  if (!ONE_NAME.test(name)) return null;
  return people.find((p) => p.speaker.split(/\s+/).includes(name)) ?? null;
}

/**
 * The attributed claims of an article: every attribution of every sentence, quotes and statements carried over.
 * @example findClaims([{ index: 0, paragraph: 0, text: '"It was not an attack," Mujahid said.' }], { actors: actorTable() })
 */
export function findClaims(sentences: readonly Sentence[], ctx: ClaimContext): Claim[] {
  const isPlace = ctx.isPlace ?? (() => false);
  const known = new Map<string, Speaker>();
  const people: Speaker[] = [];
  const resolve = (phrase: string): Speaker => {
    const hit = known.get(phrase);
    if (hit) return hit;
    const who = stateSpeaker(phrase, ctx) ?? sameAs(phrase, people) ?? resolveSpeaker(phrase, ctx.actors, isPlace);
    if (!who.body && !who.plural && !who.speakerId && /\s/.test(who.speaker)) people.push(who);
    known.set(phrase, who);
    return who;
  };
  const out: Claim[] = [];
  const recent: Speaker[] = [];
  let carry: { who: Speaker; verb: string; until: 'quote' | 'block'; open: number } | null = null;
  let separators = 0;
  const refer = (phrase: string): Speaker | null => {
    const p = phrase.toLowerCase();
    if (p === 'they') return recent.find((r) => r.plural) ?? null;
    if (p === 'he' || p === 'she') return recent.find((r) => !r.plural && !r.body) ?? null;
    if (p === 'it') return recent.find((r) => r.body) ?? null;
    const noun = p.replace(/^the\s+/, '').replace(/^\w+['’]s\s+/, '');
    return recent.find((r) => `${r.role ?? ''} ${r.speaker}`.toLowerCase().includes(noun.replace(/s$/, ''))) ?? recent.find((r) => r.body === /statement|military|army|ministry|office|group|agency|organi/.test(noun)) ?? null;
  };
  for (const s of sentences) {
    // (what attributions() finds in a sentence is read once, whichever branch reads it)
    let found: Found[] | undefined;
    if (carry) {
      if (SEPARATOR.test(s.text)) {
        if (carry.until === 'block' && ++separators >= 2) carry = null;
        continue;
      }
      found = attributions(s.text);
      // a colon with no quote after it lends the speaker to one sentence only
      if (carry.until === 'quote' && carry.open === 0 && !/^\s*["“]/.test(s.text)) carry.open = 1;
      if (carry.until === 'block' && found.length === 0 || carry.until === 'quote') {
        out.push({ speaker: carry.who.speaker, ...(carry.who.speakerId ? { speakerId: carry.who.speakerId } : {}), ...(carry.who.role ? { role: carry.who.role } : {}), quote: s.text.replace(/["“”]/g, '').trim(), kind: 'quote', verb: carry.verb, sentence: s.index });
        carry.open += (s.text.match(/["“”]/g) ?? []).length;
        if (carry.until === 'quote' && carry.open % 2 === 0) carry = null;
        continue;
      }
      carry = null;
    }
    // "Excerpts:", "The statement reads:": what follows is the last speaker's text
    if (/^(?:excerpts|extracts|highlights|(?:the\s+)?(?:full\s+)?text(?:\s+\w+){0,6}|(?:it|the\s+statement)\s+reads)\s*:\s*$/i.test(s.text) && recent[0]) {
      carry = { who: recent[0], verb: 'said', until: 'block', open: 0 };
      separators = 0;
      continue;
    }
    for (const f of found ?? attributions(s.text)) {
      // "he", "the spokesman": the speaker they can mean; "the ministry" with nothing before it, as written
      const who = PRONOUN.test(f.phrase) ? refer(f.phrase) ?? (/^the\s/i.test(f.phrase) ? resolve(f.phrase) : null) : resolve(f.phrase);
      if (!who) continue;
      const { quote, kind } = contentOf(s.text, f);
      out.push({ speaker: who.speaker, ...(who.speakerId ? { speakerId: who.speakerId } : {}), ...(who.role ? { role: who.role } : {}), quote, kind, verb: f.verb, sentence: s.index, span: f.span });
      recent.unshift(who);
      if (recent.length > 6) recent.pop();
      const marks = (s.text.match(/["“”]/g) ?? []).length;
      if (marks % 2 === 1 || /:\s*$/.test(s.text)) carry = { who, verb: f.verb, until: 'quote', open: marks % 2 };
      if (/\bfollowing\s+(?:\w+\s+)?(?:statement|press\s+release|text)\b|\bfull\s+text\b/i.test(s.text)) { carry = { who, verb: f.verb, until: 'block', open: 0 }; separators = 0; }
    }
  }
  return out;
}
