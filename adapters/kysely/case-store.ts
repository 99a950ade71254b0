/**
 * The `CaseStore` port on any Kysely dialect. The dialect-specific parts are small and named in
 * {@link Flavour}: how the engine reports a unique-key violation and a busy lock.
 *
 * An append runs in one transaction: insert the events, then write each head on the condition
 * that it stood at the expected version. A concurrent writer that got there first makes the
 * unique key on (region, case, sequence) or the head's condition fail, which is reported as
 * `VersionConflict`; a busy lock (SQLite) is retried after a short wait. The case an append
 * carries on from is the one this process wrote last (a cache keyed by case and version), or
 * else folded from the stored log: the head keeps no snapshot (migration `0010_append_path`).
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
import type { Insertable, Kysely, Transaction } from "kysely"
import type * as CalendarDate from "../../src/CalendarDate.ts"
import type { State } from "../../src/lifecycle/vocabulary.ts"
import { terminalStates } from "../../src/lifecycle/vocabulary.ts"
import { chinaDate } from "../../src/lifecycle/time.ts"
import * as Region from "../../src/Region.ts"
import type { Case } from "../../src/lifecycle/Case.ts"
import { evolve } from "../../src/lifecycle/Case.ts"
import { CaseEvent } from "../../src/lifecycle/Event.ts"
import { eventJson } from "../../src/lifecycle/eventJson.ts"
import type { CaseHead, CaseStoreShape } from "../../src/lifecycle/Store.ts"
import { openWithLawyer } from "../../src/lifecycle/Store.ts"
import { CaseNotFound, InvalidAppend, isLoadable, mergeBatch, VersionConflict } from "../../src/lifecycle/Store.ts"
import { CorruptRecord, StoreError } from "../../src/Storage.ts"
import type { CaseDates } from "../../src/evaluation/CaseFacts.ts"
import { caseDates, evolveDates } from "../../src/evaluation/CaseFacts.ts"
import { changedClockRows, headFacts, writeClocks } from "./case-facts.ts"
import { backoff, databaseError } from "./internal/errors.ts"
import { rowsStatement, updateHeadsStatement } from "./internal/statements.ts"
import { regionRange } from "./internal/region.ts"
import type { CaseClocksTable, FayuanDatabase } from "./schema.ts"

/**
 * What differs between engines.
 *
 * @category models
 */
export interface Flavour {
  readonly name: string
  /** The error is a unique or primary key violation. */
  readonly isUniqueViolation: (error: unknown) => boolean
  /** The error is a transient lock (retry after a wait). */
  readonly isBusy: (error: unknown) => boolean
  /**
   * Run after personal data is deleted: remove the copies the engine keeps of freed pages
   * (SQLite checkpoints and truncates its write-ahead log). Fails, with an error named
   * `EraseIncomplete`, when the copies could not be removed.
   */
  readonly afterErase?: (db: Kysely<FayuanDatabase>) => Promise<void>
}

const decodeJson = Schema.decodeUnknownResult(Schema.fromJsonString(CaseEvent))

/** Thrown inside a transaction to roll it back and report a conflict. */
class Conflict {
  readonly caseId: string
  readonly region: string
  readonly expected: number
  constructor(caseId: string, region: string, expected: number) {
    this.caseId = caseId
    this.region = region
    this.expected = expected
  }
}

/** A listing's head from its row. */
const headOfRow = (r: {
  case_id: string
  region: string
  version: number | string
  state: string
  lawyer_id: string | null
  lawyer_since: string | null
  last_occurred_at: string
}): CaseHead => {
  const state = r.state as State
  const closedOn = terminalStates.includes(state) ? chinaDate(r.last_occurred_at) : undefined
  const head = { caseId: r.case_id, region: r.region as Region.RegionCode, version: Number(r.version), state, ...(closedOn === undefined ? {} : { closedOn }) }
  return r.lawyer_id === null ? head : { ...head, lawyer: { lawyerId: r.lawyer_id, since: r.lawyer_since as CalendarDate.CalendarDate } }
}

/** An append to an existing case with events of another region. */
const inAnotherRegion = (caseId: string) => new InvalidAppend({ caseId, reason: "the events are in another region than the case" })

/** Rows per multi-row statement: far below every engine's bound-parameter limit. */
const CHUNK = 500

/**
 * The row an event is stored as: its header in columns, the whole event as versioned JSON.
 *
 * @category rows
 */
