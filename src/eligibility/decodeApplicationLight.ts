/**
 * The application decoder without the Schema runtime, for pages that run the pre-check in the
 * browser (`fayuan/eligibility/browser`). It follows the `Application` schema field by field and
 * reports what `decodeApplication` reports — the same decoded value, the same issues with the
 * same paths and reasons, in the same order — so a page and a server agree on every form.
 * `test/eligibility.light.property.test.ts` holds it to that.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import { claims, matterKinds, stages } from "../RuleSet.ts"
import type { Application } from "./Application.ts"
import { consistency } from "./consistency.ts"
import { formatPath, InvalidApplication } from "./InvalidApplication.ts"
import { disabilities, procedures, sentences, statuses } from "./vocabulary.ts"

/** One problem, its path still as keys (rendered by `formatPath`, as `issuesOf` renders Schema's). */
interface Problem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly reason: string
}

/** What a field decoder returns for a value it rejects (its problems are already recorded). */
const invalid: unique symbol = Symbol("invalid")
type Invalid = typeof invalid

/** Decodes one value at `path`, recording every problem it finds. */
type Decoder<A> = (input: unknown, path: ReadonlyArray<PropertyKey>, problems: Array<Problem>) => A | Invalid

const string =
  <A extends string>(whyInvalid: (s: string) => string | undefined): Decoder<A> =>
  (input, path, problems) => {
    if (typeof input !== "string") {
      problems.push({ path, reason: "Expected string" })
      return invalid
    }
    const reason = whyInvalid(input)
    if (reason === undefined) return input as A
    problems.push({ path, reason })
    return invalid
  }

/** `Schema.Int` with bounds: every failed check is reported (errors: "all"), NaN failing `≥` only. */
const integer =
  (min: number, max?: number): Decoder<number> =>
  (input, path, problems) => {
    if (typeof input !== "number") {
      problems.push({ path, reason: "Expected number" })
      return invalid
    }
    const before = problems.length
    if (!Number.isSafeInteger(input)) problems.push({ path, reason: "Expected an integer" })
    if (!(input >= min)) problems.push({ path, reason: `Expected a value greater than or equal to ${min}` })
    if (max !== undefined && input > max) problems.push({ path, reason: `Expected a value less than or equal to ${max}` })
    return problems.length === before ? input : invalid
  }

const boolean: Decoder<boolean> = (input, path, problems) => {
  if (typeof input === "boolean") return input
  problems.push({ path, reason: "Expected boolean" })
  return invalid
}

const literals = <const L extends ReadonlyArray<string>>(values: L): Decoder<L[number]> => {
  const allowed: ReadonlySet<unknown> = new Set(values)
  const reason = `Expected ${values.map((v) => JSON.stringify(v)).join(" | ")}`
  return (input, path, problems) => {
    if (allowed.has(input)) return input as L[number]
    problems.push({ path, reason })
    return invalid
  }
}

const array =
  <A>(item: Decoder<A>): Decoder<ReadonlyArray<A>> =>
  (input, path, problems) => {
    if (!Array.isArray(input)) {
      problems.push({ path, reason: "Expected array" })
      return invalid
    }
    const out: Array<A> = []
    let ok = true
    for (let i = 0; i < input.length; i++) {
      const value = item(input[i], [...path, i], problems)
      if (value === invalid) ok = false
      else out.push(value)
    }
    return ok ? out : invalid
  }

/** A field of a struct: its decoder, and whether the key may be absent (`Schema.optionalKey`). */
interface Field<A> {
  readonly decode: Decoder<A>
  readonly optional: boolean
}

const required = <A>(decode: Decoder<A>): Field<A> => ({ decode, optional: false })
const optionalKey = <A>(decode: Decoder<A>): Field<A> => ({ decode, optional: true })

type Decoded<F extends Record<string, Field<unknown>>> = {
  readonly [K in keyof F as F[K]["optional"] extends true ? never : K]: F[K] extends Field<infer A> ? A : never
} & {
  readonly [K in keyof F as F[K]["optional"] extends true ? K : never]?: F[K] extends Field<infer A> ? A : never
}

/**
 * `Schema.Struct` under `{ errors: "all", onExcessProperty: "error" }`: a non-array object; first
 * every own enumerable key it does not declare (string keys, then symbols), then the declared
 * fields in order, a key counting as present when `key in input` (inherited ones too), an
 * `undefined` value being a value like any other.
 */
