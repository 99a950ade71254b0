/**
 * The `CaseStore` port on any Kysely dialect. The dialect-specific parts are small and named in
 * {@link Flavour}: how the engine reports a unique-key violation and a busy lock.
 *
 * An append runs in one transaction: read the head's version, check it, insert the events, write
 * the head. A concurrent writer that got there first makes the unique key on
 * (region, case, sequence) or the head's version check fail, which is reported as
 * `VersionConflict`; a busy lock (SQLite) is retried after a short wait.
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
import type { CaseHead, CaseStoreShape } from "../../src/lifecycle/Store.ts"
import { CaseNotFound, InvalidAppend, isLoadable, mergeBatch, VersionConflict } from "../../src/lifecycle/Store.ts"
import { CorruptRecord, StoreError } from "../../src/Storage.ts"
import type { CaseDates } from "../../src/evaluation/CaseFacts.ts"
import { evolveDates } from "../../src/evaluation/CaseFacts.ts"
import { changedClockRows, datesOfHead, headDateColumns, headFacts, loadDates, writeClocks } from "./case-facts.ts"
import { backoff, databaseError } from "./internal/errors.ts"
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

const encode = Schema.encodeSync(CaseEvent)
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
  payload: JSON.stringify(encode(e))
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
export const makeCaseStore = (db: Kysely<FayuanDatabase>, flavour: Flavour, hooks: Hooks = {}): CaseStoreShape => {
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

  /** The case folded from its stored events up to `version` (those this append inserted come after). */
  const loadCase = async (trx: Transaction<FayuanDatabase>, region: string, caseId: string, version: number): Promise<Case | undefined> => {
    const rows = await trx
      .selectFrom("fayuan_case_events")
      .select(["payload"])
      .where("region", "=", region)
      .where("case_id", "=", caseId)
      .where("sequence", "<=", version)
      .orderBy("sequence")
      .execute()
    let c: Case | undefined
    for (const row of rows) {
      const e = decodeJson(row.payload)
      if (Result.isFailure(e)) throw new CorruptRecord({ store: "cases", key: `${caseId}/${(c?.version ?? 0) + 1}`, reason: "the stored JSON does not decode as a case event" })
      c = evolve(c, e.success)
    }
    return c
  }

  type Entry = { readonly caseId: string; readonly region: string; readonly expectedVersion: number; readonly events: ReadonlyArray<CaseEvent> }
  const keyOf = (region: string, caseId: string) => `${region}\u0000${caseId}`

  /** One transaction: check every head's version, insert every event, write every head. */
  const writeOnce = async (entries: ReadonlyArray<Entry>) =>
    db.transaction().execute(async (trx) => {
      const heads = new Map<string, { version: number; snapshot: string; dates: CaseDates }>()
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK)
        const rows =
          chunk.length === 1
            ? await trx
                .selectFrom("fayuan_case_heads")
                .select(["region", "case_id", "version", "snapshot", ...headDateColumns])
                .where("region", "=", chunk[0]!.region)
                .where("case_id", "=", chunk[0]!.caseId)
                .execute()
            : await trx
                .selectFrom("fayuan_case_heads")
                .select(["region", "case_id", "version", "snapshot", ...headDateColumns])
                .where("region", "in", [...new Set(chunk.map((e) => e.region))])
                .where("case_id", "in", chunk.map((e) => e.caseId))
                .execute()
        for (const r of rows) heads.set(keyOf(r.region, r.case_id), { version: Number(r.version), snapshot: r.snapshot, dates: datesOfHead(r) })
      }
      for (const e of entries) {
        const actual = heads.get(keyOf(e.region, e.caseId))?.version ?? 0
        if (actual !== e.expectedVersion) throw new Conflict(e.caseId, e.region, e.expectedVersion)
      }
      const rows = entries.flatMap((e) => e.events.map(rowOf))
      for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto("fayuan_case_events").values(rows.slice(i, i + CHUNK)).execute()
      for (const e of entries) await hooks.afterEvents?.(e.caseId)
      const heads2: Array<Insertable<FayuanDatabase["fayuan_case_heads"]>> = []
      const clocks: Array<Insertable<CaseClocksTable>> = []
      for (const e of entries) {
        const head = heads.get(keyOf(e.region, e.caseId))
        let current: Case | undefined
        let dates: CaseDates = head?.dates ?? {}
        if (head !== undefined) {
          try {
            current = JSON.parse(head.snapshot) as Case
          } catch {
            current = undefined
          }
          if (current?.version !== e.expectedVersion) {
            current = await loadCase(trx, e.region, e.caseId, e.expectedVersion)
            dates = await loadDates(trx, e.region, e.caseId, e.expectedVersion)
          }
        }
        const before = current
        for (const event of e.events) {
          current = evolve(current, event)
          dates = evolveDates(dates, event)
        }
        const c = current!
        clocks.push(...changedClockRows(before, c))
        heads2.push({
          region: e.region,
          case_id: e.caseId,
          version: c.version,
          state: c.state,
          kind: c.kind,
          origin: c.origin,
          received_on: c.receivedOn,
          last_occurred_at: c.lastOccurredAt,
          snapshot: JSON.stringify(c),
          lawyer_id: c.lawyer?.lawyerId ?? null,
          lawyer_since: c.lawyer?.since ?? null,
          ...headFacts(c, dates)
        })
      }
      // One upsert for all heads. The events' primary key already stopped any writer that raced
      // us to these sequences, so a head only ever moves forward here.
      for (let i = 0; i < heads2.length; i += CHUNK) {
        await trx
          .insertInto("fayuan_case_heads")
          .values(heads2.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc
              .columns(["region", "case_id"])
              .doUpdateSet((eb) => ({
                version: eb.ref("excluded.version"),
                state: eb.ref("excluded.state"),
                kind: eb.ref("excluded.kind"),
                origin: eb.ref("excluded.origin"),
                received_on: eb.ref("excluded.received_on"),
                last_occurred_at: eb.ref("excluded.last_occurred_at"),
                snapshot: eb.ref("excluded.snapshot"),
                groups: eb.ref("excluded.groups"),
                eligibility_outcome: eb.ref("excluded.eligibility_outcome"),
                granted: eb.ref("excluded.granted"),
                lawyer_assigned: eb.ref("excluded.lawyer_assigned"),
                ended_on: eb.ref("excluded.ended_on"),
                concluded_on: eb.ref("excluded.concluded_on"),
                outcome: eb.ref("excluded.outcome"),
                grade: eb.ref("excluded.grade"),
                complaints: eb.ref("excluded.complaints"),
                granted_on: eb.ref("excluded.granted_on"),
                lawyer_assigned_on: eb.ref("excluded.lawyer_assigned_on"),
                graded_on: eb.ref("excluded.graded_on"),
                decided_on: eb.ref("excluded.decided_on"),
                assignment_due_on: eb.ref("excluded.assignment_due_on"),
                lawyer_id: eb.ref("excluded.lawyer_id"),
                lawyer_since: eb.ref("excluded.lawyer_since")
              }))
              .where("fayuan_case_heads.version", "<", (eb) => eb.ref("excluded.version"))
          )
          .execute()
      }
      // The clocks the events started or stopped (the evaluation's timeliness reads them).
      await writeClocks(trx, clocks)
    })

  /** Writes a checked batch, retrying busy locks and turning key violations into conflicts. */
  const write = async (entries: ReadonlyArray<Entry>): Promise<VersionConflict | InvalidAppend | undefined> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await writeOnce(entries)
        return undefined
      } catch (error) {
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

  return { append, load, list }
}
