import nlp from 'compromise';
import { COCO_LABELS } from '../perception/coco';
import { EVERYTHING_NOUNS, singularWord } from './labels';
import { correctedName } from './spelling';
import type { LengthUnit } from './types';
import { classOf } from './vocabulary';

/**
 * The first pass over a free-form question: normalised text (contractions expanded with compromise, "whats" →
 * "what is"), its words, the unit asked for, and the object names it mentions, in order. Names come from the
 * vocabulary (longest match, plurals folded); nouns the vocabulary does not know ("harp", "rubber duck") come from
 * compromise's tagger, so they can still be looked for and reported unseen by name.
 */
export interface Mention {
  /** Singular name as asked ("sofa", "trash can", "rubber duck"). */
  readonly name: string;
  /** Word span [start, end) in `words`. */
  readonly start: number;
  readonly end: number;
  readonly plural: boolean;
  /** The vocabulary knows the name. */
  readonly known: boolean;
}

export interface Reading {
  readonly text: string;
  readonly words: readonly string[];
  readonly mentions: readonly Mention[];
  readonly unit?: LengthUnit;
  /** Word indices that start a new clause (after a comma, colon or dash): no cue phrase runs across one. */
  readonly breaks?: ReadonlySet<number>;
}

const COCO: ReadonlySet<string> = new Set(COCO_LABELS);
const isName = (s: string): boolean => COCO.has(s) || classOf(s) !== undefined;

/** Units, most specific first (square units before lengths). */
const UNITS: readonly [RegExp, LengthUnit][] = [
  [/\b(?:square|sq) ?(?:met(?:er|re)s?|m)\b|\bm2\b|m²/, 'm2'],
  [/\b(?:square|sq) ?(?:feet|foot|ft)\b|\bft2\b|ft²/, 'ft2'],
  [/\b(?:centimet(?:er|re)s?|cms?)\b/, 'cm'],
  [/\b(?:millimet(?:er|re)s?|mm)\b/, 'mm'],
  [/\b(?:feet|foot|ft)\b/, 'ft'],
  [/\binch(?:es)?\b/, 'in'],
  [/\b(?:met(?:er|re)s?)\b|\d ?m\b/, 'm'],
];

/** Nouns that are never the object asked about: the room, the asker, units, directions, quantities. */
const NOT_OBJECTS: ReadonlySet<string> = new Set([
  ...EVERYTHING_NOUNS,
  ...`room rooms space scene place house home apartment flat area object objects thing things item items stuff
  furniture piece pieces everything anything something nothing me i you it one ones left right front back side
  middle center centre corner total number count order distance size height length width depth dimension
  dimensions meter meters metre metres centimeter centimeters centimetre centimetres millimeter millimeters
  millimetre millimetres feet foot inch inches yard yards unit units cm mm m ft way direction view camera video
  time first last kind type lot question answer there here list description summary inventory point points
  each other both pair all please much many whats hows wheres volume footprint area square sq location position
  spot clip sequence recording tour top bottom edge end ones what which who where how me myself my closest
  nearest farthest furthest closer nearer farther further biggest largest smallest tallest shortest longest
  widest highest lowest floor ceiling ground robot agent gap gaps separation spacing clearance measurement
  measurements measure extent neighbour neighbours neighbor neighbors kinds types sort sorts category categories
  variety varieties video route routes path paths directions turn
  beginning start action actions step steps note eye eyes sum up more most less least do does did idea ideas sense notion clue guess estimate
  favour favor observer observers viewer viewers onlooker spectator watcher sir madam maam exist exists look looks glance
  together altogether viewpoint vantage standpoint perspective sight gaze heading orientation line
  elevation breadth stature axis thickness diameter radius perimeter circumference span chance chances
  possibility likelihood odds`.split(/\s+/),
]);

/**
 * The asker's body ("with my face to the cup", "nose pointing at the stove", "my eyes on the door") says which
 * way I face; it is never an object in the room.
 */
const BODY = new Set(
  `face faces nose noses head heads eye eyes shoulder shoulders hand hands arm arms body chest belly toe toes
  finger fingers chin forehead`.split(/\s+/),
);

