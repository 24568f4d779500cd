/**
 * The sixth phrasing bank: written by a sixth hand, apart from the product (nothing under src/ was read) and
 * without reading the phrasings of phrasings.ts, heldout.ts, bank3.ts, bank4.ts or bank5.ts (only the kinds, the
 * forms in forms.ts and the slots), in voices chosen to differ from theirs: a carer asking for someone with low
 * vision, an estate agent preparing a listing or a viewing, a gamer ("spawn", "loot", "inventory"), a very polite
 * speaker of Japanese-English ("Excuse me, please…"), a teenager ("yo", "ngl", "deadass", "or nah"), voice
 * dictation (no punctuation, run-on, "um"), a physics teacher ("let N be…", "vertical extent"), a robot operator
 * giving commands ("Robot, report…"), statements to confirm ("…, isn't it?", "…, right?"), negated questions
 * where the expected answer stays the same ("Isn't the … larger than the …?" is answered yes when it is), hedges
 * ("I might be wrong, but…"), and British and American spellings ("neighbour"/"neighbor", "stood at").
 * Nobody tunes the product on it: run it with `runNatural.ts --bank bank6` and do not change the product while
 * looking at its failures.
 * Slots as in phrasings.ts: {a} {b} {c}, {a_pl} (and {b_pl}), {an_a}, {unit}, {units}. Every numeric phrasing
 * names its unit.
 */
import { numberBank, type Bank } from './phrasings';

