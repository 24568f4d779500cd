import nlp from 'compromise';
import { readQuestion, type Mention, type Reading } from './readQuestion';

/**
 * A question said with context first: "I want to put a rug down between them. How much space is there between
 * the clock and the laptop?", "I'm hanging a mirror above the table. How high is it?". The question is the
 * sentence that asks (the last one ending in "?", else the last); the other sentences only resolve what it
 * refers to: "it", "them", and "me" where the context says where I am ("I'm over by the fridge. Which is nearer
 * to me, …"), or the claim before "Is that true?". An indirect yes/no ("could you tell me if A is larger than
 * B") becomes the direct one. Sentences come from compromise's splitter.
 */
export interface Discourse {
  /** The asking sentence, its references resolved (the whole text when it is one sentence). */
  readonly question: string;
  /** Every sentence in order, the asking one resolved: for a question that needs its context to be read. */
  readonly whole: string;
  /** There is context: more than one sentence. */
  readonly hasContext: boolean;
  /** Where the context says I am ("I'm at the fridge."), when it gives no heading: for "how far away is X". */
  readonly here?: string;
}

/** "Is that true?", "is it right?", "am I right?": a yes/no about the claim said before. */
const CONFIRM =
  /^(?:is|was) (?:that|it|this) (?:true|right|correct|so)\b|^(?:am i|are they|is he|is she) right\b/;
/** "my friend says (that) …", "I think …": the words that report a claim, before the claim itself. */
const REPORTED =
  /^.*?\b(?:says?|said|thinks?|thought|claims?|claimed|told me|believes?|reckons?|i think|i guess)(?: that)? /;

/**
 * A sentence that only says how to answer ("Yes or no?", "True or false?", "Or not?"): the
 * question is the sentence before it ("In this room, there is a lamp? Yes or no?").
 */
const ANSWER_TAG =
  /^(?:(?:so|well|just|please|and|or),? )?(?:yes or no|yes\/no|y\/n|true or false|or not|right|correct|true|yes|no)\s*[?.!]*$/i;

/** A question cut to its verb and subject ("Does it?", "Is there?", "Do they?"): what it asks was said before. */
const ELLIPTICAL =
  /^(?:so |and )?(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would) (?:it|they|there|you|he|she|we|this|that|the room)(?: (?:not|one|any|so|too|already))?$/;
/**
 * What the sentence before wondered ("I'm shopping for a tv and wondered whether this room already has one"):
 * its "whether"/"if" clause, "one" standing for the thing it named before.
 */
function wonderedAbout(r: Reading | undefined): string | undefined {
  const m = r && /\b(?:whether|if) (.+)$/.exec(r.text);
  if (!r || !m) return undefined;
  // The words before the clause read alone: as a reported wondering, the sentence keeps only the clause's names.
  const named = known(readQuestion(r.text.slice(0, m.index)).mentions).pop();
  return named ? m[1].replace(/\b(?:one|some|any)\b(?! of)/, `a ${named.name}`) : m[1];
}

/** "where he stood", "where she is sitting", "where I stand": the place a context sentence put someone. */
const WHERE_SOMEONE_WAS =
  /\bwhere (?:he|she|they|i|we|you|it) (?:(?:is|was|are|were|am) )?(?:stood|stands|stand|standing|sat|sits|sit|sitting|waited|waits|waiting|is|was|are|were|am)\b/;
/** Someone put at a place: "the suspect stood at the plant", "my aunt sits by the tv". */
const PUT_AT =
  /\b(?:stood|stands|stand|standing|sat|sits|sit|sitting|waited|waits|waiting|was|is) (?:at|by|near|next to|beside|close to)\b/;
function someoneWasAt(context: readonly Reading[]): Mention | undefined {
  for (let k = context.length - 1; k >= 0; k--) {
    const r = context[k];
    const m = PUT_AT.exec(r.text);
    if (!m) continue;
    const at = r.text.slice(0, m.index + m[0].length).split(' ').length;
    const found = r.mentions.find((x) => x.start >= at && x.start <= at + 2);
    if (found) return found;
  }
  return undefined;
}

