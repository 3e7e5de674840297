import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notConflict } from './not-conflict.js';

test('disasters, accidents and crime are set aside, with the reason', () => {
  const quake = 'A magnitude 6.1 earthquake struck the province on Tuesday, killing 12 people.';
  assert.equal(notConflict(quake, quake), 'a natural disaster or epidemic');
  const crash = 'Four people were injured when a tank at the gas plant exploded Thursday night, and firefighters were called.';
  assert.equal(notConflict(crash, crash), 'an accident');
  const robbery = 'A man robbed a bank on Monday morning and barricaded himself inside a hotel room.';
  assert.equal(notConflict(robbery, robbery), 'ordinary crime');
});

test('a story with a party to a conflict stays a conflict story', () => {
  const s = 'Militants attacked a convoy bringing aid to flood victims, killing three soldiers.';
  assert.equal(notConflict(s, s), null);
  const t = 'Troops clashed with rebels on Monday.';
  assert.equal(notConflict(t, `${t} Floods had cut the road last year.`), null);
});

test('a protest about an epidemic is a protest; a factory blast or a fireworks depot is an accident (issue 10)', () => {
  const p = 'On 6 May 2020, about 50 nurses demonstrated outside the hospital, demanding protective equipment against the coronavirus.';
  assert.equal(notConflict(p, p), null);
  const plant = 'Six people were killed and two others injured when a chemical plant exploded on Thursday morning.';
  assert.equal(notConflict(plant, plant), 'an accident');
  const depot = 'Fifteen people were killed when an illegal fireworks warehouse exploded in the province.';
  assert.equal(notConflict(depot, depot), 'an accident');
});

test('looting is not set aside as a disaster\'s story', () => {
  const shop = 'The community policing forum has expressed concern after a shop was looted in the area during the COVID-19 lockdown.';
  assert.equal(notConflict(shop, shop), null);
  const quake = 'A 6.1 magnitude earthquake struck the province on Tuesday, killing 12 people and destroying homes.';
  assert.equal(notConflict(quake, quake), 'a natural disaster or epidemic');
});

test('an aircraft that crashed off the coast is an accident (issue 10)', () => {
  const crash = 'A light aircraft with seven people on board crashed off the coast early Saturday, local media reported.';
  assert.equal(notConflict(crash, crash), 'an accident');
});

test('a beheaded or dismembered body is a conflict story even when gangs are named (ACLED codes it, issue 10)', () => {
  const lede = 'A man was found dead in the neighbourhood. The victim was beheaded. The killing could be related to disputes between gangs.';
  assert.equal(notConflict(lede, lede), null);
});

test('hacked to death is no computer crime, and a fire someone set is no accident (issue 10)', () => {
  const machete = 'Assailants hacked a man to death with machetes.';
  assert.equal(notConflict(machete, machete), null);
  const hack = 'Hackers hacked the ministry\'s servers and stole data.';
  assert.equal(notConflict(hack, hack), 'ordinary crime');
  const arson = 'Unknown persons torched a church; the blaze destroyed the roof.';
  assert.equal(notConflict(arson, arson), null);
  const blaze = 'A blaze destroyed a market in the capital on Sunday.';
  assert.equal(notConflict(blaze, blaze), 'an accident');
});

test('explosions no accident explains are no crime story, whatever the town is known for (issue 10)', () => {
  const blasts = 'Three strong explosions occurred last night in Medellin, a drug trafficking center in Colombia. At least five people were wounded.';
  assert.equal(notConflict(blasts, blasts), null);
  // (a gas explosion is still an accident)
  const gas = 'A gas cylinder explosion in a restaurant killed three people, police said.';
  assert.equal(notConflict(gas, gas), 'an accident');
});

test("force the state's agents use, and violence someone does during an epidemic, are conflict stories (issue 10)", () => {
  const soldier = 'On 4 July 2025, a government soldier (SNA) shot and killed a civilian in Mogadishu. The soldier accused the civilian of robbery.';
  assert.equal(notConflict(soldier, soldier), null);
  const gendarmes = 'On 5 May 2020, the gendarmerie forces beat and injured a woman at a checkpoint aiming at restricting movements to combat the coronavirus.';
  assert.equal(notConflict(gendarmes, gendarmes), null);
  const guard = 'On 1 May 2020, a security guard fatally shot a man who was not wearing a face mask during the national coronavirus lockdown.';
  assert.equal(notConflict(guard, guard), null);
  // (still crime: the police only tell it; still an epidemic's story: nobody's violence)
  const told = 'Police said the robbers shot the guard and fled with the cash.';
  assert.equal(notConflict(told, told), 'ordinary crime');
  const disease = 'The coronavirus outbreak has killed 40 people in the province, health officials said.';
  assert.equal(notConflict(disease, disease), 'a natural disaster or epidemic');
});
