import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asWritten, isShouting, recase } from './recase.js';
import { gazetteer } from './gazetteer.js';
import { actorTable } from './actors.js';

test('a text in capitals is read in sentence case, names kept', () => {
  const text = 'THREE SOLDIERS WERE KILLED ON 30 DECEMBER IN USULUTAN AND MORAZAN DEPARTMENTS BY THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]. THE FMLN DENIED IT IN SAN SALVADOR.';
  assert.ok(isShouting(text));
  const out = recase(text, gazetteer(), actorTable());
  assert.equal(out, 'Three soldiers were killed on 30 December in Usulutan and Morazan Departments by the Farabundo Marti National Liberation Front [FMLN]. The FMLN denied it in San Salvador.');
});

test('ordinary text is left alone', () => {
  const s = 'The UN said NATO troops were in Kabul.';
  assert.equal(isShouting(s), false);
  assert.equal(recase(s, gazetteer(), actorTable()), s);
});

const rc = (s: string): string => recase(s, gazetteer(), actorTable());

test('hard-wrapped lines start no sentence; paragraphs, tags and opening quotes do, initials do not', () => {
  assert.equal(rc('LIMA, 5 OCT 89 (EFE) -- [TEXT] UNOFFICIAL SOURCES\nREPORTED THAT 2,500 PEOPLE HAVE BEEN DETAINED.\n\n   THE RAIDS BEGAN TODAY.'),
    'Lima, 5 Oct 89 (EFE) -- [Text] Unofficial sources\nreported that 2,500 people have been detained.\n\n   The raids began today.');
  assert.equal(rc('THEY WERE KILLED "TUESDAY NIGHT" IN THE CITY. TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH THERE.'),
    'They were killed "Tuesday night" in the city. Two U.S. mormon missionaries were shot to death there.');
});

test('names of several words opened by an article, and possessives', () => {
  assert.equal(rc('THEY SAID THAT PEACE IN EL SALVADOR IS NEAR, AND SAN SALVADOR\'S CITY BLOCKS WERE QUIET AGAIN.'),
    'They said that peace in El Salvador is near, and San Salvador\'s city blocks were quiet again.');
});

test('people named after a title, at a sentence start before a title, or as a speaker; the surname wherever it recurs', () => {
  assert.equal(rc('GUERRILLAS KILLED FORMER SUPREME COURT PRESIDENT FRANCISCO JOSE GUERRERO TODAY. GUERRERO WAS 60. IT CAUSED GENERAL PANIC.'),
    'Guerrillas killed former supreme court President Francisco Jose Guerrero today. Guerrero was 60. It caused general panic.');
  assert.equal(rc('SAN SALVADOR, 1 AUG 89 (EFE) -- [TEXT] DANILO BARILLAS, FORMER AMBASSADOR TO SPAIN, WAS KILLED TODAY BY UNIDENTIFIED MEN.'),
    'San Salvador, 1 Aug 89 (EFE) -- [Text] Danilo Barillas, former ambassador to Spain, was killed today by unidentified men.');
  assert.equal(rc('THE MINISTER SPOKE TODAY ABOUT THE ATTACKS. [BEGIN RECORDING] [MERINO] WE WILL NOT PERMIT THAT. [END RECORDING]'),
    'The minister spoke today about the attacks. [Begin recording] [Merino] We will not permit that. [End recording]');
  // a known place before an office is its seat
  assert.equal(rc('FOUR MASKED INDIVIDUALS STABBED PISCO DEPUTY PREFECT CARLOS SOTO SEDICE TO DEATH TODAY.'),
    'Four masked individuals stabbed Pisco Deputy Prefect Carlos Soto Sedice to death today.');
});

test('acronyms: bracketed after words, or of consonants only; a tag or a title is none', () => {
  assert.equal(rc('LIMA, 5 OCT 89 (EFE) -- [TEXT] THE FMLN AND THE FPMR ATTACKED THE KM 5 POST TODAY, MSGR ROMERO SAID; THE TEXT OF THE COMMUNIQUE WAS READ.'),
    'Lima, 5 Oct 89 (EFE) -- [Text] The FMLN and the FPMR attacked the km 5 post today, Msgr Romero said; the text of the communique was read.');
});

test('places the text calls villages, units or localities, and their compounds', () => {
  assert.equal(rc('FIFTEEN CIVILIANS WERE KILLED TODAY IN EL TOMATE, CANALETES MUNICIPALITY, CORDOBA DEPARTMENT, BY A GANG.'),
    'Fifteen civilians were killed today in El Tomate, Canaletes Municipality, Cordoba Department, by a gang.');
  assert.equal(rc('IN PAUCARBAMBILLA, A LOCALITY IN HUANUCO, TWO MEN DIED. THE ATTACK OCCURRED IN JUNTAS DE URAMITA AND NEAR TONGOY BEACH.'),
    'In Paucarbambilla, a locality in Huanuco, two men died. The attack occurred in Juntas de Uramita and near Tongoy beach.');
  assert.equal(rc('THEY ATTACKED THE VILLAGE OF LA FONDA AND THEN THE SAME VILLAGE AGAIN, IN THE HAND OF DRUG TRAFFICKERS.'),
    'They attacked the village of La Fonda and then the same village again, in the hand of drug traffickers.');
});

test('a country name that is a common word is no country alone', () => {
  assert.equal(rc('IT OBLIGES US TO ACT, AND WITNESSES HEARD TWO BURSTS OF GUNFIRE TODAY.'), 'It obliges us to act, and witnesses heard two bursts of gunfire today.');
});