export const rowOf = (e: CaseEvent): FayuanDatabase["fayuan_case_events"] => ({
  region: e.region,
  case_id: e.caseId,
  sequence: e.sequence,
  type: e.type,
  occurred_at: e.occurredAt,
  recorded_at: e.recordedAt,
  schema_version: e.schemaVersion,
  payload: eventJson(e)
})

/**
 * Hooks for tests: `afterEvents` runs inside the append transaction after the events are written
 * and before the head is (a failure there must leave nothing behind).
 *
 * @category models
 */
export interface Hooks {
  readonly afterEvents?: (caseId: string) => Promise<void> | void
}

/**
 * A `CaseStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeCaseStore = (db: Kysely<FayuanDatabase>, flavour: Flavour, hooks: Hooks = {}, cacheSize = 50_000): CaseStoreShape => {
  const insertEvents = rowsStatement((trx, rows: ReadonlyArray<FayuanDatabase["fayuan_case_events"]>) => trx.insertInto("fayuan_case_events").values(rows))
  const updateHeads = updateHeadsStatement()
  const insertHeads = rowsStatement((trx, rows: ReadonlyArray<Insertable<FayuanDatabase["fayuan_case_heads"]>>) => trx.insertInto("fayuan_case_heads").values(rows))

  /** The region and version of a case, in whatever region (case ids are unique in a deployment). */
  const headAnywhere = async (caseId: string): Promise<{ readonly region: string; readonly version: number } | undefined> => {
    const { from, to } = regionRange(Region.national)
    const row = await db
      .selectFrom("fayuan_case_heads")
      .select(["region", "version"])
      .where("region", ">=", from)
      .where("region", "<", to)
      .where("case_id", "=", caseId)
      .executeTakeFirst()
    return row === undefined ? undefined : { region: row.region, version: Number(row.version) }
  }

  /**
   * The cases this process last wrote, at the version it wrote them, with their dates: an append
   * at that version carries on from here instead of reading the case back. The log is append-only,
   * so a case at a version is the same whoever reads it; a case another process moved on is
   * caught by the version check and folded again from its stored log.
   */
  const cache = new Map<string, { readonly version: number; readonly case: Case; readonly dates: CaseDates }>()
  const remember = (key: string, entry: { readonly version: number; readonly case: Case; readonly dates: CaseDates }) => {
    cache.delete(key)
    if (cacheSize <= 0) return
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
    cache.set(key, entry)
  }

  /** The cases folded from their stored logs, up to each one's expected version (several cases per query). */
  const foldStored = async (trx: Transaction<FayuanDatabase>, entries: ReadonlyArray<Entry>): Promise<Map<string, { case: Case | undefined; dates: CaseDates }>> => {
    const out = new Map<string, { case: Case | undefined; dates: CaseDates; events: Array<CaseEvent> }>()
    for (const e of entries) out.set(keyOf(e.region, e.caseId), { case: undefined, dates: {}, events: [] })
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK)
      const rows = await trx
        .selectFrom("fayuan_case_events")
        .select(["region", "case_id", "sequence", "payload"])
        .where("region", "in", [...new Set(chunk.map((e) => e.region))])
        .where("case_id", "in", chunk.map((e) => e.caseId))
        .orderBy("case_id")
        .orderBy("sequence")
        .execute()
      const upTo = new Map(chunk.map((e) => [keyOf(e.region, e.caseId), e.expectedVersion]))
      for (const row of rows) {
        const key = keyOf(row.region, row.case_id)
        const target = out.get(key)
        if (target === undefined || Number(row.sequence) > (upTo.get(key) ?? 0)) continue
        const e = decodeJson(row.payload)
        if (Result.isFailure(e)) throw new CorruptRecord({ store: "cases", key: `${row.case_id}/${row.sequence}`, reason: "the stored JSON does not decode as a case event" })
        target.events.push(e.success)
        target.case = evolve(target.case, e.success)
      }
    }
    for (const v of out.values()) v.dates = caseDates(v.events)
    return out
  }

  type Entry = { readonly caseId: string; readonly region: string; readonly expectedVersion: number; readonly events: ReadonlyArray<CaseEvent> }
  const keyOf = (region: string, caseId: string) => `${region}\u0000${caseId}`

  /**
   * One transaction: insert every event (the key on region, case and sequence stops a writer that
   * raced us to a version), then write every head on the condition that it stood at the expected
   * version (which catches an append past the end of a log), then the clocks. Returns the cases
   * as written, for the cache.
   */
  const writeOnce = async (entries: ReadonlyArray<Entry>) =>
    db.transaction().execute(async (trx) => {
      // The cases before the append: from this process's cache, else folded from their logs.
      const before = new Map<string, { case: Case | undefined; dates: CaseDates }>()
      const cold: Array<Entry> = []
      for (const e of entries) {
        const key = keyOf(e.region, e.caseId)
        const hit = e.expectedVersion === 0 ? undefined : cache.get(key)
        if (e.expectedVersion === 0) before.set(key, { case: undefined, dates: {} })
        else if (hit !== undefined && hit.version === e.expectedVersion) before.set(key, { case: hit.case, dates: hit.dates })
        else cold.push(e)
      }
      if (cold.length > 0) {
        for (const [key, folded] of await foldStored(trx, cold)) before.set(key, folded)
        for (const e of cold) {
          const actual = before.get(keyOf(e.region, e.caseId))?.case?.version ?? 0
          if (actual !== e.expectedVersion) throw new Conflict(e.caseId, e.region, e.expectedVersion)
        }
      }
      const rows = entries.flatMap((e) => e.events.map(rowOf))
      for (let i = 0; i < rows.length; i += CHUNK) await insertEvents(trx, rows.slice(i, i + CHUNK))
      for (const e of entries) await hooks.afterEvents?.(e.caseId)
      const heads: Array<Insertable<FayuanDatabase["fayuan_case_heads"]>> = []
      const clocks: Array<Insertable<CaseClocksTable>> = []
      const written = new Map<string, { readonly version: number; readonly case: Case; readonly dates: CaseDates }>()
      for (const e of entries) {
        const key = keyOf(e.region, e.caseId)
        const start = before.get(key)!
        let current = start.case
        let dates = start.dates
        for (const event of e.events) {
          current = evolve(current, event)
          dates = evolveDates(dates, event)
        }
        const c = current!
        written.set(key, { version: c.version, case: c, dates })
        clocks.push(...changedClockRows(start.case, c))
        heads.push({
          region: e.region,
          case_id: e.caseId,
          version: c.version,
          state: c.state,
          kind: c.kind,
          origin: c.origin,
          received_on: c.receivedOn,
          last_occurred_at: c.lastOccurredAt,
          lawyer_id: c.lawyer?.lawyerId ?? null,
          lawyer_since: c.lawyer?.since ?? null,
          ...headFacts(c, dates)
        })
      }
      // New cases' heads are inserted (a case that exists already breaks the key: a conflict);
      // the others are updated on the condition that they stood at the expected version, and one
      // the update did not return is a conflict.
      const fresh = heads.filter((_, k) => entries[k]!.expectedVersion === 0)
      const moved = heads.flatMap((h, k) => (entries[k]!.expectedVersion === 0 ? [] : [{ h, expected: entries[k]!.expectedVersion }]))
      for (let i = 0; i < fresh.length; i += CHUNK) await insertHeads(trx, fresh.slice(i, i + CHUNK))
      for (let i = 0; i < moved.length; i += CHUNK) {
        const chunk = moved.slice(i, i + CHUNK)
        const done = await updateHeads(trx, chunk)
        if (done.length !== chunk.length) {
          const wrote = new Set(done)
          const missed = chunk.find((m) => !wrote.has(m.h.case_id))!
          throw new Conflict(missed.h.case_id, missed.h.region, missed.expected)
        }
      }
      // The clocks the events started or stopped (the evaluation's timeliness reads them).
      await writeClocks(trx, clocks)
      return written
    })

  /** Writes a checked batch, retrying busy locks and turning key violations into conflicts. */
  const write = async (entries: ReadonlyArray<Entry>): Promise<VersionConflict | InvalidAppend | undefined> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const written = await writeOnce(entries)
        for (const [key, entry] of written) remember(key, entry)
        return undefined
      } catch (error) {
        // What this process believed of these cases may be behind: read them again next time.
        for (const e of entries) cache.delete(keyOf(e.region, e.caseId))
        if (error instanceof Conflict || flavour.isUniqueViolation(error)) {
          // Name the case that conflicts: the one the check caught, or the first whose head moved.
          const suspects = error instanceof Conflict ? entries.filter((e) => e.caseId === error.caseId && e.region === error.region) : entries
          for (const e of suspects) {
            const head = await headAnywhere(e.caseId)
            if (head !== undefined && head.region !== e.region && e.expectedVersion > 0) return inAnotherRegion(e.caseId)
            const actual = head?.version ?? 0
            if (actual !== e.expectedVersion || suspects.length === 1) return new VersionConflict({ caseId: e.caseId, expected: e.expectedVersion, actual })
          }
          const first = entries[0]!
          return new VersionConflict({ caseId: first.caseId, expected: first.expectedVersion, actual: first.expectedVersion })
        }
        if (flavour.isBusy(error) && attempt < 200) {
          await backoff(attempt)
          continue
        }
        throw error
      }
    }
  }

  const append: CaseStoreShape["append"] = (batch) =>
    Effect.tryPromise({
      try: async (): Promise<VersionConflict | InvalidAppend | undefined> => {
        const merged = mergeBatch(batch)
        if (merged instanceof InvalidAppend) return merged
        return merged.length === 0 ? undefined : write(merged)
      },
      catch: (error) => new StoreError({ store: "cases", operation: "append", reason: error instanceof CorruptRecord ? error.message : databaseError(error) })
    }).pipe(Effect.flatMap((outcome) => (outcome === undefined ? Effect.void : Effect.fail(outcome))))

  const load: CaseStoreShape["load"] = (scope, caseId) =>
    !isLoadable(scope, caseId)
      ? Effect.fail(new CaseNotFound({ caseId: String(caseId) }))
      : Effect.tryPromise({
      try: async () => {
        // The case's region from its head (a seek on the unique case id), then its events by
        // primary key: a scan of the scope's events would grow with every case stored.
        const { from, to } = regionRange(scope)
        return db
          .selectFrom("fayuan_case_events")
          .select(["region", "sequence", "payload"])
          .where("region", "in", db.selectFrom("fayuan_case_heads").select("region").where("case_id", "=", caseId).where("region", ">=", from).where("region", "<", to))
          .where("case_id", "=", caseId)
          .orderBy("sequence")
          .execute()
      },
      catch: (error) => new StoreError({ store: "cases", operation: "load", reason: databaseError(error) })
    }).pipe(
      Effect.flatMap((rows): Effect.Effect<ReadonlyArray<CaseEvent>, CaseNotFound | CorruptRecord> => {
        if (rows.length === 0) return Effect.fail(new CaseNotFound({ caseId }))
        const out: Array<CaseEvent> = []
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!
          const key = `${caseId}/${row.sequence}`
          if (row.region !== rows[0]!.region) {
            return Effect.fail(new CorruptRecord({ store: "cases", key, reason: "the id names cases in several regions of this scope" }))
          }
          const e = decodeJson(row.payload)
          if (Result.isFailure(e)) return Effect.fail(new CorruptRecord({ store: "cases", key, reason: "the stored JSON does not decode as a case event" }))
          if (e.success.sequence !== i + 1 || e.success.caseId !== caseId || e.success.region !== row.region) {
            return Effect.fail(new CorruptRecord({ store: "cases", key, reason: "the stored event is out of place" }))
          }
          out.push(e.success)
        }
        return Effect.succeed(out)
      })
    )

  const list: CaseStoreShape["list"] = (scope) =>
    !isLoadable(scope)
      ? Effect.succeed([])
      : Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        const rows = await db
          .selectFrom("fayuan_case_heads")
          .select(["case_id", "region", "version", "state", "lawyer_id", "lawyer_since", "last_occurred_at"])
          .where("region", ">=", from)
          .where("region", "<", to)
          .execute()
        // Sorted here, by code units, so every engine and collation gives the same order.
        return rows
          .map((r): CaseHead => headOfRow(r))
          .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
      },
      catch: (error) => new StoreError({ store: "cases", operation: "list", reason: databaseError(error) })
    })

  const workload: CaseStoreShape["workload"] = (scope, period) =>
    !isLoadable(scope)
      ? Effect.succeed(new Map())
      : Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        // One row per lawyer, counted where the heads are (the same counts as countWorkload over list).
        const rows = await db
          .selectFrom("fayuan_case_heads")
          .select((eb) => [
            "lawyer_id",
            eb.fn.sum<number | string>(eb.case().when("state", "in", [...openWithLawyer]).then(1).else(0).end()).as("open_cases"),
            eb.fn
              .sum<number | string>(eb.case().when(eb.and([eb("lawyer_since", ">=", period.from), eb("lawyer_since", "<=", period.to)])).then(1).else(0).end())
              .as("assigned_count")
          ])
          .where("region", ">=", from)
          .where("region", "<", to)
          .where("lawyer_id", "is not", null)
          .groupBy("lawyer_id")
          .execute()
        return new Map(
          rows
            .map((r) => [r.lawyer_id!, { openCases: Number(r.open_cases), assignedCount: Number(r.assigned_count) }] as const)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        )
      },
      catch: (error) => new StoreError({ store: "cases", operation: "workload", reason: databaseError(error) })
    })

  return { append, load, list, workload }
}
