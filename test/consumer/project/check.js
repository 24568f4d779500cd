// What both consumer pages run (the Vite-built one and the plain one): wait for the demo in every element, ask
// each the same question, then feed one element a frame without detections so that YOLOX-Nano runs in the
// perception worker (onnxruntime-web's wasm and the model both from the package). The consumer test reads the
// result from window.__check.
export async function check(els) {
  const errors = [];
  for (const el of els) el.addEventListener('error', (e) => errors.push(e.detail.message));
  const demoLoaded = (el) =>
    new Promise((resolve) => {
      let last;
      el.addEventListener('mosaic-change', (e) => (last = e.detail));
      el.addEventListener('progress', (e) => {
        if (e.detail.status === 'done' && last) resolve(last);
      });
    });
  const demo = await Promise.all(els.map(demoLoaded));
  const answers = await Promise.all(els.map((el) => el.ask('How many chairs are there?')));
  const [w, h] = [64, 48];
  const rgba = new Uint8ClampedArray(w * h * 4).fill(128);
  const depth = { width: w, height: h, data: new Float32Array(w * h).fill(2) };
  const pose = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const frame = await els.at(-1).addFrame(new ImageData(rgba, w, h), depth, pose);
  return { demo, answers, frame, errors };
}
