/**
 * Nothing a caller sends may throw across the public API: every decoder, parser and workflow call
 * is driven with arbitrary input (any JSON-ish value, near-misses of the real shapes, hostile
 * strings) and must answer with a value or a typed failure — never an exception, never a defect.
 * The workflow runs on the memory and SQLite adapters side by side, and both must answer alike.
 */
import { Cause, Effect, Exit, Result } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { layer as memoryLayer, makeMemoryStore } from "../adapters/memory/index.ts"
import { openPostgres } from "../adapters/postgres/index.ts"
import type { CaseStoreShape } from "../src/lifecycle/Store.ts"
import { caseLog } from "./contract/case-store.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { decodeAssignmentInput, decodeBatchInput } from "../src/assignment/index.ts"
import { workload } from "../src/assignment/workflow.ts"
import { decodeBudget, decodeEntries } from "../src/budget/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Citation from "../src/Citation.ts"
import { decodeApplication, decide } from "../src/eligibility/index.ts"
import { decodeJudgements, decodeRecords, decodeScheme, schemes } from "../src/evaluation/index.ts"
import * as Id from "../src/Id.ts"
import { decodeActor, decodeCommand, dueInScope, execute, executeMany, load, loadAll } from "../src/lifecycle/index.ts"
import { decodeParty } from "../src/lifecycle/Party.ts"
import * as Parameter from "../src/Parameter.ts"
import * as Region from "../src/Region.ts"
import * as ResidentId from "../src/ResidentId.ts"
import { decodeRosterInput } from "../src/roster/index.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"
import { decodeCatalogue, decodeClaim, decodeStandard, decodeWorkClaim } from "../src/subsidy/index.ts"
import { decodeVectorFile } from "../src/vectors/index.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"

/** Runs per property: `base`, or FAYUAN_FC_RUNS when a longer run is asked for. */
const runs = (base: number): number => Number(process.env["FAYUAN_FC_RUNS"] ?? base)

/** Strings that break naive code: control characters, lone surrogates, very long, SQL-ish. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud800", "'; drop table fayuan_case_events; --", "530103", "5301", "000000", "2024-02-30", "x".repeat(300)),
  fc.string({ minLength: 60, maxLength: 70 })
)

/** Anything a JSON body or a careless caller may hold. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, Number.NaN, Infinity, -0, 2 ** 60, [], {}, () => 1, Symbol("s")) }
)

/** Near-misses of a command: the right type with random or missing fields. */
const commandLike = fc.oneof(
  anyValue,
  fc.record({
    type: fc.constantFrom("apply", "notify", "decide", "assess", "assign", "recordOutcome", "requestMaterials", "grade", "bogus"),
    caseId: hostileString,
    region: hostileString,
    kind: fc.constantFrom("civil", "criminal-defence", "nope"),
    channel: fc.constantFrom("centre", "phone", 7),
    eligibility: anyValue,
    missing: fc.array(hostileString, { maxLength: 3 }),
    grade: anyValue,
    endedOn: hostileString,
    outcome: anyValue,
    lawyerId: hostileString,
    firmId: hostileString
  }, { requiredKeys: ["type"] })
)

const validActor = { id: "clerk", role: "intake", region: Region.makeUnsafe("530103") } as const
const contextLike = fc.oneof(
  anyValue,
  fc.record({
    at: fc.oneof(hostileString, fc.constant("2024-05-06T10:00:00+08:00")),
    calendar: fc.oneof(fc.constant(WorkCalendar.china), anyValue),
    book: fc.oneof(fc.constant(defaultRuleBook), anyValue),
    actor: fc.oneof(fc.constant(validActor), anyValue, fc.record({ id: hostileString, role: fc.constantFrom("intake", "reviewer", "bogus"), region: hostileString }))
  }, { requiredKeys: [] })
)

