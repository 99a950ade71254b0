/**
 * The region filter every scoped query carries. Adapter-internal.
 */
import * as Region from "../../../src/Region.ts"

/**
 * The range of stored region codes inside `scope`. Codes are canonical GB/T 2260 prefixes of
 * digits (`53` ⊃ `5301` ⊃ `530103`), so a scope holds exactly the codes in `[scope, scope + 1)`
 * compared as strings — the bound is the next number of the same length, all digits, so any
 * collation that orders digits agrees. The national scope is every code.
 *
 * @example
 * regionRange("5309") // { from: "5309", to: "5310" }
 */
export const regionRange = (scope: Region.RegionCode): { readonly from: string; readonly to: string } => {
  if (scope === Region.national) return { from: "0", to: "9999999" }
  const next = String(Number(scope) + 1).padStart(scope.length, "0")
  return { from: scope, to: next }
}
