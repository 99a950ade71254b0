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
import { CaseEvent } from "../../src/lifecycle/Event.ts"
import type { Party, PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { decodePartyJson, encodePartyJson, PartyStore } from "../../src/lifecycle/Party.ts"
import type { CaseHead, CaseStoreShape } from "../../src/lifecycle/Store.ts"
import type { Roster } from "../../src/roster/Roster.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { compareWorked, decodeRosterJson, encodeRosterJson, RosterNotFound, RosterStore } from "../../src/roster/Store.ts"
import { CaseNotFound, CaseStore, CorruptRecord, InvalidAppend, mergeBatch, VersionConflict } from "../../src/lifecycle/Store.ts"
import { ledgerLayer } from "./ledger.ts"
import { recordsLayer } from "./records.ts"
export { ledgerLayer, makeMemoryLedgerStore, type MemoryLedgerStore } from "./ledger.ts"
export { makeMemoryEvaluationSource, makeMemoryRecordStore, recordsLayer, type MemoryEvaluationStores, type MemoryRecordStore } from "./records.ts"

interface Log {
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly rows: Array<string>
}

/** Cases are keyed by region and id, as in the SQL tables (the region is the distribution key). */
const key = (region: string, caseId: string): string => `${region}\u0000${caseId}`

const encode = Schema.encodeSync(CaseEvent)
const decode = Schema.decodeUnknownResult(Schema.fromJsonString(CaseEvent))

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
 * import { makeMemoryStore } from "fayuan/adapters/memory"
 * const store = makeMemoryStore()
 *
 * @category constructors
 */
export const makeMemoryStore = (): MemoryStore => {
  const logs = new Map<string, Log>()

  const append: CaseStoreShape["append"] = (caseId, expectedVersion, events) =>
    Effect.suspend((): Effect.Effect<void, VersionConflict | InvalidAppend> => {
      if (events.length === 0) return Effect.void
      const region = events[0]!.region
      const log = logs.get(key(region, caseId))
      const actual = log?.rows.length ?? 0
      if (actual !== expectedVersion) return Effect.fail(new VersionConflict({ caseId, expected: expectedVersion, actual }))
      const rows: Array<string> = []
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!
        if (e.caseId !== caseId) return Effect.fail(new InvalidAppend({ caseId, reason: `event ${i} belongs to another case` }))
        if (e.sequence !== expectedVersion + i + 1) return Effect.fail(new InvalidAppend({ caseId, reason: `event ${i} has sequence ${e.sequence}, expected ${expectedVersion + i + 1}` }))
        if (e.region !== region) return Effect.fail(new InvalidAppend({ caseId, reason: `event ${i} is in another region than the case` }))
        rows.push(JSON.stringify(encode(e)))
      }
      if (log === undefined) logs.set(key(region, caseId), { caseId, region, rows })
      else log.rows.push(...rows)
      return Effect.void
    })

  const appendMany: CaseStoreShape["appendMany"] = (batch) =>
    Effect.suspend((): Effect.Effect<void, VersionConflict | InvalidAppend> => {
      const merged = mergeBatch(batch)
      if (merged instanceof InvalidAppend) return Effect.fail(merged)
      // Check everything first, then write: all or nothing.
      for (const m of merged) {
        const actual = logs.get(key(m.region, m.caseId))?.rows.length ?? 0
        if (actual !== m.expectedVersion) return Effect.fail(new VersionConflict({ caseId: m.caseId, expected: m.expectedVersion, actual }))
      }
      for (const m of merged) {
        const rows = m.events.map((e) => JSON.stringify(encode(e)))
        const log = logs.get(key(m.region, m.caseId))
        if (log === undefined) logs.set(key(m.region, m.caseId), { caseId: m.caseId, region: m.region, rows })
        else log.rows.push(...rows)
      }
      return Effect.void
    })

  const load: CaseStoreShape["load"] = (caseId, scope) =>
    Effect.suspend((): Effect.Effect<ReadonlyArray<CaseEvent>, CaseNotFound | CorruptRecord> => {
      const found = [...logs.values()].filter((l) => l.caseId === caseId && Region.contains(scope, l.region))
      if (found.length === 0) return Effect.fail(new CaseNotFound({ caseId }))
      if (found.length > 1) return Effect.fail(new CorruptRecord({ caseId, sequence: 1, reason: "the id names cases in several regions of this scope" }))
      const log = found[0]!
      const out: Array<CaseEvent> = []
      for (let i = 0; i < log.rows.length; i++) {
        const r = decode(log.rows[i]!)
        if (Result.isFailure(r)) return Effect.fail(new CorruptRecord({ caseId, sequence: i + 1, reason: "the stored JSON does not decode as a case event" }))
        if (r.success.sequence !== i + 1 || r.success.caseId !== caseId) {
          return Effect.fail(new CorruptRecord({ caseId, sequence: i + 1, reason: "the stored event is out of place" }))
        }
        out.push(r.success)
      }
      return Effect.succeed(out)
    })

  const list: CaseStoreShape["list"] = (scope) =>
    Effect.sync(() => {
      const heads: Array<CaseHead> = []
      for (const log of logs.values()) if (Region.contains(scope, log.region)) heads.push({ caseId: log.caseId, region: log.region, version: log.rows.length })
      return heads.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
    })

  const tamper = (caseId: string, sequence: number, json: string): void => {
    const log = [...logs.values()].find((l) => l.caseId === caseId)
    if (log !== undefined && sequence >= 1 && sequence <= log.rows.length) log.rows[sequence - 1] = json
  }

  return { append, appendMany, load, list, tamper }
}

