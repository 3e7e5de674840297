// Casualty figures in a sentence -> ranges of killed and injured, civilian or combatant, each with who gave it.
// "two people, including a woman" is 2; "more than 200" is 201 and open; "at least 23" is 23 and open;
// "between 12 and 15" is 12–15; "dozens" is 24 and open. Headline style ("Five killed, 35 injured") counts too.
import type { Casualty, CasualtyKind, Range, VictimKind } from './types.js';
import { NUMBER_SRC, parseNumber } from './numbers.js';

const QUAL = '(?:at\\s+least|no\\s+fewer\\s+than|a\\s+minimum\\s+of|more\\s+than|over|nearly|almost|close\\s+to|about|around|some|roughly|approximately|an\\s+estimated|up\\s+to|as\\s+many\\s+as|fewer\\s+than|less\\s+than|a\\s+total\\s+of|another|at\\s+least\\s+another|a\\s+further)';
const VAGUE = '(?:dozens|scores|hundreds|thousands|several|a\\s+few|a\\s+number|tens)';
const QTY = `(?:between\\s+${NUMBER_SRC}\\s+and\\s+${NUMBER_SRC}|(?:${QUAL}\\s+)?${NUMBER_SRC}(?:\\s*(?:-|–|to|or)\\s*${NUMBER_SRC})?|${VAGUE})`;

const CIVILIAN = 'civilians?|people|persons?|residents?|villagers?|women|woman|children|child|girls?|boys?|men|man|passers-?by|worshippers?|students?|labou?rers?|workers?|traders?|shopkeepers?|family\\s+members|members\\s+of\\s+(?:a|one|the\\s+same)\\s+family|pilgrims?|refugees?|cricketers?|journalists?|drivers?|farmers?|teachers?|infants?|toddlers?|minors?|individuals?|others|bystanders|guests|mourners|patients';
const COMBATANT = 'soldiers?|troops|personnel|servicemen|militants?|fighters?|terrorists?|khawarij|kharijis?|insurgents?|attackers?|assailants?|gunmen|rebels?|policem[ae]n|police\\s*officers?|officers?|cops|guards?|security\\s+officials|commandos?|sepoys?|jawans?|recruits|cadets|suicide\\s+bombers?|bombers?|members|operatives|combatants|Taliban|mujahideen|paramilitaries|militiamen|sailors|pilots';
const VICTIM = `(?:${CIVILIAN}|${COMBATANT})`;
const BE = '(?:\\s+(?:were|was|have\\s+been|has\\s+been|had\\s+been|are|is|been|got|reportedly|also|allegedly|later|subsequently|all|both|were\\s+all|critically|seriously|severely|fatally|badly|mortally|gravely|so\\s+far))*';
const KILL = '(?:killed|dead|died|lost\\s+their\\s+lives|lost\\s+his\\s+life|lost\\s+her\\s+life|martyred|embraced\\s+martyrdom|embraced\\s+shahadat|laid\\s+down\\s+their\\s+lives|perished|slain|shot\\s+dead|neutrali[sz]ed|eliminated|sent\\s+to\\s+hell|gunned\\s+down|lost\\s+lives)';
const HURT = '(?:injured|wounded|hurt|sustained\\s+(?:serious\\s+)?injuries|suffered\\s+(?:serious\\s+)?injuries|hospitali[sz]ed)';
const ASIDE = "(?:\\s*,\\s*(?:including|among\\s+them|one\\s+of\\s+(?:them|whom)|two\\s+of\\s+(?:them|whom)|most\\s+of\\s+(?:them|whom)|all\\s+of\\s+(?:them|whom)|mostly|many\\s+of\\s+(?:them|whom)|some\\s+of\\s+(?:them|whom)|both|among\\s+whom)[^,.;]{1,80},)?";
const DESCR = "(?:[\\p{L}\\p{N}'’-]+\\s+){0,5}?";

