import { EVERYTHING_NOUNS } from './labels';
import type { Mention, Reading } from './readQuestion';
import type { EgoDirection, Measure, Order, PairRelation, Task } from './types';

/**
 * What a free-form question asks, from its reading (readQuestion.ts): each intent is a rule over cue phrases
 * (tables below, as data) and the positions of the object names. Rules are tried in order; the first that
 * applies gives the task, and a question no rule reads becomes 'open' (the VLM's, or an honest "I did not
 * understand").
 */
type Rule = (r: Ctx) => Task | undefined;

/** Adjectives that compare or rank objects by a dimension. */
const SIZE_WORDS: Readonly<Record<string, readonly [Measure, Order]>> = {
  big: ['longest', 'max'],
  bigger: ['longest', 'max'],
  biggest: ['longest', 'max'],
  large: ['longest', 'max'],
  larger: ['longest', 'max'],
  largest: ['longest', 'max'],
  huge: ['longest', 'max'],
  small: ['longest', 'min'],
  smaller: ['longest', 'min'],
  smallest: ['longest', 'min'],
  tiny: ['longest', 'min'],
  tinier: ['longest', 'min'],
  tiniest: ['longest', 'min'],
  little: ['longest', 'min'],
  tall: ['height', 'max'],
  taller: ['height', 'max'],
  tallest: ['height', 'max'],
  high: ['height', 'max'],
  higher: ['height', 'max'],
  highest: ['height', 'max'],
  short: ['height', 'min'],
  shorter: ['height', 'min'],
  shortest: ['height', 'min'],
  low: ['height', 'min'],
  lower: ['height', 'min'],
  lowest: ['height', 'min'],
  long: ['length', 'max'],
  longer: ['length', 'max'],
  longest: ['length', 'max'],
  wide: ['width', 'max'],
  wider: ['width', 'max'],
  widest: ['width', 'max'],
  broad: ['width', 'max'],
  narrow: ['width', 'min'],
  narrower: ['width', 'min'],
  narrowest: ['width', 'min'],
  deep: ['width', 'max'],
  deeper: ['width', 'max'],
  deepest: ['width', 'max'],
  bulky: ['volume', 'max'],
  bulkier: ['volume', 'max'],
  bulkiest: ['volume', 'max'],
  heavy: ['volume', 'max'],
  // Plain words of size without a one-word comparative: "the most massive", "the more compact", "less lofty".
  massive: ['longest', 'max'],
  enormous: ['longest', 'max'],
  gigantic: ['longest', 'max'],
  giant: ['longest', 'max'],
  sizeable: ['longest', 'max'],
  sizable: ['longest', 'max'],
  compact: ['longest', 'min'],
  minuscule: ['longest', 'min'],
  petite: ['longest', 'min'],
  lofty: ['height', 'max'],
  towering: ['height', 'max'],
  lengthy: ['length', 'max'],
  heavier: ['volume', 'max'],
  heaviest: ['volume', 'max'],
};
const COMPARATIVE = /er$/;
const SUPERLATIVE = /est$/;

/** Nouns that ask for one dimension: "the height of the fridge", "what size is the bed". */
const MEASURE_NOUNS: Readonly<Record<string, Measure>> = {
  height: 'height',
  length: 'length',
  width: 'width',
  depth: 'width',
  breadth: 'width',
  elevation: 'height',
  stature: 'height',
  size: 'longest',
  dimension: 'longest',
  dimensions: 'longest',
  area: 'area',
  footprint: 'area',
  volume: 'volume',
};

/** Words between a degree and its measure noun: "the greater overall size", "the largest physical size". */
const NOUN_MODIFIERS = new Set(['overall', 'total', 'physical', 'actual', 'general', 'absolute', 'real']);

/** Words that grade a measure noun: "more height", "the greatest size", "the least width". */
const DEGREE_OF_NOUN: Readonly<Record<string, readonly ['comparative' | 'superlative', Order]>> = {
  more: ['comparative', 'max'],
  greater: ['comparative', 'max'],
  bigger: ['comparative', 'max'],
  larger: ['comparative', 'max'],
  less: ['comparative', 'min'],
  lesser: ['comparative', 'min'],
  smaller: ['comparative', 'min'],
  most: ['superlative', 'max'],
  greatest: ['superlative', 'max'],
  biggest: ['superlative', 'max'],
  largest: ['superlative', 'max'],
  least: ['superlative', 'min'],
  smallest: ['superlative', 'min'],
};

const EGO: readonly [string, EgoDirection][] = [
  ['behind me', 'back'],
  ['at my back', 'back'],
  ['to my back', 'back'],
  ['in back of me', 'back'],
  ['in front of me', 'front'],
  ['ahead of me', 'front'],
  ['straight ahead', 'front'],
  ['to my left', 'left'],
  ['on my left', 'left'],
  ['at my left', 'left'],
  ['to the left of me', 'left'],
  ['to my right', 'right'],
  ['on my right', 'right'],
  ['at my right', 'right'],
  ['to the right of me', 'right'],
];

const RELATIONS: readonly [string, PairRelation][] = [
  ['to the left of', 'left'],
  ['on the left of', 'left'],
  ['left of', 'left'],
  ['to the right of', 'right'],
  ['on the right of', 'right'],
  ['right of', 'right'],
  ['in front of', 'front'],
  ['behind', 'behind'],
  ['in back of', 'behind'],
  ['on top of', 'above'],
  ['above', 'above'],
  ['over', 'above'],
  ['on', 'above'],
  ['underneath', 'below'],
  ['beneath', 'below'],
  ['below', 'below'],
  ['under', 'below'],
  ['next to', 'near'],
  ['close to', 'near'],
  ['near', 'near'],
  ['beside', 'near'],
  ['between', 'between'],
];

/** "your left" said to the one imagining the standpoint is "my left" (cue phrases are written with my/me). */
const ASKER: Readonly<Record<string, string>> = {
  your: 'my',
  you: 'me',
  yourself: 'me',
  // A third-person observer ("the observer stands at X facing Y: is Z on their left?") is the one standing.
  their: 'my',
  her: 'my',
  his: 'my',
};

