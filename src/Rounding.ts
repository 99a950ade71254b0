/**
 * Named rounding modes and the rounding of an exact fraction to an integer.
 *
 * Every division in the library that can leave a remainder says which of these modes it uses; the
 * semantics are those of Java's `java.math.RoundingMode`.
 */
import { Schema } from "effect"

/**
 * The rounding modes, in the order Java's `RoundingMode` lists them.
 *
 * - `"up"`: away from zero.
 * - `"down"`: towards zero (truncation).
 * - `"ceiling"`: towards positive infinity.
 * - `"floor"`: towards negative infinity.
 * - `"half-up"`: to the nearest integer; a tie goes away from zero.
 * - `"half-down"`: to the nearest integer; a tie goes towards zero.
 * - `"half-even"`: to the nearest integer; a tie goes to the even neighbour (banker's rounding).
 *
 * @example
 * ```ts
 * import { Rounding } from "fayuan"
 * Rounding.roundings.includes("half-even") // true
 * ```
 * @category models
 */
export const roundings = ["up", "down", "ceiling", "floor", "half-up", "half-down", "half-even"] as const

/**
 * A rounding mode chosen by name; see {@link roundings} for what each one does.
 *
 * The value is a schema, so a mode written in rule data (e.g. `"half-up"`) decodes into this type.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Rounding } from "fayuan"
 * const mode: Rounding.Rounding = Schema.decodeUnknownSync(Rounding.Rounding)("half-up")
 * ```
 * @category models
 */
export const Rounding = /* @__PURE__ */ Schema.Literals(roundings)

/**
 * A rounding mode chosen by name.
 *
 * @example
 * ```ts
 * import type { Rounding } from "fayuan"
 * const mode: Rounding.Rounding = "half-even"
 * ```
 * @category models
 */
export type Rounding = typeof roundings[number]

/**
 * Rounds the exact fraction `numerator / denominator` to an integer with the given mode.
 *
 * The denominator may be negative (the sign is moved to the numerator). A zero denominator is a
 * programming error and throws a `RangeError`.
 *
 * @example
 * ```ts
 * import { Rounding } from "fayuan"
 * Rounding.roundRational(5n, 2n, "half-even") // 2n
 * Rounding.roundRational(-5n, 2n, "half-up") // -3n
 * Rounding.roundRational(7n, 3n, "ceiling") // 3n
 * ```
 * @category rounding
 */
export const roundRational = (numerator: bigint, denominator: bigint, mode: Rounding): bigint => {
  if (denominator === 0n) throw new RangeError("roundRational: denominator is zero")
  if (denominator < 0n) {
    numerator = -numerator
    denominator = -denominator
  }
  const quotient = numerator / denominator // truncated towards zero
  const remainder = numerator % denominator // same sign as the numerator
  if (remainder === 0n) return quotient
  const sign = numerator < 0n ? -1n : 1n
  switch (mode) {
    case "down":
      return quotient
    case "up":
      return quotient + sign
    case "ceiling":
      return sign > 0n ? quotient + 1n : quotient
    case "floor":
      return sign < 0n ? quotient - 1n : quotient
    default: {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n
      if (twice > denominator) return quotient + sign
      if (twice < denominator) return quotient
      if (mode === "half-up") return quotient + sign
      if (mode === "half-down") return quotient
      return quotient % 2n === 0n ? quotient : quotient + sign
    }
  }
}
