/** The manifest shipped in public/models/, bundled (no fetch needed to know what to fetch). */
import json from '../../../public/models/manifest.json';
import { parseManifest } from './manifest';

export const defaultManifest = parseManifest(json, 'public/models/manifest.json');