/**
 * Words that introduce a noun phrase: a noun the vocabulary does not know is an object asked about only after
 * one of these ("is there a harp?", "the rubber duck", "my guitar", "any pianos") or as a bare plural ("how
 * many harps"). A bare singular is a word of the sentence's framing ("measured in elevation", "in plan",
 * "contestant, …", "…, mate?", "forklift at the microwave") or a mass noun ("if it is no trouble"). "These" and
 * "those" stand alone as often as not ("did these show up"), so they introduce no name.
 */
const DETERMINERS = new Set(
  `a an the any some this that every each another my your our his her their its one two three four
  five six seven eight nine ten many several few which what whose`.split(/\s+/),
);

/**
 * Framing words: an instruction to imagine or to look ("picture yourself at…", "imagine you are…", "keep your
 * eyes on…") or a verb in the progressive ("I am looking for…") is never an object, even where the word names one.
 */
const FRAMING = [
  /\b(picture|imagine|suppose|pretend|envision|visuali[sz]e|say) (?=(?:yourself|you|me|myself|i|we|that|this)\b)/g,
  /\b(?:am|are|is|was|were|be|been) (\w+ing)\b/g,
];

/** Word indices that a framing phrase uses (never the start of an object name). */
function framingWords(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const joined = words.join(' ');
  for (const re of FRAMING)
    for (const m of joined.matchAll(re)) {
      const word = m[1];
      const pos = (m.index ?? 0) + m[0].indexOf(word);
      const i = starts.indexOf(pos);
      if (i >= 0) out.add(i);
    }
  return out;
}

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\b(what|where|how|that|who|which|there|here)s\b/g, '$1 is'],
  // "its" typed for "it's", except the possessive after a preposition ("at its longest", "on its side").
  [/(?<!\b(?:at|of|on|in|by|to|from|with|for|about|across|along) )\bits\b/g, 'it is'],
  [/\bim\b/g, 'i am'],
  [/\b(is|are|was|were|do|does|did|can|could|would)nt\b/g, '$1 not'],
  [/\bwhere abouts\b|\bwhereabouts\b/g, 'where'],
  // Texting: "u see a tv?", "how many r there rn", "pls".
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\br\b/g, 'are'],
  [/\brn\b/g, 'right now'],
  [/\b(?:pls|plz)\b/g, 'please'],
  // A polite opening before a command ("please name the object…", "kindly list…") asks the command itself.
  [/^(?:please|kindly),? (?=(?:name|list|tell|show|give|state|say|find|describe|count)\b)/, ''],
  // "on my left-hand side", "to the right hand": the side itself.
  [/\b(left|right)(?:-| )hand(?:ed)?\b/g, '$1'],
  // Verbs of listing said formally: "enumerate the objects", "itemise what is here", "inventory the room".
  [/\b(?:enumerate|itemi[sz]e|tabulate|catalog(?:ue)? all)\b/g, 'list'],
  // "please identify the object nearest to the tv", "point out the thing that…": asking for its name.
  [/\b(?:identify|point out|pick out|single out)(?= (?:the|which|what|an?) )/g, 'name'],
  [/\bhw\b/g, 'how'],
  [/\bwht\b/g, 'what'],
  [/\bwhr\b/g, 'where'],
  [/\b2 (?=the |a |an |my |your |me\b)/g, 'to '],
  // "is the sofa > the bed": the signs read as words.
  [/ > /g, ' bigger than '],
  [/ < /g, ' smaller than '],
  // Texting fillers that hedge or stress and name nothing: "lowkey whats beside the tv", "ngl how tall is it".
  [/\b(?:lowkey|highkey|ngl|tbh|tbf|imo|fr|deadass|lol)\b ?/g, ''],
];

/**
 * Degrees of distance said with more/most/less ("which is more far", "the most near"): the one-word forms the
 * intents know. Degrees of size ("less big", "the most tall") are read by the intents (they keep the measure).
 */
const DISTANCE_DEGREES: readonly [RegExp, string][] = [
  [/\bmore (?:far|distant)\b/g, 'farther'],
  [/\bmost (?:far|distant)\b/g, 'farthest'],
  [/\bmore near\b/g, 'nearer'],
  [/\bmore close\b/g, 'closer'],
  [/\bmost near\b/g, 'nearest'],
  [/\bmost close\b/g, 'closest'],
  [/\bless (?:far|distant)\b/g, 'closer'],
  [/\bleast (?:far|distant)\b/g, 'closest'],
  [/\bless (?:near|close)\b/g, 'farther'],
  [/\bleast (?:near|close)\b/g, 'farthest'],
];