/** Runs `f`, failing the test if it throws; returns what it gave. */
const noThrow = <A>(what: string, f: () => A): A => {
  try {
    return f()
  } catch (error) {
    throw new Error(`${what} threw: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const isTypedFailure = (r: unknown): boolean =>
  Result.isResult(r) && (Result.isSuccess(r) || (typeof r.failure === "object" && r.failure !== null && typeof (r.failure as { _tag?: unknown })._tag === "string"))

describe("decoders and parsers never throw", () => {
  const decoders: ReadonlyArray<readonly [string, (input: unknown) => unknown]> = [
    ["decodeApplication", (i) => decodeApplication(i)],
    ["decodeCommand", decodeCommand],
    ["decodeActor", decodeActor],
    ["decodeParty", decodeParty],
    ["decodeRosterInput", decodeRosterInput],
    ["decodeAssignmentInput", decodeAssignmentInput],
    ["decodeBatchInput", decodeBatchInput],
    ["decodeClaim", decodeClaim],
    ["decodeWorkClaim", decodeWorkClaim],
    ["decodeStandard", decodeStandard],
    ["decodeCatalogue", decodeCatalogue],
    ["decodeBudget", decodeBudget],
    ["decodeEntries", decodeEntries],
    ["decodeRecords", decodeRecords],
    ["decodeScheme", decodeScheme],
    ["decodeJudgements", (i) => decodeJudgements(schemes.panlong2018, i)],
    ["decodeVectorFile", (i) => decodeVectorFile(i, "input.json")],
    ["Parameter.decodeOverrides", (i) => Parameter.decodeOverrides(defaultRuleBook.parameters, i)],
    ["Region.parse", Region.parse],
    ["CalendarDate.parse", CalendarDate.parse],
    ["ResidentId.parse", ResidentId.parse],
    ["Citation.parse", Citation.parse],
    ["Id.decode", Id.decode]
  ]

  it("answers any input with a value or a typed failure", () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        for (const [name, decode] of decoders) expect(isTypedFailure(noThrow(name, () => decode(input))), name).toBe(true)
      }),
      { numRuns: runs(300) }
    )
  })

  it("decide never throws on a decoded application", () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const app = decodeApplication(input)
        if (Result.isSuccess(app)) expect(isTypedFailure(noThrow("decide", () => decide(app.success)))).toBe(true)
      }),
      { numRuns: runs(200) }
    )
  })
})

describe("the workflow never throws and every adapter answers alike", () => {
  let sqlite: Opened
  let postgres: { readonly adapter: Opened; readonly drop: () => Promise<void> } | undefined
  beforeAll(async () => {
    sqlite = await openSqlite({ path: ":memory:" })
    if (pgUrl !== undefined) {
      const db = await freshDatabase("public_api")
      postgres = { adapter: await openPostgres({ connectionString: db.url }), drop: db.drop }
    }
  })
  afterAll(async () => {
    await sqlite?.close()
    await postgres?.adapter.close()
    await postgres?.drop()
  })
  /** The SQL adapters that run here: SQLite always, PostgreSQL when a server is configured (always in CI). */
  const sqlLayers = () => [["SQLite", sqlite.layer], ...(postgres === undefined ? [] : [["PostgreSQL", postgres.adapter.layer]])] as const

  /** The outcome of a program: the success, or the failure's tag; a defect or a throw fails the test. */
  const outcome = async <A, E, R>(what: string, program: () => Effect.Effect<A, E, R>, layer: unknown): Promise<string> => {
    const exit = await Effect.runPromiseExit(Effect.provide(noThrow(what, program), layer as never) as Effect.Effect<A, E, never>)
    if (Exit.isSuccess(exit)) return "success"
    const failure = Cause.findErrorOption(exit.cause)
    if (failure._tag === "None") throw new Error(`${what} died: ${Cause.pretty(exit.cause)}`)
    const tag = (failure.value as { _tag?: unknown })._tag
    expect(typeof tag, `${what} failed with an untagged value`).toBe("string")
    return tag as string
  }

  it("execute, executeMany, load, loadAll, dueInScope and workload answer arbitrary arguments with typed failures, alike on memory and SQLite", async () => {
    const memory = memoryLayer()
    await fc.assert(
      fc.asyncProperty(hostileString, commandLike, contextLike, anyValue, anyValue, async (caseId, command, ctx, options, scope) => {
        const calls: ReadonlyArray<readonly [string, () => Effect.Effect<unknown, unknown, never>]> = [
          ["execute", () => execute(caseId, command as never, ctx as never, options as never) as never],
          ["executeMany", () => executeMany([{ caseId, command: command as never, ctx: ctx as never }]) as never],
          ["executeMany(any)", () => executeMany(options as never) as never],
          ["load", () => load(scope as never, caseId) as never],
          ["loadAll", () => loadAll(scope as never) as never],
          ["dueInScope", () => dueInScope(scope as never, options as never) as never],
          ["workload", () => workload(scope as never, options as never) as never]
        ]
        for (const [what, call] of calls) {
          const a = await outcome(what, call, memory)
          for (const [name, layer] of sqlLayers()) expect(await outcome(what, call, layer), `${what} on ${name} vs memory`).toBe(a)
        }
      }),
      { numRuns: runs(150) }
    )
  })

  it("the CaseStore port itself takes the same ids and scopes on every adapter", async () => {
    const memory = makeMemoryStore()
    const stores = (): ReadonlyArray<readonly [string, CaseStoreShape]> => [["memory", memory], ["SQLite", sqlite.caseStore], ...(postgres === undefined ? [] : [["PostgreSQL", postgres.adapter.caseStore] as const])]
    const tagOf = async (program: Effect.Effect<unknown, { readonly _tag: string }>) => {
      const exit = await Effect.runPromiseExit(program)
      if (Exit.isSuccess(exit)) return "success"
      const failure = Cause.findErrorOption(exit.cause)
      if (failure._tag === "None") throw new Error(`died: ${Cause.pretty(exit.cause)}`)
      return failure.value._tag
    }
    let n = 0
    await fc.assert(
      fc.asyncProperty(hostileString, fc.oneof(fc.integer({ min: -2, max: 4 }), anyValue), anyValue, async (caseId, version, scope) => {
        // A fresh id per run keeps the stores comparable; the hostile one is tried as given.
        const id = `${caseId}${n++}`
        const events = caseLog("x").map((e) => ({ ...e, caseId: id }))
        for (const [what, call] of [
          ["append", (s: CaseStoreShape) => s.append([{ caseId: id, expectedVersion: version as number, events }])],
          ["append(any)", (s: CaseStoreShape) => s.append(scope as never)],
          ["load", (s: CaseStoreShape) => s.load(scope as never, id)],
          ["load(hostile id)", (s: CaseStoreShape) => s.load(Region.makeUnsafe("53"), caseId)],
          ["list", (s: CaseStoreShape) => s.list(scope as never)]
        ] as const) {
          const answers = await Promise.all(stores().map(async ([name, store]) => [name, await tagOf(noThrow(what, () => call(store)) as never)] as const))
          for (const [name, tag] of answers) expect(tag, `${what} on ${name} vs memory`).toBe(answers[0]![1])
        }
      }),
      { numRuns: runs(100) }
    )
  })
})
