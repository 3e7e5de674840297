import { match } from '@formatjs/intl-localematcher';

// The six languages of the parties and the mediators' staff. Each locale says how it is written (direction, digits)
// and which calendar its readers use beside the Gregorian one; the record itself stays UTC and ISO 8601.

export const LOCALES = ['en', 'ur', 'ps', 'fa-AF', 'ar', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface LocaleInfo {
  /** The language's own name, shown in the picker whatever the current language. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** Digits as readers of this language expect them (CLDR numbering systems). */
  readonly digits: 'latn' | 'arab' | 'arabext';
  /** A second calendar shown beside the Gregorian date, when readers use one. */
  readonly calendar?: 'persian' | 'islamic-umalqura';
}

// Digits: Dari and Pashto write Eastern Arabic-Indic (arabext), Arabic readers in the Gulf the Arabic-Indic (arab),
// Urdu in Pakistan Latin digits (CLDR's default for ur), Turkish and English Latin.
export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  en: { name: 'English', dir: 'ltr', digits: 'latn' },
  ur: { name: 'اردو', dir: 'rtl', digits: 'latn' },
  ps: { name: 'پښتو', dir: 'rtl', digits: 'arabext', calendar: 'persian' },
  'fa-AF': { name: 'دری', dir: 'rtl', digits: 'arabext', calendar: 'persian' },
  ar: { name: 'العربية', dir: 'rtl', digits: 'arab', calendar: 'islamic-umalqura' },
  tr: { name: 'Türkçe', dir: 'ltr', digits: 'latn' },
};

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The language to show: the one named in the URL, else the one the reader chose before, else the best match for the
 * browser's languages (fa-IR and prs read Dari, ar-QA Arabic...), else English.
 */
export function pickLocale(fromUrl: string | null, remembered: string | null, browser: readonly string[]): Locale {
  for (const asked of [fromUrl, remembered]) {
    if (!asked) continue;
    const found = LOCALES.find((l) => l.toLowerCase() === asked.toLowerCase());
    if (found) return found;
  }
  const valid = browser.filter((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  });
  const best = match(valid, LOCALES, DEFAULT_LOCALE);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/** The Intl locale for numbers and Gregorian dates: the language with its digits. */
export const intlLocale = (locale: Locale): string => `${locale}-u-nu-${LOCALE_INFO[locale].digits}`;
