/**
 * The in-memory `RecordStore` and `EvaluationSource`: the reference model the SQL adapters must
 * match. Records are kept as the canonical JSON a database would hold and decoded on every read;
 * the evaluation source folds the cases of the memory case store and counts in JavaScript.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Result } from "effect"
import type { EvaluationRecord, RecordOf, RecordType } from "../../src/evaluation/Records.ts"
import { decodeRecord, inPeriod, recordTypes } from "../../src/evaluation/Records.ts"
import type { PutOutcome, RecordStoreShape } from "../../src/evaluation/RecordStore.ts"
import { checkBatch, compareRecords, RecordConflict, RecordStore } from "../../src/evaluation/RecordStore.ts"
import type { CaseFacts, ClockFacts } from "../../src/evaluation/CaseFacts.ts"
import type { EvaluationInput } from "../../src/evaluation/tally.ts"
import type { EvaluationSourceShape } from "../../src/evaluation/Source.ts"
import { caseDates, caseFacts, clockFacts } from "../../src/evaluation/CaseFacts.ts"
import { casesByMonthOf, clockSummaryOf } from "../../src/evaluation/charts.ts"
import { EvaluationSource } from "../../src/evaluation/Source.ts"
import { measuresOf } from "../../src/evaluation/measures.ts"
import { tally } from "../../src/evaluation/tally.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import type { CaseStoreShape } from "../../src/lifecycle/Store.ts"
import { CaseStore, CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import * as Region from "../../src/Region.ts"
import type { RosterStoreShape } from "../../src/roster/Store.ts"
import { RosterStore } from "../../src/roster/Store.ts"

/**
 * A memory record store, with a way for tests to corrupt a stored record.
 *
 * @category models
 */
export interface MemoryRecordStore extends RecordStoreShape {
  /** Replaces the stored JSON of a record (tests only). */
  readonly tamper: (type: RecordType, id: string, json: string) => void
}

/**
 * A new, empty in-memory record store.
 *
 * @example
 * import { makeMemoryRecordStore } from "fayuan/adapters/memory"
 * const records = makeMemoryRecordStore()
 *
 * @category constructors
 */
export const makeMemoryRecordStore = (): MemoryRecordStore => {
  const rows = new Map<string, { readonly region: string; readonly type: RecordType; readonly id: string; json: string }>()

  const put: RecordStoreShape["put"] = (records, options = {}) =>
    checkBatch(records).pipe(
      Effect.flatMap((batch): Effect.Effect<PutOutcome, RecordConflict> => {
        // Check everything first, then write: all or nothing.
        let inserted = 0
        let unchanged = 0
        let replaced = 0
        for (const b of batch) {
          const before = rows.get(b.key)
          if (before === undefined) inserted++
          else if (before.json === b.json) unchanged++
          else if (options.replace === true) replaced++
          else return Effect.fail(new RecordConflict({ region: b.record.region, type: b.record.type, id: b.record.id }))
        }
        for (const b of batch) rows.set(b.key, { region: b.record.region, type: b.record.type, id: b.record.id, json: b.json })
        return Effect.succeed({ inserted, unchanged, replaced })
      })
    )

  const list = <T extends RecordType>(scope: Region.RegionCode, type: T, period?: Parameters<RecordStoreShape["list"]>[2]) =>
    Effect.suspend((): Effect.Effect<ReadonlyArray<RecordOf<T>>, CorruptRecord> => {
      const out: Array<EvaluationRecord> = []
      for (const row of rows.values()) {
        if (row.type !== type || !Region.contains(scope, row.region as Region.RegionCode)) continue
        let parsed: unknown
        try {
          parsed = JSON.parse(row.json)
        } catch {
          parsed = undefined
        }
        const r = decodeRecord(parsed)
        if (Result.isFailure(r) || r.success.type !== type || r.success.id !== row.id || r.success.region !== row.region) {
          return Effect.fail(new CorruptRecord({ store: "records", key: `${row.region}/${type}/${row.id}`, reason: "the stored record does not decode" }))
        }
        if (period === undefined || inPeriod(r.success, period)) out.push(r.success)
      }
      return Effect.succeed(out.sort(compareRecords) as unknown as ReadonlyArray<RecordOf<T>>)
    })

  const tamper = (type: RecordType, id: string, json: string): void => {
    for (const row of rows.values()) if (row.type === type && row.id === id) row.json = json
  }

  return { put, list, tamper }
}

