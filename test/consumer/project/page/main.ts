// (d) A consumer page built by Vite: two elements from the installed package.
import { type SpatialMosaicElement } from 'spatial-mosaic/element';
import 'spatial-mosaic/element';
import { check } from './check.js';

const els = [...document.querySelectorAll<SpatialMosaicElement>('spatial-mosaic')];
(window as unknown as { __check: Promise<unknown> }).__check = check(els);
