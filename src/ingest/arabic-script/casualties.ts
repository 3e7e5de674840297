// Casualty figures in Arabic-script news: a number (digits or words, numbers.ts) with the noun of its victims
// ("فوجی", "سرتیري", "غیرنظامیان", "مدنيين") and a word of harm ("جاں بحق", "ووژل شول", "کشته", "قتل"; "زخمی",
// "ټپي", "مجروح", "جرحى"), killed and injured apart, civilians marked, the party of the victims when their words
// name it ("۲۳ پاکستانی فوجی": the Pakistan Army) or the claimant's own for unmarked soldiers in a state's
// account, each figure with its claimant. Same Casualty shape as the English rules, so tallies and tolls are alike.
import type { Actor, ActorMention, Casualty, CasualtyKind, VictimKind } from '../types.js';
import type { ArabicScriptLanguage } from './languages.js';
import type { Quantity } from './numbers.js';
import { findQuantities } from './numbers.js';
import { wordsRegExp } from './pattern.js';

const KILLED: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['ہلاک', 'جاں بحق', 'جان بحق', 'شہید', 'مارے گئے', 'مارا گیا', 'ماری گئی', 'قتل', 'جان سے ہاتھ دھو'],
  ps: ['ووژل', 'وژل', 'مړه', 'مړ', 'شهید', 'شهیدان', 'ووژني'],
  fa: ['کشته', 'کشت', 'جان باخت', 'جان‌باخت', 'جان خود را از دست', 'شهید', 'هلاک', 'به قتل رسید', 'به قتل رسان', 'بقتل رسید', 'بقتل رسان', 'مقتول', 'تلفات'],
  ar: ['قتل', 'قتلى', 'مقتل', 'لقي حتفه', 'لقوا حتفهم', 'استشهد', 'شهداء', 'شهيد', 'مصرع', 'قتيل', 'حصيلة القتلى'],
};
const INJURED: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['زخمی', 'زخموں', 'گھائل'],
  ps: ['ټپي', 'ټپیان', 'ژوبل'],
  fa: ['زخمی', 'مجروح', 'زخم', 'صدمه دید', 'جراحت'],
  ar: ['جرح', 'جرحى', 'جريح', 'أصيب', 'اصيب', 'إصابة', 'إصابات', 'مصاب'],
};
const CIVILIAN: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['شہری', 'شہریوں', 'عام شہری', 'بچے', 'بچوں', 'خواتین', 'مزدور', 'راہگیر'],
  ps: ['ملکي', 'ملکیان', 'عام وګړي', 'وګړي', 'ماشوم', 'ښځې', 'ښځو'],
  // (a government official is a civilian, as ACLED codes officials: "يک مامور حکومت … کشته شد"; a police one is not)
  fa: ['غیرنظامی', 'غیر نظامی', 'ملکی', 'کودک', 'زن', 'زنان', 'افراد ملکی', 'غیرنظامیان', 'اهالی', 'طفل', 'اطفال', 'عابر', 'مامور', 'کارمند'],
  ar: ['مدني', 'مدنيين', 'مدنيا', 'مدنيون', 'أطفال', 'طفل', 'نساء', 'امرأة', 'مواطن'],
};
const SOLDIERS: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['فوجی', 'اہلکار', 'جوان', 'سپاہی', 'سیکیورٹی اہلکار', 'سکیورٹی اہلکار', 'افسر', 'پولیس'],
  ps: ['سرتیري', 'سرتېري', 'سرتیرو', 'پوځیان', 'پوځي', 'عسکر', 'ځواکونو', 'پولیس'],
  fa: ['سرباز', 'نظامی', 'نیروی', 'نیروهای', 'افسر', 'پولیس', 'پلیس', 'عسکر', 'عساکر', 'قوماندان', 'فرمانده', 'منسوب', 'مامور پولیس', 'مامورین پولیس', 'مامور امنیتی', 'مامورین امنیتی'],
  ar: ['جندي', 'جنود', 'عسكري', 'عسكريين', 'ضابط', 'ضباط', 'عناصر الأمن', 'أفراد الأمن', 'شرطي', 'رجال الشرطة', 'عناصر الشرطة'],
};
const FIGHTERS: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['دہشت گرد', 'عسکریت پسند', 'شدت پسند', 'خوارج', 'خارجی', 'جنگجو', 'طالبان'],
  ps: ['وسله وال', 'وسله‌وال', 'ترهګر', 'جنګیال', 'طالبان', 'طالب'],
  fa: ['شورشی', 'تروریست', 'جنگجو', 'افراد مسلح', 'مهاجم', 'طالبان', 'طالب', 'تندرو', 'تند رو', 'چریک', 'مظنون'],
  ar: ['مسلح', 'إرهابي', 'ارهابي', 'مقاتل', 'عناصر', 'متشدد'],
};
const COUNTER = ['تن', 'نفر', 'تنه', 'کسان', 'کس', 'افراد', 'اشخاص', 'أشخاص', 'شخص', 'شخصا'];

