// (c) A strict Node consumer (nodenext resolution picks the package's "node" types).
import { openScene, Scene, parseMosaicFile, type Mosaic, type SceneAnswer } from 'spatial-mosaic';

export async function count(file: string): Promise<number | string> {
  const scene = await openScene(file, { every: 2 });
  const answer: SceneAnswer = await scene.ask('How many chairs are there?');
  await scene.dispose();
  return answer.answer;
}

export function fromText(text: string): Mosaic {
  const scene = Scene.fromMosaic(parseMosaicFile(text));
  // @ts-expect-error a question is a string or a QuestionInput, never a number
  void scene.ask(42);
  return scene.mosaic;
}