/** The reading with helpers: cue positions, mentions after a position. */
class Ctx {
  constructor(readonly r: Reading) {}
  get text(): string {
    return this.r.text;
  }
  get m(): readonly Mention[] {
    return this.r.mentions;
  }
  /**
   * The mentions with the vocabulary's names only, when there are at least `n` of them: a tagged noun the
   * vocabulary lacks ("which one stands taller") does not add an object to a question that names enough.
   */
  enough(n: number, ms: readonly Mention[] = this.m): Mention[] {
    const known = ms.filter((x) => x.known);
    return known.length >= n ? known : [...ms];
  }
  has(re: RegExp): boolean {
    return re.test(this.r.text);
  }
  /** Word index where the first of the phrases starts (-1: none); `from`: search from this word on. */
  at(phrases: readonly string[], from = 0): number {
    const w = this.r.words;
    let best = -1;
    for (const p of phrases) {
      const ps = p.split(' ');
      for (let i = from; i + ps.length <= w.length; i++)
        if (
          ps.every((x, k) => w[i + k] === x || ASKER[w[i + k]] === x) &&
          // A cue never runs across a clause break ("the table is at my back, to go to…" has no "back to").
          !ps.some((_, k) => k > 0 && this.r.breaks?.has(i + k))
        ) {
          if (best < 0 || i < best) best = i;
          break;
        }
    }
    return best;
  }
  /** The sentence, or a clause after a lead ("robot, confirm: is…", "quick question, is…"), opens with one of the words. */
  clauseOpens(words: ReadonlySet<string>): boolean {
    const w = this.r.words;
    return words.has(w[0] ?? '') || [...(this.r.breaks ?? [])].some((b) => words.has(w[b] ?? ''));
  }
  after(i: number): Mention[] {
    return this.m.filter((x) => x.start >= i);
  }
  before(i: number): Mention[] {
    return this.m.filter((x) => x.end <= i);
  }
  word(w: string): boolean {
    return this.r.words.includes(w);
  }
  /**
   * A yes/no question: it starts with a verb ("is the fridge taller…"), or it is a statement with "than" and no
   * question word or choice ("the fridge, it is more tall than the oven?").
   */
  yesNo(): boolean {
    // A tag after a statement asks for yes or no: "the tv is bigger than the fridge, or not?", "…, right?".
    const text = this.r.text.replace(YES_NO_TAG, '').replace(YES_NO_LEAD, '');
    return (
      /^(is|are|was|were|does|do|did|will|would)\b/.test(text) ||
      (text !== this.r.text && !/\b(?:which|what|who|whichever|how)\b/.test(text)) ||
      (this.word('than') && !/\b(?:which|what|who|whichever|how|or)\b/.test(text))
    );
  }
  /**
   * A size word of the wanted form (comparative/superlative), its measure and order; said in one word ("bigger",
   * "tallest") or with more/most/less/least ("less big" is the smaller, "the most tall" the tallest).
   */
  sizeWord(form: RegExp): readonly [Measure, Order] | undefined {
    const w = this.r.words;
    const [more, less] = form === SUPERLATIVE ? ['most', 'least'] : ['more', 'less'];
    for (let i = 0; i < w.length; i++) {
      // "more height", "the greatest size", "less width": a degree of a measure noun.
      // "the greater overall size", "more total height": a modifier may stand between.
      const noun =
        MEASURE_NOUNS[w[i + 1] ?? ''] ??
        (NOUN_MODIFIERS.has(w[i + 1]) ? MEASURE_NOUNS[w[i + 2] ?? ''] : undefined);
      const degree = DEGREE_OF_NOUN[w[i]];
      if (noun && degree && degree[0] === (form === SUPERLATIVE ? 'superlative' : 'comparative'))
        return [noun, degree[1]];
      if (form.test(w[i]) && SIZE_WORDS[w[i]]) return SIZE_WORDS[w[i]];
      const base = SIZE_WORDS[w[i + 1] ?? ''];
      if (!base || COMPARATIVE.test(w[i + 1]) || SUPERLATIVE.test(w[i + 1])) continue;
      if (w[i] === more) return base;
      if (w[i] === less) return [base[0], base[1] === 'max' ? 'min' : 'max'];
    }
    return undefined;
  }
}

const names = (ms: readonly Mention[]): string[] => ms.map((x) => x.name);

/** A tag that turns a statement into a yes/no question: "…, or not", "…, right", "…, yes or no", "…, true". */
/** "true or false: …", "yes or no, …": the same said first. */
const YES_NO_LEAD = /^(?:true or false|yes or no|yes no|right or wrong|correct or incorrect|true false),? /;
const YES_NO_TAG =
  /(?:,? or not|,? (?:true or false|yes or no|yes no)|, (?:right|correct|true|yes|no|is not it|is it not|am i right|do you think|would you say|eh))$/;

/** Everything is relative to where "I" stand: "if I stand by X facing Y, …", "with my back to Y". */
/** Route instructions ("…you want to navigate to the door…") start the same way but ask for a route. */
const ROUTE = /\b(navigate|route|go forward|get to|get from|walk to|go to|turn (?:left|right|back))\b/;

/** A question about turning or heading somewhere: "which way do I turn first", "which way do I go". */
const TURN_ASK =
  /\b(?:which way|what way|what direction|which direction) (?:do|should|would|must|will) (?:i|we|you) (?:turn|go|head|walk)\b|\bturn first\b|\bfirst turn\b/;

/** Where a route goes: "how do I get to Z", "which way to Z", "to reach Z". */
const DESTINATION = [
  'get to',
  'go to',
  'walk to',
  'head to',
  'move to',
  'travel to',
  'navigate to',
  'reach',
  'way to',
  'route to',
  'path to',
  'directions to',
  'make my way to',
  'over to',
  'head for',
  'heading for',
  'head towards',
  'head toward',
  'heading towards',
  'heading toward',
  'make for',
  'go towards',
  'walk towards',
  'left or right for',
  'left or right to face',
  'right or left to face',
  'turn to face',
  'around to face',
  'turn toward',
  'turn towards',
  'turning toward',
  'turning towards',
  'right or left for',
];
/** "with Y in front of me", "Y behind me" — Y comes before the cue. */
const FACING_AFTER: readonly [string, boolean][] = [
  ['in front of me', false],
  ['ahead of me', false],
  // "with the tv straight ahead": ahead of me, said without "of me".
  ['straight ahead', false],
  ['dead ahead', false],
  ['directly ahead', false],
  ['right ahead', false],
  // Said loosely ("with the sink in front", "the tv in view ahead"): only right after what I face.
  ['in front', false],
  ['ahead', false],
  ['before me', false],
  ['behind me', true],
  ['at my back', true],
];

/**
 * "I am at X facing Y, how do I get to Z?", "from X, looking at Y, how would I walk to Z", "standing by X with Y
 * in front of me, which way do I turn to reach Z": a route from a standpoint (the first turn, then the way).
 */
const routeFromStandpoint: Rule = (c) => {
  if (c.m.length < 3) return undefined;
  // "to get from A to C": the destination follows the "to" after the start.
  // ("facing away from Y" names what I turn from, not where I start.)
  const fromCue = c.at(['from']);
  const fromAt = (c.has(ROUTE) || c.has(TURN_ASK)) && c.r.words[fromCue - 1] !== 'away' ? fromCue : -1;
  // The "to" that names a place ("to the fridge"), not a side ("to the left").
  let fromTo = fromAt >= 0 ? c.at(['to'], fromAt + 1) : -1;
  while (fromTo >= 0 && !c.m.some((x) => x.start > fromTo && x.start <= fromTo + 2))
    fromTo = c.at(['to'], fromTo + 1);
  const destAt = fromTo >= 0 ? fromTo : c.at(DESTINATION);
  if (destAt < 0) return undefined;
  const dest = c.after(destAt)[0];
  if (!dest) return undefined;
  const start = fromTo >= 0 ? c.after(fromAt).find((x) => x.end <= fromTo) : undefined;
  let facing: Mention | undefined;
  let backTo = false;
  // "do I turn left or right to face Z": that "face" names where I turn to, not what I face now.
  const cue = facingCueAt(c);
  const before = cue >= destAt && cue < dest.start ? -1 : cue;
  if (before >= 0) {
    facing = c.after(before).find((x) => x !== dest);
    backTo = c.has(BACK_TO);
  } else {
    for (const [cue, back] of FACING_AFTER) {
      const at = facingAfterAt(c, cue);
      if (at < 0) continue;
      facing = c
        .before(at)
        .filter((x) => x !== dest)
        .pop();
      if (facing && LOOSE_AHEAD.has(cue) && !c.r.words.slice(facing.end, at).every((w) => LINKING.has(w)))
        facing = undefined;
      backTo = back;
      if (facing) break;
    }
  }
  if (!facing) return undefined;
  const from = start ?? c.m.find((x) => x.name !== facing.name && x.name !== dest.name);
  if (!from || facing.name === dest.name) return undefined;
  return {
    kind: 'route_directions',
    from: from.name,
    to: dest.name,
    facing: facing.name,
    ...(backTo ? { backTo } : {}),
  };
};