/**
 * The stores the memory evaluation source reads.
 *
 * @category models
 */
export interface MemoryEvaluationStores {
  readonly cases: CaseStoreShape
  readonly rosters: RosterStoreShape
  readonly records: RecordStoreShape
}

/**
 * An `EvaluationSource` over memory stores: every case in the scope is loaded and folded, and the
 * measures are counted in JavaScript (the model the SQL aggregates must match).
 *
 * @example
 * import { makeMemoryEvaluationSource, makeMemoryRecordStore, makeMemoryRosterStore, makeMemoryStore } from "fayuan/adapters/memory"
 * const source = makeMemoryEvaluationSource({ cases: makeMemoryStore(), rosters: makeMemoryRosterStore(), records: makeMemoryRecordStore() })
 *
 * @category constructors
 */
export const makeMemoryEvaluationSource = (stores: MemoryEvaluationStores): EvaluationSourceShape => {
  const failure = (operation: string) => (e: { readonly message: string }) => new StoreError({ store: "cases", operation, reason: e.message })

  const loadCases = (scope: Region.RegionCode, operation: string) =>
    Effect.gen(function* () {
      const heads = yield* stores.cases.list(scope)
      const cases: Array<CaseFacts> = []
      const clocks: Array<ClockFacts> = []
      for (const head of heads) {
        const events = yield* stores.cases.load(head.region, head.caseId)
        const c = replay(events)
        if (c === undefined) continue
        cases.push(caseFacts(c, caseDates(events)))
        clocks.push(...clockFacts(c))
      }
      return { cases, clocks }
    }).pipe(Effect.mapError(failure(operation)))

  const input = (scope: Region.RegionCode, period: Parameters<EvaluationSourceShape["measure"]>[1]) =>
    Effect.gen(function* () {
      const { cases, clocks } = yield* loadCases(scope, "measure")
      const records: Array<EvaluationRecord> = []
      // A record that no longer decodes fails the evaluation as the CorruptRecord naming it.
      for (const type of recordTypes) records.push(...(yield* stores.records.list(scope, type)))
      const shifts = yield* stores.rosters.listWorked(scope, period)
      return { cases, clocks, records, shifts } satisfies EvaluationInput
    })

  const tallies: EvaluationSourceShape["tallies"] = (scope, period) => Effect.map(input(scope, period), (i) => tally(i, scope, period))
  return {
    tallies,
    measure: (scope, period) => Effect.map(tallies(scope, period), (t) => measuresOf(t, scope, period)),
    casesByMonth: (scope, year) => Effect.map(loadCases(scope, "cases by month"), ({ cases }) => casesByMonthOf(cases, scope, year)),
    clockSummary: (scope, period) => Effect.map(loadCases(scope, "clock summary"), ({ clocks }) => clockSummaryOf(clocks, scope, period))
  }
}


/**
 * A layer providing a fresh in-memory `RecordStore` and an `EvaluationSource` over it and the
 * `CaseStore` and `RosterStore` it is given (e.g. `Layer.provideMerge(recordsLayer(), caseLayer())`).
 *
 * @category layers
 */
export const recordsLayer = (): Layer.Layer<RecordStore | EvaluationSource, never, CaseStore | RosterStore> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const cases = yield* CaseStore
      const rosters = yield* RosterStore
      const records = makeMemoryRecordStore()
      return Context.make(RecordStore, records).pipe(Context.add(EvaluationSource, makeMemoryEvaluationSource({ cases, rosters, records })))
    })
  )