interface Compiled { killed: RegExp; injured: RegExp; civilian: RegExp; soldiers: RegExp; fighters: RegExp; counter: RegExp }
const compiled = new Map<ArabicScriptLanguage, Compiled>();
function rulesOf(lang: ArabicScriptLanguage): Compiled {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const o = { stem: true, prefixed: lang === 'ar' };
  const out = { killed: wordsRegExp(KILLED[lang], o), injured: wordsRegExp(INJURED[lang], o), civilian: wordsRegExp(CIVILIAN[lang], o), soldiers: wordsRegExp(SOLDIERS[lang], o), fighters: wordsRegExp(FIGHTERS[lang], o), counter: wordsRegExp(COUNTER, o) };
  compiled.set(lang, out);
  return out;
}

const first = (re: RegExp, s: string): RegExpExecArray | null => { re.lastIndex = 0; return re.exec(s); };
/** A number of days, hours or kilometres ("دو روز گذشته", "۲۴ ساعت") is never a toll, nor a bound on one. */
const UNIT = /^\s*(?:روز|ساعت|هفته|ماه|سال|دقیقه|دقيقه|کیلومتر|کيلومتر|ورځ|ورځې|ساعته|اونۍ|میاشت|کاله|کال|دن|گھنٹے|گھنٹوں|ہفتے|مہینے|سال|کلومیٹر|يوم|أيام|ايام|ساعة|ساعات|أسبوع|شهر|أشهر|سنوات|عام|كيلومتر|كلم|كم)(?![\p{L}\p{M}])/u;
const WORD = /[^\s،؛,;:.۔]+/gu;
/** A relative clause set off by commas between the victims and the verb ("۱۰۸ تنه ملکیان، چې ښځې هم پکې وې، وژل شوي"). */
const RELATIVE_CLAUSE = /[،,]\s*(?:چې|چه|که|جن|جس|جو|الذين|الذي|التي)\s[^،,؛;:]*[،,]/gu;
/** The first n words of a stretch, with where each starts. */
function leadingWords(s: string, n: number): { text: string; index: number }[] {
  WORD.lastIndex = 0;
  const out: { text: string; index: number }[] = [];
  for (let m = WORD.exec(s); m && out.length < n; m = WORD.exec(s)) out.push({ text: m[0], index: m.index });
  return out;
}

/** The word of harm for a figure, at its place in the sentence: just before it (Arabic "قتل خمسة", "مقتل 5"), or after its victims' words. */
function harmOf(sentence: string, q: Quantity, nextAt: number, r: Compiled, lang: ArabicScriptLanguage): { kind: CasualtyKind; at: number; before: boolean; listed?: boolean } | null {
  // "سقوط قتيلين": the dual is the word of harm
  if (q.harm) return { kind: q.harm, at: q.index, before: true };
  const end = q.index + q.text.length;
  const tailEnd = Math.min(nextAt, end + 90);
  const headStart = Math.max(0, q.index - 25);
  const hits: { kind: CasualtyKind; at: number; before: boolean; listed?: boolean }[] = [];
  for (const [re, kind] of [[r.killed, 'killed'], [r.injured, 'injured']] as const) {
    for (const [from, to, before] of [[end, tailEnd, false], [headStart, q.index, true]] as const) {
      re.lastIndex = 0;
      const s = sentence.slice(from, to);
      for (let m = re.exec(s); m; m = re.exec(s)) hits.push({ kind, at: from + m.index, before });
    }
  }
  // "۲۰۰ سے زائد طالبان اور ۲۳ فوجی ہلاک": a figure in a list takes the word of harm after the list
  if (!hits.some((h) => !h.before) && nextAt < sentence.length && wordsBetween(sentence, end, nextAt) <= 4) {
    const s = sentence.slice(end, end + 140);
    for (const [re, kind] of [[r.killed, 'killed'], [r.injured, 'injured']] as const) {
      re.lastIndex = 0;
      const m = re.exec(s);
      if (m) hits.push({ kind, at: end + m.index, before: false, listed: true });
    }
  }
  const after = hits.filter((h) => !h.before).sort((a, b) => a.at - b.at)[0];
  // a word of harm right before the number (within two words) is the figure's in Arabic, verb first
  const before = hits.filter((h) => h.before && wordsBetween(sentence, h.at, q.index) <= 2).sort((a, b) => b.at - a.at)[0];
  // …unless a harm noun follows the number straight away ("قتيلين وثلاثة جرحى": the three are wounded)
  if (lang === 'ar' && before && !(after && wordsBetween(sentence, end, after.at) === 0)) return before;
  return after ?? before ?? null;
}