/**
 * Which way I look, said with any verb or noun of gazing, pointing or facing, any adverb, and a preposition of
 * direction: "looking over at Y", "gazing straight toward Y", "nose pointing at Y", "line of sight toward Y",
 * "eyes fixed on Y", "oriented away from Y", "my face to Y".
 */
const GAZE =
  'look|looks|looking|looked|gaze|gazes|gazing|gazed|stare|stares|staring|stared|peer|peers|peering|peered|' +
  'glance|glances|glancing|glanced|point|points|pointing|pointed|aim|aims|aiming|aimed|turned|oriented|' +
  'orientated|directed|sight|eyes|eye|face|faces|facing|faced|nose';
const GAZE_CUE = new RegExp(
  `\\b(?:${GAZE})(?: (?:over|out|across|straight|directly|ahead|right|up|down|squarely|dead|fixed|set|locked|trained|firmly|is|are|just))* (?:at|to|toward|towards|on|onto|upon|in the direction of|away from)\\b`,
);

/** The word where a cue of what I face starts (-1: none): the table's phrases or any gazing phrase. */
function facingCueAt(c: Ctx): number {
  const listed = c.at(FACING_CUES);
  const m = GAZE_CUE.exec(c.text);
  const gazed = m
    ? c.text
        .slice(0, m.index)
        .split(/[^a-z0-9²-]+/)
        .filter(Boolean).length
    : -1;
  return listed < 0 ? gazed : gazed < 0 ? listed : Math.min(listed, gazed);
}

/** Cues before the object I face: "facing Y", "looking at Y", "eyes on Y", "with my back to Y". */
const FACING_CUES = [
  'facing away from',
  'facing',
  'looking at',
  'looking toward',
  'looking towards',
  'looking in the direction of',
  'look at',
  'look to',
  'looking to',
  'look toward',
  'look towards',
  'turned to',
  'turned toward',
  'turned towards',
  'face',
  'faces',
  'faced',
  'oriented toward',
  'oriented towards',
  'oriented to',
  'orientated toward',
  'orientated towards',
  'eyes on',
  'eye on',
  'gaze on',
  'with my back to',
  'back is to',
  'back is toward',
  'back is towards',
  'back is turned to',
  'with my back toward',
  'back to',
  'back toward',
  'back towards',
  'turned away from',
];
/** Facing away: the object is behind me. */
const BACK_TO = new RegExp(`\\b(?:back (?:is )?(?:turned )?(?:to|toward|towards)|(?:${GAZE}) away from)\\b`);
/** Where I stand: "standing at X", "by X", "from X". */
const STANDING_CUES = [
  'standing at',
  'standing by',
  'standing next to',
  'stand at',
  'stand by',
  'sitting on',
  'sitting at',
  'at',
  'by',
  'from',
  'on',
];

/**
 * Where I stand and what I face: the object after a facing cue ("facing Y", "my back to Y"), or before a cue
 * that ends in me ("with Y in front of me", "Y ahead of me", "Y behind me").
 */
function standpointOf(c: Ctx): { facing: Mention; backTo: boolean; cueAt: number } | undefined {
  const at = facingCueAt(c);
  if (at >= 0) {
    // The first name after the cue word ("look to the door": "look" may be tagged a noun; it is the cue).
    const facing = c.after(at).find((x) => x.start > at);
    return facing ? { facing, backTo: c.has(BACK_TO), cueAt: at } : undefined;
  }
  for (const [cue, back] of FACING_AFTER) {
    const cueAt = facingAfterAt(c, cue);
    if (cueAt < 0) continue;
    const facing = c.before(cueAt).pop();
    // "the tv in front of me", "the clock is straight ahead of me": only a verb of being and an adverb between.
    const between = facing ? c.r.words.slice(facing.end, cueAt) : [];
    if (facing && between.every((w) => LINKING.has(w))) return { facing, backTo: back, cueAt };
  }
  return undefined;
}

/** Words between what I face and "ahead of me": "is", "straight", "right", "directly", "dead", "just", "in view". */
const LINKING = new Set([
  'is',
  'are',
  'was',
  'be',
  'straight',
  'right',
  'directly',
  'dead',
  'just',
  'now',
  'in',
  'view',
  'sight',
  'full',
  'plain',
]);
const LOOSE_AHEAD: ReadonlySet<string> = new Set(['in front', 'ahead']);

/** Where a cue after what I face stands; a loose one never before "of" ("in front of the tv" is a relation). */
function facingAfterAt(c: Ctx, cue: string): number {
  const at = c.at([cue]);
  return at >= 0 && LOOSE_AHEAD.has(cue) && c.r.words[at + cue.split(' ').length] === 'of' ? -1 : at;
}

const standpoint: Rule = (c) => {
  const sp = standpointOf(c);
  if (!sp || c.m.length < 3 || c.has(ROUTE)) return undefined;
  const { facing, backTo } = sp;
  const others = c.m.filter((x) => x !== facing);
  const standAt = c.at(STANDING_CUES);
  const standing =
    (standAt >= 0 ? others.find((x) => x.start >= standAt && x.start <= standAt + 4) : undefined) ??
    c
      .before(facing.start)
      .filter((x) => x !== facing)
      .pop() ??
    others[0];
  if (!standing) return undefined;
  const query = others.find((x) => x !== standing);
  if (!query) return undefined;
  // "left or right", "on the left or on the right", "to my left or my right".
  const leftOrRight = c.has(
    /\bleft or (?:on |to )?(?:my |your |the |their )?right\b|\bright or (?:on |to )?(?:my |your |the |their )?left\b/,
  );
  const ego = EGO.find(([p]) => {
    const at = c.at([p]);
    // "with the tv in front of me", "the tv is straight ahead of me" say what I face, not what is asked.
    return at >= 0 && !(at >= facing.end && at <= sp.cueAt);
  })?.[1];
  const check = leftOrRight
    ? 'left-right'
    : (ego ??
      (c.has(/\b(?:to|on) (?:the|my|your|their|his|her|the (?:observer|viewer)) left\b/)
        ? 'left'
        : c.has(/\b(?:to|on) (?:the|my|your|their|his|her|the (?:observer|viewer)) right\b/)
          ? 'right'
          : undefined));
  return {
    kind: 'standpoint',
    standing: standing.name,
    facing: facing.name,
    query: query.name,
    ...(check ? { check } : {}),
    ...(backTo ? { backTo } : {}),
  };
};

