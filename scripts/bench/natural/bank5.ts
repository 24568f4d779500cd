/**
 * The fifth phrasing bank: written by a fifth hand, apart from the product (nothing under src/ was read) and
 * without reading the phrasings of phrasings.ts, heldout.ts, bank3.ts or bank4.ts (only the kinds, the forms in
 * forms.ts and the slots), in voices chosen to differ from theirs: a retiree dictating a letter-like question
 * ("I should be grateful if…"), a warehouse worker (stock counts, "clearance", "footprint", "bulkiest"), an
 * architect (plan and elevation, "overall dimension", "edge to edge"), a child of ten, a speaker translating in
 * their head from Spanish or German (unusual word order, meaning intact), a game-show host, a checklist
 * ("Item 3: …"), a question inside a longer request ("Before I book the movers, tell me …"), questions that name
 * the object twice, questions with a parenthetical remark, and Australian, Irish and Indian English ("all up",
 * "would there be … at all", "what all", "kept"). Nobody tunes the product on it: run it with
 * `runNatural.ts --bank bank5` and do not change the product while looking at its failures.
 * Slots as in phrasings.ts: {a} {b} {c}, {a_pl}, {an_a}, {unit}, {units}. Every numeric phrasing names its unit.
 */
import { numberBank, type Bank } from './phrasings';