/** Whether the two words after a number name victims. */
function nounNearOf(sentence: string, end: number, r: Compiled): boolean {
  const near = leadingWords(sentence.slice(end), 2).map((w) => w.text).join(' ');
  return [r.civilian, r.soldiers, r.fighters, r.counter].some((re) => first(re, near) !== null);
}

/**
 * Persian's "یک" (and Urdu's "ایک", Pashto's "یو") before a noun that names no victims is the indefinite article ("در
 * یک حملۀ ناگهانی", in a sudden attack): no figure, and no end to the figure before it.
 */
function indefinite(sentence: string, q: Quantity, r: Compiled): boolean {
  if (q.range.min !== 1 || q.range.max !== 1 || q.range.open || /[0-9۰-۹٠-٩]/u.test(q.text) || q.noun) return false;
  const end = q.index + q.text.length;
  const next = leadingWords(sentence.slice(end), 1)[0]?.text ?? '';
  return !nounNearOf(sentence, end, r) && first(r.killed, next) === null && first(r.injured, next) === null;
}

function wordsBetween(s: string, from: number, to: number): number {
  return leadingWords(s.slice(from, to), 20).length;
}

export interface ArabicScriptCasualtyContext {
  readonly lang: ArabicScriptLanguage;
  /** The claimant: the sentence's speaker, else the article's source. */
  readonly by: string;
  readonly attributed: boolean;
  /** Where dates stand in the sentence ("۲۳ میزان ۱۴۰۴"): their numbers are no figures. */
  readonly dateSpans: readonly (readonly [number, number])[];
  /** The actors the sentence names (the victims' party is one of them when their words name it). */
  readonly actors: readonly ActorMention[];
  /** The party of unmarked soldiers: the claimant's forces in a state's account, else the article's country's. */
  readonly ownForces?: Actor;
}

/**
 * The attacker told killed with no number, the verb in the singular ("حمله کننده کشته شد", "حملہ آور بھی ہلاک ہو
 * گیا", "بریدګر ووژل شو", "قُتل المهاجم"): one dead, as English reads "the bomber was killed"; ACLED counts them.
 */
const ONE_ATTACKER: Record<ArabicScriptLanguage, RegExp> = {
  fa: /(?<![\p{L}\p{M}])(?:حمله[\s\u200c]*کنند[هۀة]|بمب?[\s\u200c]*گ[ذز]ار|مهاجم)(?:[\s\u200c]+انتحار[یيى])?\s+(?:ن[یيى]ز\s+)?(?:کشته|هلاک)\s+(?:شد|گرد[یيى]د)(?![\p{L}\p{M}])/u,
  ur: /(?<![\p{L}\p{M}])(?:حملہ\s*آور|خودکش\s+بمبار)\s+(?:بھی\s+)?(?:ہلاک|مارا)\s+(?:ہو\s+)?گیا(?![\p{L}\p{M}])/u,
  ps: /(?<![\p{L}\p{M}])(?:برید\s*کوونک[یيىې]|برید[ګگ]ر|ځانمرګ[یيىې])\s+(?:هم\s+)?(?:ووژل\s+شو|مړ\s+شو)(?![\p{L}\p{M}])/u,
  ar: /(?<![\p{L}\p{M}])(?:قُ?تِ?لَ?\s+)(?:المهاجم|الانتحاري|منفذ\s+الهجوم)(?![\p{L}\p{M}])/u,
};

/**
 * Every casualty figure of one Arabic-script sentence.
 * @example findArabicScriptCasualties('دو فوجی شہید اور تین زخمی ہو گئے', { lang: 'ur', by: 'ISPR', attributed: true, dateSpans: [], actors: [] })
 */
