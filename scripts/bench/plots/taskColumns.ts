/** The eight VSI-Bench task types and their short column names, in the order every table and plot uses. */
export const TASK_COLUMNS: [string, string][] = [
  ['object_counting', 'count'],
  ['object_abs_distance', 'abs dist'],
  ['object_size_estimation', 'obj size'],
  ['room_size_estimation', 'room size'],
  ['object_rel_distance', 'rel dist'],
  ['object_rel_direction', 'rel dir'],
  ['route_planning', 'route'],
  ['obj_appearance_order', 'appear order'],
];