const SORTED_BY =
  /\b(?:size|height|length|width|distance|tall|taller|tallest|big|bigger|biggest|large|small|long|wide|far|close|near|left|right)\b/;
const appearance: Rule = (c) => {
  // "which way do I turn first to get from A to C": "first" orders turns, not sightings.
  if (c.m.length < 2 || c.has(TURN_ASK)) return undefined;
  const orderCue = c.has(
    /\b(order|first|earliest|sequence|before|after|sooner|earlier|later|last|latest|ahead of)\b/,
  );
  const seeCue = c.has(
    /\b(appear|appears|appeared|see|saw|seen|notice|noticed|spot|spotted|(?:show|shows|showed|shown|turn|turns|turned|pop|pops|popped) up|came|come|comes|visible|encounter|encountered|detected|reach|reached|reaches|(?:get|gets|got) to|capture|captured|film|filmed|record|recorded|catch|caught|emerged?|(?:enter|enters|entered|entering|came into|come into|comes into|got into|get into) (?:the )?(?:\w+ )?(?:view|sight|frame|shot|picture)|into (?:view|sight|frame)|in (?:the )?(?:video|clip|recording|footage)|on (?:camera|screen)|camera|footage|recording|video|clip)\b/,
  );
  // "order: bed, lamp, tv?": an order of named objects with no measure to sort by is the order they were seen in.
  const bareOrder = c.has(/\b(?:order|sequence)\b/) && !c.has(SORTED_BY);
  return orderCue && (seeCue || bareOrder) ? appearanceTask(c) : undefined;
};

/**
 * What an appearance question wants: the full order ("in what order…"), one of the objects ("which did I see
 * first, A or B?", "what showed up last"), or yes/no ("did I see A before B?").
 */
function appearanceTask(c: Ctx): Task {
  // "came into the picture", "entered the frame": the picture is where they came, not one of them.
  const w = c.r.words;
  const seenInto = (x: Mention): boolean =>
    (w[x.start - 1] === 'into' || (w[x.start - 1] === 'the' && w[x.start - 2] === 'into')) &&
    /^(?:picture|frame|shot|view|sight)$/.test(x.name);
  const labels = [...new Set(names(c.m.filter((x) => !seenInto(x))))];
  const early = /\b(first|earliest|earlier|sooner|before)\b/;
  const late = /\b(last|latest|later|final|after)\b/;
  if (c.has(/\b(order|sequence)\b/)) return { kind: 'obj_appearance_order', labels };
  // "in the recording, did A appear earlier than B?": the yes/no may follow a leading phrase.
  if (
    (c.has(/(?:^|, )(did|do|have|had|was|were|is|are)\b/) || c.yesNo()) &&
    !c.has(/\b(?:which|what|who)\b/)
  ) {
    // "…earlier than B", "…earlier in the video than B": the comparative and its "than" may stand apart.
    if (c.has(/\b(?:before|ahead of)\b|\b(?:earlier|sooner|first)\b.*\bthan\b/))
      return { kind: 'obj_appearance_order', labels, ask: 'before' };
    if (c.has(/\bafter\b|\blater\b.*\bthan\b/)) return { kind: 'obj_appearance_order', labels, ask: 'after' };
  }
  if (c.has(/\b(which|what|who)\b/) || c.has(/\bor\b/)) {
    if (c.has(early)) return { kind: 'obj_appearance_order', labels, ask: 'first' };
    if (c.has(late)) return { kind: 'obj_appearance_order', labels, ask: 'last' };
  }
  return { kind: 'obj_appearance_order', labels };
}

const SUMMARY =
  /\b(describe|summari[sz]e|summary|overview|rundown|run down|breakdown|walk me through|inventory|list (?:all|every|everything|the|what)|list of|what (?:is|are) (?:there )?in (?:the|this|my|here)|what (?:is|are) (?:there )?here|(?:what|which) (?:objects|things|items|furniture|pieces)|what (?:can|could|would|will|do|did) (?:i|we|you|one) (?:find|see|spot|notice)|(?:name|list|tell me) (?:all |every )?(?:the )?(?:things|objects|items)|what (?:do|did|have) you (?:see|seen|saw|notice|spot|find|found)|everything you (?:saw|see|have seen|found|noticed)|everything (?:that (?:is|is there|there is) )?(?:in|around|here)|what (?:can|could) you see|tell me about (?:the|this) (?:room|space|place|scene)|what is in (?:the|this|here)|what does (?:the|this) (?:room|space|place) (?:have|contain)|what is around|run (?:me |us )?(?:through|down)|go (?:me )?through|what (?:sort|sorts|kind|kinds|type|types) of (?:stuff|things|objects|items|furniture)|what (?:stuff|objects|things|items) (?:is|are))\b/;

/**
 * "what is already in the room", "what have we got in here", "what all things are there in this room", "what do
 * you keep in this room": what a place holds, whatever the verb, the subject and the adverbs between.
 */
const CONTENTS =
  /\bwhat (?:(?:all|else|exactly|just|kind of|sort of) )?(?:(?:things|stuff|objects|items|furniture) )?(?:is|are|was|were|have|has|do|did|does)(?: (?:we|you|i|they|there|it|the room|this room))?(?: (?:got|get|have|has|keep|see|seen|hold|holds|contain|contains))?(?: (?:already|currently|actually|now|right now|all|in total|there|so far|inside|at all|in it|lying|sitting|standing|kept|stored|placed|located|hanging|around|about))*(?: (?:in|inside|within|on) (?:the|this|my|our|here|there)| here| around here| in here| in there)\b|\bwhat (?:does|do|did) (?:the|this|my|our|that) (?:room|place|space|flat|house|apartment|home|kitchen|bedroom|bathroom|office) (?:hold|contain|have|include|feature|offer)\b|\b(?:list|name|tell me|show me)(?: off| out| me)? (?:all )?(?:the |what |everything )?(?:(?:stuff|things|objects|items|furniture|pieces) )?(?:(?:that )?(?:you|we|i) (?:have |had )?(?:saw|seen|see|found|noticed|spotted|got|came across)|in (?:here|the|this))\b/;
/** Said as a bare noun phrase: "stuff in room?", "contents of the room", "all the objects here". */
const CONTENTS_NP =
  /^(?:all )?(?:the )?(?:stuff|things|objects|items|furniture|contents|everything)(?: (?:in|inside|of|around) (?:the |this |my )?(?:room|here|place|space|flat|house))?$/;
const sceneSummary: Rule = (c) => {
  // "of everything in the room, which object is the smallest?" asks for one object, not the list.
  if (
    c.m.some((x) => x.known) ||
    !(c.has(SUMMARY) || c.has(CONTENTS) || c.has(CONTENTS_NP)) ||
    c.sizeWord(SUPERLATIVE)
  )
    return undefined;
  return {
    kind: 'scene_summary',
    detail: c.has(
      /\b(describe|description|summari[sz]e|summary|overview|rundown|run down|walk me through|tell me about)\b/,
    )
      ? 'describe'
      : 'list',
  };
};