const RAW: Bank = {
  counting: [
    {
      form: 'count',
      text: 'Dear assistant, I should be most grateful if you would let me know how many {a_pl} there are in the room.',
    },
    { form: 'count', text: 'Stock count: how many {a_pl} have we got in here, all told?' },
    { form: 'count', text: 'How many {a_pl} are there? I want to count them too!' },
    { form: 'count', text: 'How many {a_pl} has this room?' },
    { form: 'count', text: 'Item 1: number of {a_pl} in the room.' },
    { form: 'count', text: 'Before I order new seat covers, tell me how many {a_pl} are in here.' },
    { form: 'count', text: 'How many {a_pl} are there (counting every one, big or small)?' },
    { form: 'count', text: 'Kindly tell me the number of {a_pl} present in this room.' },
    { form: 'count', text: 'How many {a_pl} would there be in the room, do you think?' },
    { form: 'count', text: 'For the jackpot: how many {a_pl} can you find in this room?' },
    { form: 'count', text: 'Talking about {a_pl}: how many {a_pl} are there in this room?' },
    { form: 'count', text: 'What is the total count of {a_pl} in the space?' },
  ],
  total: [
    { form: 'all', text: 'Could you kindly tell me how many objects there are in the room altogether?' },
    { form: 'all', text: 'Full stocktake: how many items are in this room, all types together?' },
    { form: 'all', text: 'How many things are in this room altogether? Everything counts!' },
    { form: 'all', text: 'Item 2: total number of objects in the room, every kind included.' },
    { form: 'all', text: 'Count for me all the objects in this room together: how many are they?' },
    { form: 'all', text: "Here's the big one: how many objects, all together, are in this room?" },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} are there, taken together?' },
    {
      form: 'pair',
      text: 'Before I book the movers, tell me how many {a_pl} and {b_pl} there are in total.',
    },
    { form: 'pair', text: 'If you add the {a_pl} to the {b_pl}, how many do you get?' },
    { form: 'pair', text: 'Both kinds together, the {a_pl} and the {b_pl} (one number, please): how many?' },
    { form: 'pair', text: 'What is the total count of {a_pl} and {b_pl} combined?' },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} all up?' },
  ],
  existence: [
    {
      form: 'either',
      text: 'I wonder whether you might tell me if there is {an_a} somewhere in this room.',
    },
    { form: 'either', text: 'Is there {an_a} anywhere in this space, yes or no?' },
    { form: 'either', text: 'Is there {an_a} in here? I really hope so!' },
    { form: 'either', text: 'Has this room {an_a}?' },
    { form: 'either', text: 'Item 5: {an_a} present in the room? (yes/no)' },
    { form: 'either', text: 'Before I buy a rug, tell me: is there {an_a} in this room already?' },
    { form: 'either', text: 'Would there be {an_a} in the room at all?' },
    { form: 'either', text: 'Is there any {a} present in this room?' },
    { form: 'either', text: 'Yes or no, for the prize: is there {an_a} in this room?' },
    { form: 'either', text: "I'm after {an_a}: is there {an_a} anywhere in the room?" },
    { form: 'either', text: 'Does the space contain {an_a}?' },
  ],
  distance: [
    {
      form: 'distance',
      text: 'Would you be so kind as to tell me how far the {a} is from the {b}, in {units}?',
    },
    { form: 'distance', text: "What's the clearance between the {a} and the {b}, in {unit}?" },
    { form: 'distance', text: 'How far is it from the {a} to the {b}? Tell me in {units}!' },
    { form: 'distance', text: 'The distance from the {a} until the {b}, how much is it in {units}?' },
    { form: 'distance', text: 'Item 6: gap between the {a} and the {b}, in {unit}.' },
    {
      form: 'distance',
      text: 'Before I buy a rug, tell me the distance between the {a} and the {b} in {units}.',
    },
    {
      form: 'distance',
      text: 'What is the clear distance, edge to edge, between the {a} and the {b}, in {units}?',
    },
    { form: 'distance', text: "How far's the {a} from the {b}, roughly, in {units}?" },
    { form: 'distance', text: 'What is the distance in between the {a} and the {b} in {units}?' },
    {
      form: 'distance',
      text: 'How far apart are the {a} and the {b} (nearest edges, not centres), in {unit}?',
    },
    { form: 'distance', text: 'For the car: how many {units} separate the {a} from the {b}?' },
  ],
  size_height: [
    {
      form: 'height',
      text: 'I would like to know, if it is no trouble, how tall the {a} is in {units}.',
    },
    { form: 'height', text: 'Measured in elevation, what is the overall height of the {a}, in {unit}?' },
    { form: 'height', text: "How tall is the {a}? I'm ten and I want to know in {units}." },
    { form: 'height', text: 'How tall is the {a} actually, in {units}?' },
    { form: 'height', text: 'Item 7: height of the {a}, top to bottom, in {unit}.' },
    { form: 'height', text: 'What is the height of the {a} in {units}, please?' },
    { form: 'height', text: 'How tall is the {a} (from its bottom to its top), in {unit}?' },
    { form: 'height_floor', text: 'From the floor, how high does the {a} reach, in {units}?' },
    { form: 'height_floor', text: 'What vertical clearance does the {a} need, floor to top, in {unit}?' },
    { form: 'height_floor', text: 'How high is the {a}, would you say, in {units}?' },
    {
      form: 'height_floor',
      text: 'Before I hang a shelf above the {a}, tell me how high the {a} is in {units}.',
    },
    {
      form: 'height_floor',
      text: 'Contestant, how high off the ground is the top of the {a}, in {units}?',
    },
  ],
  size_length_width: [
    { form: 'length', text: 'Might you tell me how long the {a} is, in {units}?' },
    { form: 'length', text: "What's the long side of the {a}'s footprint, in {unit}?" },
    { form: 'length', text: 'In plan, what is the longer dimension of the {a}, in {units}?' },
    { form: 'length', text: 'How long is the {a} from one end to the other, in {units}?' },
    { form: 'length', text: 'Item 8: length of the {a}, longer horizontal side, in {unit}.' },
    { form: 'length', text: 'Please tell me what is the length of the {a} in {units}.' },
    { form: 'width', text: 'And how wide is the {a}, if you please, in {units}?' },
    { form: 'width', text: "Short side of the {a}'s footprint: how many {units}?" },
    { form: 'width', text: 'In plan, what is the shorter dimension of the {a}, in {unit}?' },
    { form: 'width', text: 'The {a}, how much does it measure of width, in {units}?' },
    { form: 'width', text: 'Before I order a cover, tell me how wide the {a} is in {units}.' },
    { form: 'width', text: "How wide's the {a}, in {units}?" },
  ],
  size_big: [
    {
      form: 'big',
      text: 'Could you tell me how big the {a} is (its largest measurement, I mean) in {units}?',
    },
    {
      form: 'big',
      text: "What's the biggest dimension on the {a}, in {unit}? Need to know if it fits through the door.",
    },
    { form: 'big', text: "What is the {a}'s greatest overall dimension, in any direction, in {units}?" },
    { form: 'big', text: 'How big is the {a}? Like, its longest side, in {units}?' },
    { form: 'big', text: 'How big is the {a} in its longest side, in {units}?' },
    { form: 'big', text: 'Item 9: longest dimension of the {a}, in {unit}.' },
    { form: 'big', text: 'Before I rent a van, tell me how big the {a} is at its longest, in {units}.' },
    { form: 'big', text: 'How big is the {a} (longest side, whichever way it runs), in {units}?' },
    { form: 'big', text: 'How big would the {a} be, at its longest, in {units}?' },
    { form: 'big', text: "The {a}: what's the longest side of the {a}, in {unit}?" },
  ],
  superlative: [
    { form: 'largest', text: 'I should like to know which object in this room is the largest.' },
    { form: 'largest', text: 'Which item in here is the bulkiest?' },
    { form: 'largest', text: "What's the biggest thing in the room, mate?" },
    { form: 'smallest', text: "What's the tiniest thing in the room?" },
    { form: 'smallest', text: 'Which object has the smallest overall size in the room?' },
    { form: 'smallest', text: 'Which object in the room is the smallest (overall, not just the thinnest)?' },
    { form: 'tallest', text: 'Which object in this room stands the tallest? Final answer?' },
    { form: 'tallest', text: 'Which object of the room is the tallest?' },
    { form: 'tallest', text: 'Item 11: tallest object in the room.' },
    { form: 'closest', text: "What's the nearest thing to the {a}, would you say?" },
    { form: 'closest', text: 'Item 10: object closest to the {a}.' },
    { form: 'closest', text: 'Before I move the {a}, tell me which object is closest to it.' },
    { form: 'farthest', text: 'Which object sits farthest away from the {a}?' },
    { form: 'farthest', text: 'Which item is kept farthest from the {a}?' },
    { form: 'farthest', text: "The {a}: what's the furthest thing from that {a}?" },
  ],
  nearest: [
    { form: 'next', text: 'Would you tell me what stands next to the {a}?' },
    { form: 'next', text: "What's sitting right beside the {a}?" },
    { form: 'next', text: "What's next to the {a}?" },
    { form: 'next', text: 'What is there next to the {a}?' },
    { form: 'next', text: 'Item 12: object next to the {a}.' },
    { form: 'next', text: 'Which object is immediately adjacent to the {a}?' },
    { form: 'next', text: "What's beside the {a}, so?" },
    { form: 'next', text: 'What is kept just next to the {a}?' },
    { form: 'next', text: "Before I clean around the {a}, tell me what's right next to it." },
    { form: 'next', text: 'About the {a}: which thing is nearest that {a}?' },
    { form: 'next', text: "Name the object that's the {a}'s closest neighbour!" },
  ],
  comparison: [
    { form: 'bigger', text: 'Could you tell me which is the bigger of the two, the {a} or the {b}?' },
    { form: 'bigger', text: 'Which takes up more space, the {a} or the {b}?' },
    { form: 'bigger_yn', text: 'Is the {a} bigger than the {b}?' },
    { form: 'bigger_yn', text: 'The {a} is bigger than the {b}, or not?' },
    {
      form: 'bigger_yn',
      text: 'Before I rearrange things, tell me: is the {a} larger than the {b}?',
    },
    { form: 'smaller', text: 'Of the {a} and the {b}, which is smaller in overall size?' },
    { form: 'smaller', text: 'Which would be the smaller, the {a} or the {b}?' },
    { form: 'smaller', text: 'Which is the smaller one, the {a} or the {b}?' },
    { form: 'taller', text: 'Head to head: the {a} versus the {b}. Which one is taller?' },
    { form: 'taller', text: 'Among the {a} and the {b}, which one is taller?' },
    { form: 'taller_yn', text: 'Item 13: is the {a} taller than the {b}? (yes/no)' },
    { form: 'taller_yn', text: 'Is the {a} higher than the {b}?' },
    {
      form: 'closer',
      text: "I'd be grateful to know whether the {b} or the {c} is nearer to the {a}.",
    },
    { form: 'closer', text: 'Which is nearer the {a}, the {b} or the {c}?' },
    { form: 'farther', text: 'From the {a}, which is farther away: the {b} or the {c}?' },
    {
      form: 'farther',
      text: 'Which is further from the {a} (I mean the {a}, not me), the {b} or the {c}?',
    },
  ],
  standpoint: [
    {
      form: 'lr',
      text: 'Supposing I stood at the {a} and faced the {b}, would the {c} be on my left or on my right?',
    },
    {
      form: 'lr',
      text: 'If I stand by the {a} and look at the {b}, is the {c} on my left side or my right side?',
    },
    {
      form: 'lr',
      text: 'When I stand at the {a} and look toward the {b}, is the {c} then on the left or on the right?',
    },
    { form: 'lr', text: 'Item 14: from the {a}, facing the {b}, is the {c} on the left or the right?' },
    { form: 'lr', text: 'Standing at the {a} (facing the {b}), which side is the {c} on, left or right?' },
    { form: 'lr', text: "If I'm at the {a} facing the {b}, is the {c} on my left or right?" },
    {
      form: 'yn_left',
      text: "You're standing at the {a}, facing the {b}. Is the {c} on your left? Yes or no!",
    },
    { form: 'yn_left', text: 'Stood at the {a} looking over at the {b}, would the {c} be on my left?' },
    {
      form: 'yn_left',
      text: 'Before I move anything: from the {a}, looking at the {b}, is the {c} to my left?',
    },
    {
      form: 'yn_right',
      text: 'With the viewpoint at the {a} and the line of sight toward the {b}, does the {c} lie to the right?',
    },
    {
      form: 'yn_right',
      text: 'If I am standing near the {a} and facing the {b}, is the {c} on my right side?',
    },
    { form: 'yn_right', text: "I'm at the {a}, facing the {b}. Is the {c} to my right?" },
  ],
  route: [
    {
      form: 'facing',
      text: 'If I were at the {a}, facing the {b}, which way ought I to turn first to walk to the {c}, left or right?',
    },
    {
      form: 'facing',
      text: 'Forklift at the {a}, nose pointing at the {b}: to head for the {c}, do I swing left or right first?',
    },
    {
      form: 'facing',
      text: "I'm at the {a} and I'm looking at the {b}. Which way do I turn to go to the {c}, left or right?",
    },
    {
      form: 'facing',
      text: 'Standing at the {a} with my face to the {b}, which way must I first turn to reach the {c}, left or right?',
    },
    {
      form: 'facing',
      text: 'Item 15: route from the {a} (facing the {b}) to the {c}. First turn left or right?',
    },
    {
      form: 'facing',
      text: "I'm at the {a}, facing the {b}. Which way do I turn to head over to the {c}, left or right?",
    },
    {
      form: 'back',
      text: 'Suppose I stood at the {a} with the {b} behind me: would I turn left or right to go to the {c}?',
    },
    {
      form: 'back',
      text: 'With my back to the {b} and me at the {a}, which way would I turn for the {c}, left or right?',
    },
    {
      form: 'back',
      text: 'From a position at the {a}, oriented away from the {b}, is the first turn toward the {c} to the left or to the right?',
    },
    {
      form: 'back',
      text: "You're at the {a}, the {b} is right behind you. To reach the {c}, left turn or right turn?",
    },
    {
      form: 'back',
      text: 'If I am at the {a} and the {b} is at my back, to go to the {c} I should turn left or right?',
    },
    {
      form: 'back',
      text: 'Standing at the {a} (the {b} behind me), which way do I turn first to get to the {c}, left or right?',
    },
  ],
  appearance_order: [
    { form: 'first2', text: 'In the recording, which came into view first, the {a} or the {b}?' },
    { form: 'first2', text: 'Which did the camera see first, the {a} or the {b}?' },
    {
      form: 'first3',
      text: 'Three objects: the {a}, the {b} and the {c}. Which one appeared first in the video?',
    },
    { form: 'first3', text: 'Item 16: of the {a}, the {b} and the {c}, which was seen first in the scan?' },
    { form: 'last2', text: 'Between the {a} and the {b}, which appeared later in the video?' },
    { form: 'last2', text: 'Which of them turned up later in the video, the {a} or the {b}?' },
    {
      form: 'last3',
      text: "Among the {a}, the {b} and the {c}, which was the last to enter the camera's view?",
    },
    { form: 'last3', text: 'Out of the {a}, {b} and {c}, which one was the last to appear in the video?' },
    { form: 'before_yn', text: 'Did the {a} show up in the video before the {b} did?' },
    { form: 'before_yn', text: 'Was the {a} seen earlier in the video than the {b}?' },
    {
      form: 'before_yn',
      text: 'Did the camera catch the {a} (the first time it showed) before it caught the {b}?',
    },
    { form: 'order', text: 'In what order did the {a}, the {b} and the {c} first appear in the video?' },
    {
      form: 'order',
      text: 'Put these in the order the scan first picked them up: the {a}, the {b}, the {c}.',
    },
    { form: 'order', text: 'Which order did these first show up in: the {a}, the {b}, the {c}?' },
  ],
  room_listing: [
    { form: 'list', text: 'Would you be good enough to list everything that is in this room?' },
    { form: 'list', text: "Give me a quick inventory of what's in this room." },
    { form: 'list', text: 'What stuff is in this room?' },
    { form: 'list', text: 'What all things are there in this room?' },
    { form: 'list', text: 'What things are there in this room?' },
    { form: 'list', text: "Before I buy a rug, tell me what's already in the room." },
    { form: 'list', text: "What've we got in this room?" },
    { form: 'list', text: "What's in this room (just the objects, no need for sizes)?" },
    { form: 'kinds', text: 'How many distinct object types does the space contain?' },
    { form: 'kinds', text: 'Item 17: number of different types of thing in the room (each type once).' },
    {
      form: 'kinds',
      text: 'If you count each sort of thing only once, how many sorts of things are in the room?',
    },
    { form: 'kinds', text: 'How many different sorts of things would be in the room?' },
    { form: 'kinds', text: "How many different kinds of objects are in this room? Duplicates don't count!" },
  ],
};

export const BANK5 = numberBank(RAW, 'bank5.');
