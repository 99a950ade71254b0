/**
 * The rotation order (轮流指派): the lowest weighted assignment count goes next; ties go to fewer
 * open cases, then to a stable hash of the case and the lawyer, so ties rotate across cases and
 * nothing depends on the order of the input lists.
 *
 * @since 0.1.0
 */
import type { Candidate } from "./Outcome.ts"

export const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The 32-bit finaliser of MurmurHash3: every input bit affects every output bit. */
const mix = (x: number): number => {
  let h = x
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export const lawyerHash = (lawyerId: string): number => mix(fnv1a(lawyerId))
export const pairHash = (caseHash: number, lawyerHash: number): number => mix((caseHash ^ lawyerHash) >>> 0)

/**
 * The last tie-break between two lawyers with the same rotation key and open cases: a stable
 * 32-bit hash of the case id and the lawyer id, lower first. It depends on nothing else, so the
 * same case always goes the same way, and different cases order tied lawyers differently.
 *
 * @example
 * import { tieBreak } from "fayuan/assignment"
 * tieBreak("2024-001", "L1") === tieBreak("2024-001", "L1") // true
 *
 * @category rotation
 */
export const tieBreak = (caseId: string, lawyerId: string): number => pairHash(fnv1a(caseId), lawyerHash(lawyerId))

export const safe = Number.MAX_SAFE_INTEGER

/** Sign of `countA / weightA − countB / weightB`, by cross-multiplication (exact). */
export const compareKeys = (countA: number, weightA: number, countB: number, weightB: number): number => {
  const left = countA * weightB
  const right = countB * weightA
  if (left <= safe && right <= safe) return left < right ? -1 : left > right ? 1 : 0
  const l = BigInt(countA) * BigInt(weightB)
  const r = BigInt(countB) * BigInt(weightA)
  return l < r ? -1 : l > r ? 1 : 0
}

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The rotation order: lower `assignedCount / weight` first, then fewer open cases, then the lower
 * {@link tieBreak}, then the lower lawyer id (by code units). A total order that does not depend on
 * the input order.
 *
 * @example
 * import { compareCandidates } from "fayuan/assignment"
 * const a = { lawyerId: "A", firmId: "F", assignedCount: 2, weight: 2, openCases: 0, tieBreak: 7 }
 * const b = { lawyerId: "B", firmId: "F", assignedCount: 2, weight: 1, openCases: 0, tieBreak: 3 }
 * compareCandidates(a, b) // -1: 2/2 < 2/1
 *
 * @category rotation
 */
export const compareCandidates = (a: Candidate, b: Candidate): number =>
  compareKeys(a.assignedCount, a.weight, b.assignedCount, b.weight) ||
  a.openCases - b.openCases ||
  a.tieBreak - b.tieBreak ||
  byCodeUnits(a.lawyerId, b.lawyerId)
