/** The mosaic's floor frame lives with the rest of the geometry; mosaic code imports it from here. */
export { DEFAULT_UP, floorFrame, fromFloor, toFloor, type FloorFrame } from '../geometry/floorFrame';