const struct = <F extends Record<string, Field<unknown>>>(fields: F): Decoder<Decoded<F>> => {
  const names = Object.keys(fields)
  const declared: ReadonlySet<PropertyKey> = new Set(names)
  return (input, path, problems) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      problems.push({ path, reason: "Expected object" })
      return invalid
    }
    const record = input as Record<PropertyKey, unknown>
    let ok = true
    const keys: Array<PropertyKey> = Object.keys(record)
    for (const symbol of Object.getOwnPropertySymbols(record)) {
      if (Object.prototype.propertyIsEnumerable.call(record, symbol)) keys.push(symbol)
    }
    for (const key of keys) {
      if (declared.has(key)) continue
      problems.push({ path: [...path, key], reason: "Expected no excess property" })
      ok = false
    }
    const out: Record<string, unknown> = {}
    for (const name of names) {
      const field = fields[name]!
      if (!(name in record)) {
        if (!field.optional) {
          problems.push({ path: [...path, name], reason: "Missing key" })
          ok = false
        }
        continue
      }
      const value = field.decode(record[name], [...path, name], problems)
      if (value === invalid) ok = false
      else out[name] = value
    }
    return ok ? (out as Decoded<F>) : invalid
  }
}

/** Each struct's fields and whether each is optional, in order (for the test that holds them to the Schema's). */
export const shapeOf = (fields: Record<string, Field<unknown>>): ReadonlyArray<readonly [string, boolean]> =>
  Object.entries(fields).map(([name, field]) => [name, field.optional] as const)

// The Application schema, field by field (see Application.ts).
const householdFields = {
  members: required(integer(1, 1000)),
  monthlyIncomeFen: required(integer(0)),
  area: required(literals(["urban", "rural"]))
}
const household = struct(householdFields)

const applicantFields = {
  birthDate: optionalKey(string<CalendarDate.CalendarDate>(CalendarDate.whyInvalid)),
  disabilities: required(array(literals(disabilities))),
  statuses: required(array(literals(statuses))),
  hasLawyer: required(boolean),
  household: optionalKey(household)
}
const applicant = struct(applicantFields)

const matterFields = {
  kind: required(literals(matterKinds)),
  stage: optionalKey(literals(stages)),
  possibleSentence: optionalKey(literals(sentences)),
  inAbsentia: optionalKey(boolean),
  procedure: optionalKey(literals(procedures)),
  claims: required(array(literals(claims)))
}
const matter = struct(matterFields)

const applicationFields = {
  date: required(string<CalendarDate.CalendarDate>(CalendarDate.whyInvalid)),
  region: required(string<Region.RegionCode>(Region.whyInvalid)),
  applicant: required(applicant),
  matter: required(matter)
}
const application: Decoder<Application> = struct(applicationFields)

/** The light decoder's structs, for the test that holds them to the Schema's field by field. */
export const lightShapes = {
  Application: shapeOf(applicationFields),
  Applicant: shapeOf(applicantFields),
  Household: shapeOf(householdFields),
  Matter: shapeOf(matterFields)
} as const

/**
 * Decodes an application from unknown input (a form, parsed JSON) without the Schema runtime: what
 * `decodeApplication` of `fayuan/eligibility` does, with the same result for every input — the
 * application, or an `InvalidApplication` listing every bad field with its path and the reason,
 * unknown keys included. Never throws. `fayuan/eligibility/browser` exports it as `decodeApplication`.
 *
 * @example
 * import { decodeApplicationLight } from "fayuan/eligibility"
 * const r = decodeApplicationLight({ date: "2024-13-01" })
 * // Result.fail(InvalidApplication { issues: [{ path: "date", ... }, { path: "region", reason: "Missing key" }, ...] })
 *
 * @category decoding
 */
export const decodeApplicationLight = (input: unknown, prefix = ""): Result.Result<Application, InvalidApplication> => {
  const problems: Array<Problem> = []
  const decoded = application(input, [], problems)
  if (decoded === invalid) {
    return Result.fail(new InvalidApplication({ issues: problems.map((p) => ({ path: formatPath(p.path, prefix), reason: p.reason })) }))
  }
  const issues = consistency(decoded, prefix)
  return issues.length > 0 ? Result.fail(new InvalidApplication({ issues })) : Result.succeed(decoded)
}