/** subject first: "Five civilians, including a child, were killed"; "23 soldiers martyred"; "35 others injured". */
const SUBJECT = new RegExp(`(?<![\\p{L}\\d,.-])(${QTY})(?:\\s+of\\s+(?:the|them|whom|those))?(?:\\s+(${DESCR}(?:${VICTIM})))?(?![\\p{L}])${ASIDE}${BE}\\s+(?:(${KILL})|(${HURT}))(?![\\p{L}])`, 'giu');
/** verb first: "killing two people", "killed 10 civilians", "wounding dozens", "left three dead". */
const OBJECT = new RegExp(`(?<![\\p{L}])(killed|killing|kills|kill|left|leaving|wounded|wounding|injured|injuring|injures|claimed\\s+the\\s+lives\\s+of|martyred|martyring|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|shot\\s+dead)\\s+(${QTY})(?:\\s+(?:of\\s+(?:the|them|their|its|whom)\\s+)?(${DESCR}(?:${VICTIM})))?(?:\\s+(dead|injured|wounded))?(?![\\p{L}])`, 'giu');
/** "the death toll rose to 12", "toll stood at 40". */
const TOLL = new RegExp(`(death\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|fatalities|injured|wounded))\\s+(?:\\w+\\s+){0,3}?(?:rose|risen|climbed|reached|stood|stands|jumped|increased|is|was|has\\s+risen|had\\s+risen)\\s+(?:to|at)\\s+(${QTY})`, 'giu');

const NON_PEOPLE = /^\s*(?:km|kilomet|kilometre|miles?|hours?|days?|weeks?|months?|years?|percent|per\s+cent|%|pm|am|p\.m|a\.m|houses?|homes?|vehicles?|posts?|rounds?|shells?|tons?|metres?|meters?|rupees?|dollars?|times)\b/i;

/** The range a quantity expression means. */
export function parseQuantity(q: string): Range | null {
  const t = q.trim().toLowerCase().replace(/\s+/g, ' ');
  const between = new RegExp(`^between (${NUMBER_SRC}) and (${NUMBER_SRC})$`, 'i').exec(t);
  if (between) {
    const a = parseNumber(between[1]!);
    const b = parseNumber(between[2]!);
    return a !== null && b !== null ? { min: Math.min(a, b), max: Math.max(a, b) } : null;
  }
  const vague: Record<string, Range> = { dozens: { min: 24, max: 24, open: true }, scores: { min: 40, max: 40, open: true }, hundreds: { min: 200, max: 200, open: true }, thousands: { min: 2000, max: 2000, open: true }, tens: { min: 20, max: 20, open: true } };
  // "several", "a few", "many": no figure at all (as ACLED and the annotation guide read them)
  if (t in vague) return vague[t]!;
  if (/^(several|a few|a number|many|numerous)$/.test(t)) return null;
  const m = new RegExp(`^(?:(${QUAL}) )?(${NUMBER_SRC})(?: ?(?:-|–|to|or) ?(${NUMBER_SRC}))?$`, 'i').exec(t);
  if (!m) return null;
  const n = parseNumber(m[2]!);
  if (n === null) return null;
  if (m[3]) {
    const b = parseNumber(m[3]);
    if (b !== null && b > n) return { min: n, max: b };
  }
  const qual = (m[1] ?? '').replace(/\s+/g, ' ');
  if (/^(at least|no fewer than|a minimum of|at least another)$/.test(qual)) return { min: n, max: n, open: true };
  if (/^(more than|over)$/.test(qual)) return { min: n + 1, max: n + 1, open: true };
  if (/^(nearly|almost|close to)$/.test(qual)) return { min: Math.max(1, Math.floor(n * 0.9)), max: n };
  if (/^(up to)$/.test(qual)) return { min: 1, max: n };
  if (/^(fewer than|less than)$/.test(qual)) return { min: 1, max: Math.max(1, n - 1) };
  return { min: n, max: n };
}

const CIVILIAN_RE = new RegExp(`\\b(?:${CIVILIAN})\\b`, 'i');
const COMBATANT_RE = new RegExp(`\\b(?:${COMBATANT})\\b`, 'i');