/** An aside that leaves the object itself out: ", other than the tv itself,", ", apart from the cups themselves". */
const ITSELF_EXCLUDED =
  /,? (?:other than|apart from|aside from|besides|except(?: for)?|excluding|not counting) (?:the |a |an )?(?:[a-z-]+ ){1,3}(?:itself|themselves)(?:,|$)/g;

/** Lower-case, apostrophes unified, contractions expanded, possessives dropped, punctuation → spaces. */
function normalise(question: string): string {
  let t = question
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, to] of [...CONTRACTIONS, ...DISTANCE_DEGREES]) t = t.replace(re, to);
  if (t.includes("'")) {
    const doc = nlp(t);
    doc.contractions().expand();
    t = doc.text().toLowerCase();
  }
  return (
    t
      .replace(/'s\b/g, '')
      // A colon, semicolon or dash between words ends a clause as a comma does ("full stocktake: how many…").
      .replace(/\s*(?:[:;]|\s[–—-]\s|[–—])\s*/g, ', ')
      .replace(/[^a-z0-9²,\- ]+/g, ' ')
      .replace(/\s*,\s*/g, ', ')
      // "the object, other than the tv itself, nearest to the tv": the object never counts as its own neighbour.
      .replace(ITSELF_EXCLUDED, ' ')
      .replace(/\s+/g, ' ')
      .replace(/[ ,]+$/, '')
      .trim()
  );
}

const TAGGED_WORDS = 40;

// compromise unpacks its lexicon on first use (~0.3 s): at load, so that the first question is not the slow one.
nlp('warm up').terms().json();

