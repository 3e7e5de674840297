import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { discoverActors, findDiscovered } from './discovered-actors.js';
import { ingest } from './pipeline.js';

const names = (text: string): string[] => discoverActors(text, actorTable()).map((d) => `${d.actor.name} = ${d.names.join(' / ')} (${d.actor.kind}${d.actor.known ? '' : ', new'})`);

test('a group the article introduces with its acronym is one actor under both names', () => {
  assert.deepEqual(names('Fighters of the Coalition des Patriotes pour le Changement (CPC) attacked an army post.'), ['Coalition des Patriotes pour le Changement = Coalition des Patriotes pour le Changement / CPC (armed_group, new)']);
  assert.deepEqual(names('Insurgents of Ahlu Sunna Wal Jamaa (ASWJ), linked to the Islamic State, attacked Macomia.'), ['Ahlu Sunna Wal Jamaa = Ahlu Sunna Wal Jamaa / ASWJ (armed_group, new)']);
  assert.deepEqual(names('The Karen National Liberation Army (KNLA) said it took the camp.'), ['Karen National Liberation Army = Karen National Liberation Army / KNLA (armed_group, new)']);
  // a body that is not an armed group is an organisation (not a party to violence); a known name is the table's actor
  assert.deepEqual(names('The National Independent Electoral Commission (CENI) delayed the count.'), []);
  assert.deepEqual(names('The Independent Electoral Commission (IEC) delayed the count.'), ['Independent Electoral Commission = Independent Electoral Commission / IEC (organization, new)']);
  assert.deepEqual(names('The Jama\'at Nusrat al-Islam wal-Muslimin (JNIM) said it killed 15 soldiers.'), []); // JNIM is in the table
  // a state's forces under their own name are that state's forces
  assert.deepEqual(names('The South Sudan People\'s Defence Forces (SSPDF) retook Nasir.'), ['Military Forces of South Sudan = SSPDF (state_force)']);
  // brackets that abbreviate nothing make no actor
  assert.deepEqual(names('Talks resumed in Doha (Qatar) on Monday.'), []);
});

test('"Name (ACR)" is one mention; the acronym alone later is the same actor', () => {
  const d = discoverActors('The Arakan Liberation Party (ALP) said so.', actorTable());
  assert.equal(findDiscovered('The Arakan Liberation Party (ALP) said so.', d).length, 1);
  assert.equal(findDiscovered('Later the ALP denied it.', d)[0]?.actor.name, 'Arakan Liberation Party');
});

test('in an article: groups discovered from acronyms, a group claiming its own attack is a party, troops are the country\'s', () => {
  const mali = `Jihadists kill soldiers in central Mali

BAMAKO, Jan 10 (AFP) - The Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said on Friday it had killed 15 soldiers in an ambush near Diafarabe. The army said six soldiers died. A spokesman for the World Food Programme (WFP) said aid convoys were suspended.`;
  const car = `Rebels kill 12 in Central African Republic

BANGUI, March 3 (Reuters) - Fighters of the Coalition des Patriotes pour le Changement (CPC) attacked an army post near Bossangoa on Sunday, killing 12 soldiers, the defence ministry said. The CPC said it had seized weapons.`;
  const r = ingest([{ id: 'ml', text: mali }, { id: 'cf', text: car }], { now: '2025-07-01' });
  const actors = (id: string): string[] => r.events.filter((e) => e.mentions.some((m) => m.article === id)).flatMap((e) => e.actors.map((a) => a.name)).sort();
  assert.deepEqual(actors('ml'), ['Jama\'at Nusrat al-Islam wal-Muslimin', 'Military Forces of Mali']);
  assert.deepEqual(actors('cf'), ['Coalition des Patriotes pour le Changement', 'Military Forces of Central African Republic']);
});
