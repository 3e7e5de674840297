import { ingest } from '../src/ingest/index.js';
const texts = process.argv.slice(2);
for (const text of texts) {
  const r = ingest([{ id: 'x', text }]);
  console.log('>>', text.slice(0, 90));
  for (const e of r.events) console.log('   ', e.event_type, '/', e.sub_event_type, JSON.stringify(e.when), e.where.map((p) => p.name).join(','), JSON.stringify(e.fatalities));
  if (!r.events.length) console.log('    (no event)', JSON.stringify((r as any).articles?.[0]?.notes ?? (r as any).notes ?? '').slice(0, 200));
}