const ROOM = /\b(room|space|place|apartment|flat|house|floor|area of the|scene)\b/;
const roomSize: Rule = (c) => {
  // "which object in this room is the most big" ranks the objects in the room.
  if (c.m.length > 0 || !ROOM.test(c.text) || c.sizeWord(SUPERLATIVE) || c.sizeWord(COMPARATIVE))
    return undefined;
  // "here is the big one: how many objects are in this room?" counts; "how many square metres" measures.
  if (c.has(/\b(?:how many|number of|count)\b/) && !c.has(HOW_MANY_UNITS)) return undefined;
  return c.has(
    /\b(size|big|large|area|square|dimensions|how many (?:m2|square)|floor area|footprint|small)\b/,
  )
    ? { kind: 'room_size_estimation' }
    : undefined;
};

const HOW_MANY_UNITS =
  /\bhow many (?:cm|mm|m|ft|m2|sq|centimet\w*|millimet\w*|met(?:er|re)s?|feet|foot|inch\w*|square\w*|yards?)\b/;
const COUNT = [
  'how many',
  'number of',
  'count',
  'counting',
  'tally',
  'total of',
  'quantity of',
  'amount of',
  'add up',
  'adds up',
  'sum of',
  'sum up',
];
/** "how many objects", "count for me all the objects", "number of items": every object (filler words between). */
const ALL_OBJECTS =
  /\b(how many|number of|count|tally)(?: (?!and\b|or\b|plus\b)\w+){0,6}? (objects|things|items|pieces|furniture|stuff|everything)\b|\bcount everything\b/;
/**
 * "how many different kinds of things are there?", "the number of distinct object types": the number of classes,
 * when the kinds are what is counted ("how many items, all types together" counts the items).
 */
const KINDS =
  /\b(?:how many|number of|count of|count|tally of)(?: \w+){0,2}? (?:kinds?|types?|sorts?|categories|category|varieties|classes)\b/;
const TOTAL_OBJECTS =
  /\btotal (?:number of )?(?:objects|things|items)\b|\b(?:objects|things|items) (?:in total|altogether|all together)\b/;
/** "the total", "the sum", "the grand total": a count when no measure is asked ("the total length" is not one). */
const TOTAL_NOUNS = ['total', 'sum', 'grand total', 'sum total'];
/** Every object of the room said with a noun of the class ("the item count", "every single object included"). */
const everything = (c: Ctx): boolean => c.r.words.some((w) => EVERYTHING_NOUNS.has(w));
const counting: Rule = (c) => {
  // "total chairs?": "total" right before a name counts it.
  const total = c.at(TOTAL_NOUNS);
  const countAt = c.at(COUNT);
  const measured =
    c.has(MEASURE_WORD) || c.has(DISTANCE) || MEASURE_NOUNS[c.r.words[total + 1] ?? ''] !== undefined;
  const at =
    total >= 0 && c.m.some((x) => x.start === total + 1)
      ? total
      : countAt >= 0
        ? countAt
        : // "If you add the cups to the bowls, what is the total?": the total of the names said before.
          total >= 0 && !measured
          ? total
          : -1;
  // "total objects?", "objects in total?": every object, said without a count verb.
  if (at < 0 && c.m.length === 0 && c.has(TOTAL_OBJECTS)) return { kind: 'count_total', labels: [] };
  if (at < 0) return undefined;
  // "how many cm tall is…" asks for a measure, not a count.
  if (c.has(HOW_MANY_UNITS)) return undefined;
  if (KINDS.test(c.text) && !c.m.some((x) => x.known))
    return { kind: 'count_total', labels: [], kinds: true };
  let after = c.enough(1, c.after(at));
  // "For the listing, what is the number of items?": every object, whatever the context before says.
  // "the total item count, every object included": a noun for every object anywhere in the question.
  if (after.length === 0 && (c.has(ALL_OBJECTS) || (everything(c) && !c.m.length)))
    return { kind: 'count_total', labels: [] };
  // "cups plus bowls, how many altogether?": the names come before the question words.
  if (after.length === 0) after = c.enough(1);
  if (after.length >= 2 && c.has(/\b(total|altogether|combined|together|in all|sum|add|adds|and|plus)\b/))
    return { kind: 'count_total', labels: names(after) };
  const target = after[0] ?? c.m[0];
  return target ? { kind: 'object_counting', label: target.name } : undefined;
};

/**
 * "are there more chairs than tables?", "do I have fewer cups or bowls?", "which is there more of, lamps or
 * chairs?", "do the chairs outnumber the tables?": counts compared (yes/no when a "than" claims one).
 */
const MORE: Readonly<Record<string, Order>> = {
  more: 'max',
  fewer: 'min',
  less: 'min',
  outnumber: 'max',
  outnumbers: 'max',
  outnumbered: 'max',
};
const countCompare: Rule = (c) => {
  const ms = c.enough(2);
  const distinct = ms.filter((x, i) => ms.findIndex((y) => y.name === x.name) === i);
  if (distinct.length !== 2) return undefined;
  const at = c.r.words.findIndex((w) => MORE[w] !== undefined);
  // "how many more chairs than tables" asks for a difference, not which.
  if (at < 0 || c.r.words[at - 1] === 'many') return undefined;
  const w = c.r.words[at];
  // The cue right before the first name ("more chairs", "fewer of the cups"), "more of" (the names follow), or
  // a verb of outnumbering between the names.
  const next = distinct[0].start;
  const counted = w.startsWith('outnumber')
    ? at > distinct[0].start && at < distinct[1].start
    : (next > at && next <= at + 3 && c.r.words.slice(at + 1, next).every((x) => /^(?:of|the)$/.test(x))) ||
      (c.r.words[at + 1] === 'of' && c.has(/\b(?:which|what)\b/)) ||
      c.r.words[at + 1] === 'numerous';
  if (!counted) return undefined;
  const claim = w.startsWith('outnumber') || (c.word('than') && c.yesNo());
  return { kind: 'count_total', labels: names(distinct), more: MORE[w], ...(claim ? { claim } : {}) };
};

const egoWhatsThere: Rule = (c) => {
  const ego = EGO.find(([p]) => c.at([p]) >= 0);
  if (!ego) return undefined;
  const hasQuery = c.has(
    /^(what|which|anything|is there anything|are there|is there|tell me|name|list)\b|\bwhat\b/,
  );
  if (c.m.length === 0 && hasQuery) return { kind: 'ego_whats_there', direction: ego[1] };
  if (c.m.length >= 1 && !c.has(/\b(if|suppose|imagine)\b/))
    return { kind: 'ego_direction_of', target: c.m[0].name };
  return undefined;
};

