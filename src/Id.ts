/**
 * Identifiers: one rule for every id a host supplies — a case, a lawyer, a firm, a roster, a
 * budget, an actor, a record. An id is 1 to 64 characters, none of them a control character (NUL
 * included), without leading or trailing white space, so every storage adapter accepts exactly the
 * same ids (SQLite, PostgreSQL and MySQL alike) and an id that decodes in one command decodes in
 * every other.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Id } from "fayuan"
 * Result.isSuccess(Id.decode("2024-民援-0001")) // true
 * Id.problem("x".repeat(65)) // "at most 64 characters"
 * ```
 *
 * @since 0.4.0
 */
import { Data, Result, Schema } from "effect"

/** The longest id, in UTF-16 code units. */
export const maxLength = 64

/**
 * Why `s` is not a valid id, or `undefined` when it is.
 *
 * @category validation
 */
export const problem = (s: string): string | undefined => {
  if (s.length === 0) return "must not be empty"
  if (s.length > maxLength) return `at most ${maxLength} characters`
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return "must not contain control characters"
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate must be half of a pair: a lone one cannot be stored as UTF-8.
      const pair = c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff
      if (!pair) return "must be well-formed Unicode"
      i++
    }
  }
  if (s.trim() !== s) return "must not start or end with white space"
  return undefined
}

/**
 * The schema of an id: a string that {@link problem} accepts.
 *
 * @category schemas
 */
export const Id = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => {
    const p = problem(s)
    return p === undefined ? undefined : `invalid id: ${p}`
  }, { expected: `an id of 1 to ${maxLength} characters without control characters` }))
)

/**
 * Input that is not an id, and why (never the input itself).
 *
 * @category errors
 */
export class InvalidId extends Data.TaggedError("InvalidId")<{ readonly reason: string }> {
  override get message(): string {
    return `invalid id: ${this.reason}`
  }
}

/**
 * Decodes an id from unknown input: the reason when it is not one (never throws).
 *
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<string, InvalidId> => {
  if (typeof input !== "string") return Result.fail(new InvalidId({ reason: "expected a string" }))
  const p = problem(input)
  return p === undefined ? Result.succeed(input) : Result.fail(new InvalidId({ reason: p }))
}
