/**
 * Everything the code knows about object classes, one record per class: the names people, benchmarks and
 * detectors use, the closed-set detector's class index, size priors, and how a room holds the object.
 * Fusion, depth scale, question reading, the reasoning loop and the scene generator all read their tables
 * from here, so a new class is one record. General knowledge about objects, not tuned per scene.
 */

/** 'coco': a COCO 2017 detection class. 'questions': a name people and benchmarks use in questions. */
export type Vocabulary = 'coco' | 'questions';

/** Where a generated object stands. */
export type Support = 'floor' | 'table' | 'wall';

/** How the synthetic scene generator furnishes rooms with a class. */
export interface GeneratedClass {
  /** Position in the generator's list (its weighted pick walks the list in this order). */
  readonly order: number;
  readonly support: Support;
  /** [min, max] per axis: width (x), depth (y), height (z), metres, before yaw. */
  readonly size: readonly [readonly [number, number], readonly [number, number], readonly [number, number]];
  /** Wall items: [min, max] height of the box centre above the floor. */
  readonly mountHeight?: readonly [number, number];
  /** Relative frequency when furnishing a room. */
  readonly weight: number;
  /** Label colour for the renderer. */
  readonly colour: readonly [number, number, number];
  /** At most this many per room (none: no limit). */
  readonly maxPerRoom?: number;
}

/**
 * Where in a room an object usually is, as people know rooms: on or against the room's edge, and beside which
 * other objects. The route planner uses it as a placement prior for an object the map lacks (mixed with "anywhere",
 * so it never rules a place out). Common knowledge about rooms, not fitted to any dataset.
 */
export interface Placement {
  /** 'edge': in the room's boundary (a door, a window); 'wall': stands against a wall. */
  readonly at?: 'edge' | 'wall';
  /** On the edge, what may not stand in front of it: any furniture (a door is a way through), or tall furniture. */
  readonly clearOf?: 'all' | 'tall';
  /** Classes (keys) it is usually found by, the most telling first. */
  readonly near?: readonly NearPlace[];
}

/** Beside an object: all round it, at its head end (a bed's, where the pillows are), under it, or in front of it. */
export interface NearPlace {
  readonly key: string;
  readonly where?: 'beside' | 'head' | 'below' | 'front';
}

export interface ObjectClass {
  /** The class's own name: its COCO label when it has one, else its usual benchmark name. */
  readonly key: string;
  /** Other names of the same class, singular, each used by one class only. */
  readonly names?: readonly string[];
  readonly vocabularies: readonly Vocabulary[];
  /** Index of the class in a COCO-trained detector's class vector. */
  readonly coco?: number;
  /** The COCO label a closed-set detector emits for a class without its own (none: open-vocabulary only). */
  readonly detector?: string;
  /** The name VSI-Bench and the room-scan datasets use, when it differs from the key. */
  readonly benchmark?: string;
  /** Upper bounds of real sizes, metres: longest horizontal side, shorter horizontal side, height. */
  readonly sizeMax?: readonly [number, number, number];
  /** A size to guess (cm, longest dimension) when asked about an object never seen. */
  readonly sizeGuessCm?: number;
  /** Typical vertical extent (metres) when it varies little between instances. */
  readonly typicalHeight?: number;
  /** Small objects stand on it (a table top, a bed). */
  readonly holdsSmallObjects?: boolean;
  /**
   * Stands on the floor (furniture): seen only above a table in front of it (a chair on the far side), its hidden
   * part is completed down to the floor when the class can be that tall.
   */
  readonly standsOnFloor?: boolean;
  /** Usually stands (or hangs) against a wall. */
  readonly againstWall?: boolean;
  /** Labels a closed-set detector confuses with this one for the same physical object. */
  readonly confusable?: readonly string[];
  /** How generated rooms are furnished with it. */
  readonly generate?: GeneratedClass;
  /** Where a room usually has it (see Placement). */
  readonly placement?: Placement;
}