const CLOSER = ['closer to', 'nearer to', 'nearer', 'closer', 'closest to', 'nearest to'];
const FARTHER = [
  'farther from',
  'further from',
  'farther away from',
  'further away from',
  'farthest from',
  'furthest from',
];
/** "is X closer to Y or Z?", "which is closer to X, Y or Z?", "which is farther from X: Y or Z?" */
const relativeDistance: Rule = (c) => {
  const closeAt = c.at(CLOSER);
  const farAt = c.at(FARTHER);
  const bareFarAt = c.at(['farther', 'further']);
  const at = closeAt >= 0 ? closeAt : farAt >= 0 ? farAt : bareFarAt;
  if (at < 0 || c.m.length < 3) return undefined;
  const order: Order = closeAt >= 0 ? 'min' : 'max';
  let anchor: Mention;
  let choices: Mention[];
  // "From the sofa, which is farther: the stool or the tv?": the anchor said first, the cue bare.
  // ("which is farther away: A or B" is bare too; "farther away from A" is not.)
  const next = c.r.words[at + 1] === 'away' ? c.r.words[at + 2] : c.r.words[at + 1];
  const bare = !['to', 'from'].includes(next ?? '');
  const fronted = bare ? c.at(['from', 'to']) : -1;
  const frontAnchor = fronted >= 0 && fronted < at ? c.after(fronted)[0] : undefined;
  if (frontAnchor && frontAnchor.end <= at) {
    choices = c.m.filter((x) => x !== frontAnchor);
    if (choices.length < 2) return undefined;
    return order === 'min'
      ? { kind: 'object_rel_distance', anchor: frontAnchor.name, choices: names(choices) }
      : { kind: 'nearest', anchor: frontAnchor.name, order, among: names(choices) };
  }
  const yesNo = c.yesNo();
  if (yesNo && c.word('than') && c.before(at).length >= 1 && c.after(at)[0]) {
    // "is A farther from C than B is?": C is the anchor, A the claim, B the other choice.
    anchor = c.after(at)[0];
    choices = c.m.filter((x) => x !== anchor);
    return { kind: 'nearest', anchor: anchor.name, order, among: names(choices), claim: choices[0].name };
  }
  // "is B or C farther from A?": the choices come first, the anchor after the cue.
  if (yesNo && c.before(at).length === 1) {
    anchor = c.before(at)[0];
    choices = c.m.filter((x) => x !== anchor);
  } else {
    anchor = c.after(at)[0];
    if (!anchor) return undefined;
    choices = c.m.filter((x) => x !== anchor);
  }
  if (choices.length < 2) return undefined;
  return order === 'min'
    ? { kind: 'object_rel_distance', anchor: anchor.name, choices: names(choices) }
    : { kind: 'nearest', anchor: anchor.name, order, among: names(choices) };
};

const NEAR_CUES = [
  'next to',
  'beside',
  'near',
  'by',
  'close to',
  'adjacent to',
  'around',
  'nearby',
  'besides',
  'alongside',
  'by the side of',
];
/** "what is closest to the clock?", "what's next to the sink?", "the farthest object from the door". */
/** "what's the closest thing to me?" */
const nearestToMe: Rule = (c) => {
  if (
    c.m.length > 0 ||
    !c.has(
      /\b(closest|nearest|farthest|furthest)\b.*\b(me|i am|myself)\b|\b(?:near|next to|beside|close to|by) (?:me|myself)\b/,
    )
  )
    return undefined;
  return { kind: 'ego_nearest', order: c.has(/\b(farthest|furthest)\b/) ? 'max' : 'min' };
};

const GENERIC_NEAR =
  /^(?:closest|nearest|farthest|furthest|next|right next) (?:to|from)\b|\b(?:object|thing|item|piece of furniture|one)s? (?:that is |which is |standing |sitting |placed |located )?(?:closest|nearest|next|beside|near|by|adjacent|farthest|furthest|most far)\b/;
const nearest: Rule = (c) => {
  if (c.m.length !== 1 && !(c.m.length === 2 && c.m[0].name === c.m[1].name)) return undefined;
  if (
    !c.has(
      /^(what|which|anything|is there anything|tell me|name|list|find|show)\b|\bwhat\b|\bwhich\b|\banything\b|\bneighbou?rs?\b/,
    ) &&
    // Said as a noun phrase: "object next to the clock", "the thing closest to the sink".
    !c.has(GENERIC_NEAR)
  )
    return undefined;
  const anchor = c.m[c.m.length - 1];
  const closest = c.at(['closest', 'nearest', 'closest to', 'nearest to', 'most near']);
  const farthest = c.at([
    'farthest',
    'furthest',
    'farthest from',
    'furthest from',
    'most far',
    'farthest away from',
  ]);
  // "which chair is closest to me" is measured from the user, not from the chair.
  if (c.has(/\b(?:closest|nearest|farthest|furthest)(?: to| from)? (?:me|myself|us)\b/)) return undefined;
  // The cue on either side of the name: "what is closest to X", "what is X closest to", "X's nearest neighbour".
  if (closest >= 0) return { kind: 'nearest', anchor: anchor.name, order: 'min' };
  if (farthest >= 0) return { kind: 'nearest', anchor: anchor.name, order: 'max' };
  const near = c.at(NEAR_CUES);
  if (near >= 0 && (near < anchor.start || askedAfter(c, near)))
    return { kind: 'nearest', anchor: anchor.name, order: 'min', near: true };
  return undefined;
};

/**
 * The cue after the anchor, its object the question word or left out: "the tv is next to what?", "the sofa sits
 * beside which object?", "what is the bed near?", "which thing is the lamp standing by?".
 */
const WH_OBJECT = new Set(['what', 'which', 'whatever', 'whom']);
function askedAfter(c: Ctx, near: number): boolean {
  const w = c.r.words;
  const rest = w.slice(near + NEAR_CUES.find((p) => c.at([p], near) === near)!.split(' ').length);
  if (rest.length) return WH_OBJECT.has(rest[0]) && !c.after(near).length;
  // Stranded: the question word opens the sentence ("what is the tv next to").
  return w.slice(0, near).some((x) => WH_OBJECT.has(x));
}

/**
 * "where is the closest chair to the bed", "which lamp is nearest the sofa", "the farthest cup from the sink": the
 * one of a kind (the first name) nearest to or farthest from another (the second).
 */
const OF_A_KIND_CUES = ['closest', 'nearest', 'farthest', 'furthest'];
const nearestOfAKind: Rule = (c) => {
  const ms = c.enough(2);
  if (ms.length !== 2 || ms[0].name === ms[1].name) return undefined;
  const [kind, anchor] = ms;
  const at = c.at(OF_A_KIND_CUES);
  // The cue stands by the kind ("the closest chair", "which chair is nearest"), the anchor after it.
  if (at < 0 || at > anchor.start || Math.abs(at - kind.start) > 3) return undefined;
  if (c.has(/\b(?:closest|nearest|farthest|furthest)(?: to| from)? (?:me|myself|us)\b/)) return undefined;
  const order: Order = /^(?:closest|nearest)$/.test(c.r.words[at]) ? 'min' : 'max';
  // "is the chair the closest thing to the bed?": yes/no, among everything.
  if (c.yesNo()) return { kind: 'nearest', anchor: anchor.name, order, claim: kind.name };
  return { kind: 'nearest', anchor: anchor.name, order, among: [kind.name] };
};

/** "which is bigger, the couch or the table?", "is the fridge taller than the door?" */
/** "which takes up more space", "which one occupies less room": a comparison of volumes. */
const SPACE =
  /\b(?:takes?|taking|uses?|using|occupies|occupy|occupying|fills?|needs?) (?:up )?(more|less) (?:space|room|floor)\b/;
const THE_ER_OF =
  /\b(?:is|was|are|were) (?:the |a |an )?((?:[a-z]+ ){0,2}?[a-z]+) the (?:\w+er|more \w+|less \w+) (?:of the two|of both|of them|of the pair|one)\b/;