/** Known names, longest first, at each word; then untagged nouns the vocabulary lacks. */
function findMentions(words: readonly string[], text: string, breaks: ReadonlySet<number>): Mention[] {
  const out: Mention[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  const framing = framingWords(words);
  for (const i of framing) taken[i] = true;
  for (let i = 0; i < words.length; i++) {
    if (framing.has(i)) continue;
    for (let len = Math.min(4, words.length - i); len >= 1; len--) {
      // A name never runs across a comma: "(sofa, chair, table)" is three names, not a "sofa chair".
      if (Array.from({ length: len - 1 }, (_, k) => i + k + 1).some((k) => breaks.has(k))) continue;
      const span = words.slice(i, i + len);
      const last = span[len - 1];
      // Irregular plurals ("mice") come from the tagger's pass below: parsing every span's word costs too much.
      const single = singularWord(last, false);
      const asIs = span.join(' ');
      const sing = [...span.slice(0, -1), single].join(' ');
      const name = isName(asIs) ? asIs : isName(sing) ? sing : undefined;
      // "what object stands next to the tv": after the noun that asks, a verb of posture, not a "stand".
      if (len === 1 && POSTURE.has(last) && WH_NOUN.test(words.slice(Math.max(0, i - 2), i).join(' '))) {
        taken[i] = true;
        break;
      }
      if (!name || NOT_OBJECTS.has(name)) continue;
      out.push({ name, start: i, end: i + len, plural: single !== last && name === sing, known: true });
      for (let k = i; k < i + len; k++) taken[k] = true;
      i += len - 1;
      break;
    }
  }
  // Nouns compromise tags that the vocabulary does not know: consecutive ones form one name. Only the first
  // TAGGED_WORDS words: tagging costs ~0.1 ms a word, and a question is far shorter.
  const head = words.length > TAGGED_WORDS ? words.slice(0, TAGGED_WORDS).join(' ') : text;
  const tagged = nlp(head).terms().json() as { terms: { normal: string; tags: string[] }[] }[];
  const nounWords = new Set<number>();
  const plurals = new Set<number>();
  const modifiers = new Set<number>();
  const people = new Set<number>();
  let w = 0;
  for (const t of tagged) {
    const term = t.terms[0];
    if (!term) continue;
    // compromise and the word split agree on word boundaries for this normalised text; resync by text.
    while (w < words.length && words[w] !== term.normal.replace(/[^a-z0-9²-]/g, '')) w++;
    if (w >= words.length) break;
    const tags = new Set(term.tags);
    if (tags.has('Plural')) plurals.add(w);
    if (tags.has('Adjective') || tags.has('Value')) modifiers.add(w);
    if (tags.has('Actor') || tags.has('Person')) people.add(w);
    if (
      tags.has('Noun') &&
      !tags.has('Pronoun') &&
      !tags.has('Gerund') &&
      !tags.has('Verb') &&
      !tags.has('Value') &&
      !tags.has('Possessive') &&
      !NOT_OBJECTS.has(words[w]) &&
      // "the longest of the sides": a framing noun in the plural is no object either.
      !(tags.has('Plural') && NOT_OBJECTS.has(singularWord(words[w], false))) &&
      !BODY.has(words[w]) &&
      words[w].length > 1 &&
      !taken[w]
    )
      nounWords.add(w);
    w++;
  }
  for (let i = 0; i < words.length; i++) {
    if (!nounWords.has(i)) continue;
    let j = i;
    while (nounWords.has(j + 1) && !breaks.has(j + 1)) j++;
    const last = words[j];
    // The tagger marks irregular plurals ("mice", "geese"): only those are parsed for their singular.
    const single = singularWord(last, plurals.has(j));
    const name = [...words.slice(i, j), single].join(' ');
    const plural = single !== last;
    // A person ("my wife says…", "the plumber asked…") is who speaks, not a thing in the room; a compound
    // that ends in such a word may still be one ("record player").
    const person = i === j && (people.has(i) || PEOPLE.has(last) || postureSubject(words, j));
    if (!isName(name) && (person || (!plural && !introduced(words, i, modifiers, breaks)))) {
      i = j;
      continue;
    }
    // A misspelt name ("the refrigirator", "chiars") is the name it is nearest to.
    const spelt = isName(name) ? name : correctedName(name);
    out.push({ name: spelt ?? name, start: i, end: j + 1, plural, known: spelt !== undefined });
    i = j;
  }
  return joinCompounds(
    words,
    breaks,
    out.sort((a, b) => a.start - b.start),
  );
}

/**
 * People the tagger does not mark as such ("my client", "the patient", "our roommate"): the one who asks or
 * stands, never a thing in the room.
 */
const PEOPLE = new Set(
  `client clients patient patients roommate roommates flatmate flatmates housemate housemates student students
  pupil pupils nurse nurses kid kids toddler teen teenager mate mates pal pals buddy companion helper assistant
  caregiver caretaker cleaner mover movers decorator designer architect surveyor inspector agent realtor
  homeowner owner occupant resident lodger host hostess fiance fiancee spouse sibling cousin`.split(/\s+/),
);
/** The noun a question asks with ("what object", "which thing"): the word after it is its verb. */
const WH_NOUN = /\b(?:what|which) (?:object|objects|thing|things|item|items|one|ones|piece)$/;
/** Verbs of posture and gaze: a noun the vocabulary lacks that does them ("my client is standing at…") is a person. */
const POSTURE = new Set(
  `stand stands standing stood sit sits sitting sat face faces facing faced look looks looking wait waits
  waiting lean leans leaning`.split(/\s+/),
);
function postureSubject(words: readonly string[], j: number): boolean {
  const next = /^(?:is|are|was|were|will|would)$/.test(words[j + 1] ?? '') ? words[j + 2] : words[j + 1];
  return POSTURE.has(next ?? '');
}

/** A noun phrase at word `i` opens with a determiner: "a harp", "the big old harp", "any rubber ducks". */
function introduced(
  words: readonly string[],
  i: number,
  modifiers: ReadonlySet<number>,
  breaks: ReadonlySet<number>,
): boolean {
  let k = i - 1;
  while (k >= 0 && k >= i - 3 && modifiers.has(k) && !DETERMINERS.has(words[k]) && !breaks.has(k + 1)) k--;
  return k >= 0 && DETERMINERS.has(words[k]) && !breaks.has(k + 1);
}

/**
 * Adjacent names that together name one class are one mention: "computer mice" is a mouse (the span pass above
 * reads "computer", the tagger "mice" → "mouse"; together they are the vocabulary's "computer mouse").
 */
function joinCompounds(words: readonly string[], breaks: ReadonlySet<number>, ms: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (prev && prev.end === m.start && !breaks.has(m.start)) {
      const joined = [...words.slice(prev.start, prev.end), m.name].join(' ');
      if (isName(joined)) {
        out[out.length - 1] = { name: joined, start: prev.start, end: m.end, plural: m.plural, known: true };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

/**
 * A leading clause that says why or for whom the question is asked, before the question word: "for the walkway,
 * what gap…", "to check it against the floor plan, how high…", "for the layout I need to know…: how big…". Its
 * nouns the vocabulary lacks ("walkway", "plan") are not objects asked about; a name it knows may be ("for the
 * sofa, how tall is it?"). A bare name before the question ("the harp — how tall is it?") is the object.
 */
const PURPOSE_CLAUSE =
  /^(?:for|to|so|since|because|as|in order to|before|after|once|until|till|prior to|ahead of)\b/;
/** "my kid wants to know how tall…", "my boss asked me what…": who asks is never what is asked about. */
const REPORTING_CLAUSE =
  /\b(?:wants?|needs?|would like|wanted|asks?|asked|wonders?|wondered|wondering|is curious|was curious)(?: to know| to find out| me| if| whether)?$/;
const QUESTION_WORD = new Set(['how', 'what', 'which', 'where', 'whether', 'if', 'is', 'are', 'does', 'do']);

/**
 * A leading phrase that sets the scene ("on this stop of the tour, …", "for the record, …", "at this point, …"):
 * a prepositional phrase before the first comma that names no object the vocabulary knows. Its nouns are not
 * objects asked about.
 */
const SCENE_SETTING = /^(?:on|at|in|during|for|from|with|by|over|after|before|as|to)\b/;
function withoutSceneSetting(
  words: readonly string[],
  ms: Mention[],
  breaks: ReadonlySet<number>,
): Mention[] {
  const first = Math.min(...[...breaks].filter((b) => b > 0));
  if (first === Infinity || !SCENE_SETTING.test(words[0] ?? '')) return ms;
  const lead = ms.filter((m) => m.start < first);
  return lead.length && lead.every((m) => !m.known) ? ms.filter((m) => m.start >= first) : ms;
}

function withoutPurposeNouns(
  words: readonly string[],
  found: Mention[],
  breaks: ReadonlySet<number>,
): Mention[] {
  const ms = withoutSceneSetting(words, found, breaks);
  const heads = words.flatMap((w, i) => (i > 0 && QUESTION_WORD.has(w) ? [i] : []));
  const reported = heads.find((i) => REPORTING_CLAUSE.test(words.slice(0, i).join(' ')));
  if (reported !== undefined) return ms.filter((m) => m.start >= reported);
  // The clause ends at its comma ("before I buy a rug, tell me the distance…"), else at the question word.
  const head = Math.min(heads[0] ?? Infinity, ...[...breaks].filter((b) => b > 0));
  const clause = words.slice(0, head).join(' ');
  // "as I stand by the fridge looking toward the tv, …": a standpoint said as a time clause, its names asked about.
  if (head === Infinity || !PURPOSE_CLAUSE.test(clause) || STANDPOINT_CLAUSE.test(clause)) return ms;
  // Names the question itself says ("for the car, how far is the stove from the plant") are what it asks
  // about; the clause's names only when the question has none ("for the sofa, how tall is it?"), and never a
  // thing the asker means to get ("before I buy a rug, tell me what is in the room").
  if (ms.some((m) => m.known && m.start >= head)) return ms.filter((m) => m.start >= head);
  return ms.filter((m) => m.start >= head || (m.known && !INDEFINITE.has(words[m.start - 1] ?? '')));
}
/** A clause that says where I stand or what I face ("as I stand by…", "while we sit at…"). */
const STANDPOINT_CLAUSE =
  /\b(?:i|we) (?:am |are )?(?:stand|stands|standing|sit|sitting|face|facing|look|looking|wait|waiting)\b/;
const INDEFINITE = new Set(['a', 'an', 'another', 'some', 'new']);

export function readQuestion(question: string): Reading {
  const text = normalise(question);
  const words: string[] = [];
  const breaks = new Set<number>();
  for (const part of text.split(',')) {
    if (words.length) breaks.add(words.length);
    words.push(...part.split(/[^a-z0-9²-]+/).filter(Boolean));
  }
  const unit = UNITS.find(([re]) => re.test(text))?.[1];
  const mentions = withoutPurposeNouns(words, findMentions(words, text, breaks), breaks);
  return { text, words, mentions, breaks, ...(unit ? { unit } : {}) };
}
