/**
 * Eligibility test vectors: cases policy staff know the answer to, written as data and run against
 * the rules (`test vectors` in the spirit of OpenFisca's YAML tests). A file is
 * `{ "description": string, "vectors": Vector[] }`; each vector is an application plus optional
 * parameter overrides and the expected decision.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as Citation from "../Citation.ts"
import type { Application, Issue } from "../eligibility/Application.ts"
import { decodeApplication, issuesOf } from "../eligibility/Application.ts"
import { decide } from "../eligibility/decide.ts"
import type { Decision } from "../eligibility/Decision.ts"
import * as Parameter from "../Parameter.ts"
import type { RuleBook } from "../RuleBook.ts"
import { defaultRuleBook } from "../RuleBook.ts"

/**
 * What a vector expects. `basis` ids must each be among the decision's citations, the same id or
 * a more specific one; `missing` paths must each be reported missing.
 *
 * @category schemas
 */
export const Expectation = Schema.Struct({
  outcome: Schema.Literals(["mandatory", "eligible", "ineligible", "not-yet-eligible", "incomplete"]),
  meansTest: Schema.optionalKey(Schema.Literals(["not-required", "verification-exempt", "passed", "failed", "recognised", "not-recognised"])),
  basis: Schema.optionalKey(Schema.Array(Schema.String)),
  lawyerMinYears: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  missing: Schema.optionalKey(Schema.Array(Schema.String))
})

/** @category models */
export type Expectation = typeof Expectation.Type

/**
 * A decoded vector.
 *
 * @category models
 */
export interface Vector {
  readonly name: string
  readonly application: Application
  readonly parameters: Parameter.Overrides
  readonly expect: Expectation
}

/**
 * A decoded vector file.
 *
 * @category models
 */
export interface VectorFile {
  readonly file: string
  readonly description: string
  readonly vectors: ReadonlyArray<Vector>
}

/**
 * A vector file that is not well formed: the file and every bad field.
 *
 * @category errors
 */
export class InvalidVectorFile extends Data.TaggedError("InvalidVectorFile")<{
  readonly file: string
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return `${this.file}: not a valid vector file:\n${this.issues.map((i) => `  ${i.path || "(root)"}: ${i.reason}`).join("\n")}`
  }
}

const Shell = Schema.Struct({
  description: Schema.String,
  vectors: Schema.Array(Schema.Record(Schema.String, Schema.Unknown))
})
const decodeShell = Schema.decodeUnknownResult(Shell)
const decodeExpect = Schema.decodeUnknownResult(Expectation)
const options = { errors: "all", onExcessProperty: "error" } as const

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259), found by a small
 * scanner of its own: the engine's error message quotes the text, and not every message gives a
 * position. Only called once `JSON.parse` has failed.
 */
const firstJsonError = (text: string): number => {
  let i = 0
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail()
      i++
    }
  }
  const string = () => {
    i++ // the opening quote
    for (;;) {
      if (i >= text.length) fail()
      const c = text.charCodeAt(i)
      if (c === 34) return void i++
      if (c < 0x20) fail()
      if (c === 92) {
        i++
        const e = text[i]
        if (e === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) ((i += k), fail())
          i += 5
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++
        else fail()
      } else i++
    }
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (m === null) fail()
    i += m![0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === "{") {
      i++
      ws()
      if (text[i] === "}") return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail()
        string()
        ws()
        if (text[i] !== ":") fail()
        i++
        value()
        ws()
        if (text[i] === ",") i++
        else if (text[i] === "}") return void i++
        else fail()
      }
    }
    if (c === "[") {
      i++
      ws()
      if (text[i] === "]") return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ",") i++
        else if (text[i] === "]") return void i++
        else fail()
      }
    }
    if (c === '"') return string()
    if (c === "t") return literal("true")
    if (c === "f") return literal("false")
    if (c === "n") return literal("null")
    return number()
  }
  try {
    value()
    ws()
    return i < text.length ? i : text.length
  } catch (at) {
    return typeof at === "number" ? Math.min(at, text.length) : text.length
  }
}

/** `line L, column C` of an offset (1-based, columns in UTF-16 code units). */
const placeOf = (text: string, offset: number): string => {
  const before = text.slice(0, offset)
  return `line ${before.split("\n").length}, column ${offset - before.lastIndexOf("\n")}`
}

/**
 * Parses and decodes the text of a vector file: a text that is not JSON is reported with the
 * line and column where it stops being JSON, never with its content.
 *
 * @example
 * ```ts
 * import { parseVectorFile } from "fayuan/vectors"
 * parseVectorFile('{ "description": "x", "vectors": [ }', "x.json")
 * // Result.fail(InvalidVectorFile: x.json: (root): not valid JSON at line 1, column 37)
 * ```
 *
 * @category decoding
 */
export const parseVectorFile = (text: string, file: string): Result.Result<VectorFile, InvalidVectorFile> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    void error // its message quotes the text
    return Result.fail(new InvalidVectorFile({ file, issues: [{ path: "", reason: `not valid JSON at ${placeOf(text, firstJsonError(text))}` }] }))
  }
  return decodeVectorFile(json, file)
}

/**
 * Decodes a parsed vector file. Every problem in the file is reported at once, each with its path
 * (`vectors[2].expect.outcome`).
 *
 * @example
 * import { decodeVectorFile } from "fayuan/vectors"
 * decodeVectorFile({ description: "empty", vectors: [] }, "empty.json")
 *
 * @category decoding
 */
