// (b) What a Node script of a consumer does: open a mosaic file, ask, serialise it again.
import { openScene, parseMosaicFile, VERSION } from 'spatial-mosaic';

const scene = await openScene(process.argv[2]);
const a = await scene.ask('How many chairs are there?');
const again = parseMosaicFile(scene.toFile(), 'round trip');
await scene.dispose();
console.log(
  JSON.stringify({
    version: VERSION,
    answer: a.value,
    text: a.answer,
    steps: a.trace.length,
    roundTrip: again.objects.length === scene.mosaic.objects.length,
  }),
);
