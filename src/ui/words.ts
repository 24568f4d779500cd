/** An English noun's plural: couch → couches, potted plant → potted plants, library → libraries. */
export const pluralNoun = (w: string): string =>
  /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;

/** "1 chair", "8 chairs". */
export const countOf = (n: number, one: string, many = pluralNoun(one)): string =>
  `${n} ${n === 1 ? one : many}`;
