// Event cues in Urdu, Pashto, Dari/Persian and Arabic: keywords -> ACLED event types and sub-types, and the
// developments (ceasefire, agreement, talks) the English rules know, in the same TypedTrigger shape so the rest of
// the pipeline (cues.ts, events.ts, clustering) reads them alike. Keyword lists, not a model: each word is one the
// region's news uses for the thing ("جھڑپ", "نښته", "درگیری", "اشتباك" for a clash). Most specific first; a word
// that names who was hurt but not how ("ہلاک", "کشته", "قتل") is a catch-all, as "killed" is in English.
import type { TypedTrigger } from '../event-type.js';
import type { EventType } from '../types.js';
import type { ArabicScriptLanguage } from './languages.js';
import { wordsRegExp } from './pattern.js';

type Type = Omit<EventType, 'trigger'>;
const inc = (eventType: string, subEventType: string): Type => ({ kind: 'incident', eventType, subEventType });
const dev = (subEventType: string, development: string): Type => ({ kind: 'development', eventType: 'Strategic developments', subEventType, development });

const SUICIDE = inc('Explosions/Remote violence', 'Suicide bomb');
const AIR = inc('Explosions/Remote violence', 'Air/drone strike');
const SHELLING = inc('Explosions/Remote violence', 'Shelling/artillery/missile attack');
const IED = inc('Explosions/Remote violence', 'Remote explosive/landmine/IED');
const CIVILIANS = inc('Violence against civilians', 'Attack');
const ABDUCTION = inc('Violence against civilians', 'Abduction/forced disappearance');
const FORCE_ON_PROTEST = inc('Protests', 'Protest with intervention');
const PROTEST = inc('Protests', 'Peaceful protest');
const ARRESTS = inc('Strategic developments', 'Arrests');
const CLASH = inc('Battles', 'Armed clash');

interface Rule { readonly type: Type; readonly words: Partial<Record<ArabicScriptLanguage, readonly string[]>>; readonly weak?: boolean }

const RULES: readonly Rule[] = [
  { type: SUICIDE, words: { ur: ['خودکش', 'خود کش'], ps: ['ځانمرګ', 'ځان مرګ'], fa: ['انتحاری', 'عملیات انتحاری'], ar: ['انتحاري', 'انتحارية'] } },
  { type: AIR, words: { ur: ['فضائی حمل', 'فضائی بمباری', 'ڈرون حمل', 'ڈرون', 'بمباری', 'جنگی طیار'], ps: ['هوايي برید', 'هوايي بريد', 'هوايي حمل', 'ډرون', 'بمبار', 'الوتک'], fa: ['حمله هوایی', 'حملات هوایی', 'حملهٔ هوایی', 'حمله‌های هوایی', 'پهپاد', 'بمباران', 'جنگنده'], ar: ['غارة', 'غارات', 'قصف جوي', 'ضربة جوية', 'ضربات جوية', 'مسيرة', 'مسيّرة', 'طائرات حربية', 'الطيران الحربي'] } },
  { type: SHELLING, words: { ur: ['گولہ باری', 'گولہ بارود', 'توپ خان', 'مارٹر', 'راکٹ'], ps: ['توغند', 'هاوان', 'د توپونو', 'راکټ'], fa: ['گلوله‌باری', 'گلوله باری', 'خمپاره', 'راکت', 'توپخانه'], ar: ['قصف مدفعي', 'قذائف', 'قذيفة', 'صواريخ', 'صاروخ', 'قصف'] } },
  { type: IED, words: { ur: ['دھماک', 'بارودی سرنگ', 'آئی ای ڈی', 'ریموٹ کنٹرول بم'], ps: ['چاودن', 'ماین'], fa: ['انفجار', 'ماین', 'بمب'], ar: ['انفجار', 'انفجر', 'عبوة ناسفة', 'عبوات ناسفة', 'سيارة مفخخة', 'مفخخة', 'لغم', 'تفجير'] } },
  { type: ABDUCTION, words: { ur: ['اغوا'], ps: ['وتښت', 'تښتول'], fa: ['ربوده', 'آدم‌ربایی', 'اختطاف'], ar: ['اختطاف', 'اختطف', 'خطف'] } },
  { type: FORCE_ON_PROTEST, words: { ur: ['آنسو گیس', 'لاٹھی چارج'], ps: ['اوښکې بهوونکي ګاز', 'اوښکې بهونکی ګاز'], fa: ['گاز اشک‌آور', 'گاز اشک آور'], ar: ['الغاز المسيل للدموع', 'غاز مسيل للدموع'] } },
  { type: CIVILIANS, words: { ur: ['ٹارگٹ کلنگ', 'شہریوں پر حمل', 'قتل عام'], ps: ['ترور', 'په ملکي وګړو برید', 'ملکي وګړو باندې برید'], fa: ['ترور', 'قتل عام', 'حمله بر غیرنظامیان', 'تیرباران'], ar: ['اغتيال', 'إعدام', 'مجزرة', 'استهداف المدنيين', 'هجوم على المدنيين'] } },
  { type: CLASH, words: { ur: ['جھڑپ', 'فائرنگ کا تبادل', 'فائرنگ کے تبادل', 'مسلح تصادم', 'لڑائی', 'آپریشن', 'فائرنگ'], ps: ['نښت', 'جګړ', 'د ډزو تبادل', 'ډزې', 'ډزو', 'عملیات'], fa: ['درگیری', 'تبادله آتش', 'تبادلهٔ آتش', 'تبادله‌ی آتش', 'نبرد', 'تیراندازی', 'جنگ', 'عملیات'], ar: ['اشتباك', 'اشتبك', 'تبادل لإطلاق النار', 'تبادل إطلاق النار', 'تبادل اطلاق النار', 'معارك', 'معركة', 'قتال', 'إطلاق نار', 'اطلاق نار'] } },
  { type: PROTEST, words: { ur: ['احتجاج', 'مظاہر', 'دھرن', 'ریلی'], ps: ['لاریون', 'لاريون', 'اعتراض', 'مظاهر'], fa: ['تظاهر', 'اعتراض', 'معترض', 'راهپیمایی'], ar: ['احتجاج', 'مظاهرة', 'مظاهرات', 'متظاهر', 'تظاهر', 'اعتصام'] } },
  { type: ARRESTS, words: { ur: ['گرفتار', 'حراست میں'], ps: ['ونیول', 'نیول شوي', 'توقیف', 'بندیان'], fa: ['بازداشت', 'دستگیر'], ar: ['اعتقال', 'اعتقل', 'القبض', 'احتجاز', 'توقيف'] } },
  // catch-all words: they say someone was attacked or hurt, not how
  { type: CLASH, weak: true, words: { ur: ['حمل', 'ہلاک', 'جاں بحق', 'جان بحق', 'شہید'], ps: ['برید', 'بريد', 'حمله', 'ووژل', 'وژل', 'شهید'], fa: ['حمله', 'حملات', 'کشته', 'کشتند', 'جان باخت', 'شهید', 'هلاک', 'به قتل رسان', 'بقتل رسان', 'به قتل رسید', 'بقتل رسید', 'تصادم'], ar: ['هجوم', 'هجمات', 'مقتل', 'قتل', 'استشهاد', 'استشهد'] } },
];

