// The language an article is written in, by franc (trigram profiles of 187 languages). The rules of this pipeline
// read English; an article in another language is not guessed at: it is reported, with its language, as not
// extracted, so a reviewer knows it was read and why it gave nothing.
import { francAll } from 'franc';

export interface Language {
  /** ISO 639-3 ("eng", "urd", "prs", "arb"), or "und" when the text is too short or mixed to tell. */
  readonly code: string;
  readonly name: string;
}

const ENGLISH = new Set('the a an of and in on at to by for from with was were is are has have had been said says that which who when after before during their its his her they it this'.split(' '));
/**
 * Words of news English that no other language franc knows writes so (a headline has few grammar words: "Ukrainian
 * positions came under fire from mortars near Avdiivka" read to it as Danish); they count with the grammar words.
 */
const NEWS_ENGLISH = new Set('near amid against into along while where killed kills killing wounded injured people troops soldiers militants rebels gunmen protesters fighters officials says town city border peace deal sign signs signed ceasefire truce attack attacks airstrike clashes arrested detained army seize seizes'.split(' '));
/** franc's scores are relative to its best guess (1); English this close to it wins. */
const ENGLISH_NEAR_TOP = 0.95;
const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
/** franc's codes for macrolanguage members, named by their macrolanguage where Intl knows only that. */
const MACRO: Record<string, string> = { arb: 'ar', prs: 'fa', pes: 'fa', pbu: 'ps', pbt: 'ps', zlm: 'ms', cmn: 'zh', uzn: 'uz', swh: 'sw', ekk: 'et', lvs: 'lv', azj: 'az', plt: 'mg', ydd: 'yi', khk: 'mn' };

function nameOf(code: string): string {
  if (code === 'und') return 'undetermined';
  try {
    const name = NAMES.of(MACRO[code] ?? code);
    return name && name !== (MACRO[code] ?? code) ? name : code;
  } catch {
    return code;
  }
}

/**
 * The language of a text, from its first characters.
 * @example detectLanguage('Three soldiers were killed in a clash on Monday.').code // 'eng'
 */
export function detectLanguage(text: string): Language {
  const lower = text.slice(0, 2000).toLowerCase();
  // English grammar words settle most articles at once (franc is the slow part, and a short English note full of
  // foreign names, "guerrillas attacked a post in Ayacucho", can read to it as Galician)
  const words = lower.match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w) || NEWS_ENGLISH.has(w)).length;
  if (words.length >= 5 && english / words.length >= 0.12) return { code: 'eng', name: 'English' };
  // Scots, Jamaican and Nigerian creoles are what franc mistakes short English news for
  const ranked = francAll(lower.slice(0, 600), { minLength: 20, ignore: ['sco', 'jam', 'pcm', 'tpi', 'bis'] });
  // A short note of names and numbers scores nearly alike in English and in languages written with the same letters
  // ("… airstrikes reportedly targeted An Naqa area (Sahar, Sadah)" came out Bikol, English 0.99 of it): English that
  // close to the top is read as English. Short Spanish, French, German or Turkish news scores English at 0.8 or less.
  const englishScore = ranked.find(([c]) => c === 'eng')?.[1] ?? 0;
  const code = englishScore >= ENGLISH_NEAR_TOP ? 'eng' : (ranked[0]?.[0] ?? 'und');
  return { code, name: nameOf(code) };
}