const compare: Rule = (c) => {
  const space = SPACE.exec(c.text);
  const w: readonly [Measure, Order] | undefined = space
    ? ['volume', space[1] === 'more' ? 'max' : 'min']
    : c.sizeWord(COMPARATIVE);
  const ms = c.enough(2);
  const distinct = ms.filter((x, i) => ms.findIndex((y) => y.name === x.name) === i);
  if (!w || distinct.length < 2) return undefined;
  // "is the loo the taller of the two?", "was the bed the bigger one?": a claim about the one named first.
  const chosen = THE_ER_OF.exec(c.text)?.[1];
  const claimed = distinct.find((x) => x.name === chosen);
  const claim = (c.yesNo() && c.word('than')) || claimed !== undefined;
  const ordered = claimed ? [claimed, ...distinct.filter((x) => x !== claimed)] : distinct;
  return {
    kind: 'compare',
    labels: names(ordered),
    measure: w[0],
    order: w[1],
    ...(claim ? { claim } : {}),
  };
};

/**
 * "the longest dimension of the stove", "the greatest of the three dimensions of the bed" is one object's measure,
 * not a ranking of objects.
 */
const ONE_OBJECTS_EXTENT =
  /\b(?:longest|largest|biggest|greatest|maximum|max)(?: of (?:the|its|their)(?: (?:two|three|\d))?)? (?:dimension|side|edge|extent|measurement|measure|size)s?\b/;

/** "how big is the fridge at its longest": one object's extent, not a ranking. */
const AT_ITS = /\bat (?:its|their) \w+est\b/;

const superlative: Rule = (c) => {
  const w = c.sizeWord(SUPERLATIVE);
  if (!w || c.has(ONE_OBJECTS_EXTENT) || c.has(AT_ITS)) return undefined;
  // "which is the biggest, the chair or the table?": a ranking of the objects named is a comparison.
  const ms = c.enough(2);
  const named = ms.filter((x, i) => ms.findIndex((y) => y.name === x.name) === i);
  if (named.length >= 2 && c.has(/\b(?:or|and)\b/))
    return { kind: 'compare', labels: names(named), measure: w[0], order: w[1] };
  const among = c.m[0];
  return { kind: 'superlative', measure: w[0], order: w[1], ...(among ? { among: among.name } : {}) };
};

const DISTANCE =
  /\b(how far|distance|how close|apart|far away|far from|how many (?:cm|centimet|mm|millimet|met|feet|foot|ft|inch|yard)\w* (?:(?!tall|high|long|wide|deep|big|large)\w+ ){0,3}(?:away|apart|from|between)|(?:gap|space|room|separation|spacing|clearance) (?:(?:is|are|lies|lie|sits|remains|stretches|exists) (?:there |left )?|there (?:is|lies|remains) )?(?:between|separating|from)|separat\w+)\b/;
/** "how far up does the fridge reach", "how far off the floor does the lamp go": a height, not a distance. */
const VERTICAL_REACH =
  /\bhow far (?:up|upward|upwards|off the (?:floor|ground)|above the (?:floor|ground))\b/;
const distance: Rule = (c) => {
  if (!c.has(DISTANCE)) return undefined;
  if (c.has(VERTICAL_REACH) && c.m.length === 1)
    return { kind: 'object_measure', label: c.m[0].name, measure: 'height' };
  // "the Euclidean separation between the lamp and the desk": a tagged noun the vocabulary lacks is no end.
  const ends = c.enough(2);
  if (ends.length >= 2) return { kind: 'object_abs_distance', a: ends[0].name, b: ends[1].name };
  if (c.m.length === 1) {
    const one = c.m[0];
    if (one.plural || c.has(/\b(two|both|2|pair of)\b/))
      return { kind: 'object_abs_distance', a: one.name, b: one.name };
    // "how far away is the couch?", "how far am I from the tv?": from where the user stands.
    return { kind: 'ego_distance', target: one.name };
  }
  return undefined;
};

/** "top to bottom, how many feet is…", "end to end", "side to side": the extent between two ends. */
const SPAN: readonly [RegExp, Measure][] = [
  [/\b(?:top to bottom|bottom to top|floor to (?:top|ceiling)|head to toe)\b/, 'height'],
  [/\b(?:end to end|from one end to the other|front to back)\b/, 'length'],
  [/\b(?:side to side|left to right|edge to edge)\b/, 'width'],
  // Surveyor wording: "the vertical extent of the cabinet", "its vertical dimension".
  [/\bvertical (?:extent|dimension|size|span|measurement|measure|clearance)\b/, 'height'],
];

/** Seen from above: "in plan", "the footprint's long side", "horizontally". */
const PLAN =
  /\b(?:in plan|plan view|floor plan|footprint|horizontal|horizontally|from above|top view|top down)\b/;
/** "the long side", "its shorter edge", "the minor axis": a side of the footprint. */
const SIDE =
  /\b(long|longer|longest|major|short|shorter|shortest|minor)(?: horizontal)? (side|edge|dimension|axis|direction|way)\b/;
function sideOf(c: Ctx): Measure | undefined {
  const m = SIDE.exec(c.text);
  if (!m) return undefined;
  if (/^(?:short|shorter|shortest|minor)$/.test(m[1])) return 'width';
  // "the longest side" alone is the longest of all three (VSI-Bench's size); in plan it is the length.
  return m[1] === 'longest' && !c.has(PLAN) ? undefined : 'length';
}

/**
 * "how many inches is the suitcase at its longest", "how long is the bed at its longest point", "how tall is the
 * lamp at its highest": one object's extreme extent. Its greatest of all ("longest", "biggest", "maximum") is its
 * largest dimension; a degree of one dimension ("tallest", "widest") is that dimension.
 */
const AT_ITS_EXTREME = /\bat (?:its|their|his|her|the) (\w+est|maximum|max|most|fullest)\b/;
const GREATEST = new Set(['longest', 'biggest', 'largest', 'greatest', 'maximum', 'max', 'most', 'fullest']);
function atItsExtreme(c: Ctx): Measure | undefined {
  const word = AT_ITS_EXTREME.exec(c.text)?.[1];
  if (!word) return undefined;
  if (GREATEST.has(word)) return 'longest';
  const size = SIZE_WORDS[word];
  return size && size[1] === 'max' ? size[0] : undefined;
}

const COVERS =
  /\bhow (?:many (?:square|sq)\b.*|much (?:floor|floor space|space|area|room)\b.*)\b(?:cover|covers|occupy|occupies|take up|takes up|use|uses|fill|fills)\b/;
