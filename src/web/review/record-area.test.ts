import { test } from 'node:test';
import assert from 'node:assert/strict';
import { farFromRecord, FAR_FROM_RECORD_KM } from './record-area.js';

const CHAMAN = { lat: 30.92, lon: 66.45 };
const KANDAHAR = { lat: 31.61, lon: 65.71 };

test('a place far from every incident on record gives its distance to the nearest; a near one, or an empty record, gives none', () => {
  const kyiv = farFromRecord({ lat: 50.45, lon: 30.52 }, [CHAMAN, KANDAHAR]);
  assert.ok(kyiv !== null && kyiv > 3000 && kyiv < 4000, `Kyiv is ~3,600 km from Kandahar, got ${kyiv}`);
  assert.equal(farFromRecord({ lat: 34.53, lon: 69.17 }, [CHAMAN, KANDAHAR]), null, 'Kabul is within the area');
  assert.equal(farFromRecord({ lat: 50.45, lon: 30.52 }, []), null, 'nothing on record: nothing to compare with');
  assert.equal(farFromRecord(null, [CHAMAN]), null);
  assert.equal(farFromRecord({ lat: Number.NaN, lon: 1 }, [CHAMAN]), null);
  assert.notEqual(farFromRecord({ lat: 50.45, lon: 30.52 }, [CHAMAN, { lat: Number.NaN, lon: Number.NaN }]), null, 'an incident without coordinates is left out');
  // Just past the limit counts as far; just inside does not (1° of latitude is ~111 km).
  const degrees = FAR_FROM_RECORD_KM / 111.2;
  assert.notEqual(farFromRecord({ lat: CHAMAN.lat + degrees + 0.1, lon: CHAMAN.lon }, [CHAMAN]), null);
  assert.equal(farFromRecord({ lat: CHAMAN.lat + degrees - 0.1, lon: CHAMAN.lon }, [CHAMAN]), null);
});