/**
 * A new, empty in-memory party store (personal data kept as the JSON a database would hold).
 *
 * @category constructors
 */
export const makeMemoryPartyStore = (): PartyStoreShape & { readonly tamper: (caseId: string, json: string) => void } => {
  const rows = new Map<string, { readonly caseId: string; readonly region: Region.RegionCode; json: string }>()
  return {
    put: (caseId, region, party: Party) =>
      Effect.sync(() => {
        rows.set(key(region, caseId), { caseId, region, json: encodePartyJson(party) })
      }),
    get: (caseId, scope) =>
      Effect.suspend((): Effect.Effect<Party, CaseNotFound | CorruptRecord> => {
        const found = [...rows.values()].filter((r) => r.caseId === caseId && Region.contains(scope, r.region))
        if (found.length !== 1) return Effect.fail(new CaseNotFound({ caseId }))
        const r = decodePartyJson(found[0]!.json)
        return Result.isSuccess(r) ? Effect.succeed(r.success) : Effect.fail(new CorruptRecord({ caseId, sequence: 0, reason: "the stored party does not decode" }))
      }),
    erase: (caseId, region) =>
      Effect.sync(() => {
        rows.delete(key(region, caseId))
      }),
    tamper: (caseId, json) => {
      for (const r of rows.values()) if (r.caseId === caseId) r.json = json
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
  return {
    save: (rosterId, region, roster: Roster) =>
      Effect.sync(() => {
        rosters.set(key(region, rosterId), { rosterId, region, json: encodeRosterJson(roster) })
      }),
    get: (rosterId, scope) =>
      Effect.suspend((): Effect.Effect<Roster, RosterNotFound | CorruptRecord> => {
        const found = [...rosters.values()].filter((r) => r.rosterId === rosterId && Region.contains(scope, r.region))
        if (found.length !== 1) return Effect.fail(new RosterNotFound({ rosterId }))
        const r = decodeRosterJson(found[0]!.json)
        if (Result.isFailure(r)) return Effect.fail(new CorruptRecord({ caseId: rosterId, sequence: 0, reason: "the stored roster does not decode" }))
        const { schemaVersion: _, ...roster } = r.success
        return Effect.succeed(roster)
      }),
    recordWorked: (shifts) =>
      Effect.sync(() => {
        for (const w of shifts) worked.set(`${w.region}|${w.date}|${w.siteId}|${w.slot}|${w.seat}`, w)
      }),
    listWorked: (scope, from, to) =>
      Effect.sync(() => [...worked.values()].filter((w) => Region.contains(scope, w.region) && w.date >= from && w.date <= to).sort(compareWorked)),
    tamper: (rosterId, json) => {
      for (const r of rosters.values()) if (r.rosterId === rosterId) r.json = json
    }
  }
}

/**
 * A layer providing fresh in-memory stores for every port: `CaseStore`, `PartyStore`,
 * `RosterStore`, `LedgerStore`, `RecordStore`, and the `EvaluationSource` computing over them.
 *
 * @example
 * import { Effect } from "effect"
 * import { layer } from "fayuan/adapters/memory"
 * Effect.runPromise(Effect.provide(program, layer()))
 *
 * @category layers
 */
export const layer = (): Layer.Layer<CaseStore | PartyStore | RosterStore | LedgerStore | RecordStore | EvaluationSource> =>
  Layer.mergeAll(Layer.provideMerge(recordsLayer(), caseLayer()), ledgerLayer())

/**
 * A layer providing fresh in-memory `CaseStore`, `PartyStore` and `RosterStore` only.
 *
 * @category layers
 */
export const caseLayer = (): Layer.Layer<CaseStore | PartyStore | RosterStore> =>
  Layer.mergeAll(Layer.sync(CaseStore, makeMemoryStore), Layer.sync(PartyStore, makeMemoryPartyStore), Layer.sync(RosterStore, makeMemoryRosterStore))
