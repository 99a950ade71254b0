/**
 * The browser entry's hand-written decoder (`decodeApplicationLight`, exported by
 * `fayuan/eligibility/browser` as `decodeApplication`) answers exactly as the Schema decoder does:
 * for well-formed applications, for mutations of them (a field dropped, replaced by junk or a near
 * miss, a key added) and for junk, both succeed with the same value or both fail with the same
 * issues — paths, reasons and order. The seed is the run's (printed; replay with FAYUAN_FC_SEED),
 * so each run tries new inputs; FAYUAN_FC_RUNS asks for a longer one.
 */
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Applicant, Application, decodeApplication, Household, Matter } from "../src/eligibility/Application.ts"
import { decodeApplicationLight, lightShapes } from "../src/eligibility/decodeApplicationLight.ts"
import { disabilities, procedures, sentences, statuses } from "../src/eligibility/vocabulary.ts"
import { claims, matterKinds, stages } from "../src/RuleSet.ts"
import { application } from "./support/applications.ts"

/** Runs per property: `base`, or FAYUAN_FC_RUNS when a longer run is asked for. */
const runs = (base: number): number => Number(process.env["FAYUAN_FC_RUNS"] ?? base)

/** Both decoders on one input: the same tag, the same value (key order too) or the same issues. */
const agree = (input: unknown, prefix = ""): void => {
  const full = decodeApplication(input, prefix)
  const light = decodeApplicationLight(input, prefix)
  if (Result.isSuccess(full)) {
    expect(Result.isSuccess(light), Result.isFailure(light) ? light.failure.message : "").toBe(true)
    if (Result.isFailure(light)) return
    expect(light.success).toStrictEqual(full.success)
    expect(JSON.stringify(light.success)).toBe(JSON.stringify(full.success))
  } else {
    expect(Result.isFailure(light), "the light decoder accepted what the schema rejects").toBe(true)
    if (Result.isSuccess(light)) return
    expect(light.failure._tag).toBe("InvalidApplication")
    expect(light.failure.issues.map((i) => i.path)).toEqual(full.failure.issues.map((i) => i.path))
    expect(light.failure.issues).toEqual(full.failure.issues)
    expect(light.failure.message).toBe(full.failure.message)
  }
}

const words = [...disabilities, ...statuses, ...sentences, ...procedures, ...claims, ...matterKinds, ...stages, "urban", "rural"]
const fieldNames = ["date", "region", "applicant", "matter", "birthDate", "disabilities", "statuses", "hasLawyer", "household", "members", "monthlyIncomeFen", "area", "kind", "stage", "possibleSentence", "inAbsentia", "procedure", "claims"]

const dates = fc.constantFrom("2024-02-30", "2024-13-01", "1899-12-31", "2200-01-01", "2024-1-01", "2024-05-10", "2003-08-31", "1950-01-01", "2030-01-01")
const regions = fc.constantFrom("530103", "5301", "53", "000000", "530100", "530000", "5300", "99", "110103", "500157", "53010", "0")
/** Numbers at and around the bounds, and the ones that are not integers. */
const numbers = fc.oneof(
  fc.constantFrom(0, -0, 1, 3, 1000, 1001, -1, 1.5, -1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 2 ** 60, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.integer({ min: -3, max: 1003 }),
  fc.double()
)
const lists = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(3, null, undefined)), { maxLength: 4 })

/** Values one keystroke or one type away from a right one, and plain junk. */
const nearMiss: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...words),
  dates,
  regions,
  numbers,
  fc.constantFrom(true, false, null, undefined, "", "true", [], {}),
  lists,
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 2 })
)

/** A field: usually of its own kind (right or a near miss), now and then anything; absent sometimes. */
const field = (own: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: nearMiss })
const word = fc.constantFrom(...words)

/** Forms shaped like an application, every field drawn near its kind. */
const shaped = fc.record(
  {
    date: field(dates),
    region: field(regions),
    applicant: field(
      fc.record(
        {
          birthDate: field(dates),
          disabilities: field(lists),
          statuses: field(lists),
          hasLawyer: field(fc.boolean()),
          household: field(fc.record({ members: field(numbers), monthlyIncomeFen: field(numbers), area: field(word) }, { requiredKeys: [] }))
        },
        { requiredKeys: [] }
      )
    ),
    matter: field(
      fc.record(
        { kind: field(word), stage: field(word), possibleSentence: field(word), inAbsentia: field(fc.boolean()), procedure: field(word), claims: field(lists) },
        { requiredKeys: [] }
      )
    )
  },
  { requiredKeys: [] }
)

type Path = ReadonlyArray<PropertyKey>

/** Every path into a JSON-ish value: the value itself, its keys and indices, recursively. */
const pathsOf = (value: unknown, path: Path = []): Array<Path> => {
  const out: Array<Path> = [path]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])))
  else if (typeof value === "object" && value !== null) for (const k of Object.keys(value)) out.push(...pathsOf((value as Record<string, unknown>)[k], [...path, k]))
  return out
}

/** A copy of `root` with the value at `path` given to `f`: its result replaces it, or `remove` drops it. */
const remove = Symbol("remove")
const update = (root: unknown, path: Path, f: (v: unknown) => unknown): unknown => {
  if (path.length === 0) return f(root)
  const [head, ...rest] = path
  if (Array.isArray(root)) {
    const copy = [...root]
    const next = update(copy[head as number], rest, f)
    if (next === remove) copy.splice(head as number, 1)
    else copy[head as number] = next
    return copy
  }
  const copy: Record<PropertyKey, unknown> = {}
  for (const k of Reflect.ownKeys(root as object)) Object.defineProperty(copy, k, { value: (root as Record<PropertyKey, unknown>)[k], enumerable: true, writable: true, configurable: true })
  const next = update(copy[head as string], rest, f)
  if (next === remove) delete copy[head as string]
  else copy[head as string] = next
  return copy
}

