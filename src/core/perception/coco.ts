/**
 * The 80 COCO 2017 detection class names, in the order the usual COCO-trained detectors (YOLOX, YOLOv5…)
 * emit their class scores: index i of a model's class vector is COCO_LABELS[i]. Read from the class catalogue.
 */
import { COCO_CLASS_LABELS } from '../catalog/objectClass';

export const COCO_LABELS: readonly string[] = COCO_CLASS_LABELS;

export type CocoLabel = string;

export const COCO_CLASS_COUNT = COCO_LABELS.length;
