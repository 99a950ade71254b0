/**
 * Exact rational numbers: multipliers, shares and rates written in rules as decimals ("0.8",
 * "1.5") and used without floating-point error.
 *
 * A {@link Ratio} is a reduced fraction of safe integers with a positive denominator. Build one
 * with {@link make}, {@link fromDecimal} or the {@link RatioFromDecimal} schema; the functions here
 * keep the invariant.
 */
import { Data, Effect, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"

/**
 * An exact rational number `numerator / denominator`: both safe integers, the denominator
 * positive, the fraction reduced (so equal ratios have equal fields).
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * const threeQuarters: Ratio.Ratio = Ratio.makeUnsafe(6, 8) // { numerator: 3, denominator: 4 }
 * ```
 * @category models
 */
export interface Ratio {
  readonly numerator: number
  readonly denominator: number
}

/**
 * Why a value could not be made into a {@link Ratio}: `input` is what was given, `reason` says
 * what was wrong with it.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Ratio } from "fayuan"
 * const r = Ratio.fromDecimal("1e3")
 * if (Result.isFailure(r)) r.failure.reason // "not a plain decimal number"
 * ```
 * @category errors
 */
export class InvalidRatio extends Data.TaggedError("InvalidRatio")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    return `invalid ratio ${JSON.stringify(this.input)}: ${this.reason}`
  }
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a)
  b = Math.abs(b)
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

const gcdBig = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Reduces a fraction whose denominator is positive; `numerator` and `denominator` are safe. */
const reduced = (numerator: number, denominator: number): Ratio => {
  if (numerator === 0) return zero
  const g = gcd(numerator, denominator)
  return { numerator: numerator / g, denominator: denominator / g }
}

/**
 * The ratio 0.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.toDecimalString(Ratio.zero) // "0"
 * ```
 * @category constructors
 */
export const zero: Ratio = { numerator: 0, denominator: 1 }

/**
 * The ratio 1.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.toDecimalString(Ratio.one) // "1"
 * ```
 * @category constructors
 */
export const one: Ratio = { numerator: 1, denominator: 1 }

/**
 * Makes the reduced ratio `numerator / denominator`. Both must be safe integers and the
 * denominator non-zero; a negative denominator moves its sign to the numerator.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.make(6, -8) // Result.succeed({ numerator: -3, denominator: 4 })
 * Ratio.make(1, 0) // Result.fail(InvalidRatio { reason: "denominator is zero" })
 * ```
 * @category constructors
 */
export const make = (numerator: number, denominator: number): Result.Result<Ratio, InvalidRatio> => {
  const fail = (reason: string) => Result.fail(new InvalidRatio({ input: `${numerator}/${denominator}`, reason }))
  if (!Number.isSafeInteger(numerator)) return fail("numerator is not a safe integer")
  if (!Number.isSafeInteger(denominator)) return fail("denominator is not a safe integer")
  if (denominator === 0) return fail("denominator is zero")
  // -MIN_SAFE_INTEGER is safe, so moving the sign cannot overflow.
  return Result.succeed(denominator < 0 ? reduced(-numerator, -denominator) : reduced(numerator, denominator))
}

/**
 * Like {@link make}, but throws the {@link InvalidRatio} instead of returning it. For constants
 * written in code.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * const half = Ratio.makeUnsafe(1, 2)
 * ```
 * @category constructors
 */