const RAW: Bank = {
  counting: [
    {
      form: 'count',
      text: "I'm helping my mum, who can't see very well. Could you tell her how many {a_pl} there are in this room?",
    },
    { form: 'count', text: 'Bright and spacious, this one. And how many {a_pl} does the room come with?' },
    { form: 'count', text: 'yo how many {a_pl} we got in here' },
    {
      form: 'count',
      text: 'Excuse me, if it is no trouble, please may I ask how many {a_pl} are in this room?',
    },
    { form: 'count', text: 'um so how many {a_pl} are there in the room' },
    { form: 'count', text: 'Robot, report: number of {a_pl} in the room.' },
    { form: 'count', text: 'Loot check: how many {a_pl} are in this room?' },
    { form: 'count', text: 'I may have lost count. How many {a_pl} are there in here altogether?' },
    { form: 'count', text: 'Let N be the number of {a_pl} in this room. What is N?' },
    { form: 'count', text: 'How many {a_pl} would you say this room has, in total?' },
    { form: 'count', text: 'Count the {a_pl} in this room for me and tell me the number.' },
    { form: 'count', text: 'The {a_pl} in here: how many of them are there?' },
  ],
  total: [
    { form: 'all', text: 'How many objects are in this room altogether, counting each one separately?' },
    { form: 'all', text: 'Robot, report the total number of objects in the room.' },
    { form: 'all', text: 'um how many things are in this room in total' },
    {
      form: 'all',
      text: 'Excuse me, please, how many items in total are in this room? I would like the whole number.',
    },
    { form: 'all', text: "What's the total item count in here, every single object included?" },
    { form: 'all', text: 'Before the viewing, tell me: how many objects in total does this room contain?' },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} are there put together?' },
    { form: 'pair', text: "If you add the {a_pl} to the {b_pl}, what's the total number?" },
    { form: 'pair', text: 'Robot, count all {a_pl} plus all {b_pl} and report the sum.' },
    { form: 'pair', text: 'Total of {a_pl} and {b_pl} combined, please. Just one number.' },
    { form: 'pair', text: 'ngl how many {a_pl} and {b_pl} are there together' },
    { form: 'pair', text: 'Let N be the number of {a_pl} plus the number of {b_pl}. What is N?' },
  ],
  existence: [
    { form: 'either', text: "My dad can't see very well. Is there {an_a} somewhere in this room?" },
    { form: 'either', text: 'Does this room come with {an_a}?' },
    { form: 'either', text: 'um is there {an_a} in here' },
    { form: 'either', text: 'Excuse me, please, is there perhaps {an_a} in this room?' },
    { form: 'either', text: 'Robot, confirm: {an_a} present in the room, yes or no?' },
    { form: 'either', text: "I might be wrong, but I don't think there's {an_a} in here. Is there one?" },
    { form: 'either', text: 'Did {an_a} spawn anywhere in this room?' },
    { form: 'either', text: "There's {an_a} in this room, isn't there?" },
    { form: 'either', text: "Isn't there {an_a} in here somewhere?" },
    { form: 'either', text: 'deadass is there {an_a} in this room or nah' },
    { form: 'either', text: 'Can you confirm whether or not this room has {an_a} in it?' },
    { form: 'either', text: 'Is {an_a} to be found anywhere in this room?' },
  ],
  distance: [
    {
      form: 'distance',
      text: "I'm guiding someone with low vision. How many {units} is it from the {a} to the {b}?",
    },
    { form: 'distance', text: "What's the distance between the {a} and the {b}, in {units}?" },
    { form: 'distance', text: 'um how far is the {a} from the {b} in {units}' },
    {
      form: 'distance',
      text: 'Excuse me, please tell me the distance from the {a} to the {b}. In {units}, if you would be so kind.',
    },
    { form: 'distance', text: 'Robot, measure the gap between the {a} and the {b} and report it in {unit}.' },
    {
      form: 'distance',
      text: 'What is the shortest distance separating the {a} and the {b}, expressed in {units}?',
    },
    { form: 'distance', text: 'The {a} and the {b}: how many {units} apart are they?' },
    { form: 'distance', text: 'ngl how far is the {a} from the {b}, in {units}?' },
    {
      form: 'distance',
      text: 'I might be wrong, but the {a} looks quite far from the {b}. How far is it really, in {units}?',
    },
    {
      form: 'distance',
      text: 'For the listing, how much space is there between the {a} and the {b}, in {units}?',
    },
    { form: 'distance', text: 'Could you work out, in {units}, how close the {a} is to the {b}?' },
  ],
  size_height: [
    { form: 'height', text: "For my patient's safety, how tall is the {a}, in {units}?" },
    { form: 'height', text: 'What is the height of the {a} in {units}?' },
    { form: 'height', text: 'um how tall is the {a} in {units}' },
    { form: 'height', text: 'Please excuse me, how tall is the {a}? I would like the answer in {units}.' },
    { form: 'height', text: "Robot, measure the {a}'s height in {unit}." },
    { form: 'height', text: 'Give the vertical extent of the {a}, in {units}.' },
    { form: 'height', text: 'The {a}: how many {units} tall is it?' },
    { form: 'height', text: 'I could be wrong, but the {a} seems tall. How tall exactly, in {units}?' },
    { form: 'height', text: "What's the {a}'s height in {units}? The listing needs it." },
    { form: 'height_floor', text: 'From the floor to its top, how high does the {a} reach, in {units}?' },
    { form: 'height_floor', text: 'How high is the {a}, measured up from the floor, in {units}?' },
    { form: 'height_floor', text: 'yo how high is the {a} in {units}' },
    { form: 'height_floor', text: 'Could you kindly tell me how high the {a} stands, in {units}?' },
  ],
  size_length_width: [
    { form: 'length', text: 'How long is the {a}, in {units}?' },
    { form: 'length', text: "What's the length of the {a} along its longer side, in {units}?" },
    { form: 'length', text: 'um how long is the {a} in {units}' },
    { form: 'length', text: "Robot, report the {a}'s length in {unit}." },
    { form: 'length', text: 'Excuse me, please, how many {units} long is the {a}?' },
    { form: 'length', text: 'For the floor plan, how long is the {a} in {units}?' },
    { form: 'length', text: "What is the {a}'s longer horizontal dimension, in {units}?" },
    { form: 'width', text: 'How wide is the {a}, in {units}?' },
    { form: 'width', text: "What's the width of the {a} in {units}?" },
    { form: 'width', text: 'um how wide is the {a} in {units}' },
    { form: 'width', text: 'Robot, report the width of the {a} in {unit}.' },
    { form: 'width', text: 'Excuse me, how many {units} wide is the {a}, please?' },
    { form: 'width', text: 'How wide is the {a} across its narrower side, in {units}?' },
    { form: 'width', text: "What is the {a}'s shorter horizontal dimension, in {units}?" },
  ],
  size_big: [
    { form: 'big', text: 'How big is the {a}, in {units}?' },
    { form: 'big', text: "What's the {a}'s biggest dimension in {units}?" },
    { form: 'big', text: 'um how big is the {a} in {units}' },
    { form: 'big', text: 'Robot, report the largest dimension of the {a} in {unit}.' },
    { form: 'big', text: 'Excuse me, how large is the {a}? Please answer in {units}.' },
    {
      form: 'big',
      text: 'What is the longest dimension of the {a}, in {units}, whichever way you measure it?',
    },
    { form: 'big', text: 'How many {units} is the {a} at its longest?' },
    { form: 'big', text: 'For the listing, how big would you say the {a} is, in {units}?' },
    { form: 'big', text: 'ngl the {a} looks huge, how big is it in {units}' },
    { form: 'big', text: "In {units}, what is the {a}'s longest side, whether length, width or height?" },
  ],
  superlative: [
    { form: 'largest', text: "What's the biggest thing in this room?" },
    { form: 'largest', text: 'Robot, identify the largest object in the room.' },
    { form: 'largest', text: 'um whats the largest object in here' },
    { form: 'largest', text: 'Which object in this room is the final boss, the biggest one?' },
    { form: 'smallest', text: "What's the smallest object in the room?" },
    { form: 'smallest', text: 'Robot, identify the smallest item in the room.' },
    { form: 'smallest', text: 'Excuse me, which thing in this room is the smallest, please?' },
    { form: 'tallest', text: 'Which object in this room is the tallest?' },
    { form: 'tallest', text: "um what's the tallest thing in this room" },
    { form: 'tallest', text: 'Of everything in here, which one is tallest?' },
    { form: 'closest', text: 'Which object is closest to the {a}?' },
    { form: 'closest', text: "For someone who can't see well: what is the nearest thing to the {a}?" },
    { form: 'closest', text: 'Robot, report the object nearest to the {a}.' },
    { form: 'farthest', text: "What's the farthest object from the {a}?" },
    { form: 'farthest', text: 'Which thing in the room is furthest away from the {a}?' },
    { form: 'farthest', text: 'Please, which object is the most far away from the {a}?' },
  ],
  nearest: [
    { form: 'next', text: "What's next to the {a}?" },
    { form: 'next', text: "My grandmother can't see well. What is just beside the {a}?" },
    { form: 'next', text: "um what's beside the {a}" },
    { form: 'next', text: 'Robot, name the object adjacent to the {a}.' },
    { form: 'next', text: 'Excuse me, please, which thing is next to the {a}?' },
    { form: 'next', text: "What's the {a}'s closest neighbour?" },
    { form: 'next', text: "What's the {a}'s nearest neighbor?" },
    { form: 'next', text: "yo what's sitting next to the {a}" },
    { form: 'next', text: 'What is located beside the {a}?' },
    { form: 'next', text: 'The {a} is next to what?' },
    { form: 'next', text: 'For the viewing, what is positioned alongside the {a}?' },
    { form: 'next', text: 'I think something is next to the {a}, but I might be wrong. What is it?' },
  ],
  comparison: [
    { form: 'bigger', text: 'Which is bigger, the {a} or the {b}?' },
    { form: 'bigger', text: 'Robot, compare the {a} and the {b} and report the larger one.' },
    { form: 'smaller', text: "Which one's smaller: the {a} or the {b}?" },
    { form: 'smaller', text: 'Excuse me, between the {a} and the {b}, which is the smaller one, please?' },
    { form: 'bigger_yn', text: "The {a} is bigger than the {b}, isn't it?" },
    { form: 'bigger_yn', text: "Isn't the {a} larger than the {b}?" },
    { form: 'bigger_yn', text: 'um is the {a} bigger than the {b}' },
    { form: 'taller', text: 'Which is taller, the {a} or the {b}?' },
    { form: 'taller', text: 'Of the {a} and the {b}, which one reaches higher?' },
    { form: 'taller_yn', text: 'I might be wrong, but is the {a} taller than the {b}?' },
    { form: 'taller_yn', text: 'The {a} is taller than the {b}, right?' },
    { form: 'closer', text: 'Which is closer to the {a}: the {b} or the {c}?' },
    { form: 'closer', text: 'From the {a}, which is nearer, the {b} or the {c}?' },
    { form: 'farther', text: 'Which is farther from the {a}, the {b} or the {c}?' },
    { form: 'farther', text: 'Robot, of the {b} and the {c}, report which is further from the {a}.' },
    { form: 'farther', text: "um which one's further away from the {a} the {b} or the {c}" },
  ],
  standpoint: [
    { form: 'lr', text: 'If I stand at the {a} and face the {b}, is the {c} on my left or my right?' },
    {
      form: 'lr',
      text: "I'm guiding someone with low vision. She is at the {a}, facing the {b}. Is the {c} to her left or to her right?",
    },
    {
      form: 'lr',
      text: 'Robot, position yourself at the {a} and face the {b}. Is the {c} on your left or on your right?',
    },
    {
      form: 'lr',
      text: "um if I'm standing by the {a} looking at the {b} is the {c} on the left or the right",
    },
    {
      form: 'lr',
      text: 'Excuse me, please: standing at the {a} and looking towards the {b}, on which side is the {c}, left or right?',
    },
    { form: 'lr', text: 'Spawn point is the {a}, camera facing the {b}. Is the {c} on my left or my right?' },
    { form: 'yn_left', text: "Standing at the {a}, facing the {b}, the {c} is on my left, isn't it?" },
    { form: 'yn_left', text: 'If I stand at the {a} facing the {b}, is the {c} to my left?' },
    {
      form: 'yn_left',
      text: 'Robot, at the {a} facing the {b}: confirm the {c} is on your left, yes or no.',
    },
    {
      form: 'yn_left',
      text: "I might be wrong, but when I stand at the {a} and look at the {b}, isn't the {c} on my left?",
    },
    { form: 'yn_right', text: "If I'm at the {a} looking toward the {b}, is the {c} on my right-hand side?" },
    { form: 'yn_right', text: 'My client is standing at the {a}, facing the {b}. Is the {c} on her right?' },
    { form: 'yn_right', text: 'Stood at the {a} facing the {b}, would the {c} be to my right?' },
    { form: 'yn_right', text: 'um standing at the {a} facing the {b} is the {c} on my right' },
  ],
  route: [
    {
      form: 'facing',
      text: "I'm at the {a}, facing the {b}. Which way should I turn to face the {c}, left or right?",
    },
    { form: 'facing', text: 'Robot, you are at the {a} facing the {b}. Turn left or right to face the {c}?' },
    {
      form: 'facing',
      text: "um I'm standing at the {a} looking at the {b} which way do I turn to get to the {c}",
    },
    {
      form: 'facing',
      text: "My mum can't see well. She's at the {a}, facing the {b}. Should she turn left or right to head for the {c}?",
    },
    {
      form: 'facing',
      text: 'Excuse me, I stand at the {a} and face the {b}. To go to the {c}, do I turn left or right, please?',
    },
    { form: 'facing', text: 'Player at the {a}, facing the {b}: left or right turn to reach the {c}?' },
    {
      form: 'facing',
      text: 'From the {a}, facing the {b}, which direction do I turn to walk to the {c}: left or right?',
    },
    { form: 'back', text: "I'm at the {a} with the {b} behind me. Is the {c} to my left or my right?" },
    {
      form: 'back',
      text: 'Robot, at the {a} with your back to the {b}: is the {c} on your left or your right?',
    },
    { form: 'back', text: 'um I am at the {a} and the {b} is behind me which way is the {c} left or right' },
    {
      form: 'back',
      text: 'Standing at the {a}, my back turned to the {b}, which way do I turn for the {c}, left or right?',
    },
    {
      form: 'back',
      text: 'Excuse me, I am at the {a} and the {b} is at my back. The {c}, is it on my left side or right side?',
    },
    {
      form: 'back',
      text: 'With the {b} directly behind me and me standing at the {a}, do I turn left or right to get to the {c}?',
    },
  ],
  appearance_order: [
    { form: 'first2', text: 'Which did you spot first, the {a} or the {b}?' },
    { form: 'first2', text: 'Robot, check your log: which was detected first, the {a} or the {b}?' },
    { form: 'last2', text: 'Between the {a} and the {b}, which one came into view later?' },
    { form: 'last2', text: 'um which did you see last the {a} or the {b}' },
    { form: 'first3', text: 'Of the {a}, the {b} and the {c}, which one did the camera pick up first?' },
    {
      form: 'first3',
      text: 'Excuse me, please, among the {a}, the {b} and the {c}, which did you see earliest?',
    },
    { form: 'last3', text: 'The {a}, the {b}, the {c}: which of these showed up last in the video?' },
    { form: 'last3', text: 'Which did you see last: the {a}, the {b} or the {c}?' },
    { form: 'before_yn', text: 'Did the {a} appear in the video before the {b}?' },
    { form: 'before_yn', text: "You saw the {a} before the {b}, didn't you?" },
    { form: 'before_yn', text: 'I might be wrong, but did the {a} show up earlier than the {b}?' },
    { form: 'order', text: 'In what order did the {a}, the {b} and the {c} first appear?' },
    { form: 'order', text: 'Robot, report the order in which the {a}, the {b} and the {c} were first seen.' },
    {
      form: 'order',
      text: 'Please, what is the correct order that you saw the {a}, the {b} and the {c} in?',
    },
  ],
  room_listing: [
    { form: 'list', text: "What's in this room?" },
    {
      form: 'list',
      text: "My dad can't see. Could you describe to him what objects are in the room around him?",
    },
    { form: 'list', text: 'Robot, list the objects in the room.' },
    { form: 'list', text: 'um what stuff is in this room' },
    { form: 'list', text: 'Excuse me, please, what things are in this room?' },
    { form: 'list', text: 'For the listing, what does this room have in it?' },
    { form: 'list', text: "yo what's in here" },
    { form: 'list', text: 'Give me a rundown of everything you can see in the room.' },
    { form: 'list', text: 'Open the inventory: what items are in this room?' },
    { form: 'kinds', text: 'How many different kinds of object are in this room?' },
    { form: 'kinds', text: 'Robot, report the number of distinct object types in the room.' },
    { form: 'kinds', text: 'um how many different types of things are in here' },
    { form: 'kinds', text: 'Counting each type only once, how many sorts of object does this room have?' },
    {
      form: 'kinds',
      text: 'Excuse me, how many kinds of thing are in this room? The same kind counts one time only.',
    },
  ],
};

export const BANK6 = numberBank(RAW, 'bank6.');
