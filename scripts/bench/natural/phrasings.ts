/**
 * The phrasing bank: how people ask each kind of question, written before and apart from the product's question
 * parser (formal, casual, terse, chatty; British and American words). Slots: {a} {b} {c} an object's name,
 * {a_pl} its plural, {an_a} with "a"/"an", {unit} a unit as written ("m", "metres", "ft", …), {units} a unit
 * spelled out ("metres", "feet", …). `form` says what the generator computes for it (see generateNatural.ts).
 */
export const KINDS = [
  'counting',
  'total',
  'existence',
  'distance',
  'size_height',
  'size_length_width',
  'size_big',
  'superlative',
  'nearest',
  'comparison',
  'standpoint',
  'route',
  'appearance_order',
  'room_listing',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Phrasing {
  readonly id: string;
  readonly form: string;
  readonly text: string;
}

export type Bank = Record<Kind, readonly Omit<Phrasing, 'id'>[]>;
/** A bank as the generator reads it: kinds → phrasings, each with its id (`<prefix><kind>.<n>`). */
export type NumberedBank = Record<Kind, readonly Phrasing[]>;

const RAW: Bank = {
  counting: [
    { form: 'count', text: 'How many {a_pl} are there?' },
    { form: 'count', text: 'Count the {a_pl} for me.' },
    { form: 'count', text: 'number of {a_pl}?' },
    { form: 'count', text: 'How many {a_pl} did you see?' },
    { form: 'count', text: "What's the number of {a_pl} in this room?" },
    { form: 'count', text: 'Could you tell me how many {a_pl} there are in the room?' },
    { form: 'count', text: 'how many {a_pl} in here' },
    { form: 'count', text: 'How many {a_pl} can you spot?' },
    { form: 'count', text: 'Please count how many {a_pl} are in the room.' },
    { form: 'count', text: 'How many {a_pl} does this room have?' },
    { form: 'count', text: 'I need to know how many {a_pl} there are.' },
    { form: 'count', text: 'Total {a_pl}?' },
  ],
  total: [
    { form: 'all', text: 'How many objects are in the room?' },
    { form: 'all', text: 'How many things did you see altogether?' },
    { form: 'all', text: "What's the total number of objects you found?" },
    { form: 'all', text: 'how many items are there in total' },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} are there in total?' },
    { form: 'pair', text: 'Count all the {a_pl} and {b_pl} together.' },
    { form: 'pair', text: "What's the combined number of {a_pl} and {b_pl}?" },
    { form: 'pair', text: '{a_pl} plus {b_pl}, how many altogether?' },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} did you see, all told?' },
    { form: 'all', text: 'Roughly how many objects have you mapped in here?' },
  ],
  existence: [
    { form: 'either', text: 'Is there {an_a} in here?' },
    { form: 'either', text: 'Do you see {an_a}?' },
    { form: 'either', text: 'Did you spot any {a_pl}?' },
    { form: 'either', text: 'Is there {an_a} in the room?' },
    { form: 'either', text: 'any {a_pl} around?' },
    { form: 'either', text: 'Have you seen {an_a} anywhere?' },
    { form: 'either', text: 'Does this room have {an_a}?' },
    { form: 'either', text: 'Can you find {an_a} in this space?' },
    { form: 'either', text: 'Are there any {a_pl} in this room?' },
    { form: 'either', text: 'Was there {an_a}?' },
  ],
  distance: [
    { form: 'distance', text: 'How far is the {a} from the {b} in {unit}?' },
    { form: 'distance', text: "What's the distance between the {a} and the {b}, in {units}?" },
    { form: 'distance', text: 'How many {units} are there between the {a} and the {b}?' },
    { form: 'distance', text: 'distance from {a} to {b} in {unit}?' },
    { form: 'distance', text: 'How far apart are the {a} and the {b}? Answer in {units}.' },
    { form: 'distance', text: 'Roughly how many {units} is it from the {a} to the {b}?' },
    { form: 'distance', text: 'In {units}, how far away is the {b} from the {a}?' },
    { form: 'distance', text: 'Can you measure the gap between the {a} and the {b} in {unit}?' },
    { form: 'distance', text: 'How close is the {a} to the {b}, in {units}?' },
    { form: 'distance', text: 'Tell me the distance between the {a} and the {b} in {units}, please.' },
  ],
  size_height: [
    { form: 'height', text: 'How tall is the {a} in {unit}?' },
    { form: 'height', text: 'What is the height of the {a} in {units}?' },
    { form: 'height', text: '{a} height in {unit}?' },
    { form: 'height_floor', text: 'How high is the {a}, in {units}?' },
    { form: 'height', text: "Give me the {a}'s height in {units}." },
    { form: 'height', text: 'How many {units} tall is the {a}?' },
    { form: 'height', text: 'Roughly how tall would you say the {a} is, in {units}?' },
    { form: 'height', text: 'What height is the {a}? Please answer in {units}.' },
  ],
  size_length_width: [
    { form: 'length', text: 'How long is the {a} in {unit}?' },
    { form: 'length', text: 'What is the length of the {a} in {units}?' },
    { form: 'length', text: 'How many {units} long is the {a}?' },
    { form: 'length', text: "what's the {a}'s length in {unit}" },
    { form: 'width', text: 'How wide is the {a} in {unit}?' },
    { form: 'width', text: "What's the width of the {a} in {units}?" },
    { form: 'width', text: 'How many {units} wide is the {a}?' },
    { form: 'width', text: '{a} width in {unit}?' },
  ],
  size_big: [
    { form: 'big', text: 'How big is the {a} in {unit}?' },
    { form: 'big', text: "What's the size of the {a} in {units}?" },
    { form: 'big', text: 'How large is the {a}? Give its longest dimension in {units}.' },
    { form: 'big', text: "What's the biggest dimension of the {a} in {units}?" },
    { form: 'big', text: 'Roughly how big is the {a}, in {units}?' },
    { form: 'big', text: '{a} size in {unit}?' },
    { form: 'big', text: 'How long is the longest side of the {a} in {units}?' },
    { form: 'big', text: 'What is the largest measurement of the {a}, in {units}?' },
  ],
  superlative: [
    { form: 'largest', text: 'What is the largest object in the room?' },
    { form: 'largest', text: 'Which is the biggest thing in here?' },
    { form: 'smallest', text: "What's the smallest object you saw?" },
    { form: 'smallest', text: 'Which item in the room is the tiniest?' },
    { form: 'tallest', text: "What's the tallest thing in the room?" },
    { form: 'tallest', text: 'Which object is the tallest?' },
    { form: 'closest', text: 'What is closest to the {a}?' },
    { form: 'closest', text: 'Which object is nearest to the {a}?' },
    { form: 'farthest', text: "What's the farthest thing from the {a}?" },
    { form: 'farthest', text: 'Which object is furthest away from the {a}?' },
    { form: 'largest', text: 'biggest object?' },
    { form: 'closest', text: "What's the closest object to the {a}?" },
  ],
  nearest: [
    { form: 'next', text: "What's next to the {a}?" },
    { form: 'next', text: 'What is beside the {a}?' },
    { form: 'next', text: 'What is near the {a}?' },
    { form: 'next', text: 'Which object is right by the {a}?' },
    { form: 'next', text: 'What sits next to the {a}?' },
    { form: 'next', text: "What's the {a}'s nearest neighbour?" },
    { form: 'next', text: 'What is the {a} closest to?' },
    { form: 'next', text: "what's by the {a}" },
    { form: 'next', text: 'Is there anything next to the {a}? What is it?' },
  ],
  comparison: [
    { form: 'bigger', text: 'Which is bigger, the {a} or the {b}?' },
    { form: 'bigger', text: 'whats bigger, the {a} or the {b}' },
    { form: 'bigger_yn', text: 'Is the {a} larger than the {b}?' },
    { form: 'smaller', text: 'Which one is smaller: the {a} or the {b}?' },
    { form: 'taller', text: 'Which is taller, the {a} or the {b}?' },
    { form: 'taller_yn', text: 'Is the {a} taller than the {b}?' },
    { form: 'closer', text: 'Is the {a} closer to the {b} or the {c}?' },
    { form: 'closer', text: 'Which is nearer to the {a}: the {b} or the {c}?' },
    { form: 'farther', text: 'Of the {b} and the {c}, which is further from the {a}?' },
    { form: 'bigger', text: 'Out of the {a} and the {b}, which one takes up more space?' },
  ],
  standpoint: [
    { form: 'lr', text: 'If I stand by the {a} facing the {b}, is the {c} to my left or right?' },
    { form: 'lr', text: "If I'm at the {a} looking at the {b}, where is the {c}?" },
    {
      form: 'lr',
      text: 'Standing next to the {a} and facing the {b}, would the {c} be on my left or my right?',
    },
    {
      form: 'lr',
      text: "Suppose I'm at the {a}, facing towards the {b}. Is the {c} on the left or the right?",
    },
    { form: 'lr', text: "I'm by the {a}, looking toward the {b}: which side is the {c} on?" },
    { form: 'yn_left', text: 'If I stand by the {a} facing the {b}, is the {c} to my left?' },
    {
      form: 'lr',
      text: 'Imagine standing at the {a} and looking at the {b}. Which way is the {c}, left or right?',
    },
    { form: 'yn_right', text: 'Standing at the {a} and facing the {b}, is the {c} on my right-hand side?' },
    { form: 'lr', text: 'From the {a}, facing the {b}, is the {c} left or right of me?' },
    { form: 'lr', text: 'at the {a} looking at the {b}, is the {c} on my left or right' },
  ],
  route: [
    { form: 'facing', text: "I'm at the {a} facing the {b}. How do I get to the {c}?" },
    { form: 'facing', text: 'Starting at the {a} and facing the {b}, how do I get to the {c}?' },
    { form: 'facing', text: 'From the {a}, looking at the {b}, how would I walk to the {c}?' },
    {
      form: 'facing',
      text: "I'm standing by the {a} with the {b} in front of me. Which way do I turn to reach the {c}?",
    },
    { form: 'facing', text: "How do I get to the {c} if I'm at the {a} facing the {b}?" },
    { form: 'back', text: 'With my back to the {b}, standing at the {a}, how do I get to the {c}?' },
    { form: 'facing', text: 'Beginning at the {a}, facing the {b}: give me directions to the {c}.' },
    { form: 'back', text: "I'm next to the {a} with the {b} behind me. What's the way to the {c}?" },
    {
      form: 'facing',
      text: 'Standing at the {a} and facing toward the {b}, which way should I go to get to the {c}?',
    },
  ],
  appearance_order: [
    { form: 'first2', text: 'Which did I see first, the {a} or the {b}?' },
    { form: 'first3', text: 'What appeared first: the {a}, the {b} or the {c}?' },
    { form: 'first2', text: 'Of the {a} and the {b}, which showed up first in the video?' },
    { form: 'first2', text: 'Which came into view earlier, the {a} or the {b}?' },
    { form: 'before_yn', text: 'Did I see the {a} before the {b}?' },
    { form: 'last3', text: 'Which of these did you spot last: the {a}, the {b} or the {c}?' },
    { form: 'order', text: 'In what order did the {a}, the {b} and the {c} first appear?' },
    { form: 'first2', text: 'Between the {a} and the {b}, which did you notice first?' },
    { form: 'last2', text: 'Which one turned up later in the video, the {a} or the {b}?' },
  ],
  room_listing: [
    { form: 'list', text: "What's in this room?" },
    { form: 'list', text: 'What did you see?' },
    { form: 'list', text: 'List everything you saw.' },
    { form: 'list', text: 'Describe the room.' },
    { form: 'list', text: 'What objects are there?' },
    { form: 'list', text: 'Give me a quick rundown of what is in here.' },
    { form: 'kinds', text: 'How many different kinds of objects are there?' },
    { form: 'kinds', text: 'How many types of things did you find in the room?' },
    { form: 'list', text: 'what can you see in the room' },
    { form: 'list', text: 'Tell me about this room.' },
  ],
};

export function numberBank(raw: Bank, prefix = ''): NumberedBank {
  const bank = {} as Record<Kind, readonly Phrasing[]>;
  for (const k of KINDS) bank[k] = raw[k].map((p, i) => ({ ...p, id: `${prefix}${k}.${i + 1}` }));
  return bank;
}

export const BANK = numberBank(RAW);
