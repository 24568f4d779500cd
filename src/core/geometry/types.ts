/**
 * Branded types for coordinate spaces and units: a camera/world mix-up, or metres passed where
 * millimetres are expected, becomes a type error rather than a silent 1000× bug.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Metres = Brand<number, 'Metres'>;
export type Radians = Brand<number, 'Radians'>;
export type Seconds = Brand<number, 'Seconds'>;

export type Vec3 = readonly [number, number, number];
/** A point in the camera frame (OpenCV axes: x right, y down, z forward), metres. */
export type CameraPoint = Brand<Vec3, 'CameraPoint'>;
/** A point in the world frame, metres. */
export type WorldPoint = Brand<Vec3, 'WorldPoint'>;
/** A pixel position (u right, v down), in pixels of the image the intrinsics describe. */
export type PixelPoint = Brand<readonly [number, number], 'PixelPoint'>;

/** A 4×4 matrix, row-major, 16 numbers. */
export type Mat4 = readonly number[];
/** Rigid transform camera → world (row-major 4×4), metres, OpenCV camera axes. */
export type CameraToWorld = Brand<Mat4, 'CameraToWorld'>;

/** Pinhole intrinsics of an image of `width`×`height` pixels. */
export interface Intrinsics {
  readonly width: number;
  readonly height: number;
  readonly fx: number;
  readonly fy: number;
  readonly cx: number;
  readonly cy: number;
}

export const metres = (n: number): Metres => n as Metres;
export const radians = (n: number): Radians => n as Radians;

/*
 * Branding constructors: the one place a plain vector or matrix becomes a point or pose of a named space. They
 * neither copy nor check; the caller vouches for the frame (a parser checks the numbers before).
 */
export const asWorldPoint = (v: Vec3): WorldPoint => v as WorldPoint;
export const asCameraPoint = (v: Vec3): CameraPoint => v as CameraPoint;
export const asCameraToWorld = (m: Mat4): CameraToWorld => m as CameraToWorld;
export const worldPoint = (x: number, y: number, z: number): WorldPoint => asWorldPoint([x, y, z]);
export const cameraPoint = (x: number, y: number, z: number): CameraPoint => asCameraPoint([x, y, z]);

/** Whether a parsed value is three numbers (a vector read from JSON). */
export const isVec3 = (v: unknown): v is Vec3 =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number');
