import { makeDemoScene } from '../core/synthetic/sceneFiles';

// Generating the demo's frames is seconds of CPU: off the page's thread, so the elements stay responsive.
// The files go back transferred, as [path, bytes] pairs.
const files = [...makeDemoScene()];
postMessage(
  files,
  files.map(([, bytes]) => bytes.buffer as ArrayBuffer),
);