const measure: Rule = (c) => {
  const target = c.m[0];
  if (!target) return undefined;
  const side = sideOf(c);
  if (side) return { kind: 'object_measure', label: target.name, measure: side };
  if (c.has(ONE_OBJECTS_EXTENT)) return { kind: 'object_measure', label: target.name, measure: 'longest' };
  const how = /\bhow (big|large|tall|high|long|wide|deep|short|small|tiny|bulky|heavy)\b/.exec(c.text);
  if (how) return { kind: 'object_measure', label: target.name, measure: SIZE_WORDS[how[1]][0] };
  // A dimension said with "how" ("how long is the sofa at its longest") is that dimension; otherwise the extreme.
  const extreme = atItsExtreme(c);
  if (extreme) return { kind: 'object_measure', label: target.name, measure: extreme };
  // "how many feet tall is it", "how much meter the bed is long" (the adjective may come at the end).
  const unitHow =
    /\bhow (?:many|much) \w+ (?:(?:is|are|the|a|an|this|that|it|\w+) ){0,4}?(tall|high|long|wide|deep|big|large)\b/.exec(
      c.text,
    );
  if (unitHow) return { kind: 'object_measure', label: target.name, measure: SIZE_WORDS[unitHow[1]][0] };
  // "how many square metres does the bed cover", "how much floor does the sofa take up": its footprint.
  if (c.has(COVERS)) return { kind: 'object_measure', label: target.name, measure: 'area' };
  const span = SPAN.find(([re]) => c.has(re));
  if (span) return { kind: 'object_measure', label: target.name, measure: span[1] };
  for (const [noun, ms] of Object.entries(MEASURE_NOUNS))
    if (c.word(noun)) return { kind: 'object_measure', label: target.name, measure: ms };
  if (c.has(/\bwhat size\b|\bmeasure\b|\bmeasurements?\b/))
    return { kind: 'object_measure', label: target.name, measure: 'longest' };
  return undefined;
};

/**
 * "I'm at the clock and I want to walk to the table. How many metres is that?": a length asked with two objects
 * and no dimension of one of them is the way from one to the other.
 */
const MEASURE_WORD =
  /\b(?:tall|high|long|wide|deep|big|large|height|length|width|depth|size|across|around)\b/;
const lengthBetween: Rule = (c) => {
  const ms = c.enough(2);
  if (ms.length < 2 || !c.has(HOW_MANY_UNITS) || c.has(MEASURE_WORD)) return undefined;
  return { kind: 'object_abs_distance', a: ms[0].name, b: ms[1].name };
};

const locate: Rule = (c) => {
  if (c.m.length !== 1) return undefined;
  return c.has(/\bwhere\b|\blocation of\b|\bposition of\b|\bfind the\b|\blocate\b/)
    ? { kind: 'locate', target: c.m[0].name }
    : undefined;
};

const YES_NO_VERBS = new Set(['is', 'are', 'was', 'were', 'does', 'do', 'can']);
/** "is the plant left of the sofa?", "is the cup between the laptop and the vase?" */
const pairRelation: Rule = (c) => {
  if (c.m.length < 2 || !c.clauseOpens(YES_NO_VERBS)) return undefined;
  const a = c.m[0];
  for (const [phrase, relation] of RELATIONS) {
    const at = c.at([phrase], a.end);
    if (at < 0) continue;
    const rest = c.after(at + phrase.split(' ').length);
    if (relation === 'between' && rest.length >= 2)
      return { kind: 'pair_relation', a: a.name, relation, b: rest[0].name, c: rest[1].name };
    if (relation !== 'between' && rest.length >= 1)
      return { kind: 'pair_relation', a: a.name, relation, b: rest[0].name };
  }
  return undefined;
};

const EXISTS =
  /^(?:you |have you |you have )?(?:got|seen|spotted|noticed|found) (?:a|an|any|some)\b|^you (?:see|seen|saw|spot|spotted|notice|noticed|found)\b|\b(is there|(?:can|could) (?:you|i|we) (?:find|locate|spot) (?:a|an|any)|are there|was there|were there|do you see|did you see|have you seen|can you see|could you see|did you spot|did you notice|(?:have|had) you (?:come|run) across|(?:did|do|can|could) you (?:come|run) across|(?:would|will|could|can|do|might) (?:i|we|you|one) (?:find|see|spot|come across)|(?:can|could) you (?:spot|find|locate|make out)|(?:do|did) you know (?:if|whether) (?:there|you)|(?:looking|searching|hunting) for|is there one|are there some|(?:do|did) (?:we|i) (?:already |currently |still |even |actually )?(?:have|own|got)|(?:have|has) (?:we|i) (?:already |currently |still |even |actually )?got|(?:does|do) (?:the|this|my|your) (?:room|place|space|scene|house|flat|apartment) (?:have|contain|include|come with|hold)|(?:has|have) (?:the|this|my|your) (?:room|place|space|scene|house|flat|apartment) (?:got|any)|(?:^|, |\b(?:so|okay|ok|well|and|um|uh|then) )there (?:is|are) (?:a|an|any|some)|exists?|^(?:is|are) (?:having|there having)|(?:the|this|my|your) (?:room|place|space|scene|house|flat|apartment) (?:has|have|contains?|includes?|comes? with|holds?)|is (?:a|an|the) .+ (?:here|in (?:here|the room|this room))|any)\b/;
/** "would there be a piano", "might there be any cups", "there could be a lamp?": existential "there" with a modal. */
const MODAL_THERE =
  /\b(?:(?:would|could|might|will|may|should|must|can) there (?:be|exist)|there (?:would|could|might|will|may|should|must|can) be)\b/;
/** "has this room a sofa?", "does the kitchen have a kettle?": the room as the subject of having. */
const ROOM_HAS =
  /^(?:has|have|does|do|did) (?:the|this|my|your|our|that) (?:room|place|space|scene|house|flat|apartment|home|kitchen|bedroom|bathroom|office|living room)\b/;
/** "a bathtub present in the room? (yes/no)", "any lamp around?": presence said without a verb. */
const PRESENCE =
  /\b(?:present|around|anywhere|somewhere|available|here|to be (?:found|seen)|in (?:here|there|the room|this room|the space|this space))\b/;
const WH = /\b(?:which|what|who|whom|where|how|when|why)\b/;
/** "tell me if you saw a toaster", "can a sofa be found here?": whether, said as a report or in the passive. */
const EXISTS_REPORTED =
  /\b(?:if|whether) (?:you|we|i) (?:have |had |ever |already )?(?:saw|seen|see|spotted|noticed|found|came across|come across)\b|\bbe (?:found|seen|spotted|located)\b/;
const existence: Rule = (c) => {
  // "where would I find the cup" asks where, not whether.
  if (c.m.length === 0 || c.has(/\bwhere\b/)) return undefined;
  const presence = c.has(PRESENCE) && !c.has(WH);
  if (!c.has(EXISTS) && !c.has(MODAL_THERE) && !c.has(ROOM_HAS) && !c.has(EXISTS_REPORTED) && !presence)
    return undefined;
  // "any idea if there is a microwave?": a tagged noun the vocabulary lacks is framing when a known name is asked.
  return { kind: 'object_existence', label: c.enough(1)[0].name };
};

/** "which did I see first, the sofa or the tv?" (no "appear" word). */
const firstSeen: Rule = (c) =>
  c.m.length >= 2 && c.has(/\bfirst\b/) && !c.has(TURN_ASK) && !c.has(ROUTE) ? appearanceTask(c) : undefined;

const RULES: readonly Rule[] = [
  routeFromStandpoint,
  standpoint,
  appearance,
  sceneSummary,
  roomSize,
  countCompare,
  counting,
  relativeDistance,
  egoWhatsThere,
  distance,
  compare,
  nearestToMe,
  nearest,
  nearestOfAKind,
  superlative,
  measure,
  lengthBetween,
  pairRelation,
  existence,
  locate,
  firstSeen,
];

export function intentOf(r: Reading): Task {
  const c = new Ctx(r);
  for (const rule of RULES) {
    const t = rule(c);
    if (t) return t;
  }
  return { kind: 'open', targets: names(r.mentions) };
}