/** How many sentences before the question are read for what it refers to. */
const CONTEXT_SENTENCES = 3;

/** "it" that stands for no object: "how far is it from A to B", "is it true that…". */
const DUMMY_IT_BEFORE = new Set(['to', 'from', 'between', 'true', 'possible', 'that', 'take', 'takes']);
/** Prepositions before an "it" that names an object said earlier in the same sentence ("…, what is beside it"). */
const PREPOSITIONS = new Set(
  'beside besides by near to next from of behind above below under over on around alongside against'.split(
    ' ',
  ),
);
/** "them", "both of them": the last two objects of the context. */
const PLURAL_PRONOUNS = new Set(['them', 'they', 'these', 'those']);
/** Where I am: "I'm at X", "I'm over by X", "I stand next to X", "I'm sitting on X". */
const WHERE_I_AM =
  /\b(?:i am|i stand|i sit|i am standing|i am sitting|i am stood|i am sat)(?: (?:over|right|just|now|currently))? (?:at|by|near|next to|beside|on|in front of|close to)\b/;
/** What I face: a standpoint with a heading, read whole ("I'm at X and Y is ahead of me. Is Z to my left?"). */
const FACING =
  /\b(?:facing|face|look|looking|looks|turned|back (?:is )?(?:turned )?(?:to|toward|towards)|ahead of me|in front of me|behind me)\b/;

/** A question of distance before its "it": "how far is it", "how close is it really", "how many metres is it". */
const DISTANCE_ASKED = /\b(?:how (?:far|close|near)|distance|how many \w+ (?:is|was|would))\b/;
/** A context sentence that says how far apart two things are: "the tv looks far from the stove". */
const APART = /\b(?:far|close|near|nearer|closer|apart|away|distant|distance|from|next to|beside|by)\b/;
/**
 * "The tv looks far from the stove. How far is it really?": "it" is the distance between the two things the
 * context set apart (the last sentence that names two), not the last of them.
 */
function pairApart(context: readonly Reading[]): readonly [Mention, Mention] | undefined {
  for (let k = context.length - 1; k >= 0; k--) {
    const ms = known(context[k].mentions).filter(
      (m, i, all) => all.findIndex((x) => x.name === m.name) === i,
    );
    if (ms.length >= 2) return ms.length === 2 && APART.test(context[k].text) ? [ms[0], ms[1]] : undefined;
  }
  return undefined;
}

/** The text with word `i` replaced (words are the text's space-separated tokens, commas kept on theirs). */
function replaceWord(text: string, i: number, by: string): string {
  const tokens = text.split(' ');
  tokens[i] = tokens[i].endsWith(',') ? `${by},` : by;
  return tokens.join(' ');
}

const known = (ms: readonly Mention[]): Mention[] => {
  const k = ms.filter((m) => m.known);
  return k.length ? k : [...ms];
};
const the = (m: Mention): string => `the ${m.name}`;

/** Words that open a noun phrase, and those that say it is someone's ("his car", "my van"). */
const OPENERS = new Set(
  'the this that these those a an some another my your his her their our its'.split(' '),
);
const POSSESSED = new Set('my your his her their our'.split(' '));
/** A sentence that brings an object in: "there is a lamp…", "I spotted a chair…". */
const INTRODUCES = /\b(?:there (?:is|are|was|were)|(?:i|we) (?:see|saw|spotted|noticed|found|have))\b/;
/**
 * The object "it" stands for, from the last context sentence that names one: never someone's belonging ("his
 * car"); the thing the sentence brings in, else the last thing it names as known ("the tv" in "my grandson wants
 * to take the tv home in his car"), else the first.
 */
