/**
 * The eighth phrasing bank: written by an eighth hand, apart from the product (nothing under src/ was read) and
 * without reading the phrasings of phrasings.ts, heldout.ts or bank3.ts … bank7.ts (only the kinds, the forms in
 * forms.ts and the slots), in voices chosen to differ from theirs: an elderly person new to apps ("my grandson
 * set this up for me"), a blind user's screen-reader dictation (spoken punctuation, "question mark"), a field
 * engineer's clipped radio talk ("copy", "over", "say again"), a lawyer's precise, over-qualified wording
 * ("for the record", "measured at their nearest points"), a stage director blocking a scene (left and right stay
 * the speaker's own), a tour guide, a museum visitor, a detective, a shopper comparing furniture, the passive
 * voice ("can be found", "is positioned"), numbers written as words ("these two", "the three of them"), the unit
 * first ("In inches, how …"), the object introduced and then named by a pronoun ("There's a … here. How tall is
 * it?"), and the question inside a short story ("Last night I tripped over …"). Nobody tunes the product on it:
 * run it with `runNatural.ts --bank bank8` and do not change the product while looking at its failures.
 * Slots as in phrasings.ts: {a} {b} {c}, {a_pl}, {an_a}, {unit}, {units}. Every numeric phrasing names its unit.
 */
import { numberBank, type Bank } from './phrasings';