test('sentences of a recased text are quoted as written', () => {
  const original = 'BOGOTA, 3 JUN 89 (EFE) -- [TEXT] 15 CIVILIANS WERE KILLED IN EL TOMATE,\nCORDOBA DEPARTMENT.  THE POLICE SAID SO.';
  const quote = asWritten(rc(original), original);
  assert.equal(quote('The police said so.'), 'THE POLICE SAID SO.');
  assert.equal(quote('15 civilians were killed in El Tomate, Cordoba Department.'), '15 CIVILIANS WERE KILLED IN EL TOMATE, CORDOBA DEPARTMENT.');
  assert.equal(quote('not in it'), 'not in it');
});

test('an article in capitals is read recased and quoted in capitals', async () => {
  const { ingest } = await import('./index.js');
  const r = ingest([{ id: 'w', text: 'PISCO, 23 NOV 88 (LIMA DOMESTIC SERVICE) -- [TEXT] AT APPROXIMATELY 0400 THIS MORNING, FOUR MASKED INDIVIDUALS\nSTABBED PISCO DEPUTY PREFECT CARLOS SOTO SEDICE TO DEATH.' }]);
  const e = r.events[0]!;
  assert.equal(e.where[0]?.name, 'Pisco');
  assert.deepEqual([e.fatalities?.min, e.fatalities?.max], [1, 1]);
  assert.match(e.sources[0]!.sentence, /^AT APPROXIMATELY 0400 THIS MORNING, FOUR MASKED INDIVIDUALS STABBED PISCO DEPUTY PREFECT/);
});

test('a place found by its cue is a place where it recurs; a trade before a name stays in small letters', () => {
  assert.equal(rc('THEY WERE KILLED IN EL TOMATE VILLAGE. THE EL TOMATE ATTACK WAS CONDEMNED BY PROFESSOR HERMINIO PARRA.'),
    'They were killed in El Tomate village. The El Tomate attack was condemned by professor Herminio Parra.');
});

test('a quotation, a bracket or a tag opens a sentence only where one may start; "to" before a verb\'s object is no cue of a place (issue 10)', () => {
  // ("Will" and "Comfort" had been read as towns in the United States)
  assert.equal(rc('THE FMLN SAID THAT SATURDAY\'S CLASH "WILL SET THE TONE" FOR THE TALKS. THE OLIGARCHS WHO [WILL ] REACH POWER ARE KNOWN. HE SAID: "WE WILL WIN." "WE WILL WIN," HE ADDED.'),
    'The FMLN said that Saturday\'s clash "will set the tone" for the talks. The oligarchs who [will ] reach power are known. He said: "We will win." "We will win," he added.');
  assert.equal(rc('THE WOUNDED MOTHER TRIES TO COMFORT HER DAUGHTER. THE TROOPS MOVED TO TECOLUCA TODAY.'), 'The wounded mother tries to comfort her daughter. The troops moved to Tecoluca today.');
  // (nor is "in" before a preposition of several words: "in front of")
  assert.equal(rc('A BOMB EXPLODED IN FRONT OF A BANK IN TECOLUCA TODAY.'), 'A bomb exploded in front of a bank in Tecoluca today.');
  assert.equal(rc('THE GUERRILLAS AND THE GOVERNMENT AGREED ON "ROUNDTABLES." LAST WEEK THEY MET.'), 'The guerrillas and the government agreed on "roundtables." Last week they met.');
});

test('people named after what they are in small letters, or set off by "former", a title or an age anywhere in a sentence (issue 10)', () => {
  assert.equal(rc('THIS MORNING, UP LEGAL ADVISOR ABELARDO DAZA WAS SHOT. THE PRESIDENTIAL CANDIDATE WILL SPEAK.'), 'This morning, up legal advisor Abelardo Daza was shot. The presidential candidate will speak.');
  assert.equal(rc('CEREZO SAID TODAY THAT DANILO BARILLAS, FORMER AMBASSADOR TO SPAIN, WAS KILLED.'), 'Cerezo said today that Danilo Barillas, former ambassador to Spain, was killed.');
  assert.equal(rc('WE REPORT THAT CITIZEN JUSTINIANO SAGASTUME RODRIGUEZ, 42, WAS KILLED. LUZ AMPARO GOMEZ SERNA, A 29-YEAR-OLD WOMAN FROM CALI, WAS MURDERED.'),
    'We report that citizen Justiniano Sagastume Rodriguez, 42, was killed. Luz Amparo Gomez Serna, a 29-year-old woman from Cali, was murdered.');
  // (not a group set off by what it is: "the peasant patrols, former members of")
  assert.equal(rc('THEY ATTACKED THE PEASANT PATROLS, FORMER ALLIES OF THE ARMY.'), 'They attacked the peasant patrols, former allies of the army.');
});

test('a name set off by words a title closes is a name (issue 10)', () => {
  assert.match(rc('SOURCES SAID THAT GUILLERMO ROJAS, THE LEFTIST TRADE UNION LEADER, DIED IN SOYAPANGO.'), /Guillermo Rojas, the leftist trade union leader/);
  // (a title further on, past the words set off, makes no name)
  assert.doesNotMatch(rc('THEY SAID THAT HEAVY RAINS, WHICH FELL ALL WEEK, HAD FORCED THE MAYOR TO LEAVE.'), /Heavy Rains/);
});

test('a short month beside a one-digit day is the month, the modal verb is not (wire22)', () => {
  assert.match(rc('THE POLICE CONFIRMED TODAY THAT GUERRILLAS ATTACKED A BANK ON 6 MAY.'), /on 6 May\./);
  assert.match(rc('THE GUERRILLAS ATTACKED THE TOWN ON MAY 6 AND LEFT.'), /on May 6 and/);
  assert.match(rc('THE SPOKESMAN SAID THAT THE ARMY MAY ATTACK THE TOWN SOON, ON 16 MAY.'), /army may attack the town soon, on 16 May/);
});