export const decodeVectorFile = (
  input: unknown,
  file: string,
  book: RuleBook = defaultRuleBook
): Result.Result<VectorFile, InvalidVectorFile> => {
  const shell = decodeShell(input, options)
  if (Result.isFailure(shell)) return Result.fail(new InvalidVectorFile({ file, issues: issuesOf(shell.failure) }))
  const issues: Array<Issue> = []
  const vectors: Array<Vector> = []
  shell.success.vectors.forEach((raw, i) => {
    const at = `vectors[${i}]`
    const { name, parameters, expect, ...application } = raw
    if (typeof name !== "string" || name === "") issues.push({ path: `${at}.name`, reason: "expected a non-empty string" })
    const overrides = Parameter.decodeOverrides(book.parameters, parameters, `${at}.parameters`)
    if (Result.isFailure(overrides)) issues.push(...overrides.failure.issues)
    const expectation = decodeExpect(expect, options)
    if (Result.isFailure(expectation)) issues.push(...issuesOf(expectation.failure, `${at}.expect`))
    else {
      expectation.success.basis?.forEach((id, j) => {
        if (Result.isFailure(Citation.parse(id))) {
          issues.push({ path: `${at}.expect.basis[${j}]`, reason: "not a citation id (<SOURCE>-<article>[-<paragraph>[-<item>]])" })
        }
      })
    }
    const app = decodeApplication(application, at)
    if (Result.isFailure(app)) issues.push(...app.failure.issues)
    if (
      issues.length === 0 &&
      typeof name === "string" &&
      Result.isSuccess(overrides) &&
      Result.isSuccess(expectation) &&
      Result.isSuccess(app)
    ) {
      vectors.push({ name, application: app.success, parameters: overrides.success, expect: expectation.success })
    }
  })
  if (issues.length > 0) return Result.fail(new InvalidVectorFile({ file, issues }))
  return Result.succeed({ file, description: shell.success.description, vectors })
}

/**
 * One way a decision differs from what the vector expects.
 *
 * @category models
 */
export interface Difference {
  readonly field: "outcome" | "meansTest" | "basis" | "lawyerMinYears" | "missing" | "error"
  readonly expected: string
  readonly actual: string
}

/**
 * The result of running one vector.
 *
 * @category models
 */
export interface VectorResult {
  readonly file: string
  readonly name: string
  readonly passed: boolean
  readonly differences: ReadonlyArray<Difference>
  readonly decision?: Decision
}

const show = (x: unknown): string => (x === undefined ? "(none)" : JSON.stringify(x))

/**
 * Compares a decision with an expectation; an empty list means it passes.
 *
 * @category running
 */
export const compare = (expect: Expectation, decision: Decision): ReadonlyArray<Difference> => {
  const out: Array<Difference> = []
  if (decision.outcome !== expect.outcome) {
    out.push({ field: "outcome", expected: show(expect.outcome), actual: show(decision.outcome) })
  }
  if (expect.meansTest !== undefined && decision.meansTest.status !== expect.meansTest) {
    out.push({ field: "meansTest", expected: show(expect.meansTest), actual: show(decision.meansTest.status) })
  }
  for (const id of expect.basis ?? []) {
    if (!decision.citations.some((c) => Citation.covers(id, c))) {
      out.push({ field: "basis", expected: `${show(id)} among the citations`, actual: show(decision.citations) })
    }
  }
  if (expect.lawyerMinYears !== undefined && (decision.requirements.lawyerMinYears ?? 0) < expect.lawyerMinYears) {
    out.push({
      field: "lawyerMinYears",
      expected: `at least ${expect.lawyerMinYears}`,
      actual: show(decision.requirements.lawyerMinYears)
    })
  }
  for (const path of expect.missing ?? []) {
    if (!decision.missing.some((m) => m.path === path)) {
      out.push({ field: "missing", expected: `${show(path)} reported missing`, actual: show(decision.missing.map((m) => m.path)) })
    }
  }
  return out
}

/**
 * Runs one vector against the book.
 *
 * @category running
 */
export const runVector = (vector: Vector, file: string, book: RuleBook = defaultRuleBook): VectorResult => {
  const d = decide(vector.application, { book, parameters: vector.parameters })
  if (Result.isFailure(d)) {
    return {
      file,
      name: vector.name,
      passed: false,
      differences: [{ field: "error", expected: "a decision", actual: d.failure.message }]
    }
  }
  const differences = compare(vector.expect, d.success)
  return { file, name: vector.name, passed: differences.length === 0, differences, decision: d.success }
}

/**
 * Runs every vector of a decoded file.
 *
 * @category running
 */
export const runFile = (file: VectorFile, book: RuleBook = defaultRuleBook): ReadonlyArray<VectorResult> =>
  file.vectors.map((v) => runVector(v, file.file, book))

/**
 * Renders results for a terminal: each failure with its differences, then `N passed, M failed`.
 *
 * @category formatting
 */
export const formatResults = (results: ReadonlyArray<VectorResult>, invalidFiles: ReadonlyArray<InvalidVectorFile> = []): string => {
  const lines: Array<string> = []
  for (const e of invalidFiles) lines.push(`✗ ${e.message}`)
  for (const r of results) {
    if (r.passed) continue
    lines.push(`✗ ${r.file} › ${r.name}`)
    for (const d of r.differences) lines.push(`    ${d.field}: expected ${d.expected}, got ${d.actual}`)
  }
  const passed = results.filter((r) => r.passed).length
  lines.push(`${passed} passed, ${results.length - passed} failed`)
  return lines.join("\n")
}
