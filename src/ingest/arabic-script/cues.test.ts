import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyArabicScript } from './cues.js';

const first = (s: string, lang: 'ur' | 'ps' | 'fa' | 'ar'): string | undefined => classifyArabicScript(s, lang).find((t) => !t.hedged && !t.weak)?.subEventType;

test('event words in Urdu, Pashto, Dari/Persian and Arabic give ACLED sub-types', () => {
  assert.equal(first('شمالی وزیرستان میں سیکیورٹی فورسز اور دہشت گردوں کے درمیان فائرنگ کا تبادلہ ہوا۔', 'ur'), 'Armed clash');
  assert.equal(first('پشاور میں خودکش دھماکے میں پانچ افراد جاں بحق ہو گئے۔', 'ur'), 'Suicide bomb');
  assert.equal(first('په پکتیکا کې هوايي برید وشو.', 'ps'), 'Air/drone strike');
  assert.equal(first('د کونړ په ولایت کې توغندي ولګېدل.', 'ps'), 'Shelling/artillery/missile attack');
  assert.equal(first('معترضان در کابل تظاهرات کردند.', 'fa'), 'Peaceful protest');
  assert.equal(first('پولیس سه تن را بازداشت کرد.', 'fa'), 'Arrests');
  assert.equal(first('أسفرت الغارات الجوية عن مقتل خمسة أشخاص.', 'ar'), 'Air/drone strike');
  assert.equal(first('اندلعت اشتباكات عنيفة بين الجيش والمسلحين.', 'ar'), 'Armed clash');
  assert.equal(first('انفجرت عبوة ناسفة على جانب الطريق.', 'ar'), 'Remote explosive/landmine/IED');
});

test('ceasefire, agreement and talks are developments; a denial is hedged; a bare "killed" is a catch-all', () => {
  const dev = (s: string, lang: 'ur' | 'ps' | 'fa' | 'ar'): string | undefined => classifyArabicScript(s, lang).find((t) => t.kind === 'development')?.development;
  assert.equal(dev('دوحہ میں جنگ بندی پر اتفاق ہو گیا۔', 'ur'), 'ceasefire');
  assert.equal(dev('دواړو خواوو د اوربند موافقه وکړه.', 'ps'), 'ceasefire');
  assert.equal(dev('دور دوم مذاکرات در استانبول برگزار شد.', 'fa'), 'talks');
  assert.equal(dev('أعلن الطرفان التوصل إلى وقف إطلاق النار.', 'ar'), 'ceasefire');
  assert.equal(classifyArabicScript('ترجمان نے فضائی حملے کی تردید کی۔', 'ur')[0]!.hedged, true);
  assert.equal(classifyArabicScript('دو افراد ہلاک ہو گئے۔', 'ur')[0]!.weak, true);
});

test('an announcement in the future tense is no event: Urdu گا/گی/گے, Dari خواهد, Pashto به, Arabic سوف/سـ/لن', () => {
  const hedged = (s: string, lang: 'ur' | 'ps' | 'fa' | 'ar'): boolean[] => classifyArabicScript(s, lang).map((t) => t.hedged);
  assert.deepEqual(hedged('آئی ایس پی آر نے کہا کہ کسی بھی حملے کا بھرپور جواب دیا جائے گا۔', 'ur'), [true]);
  assert.deepEqual(hedged('دونوں ممالک کے درمیان مذاکرات کا اگلا دور آئندہ ہفتے استنبول میں ہوگا۔', 'ur'), [true]);
  assert.deepEqual(hedged('دور بعدی مذاکرات هفته آینده در استانبول برگزار خواهد شد.', 'fa'), [true]);
  assert.deepEqual(hedged('طالبان گفتند که به حملات خود ادامه خواهند داد.', 'fa'), [true]);
  assert.deepEqual(hedged('د خبرو اترو بل پړاو به په راتلونکې اونۍ کې په استانبول کې وشي.', 'ps'), [true]);
  assert.deepEqual(hedged('ستعقد الجولة المقبلة من المحادثات في إسطنبول الأسبوع المقبل.', 'ar'), [true]);
  assert.deepEqual(hedged('وقال المتحدث إن باكستان سوف ترد على أي هجوم.', 'ar'), [true]);
  // the past stays an event, and so does a past event beside a future clause
  assert.ok(!hedged('چمن میں فائرنگ کے تبادلے میں دو افراد جاں بحق ہو گئے۔', 'ur').includes(true));
  assert.ok(!hedged('په خوږیاني کې پر پولیسو برید وشو، چارواکو وویل چې څېړنه به وشي.', 'ps').includes(true));
  // Arabic nouns that begin like a future verb are no future: car bomb, control, six
  assert.ok(!hedged('انفجرت سيارة مفخخة قرب حاجز للشرطة.', 'ar').includes(true));
  assert.ok(!hedged('أعلنت القوات سيطرتها على المدينة بعد اشتباكات عنيفة.', 'ar').includes(true));
  assert.ok(!hedged('قتل ستة جنود وسبعة مدنيين في هجوم.', 'ar').includes(true));
});
