import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties, parseQuantity } from './casualties.js';

const figures = (s: string): [string, string, number, number, boolean][] =>
  findCasualties(s, { by: 'Dawn' }).map((c) => [c.kind, c.victims, c.range.min, c.range.max, Boolean(c.range.open)]);

test('quantities as ranges', () => {
  assert.deepEqual(parseQuantity('more than 200'), { min: 201, max: 201, open: true });
  assert.deepEqual(parseQuantity('at least 23'), { min: 23, max: 23, open: true });
  assert.deepEqual(parseQuantity('between 12 and 15'), { min: 12, max: 15 });
  assert.deepEqual(parseQuantity('15-20'), { min: 15, max: 20 });
  assert.deepEqual(parseQuantity('dozens'), { min: 24, max: 24, open: true });
  assert.deepEqual(parseQuantity('twenty-three'), { min: 23, max: 23 });
  assert.deepEqual(parseQuantity('around 40'), { min: 40, max: 40 });
});

test('the phrasings of wire copy and official statements', () => {
  assert.deepEqual(figures('Two people, including a woman, were killed.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('Five civilians, including a child, were killed and 35 others injured.'), [['killed', 'civilian', 5, 5, false], ['injured', 'unknown', 35, 35, false]]);
  assert.deepEqual(figures('At least 23 soldiers embraced martyrdom.'), [['killed', 'combatant', 23, 23, true]]);
  assert.deepEqual(figures('The strikes killed 10 civilians.'), [['killed', 'civilian', 10, 10, false]]);
  assert.deepEqual(figures('Five killed, 35 injured in Kabul explosion'), [['killed', 'unknown', 5, 5, false], ['injured', 'unknown', 35, 35, false]]);
  assert.deepEqual(figures('The death toll rose to 12 on Sunday.'), [['killed', 'unknown', 12, 12, false]]);
});

test('numbers that are not casualties are left alone', () => {
  assert.deepEqual(figures('A 48-hour ceasefire from 6 pm; the crossing is 5 km away.'), []);
  assert.deepEqual(figures('Talks in 2021 killed the deal.'), []);
});

test('each figure names who gave it, and the side when the text says', () => {
  const [c] = findCasualties('23 Pakistani soldiers were killed.', { by: 'ISPR' });
  assert.equal(c?.by, 'ISPR');
  assert.equal(c?.side, 'pakistani');
});

test('more of the genre: partitives, conjoined victims, "put … at", none, quotes, and parts of a toll', () => {
  assert.deepEqual(figures('A woman and a man were martyred.'), [['killed', 'civilian', 2, 2, false]]);
  // two groups of different standing stay two figures (the tally adds them to 12)
  assert.deepEqual(figures('Rockets killed 11 civilians, including children, and a soldier.'), [['killed', 'civilian', 11, 11, false], ['killed', 'combatant', 1, 1, false]]);
  assert.deepEqual(figures('He put the army\'s losses at 58 soldiers.'), [['killed', 'combatant', 58, 58, false]]);
  assert.deepEqual(figures('Nine fighters of the Islamic Emirate were martyred.'), [['killed', 'combatant', 9, 9, false]]);
  assert.deepEqual(figures('She was one of two people killed in the blast.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('The ministry said "more than 200" militants had been killed.'), [['killed', 'combatant', 201, 201, true]]);
  assert.deepEqual(figures('There were no casualties.'), [['killed', 'unknown', 0, 0, false], ['injured', 'unknown', 0, 0, false]]);
  assert.deepEqual(figures('The death toll from Thursday\'s strikes on the oil port has risen to 80.'), [['killed', 'unknown', 80, 80, false]]);
  assert.deepEqual(figures('Three cricketers had been killed along with other people.'), []);
  assert.deepEqual(figures('A large number of soldiers were killed.'), []);
  assert.deepEqual(figures('Two of the wounded were children.'), []);
});

test('separate tolls stay separate: each side its own figure, civilians marked, killed and injured apart', () => {
  assert.deepEqual(figures('The army said 201 Taliban and 23 soldiers were killed in the fighting.'), [['killed', 'combatant', 201, 201, false], ['killed', 'combatant', 23, 23, false]]);
  assert.deepEqual(figures('The clashes killed 201 Taliban and 23 soldiers, the military said.'), [['killed', 'combatant', 201, 201, false], ['killed', 'combatant', 23, 23, false]]);
  assert.deepEqual(figures('Four soldiers and three civilians were killed, and 15 people were wounded.'), [['killed', 'combatant', 4, 4, false], ['killed', 'civilian', 3, 3, false], ['injured', 'unknown', 15, 15, false]]);
  // one group, however described, is one figure
  assert.deepEqual(figures('The military said 201 Taliban and affiliated militants were killed.'), [['killed', 'combatant', 201, 201, false]]);
  assert.deepEqual(figures('Five women and three children were killed.'), [['killed', 'civilian', 8, 8, false]]);
  assert.deepEqual(figures('JNIM said it killed 15 Malian soldiers and lost three of its fighters.'), [['killed', 'combatant', 15, 15, false], ['killed', 'combatant', 3, 3, false]]);
  const [own] = findCasualties('Nine of its fighters died.', { by: 'Afghan Taliban', attributed: true });
  assert.equal(own?.group, 'of its fighters');
});

test('number words and vague quantities as ranges', () => {
  assert.deepEqual(figures('Dozens of people were killed and scores wounded in the attack.'), [['killed', 'unknown', 24, 24, true], ['injured', 'unknown', 40, 40, true]]);
  assert.deepEqual(figures('At least a dozen civilians were killed.'), [['killed', 'civilian', 12, 12, true]]);
  assert.deepEqual(figures('More than a dozen soldiers were killed and two dozen injured.'), [['killed', 'combatant', 13, 13, true], ['injured', 'combatant', 24, 24, false]]);
  assert.deepEqual(figures('Half a dozen villagers were wounded.'), [['injured', 'civilian', 6, 6, false]]);
  assert.deepEqual(figures('A handful of police officers were injured.'), [['injured', 'combatant', 2, 5, false]]);
  assert.deepEqual(figures('Forty-two people died and some 60 were injured.'), [['killed', 'unknown', 42, 42, false], ['injured', 'unknown', 60, 60, false]]);
  assert.deepEqual(figures('Hundreds of civilians have been killed.'), [['killed', 'civilian', 200, 200, true]]);
  assert.deepEqual(figures('Several soldiers were wounded.'), []);
});

test('murders and killings told as such (1988 wire copy)', () => {
  assert.deepEqual(findCasualties('Terrorists murdered four engineers last Sunday.', { by: 'EFE' }).map((c) => [c.kind, c.range.min]), [['killed', 4]]);
  assert.deepEqual(findCasualties('The army denied the murder of three peasants in Morazan.', { by: 'TCS' }).map((c) => [c.kind, c.range.min]), [['killed', 3]]);
});

test('one named person killed counts one; a named group does not', () => {
  assert.deepEqual(findCasualties('Four masked men stabbed Deputy Prefect Carlos Soto to death.', { by: 'x' }).map((c) => c.range.min), [1]);
  assert.deepEqual(findCasualties('Troops killed Islamic State fighters.', { by: 'x' }), []);
});

test('one person killed without a figure counts one (coders\' notes)', () => {
  assert.deepEqual(findCasualties('A group lynched and killed an alleged thief in Godomey.', { by: 'x' }).map((c) => c.range.min), [1]);
  assert.deepEqual(findCasualties('A group burned to death two suspected robbers.', { by: 'x' }).map((c) => c.range.min), [2]);
  assert.deepEqual(findCasualties('Farmers killed livestock.', { by: 'x' }), []);
});

test('a toll over a period or a whole war is no event\'s figure', () => {
  assert.deepEqual(figures('Since the war began, 5,000 have been killed.'), []);
  assert.deepEqual(figures('Bernales said that 403 people were killed in November as a result of violent acts.'), []);
  assert.deepEqual(figures('Thirteen thousand people have been killed since the beginning of its activities in 1980.'), []);
  assert.deepEqual(figures('A total of six engineers have been murdered this week.'), []);
  assert.deepEqual(figures('A total of 227 people were killed in urban violent acts.'), []);
  assert.deepEqual(figures('When there is an armed struggle and when thousands are killed on the battlefield, nobody learns.'), []);
  // a figure dated to its day stays an event's
  assert.deepEqual(figures('Twelve people were killed on Sunday in the third attack this month.'), [['killed', 'unknown', 12, 12, false]]);
  assert.deepEqual(figures('Five people were killed on 3 November in Kabul.'), [['killed', 'unknown', 5, 5, false]]);
});

test('idioms, ranks and one person told with a singular verb', () => {
  assert.deepEqual(figures('It was like killing two birds with one stone.'), []);
  assert.deepEqual(figures('Five terrorists and an Army corporal were killed in a clash.'), [['killed', 'combatant', 5, 5, false], ['killed', 'combatant', 1, 1, false]]);
  assert.deepEqual(figures('Sipi Mayor Manuel Cruz was seriously wounded by a gunshot.'), [['injured', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('The justice of the peace from Aquira was also murdered.'), [['killed', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('No one was killed.'), [['killed', 'unknown', 0, 0, false]]);
});

test('a toll raised by a later find', () => {
  assert.deepEqual(figures('Rescuers found six more bodies, raising the toll to 27.'), [['killed', 'unknown', 27, 27, false]]);
  assert.deepEqual(figures('bringing the death toll to at least 40'), [['killed', 'unknown', 40, 40, true]]);
});

test('victims listed one by one or by name count one each; a list opening with a figure is read group by group (issue 10)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);
  assert.deepEqual(killed('Terrorists killed a university professor, a policeman, and a pedestrian on Saturday.'), [3]);
  assert.deepEqual(killed('The guerrillas murdered the mayor of Sipi and his two bodyguards.'), [3]);
  assert.deepEqual(killed('Gunmen murdered Jose Perez and Juan Gomez yesterday.'), [2]);
  assert.deepEqual(killed('Thomas Pellissier and Corine Seguin were murdered last Sunday.'), [2]);
  assert.deepEqual(killed('Gunmen killed 11 civilians and a soldier on Sunday.'), [11, 1]);
  assert.deepEqual(killed('Police killed the peasants and a guard.'), [1]);
});

test('a toll of "the past few hours" sums a day\'s incidents, not one (issue 10)', () => {
  assert.deepEqual(figures('Two soldiers and a rebel were killed in skirmishes around the country in the past few hours.'), []);
  assert.deepEqual(figures('Terrorists during the past few hours killed a professor, a policeman, and a pedestrian.'), []);
});

test('the dead told by their bodies: found, discovered or recovered, or people found dead (issue 10)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);
  assert.deepEqual(killed('The bodies of three peasants were found near the road.'), [3]);
  assert.deepEqual(killed('Police found the bodies of 12 men on Sunday.'), [12]);
  assert.deepEqual(killed('Two decomposed bodies were discovered on Sunday.'), [2]);
  assert.deepEqual(killed('Eight persons were found dead in their homes.'), [8]);
  assert.deepEqual(killed('The bodies of the victims were found.'), []);
});

test('the people wire copy counts: bodyguards, hostages, passengers, missionaries, foreigners by nationality (issue 10)', () => {
  assert.deepEqual(figures('Two bodyguards were killed and three others were wounded.'), [['killed', 'combatant', 2, 2, false], ['injured', 'unknown', 3, 3, false]]);
  assert.deepEqual(figures('Two of the hostages were killed.'), [['killed', 'civilian', 2, 2, false]]);
  assert.deepEqual(figures('Three passengers died when the bus was blown up.'), [['killed', 'civilian', 3, 3, false]]);
  assert.deepEqual(figures('Two American missionaries were shot dead last night.'), [['killed', 'civilian', 2, 2, false]]);
  assert.deepEqual(figures('Four Italians were wounded in the explosion.'), [['injured', 'civilian', 4, 4, false]]);
  assert.deepEqual(figures('Five trade unionists were kidnapped and later killed.'), [['killed', 'civilian', 5, 5, false]]);
  // (the rebels' own dead stay out of the list: MUC's keys count the victims of an attack, not the attackers)
  assert.deepEqual(figures('Three guerrillas were killed in the fighting.'), []);
});

test('one victim told by a role or a name without a figure; the dead identified by name (issue 10)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);
  assert.deepEqual(killed('The engineer was killed on the spot.'), [1]);
  assert.deepEqual(killed('The mayor of San Rafael died on the way to the hospital.'), [1]);
  assert.deepEqual(killed('Councilman Ramon Vilca died instantly.'), [1]);
  assert.deepEqual(killed('Cooperative leader Jose Perez was found dead near his farm.'), [1]);
  assert.deepEqual(killed('Unidentified men assassinated union leader Hector Paez at his home.'), [1]);
  assert.deepEqual(killed('The grenade killed the driver and seriously injured two passengers.'), [1]);
  assert.deepEqual(killed('The dead were identified as Mario Rivas, Ana Torres and Luis Quispe.'), [3]);
  assert.deepEqual(killed('The bodies of four farmers who had been kidnapped on Sunday were found today.'), [4]);
  // a plural, a word opening the sentence alone: no figure
  assert.deepEqual(killed('The engineers died.'), []);
  assert.deepEqual(killed('Hope died.'), []);
});

test('one victim told by a pronoun: "killed her", "shot him dead", "He died on the way to the hospital" (issue 10)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);
  assert.deepEqual(killed('Armed men broke into the judge\'s home and killed her in front of her children.'), [1]);
  assert.deepEqual(killed('The gunmen shot him dead as he left the church.'), [1]);
  assert.deepEqual(killed('He died on the way to the hospital.'), [1]);
  // no figure for a plural pronoun, a threat, or a death of long ago
  assert.deepEqual(killed('They killed them.'), []);
  assert.deepEqual(killed('They threatened to kill him.'), []);
  assert.deepEqual(killed('She died in 1985.'), []);
});

test('a victim named with what they are set off by commas is one item of the list (issue 10)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);
  assert.deepEqual(killed('Gunmen shot and killed Mario Alberto Rivas, the minister of labour, and his driver outside his home.'), [2]);
  assert.deepEqual(killed('Gunmen killed Jose Perez, the mayor, and Juan Gomez.'), [2]);
});

test('wire copy: a toll left by an attack on something, lives claimed, victims listed before the verb', () => {
  // "a bus left nine" is no victim described: the figure is the nine left dead
  assert.deepEqual(figures('A terrorist attack on a bus left nine people dead and 20 wounded yesterday in Aucayacu.'), [['killed', 'unknown', 9, 9, false], ['injured', 'unknown', 20, 20, false]]);
  assert.deepEqual(figures('Guerrillas attacked the town of Tocache, claiming the lives of 12 people.'), [['killed', 'unknown', 12, 12, false]]);
  assert.deepEqual(figures('The blast cost the lives of four soldiers.'), [['killed', 'combatant', 4, 4, false]]);
  assert.deepEqual(figures('A judge, his secretary, and a driver were killed today in an ambush in Medellin.'), [['killed', 'civilian', 3, 3, false]]);
  assert.deepEqual(figures('The mayor and his two bodyguards were murdered.'), [['killed', 'combatant', 3, 3, false]]);
  assert.deepEqual(figures('Gunmen killed a judge, his secretary and a driver.'), [['killed', 'unknown', 3, 3, false]]);
  // a list opening with a figure is still read group by group
  assert.deepEqual(figures('Two soldiers and a civilian were killed.'), [['killed', 'combatant', 2, 2, false], ['killed', 'civilian', 1, 1, false]]);
});

test('a list whose item is a group of no figure gives no sum', () => {
  assert.deepEqual(figures('A senior militant and an unknown number of fighters were killed.').filter(([, , n]) => n > 1), []);
});

test('a victim listed with the seat of his office counts one, whatever the seat ends in (issue 10)', () => {
  // ("Remedios" ends in s: the plural test read the whole item, and "the mayor of Remedios" was no count)
  assert.deepEqual(figures('Guerrillas killed the mayor of Remedios and a policeman.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('Guerrillas murdered the mayor of the town of Huanta, Ayacucho Department, and two of his aides.'), [['killed', 'unknown', 3, 3, false]]);
});

test('one victim named for an office or trade not of a force is a civilian (issue 10)', () => {
  assert.deepEqual(figures('Terrorists shot and killed Jorge Luna, mayor of the district of Pichari, on Wednesday night.'), [['killed', 'civilian', 1, 1, false]]);
  assert.deepEqual(figures('Gunmen killed peasant leader Jose Perez yesterday.'), [['killed', 'civilian', 1, 1, false]]);
  assert.deepEqual(figures('Gunmen killed Jose Perez, a police officer, yesterday.'), [['killed', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('Gunmen killed Jose Perez yesterday.'), [['killed', 'unknown', 1, 1, false]]);
});

test('one named victim told as a noun, initials and an aside in dashes before the verb, and someone\'s driver (issue 10)', () => {
  assert.deepEqual(figures('The minister condemned the murder of former Senate President Tomas Ruiz Olmedo.'), [['killed', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('The rebels were blamed for the assassination of Dr Ana Maria Castro and called it a provocation.'), [['killed', 'unknown', 1, 1, false]]);
  // a group is no figure of one, and two people named are two (victim-lists.ts)
  assert.deepEqual(figures('They condemned the murder of Jesuit priests.'), []);
  assert.deepEqual(figures('They condemned the killing of Pedro Arias and Luis Mena.').map((f) => f[2]), [2]);
  assert.deepEqual(figures('Two U.S. engineers -- both from Texas -- were shot to death on the road.'), [['killed', 'civilian', 2, 2, false]]);
  assert.deepEqual(figures('Three Swiss citizens were killed in the blast.'), [['killed', 'civilian', 3, 3, false]]);
  assert.deepEqual(figures("In the ambush the judge's driver was killed."), [['killed', 'civilian', 1, 1, false]]);
});

test('the killing a protest is against is not the protest\'s toll (issue 10)', () => {
  assert.deepEqual(figures('Students staged a protest in the town against the killing of Rafiq Ahmed Khan.'), []);
  assert.deepEqual(figures('Youths beat a trader in relation to the recent killing of civilians in the Lower Shabelle.'), []);
});

test('a toll over the last quarter or half of a year is a period\'s (issue 10)', () => {
  assert.deepEqual(figures('Some 900 villagers were murdered during the last quarter of 1991 in political violence.'), []);
  assert.deepEqual(figures('Some 900 villagers were murdered in the raid.'), [['killed', 'civilian', 900, 900, false]]);
});

test('one named person set off by what they are, then killed: one, a civilian unless the words set off name a force (issue 10)', () => {
  assert.deepEqual(figures('Danilo Barillas, former Guatemalan ambassador to Spain and leader of the ruling Christian Democratic Party [PDC], was killed today by unidentified individuals.'), [['killed', 'civilian', 1, 1, false]]);
  assert.deepEqual(figures('Jose Perez, a police corporal, was shot to death in the attack.'), [['killed', 'combatant', 1, 1, false]]);
  assert.deepEqual(figures('The peasants, who lived near the river, were killed.'), []);
  assert.deepEqual(figures('Colonel Ponce, the army chief, was wounded.'), []);
});

test('the church\'s people killed are civilians, counted with those named beside them (issue 10)', () => {
  const killed = findCasualties('The six Jesuits and two more persons were killed on 16 November, shot during the night by armed men.', { by: 'Wire' }).filter((c) => c.kind === 'killed');
  assert.deepEqual(killed.map((c) => [c.range.min, c.range.max, c.victims]), [[8, 8, 'civilian']]);
  assert.deepEqual(findCasualties('Two clergymen were murdered last night.', { by: 'Wire' }).map((c) => [c.kind, c.range.max, c.victims]), [['killed', 2, 'civilian']]);
});

test('where the victims were going, between them and the verb, leaves the toll theirs (issue 10)', () => {
  assert.deepEqual(figures('At least seven presidential guards travelling aboard a military bus were killed today in an attack.'), [['killed', 'combatant', 7, 7, true]]);
  assert.deepEqual(figures('Two soldiers riding in a truck were wounded.'), [['injured', 'combatant', 2, 2, false]]);
});

test('"shot and killed", "stabbed and killed": the killing told after what was done first (issue 10)', () => {
  assert.deepEqual(figures('Two peasants were shot and killed today.'), [['killed', 'civilian', 2, 2, false]]);
  assert.deepEqual(figures('Mauricio Pineda, a sound technician for the local station, was shot and killed today.').filter((c) => c[0] === 'killed'), [['killed', 'civilian', 1, 1, false]]);
  // (shot and wounded is wounded)
  assert.deepEqual(figures('Two soldiers were shot and wounded.'), [['injured', 'combatant', 2, 2, false]]);
});

test('wire copy tells its dead with who they were set off, by their deaths or bodies, and with those killed beside them (issue 10)', () => {
  // a relative clause between the victims and the verb
  assert.deepEqual(figures("It has been learned that a man, who is believed to have been the watchman at channel 7's tower, was killed by the bomb."), [['killed', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('The driver of the vehicle, whom authorities have not yet identified, was also killed in the attack.'), [['killed', 'civilian', 1, 1, false]]);
  // the death or assassination of a counted group, a victim word and its noun, "and their two maids"
  assert.deepEqual(figures('The army accepted responsibility for the death of two reporters who were shot by soldiers.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('The officer involved in the death of six Jesuits and their two maids followed orders.'), [['killed', 'civilian', 8, 8, false]]);
  assert.deepEqual(figures('They were charged with the murder of six Jesuit priests and two employees.'), [['killed', 'civilian', 8, 8, false]]);
  assert.deepEqual(figures('After the 16 November assassination of six Jesuits, five of them Spaniards, they left.'), [['killed', 'civilian', 6, 6, false]]);
  // bodies: whose they are, how they were, one body
  assert.deepEqual(figures('Travellers said that on 23 September 28 bodies of alleged peasants were found near the town of Chullas.'), [['killed', 'civilian', 28, 28, false]]);
  assert.deepEqual(figures('Two bodies, one headless and the other with bullet wounds, were found on 8 November in Soyapango.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('Judicial sources have reported that the body of an unidentified man was found on 9 November.'), [['killed', 'unknown', 1, 1, false]]);
  // a verb with an object is no headline's "five killed": the five did it
  assert.deepEqual(figures('About five individuals shot to death a watchman who tried to stop them.'), [['killed', 'civilian', 1, 1, false]]);
  // those killed along with the one counted, and the surname alone set off by what the man was
  const along = findCasualties('Rodriguez Porth, 65, was killed at 0815 near his home in San Salvador, along with two of his bodyguards.', { by: 'x' });
  assert.deepEqual(along.map((c) => [c.range.max, Boolean(c.also)]), [[1, false], [2, true]]);
  assert.deepEqual(figures('Police sources reported that Barillas, ambassador to Spain during the first 2 years of the administration, which began in 1986, was gunned down by unidentified persons.'), [['killed', 'civilian', 1, 1, false]]);
});

test('the death a protest followed or was about is no toll of the protest (issue 10)', () => {
  assert.deepEqual(figures('Students staged a demonstration for the second day following the death of 2 students in a road crash.'), []);
  assert.deepEqual(figures('Workers protested against the death of a fellow worker.'), []);
  assert.deepEqual(figures('Students demanded exemplary punishment of those responsible for the death of five people.'), []);
});

test('a body whose finding a protest is about is no toll of the protest (issue 10)', () => {
  assert.deepEqual(figures('Locals staged a human chain, demanding justice after the body of a madrassa student was found hanging.'), []);
});

test('a named person told "died" or "found dead" with who they were set off, and two named by "and of" (issue 10)', () => {
  assert.deepEqual(figures('He said Guillermo Rojas, the leftist trade union leader, died in Soyapango Municipality.'), [['killed', 'civilian', 1, 1, false]]);
  assert.deepEqual(figures('The party reported that Hector Oqueli, who was kidnapped in Guatemala, was found dead.'), [['killed', 'civilian', 1, 1, false]]);
  assert.deepEqual(figures('The FMLN condemned the assassination of MNR Leader Hector Oqueli and of Guatemalan Attorney Gilda Flores.').map((f) => f[2]), [2]);
  assert.deepEqual(figures('They were shocked by the assassination of Colombian political leader Luis Carlos Galan.').map((f) => f[2]), [1]);
  // (a name set off and a death told of something else stays no figure)
  assert.deepEqual(figures('Hope, the old saying goes, died last.'), []);
});

test('a surname opening a sentence told "died" as a person dies is one dead (issue 10)', () => {
  assert.deepEqual(figures('Navas died and Galdamez was seriously injured.').filter((f) => f[0] === 'killed').map((f) => f[2]), [1]);
  assert.deepEqual(figures('Pineda died instantly.').map((f) => f[2]), [1]);
  // (a noun opening a sentence is no person)
  assert.deepEqual(figures('Hope died last.'), []);
});

test('those also killed beside one named, and a last role sharing the word before the first (issue 10)', () => {
  assert.deepEqual(figures('His bodyguard and driver were killed.').map((f) => f[2]), [2]);
  assert.deepEqual(figures('They denounced the assassination of Minister Jose Antonio Rodriguez Porth in an attack in which his bodyguard and driver were also killed.').map((f) => f[2]), [1, 2]);
  // (a plural last role gives no figure)
  assert.deepEqual(figures('His wife and children were killed.'), []);
});

test('a day of the month before the victims is no count of them (issue 10)', () => {
  assert.deepEqual(figures('On 24 May two U.S. citizens, who belonged to a religious organization, were murdered.').map((f) => f[2]), [2]);
  assert.deepEqual(figures('On 3 March five soldiers were killed.').map((f) => f[2]), [5]);
});

test('a killing told of "the" counted victims, of more "and of" others, and in a clause of their own (issue 10)', () => {
  assert.deepEqual(figures('In the investigation of the murder of the six Jesuit priests, it is obstructing justice.').map((f) => f[2]), [6]);
  assert.deepEqual(figures('Eight soldiers were accused of assassinating the six Jesuit priests.').map((f) => f[2]), [6]);
  assert.deepEqual(figures('The strike followed the murder of a Medellin judge and of two Justice Ministry employees in Valle del Cauca.').map((f) => f[2]), [3]);
  assert.deepEqual(figures('They attended the funeral of the 10 union leaders who were killed on 31 October.').map((f) => f[2]), [10]);
  // (those who killed are no dead, nor a war's toll told in the perfect)
  assert.deepEqual(figures('Two men who had killed a soldier fled.').map((f) => f[2]), [1]);
  assert.deepEqual(figures('It adds to the more than 100,000 persons who have been murdered.'), []);
  assert.deepEqual(figures('More than 200 workers staged a protest, demanding justice for their two fellow workers who were beaten to death.'), []);
});

test("coders' notes' victims: militias, a group's member, prisoners; the object of 'killed' is no subject of 'were injured' (issue 10)", () => {
  const found = (s: string) => findCasualties(s, { by: 'ACLED', attributed: false }).map((c) => [c.kind, c.range.min, c.range.max]);
  assert.deepEqual(found('1 clan militia was killed.'), [['killed', 1, 1]]);
  assert.deepEqual(found('3 Hawadle clan militia and 2 Al Shabaab were killed.'), [['killed', 5, 5]]);
  assert.deepEqual(found('1 senior member was killed.'), [['killed', 1, 1]]);
  assert.deepEqual(found('Police forces opened fire at the prisoners, and 1 prisoner was killed and 3 others were injured.'), [['killed', 1, 1], ['injured', 3, 3]]);
  // ("killed 4 soldiers and 8 others were injured": the 4 were not injured)
  assert.deepEqual(found('Al Shabaab claimed to have killed 4 soldiers and 8 others were injured.'), [['killed', 4, 4], ['injured', 8, 8]]);
});

test('counted groups listed before a verb add up, each kind and side a figure of its own', () => {
  const killed = (s: string): number => findCasualties(s, { by: 'x' }).filter((c) => c.kind === 'killed').reduce((n, c) => n + c.range.min, 0);
  assert.equal(killed('One army lieutenant, four soldiers, and three civilians were killed during the attacks.'), 8);
  assert.equal(killed('Three policemen, two soldiers and four civilians were killed yesterday.'), 9);
  assert.equal(killed('Two policemen, a soldier, three peasants and a child were killed.'), 7);
  // (a group that is a verb's object is not listed with the next one's: "killed 3 soldiers, 2 civilians were wounded")
  assert.deepEqual(figures('The rebels killed 3 soldiers, 2 civilians were wounded.'), [['killed', 'combatant', 3, 3, false], ['injured', 'civilian', 2, 2, false]]);
});

test('an age is no count, and a toll of ten thousand or more is a war\'s, not an incident\'s', () => {
  assert.deepEqual(figures('Foreign Minister Alois Mock condemned the killing of 42-year-old Josef Piescher, a Vienna development worker.'), [['killed', 'unknown', 1, 1, false]]);
  assert.deepEqual(figures('Arias stressed the difficulty of ending a violence that has lasted 10 years and killed more than 70,000 people.'), []);
  assert.deepEqual(figures('There will be disputes between those who murdered Monsignor Romero and massacred 70,000 Salvadorans.').filter((f) => f[2] >= 10_000), []);
  assert.deepEqual(figures('The blast killed 1,200 people.'), [['killed', 'unknown', 1200, 1200, false]]);
});

test('a killing told as a noun its victim owns is one dead (wire22)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'x' }).filter((c) => c.kind === 'killed').map((c) => c.range.min);
  assert.deepEqual(killed("he added that pizarro's murder was useless because the m-19 will continue its struggle."), [1]);
  assert.deepEqual(killed("concerning dr jose antonio rodriguez porth's death, the general command reports the following."), [1]);
  assert.deepEqual(killed('a nightmare for the masterminds and perpetrators of his abominable assassination.'), [1]);
  // the owner is the killer, or the noun qualifies another, or the owner is a day: no count
  assert.deepEqual(killed("they condemned the army's murder of civilians in the region."), []);
  assert.deepEqual(killed("the brigade's death squads threatened the opposition."), []);
  assert.deepEqual(killed("yesterday's murder shocked the country."), []);
});

test('an age between the figure and the victims is part of their description (wire22)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'x' }).filter((c) => c.kind === 'killed').map((c) => c.range.min);
  assert.deepEqual(killed('Two 14-year-old boys were killed when guerrillas attacked the town.'), [2]);
  assert.deepEqual(killed('Guerrillas killed two 12-year-old girls in San Miguel.'), [2]);
});

test('an aside of any count of the victims between them and the verb (wire22)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'x' }).filter((c) => c.kind === 'killed').map((c) => c.range.min);
  assert.deepEqual(killed('They attended the funeral of six Jesuit priests, five of them Spaniards, who were killed on Thursday.'), [6]);
  assert.deepEqual(killed('Six Jesuit priests, five of them Spaniards, were killed on Thursday.'), [6]);
});

test('a death "following" or "over" which no crowd reacted is the killing told; a protest\'s is not its toll (wire22)', () => {
  const killed = (s: string): number[] => findCasualties(s, { by: 'x' }).filter((c) => c.kind === 'killed').map((c) => c.range.min);
  assert.deepEqual(killed('His departure occurred following the assassination of six Jesuits who were machinegunned on 15 November.'), [6]);
  assert.deepEqual(killed('Students staged a demonstration following the death of two students.'), []);
});

test('a span of time is no count of people, and groups joined by "and" with a figure each are summed, an adult among them (issue 10)', () => {
  assert.deepEqual(figures('In 8 days many common people and community leaders have also been killed.'), []);
  assert.deepEqual(figures('On 11 February, one adult and four minors were killed when a helicopter strafed a camp.'), [['killed', 'civilian', 5, 5, false]]);
});
