/**
 * Money as an integer number of fen (分, 1/100 yuan). Never a float: multiplications go through
 * exact rationals with a named {@link Rounding}, and splits never lose or invent a fen.
 *
 * Arithmetic whose result falls outside ±`Number.MAX_SAFE_INTEGER` fen (about ±90 trillion yuan)
 * throws a `RangeError`. That is a defect, not an expected failure: no real budget reaches it.
 */
import { Data, Result, Schema } from "effect"
import type { Ratio } from "./Ratio.ts"
import * as Rounding_ from "./Rounding.ts"

/**
 * A rounding mode chosen by name (Java `RoundingMode` semantics); the same type as
 * `Rounding.Rounding`, repeated here for callers of {@link multiply}.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * const mode: Money.Rounding = "half-up"
 * ```
 * @category rounding
 */
export type Rounding = Rounding_.Rounding

/**
 * Every rounding mode, in Java's order: `"up"`, `"down"`, `"ceiling"`, `"floor"`, `"half-up"`,
 * `"half-down"`, `"half-even"`.
 *
 * @example
 * ```ts
 * import { Money, Ratio } from "fayuan"
 * const third = Ratio.makeUnsafe(1, 3)
 * Money.roundings.map((mode) => Money.multiply(Money.fenUnsafe(100), third, mode)) // [34, 33, 34, 33, 33, 33, 33]
 * ```
 * @category rounding
 */
export const roundings: ReadonlyArray<Rounding> = Rounding_.roundings

/**
 * An amount of money in fen: a safe integer, negative for deltas and refunds.
 *
 * The schema decodes a JSON number into a `Fen`; `Fen.make(n)` brands a checked value.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Money } from "fayuan"
 * const subsidy: Money.Fen = Schema.decodeUnknownSync(Money.Fen)(120000) // ¥1,200.00
 * ```
 * @category models
 */
export const Fen = /* @__PURE__ */ Schema.Int.pipe(/* @__PURE__ */ Schema.brand("Fen"))

/**
 * An amount of money in fen.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * const amount: Money.Fen = Money.fenUnsafe(150)
 * ```
 * @category models
 */
export type Fen = typeof Fen.Type

/**
 * Why an amount could not be read: `input` is what was given, `reason` says what was wrong.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Money } from "fayuan"
 * const r = Money.fromYuan("1,234.56")
 * if (Result.isFailure(r)) r.failure.reason // "not a yuan amount with at most two decimals"
 * ```
 * @category errors
 */
export class InvalidAmount extends Data.TaggedError("InvalidAmount")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    return `invalid amount ${JSON.stringify(this.input)}: ${this.reason}`
  }
}

/**
 * Why an allocation was refused: no weights, a negative or non-integer weight (`index` names it),
 * all weights zero, or (for {@link splitEvenly}) a number of parts that is not a positive integer.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Money } from "fayuan"
 * const r = Money.allocate(Money.fenUnsafe(100), [])
 * if (Result.isFailure(r)) r.failure.reason // "empty"
 * ```
 * @category errors
 */
export class InvalidAllocation extends Data.TaggedError("InvalidAllocation")<{
  readonly reason: "empty" | "negative-weight" | "not-an-integer-weight" | "all-zero" | "parts"
  readonly index?: number
}> {
  override get message(): string {
    const at = this.index === undefined ? "" : ` (weight ${this.index})`
    switch (this.reason) {
      case "empty":
        return "cannot allocate over an empty list of weights"
      case "negative-weight":
        return `weights must not be negative${at}`
      case "not-an-integer-weight":
        return `a number weight must be a safe integer; use a Ratio for fractions${at}`
      case "all-zero":
        return "cannot allocate when every weight is zero"
      case "parts":
        return "the number of parts must be a positive safe integer"
    }
  }
}

const checked = (n: number, operation: string): Fen => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Money.${operation}: result is outside the safe fen range`)
  return n as Fen
}

/**
 * Checks that `n` is a safe integer and brands it as {@link Fen}.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.fen(250) // Result.succeed(250)
 * Money.fen(2.5) // Result.fail(InvalidAmount)
 * ```
 * @category constructors
 */
