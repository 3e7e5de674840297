// Who may download a restricted evidence item, by the domain's own rule (mayDownload in records/evidence.ts), applied
// to the item and the member as the API shows them. The UI uses it to offer the download; the server decides.
import type { Role } from '../../domain/roles.js';
import { collection, createState } from '../../domain/state.js';
import { EVIDENCE, mayDownload } from '../../domain/records/evidence.js';
import type { EvidenceInView, MemberInfo } from '../api/types.js';

/** Whether `me` may download the item's bytes (public items: anyone). */
export function mayDownloadItem(item: EvidenceInView, me: MemberInfo | null): boolean {
  const state = createState();
  if (me) state.members.set(me.id, { id: me.id, name: me.name, role: me.role as Role, side: me.side, admitted: item.ref });
  // mayDownload reads only the item's confidentiality and registrant.
  collection<Pick<EvidenceInView, 'sha256' | 'confidentiality' | 'registeredBy'>>(state, EVIDENCE).set(item.sha256, {
    sha256: item.sha256,
    confidentiality: item.confidentiality,
    registeredBy: item.registeredBy,
  });
  return mayDownload(state, item.sha256, me?.id ?? null);
}
