import { setLocale, t, useLocale } from '../i18n/index.js';
import { LOCALES, LOCALE_INFO, isLocale } from '../i18n/locales.js';

/** The language of the whole portal, on every page; each language is named in itself, with its own direction. */
export function LanguagePicker() {
  const locale = useLocale();
  return (
    <label class="language-picker">
      <span class="visually-hidden">{t('shell.language')}</span>
      <select
        value={locale}
        data-testid="language"
        onChange={(e) => {
          const next = (e.currentTarget as HTMLSelectElement).value;
          if (isLocale(next)) void setLocale(next);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l} dir={LOCALE_INFO[l].dir}>
            {LOCALE_INFO[l].name}
          </option>
        ))}
      </select>
    </label>
  );
}
