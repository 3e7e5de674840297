// News agencies, broadcasters and papers are named in datelines, credits and attributions ("(AFP)", "Agence
// France-Presse reported", "told Radio Okapi"). Their names hold places and countries ("France", "Okapi") that are
// not where anything happened, and no outlet is a party to a conflict: their spans are kept out of both readings.

import { Sieve } from './sieve.js';

const NAMES = [
  'Agence France[- ]Presse', 'AFP', 'Reuters', 'Associated Press', 'AP', 'Xinhua', 'ACAN-EFE', 'EFE', 'ANSA', 'DPA', 'Deutsche Presse-Agentur',
  'Anadolu(?: Agency)?', 'Al Jazeera', 'Al Arabiya', 'BBC(?: [A-Z][a-z]+)?', 'VOA', 'Voice of America', 'Radio France Internationale', 'RFI',
  'France ?24', 'Deutsche Welle', 'DW', 'TASS', 'ITAR-TASS', 'RIA Novosti', 'Interfax', 'Kyodo', 'PTI', 'Press Trust of India', 'IANS',
  'APP', 'Associated Press of Pakistan', 'Pajhwok(?: Afghan News)?', 'Tolo(?:news| News)?', 'PANA', 'IRIN', 'Sky News', 'CNN', 'Radio Okapi',
  'Radio Tamazuj', 'Radio Dabanga', 'Radio Shabelle', 'Garowe Online', 'Sudan Tribune', 'Prensa Latina', 'Notimex', 'Agencia Brasil',
  'Yonhap', 'KCNA', 'IRNA', 'ISNA', 'Fars(?: News)?(?: Agency)?', 'Tasnim', 'Mehr(?: News)?', 'SANA', 'WAM', 'SPA', 'MENA', 'QNA', 'KUNA',
  'Petra', 'APS', 'MAP', 'TAP', 'Amaq(?: News Agency)?', 'Bernama', 'Antara', 'ABS-CBN', 'Rappler', 'Xinhua News Agency', 'Europa Press',
  'Radio Nacional', 'Radio Caracol', 'Caracol(?: Radio| TV)?', 'RCN', 'El Tiempo', 'La Prensa', 'El Mundo', 'El Pais', 'Le Monde', 'The Guardian',
  'The New York Times', 'The Washington Post', 'Dawn', 'The Express Tribune', 'Daily Nation', 'The Standard', 'Premium Times', 'Vanguard',
];
const OUTLET = new RegExp(`(?<![\\p{L}-])(?:${NAMES.join('|')})(?![\\p{L}-])`, 'gu');
const SIEVE = new Sieve([OUTLET]);

/**
 * Where outlets are named in a sentence, as [start, end) spans.
 * @example outletSpans('Three were killed, Agence France-Presse reported.') // [[19, 39]]
 */
export function outletSpans(sentence: string): [number, number][] {
  // (a sentence that holds none of the names as written names no outlet: sieve.ts)
  if (!SIEVE.candidates(sentence)[0]) return [];
  return [...sentence.matchAll(OUTLET)].map((m) => [m.index, m.index + m[0].length]);
}