type Mutation =
  | { readonly op: "replace"; readonly at: number; readonly value: unknown }
  | { readonly op: "drop"; readonly at: number }
  | { readonly op: "add"; readonly at: number; readonly key: PropertyKey; readonly value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: nearMiss }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("drop" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("add" as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom<PropertyKey>(...fieldNames, "extra", "__proto__", "0", "toString"), fc.string({ maxLength: 6 }), fc.constant(Symbol("excess"))),
      value: nearMiss
    })
  }
)

const mutate = (app: unknown, m: Mutation): unknown => {
  const paths = pathsOf(app)
  const path = paths[m.at % paths.length]!
  switch (m.op) {
    case "replace":
      return update(app, path, () => m.value)
    case "drop":
      return path.length === 0 ? app : update(app, path, () => remove)
    case "add":
      return update(app, path, (v) => {
        if (typeof v !== "object" || v === null) return v
        if (Array.isArray(v)) return [...v, m.value]
        const copy = { ...(v as object) }
        Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
        return copy
      })
  }
}

const prefix = fc.constantFrom("", "application", "cases[2].application")

describe("decodeApplicationLight and decodeApplication", () => {
  it("agree on well-formed applications: the same value", () => {
    fc.assert(
      fc.property(application, prefix, (app, p) => agree(JSON.parse(JSON.stringify(app)), p)),
      { numRuns: runs(300) }
    )
  })

  it("agree on mutated applications: the same failures, paths and reasons, in order", () => {
    fc.assert(
      fc.property(application, fc.array(mutation, { minLength: 1, maxLength: 4 }), prefix, (app, ms, p) =>
        agree(ms.reduce<unknown>(mutate, JSON.parse(JSON.stringify(app))), p)
      ),
      { numRuns: runs(1500) }
    )
  })

  it("agree on forms shaped like an application, each field near its kind", () => {
    fc.assert(fc.property(shaped, prefix, (input, p) => agree(input, p)), { numRuns: runs(1500) })
  })

  it("agree on junk", () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
        prefix,
        (input, p) => agree(input, p)
      ),
      { numRuns: runs(500) }
    )
  })

  const good = {
    date: "2024-05-10",
    region: "530103",
    applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 100, area: "urban" } },
    matter: { kind: "civil", claims: ["labour-remuneration"] }
  }
  const inherited = Object.create({ date: "2024-05-10" }) as Record<string, unknown>
  Object.assign(inherited, { region: "530103", applicant: good.applicant, matter: good.matter })
  const hidden = { ...good }
  Object.defineProperty(hidden, "extra", { value: 1, enumerable: false })
  Object.defineProperty(hidden, Symbol("hidden"), { value: 2, enumerable: false })
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<unknown>]> = [
    ["a good application", [good]],
    ["what is not an object", [null, undefined, 5, "x", [], () => 1]],
    ["an empty object", [{}]],
    ["an excess key, a symbol key and bad fields", [{ ...good, extra: 1, [Symbol("s")]: 2, date: "2024-13-01", region: "5300" }]],
    ["a household of NaN members, an infinite income and an unknown area", [{ ...good, applicant: { ...good.applicant, household: { members: Number.NaN, monthlyIncomeFen: Infinity, area: "x" } } }]],
    ["members above 1000, an income below zero and fractional", [{ ...good, applicant: { ...good.applicant, household: { members: 1001, monthlyIncomeFen: -1.5, area: "rural" } } }]],
    ["undefined where a key is optional", [{ ...good, applicant: { ...good.applicant, birthDate: undefined, household: undefined } }]],
    ["a sparse list and a junk element", [{ ...good, applicant: { ...good.applicant, disabilities: [, "blind", 3] } }]],
    ["a padded and an abolished region", [{ ...good, region: "530100" }, { ...good, region: "110103" }]],
    ["inconsistent fields", [{ ...good, applicant: { ...good.applicant, birthDate: "2025-01-01" }, matter: { kind: "civil", stage: "trial", claims: ["maintenance", "maintenance"] } }]],
    ["a key on the prototype", [inherited]],
    ["keys that are not enumerable", [hidden]],
    ["an object without a prototype", [Object.assign(Object.create(null) as object, good)]]
  ]
  it.each(cases)("agree on %s", (_, inputs) => {
    for (const input of inputs) {
      agree(input)
      agree(input, "application")
    }
  })
})

describe("the light decoder's structs", () => {
  it("have the Schema's fields, in its order, each required or optional as the Schema has it (a field added to one and not the other fails here)", () => {
    const shape = (fields: Record<string, { readonly ast: { readonly context?: { readonly isOptional?: boolean } | undefined } }>) =>
      Object.entries(fields).map(([name, s]) => [name, s.ast.context?.isOptional === true] as const)
    expect(lightShapes.Application).toEqual(shape(Application.fields))
    expect(lightShapes.Applicant).toEqual(shape(Applicant.fields))
    expect(lightShapes.Household).toEqual(shape(Household.fields))
    expect(lightShapes.Matter).toEqual(shape(Matter.fields))
  })
})