function itsAntecedent(context: readonly Reading[]): Mention | undefined {
  for (let k = context.length - 1; k >= 0; k--) {
    const r = context[k];
    const ms = known(r.mentions);
    if (!ms.length) continue;
    const opener = (m: Mention): string => {
      let j = m.start - 1;
      while (j > 0 && j >= m.start - 3 && !OPENERS.has(r.words[j])) j--;
      return r.words[j] ?? '';
    };
    const free = ms.filter((m) => !POSSESSED.has(opener(m)));
    // What the sentence brings in ("there is a lamp…", "I spotted a chair…") is what it is about; otherwise a
    // thing already known ("the desk") rather than one planned or new ("I want to mount a shelf over the desk").
    const given = INTRODUCES.test(r.text) ? undefined : free.filter((m) => opener(m) === 'the').pop();
    return given ?? free[0] ?? ms[ms.length - 1];
  }
  return undefined;
}

/** "them" after one kind said in the plural ("I keep bumping into chairs. How many of them…"): that kind. */
function pluralAntecedent(context: readonly Reading[]): string | undefined {
  const ms = context.flatMap((r) => r.mentions.filter((m) => m.plural).map((m) => ({ m, r })));
  const last = ms[ms.length - 1];
  return last && ms.every((x) => x.m.name === last.m.name)
    ? last.r.words.slice(last.m.start, last.m.end).join(' ')
    : undefined;
}

/** The object the context says I am at, when it says where I am and not where I face. */
function whereIAm(context: readonly Reading[]): Mention | undefined {
  return context
    .filter((r) => !FACING.test(r.text))
    .map((r) => {
      const m = WHERE_I_AM.exec(r.text);
      if (!m) return undefined;
      const at = r.text.slice(0, m.index + m[0].length).split(' ').length;
      return r.mentions.find((x) => x.start >= at && x.start <= at + 2);
    })
    .find((m) => m !== undefined);
}

/** Resolve "it", "them" and "me" in the asking sentence from the context's objects and standpoint. */
function resolve(q: Reading, context: readonly Reading[], here: Mention | undefined): string {
  let text = q.text;
  // Tokens and words agree for a normalised text; where they do not, leave it as it is.
  if (text.split(' ').length !== q.words.length) return text;
  const ctxObjects = known(context.flatMap((r) => r.mentions));
  const own = q.mentions.filter((m) => m.known);
  const words = q.words;
  // Right to left, so that a replacement never shifts the words still to look at.
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    // "how far is it from A to B" holds no object; "how far is it from the tub" (no "to") is the one said before.
    const dummy =
      DUMMY_IT_BEFORE.has(words[i + 1] ?? '') && (words[i + 1] !== 'from' || words.includes('to', i));
    if (w === 'it' && !dummy) {
      const before = own.filter((m) => m.end <= i);
      const pair =
        !own.length && !here && DISTANCE_ASKED.test(words.slice(0, i).join(' ')) && pairApart(context);
      const antecedent =
        before.length && PREPOSITIONS.has(words[i - 1] ?? '')
          ? before[before.length - 1]
          : before.length === 0
            ? itsAntecedent(context)
            : undefined;
      if (pair) text = replaceWord(text, i, `${the(pair[0])} from ${the(pair[1])}`);
      else if (antecedent) text = replaceWord(text, i, the(antecedent));
    } else if (PLURAL_PRONOUNS.has(w) && own.length === 0 && pluralAntecedent(context)) {
      text = replaceWord(text, i, `the ${pluralAntecedent(context)}`);
    } else if (PLURAL_PRONOUNS.has(w) && own.length < 2 && ctxObjects.length >= 2) {
      const [a, b] = ctxObjects.slice(-2);
      text = replaceWord(text, i, `${the(a)} and ${the(b)}`);
    } else if (w === 'me' && here && /^(?:to|from)$/.test(words[i - 1] ?? '')) {
      text = replaceWord(text, i, the(here));
    }
  }
  return text;
}