function victimKind(phrase: string, aside: string): VictimKind {
  if (COMBATANT_RE.test(phrase)) return 'combatant';
  if (/\bcivilians?\b/i.test(phrase) || (CIVILIAN_RE.test(phrase) && !/\b(?:people|persons?|individuals?|others|men|man)\b/i.test(phrase))) return 'civilian';
  if (/\b(?:women|woman|child|children|girls?|boys?)\b/i.test(aside)) return 'unknown';
  return 'unknown';
}

/** Whose people the victims are, when the phrase says: a demonym, or the words for militants. */
function sideOf(victims: string): string | undefined {
  const v = victims.toLowerCase();
  if (/\b(?:khawarij|kharijis?|terrorists?|militants?|insurgents?|attackers?|assailants?|gunmen|suicide bombers?)\b/.test(v)) return 'militants';
  const demonym = /\b([a-z]+(?:ian|ani|ese|ish|i|an))\b/.exec(v)?.[1];
  if (/\btaliban\b/.test(v) && !/pakistani taliban/.test(v)) return 'afghan';
  return demonym && !/^(civilian|local|militan|afghan-taliban)$/.test(demonym) ? demonym : undefined;
}

export interface CasualtyContext {
  /** Who gives the figure: the speaker the sentence attributes it to, else the article's source. */
  readonly by: string;
  /** true when a speaker in the sentence gives it; false when the article states it. */
  readonly attributed?: boolean;
}

/**
 * Every casualty figure in a sentence.
 * @example findCasualties('Two people, including a woman, were killed.', { by: 'Dawn' })
 *   // [{ kind: 'killed', range: { min: 2, max: 2 }, victims: 'unknown', ... }]
 */
export function findCasualties(sentence: string, ctx: CasualtyContext): Casualty[] {
  const out: Casualty[] = [];
  const taken: [number, number][] = [];
  const add = (kind: CasualtyKind, qty: string, victims: string, text: string, index: number): void => {
    const range = parseQuantity(qty);
    if (!range || range.max > 1_000_000) return;
    if (taken.some(([a, b]) => index < b && index + text.length > a)) return;
    taken.push([index, index + text.length]);
    const side = sideOf(victims);
    out.push({ kind, victims: victimKind(victims, text), range, text: text.trim(), by: ctx.by, attributed: Boolean(ctx.attributed), ...(side ? { side } : {}) });
  };
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(sentence); m; m = SUBJECT.exec(sentence)) {
    const qty = m[1]!;
    const victims = m[2] ?? '';
    if (!victims && NON_PEOPLE.test(sentence.slice(m.index + qty.length))) continue;
    if (!victims && /^(a|an|one|single|both|couple|pair|some|another)$/i.test(qty.trim())) continue;
    // "a 12-year-old" and years ("in 2021 killed") are not counts.
    if (/^\d{4}$/.test(qty.trim()) && Number(qty) > 1900) continue;
    add(m[3] ? 'killed' : 'injured', qty, victims, m[0], m.index);
  }
  OBJECT.lastIndex = 0;
  for (let m = OBJECT.exec(sentence); m; m = OBJECT.exec(sentence)) {
    const verb = m[1]!.toLowerCase();
    const qty = m[2]!;
    const victims = m[3] ?? '';
    const tail = (m[4] ?? '').toLowerCase();
    if (!victims && !tail && NON_PEOPLE.test(sentence.slice(m.index + m[0].length))) continue;
    if (!victims && !tail && /^(a|an|one|some|another)$/i.test(qty.trim())) continue;
    if (/^(left|leaving)$/.test(verb) && !tail) continue;
    const injured = /wound|injur/.test(verb) || /injured|wounded/.test(tail);
    add(injured ? 'injured' : 'killed', qty, victims, m[0], m.index);
  }
  TOLL.lastIndex = 0;
  for (let m = TOLL.exec(sentence); m; m = TOLL.exec(sentence)) add(/injured|wounded/i.test(m[1]!) ? 'injured' : 'killed', m[2]!, '', m[0], m.index);
  return out;
}
