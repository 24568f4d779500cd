import { describe, expect, it } from 'vitest';
import { parseByPattern } from './parseFreeForm';
import { readQuestion } from './readQuestion';
import type { Task } from './types';

/**
 * Families of phrasing, each pinned with sentences written for this test (none is a benchmark sentence): the
 * reader should follow the family, not a list of sentences.
 */
type Case = readonly [string, Partial<Task> & { kind: Task['kind'] }];

const FAMILIES: Record<string, readonly Case[]> = {
  /** Framing nouns, vocatives, mass nouns and the asker's body are no objects; a known name still is. */
  framingNouns: [
    [
      'Quick one, buddy: how tall is the fridge?',
      { kind: 'object_measure', label: 'fridge', measure: 'height' },
    ],
    ['how wide is the bed, pal?', { kind: 'object_measure', label: 'bed', measure: 'width' }],
    ['Professor, how far is the sofa from the tv?', { kind: 'object_abs_distance', a: 'sofa', b: 'tv' }],
    ['Out of curiosity, how many chairs are there?', { kind: 'object_counting', label: 'chair' }],
    [
      'If it is no bother, how long is the couch?',
      { kind: 'object_measure', label: 'couch', measure: 'length' },
    ],
    ['In reality, how high is the oven?', { kind: 'object_measure', label: 'oven', measure: 'height' }],
    ['Measured in height, how big is the toilet?', { kind: 'object_measure', label: 'toilet' }],
    ['As a matter of interest, is there a piano?', { kind: 'object_existence', label: 'piano' }],
    ['is there a harp in here, my friend?', { kind: 'object_existence', label: 'harp' }],
    ['are there any rubber ducks?', { kind: 'object_existence', label: 'rubber duck' }],
    ['do you see a big old harp?', { kind: 'object_existence', label: 'harp' }],
    ['how many harps did you see?', { kind: 'object_counting', label: 'harp' }],
    ['With all due respect, what is the biggest thing here?', { kind: 'superlative', order: 'max' }],
    ['what is the smallest object in the room, chief?', { kind: 'superlative', order: 'min' }],
    [
      'Sorry to ask again, but how far apart are the bed and the sink?',
      { kind: 'object_abs_distance', a: 'bed', b: 'sink' },
    ],
    [
      'Just for fun, which is taller, the lamp or the fridge?',
      { kind: 'compare', labels: ['lamp', 'fridge'] },
    ],
    ['Honestly, how deep is the sofa?', { kind: 'object_measure', label: 'sofa', measure: 'width' }],
    ['At first glance, how many cups are there?', { kind: 'object_counting', label: 'cup' }],
    ['Team, what is nearest to the sink?', { kind: 'nearest', anchor: 'sink', order: 'min' }],
    ['Officer, where is the laptop?', { kind: 'locate', target: 'laptop' }],
  ],
  /** A leading clause about the asker's plans names no object the question asks about. */
  leadingClauses: [
    [
      'Before I paint the wall, tell me how tall the fridge is.',
      { kind: 'object_measure', label: 'fridge', measure: 'height' },
    ],
    ['Before we get a new table, how many chairs are there?', { kind: 'object_counting', label: 'chair' }],
    [
      'After I move the bed, how far will the sofa be from the tv?',
      { kind: 'object_abs_distance', a: 'sofa', b: 'tv' },
    ],
    ['Before I order a lamp, tell me what is in the room.', { kind: 'scene_summary' }],
    [
      'For the truck, how long is the couch in feet?',
      { kind: 'object_measure', label: 'couch', measure: 'length' },
    ],
    ['Before buying a rug, is there a sofa in this room?', { kind: 'object_existence', label: 'sofa' }],
    [
      'Before I hang a mirror above the sink, how wide is the sink?',
      { kind: 'object_measure', label: 'sink', measure: 'width' },
    ],
    ['For the sofa, how tall is it?', { kind: 'object_measure', label: 'sofa', measure: 'height' }],
    [
      'Once I bring a desk in, tell me the distance from the bed to the door.',
      { kind: 'object_abs_distance', a: 'bed', b: 'door' },
    ],
    [
      'Before I get a cover, tell me how long the bed is.',
      { kind: 'object_measure', label: 'bed', measure: 'length' },
    ],
  ],
  totals: [
    ['Please tell me how many objects there are here in total.', { kind: 'count_total', labels: [] }],
    ['Can you count up for me all of the things in this room?', { kind: 'count_total', labels: [] }],
    ['Quick tally: how many items in total, whatever their type?', { kind: 'count_total', labels: [] }],
    ['number of objects in this place, every type counted?', { kind: 'count_total', labels: [] }],
    ['how many things are there altogether, all sorts included?', { kind: 'count_total', labels: [] }],
    ['The big question: how many objects are in here, all together?', { kind: 'count_total', labels: [] }],
    ['count every single one of the objects for me', { kind: 'count_total', labels: [] }],
    ['how many distinct object types did you see?', { kind: 'count_total', kinds: true }],
    ['what is the number of different kinds of things here?', { kind: 'count_total', kinds: true }],
    ['how many objects there are in this room?', { kind: 'count_total', labels: [] }],
  ],
  existence: [
    ['Would there be a lamp here?', { kind: 'object_existence', label: 'lamp' }],
    ['Might there be any cups in the room?', { kind: 'object_existence', label: 'cup' }],
    ['Could there be a piano somewhere?', { kind: 'object_existence', label: 'piano' }],
    ['Has the kitchen a kettle?', { kind: 'object_existence', label: 'kettle' }],
    ['Does this room have a bathtub at all?', { kind: 'object_existence', label: 'bathtub' }],
    ['A sofa present here?', { kind: 'object_existence', label: 'sofa' }],
    ['Any microwave around?', { kind: 'object_existence', label: 'microwave' }],
    ['a television in the room? yes or no', { kind: 'object_existence', label: 'television' }],
    ['There might be a harp in this room?', { kind: 'object_existence', label: 'harp' }],
    ['Will there be a toilet in here?', { kind: 'object_existence', label: 'toilet' }],
  ],
  roomContents: [
    ['What have you got in here?', { kind: 'scene_summary' }],
    ['What is currently in this room?', { kind: 'scene_summary' }],
    ['what all is there in the room', { kind: 'scene_summary' }],
    ["What've you seen in the room so far?", { kind: 'scene_summary' }],
    ['What do we have in this room already?', { kind: 'scene_summary' }],
    ['what does this room hold?', { kind: 'scene_summary' }],
    ['what exactly is in here?', { kind: 'scene_summary' }],
    ['Before I move in, tell me what is in the flat.', { kind: 'scene_summary' }],
    ['what stuff is there in this room?', { kind: 'scene_summary' }],
    ['what kind of things are in here?', { kind: 'scene_summary' }],
  ],
  heights: [
    ['What is the elevation of the lamp?', { kind: 'object_measure', label: 'lamp', measure: 'height' }],
    ['how high does the fridge stand?', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
    [
      'the vertical extent of the bookcase, in cm?',
      { kind: 'object_measure', label: 'bookcase', measure: 'height' },
    ],
    [
      'how high off the floor does the table top sit?',
      { kind: 'object_measure', label: 'table', measure: 'height' },
    ],
    ["what's the sink's stature in inches", { kind: 'object_measure', label: 'sink', measure: 'height' }],
    [
      'from floor to top, how many cm is the cabinet?',
      { kind: 'object_measure', label: 'cabinet', measure: 'height' },
    ],
  ],
  footprintSides: [
    ['How long is the long side of the bed?', { kind: 'object_measure', label: 'bed', measure: 'length' }],
    ["the desk's shorter edge, in cm?", { kind: 'object_measure', label: 'desk', measure: 'width' }],
    [
      'Seen from above, what is the longest side of the table?',
      { kind: 'object_measure', label: 'table', measure: 'length' },
    ],
    ['the minor axis of the rug, in metres', { kind: 'object_measure', label: 'rug', measure: 'width' }],
    ['What is the breadth of the couch?', { kind: 'object_measure', label: 'couch', measure: 'width' }],
    [
      'how long is the short side of the nightstand?',
      { kind: 'object_measure', label: 'nightstand', measure: 'width' },
    ],
    [
      'Horizontally, what is the longer dimension of the desk?',
      { kind: 'object_measure', label: 'desk', measure: 'length' },
    ],
    ['the footprint of the bed?', { kind: 'object_measure', label: 'bed', measure: 'area' }],
    ['How many square meters does the bed cover?', { kind: 'object_measure', label: 'bed', measure: 'area' }],
    ['How much floor does the sofa take up?', { kind: 'object_measure', label: 'sofa', measure: 'area' }],
  ],
  gaze: [
    [
      'Standing by the sofa gazing straight at the tv, is the lamp on my right?',
      { kind: 'standpoint', standing: 'sofa', facing: 'tv', query: 'lamp', check: 'right' },
    ],
    [
      'I sit on the bed staring toward the door: is the desk to my left?',
      { kind: 'standpoint', standing: 'bed', facing: 'door', query: 'desk', check: 'left' },
    ],
    [
      'Perched at the desk with my eyes fixed on the window, is the lamp on the left or the right?',
      { kind: 'standpoint', standing: 'desk', facing: 'window', query: 'lamp', check: 'left-right' },
    ],
    [
      'Leaning on the fridge, peering over at the sink, would the oven be to my right?',
      { kind: 'standpoint', standing: 'fridge', facing: 'sink', query: 'oven', check: 'right' },
    ],
    [
      'Sat at the table with my nose pointed toward the tv, is the couch on my left?',
      { kind: 'standpoint', standing: 'table', facing: 'tv', query: 'couch', check: 'left' },
    ],
    [
      'Positioned at the chair and aimed at the bed, is the lamp to the right?',
      { kind: 'standpoint', standing: 'chair', facing: 'bed', query: 'lamp', check: 'right' },
    ],
    [
      'At the door, turned away from the bed, is the desk on my left?',
      { kind: 'standpoint', standing: 'door', facing: 'bed', query: 'desk', backTo: true },
    ],
    [
      'From the sofa, my line of sight on the tv, where is the plant, left or right?',
      { kind: 'standpoint', standing: 'sofa', facing: 'tv', query: 'plant', check: 'left-right' },
    ],
    [
      'Parked at the oven, face pointing at the sink: to go to the fridge, do I turn left or right?',
      { kind: 'route_directions', from: 'oven', to: 'fridge', facing: 'sink' },
    ],
    [
      'Standing at the bed with my face toward the desk, which way do I turn to get to the door?',
      { kind: 'route_directions', from: 'bed', to: 'door', facing: 'desk' },
    ],
    [
      'At the sofa, oriented away from the tv, to reach the lamp should I turn left or right?',
      { kind: 'route_directions', from: 'sofa', to: 'lamp', facing: 'tv', backTo: true },
    ],
    [
      'If I am at the desk and the bed is at my back, to walk to the door do I turn left or right?',
      { kind: 'route_directions', from: 'desk', to: 'door', facing: 'bed', backTo: true },
    ],
    [
      'From a spot at the fridge, looking out toward the window, is the first turn toward the sink left or right?',
      { kind: 'route_directions', from: 'fridge', to: 'sink', facing: 'window' },
    ],
  ],
  appearance: [
    ['Did the lamp come into view later than the bed?', { kind: 'obj_appearance_order', ask: 'after' }],
    [
      'Was the sofa captured sooner in the video than the tv?',
      { kind: 'obj_appearance_order', ask: 'before' },
    ],
    [
      'Of the cup, the lamp and the bed, which entered the frame first?',
      { kind: 'obj_appearance_order', ask: 'first' },
    ],
    [
      'Which of the desk and the chair was the last to enter the shot?',
      { kind: 'obj_appearance_order', ask: 'last' },
    ],
    [
      'Among the tv, the sink and the cup, which showed up on camera last?',
      { kind: 'obj_appearance_order', ask: 'last' },
    ],
    ['was the bed filmed earlier on than the door?', { kind: 'obj_appearance_order', ask: 'before' }],
    [
      'Did the lamp show up ahead of the bed?',
      { kind: 'obj_appearance_order', labels: ['lamp', 'bed'], ask: 'before' },
    ],
    [
      'Which came last into the picture: the fridge or the sink?',
      { kind: 'obj_appearance_order', labels: ['fridge', 'sink'], ask: 'last' },
    ],
  ],
  yesNoTags: [
    ['The sofa is longer than the bed, or not?', { kind: 'compare', labels: ['sofa', 'bed'], claim: true }],
    [
      'the fridge is taller than the door, right?',
      { kind: 'compare', labels: ['fridge', 'door'], claim: true },
    ],
    ['The lamp is smaller than the tv, true?', { kind: 'compare', labels: ['lamp', 'tv'], claim: true }],
    ['the desk is wider than the bed, yes or no?', { kind: 'compare', labels: ['desk', 'bed'], claim: true }],
    ['Which is bigger, the sofa or the bed?', { kind: 'compare', labels: ['sofa', 'bed'] }],
  ],
  nounPhraseNearest: [
    ['Object nearest to the tv?', { kind: 'nearest', anchor: 'tv', order: 'min' }],
    ['the thing farthest from the bed', { kind: 'nearest', anchor: 'bed', order: 'max' }],
    ['Question 3: item beside the sink.', { kind: 'nearest', anchor: 'sink', order: 'min' }],
    [
      'From the lamp, which is farther away, the bed or the desk?',
      { kind: 'nearest', anchor: 'lamp', order: 'max' },
    ],
  ],
  misspelt: [
    ['how tall is the refrigirator?', { kind: 'object_measure', label: 'refrigerator' }],
    ['is there a sofaa in the room?', { kind: 'object_existence', label: 'sofa' }],
    ['how many chiars are there?', { kind: 'object_counting', label: 'chair' }],
    [
      'how far is the tabel from the telivision?',
      { kind: 'object_abs_distance', a: 'table', b: 'television' },
    ],
    ['what is next to the micowave?', { kind: 'nearest', anchor: 'microwave' }],
    ['is there a toliet?', { kind: 'object_existence', label: 'toilet' }],
    // A real word near a name stays itself: it is looked for, and reported unseen by its own name.
    ['is there a speaker?', { kind: 'object_existence', label: 'speaker' }],
    ['is there a harp?', { kind: 'object_existence', label: 'harp' }],
  ],
  nearestOfAKind: [
    [
      "where's the closest chair to the bed",
      { kind: 'nearest', anchor: 'bed', order: 'min', among: ['chair'] },
    ],
    ['which chair is nearest the door?', { kind: 'nearest', anchor: 'door', order: 'min', among: ['chair'] }],
    ['the farthest cup from the sink?', { kind: 'nearest', anchor: 'sink', order: 'max', among: ['cup'] }],
    ['Which lamp is the closest one to the sofa?', { kind: 'nearest', anchor: 'sofa', among: ['lamp'] }],
    ['is the chair the closest thing to the bed?', { kind: 'nearest', anchor: 'bed', claim: 'chair' }],
  ],
  countComparisons: [
    [
      'are there more chairs than tables?',
      { kind: 'count_total', labels: ['chair', 'table'], more: 'max', claim: true },
    ],
    ['Are there fewer cups than bottles in the room?', { kind: 'count_total', more: 'min', claim: true }],
    ['do I have more chairs or tables?', { kind: 'count_total', labels: ['chair', 'table'], more: 'max' }],
    [
      'which is there more of, lamps or chairs?',
      { kind: 'count_total', labels: ['lamp', 'chair'], more: 'max' },
    ],
    ['do the chairs outnumber the tables?', { kind: 'count_total', more: 'max', claim: true }],
    ['which are less numerous, the cups or the bowls?', { kind: 'count_total', more: 'min' }],
  ],
  moreWordings: [
    ['How far up does the fridge reach?', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
    ['Which object is the most massive?', { kind: 'superlative', measure: 'longest', order: 'max' }],
    [
      'Which is the more compact, the cup or the lamp?',
      { kind: 'compare', labels: ['cup', 'lamp'], order: 'min' },
    ],
    ['Got a piano?', { kind: 'object_existence', label: 'piano' }],
    ['Any chance there is a harp in here?', { kind: 'object_existence', label: 'harp' }],
    ["What's lying around in here?", { kind: 'scene_summary' }],
    ['Can you list off what you found?', { kind: 'scene_summary' }],
    ['Name the stuff in here.', { kind: 'scene_summary' }],
    ['Tell me if you saw a toaster.', { kind: 'object_existence', label: 'toaster' }],
    ['Can a sofa be found here?', { kind: 'object_existence', label: 'sofa' }],
    [
      'Seated on the couch with the tv straight ahead, is the plant on my right or left?',
      { kind: 'standpoint', standing: 'couch', facing: 'tv', query: 'plant', check: 'left-right' },
    ],
    [
      'Kneeling by the bed, face toward the window, is the lamp to my left?',
      { kind: 'standpoint', standing: 'bed', facing: 'window', query: 'lamp', check: 'left' },
    ],
    [
      'Crouched at the toilet, eyes toward the sink, which way do I turn to get to the door?',
      { kind: 'route_directions', from: 'toilet', to: 'door', facing: 'sink' },
    ],
    [
      'I am next to the sofa with the tv in view ahead. Is the lamp left or right?',
      { kind: 'standpoint', standing: 'sofa', facing: 'tv', query: 'lamp', check: 'left-right' },
    ],
    [
      'Standing at the fridge with the sink in front, do I turn left or right to reach the table?',
      { kind: 'route_directions', from: 'fridge', to: 'table', facing: 'sink' },
    ],
    [
      'I am at the desk. I am looking at the door. Is the bed on my left?',
      { kind: 'standpoint', standing: 'desk', facing: 'door', query: 'bed', check: 'left' },
    ],
  ],
  terse: [
    ['piano here?', { kind: 'object_existence', label: 'piano' }],
    ['closest to sink?', { kind: 'nearest', anchor: 'sink', order: 'min' }],
    ['whats next 2 the tv', { kind: 'nearest', anchor: 'tv', order: 'min' }],
    ['is sofa > bed', { kind: 'compare', labels: ['sofa', 'bed'], order: 'max', claim: true }],
    ['stuff in room?', { kind: 'scene_summary' }],
    ['order: bed, lamp, tv?', { kind: 'obj_appearance_order', labels: ['bed', 'lamp', 'tv'] }],
    ['total objects?', { kind: 'count_total', labels: [] }],
    [
      'In which order did these show up: bed, lamp, desk?',
      { kind: 'obj_appearance_order', labels: ['bed', 'lamp', 'desk'] },
    ],
    [
      'Which of these did the video show last: the cup, the plate or the bowl?',
      { kind: 'obj_appearance_order', ask: 'last' },
    ],
  ],
  /** Every object named with any noun of the class (items, pieces, things, stuff; singular too), any adverb. */
  everythingNouns: [
    ['How many items altogether are in the room?', { kind: 'count_total', labels: [] }],
    ['How many pieces in total are in this room?', { kind: 'count_total', labels: [] }],
    ['how many things all told are in the scene?', { kind: 'count_total', labels: [] }],
    ['Give me the object count for this room.', { kind: 'count_total', labels: [] }],
    ['What is the overall item tally, please?', { kind: 'count_total', labels: [] }],
    ['the total thing count, every single piece included', { kind: 'count_total', labels: [] }],
    ['How many articles are in this room?', { kind: 'count_total', labels: [] }],
    ['Count the stuff in here, each bit included.', { kind: 'count_total', labels: [] }],
    ['Item count in this place, total?', { kind: 'count_total', labels: [] }],
    ['Tell me how many belongings are in the room in total.', { kind: 'count_total', labels: [] }],
  ],
  /** "the total" of kinds named before it, whatever the verb that joins them. */
  totalOfNamedKinds: [
    [
      'If we put the cups with the bowls, what is the total?',
      { kind: 'count_total', labels: ['cup', 'bowl'] },
    ],
    ['Chairs plus stools, what is the grand total?', { kind: 'count_total', labels: ['chair', 'stool'] }],
    [
      'Adding the lamps to the vases, what would the total number be?',
      { kind: 'count_total', labels: ['lamp', 'vase'] },
    ],
    ['Take the sofas and the beds together: the sum?', { kind: 'count_total', labels: ['sofa', 'bed'] }],
    [
      'Combine the bottles and the cups, what is the total count?',
      { kind: 'count_total', labels: ['bottle', 'cup'] },
    ],
    [
      'If you lump the towels in with the sinks, what total do you get?',
      { kind: 'count_total', labels: ['towel', 'sink'] },
    ],
    [
      'The pillows and the clocks, what is their total?',
      { kind: 'count_total', labels: ['pillow', 'clock'] },
    ],
    [
      'Suppose you count the mugs with the plates, what is the sum total?',
      { kind: 'count_total', labels: ['mug', 'plate'] },
    ],
    ['what is the total length of the sofa?', { kind: 'object_measure', label: 'sofa', measure: 'length' }],
    ['In total, how far is the bed from the tv?', { kind: 'object_abs_distance', a: 'bed', b: 'tv' }],
  ],
  /** "at its longest" is one object's greatest extent; "at its widest/tallest" that dimension. */
  atItsExtreme: [
    [
      'How many cm is the desk at its longest?',
      { kind: 'object_measure', label: 'desk', measure: 'longest' },
    ],
    [
      'What does the sofa measure at its biggest, in feet?',
      { kind: 'object_measure', label: 'sofa', measure: 'longest' },
    ],
    [
      'What does the bed measure at its longest point?',
      { kind: 'object_measure', label: 'bed', measure: 'longest' },
    ],
    ['At its largest, how big is the rug?', { kind: 'object_measure', label: 'rug', measure: 'longest' }],
    [
      'How many inches is the lamp at its tallest?',
      { kind: 'object_measure', label: 'lamp', measure: 'height' },
    ],
    [
      'How wide is the wardrobe at its widest?',
      { kind: 'object_measure', label: 'wardrobe', measure: 'width' },
    ],
    [
      'The fridge, at its maximum, is how many metres?',
      { kind: 'object_measure', label: 'fridge', measure: 'longest' },
    ],
    ['How deep is the sink at its deepest?', { kind: 'object_measure', label: 'sink', measure: 'width' }],
    [
      'How many feet is the table at its greatest?',
      { kind: 'object_measure', label: 'table', measure: 'longest' },
    ],
    [
      'how high does the shelf go at its highest',
      { kind: 'object_measure', label: 'shelf', measure: 'height' },
    ],
  ],
  /** The relation's object asked after it ("next to what?") or stranded ("what is the bed next to?"). */
  nearWhat: [
    ['The sofa is beside what?', { kind: 'nearest', anchor: 'sofa', order: 'min' }],
    ['What is the fridge next to?', { kind: 'nearest', anchor: 'fridge', order: 'min' }],
    ['The lamp sits near which object?', { kind: 'nearest', anchor: 'lamp', order: 'min' }],
    ['The cup is by what?', { kind: 'nearest', anchor: 'cup', order: 'min' }],
    ['Which thing is the chair standing next to?', { kind: 'nearest', anchor: 'chair', order: 'min' }],
    ['The microwave is close to what item?', { kind: 'nearest', anchor: 'microwave', order: 'min' }],
    ['So the bed is adjacent to what, exactly?', { kind: 'nearest', anchor: 'bed', order: 'min' }],
    [
      'The desk stands alongside which piece of furniture?',
      { kind: 'nearest', anchor: 'desk', order: 'min' },
    ],
    ['What does the toilet sit beside?', { kind: 'nearest', anchor: 'toilet', order: 'min' }],
    ['the oven is next to what', { kind: 'nearest', anchor: 'oven', order: 'min' }],
  ],
  /** Someone else stands for me (a client, a patient, whoever stands/sits there); her/his left is "my" left. */
  otherPersonStandpoint: [
    [
      'My patient is sitting at the table, facing the tv. Is the lamp on his left?',
      { kind: 'standpoint', standing: 'table', facing: 'tv', query: 'lamp', check: 'left' },
    ],
    [
      'Our roommate stands by the sink facing the oven. Is the fridge to her right?',
      { kind: 'standpoint', standing: 'sink', facing: 'oven', query: 'fridge', check: 'right' },
    ],
    [
      'The student is standing at the desk, looking at the door. Is the bed on her left?',
      { kind: 'standpoint', standing: 'desk', facing: 'door', query: 'bed', check: 'left' },
    ],
    [
      'My nephew sits on the sofa facing the tv. Is the plant on his right?',
      { kind: 'standpoint', standing: 'sofa', facing: 'tv', query: 'plant', check: 'right' },
    ],
    [
      'The inspector is standing at the bath, facing the toilet. Is the sink on her left?',
      { kind: 'standpoint', standing: 'bath', facing: 'toilet', query: 'sink', check: 'left' },
    ],
    [
      'A customer stands at the counter, facing the fridge. Is the oven to his left?',
      { kind: 'standpoint', standing: 'counter', facing: 'fridge', query: 'oven', check: 'left' },
    ],
    [
      'My flatmate is standing by the bed, looking at the wardrobe. Is the lamp on her right?',
      { kind: 'standpoint', standing: 'bed', facing: 'wardrobe', query: 'lamp', check: 'right' },
    ],
    [
      'The decorator waits at the door, facing the window. Is the sofa on his right?',
      { kind: 'standpoint', standing: 'door', facing: 'window', query: 'sofa', check: 'right' },
    ],
    [
      'Her grandson is sitting at the desk facing the shelf. Is the chair to his left?',
      { kind: 'standpoint', standing: 'desk', facing: 'shelf', query: 'chair', check: 'left' },
    ],
    [
      'Our guest stands at the fireplace facing the clock. Is the tv on her right?',
      { kind: 'standpoint', standing: 'fireplace', facing: 'clock', query: 'tv', check: 'right' },
    ],
  ],
  /** A hedge that sets two things apart, then "how far is it": their distance, not how far one is from me. */
  hedgedDistance: [
    [
      'I could be mistaken, but the bed seems far from the door. How far is it actually?',
      { kind: 'object_abs_distance', a: 'bed', b: 'door' },
    ],
    [
      'The lamp appears close to the sofa. How close is it, in cm?',
      { kind: 'object_abs_distance', a: 'lamp', b: 'sofa' },
    ],
    [
      'To me the sink looks a long way from the oven. How many metres is it?',
      { kind: 'object_abs_distance', a: 'sink', b: 'oven' },
    ],
    [
      'Maybe I am wrong, but the chair is near the table. How far is it really?',
      { kind: 'object_abs_distance', a: 'chair', b: 'table' },
    ],
    [
      'My guess is the tv is pretty distant from the bed. How far is it in feet?',
      { kind: 'object_abs_distance', a: 'tv', b: 'bed' },
    ],
    [
      'Correct me if I am wrong: the fridge sits right next to the stove. How far is it, then?',
      { kind: 'object_abs_distance', a: 'fridge', b: 'stove' },
    ],
    [
      'It feels like the desk is miles away from the window. How far is it?',
      { kind: 'object_abs_distance', a: 'desk', b: 'window' },
    ],
    [
      'I think the toilet is close to the bath. How many inches is it?',
      { kind: 'object_abs_distance', a: 'toilet', b: 'bath' },
    ],
    [
      'From here the cup looks far from the laptop. What distance is it, roughly?',
      { kind: 'object_abs_distance', a: 'cup', b: 'laptop' },
    ],
    ['The sofa is lovely. How far away is it?', { kind: 'ego_distance', target: 'sofa' }],
  ],
  /** A command to check a claim, or a yes/no after a lead ("robot, confirm: is…"), is the yes/no itself. */
  /** A leading phrase that sets the scene ("on this leg of the visit, …") names nothing asked about. */
  sceneSetting: [
    ['On this leg of the visit, what is the tallest thing here?', { kind: 'superlative', order: 'max' }],
    [
      'At this point in the walkthrough, how many chairs are there?',
      { kind: 'object_counting', label: 'chair' },
    ],
    ['During the inspection, how tall is the fridge?', { kind: 'object_measure', label: 'fridge' }],
    ['For the minutes, is there a piano?', { kind: 'object_existence', label: 'piano' }],
    ['On the second pass, how wide is the bed?', { kind: 'object_measure', label: 'bed', measure: 'width' }],
    ['By my reckoning, which object is the smallest?', { kind: 'superlative', order: 'min' }],
    ['With the camera rolling, how far is the sofa from the tv?', { kind: 'object_abs_distance' }],
    ['In this segment, what is the largest object?', { kind: 'superlative', order: 'max' }],
    ['After the break, how long is the couch?', { kind: 'object_measure', label: 'couch' }],
    ['On the table, how many cups are there?', { kind: 'object_counting', label: 'cup' }],
  ],
  /** Listing said with a formal verb: enumerate, itemise, tabulate; "please identify" asks for a name. */
  formalRequests: [
    ['Kindly enumerate every object you saw.', { kind: 'scene_summary' }],
    ['Please itemise the things that are in this room.', { kind: 'scene_summary' }],
    ['Could you enumerate the items present in the room?', { kind: 'scene_summary' }],
    ['Please itemize what is in here.', { kind: 'scene_summary' }],
    ['Tabulate the objects in this room, please.', { kind: 'scene_summary' }],
    ['Please identify the object that is closest to the sink.', { kind: 'nearest', anchor: 'sink' }],
    ['Identify the item located nearest to the bed.', { kind: 'nearest', anchor: 'bed' }],
    ['Please name the thing nearest to the desk.', { kind: 'nearest', anchor: 'desk' }],
    [
      'Kindly identify the object, other than the lamp itself, that sits closest to the lamp.',
      { kind: 'nearest', anchor: 'lamp' },
    ],
    ['Which object, apart from the oven itself, is nearest the oven?', { kind: 'nearest', anchor: 'oven' }],
  ],
  /** A verb of place between the gap and "between": "what space lies between", "how much room sits between". */
  placedGap: [
    [
      'How much space lies between the bed and the desk?',
      { kind: 'object_abs_distance', a: 'bed', b: 'desk' },
    ],
    ['What gap sits between the sofa and the lamp?', { kind: 'object_abs_distance', a: 'sofa', b: 'lamp' }],
    [
      'How much room remains between the sink and the oven?',
      { kind: 'object_abs_distance', a: 'sink', b: 'oven' },
    ],
    [
      'What clearance exists between the chair and the table?',
      { kind: 'object_abs_distance', a: 'chair', b: 'table' },
    ],
    [
      'How much space stretches between the tv and the couch, in feet?',
      { kind: 'object_abs_distance', a: 'tv', b: 'couch' },
    ],
    [
      'What is the distance between the bed and the lamp, given in inches?',
      { kind: 'object_abs_distance', a: 'bed', b: 'lamp' },
    ],
    [
      'Measuring nearest points, what is the distance between the desk and the chair, stated in cm?',
      { kind: 'object_abs_distance', a: 'desk', b: 'chair' },
    ],
    [
      'How much space is left between the fridge and the sink?',
      { kind: 'object_abs_distance', a: 'fridge', b: 'sink' },
    ],
  ],
  /** One object's largest extent said as the greatest of its dimensions. */
  greatestOfDimensions: [
    ['What is the greatest of the three dimensions of the desk?', { kind: 'object_measure', label: 'desk' }],
    ['Give the largest of the dimensions of the sofa, in cm.', { kind: 'object_measure', label: 'sofa' }],
    [
      'State the biggest of its three measurements for the fridge.',
      { kind: 'object_measure', label: 'fridge' },
    ],
    ['What is the longest of the sides of the bed?', { kind: 'object_measure', label: 'bed' }],
    [
      'Please state the maximum of the three dimensions of the oven.',
      { kind: 'object_measure', label: 'oven' },
    ],
    ['What is the largest dimension of the table?', { kind: 'object_measure', label: 'table' }],
  ],
  /** The side said with "hand": "left-hand side", "right hand". */
  handedSides: [
    [
      'Standing at the bed facing the desk, is the lamp on my left-hand side?',
      { kind: 'standpoint', check: 'left' },
    ],
    [
      'Standing at the bed facing the desk, is the lamp on my right hand side?',
      { kind: 'standpoint', check: 'right' },
    ],
    [
      'As I sit at the desk looking toward the door, is the bed on my right-hand side?',
      { kind: 'standpoint', standing: 'desk', check: 'right' },
    ],
    [
      'As we stand by the sink facing the oven, is the fridge to our left-hand side?',
      { kind: 'standpoint', standing: 'sink' },
    ],
    [
      'As I stand at the tv facing the sofa, is the lamp on my left?',
      { kind: 'standpoint', standing: 'tv', facing: 'sofa' },
    ],
  ],
  /** "what object stands next to X": after the asking noun, a verb of posture, not a "stand". */
  askingNounThenVerb: [
    ['What object stands beside the sofa?', { kind: 'nearest', anchor: 'sofa' }],
    ['Which thing sits next to the bed?', { kind: 'nearest', anchor: 'bed' }],
    ['What item stands closest to the oven?', { kind: 'nearest', anchor: 'oven' }],
    ['Which object sits nearest the sink?', { kind: 'nearest', anchor: 'sink' }],
  ],
  /** A pronoun after the object is introduced, in the story before the question. */
  pronounAfterStory: [
    [
      'I keep tripping over chairs at night. How many of them are there?',
      { kind: 'object_counting', label: 'chair' },
    ],
    [
      'My cat loves to hide behind cushions. How many of them do you see?',
      { kind: 'object_counting', label: 'cushion' },
    ],
    [
      'My son wants to carry the lamp out to his van. How tall is it?',
      { kind: 'object_measure', label: 'lamp' },
    ],
    [
      'The desk must fit through a narrow hallway. How wide is it?',
      { kind: 'object_measure', label: 'desk', measure: 'width' },
    ],
    ['We plan to move the sofa into my truck. How long is it?', { kind: 'object_measure', label: 'sofa' }],
    [
      'There is a lamp in the corner. How far is it from the bed?',
      { kind: 'object_abs_distance', a: 'lamp', b: 'bed' },
    ],
    [
      'I spotted a chair by the window. How far is it from the desk?',
      { kind: 'object_abs_distance', a: 'chair', b: 'desk' },
    ],
    ['How far is it from the bed to the desk?', { kind: 'object_abs_distance', a: 'bed', b: 'desk' }],
  ],
  /** "Is the A the taller of the two?": a yes/no claim about the one named. */
  theOneOfTheTwo: [
    [
      'There is a bed and a desk here. Is the desk the taller of the two?',
      { kind: 'compare', labels: ['desk', 'bed'], claim: true },
    ],
    [
      'Is the sofa the longer one, the sofa or the bed?',
      { kind: 'compare', labels: ['sofa', 'bed'], claim: true, measure: 'length' },
    ],
    [
      'I see a lamp and a fridge. Was the lamp the shorter of the pair?',
      { kind: 'compare', labels: ['lamp', 'fridge'], claim: true, order: 'min' },
    ],
    [
      'We have an oven and a sink. Is the sink the bigger of both?',
      { kind: 'compare', labels: ['sink', 'oven'], claim: true },
    ],
    [
      'Between the chair and the table, is the table the wider of the two?',
      { kind: 'compare', labels: ['table', 'chair'], claim: true },
    ],
    ['Which is taller, the bed or the desk?', { kind: 'compare', labels: ['bed', 'desk'] }],
  ],
  /** "…wondered whether the room has one. Does it?": the cut question asks what the sentence before wondered. */
  ellipticalQuestion: [
    [
      'I need a lamp and wondered whether this room has one. Does it?',
      { kind: 'object_existence', label: 'lamp' },
    ],
    ['I collect pianos and wondered if you saw one. Did you?', { kind: 'object_existence', label: 'piano' }],
    [
      'We are buying a sofa and wondered whether the flat already has one. Does it?',
      { kind: 'object_existence', label: 'sofa' },
    ],
    ['I want a desk, and wondered if the room has one. Has it?', { kind: 'object_existence', label: 'desk' }],
    [
      'I am looking for a fridge and wondered whether there is one here. Is there?',
      { kind: 'object_existence', label: 'fridge' },
    ],
  ],
  /** "where he stood": the place a sentence before put someone. */
  whereSomeoneWas: [
    [
      'The suspect stood at the sink. Was the oven or the fridge closer to where he stood?',
      { kind: 'object_rel_distance', anchor: 'sink' },
    ],
    [
      'My aunt sits by the tv. Is the sofa or the lamp nearer to where she sits?',
      { kind: 'object_rel_distance', anchor: 'tv' },
    ],
    [
      'The thief waited next to the desk. Which is farther from where he waited, the bed or the lamp?',
      { kind: 'nearest', anchor: 'desk', order: 'max' },
    ],
    [
      'The guard was standing beside the door. Which is closer to where she was, the bed or the desk?',
      { kind: 'object_rel_distance', anchor: 'door' },
    ],
    [
      'Our cat sat near the oven. Was the sink or the fridge closer to where it sat?',
      { kind: 'object_rel_distance', anchor: 'oven' },
    ],
  ],
  verifyCommands: [
    [
      'Robot, from the desk facing the door: verify the lamp is on your right.',
      { kind: 'standpoint', standing: 'desk', facing: 'door', query: 'lamp', check: 'right' },
    ],
    [
      'Robot, confirm the tv is left of the sofa.',
      { kind: 'pair_relation', a: 'tv', relation: 'left', b: 'sofa' },
    ],
    [
      'Robot, confirm: is the lamp above the table?',
      { kind: 'pair_relation', a: 'lamp', relation: 'above', b: 'table' },
    ],
    [
      'Quick question, is the cup on the desk?',
      { kind: 'pair_relation', a: 'cup', relation: 'above', b: 'desk' },
    ],
    ['Assistant, verify that there is a microwave.', { kind: 'object_existence', label: 'microwave' }],
    [
      'Please check that the bed is longer than the sofa.',
      { kind: 'compare', labels: ['bed', 'sofa'], claim: true },
    ],
    [
      'Drone, make sure there is a fire extinguisher.',
      { kind: 'object_existence', label: 'fire extinguisher' },
    ],
    [
      'Confirm for me that the chair is behind the desk.',
      { kind: 'pair_relation', a: 'chair', relation: 'behind', b: 'desk' },
    ],
    [
      'Robot, verify the fridge is taller than the oven.',
      { kind: 'compare', labels: ['fridge', 'oven'], claim: true },
    ],
    [
      'One more thing, is the plant next to the window?',
      { kind: 'pair_relation', a: 'plant', relation: 'near', b: 'window' },
    ],
    [
      'Unit 7, double check the lamp is under the shelf.',
      { kind: 'pair_relation', a: 'lamp', relation: 'below', b: 'shelf' },
    ],
  ],
};

describe('phrasing families beyond the benchmark banks', () => {
  for (const [family, cases] of Object.entries(FAMILIES))
    describe(family, () => {
      it.each(cases)('%s', (q, task) => {
        expect(parseByPattern(q).task).toMatchObject(task);
      });
    });

  it('keeps an honest refusal apart from an unseen object', () => {
    expect(parseByPattern('tell me a joke').task.kind).toBe('open');
    // A pronoun with nothing before it to stand for is not understood, never a name.
    expect(parseByPattern('How many of them are there in this room?').task).toEqual({
      kind: 'open',
      targets: [],
    });
    expect(parseByPattern('is there a piano?').task).toEqual({ kind: 'object_existence', label: 'piano' });
  });

  it('never reads a framing word, a vocative or the asker’s body as an object name', () => {
    for (const q of [
      'Measured in elevation, how tall is the lamp?',
      'What is the biggest thing here, mate?',
      'Standing at the bed with my face to the desk, where is the door?',
      'Forklift at the oven, nose pointing at the sink, is the fridge on my left?',
      'If it is no trouble, how wide is the desk?',
    ])
      expect(readQuestion(q).mentions.map((m) => m.name)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(?:elevation|mate|face|nose|forklift|trouble)$/)]),
      );
  });
});
