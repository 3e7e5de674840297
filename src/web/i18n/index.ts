import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import en from './catalogs/en.js';
import { DEFAULT_LOCALE, LOCALE_INFO, intlLocale, pickLocale, type Locale } from './locales.js';

// The UI's words: ICU messages (plurals, numbers, selects) from one catalog per language, formatted by FormatJS.
// `t()` reads the current language; the shell re-renders the whole tree when it changes (useLocale), so every
// component reads its words at render time. The choice lives in the URL (?lang=) and in localStorage.

export type MessageKey = keyof typeof en;
/** A language's catalog: every key of the English one, each an ICU message. */
export type Catalog = { readonly [K in MessageKey]: string };
type Primitive = string | number | boolean | Date | null | undefined;

const LOADERS: Readonly<Record<Locale, () => Promise<Catalog>>> = {
  en: async () => en,
  ur: () => import('./catalogs/ur.js').then((m) => m.default),
  ps: () => import('./catalogs/ps.js').then((m) => m.default),
  'fa-AF': () => import('./catalogs/fa-af.js').then((m) => m.default),
  ar: () => import('./catalogs/ar.js').then((m) => m.default),
  tr: () => import('./catalogs/tr.js').then((m) => m.default),
};

const cache = createIntlCache();
const makeIntl = (locale: Locale, messages: Catalog): IntlShape<string> =>
  createIntl({ locale: intlLocale(locale), defaultLocale: DEFAULT_LOCALE, messages, onError: (e) => console.warn(`i18n: ${e.message}`) }, cache);

let current: Locale = DEFAULT_LOCALE;
let intl = makeIntl(DEFAULT_LOCALE, en);
const listeners = new Set<() => void>();
const STORAGE_KEY = 'truce.lang';

/** The message `key` in the current language, with its ICU arguments filled in. */
export function t(key: MessageKey, values?: Readonly<Record<string, Primitive>>): string {
  return intl.formatMessage({ id: key }, values as Record<string, string | number | boolean | Date | null | undefined>);
}

/** A message with markup: each `<tag>…</tag>` in it is rendered by the function of the same name. */
export function tRich(key: MessageKey, values: Readonly<Record<string, Primitive | ((chunks: ComponentChildren[]) => ComponentChildren)>>): ComponentChildren {
  return intl.formatMessage({ id: key }, values as never) as ComponentChildren;
}

/** An enumerated value (a status, a type, a role) in words: its `group.value` message, else the value made readable. */
export function tEnum(group: string, value: string): string {
  const key = `${group}.${value}`;
  if (key in en) return t(key as MessageKey);
  const s = value.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const currentLocale = (): Locale => current;

/** Load a language, apply it to the document (lang, dir), and keep it in the URL and for the next visit. */
export async function setLocale(locale: Locale): Promise<void> {
  const messages = await LOADERS[locale]();
  intl = makeIntl(locale, locale === DEFAULT_LOCALE ? en : { ...en, ...messages });
  current = locale;
  const root = document.documentElement;
  root.lang = locale;
  root.dir = LOCALE_INFO[locale].dir;
  const url = new URL(location.href);
  if (url.searchParams.get('lang') !== locale) {
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
  }
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage refused (private mode): the URL still carries the choice.
  }
  for (const on of listeners) on();
}

/** The language at start: the URL's, else the remembered one, else the browser's. */
export function startLocale(): Promise<void> {
  let remembered: string | null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    remembered = null;
  }
  return setLocale(pickLocale(new URLSearchParams(location.search).get('lang'), remembered, navigator.languages));
}

/** The current language; the component re-renders when it changes. */
export function useLocale(): Locale {
  const [locale, setState] = useState(current);
  useEffect(() => {
    const on = () => setState(current);
    listeners.add(on);
    on();
    return () => void listeners.delete(on);
  }, []);
  return locale;
}
