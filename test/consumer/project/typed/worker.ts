// (c) A host's own worker file.
import { handlePerceptionWorker } from 'spatial-mosaic/worker/perception';

handlePerceptionWorker({ ortWasm: 'https://cdn.example/onnxruntime-web/dist/' });
