// Which rules read an article in Arabic script: franc's ISO 639-3 code -> the four languages the keyword cues
// cover. Dari and Iranian Persian share one set (their news vocabulary is the same), as do Pashto's varieties.
export type ArabicScriptLanguage = 'ur' | 'ps' | 'fa' | 'ar';

const BY_CODE: Record<string, ArabicScriptLanguage> = {
  urd: 'ur', pbu: 'ps', pbt: 'ps', pus: 'ps', prs: 'fa', pes: 'fa', fas: 'fa', arb: 'ar', ara: 'ar', ary: 'ar', arz: 'ar', apc: 'ar', acm: 'ar',
};

/** The cue language for a detected language code, or null when the rules do not cover it. */
export function arabicScriptLanguage(code: string): ArabicScriptLanguage | null {
  return BY_CODE[code] ?? null;
}