const DEVELOPMENTS: readonly Rule[] = [
  { type: dev('Agreement', 'ceasefire'), words: { ur: ['جنگ بندی', 'سیز فائر', 'فائر بندی'], ps: ['اوربند', 'اور بند'], fa: ['آتش‌بس', 'آتش بس', 'آتشبس'], ar: ['وقف إطلاق النار', 'وقف اطلاق النار', 'هدنة'] } },
  { type: dev('Agreement', 'agreement'), words: { ur: ['معاہد', 'اتفاق کیا', 'اتفاق ہو'], ps: ['تړون', 'هوکړ', 'موافقه'], fa: ['توافق', 'موافقتنامه', 'توافقنامه'], ar: ['اتفاق', 'اتفاقية', 'اتفقت', 'اتفق'] } },
  { type: dev('Other', 'talks'), words: { ur: ['مذاکرات', 'بات چیت'], ps: ['خبرې اترې', 'خبرو اترو', 'مذاکرات'], fa: ['مذاکرات', 'مذاکره', 'گفتگو'], ar: ['مفاوضات', 'محادثات'] } },
];

/** Speech about violence that did not (or not yet) happen: denials, threats, conditions. */
const HEDGES: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['تردید', 'مسترد', 'دھمکی', 'اگر', 'انتباہ', 'بے بنیاد'],
  ps: ['رد کړ', 'رد کړې', 'ګواښ', 'که چیرې', 'بې بنسټه'],
  fa: ['رد کرد', 'تکذیب', 'تهدید', 'اگر', 'هشدار', 'بی‌اساس', 'بی اساس'],
  ar: ['نفى', 'نفت', 'ينفي', 'تنفي', 'هدد', 'تهديد', 'إذا', 'حذر', 'حذرت', 'لا أساس'],
};