export const makeUnsafe = (numerator: number, denominator: number): Ratio => {
  const result = make(numerator, denominator)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/
const maxDecimalLength = 40

/**
 * Reads a plain decimal number such as `"2"`, `"2.5"`, `"0.125"` or `"-1.5"` into an exact ratio.
 *
 * Rejected: exponents (`"1e3"`), surrounding whitespace, a missing digit on either side of the point
 * (`".5"`, `"2."`), a `+` sign, thousands separators, and numbers whose reduced numerator or
 * denominator is not a safe integer ("too many digits").
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.fromDecimal("2.5") // Result.succeed({ numerator: 5, denominator: 2 })
 * Ratio.fromDecimal(".5") // Result.fail(InvalidRatio)
 * ```
 * @category constructors
 */
export const fromDecimal = (input: string): Result.Result<Ratio, InvalidRatio> => {
  const fail = (reason: string) => Result.fail(new InvalidRatio({ input, reason }))
  if (input.length > maxDecimalLength) return fail("too many digits")
  const match = decimalPattern.exec(input)
  if (match === null) return fail("not a plain decimal number")
  const negative = match[1] === "-"
  const integerDigits = match[2] ?? "0"
  const fractionDigits = match[3] ?? ""
  let numerator = BigInt(integerDigits + fractionDigits)
  let denominator = 10n ** BigInt(fractionDigits.length)
  const g = gcdBig(numerator, denominator)
  if (g > 1n) {
    numerator /= g
    denominator /= g
  }
  if (numerator > maxSafe || denominator > maxSafe) return fail("too many digits")
  const n = Number(numerator)
  return Result.succeed(n === 0 ? zero : { numerator: negative ? -n : n, denominator: Number(denominator) })
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * Whether `u` is a well-formed {@link Ratio}: an object whose `numerator` and `denominator` are
 * safe integers, the denominator positive and the fraction reduced.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.isRatio({ numerator: 1, denominator: 2 }) // true
 * Ratio.isRatio({ numerator: 2, denominator: 4 }) // false: not reduced
 * ```
 * @category guards
 */
export const isRatio = (u: unknown): u is Ratio => {
  if (typeof u !== "object" || u === null) return false
  const { numerator, denominator } = u as { numerator?: unknown; denominator?: unknown }
  return typeof numerator === "number" && typeof denominator === "number" &&
    Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator > 0 &&
    gcd(numerator, denominator) === 1 && !Object.is(numerator, -0)
}

/**
 * Writes a ratio as a decimal when it has a finite decimal expansion (its reduced denominator has
 * no prime factor other than 2 and 5), exactly and without trailing zeros; otherwise as
 * `"numerator/denominator"`.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.toDecimalString(Ratio.makeUnsafe(-3, 8)) // "-0.375"
 * Ratio.toDecimalString(Ratio.makeUnsafe(1, 3)) // "1/3"
 * ```
 * @category formatting
 */
export const toDecimalString = (ratio: Ratio): string => {
  const { numerator, denominator } = reduced(ratio.numerator, ratio.denominator)
  let rest = denominator
  let twos = 0
  let fives = 0
  while (rest % 2 === 0) {
    rest /= 2
    twos++
  }
  while (rest % 5 === 0) {
    rest /= 5
    fives++
  }
  if (rest !== 1) return `${numerator}/${denominator}`
  const places = Math.max(twos, fives)
  if (places === 0) return `${numerator}`
  const scaled = BigInt(Math.abs(numerator)) * (10n ** BigInt(places) / BigInt(denominator))
  const digits = scaled.toString().padStart(places + 1, "0")
  const sign = numerator < 0 ? "-" : ""
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`
}

/**
 * Orders two ratios by value: `-1` if `a < b`, `0` if equal, `1` if `a > b`.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.compare(Ratio.makeUnsafe(1, 3), Ratio.makeUnsafe(1, 2)) // -1
 * ```
 * @category ordering
 */
export const compare = (a: Ratio, b: Ratio): -1 | 0 | 1 => {
  const left = a.numerator * b.denominator
  const right = b.numerator * a.denominator
  // A product of safe integers is exact when it is itself safe; otherwise compare as BigInt.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left < right ? -1 : left > right ? 1 : 0
  }
  const l = BigInt(a.numerator) * BigInt(b.denominator)
  const r = BigInt(b.numerator) * BigInt(a.denominator)
  return l < r ? -1 : l > r ? 1 : 0
}

/**
 * Multiplies two ratios exactly.
 *
 * Throws a `RangeError` if the reduced product's numerator or denominator is not a safe integer: a
 * defect, since the multipliers in legal-aid rules are small fractions.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * Ratio.multiply(Ratio.makeUnsafe(2, 3), Ratio.makeUnsafe(3, 4)) // { numerator: 1, denominator: 2 }
 * ```
 * @category math
 */
export const multiply = (a: Ratio, b: Ratio): Ratio => {
  if (a.numerator === 0 || b.numerator === 0) return zero
  // Cross-reduce first so that intermediate products stay as small as possible.
  const g1 = gcd(a.numerator, b.denominator)
  const g2 = gcd(b.numerator, a.denominator)
  const numerator = (a.numerator / g1) * (b.numerator / g2)
  const denominator = (a.denominator / g2) * (b.denominator / g1)
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError("Ratio.multiply: the product does not fit in safe integers")
  }
  return reduced(numerator, denominator)
}

// The schemas below are marked pure so that a bundle using only the functions of this module
// (the browser entry of `fayuan/eligibility`) leaves the Schema runtime out.

/**
 * Schema of a well-formed {@link Ratio} value (see {@link isRatio}); the target of
 * {@link RatioFromDecimal}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Ratio } from "fayuan"
 * Schema.is(Ratio.Ratio)({ numerator: 1, denominator: 2 }) // true
 * ```
 * @category schemas
 */
export const Ratio = /* @__PURE__ */ Schema.declare(isRatio, { expected: "a reduced ratio of safe integers" })

/**
 * Schema that decodes a decimal string (as accepted by {@link fromDecimal}) into a {@link Ratio}
 * and encodes it back with {@link toDecimalString}. Encoding a ratio without a finite decimal
 * expansion (such as 1/3) fails.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Ratio } from "fayuan"
 * Schema.decodeUnknownSync(Ratio.RatioFromDecimal)("0.8") // { numerator: 4, denominator: 5 }
 * Schema.encodeSync(Ratio.RatioFromDecimal)(Ratio.makeUnsafe(3, 2)) // "1.5"
 * ```
 * @category schemas
 */
export const RatioFromDecimal = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.decodeTo(
    Ratio,
    /* @__PURE__ */ SchemaTransformation.transformEffect({
      decode: (input: string, options) => {
        const result = fromDecimal(input)
        return Result.isSuccess(result)
          ? Effect.succeed(result.success)
          : Effect.fail(new SchemaIssue.InvalidValue({ message: result.failure.message }, input, options))
      },
      encode: (ratio: Ratio, options) => {
        const text = toDecimalString(ratio)
        return text.includes("/")
          ? Effect.fail(new SchemaIssue.InvalidValue({ message: `${text} has no finite decimal expansion` }, ratio, options))
          : Effect.succeed(text)
      }
    })
  )
)
