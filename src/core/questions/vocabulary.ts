import { COCO_LABELS } from '../perception/coco';

/**
 * Object classes by the names people and benchmarks use (COCO, ScanNet's 18/20 benchmark classes, ScanNet++,
 * ARKitScenes, VSI-Bench), one record per class. `detector` is the COCO label the closed-set detector emits for
 * such an object (none: only the open-vocabulary detector can find it, prompted with the name); `benchmark` is
 * the name VSI-Bench and the room-scan datasets use when it differs from the key.
 */
export interface VocabularyClass {
  /** The class's own name: its COCO label when it has one, else its usual benchmark name. */
  readonly key: string;
  readonly detector?: string;
  readonly benchmark?: string;
  /** Other names of the same class, singular. */
  readonly names: readonly string[];
}

const C = (key: string, names: string[] = [], extra: Partial<VocabularyClass> = {}): VocabularyClass => ({
  key,
  names,
  ...(COCO_LABELS.includes(key as (typeof COCO_LABELS)[number]) ? { detector: key } : {}),
  ...extra,
});

export const VOCABULARY: readonly VocabularyClass[] = [
  // COCO classes found indoors, with the names the datasets give them.
  C('couch', ['sofa', 'settee', 'loveseat', 'love seat', 'sectional', 'sofa bed', 'futon'], {
    benchmark: 'sofa',
  }),
  C(
    'tv',
    ['television', 'telly', 'tv set', 'television set', 'tv monitor', 'tv screen', 'flat screen', 'monitor'],
    { benchmark: 'tv' },
  ),
  C(
    'dining table',
    ['table', 'dinner table', 'kitchen table', 'dining room table', 'round table', 'folding table'],
    { benchmark: 'table' },
  ),
  C(
    'potted plant',
    ['plant', 'house plant', 'houseplant', 'pot plant', 'flowerpot', 'flower pot', 'plant pot'],
    {
      benchmark: 'plant',
    },
  ),
  C('refrigerator', ['fridge', 'refridgerator', 'mini fridge', 'minifridge', 'fridge freezer', 'freezer'], {
    benchmark: 'refrigerator',
  }),
  C('oven', ['stove', 'cooker', 'range', 'stovetop', 'stove top', 'cooktop', 'hob', 'kitchen stove'], {
    benchmark: 'stove',
  }),
  C('microwave', ['microwave oven']),
  C('toilet', ['wc', 'loo', 'commode', 'toilet bowl', 'lavatory']),
  C('sink', ['basin', 'washbasin', 'wash basin', 'kitchen sink', 'bathroom sink', 'bathroom vanity']),
  C('bed', ['double bed', 'single bed', 'bunk bed', 'queen bed', 'king bed', 'mattress']),
  C('chair', [
    'armchair',
    'arm chair',
    'office chair',
    'desk chair',
    'dining chair',
    'sofa chair',
    'recliner',
  ]),
  C('cup', ['mug', 'coffee cup', 'coffee mug', 'teacup', 'tea cup', 'paper cup']),
  C('wine glass', ['glass', 'drinking glass', 'wineglass']),
  C('bottle', ['water bottle', 'soda bottle', 'soap bottle', 'wine bottle']),
  C('laptop', ['notebook', 'laptop computer', 'computer', 'macbook']),
  C('cell phone', ['phone', 'cellphone', 'mobile phone', 'mobile', 'smartphone', 'iphone', 'telephone']),
  C('remote', ['remote control', 'tv remote', 'controller', 'clicker']),
  C('mouse', ['computer mouse']),
  C('keyboard', ['computer keyboard', 'piano keyboard']),
  C('book', ['books', 'novel', 'magazine']),
  C('clock', ['wall clock', 'alarm clock']),
  C('vase', ['flower vase']),
  C('suitcase', ['luggage', 'travel bag', 'trolley case', 'suit case']),
  C('handbag', ['bag', 'purse', 'tote bag', 'shopping bag']),
  C('backpack', ['rucksack', 'school bag', 'schoolbag', 'knapsack']),
  C('bicycle', ['bike']),
  C('motorcycle', ['motorbike']),
  C('teddy bear', ['teddy', 'stuffed animal', 'plush toy', 'soft toy']),
  C('hair drier', ['hair dryer', 'hairdryer', 'blow dryer']),
  C('person', ['people', 'man', 'woman', 'human', 'kid', 'child', 'guy']),
  C('bench', ['piano bench']),
  C('toaster'),
  C('bowl'),
  C('knife'),
  C('fork'),
  C('spoon'),
  C('scissors', ['pair of scissors']),
  C('toothbrush', ['tooth brush']),
  C('umbrella'),
  C('cat', ['kitten']),
  C('dog', ['puppy']),
  C('sports ball', ['ball', 'football', 'soccer ball', 'basketball']),
  // Room-scan classes with no COCO class: the open-vocabulary detector finds them when prompted with the name.
  C('desk', ['writing desk', 'office desk', 'computer desk', 'standing desk'], { detector: 'dining table' }),
  C('coffee table', ['cocktail table', 'side table', 'end table', 'tea table'], { detector: 'dining table' }),
  C('stool', ['bar stool', 'barstool', 'step stool', 'footstool', 'foot stool', 'ottoman', 'pouf'], {
    detector: 'chair',
  }),
  C('nightstand', ['night stand', 'bedside table', 'night table', 'bedside cabinet', 'bedside stand']),
  C('bookshelf', ['bookcase', 'book shelf', 'book case', 'bookshelves']),
  C('shelf', ['shelving', 'shelving unit', 'wall shelf', 'rack']),
  C('trash can', [
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
  ]),
  C('cabinet', ['cupboard', 'kitchen cabinet', 'wardrobe', 'closet', 'storage cabinet', 'file cabinet']),
  C('dresser', ['chest of drawers', 'drawers', 'commode dresser']),
  C('counter', ['countertop', 'kitchen counter', 'worktop', 'bar counter']),
  C('door', ['doorway', 'front door', 'closet door']),
  C('window', ['windows']),
  C('curtain', ['drape', 'drapes', 'blind', 'blinds']),
  C('shower curtain'),
  C('picture', ['painting', 'poster', 'photo', 'photograph', 'artwork', 'picture frame', 'framed picture']),
  C('mirror'),
  C('bathtub', ['bath', 'tub', 'bath tub']),
  C('shower'),
  C('lamp', ['floor lamp', 'table lamp', 'desk lamp', 'light', 'ceiling light', 'reading lamp']),
  C('pillow', ['cushion', 'throw pillow']),
  C('blanket', ['throw', 'duvet', 'comforter', 'quilt']),
  C('towel', ['bath towel', 'hand towel']),
  C('washer', ['washing machine', 'laundry machine', 'clothes washer']),
  C('dryer', ['tumble dryer', 'clothes dryer']),
  C('dishwasher', ['dish washer']),
  C('fireplace', ['hearth', 'fire place']),
  C('radiator', ['heater']),
  C('whiteboard', ['white board', 'blackboard', 'chalkboard']),
  C('box', ['cardboard box', 'storage box', 'carton']),
  C('basket', ['laundry basket', 'hamper']),
  C('printer'),
  C('computer tower', ['pc tower', 'desktop computer', 'tower']),
  C('fan', ['ceiling fan', 'floor fan']),
  C('kettle', ['electric kettle']),
  C('coffee maker', ['coffee machine', 'espresso machine']),
  C('piano', ['upright piano', 'grand piano']),
  C('rug', ['carpet', 'mat', 'doormat']),
  C('plate', ['dish']),
  C('shoe', ['shoes', 'sneaker', 'boot']),
  C('bag', ['sack'], { detector: 'handbag' }),
];

const norm = (s: string): string => s.toLowerCase().trim();

/** Every name (key and alias) → its class. A name two classes share belongs to the first (its main sense). */
const BY_NAME: ReadonlyMap<string, VocabularyClass> = (() => {
  const map = new Map<string, VocabularyClass>();
  for (const c of VOCABULARY) if (!map.has(c.key)) map.set(c.key, c);
  for (const c of VOCABULARY) for (const n of c.names) if (!map.has(norm(n))) map.set(norm(n), c);
  return map;
})();

/** The class a (singular, lower-case) name belongs to, if the vocabulary knows it. */
export const classOf = (name: string): VocabularyClass | undefined => BY_NAME.get(norm(name));

/** All names the vocabulary knows (keys and aliases), longest first: for finding them in a sentence. */
export const KNOWN_NAMES: readonly string[] = [...BY_NAME.keys()].sort(
  (a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length,
);

/** The name VSI-Bench and the room-scan datasets give a class (its key when they use the same). */
export const benchmarkName = (name: string): string => {
  const c = classOf(name);
  return c ? (c.benchmark ?? c.key) : name;
};
