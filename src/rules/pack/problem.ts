/** One thing wrong with a pack, located by JSON path ("policy.clauses[3].ref"). */
export interface PackProblem {
  path: string;
  message: string;
}
