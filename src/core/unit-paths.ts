/**
 * Units' places in the tree as ltree paths of unit ids (`1.12.345`): a unit is within another's
 * subtree when its path is the other's or extends it.
 */
export const isWithin = (path: string, ancestorPath: string): boolean =>
  path === ancestorPath || path.startsWith(`${ancestorPath}.`);

/** Within one of the subtrees; `null` stands for the whole tree (a grant without a unit). */
export const isWithinAny = (path: string, ancestorPaths: readonly string[] | null): boolean =>
  ancestorPaths === null || ancestorPaths.some((a) => isWithin(path, a));
