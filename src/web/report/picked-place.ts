// A point picked on the map, written into a report draft: the coordinates, the country the map names there (unless
// the member typed another), and the place's UTC offset at the report's start (unless the member chose one).
import { offsetFor } from '../review/draft.js';
import type { ReportDraft } from './report-draft.js';

/** The report's start as a moment for the place's offset (daylight saving); now when none is typed yet. */
const startDate = (local: string): Date => (Number.isNaN(Date.parse(`${local}Z`)) ? new Date() : new Date(`${local}Z`));

export interface PickMemory {
  /** The member chose the offset: a pick no longer changes it. */
  offsetChosen: boolean;
  /** The country the last pick filled in: a later pick may replace it, a typed one it may not. */
  autoCountry: string;
}

/** The draft with the picked point; `memory` is updated with the country filled in. */
export function withPickedPlace(d: ReportDraft, lat: number, lon: number, country: string | null, memory: PickMemory): ReportDraft {
  const fillCountry = !!country && (d.country.trim() === '' || d.country === memory.autoCountry);
  if (fillCountry) memory.autoCountry = country;
  const nextCountry = fillCountry ? country : d.country;
  return { ...d, lat: String(lat), lon: String(lon), country: nextCountry, ...(memory.offsetChosen ? {} : { offset: offsetFor(nextCountry || undefined, lon, lat, startDate(d.start)) }) };
}
