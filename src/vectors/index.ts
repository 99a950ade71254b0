/**
 * `fayuan/vectors`: decode and run eligibility test vectors.
 *
 * @since 0.1.0
 */
export {
  compare,
  decodeVectorFile,
  Expectation,
  formatResults,
  InvalidVectorFile,
  parseVectorFile,
  runFile,
  runVector
} from "./Vector.ts"
export type { Difference, Vector, VectorFile, VectorResult } from "./Vector.ts"
export type { RuleBook } from "../RuleBook.ts"
export type { Overrides } from "../Parameter.ts"