const RAW: Bank = {
  counting: [
    {
      form: 'count',
      text: "My grandson set this up for me and I'm not much good with these things. How many {a_pl} are in the room, dear?",
    },
    { form: 'count', text: 'how many {a_pl} are in this room question mark' },
    { form: 'count', text: 'Base, this is unit two. Request a count of {a_pl} in the room. Over.' },
    {
      form: 'count',
      text: 'For the record, please state the total number of {a_pl} present in this room, counting each one once.',
    },
    { form: 'count', text: 'How many {a_pl} can be found in this room?' },
    { form: 'count', text: 'Detective here. Count the {a_pl} in this room for me — how many are there?' },
    {
      form: 'count',
      text: "I'm comparing this room with a showroom I visited. How many {a_pl} does this one have?",
    },
    { form: 'count', text: 'Is it one {a}, two, or more? How many {a_pl} are there here in total?' },
    {
      form: 'count',
      text: 'Last night I kept bumping into {a_pl} in the dark. How many of them are there in this room?',
    },
    { form: 'count', text: 'Blocking the scene: how many {a_pl} have we got on the set?' },
    { form: 'count', text: 'As a visitor to this room, I wonder: how many {a_pl} are on display here?' },
    { form: 'count', text: "Number of {a_pl} in the room, please. I'll wait for your answer." },
  ],
  total: [
    { form: 'all', text: 'Excuse an old woman, but how many objects are there in this room altogether?' },
    { form: 'all', text: 'total number of objects in the room question mark' },
    { form: 'all', text: 'Copy that. Request total object count for this room, all kinds together. Over.' },
    {
      form: 'all',
      text: 'Counting every object once, whatever its kind, how many objects in total are located in this room?',
    },
    { form: 'all', text: 'How many items in all have been detected in this room?' },
    { form: 'all', text: 'Before the tour group comes in: how many objects are in this room in total?' },
    { form: 'pair', text: 'How many {a_pl} and {b_pl} are there in this room, added together?' },
    {
      form: 'pair',
      text: 'Unit two to base: give me the combined count of {a_pl} plus {b_pl} in the room. Over.',
    },
    {
      form: 'pair',
      text: 'For the inventory, please state the number of {a_pl} and the number of {b_pl}, summed into one total.',
    },
    { form: 'pair', text: 'Taking the {a_pl} and the {b_pl} together, how many are there in all?' },
    { form: 'pair', text: 'how many {a_pl} and {b_pl} are there altogether question mark' },
    {
      form: 'pair',
      text: 'I need to cover them all with dust sheets. How many {a_pl} and {b_pl} are there in total?',
    },
  ],
  existence: [
    {
      form: 'either',
      text: "I can't see so well any more. Could you tell me whether there's {an_a} in this room?",
    },
    { form: 'either', text: 'is there {an_a} in the room question mark' },
    { form: 'either', text: 'Unit two to base. Confirm: {an_a} in the room, yes or no? Over.' },
    {
      form: 'either',
      text: 'For the avoidance of doubt, is there at least one {a} present in this room, yes or no?',
    },
    { form: 'either', text: 'Can {an_a} be found anywhere in this room?' },
    {
      form: 'either',
      text: 'The witness swears she saw {an_a} in this room. Is there one here?',
    },
    {
      form: 'either',
      text: "I'm shopping for {an_a} and wondered whether this room already has one. Does it?",
    },
    { form: 'either', text: 'Does this room contain {an_a}?' },
    {
      form: 'either',
      text: 'My late husband always kept {an_a} in the front room. Is there one in this room?',
    },
    { form: 'either', text: 'Props check for the next scene: do we have {an_a} in the room or not?' },
    { form: 'either', text: 'Is {an_a} among the things in this room?' },
    { form: 'either', text: 'Has {an_a} been spotted in here?' },
  ],
  distance: [
    {
      form: 'distance',
      text: 'Could you tell me, dear, how far the {a} is from the {b}? In {units}, please.',
    },
    { form: 'distance', text: 'distance from the {a} to the {b} in {units} question mark' },
    { form: 'distance', text: 'Base, request distance {a} to {b}, in {units}. Over.' },
    {
      form: 'distance',
      text: 'Measured at their nearest points, what is the distance between the {a} and the {b}, expressed in {units}?',
    },
    { form: 'distance', text: 'In {units}, how far apart are the {a} and the {b}?' },
    {
      form: 'distance',
      text: 'Last night I tripped over the {a} on my way to the {b}. How far apart are those two, in {units}?',
    },
    {
      form: 'distance',
      text: 'The suspect moved from the {a} to the {b}. What gap separates the two, in {units}?',
    },
    { form: 'distance', text: 'By how many {units} are the {a} and the {b} separated?' },
    { form: 'distance', text: "There's {an_a} over there. How far is it from the {b}, in {unit}?" },
    {
      form: 'distance',
      text: 'On this next stop of the tour, how much space lies between the {a} and the {b}, in {units}?',
    },
    { form: 'distance', text: 'What is the gap between the {a} and the {b}? Give it in {units}.' },
    { form: 'distance', text: 'These two, the {a} and the {b}: how many {units} apart are they?' },
  ],
  size_height: [
    { form: 'height', text: 'How tall is the {a}, dear? In {units}, if you would.' },
    { form: 'height', text: 'height of the {a} in {units} question mark' },
    { form: 'height', text: 'In {units}, how tall is the {a}?' },
    { form: 'height', text: "There's {an_a} in this room. How tall is it in {units}?" },
    {
      form: 'height',
      text: 'Please state the height of the {a}, from its lowest point to its highest point, in {units}.',
    },
    { form: 'height', text: 'Unit two, request height of the {a} in {units}. Over.' },
    {
      form: 'height',
      text: "I'm comparing the {a} here with one in a catalogue. How tall is this one, in {units}?",
    },
    { form: 'height_floor', text: 'How high is the {a}, in {units}?' },
    { form: 'height_floor', text: 'In {units}, how high does the {a} reach, measured from the floor?' },
    {
      form: 'height_floor',
      text: "The {a} is standing on the floor, isn't it? How high is it, in {units}?",
    },
    {
      form: 'height_floor',
      text: 'For the museum label: the {a} rises to what height above the floor, in {units}?',
    },
    {
      form: 'height_floor',
      text: 'Last night I banged my knee on the {a}. How high does it come up from the floor, in {units}?',
    },
  ],
  size_length_width: [
    { form: 'length', text: 'How long is the {a}, in {units}?' },
    { form: 'length', text: 'length of the {a} in {units} question mark' },
    { form: 'length', text: 'In {units}, what is the length of the {a} along its longer side?' },
    {
      form: 'length',
      text: "There's {an_a} against the wall here. How long is it from one end to the other, in {units}?",
    },
    {
      form: 'length',
      text: 'Please state the length of the {a}, that is, its longer horizontal dimension, in {units}.',
    },
    {
      form: 'length',
      text: "I'm weighing the {a} here against one in the shop. How long is this one in {unit}?",
    },
    { form: 'width', text: 'How wide is the {a}, in {units}?' },
    { form: 'width', text: 'width of the {a} in {units} question mark' },
    { form: 'width', text: 'In {units}, how wide is the {a}?' },
    { form: 'width', text: 'Base, request width of the {a}, in {units}. Over.' },
    {
      form: 'width',
      text: 'The {a} has to go through a narrow doorway tomorrow. What is its width, in {units}?',
    },
    {
      form: 'width',
      text: 'Please state the width of the {a}, meaning its shorter horizontal dimension, in {units}.',
    },
  ],
  size_big: [
    { form: 'big', text: 'How big is the {a}, in {units}?' },
    { form: 'big', text: 'size of the {a} in {units} question mark' },
    { form: 'big', text: 'In {units}, how big is the {a} at its longest?' },
    {
      form: 'big',
      text: "There's {an_a} in here. What is its largest dimension, in {units}?",
    },
    {
      form: 'big',
      text: 'Please state the greatest of the three dimensions of the {a} (length, width or height), in {units}.',
    },
    { form: 'big', text: 'Base, request longest dimension of the {a}, in {units}. Over.' },
    {
      form: 'big',
      text: "I'm shopping for a cover for the {a}. How big is it, along its biggest side, in {units}?",
    },
    {
      form: 'big',
      text: 'My grandson wants to take the {a} home in his car. How big is it, in {units}?',
    },
    {
      form: 'big',
      text: 'For the exhibit notes: what is the overall size of the {a}, its longest measurement, in {units}?',
    },
    { form: 'big', text: 'How many {units} does the {a} measure along its longest side?' },
    {
      form: 'big',
      text: 'The thief carried off something the size of the {a}. How big is the {a}, in {units}?',
    },
  ],
  superlative: [
    { form: 'largest', text: 'Which is the largest object in this room?' },
    { form: 'largest', text: 'what is the biggest thing in the room question mark' },
    {
      form: 'largest',
      text: 'On this stop of the tour, which object in the room is the biggest of them all?',
    },
    { form: 'smallest', text: 'Which object in this room is the smallest?' },
    {
      form: 'smallest',
      text: 'For the record, what is the smallest object present in this room?',
    },
    { form: 'smallest', text: 'Base, identify the smallest object in the room. Over.' },
    { form: 'tallest', text: 'What is the tallest thing in this room?' },
    {
      form: 'tallest',
      text: 'As a visitor here, I wonder which object in this room stands the tallest?',
    },
    { form: 'tallest', text: 'Which object in the room is the tallest one, dear?' },
    { form: 'closest', text: 'Which object is positioned closest to the {a}?' },
    {
      form: 'closest',
      text: 'The detective stood by the {a}. What other object in the room is closest to it?',
    },
    { form: 'closest', text: 'what is closest to the {a} question mark' },
    { form: 'farthest', text: 'Which object is the farthest from the {a}?' },
    {
      form: 'farthest',
      text: 'Unit two to base: which object in the room is farthest away from the {a}? Over.',
    },
    {
      form: 'farthest',
      text: "There's {an_a} in this room. What is the furthest object from it?",
    },
  ],
  nearest: [
    { form: 'next', text: 'What is next to the {a}, dear?' },
    { form: 'next', text: 'what is next to the {a} question mark' },
    { form: 'next', text: 'Base, request the object nearest to the {a}. Over.' },
    {
      form: 'next',
      text: 'Please identify the object, other than the {a} itself, that is located nearest to the {a}.',
    },
    { form: 'next', text: 'What can be found right beside the {a}?' },
    {
      form: 'next',
      text: 'The clue was left beside the {a}. What object stands next to the {a}?',
    },
    {
      form: 'next',
      text: "I'm thinking of buying the {a}. What's sitting next to it in this room?",
    },
    {
      form: 'next',
      text: 'Last night I fell asleep by the {a}. What was the nearest thing to it?',
    },
    { form: 'next', text: "There's {an_a} here. What object is nearest to it?" },
    { form: 'next', text: 'On the tour, what is displayed next to the {a}?' },
    { form: 'next', text: 'Which object is placed next to the {a}?' },
  ],
  comparison: [
    { form: 'bigger', text: 'Which one is bigger, dear, the {a} or the {b}?' },
    {
      form: 'bigger',
      text: "I'm choosing between these two in the showroom: which is larger, the {a} or the {b}?",
    },
    { form: 'smaller', text: 'which is smaller the {a} or the {b} question mark' },
    {
      form: 'smaller',
      text: 'Of the two objects, the {a} and the {b}, which is the smaller one?',
    },
    { form: 'bigger_yn', text: 'Is the {a} bigger than the {b}?' },
    {
      form: 'bigger_yn',
      text: 'For the record, is it the case that the {a} is larger than the {b}? Yes or no.',
    },
    { form: 'taller', text: 'Base, which is taller: the {a} or the {b}? Over.' },
    { form: 'taller', text: 'These two, the {a} and the {b}: which one is taller?' },
    { form: 'taller_yn', text: 'Is the {a} taller than the {b}?' },
    {
      form: 'taller_yn',
      text: "There's {an_a} and {an_b} in this room. Is the {a} the taller of the two?",
    },
    { form: 'closer', text: 'Which is closer to the {a}, the {b} or the {c}?' },
    {
      form: 'closer',
      text: 'The suspect stood at the {a}. Was the {b} or the {c} closer to where he stood?',
    },
    {
      form: 'closer',
      text: 'In this room, which is nearer to the {a}: the {b} or the {c}?',
    },
    { form: 'farther', text: 'Which is farther from the {a}, the {b} or the {c}?' },
    {
      form: 'farther',
      text: 'Unit two to base: of the {b} and the {c}, which is further from the {a}? Over.',
    },
    {
      form: 'farther',
      text: 'Between the {b} and the {c}, which one is placed farther away from the {a}?',
    },
  ],
  standpoint: [
    {
      form: 'lr',
      text: 'If I stand at the {a} and face the {b}, is the {c} on my left or on my right?',
    },
    {
      form: 'lr',
      text: "i'm standing at the {a} comma facing the {b} period is the {c} on my left or my right question mark",
    },
    {
      form: 'lr',
      text: 'Blocking note: I take my mark at the {a}, facing the {b}. Is the {c} to my left or to my right?',
    },
    {
      form: 'lr',
      text: 'I am positioned at the {a}, looking toward the {b}. On which side of me is the {c}, left or right?',
    },
    {
      form: 'lr',
      text: 'Last night I stood by the {a}, looking at the {b}. Was the {c} on my left or my right?',
    },
    {
      form: 'yn_left',
      text: "I'm at the {a}, facing the {b}. Is the {c} on my left?",
    },
    {
      form: 'yn_left',
      text: 'Standing at the {a} and facing the {b}, would the {c} be to my left, yes or no?',
    },
    {
      form: 'yn_left',
      text: 'Base, I am at the {a}, facing the {b}. Confirm the {c} is on my left side. Over.',
    },
    {
      form: 'yn_left',
      text: 'As I stand by the {a} looking toward the {b}, is the {c} on my left-hand side?',
    },
    {
      form: 'yn_right',
      text: "I'm at the {a}, facing the {b}. Is the {c} on my right?",
    },
    {
      form: 'yn_right',
      text: 'For the record: if I stand at the {a} and face the {b}, is the {c} to my right?',
    },
    {
      form: 'yn_right',
      text: 'Facing the {b} from where the {a} is, would I find the {c} on my right-hand side?',
    },
    {
      form: 'yn_right',
      text: 'i am at the {a} facing the {b} comma is the {c} to my right question mark',
    },
  ],
  route: [
    {
      form: 'facing',
      text: "I'm at the {a}, facing the {b}. To walk over to the {c}, do I turn left or right first?",
    },
    {
      form: 'facing',
      text: 'Standing at the {a} and looking at the {b}, which way should I turn to head for the {c}, left or right?',
    },
    {
      form: 'facing',
      text: 'Base, I am at the {a}, facing the {b}. Which way do I turn to reach the {c}, left or right? Over.',
    },
    {
      form: 'facing',
      text: "i'm at the {a} facing the {b} comma to get to the {c} do i turn left or right question mark",
    },
    {
      form: 'facing',
      text: 'I walk in to the {a} and stop there, facing the {b}. Then I cross to the {c}. Do I turn left or right?',
    },
    {
      form: 'facing',
      text: 'Tour guide here: we are gathered at the {a}, all facing the {b}. To lead us to the {c}, do I turn left or right?',
    },
    {
      form: 'back',
      text: "I'm at the {a} with my back to the {b}. To get to the {c}, do I turn left or right?",
    },
    {
      form: 'back',
      text: 'Standing at the {a}, with the {b} behind me, which way do I turn to reach the {c}, left or right?',
    },
    {
      form: 'back',
      text: 'Base, I am at the {a}, back to the {b}. Left or right to head for the {c}? Over.',
    },
    {
      form: 'back',
      text: 'If I stand at the {a} with the {b} directly behind me, should I turn left or right to go to the {c}?',
    },
    {
      form: 'back',
      text: "i'm at the {a} with my back to the {b} comma do i turn left or right to reach the {c} question mark",
    },
    {
      form: 'back',
      text: 'The detective stood at the {a}, his back to the {b}. To walk to the {c}, did he turn left or right?',
    },
  ],
  appearance_order: [
    { form: 'first2', text: 'Which did you see first, the {a} or the {b}?' },
    {
      form: 'first2',
      text: 'Of these two, the {a} and the {b}, which one was seen earlier in the video?',
    },
    { form: 'last2', text: 'Which appeared later in the video, the {a} or the {b}?' },
    {
      form: 'last2',
      text: 'Base, of the {a} and the {b}, which came into view last? Over.',
    },
    {
      form: 'first3',
      text: 'Of the three of them, the {a}, the {b} and the {c}, which did you see first?',
    },
    {
      form: 'first3',
      text: 'On the tour, which came first into view: the {a}, the {b} or the {c}?',
    },
    {
      form: 'last3',
      text: 'Among the {a}, the {b} and the {c}, which one was seen last?',
    },
    {
      form: 'last3',
      text: 'The detective walked through with the camera. Which did he see last: the {a}, the {b} or the {c}?',
    },
    { form: 'before_yn', text: 'Did you see the {a} before the {b}?' },
    {
      form: 'before_yn',
      text: 'For the record, was the {a} seen earlier in the video than the {b}? Yes or no.',
    },
    { form: 'before_yn', text: 'was the {a} seen before the {b} question mark' },
    {
      form: 'order',
      text: 'In what order were the {a}, the {b} and the {c} seen in the video?',
    },
    {
      form: 'order',
      text: 'Walking through the room, in which order did the {a}, the {b} and the {c} come into view?',
    },
    {
      form: 'order',
      text: 'Base, report the order in which you first saw the {a}, the {b} and the {c}. Over.',
    },
  ],
  room_listing: [
    { form: 'list', text: "I'm new to these apps, dear. What is there in this room?" },
    { form: 'list', text: 'what is in the room question mark' },
    { form: 'list', text: 'Base, request a list of the objects in the room. Over.' },
    {
      form: 'list',
      text: 'For the record, please enumerate the objects that are present in this room.',
    },
    { form: 'list', text: 'Welcome to the tour. What objects are in this room?' },
    { form: 'list', text: 'What items have been found in this room?' },
    { form: 'list', text: 'Name the things you saw in this room.' },
    { form: 'kinds', text: 'How many different kinds of objects are there in this room?' },
    {
      form: 'kinds',
      text: 'Counting each kind of object once, how many kinds of objects does the room contain?',
    },
    { form: 'kinds', text: 'Base, how many different types of objects are in the room? Over.' },
    { form: 'kinds', text: 'how many kinds of things are in the room question mark' },
    {
      form: 'kinds',
      text: "I'm furnishing a room just like this one. How many different types of objects are in this one?",
    },
  ],
};

export const BANK8 = numberBank(RAW, 'bank8.');
