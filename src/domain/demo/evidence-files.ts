import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../encoding.js';

// The demo's evidence files: short texts, generated deterministically, so the same bytes (and hashes) come out on
// every machine. The server stores them in its BlobStore when it loads the demo; the log holds only their hashes.

export interface DemoEvidenceFile {
  readonly name: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

const HEADER = [
  'ILLUSTRATION - demo evidence for Truce, built from public reporting of October-November 2025.',
  'This is not a real field record, document or intelligence product. It exists to show how evidence is',
  'registered by hash, acknowledged, accessed and cited in a finding.',
  '',
].join('\n');

const TEXTS: Readonly<Record<string, string>> = {
  'chaman-field-notes': [
    'Joint field team 1 - notes, Chaman-Spin Boldak crossing',
    'Period: around 6-7 November 2025 (local time, UTC+05:00).',
    'Public reporting (report of 10 November 2025): a brief exchange of fire at the crossing;',
    'two people killed on the Pakistani side, one of them a woman.',
    'Not established by the reporting: who opened fire, the weapons used, the exact hour.',
  ].join('\n'),
  'pk-dossier-summary': [
    'Summary sheet of the material Pakistan says it presented to the mediators',
    'Claim attributed to the Government of Pakistan: armed groups (TTP, also called Fitna al-Khawarij or FaK;',
    'BLA, which the state groups under Fitna al-Hindustan or FaH) operate from Afghan soil.',
    'Pakistan says the mediators acknowledged the evidence. The Afghan authorities deny letting groups operate',
    'from Afghan soil. The dossier itself is not reproduced in this illustration.',
  ].join('\n'),
  'osint-kandahar-strikes': [
    'Open-source desk - archived summary of public reporting',
    'After 12 October 2025 Pakistan states it struck targets inside Afghanistan: Kandahar province, Kabul, and',
    'border areas opposite North and South Waziristan, including camps of the Hafiz Gul Bahadur group.',
    'ISPR (the Pakistani military media wing) claims more than 200 Afghan Taliban and affiliated fighters and',
    '23 Pakistani soldiers were killed in the same period. These are claims, not verified figures.',
  ].join('\n'),
};

const encoder = new TextEncoder();

/**
 * The demo's evidence files, with their SHA-256 (hex) and media type.
 * @example demoEvidenceFiles()[0]?.mediaType // 'text/plain; charset=utf-8'
 */
export function demoEvidenceFiles(): DemoEvidenceFile[] {
  return Object.entries(TEXTS).map(([name, text]) => {
    const bytes = encoder.encode(`${HEADER}${text}\n`);
    return { name, sha256: toHex(sha256(bytes)), mediaType: 'text/plain; charset=utf-8', bytes };
  });
}

/** A demo file by name (the demo statements cite them by these names). */
export function demoFile(name: string): DemoEvidenceFile {
  const file = demoEvidenceFiles().find((f) => f.name === name);
  if (!file) throw new Error(`no demo evidence file ${name}`);
  return file;
}