/**
 * An indirect yes/no question said as a request ("could you tell me if the fridge is larger than the vase", "would
 * you be able to tell me whether there is a lamp") is the direct question ("is the fridge larger than the vase"):
 * the verb of being or doing moves before its subject, so the question reads as a yes/no one.
 */
const INDIRECT =
  /^.*?\b(?:tell me|let me know|know|check|see|say|wonder|wondering|find out|confirm|ask)(?: for me)? (?:if|whether) ((?:the|a|an|this|that|there|my|any|it)\b.*)$/;
/** "confirm the tv is left of the sofa", "verify that there is a lamp": a command to check a claim. */
const VERIFY =
  /^((?:.*?, )?)(?:please )?(?:confirm|verify|check|make sure|double check|double-check)(?: for me)?(?: that)? ((?:the|a|an|there|my|your|our|this|that)\b.*)$/;
const AUX = /^((?:\S+ ){0,5}?)(is|are|was|were|does|do|did|can|could|will|would|has|have) (.+)$/;
function direct(text: string): string {
  const verify = INDIRECT.test(text) ? null : VERIFY.exec(text);
  const clause = verify ? verify[2] : INDIRECT.exec(text)?.[1];
  const inverted = clause ? AUX.exec(clause) : null;
  // What the command follows stays ("robot, at the stove facing the fridge, confirm the cup is on your left").
  return inverted ? `${verify?.[1] ?? ''}${inverted[2]} ${inverted[1]}${inverted[3]}` : text;
}

/** The asking sentence of a question, with the context's references resolved. */
export function discourseOf(question: string): Discourse {
  // One sentence unless a sentence mark is followed by more words (the splitter is then worth its cost).
  const sentences = /[.?!;]\s+\S/.test(question)
    ? (nlp(question).sentences().out('array') as string[]).filter((s) => s.trim())
    : [question];
  if (sentences.length <= 1) {
    const r = readQuestion(question);
    const text = direct(resolve(r, [], undefined));
    return { question: text, whole: text, hasContext: false };
  }
  let ask = sentences.length - 1;
  for (let i = sentences.length - 1; i >= 0; i--)
    if (/\?\s*$/.test(sentences[i]) && !(i > 0 && ANSWER_TAG.test(sentences[i].trim()))) {
      ask = i;
      break;
    }
  // Only the sentences nearest the question can hold what it refers to (and each reading costs a tagger pass).
  const first = Math.max(0, ask - CONTEXT_SENTENCES);
  const context = sentences.slice(first, ask).map((s) => readQuestion(s));
  const here = whereIAm(context);
  let asked = readQuestion(sentences[ask]);
  // "My friend says the sofa is longer than the bed. Is that true?": the claim before, asked as a yes/no.
  const claim = CONFIRM.test(asked.text) ? context[context.length - 1] : undefined;
  // "The suspect stood at the plant. Was the clock or the fridge closer to where he stood?": that place.
  const spot = WHERE_SOMEONE_WAS.test(asked.text) ? someoneWasAt(context) : undefined;
  if (spot) asked = readQuestion(asked.text.replace(WHERE_SOMEONE_WAS, the(spot)));
  const wondered = ELLIPTICAL.test(asked.text) ? wonderedAbout(context[context.length - 1]) : undefined;
  const resolved = claim
    ? direct(`tell me if ${claim.text.replace(REPORTED, '')}`)
    : wondered
      ? direct(`tell me if ${wondered}`)
      : direct(resolve(asked, context, here));
  // Sentences end at a comma in the whole reading: a name never runs from one sentence into the next.
  const whole = [...sentences.slice(0, ask), resolved, ...sentences.slice(ask + 1)]
    .map((s) => s.trim().replace(/[.?!;]+$/, ''))
    .join(', ');
  return { question: resolved, whole, hasContext: true, ...(here ? { here: here.name } : {}) };
}