// The future tense: an announcement ("talks will be held", "we will respond") is not an event. Urdu's "گا/گی/گے"
// after the verb (apart, or joined to it: "ہوگا", "کریگی"); Dari/Persian "خواهد" and its persons; Pashto's
// particle "به"; Arabic "سوف", "لن" and "سـ" joined to a present verb ("ستعقد", "سيرد"). Arabic words that
// merely begin "سي"/"ست"/"سن" (car, control, six, year, politics, Sinjar, Sirte…) are listed apart, not future.
const L = '[\\p{L}\\p{M}]';
/** After Arabic's "س": the starts of nouns ("سيارة", "سيطرة", "سياسة", "سنوات") and whole short words ("سيدة", "ستين"). */
const AR_NOT_FUTURE = ['يار', 'يطر', 'ياس', 'ياد', 'ياق', 'ياح', 'يناء', 'ينما', 'يناري', 'يئ', 'يستان', 'تالين', 'تمائ', 'تمئ', 'نجار', 'نغافور', 'يناتور', 'نتيم', 'توكهولم', 'نوات', 'نوي']
  .concat(['يدة', 'يدي', 'يدات', 'يرة', 'يرت', 'يول', 'تين', 'تون', 'تار', 'نين', 'نية', 'نيين', 'نيون', 'يدني'].map((w) => `${w}(?!${L})`));
const FUTURE_SOURCE: Record<ArabicScriptLanguage, string> = {
  ur: `(?<!${L})(?:گا|گی|گے|\\p{L}+(?:[یيئ]گا|[یيئ]گی|ونگا|ونگی|ونگے|وگا|وگی|وگے))(?!${L})`,
  fa: `(?<!${L})ن?خواه(?:د|ند|یم|يم|م|ی|ي|ید|يد)(?!${L})`,
  ps: `(?<!${L})به(?!${L})`,
  ar: `(?<!${L})[وف]?(?:(?:سوف|لن)(?!${L})|س(?!(?:${AR_NOT_FUTURE.join('|')}))(?:[يتن]${L}{2,}|أ${L}{2,}))`,
};
/** How far (in words) a marker reaches: verb-final Urdu, Dari and Pashto put it at the clause's end. */
const FUTURE_NEAR: Record<ArabicScriptLanguage, number> = { ur: 8, fa: 8, ps: 8, ar: 6 };
const futureRes = new Map<ArabicScriptLanguage, RegExp>();
function futureOf(lang: ArabicScriptLanguage): RegExp {
  let re = futureRes.get(lang);
  if (!re) futureRes.set(lang, (re = new RegExp(FUTURE_SOURCE[lang], 'gu')));
  return re;
}

/** Whether the clause of a trigger is in the future tense: a marker within a few words of the trigger, either side. */
export function inFuture(clause: string, at: number, lang: ArabicScriptLanguage): boolean {
  const re = futureOf(lang);
  re.lastIndex = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const [a, b] = m.index < at ? [m.index, at] : [at, m.index];
    if (clause.slice(a, b).split(/\s+/u).filter(Boolean).length <= FUTURE_NEAR[lang]) return true;
  }
  return false;
}

interface Compiled { readonly re: RegExp; readonly type: Type; readonly weak: boolean }
const compiled = new Map<ArabicScriptLanguage, { rules: Compiled[]; hedge: RegExp }>();

function rulesOf(lang: ArabicScriptLanguage): { rules: Compiled[]; hedge: RegExp } {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const prefixed = lang === 'ar';
  const rules = [...RULES, ...DEVELOPMENTS].filter((r) => r.words[lang]?.length).map((r) => ({ re: wordsRegExp(r.words[lang]!, { stem: true, prefixed }), type: r.type, weak: Boolean(r.weak) }));
  const out = { rules, hedge: new RegExp(wordsRegExp(HEDGES[lang], { stem: true, prefixed }).source, 'u') };
  compiled.set(lang, out);
  return out;
}

/** The clause around a position, and where it starts: between Arabic or Latin commas, semicolons and colons. */
function clauseAround(sentence: string, index: number): { text: string; start: number } {
  const breaks = /[،؛,;:]/g;
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index < index) start = m.index + 1;
    else { end = m.index; break; }
  }
  return { text: sentence.slice(start, end), start };
}

/**
 * Every event type an Arabic-script sentence speaks of, each word once, most specific first.
 * @example classifyArabicScript('چمن میں فائرنگ کے تبادلے میں دو افراد جاں بحق ہو گئے۔', 'ur')[0].subEventType // 'Armed clash'
 */
export function classifyArabicScript(sentence: string, lang: ArabicScriptLanguage): TypedTrigger[] {
  const { rules, hedge } = rulesOf(lang);
  const out: TypedTrigger[] = [];
  const taken: [number, number, string][] = [];
  for (const r of rules) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(sentence); m; m = r.re.exec(sentence)) {
      const end = m.index + m[0].length;
      if (taken.some(([a, b, k]) => k === r.type.kind && m!.index < b && end > a)) continue;
      taken.push([m.index, end, r.type.kind]);
      const clause = clauseAround(sentence, m.index);
      const hedged = hedge.test(clause.text) || inFuture(clause.text, m.index - clause.start, lang);
      out.push({ ...r.type, trigger: m[0], index: m.index, hedged, ...(r.weak ? { weak: true } : {}) });
    }
  }
  return out;
}