export const fen = (n: number): Result.Result<Fen, InvalidAmount> =>
  Number.isSafeInteger(n)
    ? Result.succeed((n === 0 ? 0 : n) as Fen)
    : Result.fail(new InvalidAmount({ input: String(n), reason: "not a safe integer number of fen" }))

/**
 * Like {@link fen}, but throws the {@link InvalidAmount}. For constants written in code.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * const dutyShift = Money.fenUnsafe(20000) // ¥200.00
 * ```
 * @category constructors
 */
export const fenUnsafe = (n: number): Fen => {
  const result = fen(n)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

/**
 * No money.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.format(Money.zero) // "¥0.00"
 * ```
 * @category constructors
 */
export const zero: Fen = 0 as Fen

/**
 * `a + b`. Throws a `RangeError` outside the safe range (a defect).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.add(Money.fenUnsafe(150), Money.fenUnsafe(-50)) // 100
 * ```
 * @category math
 */
export const add = (a: Fen, b: Fen): Fen => {
  // The sum of two safe integers is exact whenever it is itself safe.
  const s = a + b
  if (s > Number.MAX_SAFE_INTEGER || s < Number.MIN_SAFE_INTEGER) throw new RangeError("Money.add: result is outside the safe fen range")
  return s as Fen
}

/**
 * `a - b`. Throws a `RangeError` outside the safe range (a defect).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.subtract(Money.fenUnsafe(100), Money.fenUnsafe(250)) // -150
 * ```
 * @category math
 */
export const subtract = (a: Fen, b: Fen): Fen => {
  const d = a - b
  if (d > Number.MAX_SAFE_INTEGER || d < Number.MIN_SAFE_INTEGER) throw new RangeError("Money.subtract: result is outside the safe fen range")
  return d as Fen
}

/**
 * The total of a list of amounts; {@link zero} for an empty list. Throws a `RangeError` if a
 * running total leaves the safe range (a defect).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.sum([Money.fenUnsafe(100), Money.fenUnsafe(250)]) // 350
 * ```
 * @category math
 */
export const sum = (amounts: Iterable<Fen>): Fen => {
  let total = 0
  for (const amount of amounts) {
    total += amount
    if (total > Number.MAX_SAFE_INTEGER || total < Number.MIN_SAFE_INTEGER) throw new RangeError("Money.sum: result is outside the safe fen range")
  }
  return total as Fen
}

/**
 * `-amount` (never `-0`).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.negate(Money.fenUnsafe(5)) // -5
 * ```
 * @category math
 */
export const negate = (amount: Fen): Fen => (0 - amount) as Fen

/**
 * Orders two amounts: `-1` if `a < b`, `0` if equal, `1` if `a > b`.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.compare(Money.fenUnsafe(1), Money.fenUnsafe(2)) // -1
 * ```
 * @category ordering
 */
export const compare = (a: Fen, b: Fen): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Whether the amount is below zero.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.isNegative(Money.fenUnsafe(-1)) // true
 * ```
 * @category predicates
 */
export const isNegative = (amount: Fen): boolean => amount < 0

/**
 * `amount × ratio`, computed exactly and rounded to whole fen with the named mode. The mode is
 * required: every rounding in the library is a visible choice.
 *
 * Throws a `RangeError` if the rounded result is outside the safe range (a defect).
 *
 * @example
 * ```ts
 * import { Money, Ratio } from "fayuan"
 * // 80% of ¥12.35, rounded half-up: ¥9.88
 * Money.multiply(Money.fenUnsafe(1235), Ratio.makeUnsafe(4, 5), "half-up") // 988
 * ```
 * @category math
 */
export const multiply = (amount: Fen, ratio: Ratio, rounding: Rounding): Fen => {
  // Fast path: a non-negative product that is a safe integer is exact in plain numbers (the
  // common case: an amount times a multiplier of a standard). Otherwise, exactly in BigInt.
  const product = amount * ratio.numerator
  if (product >= 0 && Number.isSafeInteger(product)) return roundNonNegative(product, ratio.denominator, rounding) as Fen
  const exact = BigInt(amount) * BigInt(ratio.numerator)
  return checked(Number(Rounding_.roundRational(exact, BigInt(ratio.denominator), rounding)), "multiply")
}

/** `p / d` rounded by `mode`, for a safe integer `p ≥ 0` and `d > 0` (as `Rounding.roundRational`). */
const roundNonNegative = (p: number, d: number, mode: Rounding): number => {
  if (d === 1) return p
  const q = Math.floor(p / d)
  // Float division may be off by one for large p: the remainder puts it right.
  const r0 = p - q * d
  const [quotient, rem] = r0 < 0 ? [q - 1, r0 + d] : r0 >= d ? [q + 1, r0 - d] : [q, r0]
  if (rem === 0) return quotient
  switch (mode) {
    case "down":
    case "floor":
      return quotient
    case "up":
    case "ceiling":
      return quotient + 1
    default: {
      const twice = rem * 2
      if (twice !== d) return twice > d ? quotient + 1 : quotient
      return mode === "half-up" ? quotient + 1 : mode === "half-down" ? quotient : quotient % 2 === 0 ? quotient : quotient + 1
    }
  }
}

const isRatioLike = (w: number | Ratio): w is Ratio => typeof w === "object"

/**
 * Splits `total` into shares proportional to `weights`, by the largest-remainder method: every
 * share first gets its exact share rounded towards zero, then the fen left over go one each to the
 * shares with the largest remainders, the lower index first on a tie. The shares sum exactly to
 * `total`, each is within one fen of its exact share, and a zero weight gets nothing. A negative
 * total is split as the negation of splitting its absolute value.
 *
 * A weight is a non-negative safe integer or a non-negative {@link Ratio}; fails on an empty list,
 * a negative or fractional number weight, or all-zero weights.
 *
 * @example
 * ```ts
 * import { Money, Ratio } from "fayuan"
 * Money.allocate(Money.fenUnsafe(100), [1, 1, 1]) // Result.succeed([34, 33, 33])
 * Money.allocate(Money.fenUnsafe(-5), [Ratio.makeUnsafe(1, 2), 1]) // Result.succeed([-2, -3])
 * ```
 * @category allocation
 */
export const allocate = (
  total: Fen,
  weights: ReadonlyArray<number | Ratio>
): Result.Result<Array<Fen>, InvalidAllocation> => {
  const count = weights.length
  if (count === 0) return Result.fail(new InvalidAllocation({ reason: "empty" }))
  // Equal positive weights: the even split, in plain numbers (the same shares, larger first).
  const first = weights[0]!
  const unit = isRatioLike(first) ? first.numerator > 0 : Number.isSafeInteger(first) && first > 0
  if (unit && weights.every((w) => (isRatioLike(w) && isRatioLike(first) ? w.numerator === first.numerator && w.denominator === first.denominator : w === first))) {
    return splitEvenly(total, count)
  }
  // Bring every weight to the common denominator `common`, as BigInt numerators.
  let common = 1n
  for (let i = 0; i < count; i++) {
    const w = weights[i]!
    if (isRatioLike(w)) {
      if (w.numerator < 0) return Result.fail(new InvalidAllocation({ reason: "negative-weight", index: i }))
      const d = BigInt(w.denominator)
      common = (common / gcdBig(common, d)) * d
    } else {
      if (!Number.isSafeInteger(w)) return Result.fail(new InvalidAllocation({ reason: "not-an-integer-weight", index: i }))
      if (w < 0) return Result.fail(new InvalidAllocation({ reason: "negative-weight", index: i }))
    }
  }
  const scaled = new Array<bigint>(count)
  let weightSum = 0n
  for (let i = 0; i < count; i++) {
    const w = weights[i]!
    const s = isRatioLike(w) ? BigInt(w.numerator) * (common / BigInt(w.denominator)) : BigInt(w) * common
    scaled[i] = s
    weightSum += s
  }
  if (weightSum === 0n) return Result.fail(new InvalidAllocation({ reason: "all-zero" }))

  const negative = total < 0
  const magnitude = BigInt(negative ? -total : total)
  const shares = new Array<Fen>(count)
  const remainders = new Array<bigint>(count)
  let left = magnitude
  for (let i = 0; i < count; i++) {
    const exact = magnitude * scaled[i]!
    const share = exact / weightSum
    remainders[i] = exact % weightSum
    left -= share
    shares[i] = Number(share) as Fen
  }
  if (left > 0n) {
    const order = Array.from({ length: count }, (_, i) => i)
    order.sort((i, j) => {
      const ri = remainders[i]!
      const rj = remainders[j]!
      return ri > rj ? -1 : ri < rj ? 1 : i - j
    })
    // `left` is smaller than the number of shares with a non-zero remainder.
    for (let k = 0; k < Number(left); k++) {
      const i = order[k]!
      shares[i] = (shares[i]! + 1) as Fen
    }
  }
  if (negative) for (let i = 0; i < count; i++) shares[i] = negate(shares[i]!)
  return Result.succeed(shares)
}

/**
 * Splits `total` into `parts` shares that differ by at most one fen, the larger shares first (the
 * same result as {@link allocate} with equal weights). Fails if `parts` is not a positive safe
 * integer.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.splitEvenly(Money.fenUnsafe(100), 3) // Result.succeed([34, 33, 33])
 * Money.splitEvenly(Money.fenUnsafe(-5), 3) // Result.succeed([-2, -2, -1])
 * ```
 * @category allocation
 */
export const splitEvenly = (total: Fen, parts: number): Result.Result<Array<Fen>, InvalidAllocation> => {
  if (!Number.isSafeInteger(parts) || parts <= 0) return Result.fail(new InvalidAllocation({ reason: "parts" }))
  const magnitude = Math.abs(total)
  const base = Math.floor(magnitude / parts)
  const extra = magnitude - base * parts
  const sign = total < 0 ? -1 : 1
  const shares = new Array<Fen>(parts)
  for (let i = 0; i < parts; i++) shares[i] = ((i < extra ? base + 1 : base) * sign + 0) as Fen
  return Result.succeed(shares)
}

const yuanPattern = /^(-?)(\d+)(?:\.(\d{1,2}))?$/

/**
 * Reads an amount of yuan written as plain digits with at most two decimals and an optional
 * leading `-`: `"1234.56"`, `"-0.5"`, `"12"`. Rejects thousands separators, currency signs,
 * whitespace, more than two decimals and amounts outside the safe range.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.fromYuan("1234.56") // Result.succeed(123456)
 * Money.fromYuan("0.125") // Result.fail(InvalidAmount)
 * ```
 * @category parsing
 */
export const fromYuan = (input: string): Result.Result<Fen, InvalidAmount> => {
  const match = yuanPattern.exec(input)
  if (match === null) {
    return Result.fail(new InvalidAmount({ input, reason: "not a yuan amount with at most two decimals" }))
  }
  const digits = (match[2] ?? "") + (match[3] ?? "").padEnd(2, "0")
  // Every safe integer is exact as a double, and anything larger rounds to 2^53 or beyond.
  const magnitude = Number(digits)
  if (!Number.isSafeInteger(magnitude)) return Result.fail(new InvalidAmount({ input, reason: "outside the safe fen range" }))
  return Result.succeed((match[1] === "-" && magnitude !== 0 ? -magnitude : magnitude) as Fen)
}

const yuanParts = (amount: Fen): { readonly sign: string; readonly yuan: string; readonly fen: string } => {
  const magnitude = Math.abs(amount)
  const cents = magnitude % 100
  return {
    sign: amount < 0 ? "-" : "",
    yuan: String((magnitude - cents) / 100),
    fen: cents < 10 ? `0${cents}` : String(cents)
  }
}

/**
 * Writes an amount as yuan with exactly two decimals and no grouping; the inverse of
 * {@link fromYuan}.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.toYuanString(Money.fenUnsafe(123456)) // "1234.56"
 * Money.toYuanString(Money.fenUnsafe(-5)) // "-0.05"
 * ```
 * @category formatting
 */
export const toYuanString = (amount: Fen): string => {
  const { sign, yuan, fen } = yuanParts(amount)
  return `${sign}${yuan}.${fen}`
}

/**
 * Writes an amount for people: the yuan sign, thousands grouped with commas, two decimals, a minus
 * before the sign for negative amounts.
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * Money.format(Money.fenUnsafe(123456)) // "¥1,234.56"
 * Money.format(Money.fenUnsafe(-5)) // "-¥0.05"
 * ```
 * @category formatting
 */
export const format = (amount: Fen): string => {
  const { sign, yuan, fen } = yuanParts(amount)
  const grouped = yuan.replace(/\B(?=(\d{3})+$)/g, ",")
  return `${sign}¥${grouped}.${fen}`
}

const gcdBig = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}
