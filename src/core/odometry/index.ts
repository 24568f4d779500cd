export {
  Odometry,
  OdometryInputError,
  DEFAULT_ODOMETRY_OPTIONS,
  KINECT_V1_COLOUR_INTRINSICS,
} from './odometry';
export type { OdometryFrame, OdometryOptions, OdometryStep } from './odometry';
export { absoluteTrajectoryError, relativePoseError, alignPoints } from './ate';
export type { AteResult } from './ate';
export { SequenceOdometry } from './sequenceOdometry';
export type { SequenceOdometryFrame } from './sequenceOdometry';
