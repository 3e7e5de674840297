// A form's body is checked with the domain's own zod schema before anything is signed, so the member sees every
// problem next to its field instead of one refusal from the server. The server checks again (and checks what a schema
// cannot: rights, the workflow's state); its refusal is shown as worded.
import { config, type z } from 'zod';
import ar from 'zod/v4/locales/ar.js';
import en from 'zod/v4/locales/en.js';
import fa from 'zod/v4/locales/fa.js';
import ps from 'zod/v4/locales/ps.js';
import tr from 'zod/v4/locales/tr.js';
import ur from 'zod/v4/locales/ur.js';
import { currentLocale } from '../i18n/index.js';
import type { Locale } from '../i18n/locales.js';

// zod's own translations of its messages (Persian's for Dari), set before each check in the reader's language.
const ZOD_LOCALES: Readonly<Record<Locale, typeof en>> = { en, ur, ps, 'fa-AF': fa, ar, tr };
let zodLocale: Locale | null = null;
function useReaderLocale(): void {
  const locale = currentLocale();
  if (zodLocale === locale) return;
  config(ZOD_LOCALES[locale]());
  zodLocale = locale;
}

/** Messages by field path ("where.place", "actors.0.name"); "" holds problems of the whole form. */
export type FieldErrors = Readonly<Record<string, string>>;

function sentence(message: string): string {
  if (currentLocale() !== 'en') return message;
  let m = message;
  if (/received undefined/.test(m)) m = 'this field is required';
  else if (/expected (number|int), received NaN/.test(m)) m = 'enter a number';
  else if (/^Invalid option/.test(m)) m = 'choose one of the options';
  else if (/^Invalid URL/.test(m)) m = 'must be a web address starting with http:// or https://';
  else if (/^Too big: expected string/.test(m)) m = m.replace(/^Too big: expected string to have /, 'must have ');
  else m = m.replace(/^Invalid input: /, '');
  m = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** The first problem for each field, keyed by its dotted path. */
export function fieldErrors(issues: z.ZodError['issues']): FieldErrors {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.');
    out[key] ??= sentence(i.message);
  }
  return out;
}

/**
 * Check a body with a schema; the errors found before parsing (e.g. a number field holding text) are kept first.
 * @example const errors = checkBody(reportFileBody, body); if (Object.keys(errors).length) return show(errors);
 */
export function checkBody(schema: z.ZodType, body: unknown, before: FieldErrors = {}): FieldErrors {
  useReaderLocale();
  const r = schema.safeParse(body);
  return { ...(r.success ? {} : fieldErrors(r.error.issues)), ...before };
}

export const hasErrors = (e: FieldErrors): boolean => Object.keys(e).length > 0;

/** Errors at a path or below it ("casualties.killed" also reports "casualties.killed.unknown.min"). */
export function errorAt(e: FieldErrors, path: string): string | undefined {
  if (e[path]) return e[path];
  const below = Object.keys(e).find((k) => k.startsWith(`${path}.`));
  return below ? e[below] : undefined;
}
