/**
 * PRC resident identity numbers (公民身份号码, GB 11643-1999): 6 digits of region, 8 of birth
 * date, 3 of sequence (odd for men, even for women) and a check digit.
 *
 * An ID number is personal information (PIPL): a {@link ResidentId} keeps the number in a private
 * field and shows only its masked form to `String`, `JSON.stringify`, `util.inspect` and
 * `console.log`; only {@link ResidentId.reveal} returns it. Errors never contain any part of the
 * input.
 */
import { Data, Effect, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"
import type { CalendarDate } from "./CalendarDate.ts"
import * as Calendar from "./CalendarDate.ts"
import * as Region from "./Region.ts"

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const checkCharacters = "10X98765432"

/**
 * Masks an ID-number-shaped string for display: the first 6 and last 4 characters around 8
 * asterisks (`530103********123X`). A string of any other length is masked entirely, so that
 * nothing of a malformed number is shown either.
 *
 * @example
 * ```ts
 * import { ResidentId } from "fayuan"
 * ResidentId.mask("53010319900101123X") // "530103********123X"
 * ```
 * @category formatting
 */
export const mask = (raw: string): string =>
  raw.length === 18 ? `${raw.slice(0, 6)}********${raw.slice(14)}` : "*".repeat(raw.length)

/** Only this module can construct a {@link ResidentId}. */
const constructorKey: unique symbol = Symbol("fayuan/ResidentId")

/**
 * A valid resident identity number. Construct it with {@link parse} or decode it with
 * {@link ResidentIdFromString}.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ResidentId } from "fayuan"
 * const id = Result.getOrThrow(ResidentId.parse("11010519491231002X"))
 * String(id) // "110105********002X"
 * id.sex // "female"
 * ```
 * @category models
 */
export class ResidentId {
  readonly #raw: string

  /** @internal Use {@link parse}. */
  constructor(key: typeof constructorKey, raw: string) {
    if (key !== constructorKey) throw new TypeError("ResidentId: use ResidentId.parse")
    this.#raw = raw
  }

  /** The full number, uppercase `X` included. Handle it as personal information. */
  reveal(): string {
    return this.#raw
  }

  /** The number for display: `530103********123X`. */
  get masked(): string {
    return mask(this.#raw)
  }

  /** The date of birth, from digits 7–14. */
  get birthDate(): CalendarDate {
    const r = this.#raw
    return `${r.slice(6, 10)}-${r.slice(10, 12)}-${r.slice(12, 14)}` as CalendarDate
  }

  /**
   * The division where the number was first issued (digits 1–6), normalised; `undefined` when the
   * code is not in the catalogue (issued under a division abolished before its first list).
   */
  get regionCode(): Region.RegionCode | undefined {
    const r = Region.parse(this.#raw.slice(0, 6))
    return Result.isSuccess(r) ? r.success : undefined
  }

  /** `"male"` when the 17th digit is odd, `"female"` when it is even. */
  get sex(): "male" | "female" {
    return (this.#raw.charCodeAt(16) - 48) % 2 === 1 ? "male" : "female"
  }

  /** Whether both hold the same number. */
  equals(that: ResidentId): boolean {
    return this.#raw === that.#raw
  }

  /** The masked form. */
  toString(): string {
    return this.masked
  }

  /** The masked form, so that serialising a record never writes the number. */
  toJSON(): string {
    return this.masked
  }

  /** The masked form, for `util.inspect` and `console.log`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.masked
  }
}

/**
 * Whether `u` is a {@link ResidentId}.
 *
 * @example
 * ```ts
 * import { ResidentId } from "fayuan"
 * ResidentId.isResidentId("11010519491231002X") // false: a string, not a parsed number
 * ```
 * @category guards
 */
export const isResidentId = (u: unknown): u is ResidentId => u instanceof ResidentId

type Reason = "type" | "length" | "characters" | "region" | "birth-date" | "check-digit"

const reasonText: Record<Reason, string> = {
  type: "expected a string",
  length: "must be 18 characters",
  characters: "must be 17 digits followed by a digit or X",
  region: "the first six digits are not a division code under a province of the GB/T 2260 catalogue",
  "birth-date": "digits 7 to 14 are not a date of birth from 1900 to 2099 (nor after the date it is read on)",
  "check-digit": "check digit does not match"
}

/**
 * Why a string is not a valid resident identity number. It deliberately holds no part of the
 * input.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ResidentId } from "fayuan"
 * const r = ResidentId.parse("110105194912310021")
 * if (Result.isFailure(r)) r.failure.message // "resident ID number: check digit does not match"
 * ```
 * @category errors
 */
export class InvalidResidentId extends Data.TaggedError("InvalidResidentId")<{
  readonly reason: Reason
}> {
  override get message(): string {
    return `resident ID number: ${reasonText[this.reason]}`
  }
}

/** The reason `input` is invalid, or `undefined`. Checks in the order of {@link Reason}. */
const validate = (input: string, asOf: string | undefined): Reason | undefined => {
  if (input.length !== 18) return "length"
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const digit = input.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return "characters"
    sum += digit * weights[i]!
  }
  const last = input.charCodeAt(17)
  const isDigit = last >= 48 && last <= 57
  if (!isDigit && last !== 88 && last !== 120) return "characters"
  // The province must be one of the catalogue's; the county part is not checked against it, as
  // numbers issued under codes abolished before the catalogue's first list stay valid for life.
  const prefix = Region.parse(input.slice(0, 6))
  if (Result.isFailure(prefix) && prefix.failure.reason !== "unknown") return "region"
  if (Result.isFailure(Region.parse(input.slice(0, 2)))) return "region"
  const birth = `${input.slice(6, 10)}-${input.slice(10, 12)}-${input.slice(12, 14)}`
  if (Result.isFailure(Calendar.parse(birth)) || birth > (asOf ?? "2099-12-31")) return "birth-date"
  const expected = checkCharacters.charCodeAt(sum % 11)
  return (last === 120 ? 88 : last) === expected ? undefined : "check-digit"
}

/**
 * Reads and validates an 18-character resident identity number: length, characters, region
 * prefix (a province of the GB/T 2260 catalogue), date of birth (1900–2099, and not after
 * `options.asOf` when given), and the GB 11643 check digit. A lowercase `x` is accepted and stored
 * as `X`.
 *
 * @example
 * ```ts
 * import { ResidentId } from "fayuan"
 * ResidentId.parse("11010519491231002x") // Result.succeed(ResidentId), shown as 110105********002X
 * ResidentId.parse("1101051949123100") // Result.fail(InvalidResidentId { reason: "length" })
 * ```
 * @category parsing
 */
export const parse = (input: unknown, options?: { readonly asOf?: CalendarDate }): Result.Result<ResidentId, InvalidResidentId> => {
  if (typeof input !== "string") return Result.fail(new InvalidResidentId({ reason: "type" }))
  const reason = validate(input, options?.asOf)
  if (reason !== undefined) return Result.fail(new InvalidResidentId({ reason }))
  const raw = input.charCodeAt(17) === 120 ? `${input.slice(0, 17)}X` : input
  return Result.succeed(new ResidentId(constructorKey, raw))
}

/**
 * Schema of a {@link ResidentId} value; the target of {@link ResidentIdFromString}.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ResidentId } from "fayuan"
 * Schema.is(ResidentId.ResidentIdSchema)("11010519491231002X") // false
 * ```
 * @category schemas
 */
export const ResidentIdSchema = Schema.declare(isResidentId, { expected: "a ResidentId" })

/**
 * Schema that decodes a string into a {@link ResidentId} and encodes it back to the full number
 * (for storage). A decoding failure names the reason but not the input. Do not decode personal
 * data with effect's `reportInput: true` option: it makes effect attach the raw input to the
 * issues it builds around every transformation and struct, this one included.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ResidentId } from "fayuan"
 * const id = Schema.decodeUnknownSync(ResidentId.ResidentIdFromString)("11010519491231002X")
 * Schema.encodeSync(ResidentId.ResidentIdFromString)(id) // "11010519491231002X"
 * ```
 * @category schemas
 */
export const ResidentIdFromString = Schema.String.pipe(
  Schema.decodeTo(
    ResidentIdSchema,
    SchemaTransformation.transformEffect({
      decode: (input: string) => {
        const result = parse(input)
        // The input is deliberately not attached to the issue.
        return Result.isSuccess(result)
          ? Effect.succeed(result.success)
          : Effect.fail(new SchemaIssue.InvalidValue({ message: result.failure.message }))
      },
      encode: (id: ResidentId) => Effect.succeed(id.reveal())
    })
  )
)