export const OBJECT_CLASSES: readonly ObjectClass[] = [
  // Classes found indoors, with the names the datasets give them; the order is the question vocabulary's
  // (a name two classes could share belongs to the first).
  {
    key: 'couch',
    placement: { at: 'wall' },
    standsOnFloor: true,
    names: ['sofa', 'settee', 'loveseat', 'love seat', 'sectional', 'sofa bed', 'futon'],
    vocabularies: ['coco', 'questions'],
    coco: 57,
    benchmark: 'sofa',
    sizeMax: [2.6, 1.1, 1.1],
    sizeGuessCm: 200,
    typicalHeight: 0.85,
    againstWall: true,
    confusable: ['bed', 'bench', 'chair'],
    generate: {
      order: 1,
      support: 'floor',
      size: [
        [1.6, 2.3],
        [0.8, 0.95],
        [0.75, 0.9],
      ],
      weight: 2,
      colour: [70, 90, 160],
      maxPerRoom: 2,
    },
  },
  {
    key: 'tv',
    placement: { at: 'wall' },
    names: [
      'television',
      'telly',
      'tv set',
      'television set',
      'tv monitor',
      'tv screen',
      'flat screen',
      'monitor',
    ],
    vocabularies: ['coco', 'questions'],
    coco: 62,
    sizeMax: [1.8, 0.3, 1.1],
    sizeGuessCm: 110,
    typicalHeight: 0.6,
    againstWall: true,
    confusable: ['laptop', 'microwave'],
    generate: {
      order: 10,
      support: 'wall',
      size: [
        [0.9, 1.4],
        [0.06, 0.1],
        [0.55, 0.8],
      ],
      mountHeight: [1, 1.35],
      weight: 2,
      colour: [20, 20, 25],
      maxPerRoom: 2,
    },
  },
  {
    key: 'dining table',
    placement: { near: [{ key: 'chair' }] },
    standsOnFloor: true,
    names: ['table', 'dinner table', 'kitchen table', 'dining room table', 'round table', 'folding table'],
    vocabularies: ['coco', 'questions'],
    coco: 60,
    benchmark: 'table',
    sizeMax: [2.4, 1.3, 0.9],
    sizeGuessCm: 150,
    typicalHeight: 0.75,
    holdsSmallObjects: true,
    confusable: ['bed', 'bench'],
    generate: {
      order: 3,
      support: 'floor',
      size: [
        [1.1, 1.8],
        [0.75, 1],
        [0.72, 0.77],
      ],
      weight: 2,
      colour: [140, 85, 40],
      maxPerRoom: 2,
    },
  },
  {
    key: 'potted plant',
    placement: { at: 'wall' },
    names: ['plant', 'house plant', 'houseplant', 'pot plant', 'flowerpot', 'flower pot', 'plant pot'],
    vocabularies: ['coco', 'questions'],
    coco: 58,
    benchmark: 'plant',
    sizeMax: [0.7, 0.7, 1.6],
    typicalHeight: 0.5,
    confusable: ['vase'],
    generate: {
      order: 8,
      support: 'floor',
      size: [
        [0.3, 0.5],
        [0.3, 0.5],
        [0.5, 1.2],
      ],
      weight: 3,
      colour: [40, 140, 50],
    },
  },
  {
    key: 'refrigerator',
    placement: { at: 'wall', near: [{ key: 'counter' }, { key: 'oven' }, { key: 'sink' }] },
    standsOnFloor: true,
    names: ['fridge', 'refridgerator', 'mini fridge', 'minifridge', 'fridge freezer', 'freezer'],
    vocabularies: ['coco', 'questions'],
    coco: 72,
    sizeMax: [1, 0.85, 2.1],
    sizeGuessCm: 180,
    typicalHeight: 1.75,
    againstWall: true,
    confusable: ['microwave', 'oven', 'toaster'],
    generate: {
      order: 4,
      support: 'floor',
      size: [
        [0.6, 0.8],
        [0.62, 0.75],
        [1.7, 1.9],
      ],
      weight: 1,
      colour: [225, 225, 230],
      maxPerRoom: 1,
    },
  },
  {
    key: 'oven',
    placement: {
      at: 'wall',
      near: [{ key: 'counter' }, { key: 'refrigerator' }, { key: 'sink' }, { key: 'dishwasher' }],
    },
    names: ['stove', 'cooker', 'range', 'stovetop', 'stove top', 'cooktop', 'hob', 'kitchen stove'],
    vocabularies: ['coco', 'questions'],
    coco: 69,
    benchmark: 'stove',
    sizeMax: [0.9, 0.8, 1],
    typicalHeight: 0.9,
    againstWall: true,
    confusable: ['microwave', 'refrigerator', 'toaster'],
    generate: {
      order: 5,
      support: 'floor',
      size: [
        [0.58, 0.62],
        [0.58, 0.65],
        [0.85, 0.92],
      ],
      weight: 1,
      colour: [60, 60, 65],
      maxPerRoom: 1,
    },
  },
  {
    key: 'microwave',
    placement: { near: [{ key: 'counter' }, { key: 'refrigerator' }, { key: 'oven' }] },
    names: ['microwave oven'],
    vocabularies: ['coco', 'questions'],
    coco: 68,
    sizeMax: [0.6, 0.5, 0.4],
    typicalHeight: 0.3,
    confusable: ['laptop', 'oven', 'refrigerator', 'toaster', 'tv'],
    generate: {
      order: 19,
      support: 'table',
      size: [
        [0.45, 0.52],
        [0.35, 0.4],
        [0.27, 0.31],
      ],
      weight: 1,
      colour: [100, 100, 110],
      maxPerRoom: 1,
    },
  },
  {
    key: 'toilet',
    placement: { at: 'wall', near: [{ key: 'bathtub' }, { key: 'sink' }] },
    standsOnFloor: true,
    names: ['wc', 'loo', 'commode', 'toilet bowl', 'lavatory'],
    vocabularies: ['coco', 'questions'],
    coco: 61,
    sizeMax: [0.8, 0.5, 0.9],
    typicalHeight: 0.75,
    againstWall: true,
    confusable: ['sink'],
    generate: {
      order: 7,
      support: 'floor',
      size: [
        [0.36, 0.42],
        [0.6, 0.72],
        [0.72, 0.8],
      ],
      weight: 1,
      colour: [245, 245, 240],
      maxPerRoom: 1,
    },
  },
  {
    key: 'sink',
    placement: {
      at: 'wall',
      near: [
        { key: 'toilet' },
        { key: 'bathtub' },
        { key: 'oven' },
        { key: 'dishwasher' },
        { key: 'refrigerator' },
        { key: 'washer' },
      ],
    },
    names: ['basin', 'washbasin', 'wash basin', 'kitchen sink', 'bathroom sink', 'bathroom vanity'],
    vocabularies: ['coco', 'questions'],
    coco: 71,
    sizeMax: [1.2, 0.7, 1],
    typicalHeight: 0.25,
    againstWall: true,
    confusable: ['toilet'],
    generate: {
      order: 6,
      support: 'floor',
      size: [
        [0.5, 0.8],
        [0.45, 0.55],
        [0.82, 0.9],
      ],
      weight: 1,
      colour: [180, 200, 210],
      maxPerRoom: 1,
    },
  },
  {
    key: 'bed',
    placement: { at: 'wall' },
    standsOnFloor: true,
    names: ['double bed', 'single bed', 'bunk bed', 'queen bed', 'king bed', 'mattress'],
    vocabularies: ['coco', 'questions'],
    coco: 59,
    sizeMax: [2.3, 2.1, 1.3],
    sizeGuessCm: 200,
    typicalHeight: 0.6,
    holdsSmallObjects: true,
    againstWall: true,
    confusable: ['bench', 'chair', 'couch', 'dining table'],
    generate: {
      order: 2,
      support: 'floor',
      size: [
        [1.4, 1.8],
        [1.95, 2.1],
        [0.45, 0.6],
      ],
      weight: 1,
      colour: [200, 190, 220],
      maxPerRoom: 1,
    },
  },
  {
    key: 'chair',
    placement: { near: [{ key: 'dining table' }, { key: 'desk' }] },
    standsOnFloor: true,
    names: ['armchair', 'arm chair', 'office chair', 'desk chair', 'dining chair', 'sofa chair', 'recliner'],
    vocabularies: ['coco', 'questions'],
    coco: 56,
    sizeMax: [0.8, 0.8, 1.2],
    sizeGuessCm: 90,
    typicalHeight: 0.9,
    confusable: ['bed', 'bench', 'couch'],
    generate: {
      order: 0,
      support: 'floor',
      size: [
        [0.42, 0.55],
        [0.45, 0.58],
        [0.8, 0.98],
      ],
      weight: 6,
      colour: [170, 110, 60],
    },
  },
  {
    key: 'cup',
    placement: { near: [{ key: 'dining table' }, { key: 'counter' }, { key: 'desk' }] },
    names: ['mug', 'coffee cup', 'coffee mug', 'teacup', 'tea cup', 'paper cup'],
    vocabularies: ['coco', 'questions'],
    coco: 41,
    sizeMax: [0.13, 0.13, 0.16],
    typicalHeight: 0.1,
    confusable: ['bottle', 'bowl', 'vase', 'wine glass'],
    generate: {
      order: 13,
      support: 'table',
      size: [
        [0.08, 0.1],
        [0.08, 0.1],
        [0.09, 0.12],
      ],
      weight: 2,
      colour: [220, 60, 60],
    },
  },
  {
    key: 'wine glass',
    names: ['glass', 'drinking glass', 'wineglass'],
    vocabularies: ['coco', 'questions'],
    coco: 40,
    typicalHeight: 0.18,
    confusable: ['bottle', 'bowl', 'cup', 'vase'],
  },
  {
    key: 'bottle',
    names: ['water bottle', 'soda bottle', 'soap bottle', 'wine bottle'],
    vocabularies: ['coco', 'questions'],
    coco: 39,
    sizeMax: [0.12, 0.12, 0.38],
    typicalHeight: 0.25,
    confusable: ['bowl', 'cup', 'vase', 'wine glass'],
    generate: {
      order: 14,
      support: 'table',
      size: [
        [0.07, 0.09],
        [0.07, 0.09],
        [0.22, 0.3],
      ],
      weight: 2,
      colour: [60, 170, 190],
    },
  },
  {
    key: 'laptop',
    placement: { near: [{ key: 'desk' }, { key: 'dining table' }] },
    names: ['notebook', 'laptop computer', 'computer', 'macbook'],
    vocabularies: ['coco', 'questions'],
    coco: 63,
    sizeMax: [0.45, 0.35, 0.35],
    typicalHeight: 0.25,
    confusable: ['book', 'keyboard', 'microwave', 'tv'],
    generate: {
      order: 12,
      support: 'table',
      size: [
        [0.3, 0.36],
        [0.22, 0.26],
        [0.2, 0.24],
      ],
      weight: 2,
      colour: [150, 150, 160],
    },
  },
  {
    key: 'cell phone',
    names: ['phone', 'cellphone', 'mobile phone', 'mobile', 'smartphone', 'iphone', 'telephone'],
    vocabularies: ['coco', 'questions'],
    coco: 67,
    sizeMax: [0.2, 0.1, 0.05],
    confusable: ['mouse', 'remote'],
  },
  {
    key: 'remote',
    placement: { near: [{ key: 'couch' }, { key: 'coffee table' }] },
    names: ['remote control', 'tv remote', 'controller', 'clicker'],
    vocabularies: ['coco', 'questions'],
    coco: 65,
    sizeMax: [0.25, 0.08, 0.05],
    confusable: ['cell phone', 'mouse'],
  },
  {
    key: 'mouse',
    placement: { near: [{ key: 'desk' }] },
    names: ['computer mouse'],
    vocabularies: ['coco', 'questions'],
    coco: 64,
    sizeMax: [0.14, 0.1, 0.07],
    confusable: ['cell phone', 'remote'],
    generate: {
      order: 18,
      support: 'table',
      size: [
        [0.06, 0.07],
        [0.1, 0.12],
        [0.035, 0.045],
      ],
      weight: 1,
      colour: [120, 120, 200],
    },
  },
  {
    key: 'keyboard',
    placement: { near: [{ key: 'desk' }] },
    names: ['computer keyboard', 'piano keyboard'],
    vocabularies: ['coco', 'questions'],
    coco: 66,
    sizeMax: [0.5, 0.22, 0.08],
    confusable: ['book', 'laptop'],
    generate: {
      order: 17,
      support: 'table',
      size: [
        [0.42, 0.46],
        [0.13, 0.16],
        [0.03, 0.04],
      ],
      weight: 1,
      colour: [50, 50, 50],
    },
  },
  {
    key: 'book',
    placement: { near: [{ key: 'bookshelf' }, { key: 'desk' }, { key: 'bed', where: 'head' }] },
    names: ['books', 'novel', 'magazine'],
    vocabularies: ['coco', 'questions'],
    coco: 73,
    sizeMax: [0.3, 0.3, 0.1],
    typicalHeight: 0.22,
    confusable: ['keyboard', 'laptop'],
    generate: {
      order: 15,
      support: 'table',
      size: [
        [0.15, 0.2],
        [0.22, 0.26],
        [0.03, 0.05],
      ],
      weight: 2,
      colour: [200, 120, 170],
    },
  },
  {
    key: 'clock',
    placement: { at: 'wall' },
    names: ['wall clock', 'alarm clock'],
    vocabularies: ['coco', 'questions'],
    coco: 74,
    sizeMax: [0.45, 0.2, 0.45],
    typicalHeight: 0.3,
    againstWall: true,
    confusable: ['frisbee'],
    generate: {
      order: 11,
      support: 'wall',
      size: [
        [0.25, 0.35],
        [0.04, 0.06],
        [0.25, 0.35],
      ],
      mountHeight: [1.5, 1.8],
      weight: 1,
      colour: [230, 200, 60],
      maxPerRoom: 1,
    },
  },
  {
    key: 'vase',
    names: ['flower vase'],
    vocabularies: ['coco', 'questions'],
    coco: 75,
    sizeMax: [0.3, 0.3, 0.5],
    typicalHeight: 0.3,
    confusable: ['bottle', 'bowl', 'cup', 'potted plant', 'wine glass'],
    generate: {
      order: 16,
      support: 'table',
      size: [
        [0.12, 0.2],
        [0.12, 0.2],
        [0.2, 0.35],
      ],
      weight: 2,
      colour: [90, 60, 150],
    },
  },
  {
    key: 'suitcase',
    placement: { near: [{ key: 'bed' }] },
    names: ['luggage', 'travel bag', 'trolley case', 'suit case'],
    vocabularies: ['coco', 'questions'],
    coco: 28,
    sizeMax: [0.6, 0.4, 0.8],
    typicalHeight: 0.6,
    confusable: ['backpack', 'handbag'],
    generate: {
      order: 9,
      support: 'floor',
      size: [
        [0.4, 0.5],
        [0.22, 0.3],
        [0.55, 0.7],
      ],
      weight: 1,
      colour: [110, 40, 40],
    },
  },
  {
    key: 'handbag',
    names: ['purse', 'tote bag', 'shopping bag'],
    vocabularies: ['coco', 'questions'],
    coco: 26,
    confusable: ['backpack', 'suitcase'],
  },
  {
    key: 'backpack',
    names: ['rucksack', 'school bag', 'schoolbag', 'knapsack'],
    vocabularies: ['coco', 'questions'],
    coco: 24,
    typicalHeight: 0.45,
    confusable: ['handbag', 'suitcase'],
  },
  { key: 'bicycle', names: ['bike'], vocabularies: ['coco', 'questions'], coco: 1 },
  { key: 'motorcycle', names: ['motorbike'], vocabularies: ['coco', 'questions'], coco: 3 },
  {
    key: 'teddy bear',
    placement: { near: [{ key: 'bed' }, { key: 'couch' }] },
    names: ['teddy', 'stuffed animal', 'plush toy', 'soft toy'],
    vocabularies: ['coco', 'questions'],
    coco: 77,
    typicalHeight: 0.3,
  },
  {
    key: 'hair drier',
    names: ['hair dryer', 'hairdryer', 'blow dryer'],
    vocabularies: ['coco', 'questions'],
    coco: 78,
  },
  {
    key: 'person',
    names: ['people', 'man', 'woman', 'human', 'kid', 'child', 'guy'],
    vocabularies: ['coco', 'questions'],
    coco: 0,
    typicalHeight: 1.7,
  },
  {
    key: 'bench',
    standsOnFloor: true,
    names: ['piano bench'],
    vocabularies: ['coco', 'questions'],
    coco: 13,
    sizeMax: [2, 0.7, 1],
    holdsSmallObjects: true,
    confusable: ['bed', 'chair', 'couch', 'dining table'],
  },
  {
    key: 'toaster',
    placement: { near: [{ key: 'counter' }, { key: 'oven' }, { key: 'refrigerator' }] },
    vocabularies: ['coco', 'questions'],
    coco: 70,
    confusable: ['microwave', 'oven', 'refrigerator'],
  },
  {
    key: 'bowl',
    placement: { near: [{ key: 'dining table' }, { key: 'counter' }] },
    vocabularies: ['coco', 'questions'],
    coco: 45,
    sizeMax: [0.3, 0.3, 0.15],
    typicalHeight: 0.08,
    confusable: ['bottle', 'cup', 'vase', 'wine glass'],
    generate: {
      order: 20,
      support: 'table',
      size: [
        [0.14, 0.2],
        [0.14, 0.2],
        [0.06, 0.09],
      ],
      weight: 1,
      colour: [240, 160, 60],
    },
  },
  { key: 'knife', vocabularies: ['coco', 'questions'], coco: 43 },
  { key: 'fork', vocabularies: ['coco', 'questions'], coco: 42 },
  { key: 'spoon', vocabularies: ['coco', 'questions'], coco: 44 },
  { key: 'scissors', names: ['pair of scissors'], vocabularies: ['coco', 'questions'], coco: 76 },
  {
    key: 'toothbrush',
    placement: { near: [{ key: 'sink' }] },
    names: ['tooth brush'],
    vocabularies: ['coco', 'questions'],
    coco: 79,
  },
  { key: 'umbrella', vocabularies: ['coco', 'questions'], coco: 25 },
  { key: 'cat', names: ['kitten'], vocabularies: ['coco', 'questions'], coco: 15 },
  { key: 'dog', names: ['puppy'], vocabularies: ['coco', 'questions'], coco: 16 },
  {
    key: 'sports ball',
    names: ['ball', 'football', 'soccer ball', 'basketball'],
    vocabularies: ['coco', 'questions'],
    coco: 32,
  },
  // Room-scan classes with no COCO class: the open-vocabulary detector finds them when prompted with the name.
  {
    key: 'desk',
    placement: { at: 'wall', near: [{ key: 'chair' }] },
    names: ['writing desk', 'office desk', 'computer desk', 'standing desk'],
    vocabularies: ['questions'],
    detector: 'dining table',
  },
  {
    key: 'coffee table',
    placement: { near: [{ key: 'couch', where: 'front' }] },
    names: ['cocktail table', 'side table', 'end table', 'tea table'],
    vocabularies: ['questions'],
    detector: 'dining table',
  },
  {
    key: 'stool',
    placement: { near: [{ key: 'counter' }, { key: 'dining table' }] },
    names: ['bar stool', 'barstool', 'step stool', 'footstool', 'foot stool', 'ottoman', 'pouf'],
    vocabularies: ['questions'],
    detector: 'chair',
  },
  {
    key: 'nightstand',
    placement: { near: [{ key: 'bed', where: 'head' }] },
    names: ['night stand', 'bedside table', 'night table', 'bedside cabinet', 'bedside stand'],
    vocabularies: ['questions'],
  },
  {
    key: 'bookshelf',
    placement: { at: 'wall', near: [{ key: 'desk' }] },
    names: ['bookcase', 'book shelf', 'book case', 'bookshelves'],
    vocabularies: ['questions'],
  },
  {
    key: 'shelf',
    placement: { at: 'wall' },
    names: ['shelving', 'shelving unit', 'wall shelf', 'rack'],
    vocabularies: ['questions'],
  },
  {
    key: 'trash can',
    placement: {
      near: [{ key: 'desk' }, { key: 'sink' }, { key: 'oven' }, { key: 'toilet' }, { key: 'refrigerator' }],
    },
    names: [
      'bin',
      'trash bin',
      'garbage can',
      'garbage bin',
      'waste bin',
      'wastebasket',
      'waste basket',
      'dustbin',
      'rubbish bin',
      'recycling bin',
      'trashcan',
    ],
    vocabularies: ['questions'],
  },
  {
    key: 'cabinet',
    placement: {
      at: 'wall',
      near: [
        { key: 'oven' },
        { key: 'refrigerator' },
        { key: 'dishwasher' },
        { key: 'sink' },
        { key: 'washer' },
        { key: 'tv', where: 'below' },
      ],
    },
    names: ['cupboard', 'kitchen cabinet', 'wardrobe', 'closet', 'storage cabinet', 'file cabinet'],
    vocabularies: ['questions'],
  },
  {
    key: 'dresser',
    placement: { at: 'wall', near: [{ key: 'bed' }] },
    names: ['chest of drawers', 'drawers', 'commode dresser'],
    vocabularies: ['questions'],
  },
  {
    key: 'counter',
    placement: {
      at: 'wall',
      near: [{ key: 'oven' }, { key: 'sink' }, { key: 'dishwasher' }, { key: 'refrigerator' }],
    },
    names: ['countertop', 'kitchen counter', 'worktop', 'bar counter'],
    vocabularies: ['questions'],
  },
  {
    key: 'door',
    placement: { at: 'edge', clearOf: 'all' },
    names: ['doorway', 'front door', 'closet door'],
    vocabularies: ['questions'],
  },
  {
    key: 'window',
    placement: { at: 'edge', clearOf: 'tall' },
    names: ['windows'],
    vocabularies: ['questions'],
  },
  {
    key: 'curtain',
    placement: { at: 'edge', clearOf: 'tall' },
    names: ['drape', 'drapes', 'blind', 'blinds'],
    vocabularies: ['questions'],
  },
  {
    key: 'shower curtain',
    placement: { at: 'wall', near: [{ key: 'bathtub' }, { key: 'toilet' }] },
    vocabularies: ['questions'],
  },
  {
    key: 'picture',
    placement: { at: 'wall', near: [{ key: 'couch' }, { key: 'bed' }] },
    names: ['painting', 'poster', 'photo', 'photograph', 'artwork', 'picture frame', 'framed picture'],
    vocabularies: ['questions'],
  },
  {
    key: 'mirror',
    placement: {
      at: 'wall',
      near: [{ key: 'sink' }, { key: 'toilet' }, { key: 'bathtub' }, { key: 'dresser' }],
    },
    vocabularies: ['questions'],
  },
  {
    key: 'bathtub',
    placement: { at: 'wall', near: [{ key: 'toilet' }, { key: 'sink' }] },
    names: ['bath', 'tub', 'bath tub'],
    vocabularies: ['questions'],
  },
  {
    key: 'shower',
    placement: { at: 'wall', near: [{ key: 'bathtub' }, { key: 'toilet' }, { key: 'sink' }] },
    vocabularies: ['questions'],
  },
  {
    key: 'lamp',
    placement: {
      near: [{ key: 'bed', where: 'head' }, { key: 'nightstand' }, { key: 'couch' }, { key: 'desk' }],
    },
    names: ['floor lamp', 'table lamp', 'desk lamp', 'light', 'ceiling light', 'reading lamp'],
    vocabularies: ['questions'],
  },
  {
    key: 'pillow',
    placement: { near: [{ key: 'bed', where: 'head' }, { key: 'couch' }] },
    names: ['cushion', 'throw pillow'],
    vocabularies: ['questions'],
  },
  {
    key: 'blanket',
    placement: { near: [{ key: 'bed' }, { key: 'couch' }] },
    names: ['throw', 'duvet', 'comforter', 'quilt'],
    vocabularies: ['questions'],
  },
  {
    key: 'towel',
    placement: { at: 'wall', near: [{ key: 'bathtub' }, { key: 'sink' }, { key: 'toilet' }] },
    names: ['bath towel', 'hand towel'],
    vocabularies: ['questions'],
  },
  {
    key: 'washer',
    placement: {
      at: 'wall',
      near: [{ key: 'dryer' }, { key: 'sink' }, { key: 'bathtub' }, { key: 'toilet' }],
    },
    names: ['washing machine', 'laundry machine', 'clothes washer'],
    vocabularies: ['questions'],
  },
  {
    key: 'dryer',
    placement: { at: 'wall', near: [{ key: 'washer' }] },
    names: ['tumble dryer', 'clothes dryer'],
    vocabularies: ['questions'],
  },
  {
    key: 'dishwasher',
    placement: { at: 'wall', near: [{ key: 'sink' }, { key: 'oven' }, { key: 'counter' }] },
    names: ['dish washer'],
    vocabularies: ['questions'],
  },
  {
    key: 'fireplace',
    placement: { at: 'edge', clearOf: 'all' },
    names: ['hearth', 'fire place'],
    vocabularies: ['questions'],
  },
  {
    key: 'radiator',
    placement: { at: 'edge', clearOf: 'tall' },
    names: ['heater'],
    vocabularies: ['questions'],
  },
  {
    key: 'whiteboard',
    placement: { at: 'wall' },
    names: ['white board', 'blackboard', 'chalkboard'],
    vocabularies: ['questions'],
  },
  {
    key: 'box',
    placement: { at: 'wall' },
    names: ['cardboard box', 'storage box', 'carton'],
    vocabularies: ['questions'],
  },
  {
    key: 'basket',
    placement: { at: 'wall' },
    names: ['laundry basket', 'hamper'],
    vocabularies: ['questions'],
  },
  { key: 'printer', placement: { near: [{ key: 'desk' }] }, vocabularies: ['questions'] },
  {
    key: 'computer tower',
    placement: { near: [{ key: 'desk' }] },
    names: ['pc tower', 'desktop computer', 'tower'],
    vocabularies: ['questions'],
  },
  { key: 'fan', placement: { at: 'wall' }, names: ['ceiling fan', 'floor fan'], vocabularies: ['questions'] },
  {
    key: 'kettle',
    placement: { near: [{ key: 'counter' }, { key: 'oven' }, { key: 'refrigerator' }] },
    names: ['electric kettle'],
    vocabularies: ['questions'],
  },
  {
    key: 'coffee maker',
    placement: { near: [{ key: 'counter' }, { key: 'oven' }, { key: 'refrigerator' }] },
    names: ['coffee machine', 'espresso machine'],
    vocabularies: ['questions'],
  },
  {
    key: 'piano',
    placement: { at: 'wall' },
    names: ['upright piano', 'grand piano'],
    vocabularies: ['questions'],
  },
  {
    key: 'rug',
    placement: {
      near: [{ key: 'couch', where: 'front' }, { key: 'coffee table', where: 'below' }, { key: 'bed' }],
    },
    names: ['carpet', 'mat', 'doormat'],
    vocabularies: ['questions'],
  },
  {
    key: 'plate',
    placement: { near: [{ key: 'dining table' }, { key: 'counter' }] },
    names: ['dish'],
    vocabularies: ['questions'],
  },
  { key: 'shoe', names: ['shoes', 'sneaker', 'boot'], vocabularies: ['questions'] },
  { key: 'bag', names: ['sack'], vocabularies: ['questions'], detector: 'handbag' },
  // The other COCO classes: a detector may emit them, questions do not name them.
  { key: 'car', vocabularies: ['coco'], coco: 2 },
  { key: 'airplane', vocabularies: ['coco'], coco: 4 },
  { key: 'bus', vocabularies: ['coco'], coco: 5 },
  { key: 'train', vocabularies: ['coco'], coco: 6 },
  { key: 'truck', vocabularies: ['coco'], coco: 7 },
  { key: 'boat', vocabularies: ['coco'], coco: 8 },
  { key: 'traffic light', vocabularies: ['coco'], coco: 9 },
  { key: 'fire hydrant', vocabularies: ['coco'], coco: 10 },
  { key: 'stop sign', vocabularies: ['coco'], coco: 11 },
  { key: 'parking meter', vocabularies: ['coco'], coco: 12 },
  { key: 'bird', vocabularies: ['coco'], coco: 14 },
  { key: 'horse', vocabularies: ['coco'], coco: 17 },
  { key: 'sheep', vocabularies: ['coco'], coco: 18 },
  { key: 'cow', vocabularies: ['coco'], coco: 19 },
  { key: 'elephant', vocabularies: ['coco'], coco: 20 },
  { key: 'bear', vocabularies: ['coco'], coco: 21 },
  { key: 'zebra', vocabularies: ['coco'], coco: 22 },
  { key: 'giraffe', vocabularies: ['coco'], coco: 23 },
  { key: 'tie', vocabularies: ['coco'], coco: 27 },
  { key: 'frisbee', vocabularies: ['coco'], coco: 29, confusable: ['clock'] },
  { key: 'skis', vocabularies: ['coco'], coco: 30 },
  { key: 'snowboard', vocabularies: ['coco'], coco: 31 },
  { key: 'kite', vocabularies: ['coco'], coco: 33 },
  { key: 'baseball bat', vocabularies: ['coco'], coco: 34 },
  { key: 'baseball glove', vocabularies: ['coco'], coco: 35 },
  { key: 'skateboard', vocabularies: ['coco'], coco: 36 },
  { key: 'surfboard', vocabularies: ['coco'], coco: 37 },
  { key: 'tennis racket', vocabularies: ['coco'], coco: 38 },
  { key: 'banana', vocabularies: ['coco'], coco: 46 },
  { key: 'apple', vocabularies: ['coco'], coco: 47 },
  { key: 'sandwich', vocabularies: ['coco'], coco: 48 },
  { key: 'orange', vocabularies: ['coco'], coco: 49 },
  { key: 'broccoli', vocabularies: ['coco'], coco: 50 },
  { key: 'carrot', vocabularies: ['coco'], coco: 51 },
  { key: 'hot dog', vocabularies: ['coco'], coco: 52 },
  { key: 'pizza', vocabularies: ['coco'], coco: 53 },
  { key: 'donut', vocabularies: ['coco'], coco: 54 },
  { key: 'cake', vocabularies: ['coco'], coco: 55 },
];
