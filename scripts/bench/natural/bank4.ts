/**
 * The fourth phrasing bank: written by a fourth hand, apart from the product's parser and without reading the
 * phrasings of phrasings.ts, heldout.ts or bank3.ts (only the kinds, the forms in forms.ts and the slots), in
 * voices chosen to differ from theirs: a hurried phone user typing one-handed (lowercase, no punctuation,
 * "whats", "hw far"), a formal technical user (surveyor, facility manager), a tourist whose English is a second
 * language (simple words, meaning intact), a teenager, an interior designer, a parent asking with a child, a
 * voice-assistant user (spoken fillers: "um", "okay so"), questions with a leading context sentence or a
 * trailing clause, questions that name the object first ("the {a} — how tall is it?"), and British and American
 * words. Nobody tunes the product on it: run it with `runNatural.ts --bank bank4` and do not change the product
 * while looking at its failures.
 * Slots as in phrasings.ts: {a} {b} {c}, {a_pl}, {an_a}, {unit}, {units}.
 */
import { numberBank, type Bank } from './phrasings';

const RAW: Bank = {
  counting: [
    { form: 'count', text: 'how many {a_pl} r there' },
    { form: 'count', text: 'Please state the number of {a_pl} recorded in this space.' },
    { form: 'count', text: 'How many {a_pl} are in this room, please?' },
    { form: 'count', text: 'ok but how many {a_pl} are there actually' },
    { form: 'count', text: "For the inventory I'm drawing up, how many {a_pl} does the room have?" },
    { form: 'count', text: 'My daughter is counting along with me. How many {a_pl} are there?' },
    { form: 'count', text: 'How many {a_pl} is in this room?' },
    { form: 'count', text: 'ngl how many {a_pl} are in here' },
    { form: 'count', text: 'Um, okay so, how many {a_pl} are there in here?' },
    { form: 'count', text: 'The {a_pl} — how many of them are there?' },
    { form: 'count', text: "We're taking stock of the flat. What's the total number of {a_pl}?" },
    { form: 'count', text: 'Count the {a_pl} for me, would you?' },
  ],
  total: [
    { form: 'all', text: 'how many things r in here total' },
    { form: 'all', text: 'What is the total number of objects detected in this room?' },
    { form: 'all', text: 'How many objects are in this room in all?' },
    { form: 'all', text: 'Um, how many items are there altogether, all told?' },
    {
      form: 'all',
      text: "I'm clearing the room out before the move. How many objects are there altogether?",
    },
    { form: 'pair', text: 'how many {a_pl} and {b_pl} together' },
    { form: 'pair', text: 'Give the combined count of {a_pl} and {b_pl} in this space.' },
    { form: 'pair', text: 'If you add the {a_pl} and the {b_pl} together, how many is that?' },
    { form: 'pair', text: "Okay so what's the total of {a_pl} plus {b_pl}?" },
    { form: 'pair', text: 'The {a_pl} and the {b_pl} — how many are there between them?' },
  ],
  existence: [
    { form: 'either', text: 'is there {an_a} here' },
    { form: 'either', text: 'Does this room contain {an_a}? Please confirm yes or no.' },
    { form: 'either', text: 'Excuse me, is there {an_a} in this room?' },
    { form: 'either', text: 'wait is there actually {an_a} in here or not' },
    { form: 'either', text: 'Do we already have {an_a} in this room, or should I source one?' },
    { form: 'either', text: 'My son keeps asking if there is {an_a} in here. Is there?' },
    { form: 'either', text: 'Um, hey, is there {an_a} anywhere in this room?' },
    { form: 'either', text: "I can't remember. Did you see {an_a} in here at all?" },
    { form: 'either', text: '{an_a} — is there one in this room?' },
    { form: 'either', text: 'Has this room got {an_a} in it?' },
    { form: 'either', text: 'In this room, there is {an_a}? Yes or no?' },
  ],
  distance: [
    { form: 'distance', text: 'hw far is the {a} from the {b} in {unit}' },
    { form: 'distance', text: 'State the clearance between the {a} and the {b} in {units}.' },
    { form: 'distance', text: 'How many {units} is it from the {a} to the {b}?' },
    { form: 'distance', text: 'how far apart r the {a} and the {b} in {units} lol' },
    {
      form: 'distance',
      text: 'For the walkway, what gap is there between the {a} and the {b}, in {units}?',
    },
    { form: 'distance', text: 'Okay so, um, how far is the {a} from the {b}, in {units}?' },
    { form: 'distance', text: 'The {a} and the {b} — how far apart are they, in {unit}?' },
    {
      form: 'distance',
      text: "I'm running a cable along the floor. What's the distance from the {a} to the {b} in {units}?",
    },
    { form: 'distance', text: 'What is the distance between the {a} and the {b}, please, in {units}?' },
    { form: 'distance', text: 'From the {a} to the {b}, how far is it in {units}? My kid wants to walk it.' },
  ],
  size_height: [
    { form: 'height', text: 'hw tall is the {a} in {unit}' },
    { form: 'height', text: 'Report the overall height of the {a} in {units}.' },
    { form: 'height', text: 'The {a} — how tall is it, in {units}?' },
    { form: 'height', text: 'How tall is the {a}? Please say it in {units}.' },
    { form: 'height', text: 'Um, what is the height of the {a}, in {units}?' },
    { form: 'height', text: 'My kid wants to know how tall the {a} is, in {units}.' },
    { form: 'height_floor', text: 'how high does the {a} come up off the floor in {unit}' },
    {
      form: 'height_floor',
      text: 'To check it against the floor plan, how high does the {a} stand from the floor, in {units}?',
    },
    { form: 'height_floor', text: 'How high is the {a}, measured from the floor, in {units}?' },
    { form: 'height_floor', text: 'From the floor to its top, how many {units} high is the {a}?' },
  ],
  size_length_width: [
    { form: 'length', text: 'hw long is the {a} in {unit}' },
    { form: 'length', text: 'Specify the length of the {a}, i.e. its longer side, in {units}.' },
    { form: 'length', text: 'The {a} — how long is it, in {units}?' },
    { form: 'length', text: "I'm measuring up the apartment. How long is the {a} in {units}?" },
    { form: 'length', text: 'Okay so how long is the {a}, in {units}?' },
    { form: 'width', text: 'hw wide is the {a} in {unit}' },
    { form: 'width', text: 'State the width of the {a}, the shorter side, in {units}.' },
    { form: 'width', text: 'How wide is the {a}? Tell me in {units}, please.' },
    {
      form: 'width',
      text: 'Will it fit through the doorway? How wide is the {a}, in {units}?',
    },
    { form: 'width', text: 'Um, what is the width of the {a} in {units}?' },
  ],
  size_big: [
    { form: 'big', text: 'hw big is the {a} in {unit}' },
    { form: 'big', text: 'What is the largest dimension of the {a}, in {units}?' },
    { form: 'big', text: 'How big is the {a}, along its longest side, in {units}?' },
    { form: 'big', text: 'The {a} — how big is it, in {units}, at its longest?' },
    { form: 'big', text: 'yo how big is that {a} in {units}' },
    {
      form: 'big',
      text: 'For the layout I need to know its biggest measurement: how big is the {a} in {units}?',
    },
    { form: 'big', text: 'Um, okay, how big is the {a}? In {units}, please.' },
    { form: 'big', text: 'How big is this {a}? I want the longest side in {units}.' },
    { form: 'big', text: 'My daughter says the {a} is huge. How big is it, in {units}, at its longest?' },
  ],
  superlative: [
    { form: 'largest', text: 'whats the biggest thing in here' },
    { form: 'largest', text: 'Identify the largest object in this room.' },
    { form: 'largest', text: 'Which thing in this room is the biggest?' },
    { form: 'smallest', text: 'whats the smallest thing here' },
    { form: 'smallest', text: 'Of everything in the room, which object is the smallest?' },
    { form: 'smallest', text: 'Um, okay so what is the tiniest object in this room?' },
    { form: 'tallest', text: 'whats the tallest thing in the room' },
    { form: 'tallest', text: 'Which object in this room is the tallest?' },
    { form: 'tallest', text: "My little boy wants to know what's the tallest thing in here." },
    { form: 'closest', text: 'whats closest to the {a}' },
    { form: 'closest', text: 'Which object is located closest to the {a}?' },
    { form: 'closest', text: 'The {a} — what is the nearest thing to it?' },
    { form: 'farthest', text: 'whats farthest from the {a}' },
    { form: 'farthest', text: 'Which object in the room is furthest away from the {a}?' },
    { form: 'farthest', text: 'Um, what is the farthest thing from the {a}?' },
  ],
  nearest: [
    { form: 'next', text: 'whats next to the {a}' },
    { form: 'next', text: 'Which object is situated immediately beside the {a}?' },
    { form: 'next', text: 'What is next to the {a}, please?' },
    { form: 'next', text: 'ok what is right by the {a}' },
    { form: 'next', text: "I'm styling the corner. What sits next to the {a}?" },
    { form: 'next', text: 'Um, what is beside the {a}?' },
    { form: 'next', text: 'The {a} — what is next to it?' },
    { form: 'next', text: 'lowkey whats beside the {a} rn' },
    { form: 'next', text: 'What thing is next to the {a}? I do not see well.' },
    { form: 'next', text: "We can't find our way round. What's next to the {a}?" },
  ],
  comparison: [
    { form: 'bigger', text: 'which is bigger the {a} or the {b}' },
    { form: 'bigger', text: 'Of the {a} and the {b}, which has the greater overall size?' },
    { form: 'bigger_yn', text: 'is the {a} bigger than the {b}' },
    { form: 'bigger_yn', text: 'Is the {a} larger than the {b}? Yes or no, please.' },
    { form: 'bigger_yn', text: 'Is the {b} smaller than the {a}?' },
    { form: 'smaller', text: 'The {a} or the {b}: which one is smaller?' },
    { form: 'smaller', text: 'Um, which is smaller, the {a} or the {b}?' },
    { form: 'taller', text: 'which is taller {a} or {b}' },
    { form: 'taller', text: 'My daughter wants to know: which is taller, the {a} or the {b}?' },
    { form: 'taller_yn', text: 'Is the {a} taller than the {b}?' },
    { form: 'taller_yn', text: 'is the {b} shorter than the {a}' },
    { form: 'closer', text: 'which is closer to the {a} the {b} or the {c}' },
    {
      form: 'closer',
      text: 'Which is nearer to the {a}: the {b} or the {c}?',
    },
    { form: 'farther', text: 'Which is farther from the {a}, the {b} or the {c}?' },
    { form: 'bigger', text: 'The {a} and the {b}, which one is more big?' },
    { form: 'farther', text: 'Okay so, the {b} or the {c}, which one is further away from the {a}?' },
  ],
  standpoint: [
    { form: 'lr', text: 'if im at the {a} facing the {b} is the {c} on my left or right' },
    {
      form: 'lr',
      text: 'Observer positioned at the {a}, facing the {b}: is the {c} to the observer’s left or right?',
    },
    { form: 'lr', text: 'I stand at the {a} and I look at the {b}. The {c} is on my left or on my right?' },
    {
      form: 'lr',
      text: "Okay so I'm standing by the {a}, looking towards the {b}. Is the {c} on my left or my right?",
    },
    { form: 'yn_left', text: 'standing at the {a} facing the {b} is the {c} on my left' },
    { form: 'yn_left', text: 'If I stand at the {a} and face the {b}, will the {c} be on my left?' },
    {
      form: 'yn_left',
      text: 'Picture this: you are at the {a}, facing the {b}. Is the {c} on your left-hand side?',
    },
    { form: 'yn_right', text: 'at the {a} facing the {b} is the {c} to my right' },
    { form: 'yn_right', text: 'Um, if I stand at the {a} facing the {b}, is the {c} on my right?' },
    {
      form: 'yn_right',
      text: 'With the observer at the {a} facing the {b}, is the {c} on the right-hand side?',
    },
  ],
  route: [
    { form: 'facing', text: 'im at the {a} facing the {b} do i turn left or right to get to the {c}' },
    {
      form: 'facing',
      text: 'Starting at the {a} and facing the {b}, which way must I turn, left or right, to head for the {c}?',
    },
    {
      form: 'facing',
      text: 'I am at the {a}. I look at the {b}. To go to the {c}, I turn left or right?',
    },
    {
      form: 'facing',
      text: 'Okay so I am standing at the {a} facing the {b}. Should I turn left or right to walk to the {c}?',
    },
    {
      form: 'facing',
      text: "I'm at the {a}, looking at the {b}, and I need to get to the {c}. Left or right first?",
    },
    { form: 'back', text: 'at the {a} with my back to the {b} do i turn left or right for the {c}' },
    {
      form: 'back',
      text: 'Standing at the {a} with the {b} directly behind me, do I turn left or right to face the {c}?',
    },
    {
      form: 'back',
      text: 'Um, so my back is to the {b} and I am at the {a}. Which way do I turn to go to the {c}, left or right?',
    },
    {
      form: 'back',
      text: 'I am at the {a}, the {b} is behind me. To reach the {c}, do I turn left or right?',
    },
  ],
  appearance_order: [
    { form: 'first2', text: 'which showed up first in the video the {a} or the {b}' },
    { form: 'first2', text: 'During the walkthrough, which came into view first: the {a} or the {b}?' },
    { form: 'last2', text: 'Which appeared later in the video, the {a} or the {b}?' },
    { form: 'last2', text: 'Um, out of the {a} and the {b}, which one did the camera reach later?' },
    { form: 'first3', text: 'In the video, which appeared first: the {a}, the {b} or the {c}?' },
    {
      form: 'first3',
      text: 'Of the {a}, the {b} and the {c}, which one did the scan pick up first?',
    },
    { form: 'last3', text: 'the {a} the {b} or the {c} which one showed up last in the video' },
    {
      form: 'last3',
      text: 'Of the {a}, the {b} and the {c}, which was the last to appear in the recording?',
    },
    { form: 'before_yn', text: 'did the {a} show up before the {b} in the video' },
    { form: 'before_yn', text: 'In the recording, did the {a} appear earlier than the {b}?' },
    {
      form: 'order',
      text: 'In what order did the {a}, the {b} and the {c} first appear in the video?',
    },
    {
      form: 'order',
      text: 'Thinking back over the walkthrough, which option gives the order in which the {a}, {b} and {c} first came into view?',
    },
  ],
  room_listing: [
    { form: 'list', text: 'whats in this room' },
    { form: 'list', text: 'Please list the objects present in this space.' },
    { form: 'list', text: 'What things are in this room?' },
    { form: 'list', text: 'ok so what stuff is in here' },
    {
      form: 'list',
      text: "I'm about to redecorate. What furniture and things are in the room at the moment?",
    },
    { form: 'list', text: 'Um, can you tell me what is in this room?' },
    { form: 'kinds', text: 'how many different types of things r in here' },
    { form: 'kinds', text: 'How many distinct kinds of object does this room contain?' },
    { form: 'kinds', text: 'How many different kinds of things are in this room?' },
    { form: 'kinds', text: 'My son wants to know how many different sorts of things are in the room.' },
  ],
};

export const BANK4 = numberBank(RAW, 'bank4.');
