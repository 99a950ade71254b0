/**
 * `fayuan/adapters/memory`: the in-memory stores (cases, parties, rosters, the ledger, evaluation
 * records and the evaluation source). Ships with the library for tests, demos and browsers, and is
 * the reference model every SQL adapter must match. Events are kept as the JSON
 * a database would hold and decoded on every read, so it behaves like the real thing.
 *
 * @since 0.1.0
 */
import { Effect, Layer, Result, Schema } from "effect"
import type { LedgerStore } from "../../src/budget/Store.ts"
import type { RecordStore } from "../../src/evaluation/RecordStore.ts"
import type { EvaluationSource } from "../../src/evaluation/Source.ts"
import * as Region from "../../src/Region.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import { chinaDate } from "../../src/lifecycle/time.ts"
import { terminalStates } from "../../src/lifecycle/vocabulary.ts"
import { CaseEvent } from "../../src/lifecycle/Event.ts"
import type { PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { encodePartyJson, masked, Party, PartyStore } from "../../src/lifecycle/Party.ts"
import type { CaseHead, CaseStoreShape } from "../../src/lifecycle/Store.ts"
import type { Roster } from "../../src/roster/Roster.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { compareWorked, encodeRosterJson, RosterNotFound, RosterStore, rosterOfStored, seatKey, StoredRoster } from "../../src/roster/Store.ts"
import { CaseNotFound, CaseStore, countWorkload, InvalidAppend, isLoadable, mergeBatch, VersionConflict } from "../../src/lifecycle/Store.ts"
import { CorruptRecord, decodeStored } from "../../src/Storage.ts"
import { ledgerLayer } from "./ledger.ts"
import { recordsLayer } from "./records.ts"
import { makeMemoryDocumentStore } from "./documents.ts"
import { DocumentStore } from "../../src/documents/Store.ts"
export { makeMemoryDocumentStore } from "./documents.ts"
export { ledgerLayer, makeMemoryLedgerStore, type MemoryLedgerStore } from "./ledger.ts"
export { makeMemoryEvaluationSource, makeMemoryRecordStore, recordsLayer, type MemoryEvaluationStores, type MemoryRecordStore } from "./records.ts"

interface Log {
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly rows: Array<string>
  /** The head folded from `rows`, kept until they change (as a SQL adapter keeps its head row). */
  head?: CaseHead | undefined
}

/** Cases are keyed by region and id, as in the SQL tables (the region is the distribution key). */
const key = (region: string, caseId: string): string => `${region}\u0000${caseId}`

const encode = Schema.encodeSync(CaseEvent)
const decode = Schema.decodeUnknownResult(Schema.fromJsonString(CaseEvent))

/** The head as a SQL adapter stores it: folded from the log (a log that does not decode is listed by version only). */
const headOf = (log: Log): CaseHead => {
  const events = log.rows.map((row) => decode(row))
  const c = events.every(Result.isSuccess) ? replay(events.map((e) => e.success)) : undefined
  const closedOn = c !== undefined && terminalStates.includes(c.state) ? chinaDate(c.lastOccurredAt) : undefined
  const head = { caseId: log.caseId, region: log.region, version: log.rows.length, state: c?.state ?? "received", ...(closedOn === undefined ? {} : { closedOn }) }
  return c?.lawyer === undefined ? head : { ...head, lawyer: { lawyerId: c.lawyer.lawyerId, since: c.lawyer.since } }
}

/**
 * The raw storage behind a memory store, for tests that need to reach under the port (to corrupt
 * a record, say).
 *
 * @category models
 */
export interface MemoryStore extends CaseStoreShape {
  /** Replaces the stored JSON of one event (tests only). */
  readonly tamper: (caseId: string, sequence: number, json: string) => void
}

/**
 * A new, empty in-memory store.
 *
 * @example
 * ```ts
 * import { makeMemoryStore } from "fayuan/adapters/memory"
 * const store = makeMemoryStore()
 * ```
 *
 * @category constructors
 */
export const makeMemoryStore = (): MemoryStore => {
  // Case ids are unique in a deployment: one log per id, whatever its region.
  const logs = new Map<string, Log>()

  const append: CaseStoreShape["append"] = (batch) =>
    Effect.suspend((): Effect.Effect<void, VersionConflict | InvalidAppend> => {
      const merged = mergeBatch(batch)
      if (merged instanceof InvalidAppend) return Effect.fail(merged)
      // Check everything first, then write: all or nothing.
      for (const m of merged) {
        const log = logs.get(m.caseId)
        const actual = log?.rows.length ?? 0
        if (log !== undefined && log.region !== m.region && m.expectedVersion > 0) {
          return Effect.fail(new InvalidAppend({ caseId: m.caseId, reason: "the events are in another region than the case" }))
        }
        if (actual !== m.expectedVersion) return Effect.fail(new VersionConflict({ caseId: m.caseId, expected: m.expectedVersion, actual }))
      }
      for (const m of merged) {
        const rows = m.events.map((e) => JSON.stringify(encode(e)))
        const log = logs.get(m.caseId)
        if (log === undefined) logs.set(m.caseId, { caseId: m.caseId, region: m.region, rows })
        else {
          log.rows.push(...rows)
          log.head = undefined
        }
      }
      return Effect.void
    })

  const load: CaseStoreShape["load"] = (scope, caseId) =>
    Effect.suspend((): Effect.Effect<ReadonlyArray<CaseEvent>, CaseNotFound | CorruptRecord> => {
      const log = isLoadable(scope, caseId) ? logs.get(caseId) : undefined
      if (log === undefined || !Region.contains(scope, log.region)) return Effect.fail(new CaseNotFound({ caseId: String(caseId) }))
      const out: Array<CaseEvent> = []
      for (let i = 0; i < log.rows.length; i++) {
        const r = decode(log.rows[i]!)
        if (Result.isFailure(r)) return Effect.fail(new CorruptRecord({ store: "cases", key: `${caseId}/${i + 1}`, reason: "the stored JSON does not decode as a case event" }))
        if (r.success.sequence !== i + 1 || r.success.caseId !== caseId || r.success.region !== log.region) {
          return Effect.fail(new CorruptRecord({ store: "cases", key: `${caseId}/${i + 1}`, reason: "the stored event is out of place" }))
        }
        out.push(r.success)
      }
      return Effect.succeed(out)
    })

  const list: CaseStoreShape["list"] = (scope) =>
    Effect.sync(() => {
      const heads: Array<CaseHead> = []
      if (!isLoadable(scope)) return heads
      for (const log of logs.values()) {
        if (!Region.contains(scope, log.region)) continue
        log.head ??= headOf(log)
        heads.push(log.head)
      }
      return heads.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
    })

  const workload: CaseStoreShape["workload"] = (scope, period) => Effect.map(list(scope), (heads) => countWorkload(heads, period))

  const tamper = (caseId: string, sequence: number, json: string): void => {
    const log = logs.get(caseId)
    if (log !== undefined && sequence >= 1 && sequence <= log.rows.length) {
      log.rows[sequence - 1] = json
      log.head = undefined
    }
  }

  return { append, load, list, workload, tamper }
}

/**
 * A new, empty in-memory party store (personal data kept as the JSON a database would hold).
 *
 * @category constructors
 */
export const makeMemoryPartyStore = (): PartyStoreShape & { readonly tamper: (caseId: string, json: string) => void } => {
  const rows = new Map<string, { readonly region: Region.RegionCode; json: string }>()
  const read = (key: string, json: string) => Result.map(decodeStored("parties", Party)(key, json), (p) => masked({ ...p }))
  const inScope = (scope: Region.RegionCode, caseId: string) => {
    const row = rows.get(caseId)
    return row !== undefined && Region.contains(scope, row.region) ? row : undefined
  }
  return {
    put: (region, caseId, party) =>
      Effect.sync(() => {
        rows.set(caseId, { region, json: encodePartyJson(party) })
      }),
    get: (scope, caseId) =>
      Effect.suspend((): Effect.Effect<Party, CaseNotFound | CorruptRecord> => {
        const row = inScope(scope, caseId)
        return row === undefined ? Effect.fail(new CaseNotFound({ caseId })) : Effect.fromResult(read(caseId, row.json))
      }),
    erase: (scope, caseId) =>
      Effect.suspend((): Effect.Effect<void, CaseNotFound> => {
        if (inScope(scope, caseId) === undefined) return Effect.fail(new CaseNotFound({ caseId }))
        rows.delete(caseId)
        return Effect.void
      }),
    tamper: (caseId, json) => {
      const row = rows.get(caseId)
      if (row !== undefined) row.json = json
    }
  }
}

/**
 * A new, empty in-memory roster store.
 *
 * @category constructors
 */
export const makeMemoryRosterStore = (): RosterStoreShape & { readonly tamper: (rosterId: string, json: string) => void } => {
  const rosters = new Map<string, { readonly rosterId: string; readonly region: Region.RegionCode; json: string }>()
  const worked = new Map<string, WorkedShift>()
  const read = decodeStored("rosters", StoredRoster)
  return {
    put: (region, rosterId, roster: Roster) =>
      Effect.sync(() => {
        rosters.set(key(region, rosterId), { rosterId, region, json: encodeRosterJson(roster) })
      }),
    get: (scope, rosterId) =>
      Effect.suspend((): Effect.Effect<Roster, RosterNotFound | CorruptRecord> => {
        const found = [...rosters.values()].filter((r) => r.rosterId === rosterId && Region.contains(scope, r.region))
        if (found.length !== 1) return Effect.fail(new RosterNotFound({ rosterId }))
        return Effect.fromResult(read(rosterId, found[0]!.json)).pipe(Effect.map(rosterOfStored))
      }),
    putWorked: (shifts) =>
      Effect.sync(() => {
        for (const w of shifts) worked.set(seatKey(w), w)
      }),
    listWorked: (scope, range) =>
      Effect.sync(() => [...worked.values()].filter((w) => Region.contains(scope, w.region) && w.date >= range.from && w.date <= range.to).sort(compareWorked)),
    tamper: (rosterId, json) => {
      for (const r of rosters.values()) if (r.rosterId === rosterId) r.json = json
    }
  }
}

/**
 * A layer providing fresh in-memory stores for every port: `CaseStore`, `PartyStore`,
 * `RosterStore`, `LedgerStore`, `RecordStore`, `DocumentStore`, and the `EvaluationSource`
 * computing over them.
 *
 * @example
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { layer } from "fayuan/adapters/memory"
 * import { loadAll } from "fayuan/lifecycle"
 * const program = loadAll(Region.makeUnsafe("530103"))
 * Effect.runPromise(Effect.provide(program, layer()))
 *
 * @category layers
 */
export const layer = (): Layer.Layer<CaseStore | PartyStore | RosterStore | LedgerStore | RecordStore | EvaluationSource | DocumentStore> =>
  Layer.mergeAll(Layer.provideMerge(recordsLayer(), caseLayer()), ledgerLayer(), Layer.sync(DocumentStore, makeMemoryDocumentStore))

/**
 * A layer providing fresh in-memory `CaseStore`, `PartyStore` and `RosterStore` only.
 *
 * @category layers
 */
export const caseLayer = (): Layer.Layer<CaseStore | PartyStore | RosterStore> =>
  Layer.mergeAll(Layer.sync(CaseStore, makeMemoryStore), Layer.sync(PartyStore, makeMemoryPartyStore), Layer.sync(RosterStore, makeMemoryRosterStore))
