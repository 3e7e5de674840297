import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mechanism, reportBody } from './test-builders-reports.js';
import { incidentView } from './views/incident.js';
import { incidentsToGeoJson } from './geojson.js';

function viewOf(body = reportBody()) {
  const w = mechanism();
  const r = w.must('pk', 'report.file', body);
  w.must('af', 'report.reply', { report: r.id, stance: 'denies', text: 'No.' });
  return incidentView(w.state, r.id)!;
}

test('incidentsToGeoJson: RFC 7946 order [lon, lat]; no point, null geometry', () => {
  const a = viewOf();
  const b = viewOf(reportBody({ where: { place: 'Border', country: 'Pakistan', geo_precision: 3 } }));
  const fc = incidentsToGeoJson([a, b]);
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features[0]?.geometry, { type: 'Point', coordinates: [66.45, 30.92] });
  assert.equal(fc.features[0]?.properties.status, 'replied');
  assert.equal(fc.features[0]?.properties.killed, 2);
  assert.equal(fc.features[0]?.properties.url, `/v1/incidents/${a.id}`);
  assert.equal(fc.features[1]?.geometry, null);
  assert.deepEqual(JSON.parse(JSON.stringify(fc)), fc);
});