export function findArabicScriptCasualties(sentence: string, ctx: ArabicScriptCasualtyContext): Casualty[] {
  const r = rulesOf(ctx.lang);
  const qs = findQuantities(sentence, ctx.lang).filter((q) => !ctx.dateSpans.some(([a, b]) => q.index < b && q.index + q.text.length > a) && !UNIT.test(sentence.slice(q.index + q.text.length, q.index + q.text.length + 16)) && !indefinite(sentence, q, r));
  const out: Casualty[] = [];
  qs.forEach((q, i) => {
    const end = q.index + q.text.length;
    const nextAt = qs[i + 1]?.index ?? sentence.length;
    // the victims' words: the three words after the number (a counting word "تن", "نفر" first, then the noun)
    const lead = leadingWords(sentence.slice(end, nextAt), 3);
    // a dual ("جنديين") or "مدنيين اثنين" carries its victims' word: it comes first
    const nounStretch = [q.noun ?? '', ...lead.map((w) => w.text)].join(' ').trim();
    const near = [q.noun ?? '', ...lead.slice(0, q.noun ? 1 : 2).map((w) => w.text)].join(' ').trim();
    const civilian = first(r.civilian, nounStretch);
    const soldiers = first(r.soldiers, nounStretch);
    const fighters = first(r.fighters, nounStretch);
    const harm = harmOf(sentence, q, nextAt, r, ctx.lang);
    if (!harm) return;
    // a figure stands next to its victims or its word of harm: "۲۳ میزان … کشته" is a date, not a toll
    const nounNear = [r.civilian, r.soldiers, r.fighters, r.counter].some((re) => first(re, near) !== null);
    // (the victims' words may run on: "۲۰۰ سے زائد طالبان اور ان سے وابستہ دہشت گرد ہلاک ہوئے")
    // (verb-final Dari, Pashto and Urdu may put a long adverbial before the verb: "… را در جريان دو روز گذشته در
    // ولسوالي سنگين ولايت هلمند به قتل رسانيده اند"; within one clause the victims' noun keeps the figure its own)
    // (…and a relative clause between commas is part of the victims' words, not a clause of its own)
    const far = ctx.lang !== 'ar' && nounNearOf(sentence, end, r) && !/[،؛,;:]/u.test(sentence.slice(end, harm.at).replace(RELATIVE_CLAUSE, ' ')) ? 14 : 8;
    const harmNear = harm.before || harm.listed || wordsBetween(sentence, end, harm.at) <= far;
    // a number with its word of harm at most one word away ("دوه پولیس ووژل") is a figure whatever the noun
    const adjoining = harm.before ? wordsBetween(sentence, harm.at, q.index) <= 1 : wordsBetween(sentence, end, harm.at) <= 1;
    if (!(nounNear && harmNear) && !adjoining) return;
    const noun = nounNear ? [civilian, soldiers, fighters].filter(Boolean) : [];
    // (the longer of two words at one place: "مامور پولیس", a police officer, is no "مامور", an official)
    const civilianFirst = civilian && (!soldiers || civilian.index < soldiers.index || (civilian.index === soldiers.index && civilian[0].length >= soldiers[0].length));
    const victims: VictimKind = civilianFirst ? 'civilian' : soldiers || fighters ? 'combatant' : 'unknown';
    // the victims as written: from the number's first word to the word that names them ("خمسة مدنيين", "سرباز پاکستانی")
    const nounWord = lead.findIndex((w) => [r.civilian, r.soldiers, r.fighters].some((re) => first(re, w.text) !== null));
    const named0 = ctx.actors.find((a) => a.index >= end && a.index < end + nounStretch.length + 1);
    const upTo = Math.max(nounWord, named0 ? lead.findIndex((w) => end + w.index >= named0.index + named0.text.length - w.text.length) : -1);
    const group = !noun.length ? '' : nounWord >= 0 ? lead.slice(0, Math.min(upTo, 1) + 1).map((w) => w.text).join(' ') : q.noun ?? '';
    const named = ctx.actors.find((a) => a.index >= end && a.index < end + Math.max(1, nounStretch.length + 1));
    const actor = victims === 'civilian' ? undefined : named ? (named.force ?? named.actor) : soldiers ? ctx.ownForces : undefined;
    out.push({
      kind: harm.kind, victims, range: q.range, text: `${q.text}${group && group !== q.noun ? ` ${group}` : ''}`, by: ctx.by, attributed: ctx.attributed, index: q.index,
      ...(group ? { group } : {}), ...(actor ? { actor, side: actor.side ?? actor.id } : victims === 'combatant' && group ? { side: group } : {}),
    });
  });
  const attacker = ONE_ATTACKER[ctx.lang].exec(sentence);
  if (attacker && !out.some((c) => c.kind === 'killed' && (c.index ?? 0) < attacker.index + attacker[0].length && (c.index ?? 0) + c.text.length > attacker.index)) {
    out.push({ kind: 'killed', victims: 'combatant', range: { min: 1, max: 1 }, text: attacker[0], by: ctx.by, attributed: ctx.attributed, index: attacker.index });
  }
  return out;
}
