/**
 * The port for rosters and worked duty shifts (the record duty subsidies are paid from).
 *
 * A roster is stored whole, as versioned JSON, under an id and the region it serves; saving again
 * under the same id replaces it (a re-plan). A worked shift is keyed by its seat — region, date,
 * site, slot, seat — so recording it twice changes nothing.
 *
 * @since 0.1.0
 */
import { Context, Data, Effect as EffectModule, Schema } from "effect"
import * as IdModule from "../Id.ts"
import type { Effect } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { CorruptRecord, StoreError } from "../Storage.ts"
import { slots } from "./Roster.ts"
import type { Roster } from "./Roster.ts"

const Id = IdModule.Id
const ShiftFields = {
  date: CalendarDate.CalendarDate,
  siteId: Id,
  slot: Schema.Literals(slots),
  seat: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
}

/**
 * A roster as stored (schema version 1).
 *
 * @category schemas
 */
export const StoredRoster = Schema.Struct({
  schemaVersion: Schema.Literal(1),
  period: Schema.Struct({ from: Schema.String, to: Schema.String }),
  assignments: Schema.Array(Schema.Struct({ ...ShiftFields, lawyerId: Id, pinned: Schema.Boolean })),
  unfilled: Schema.Array(Schema.Struct({ ...ShiftFields, reason: Schema.String, byReason: Schema.Record(Schema.String, Schema.Number) })),
  certificate: Schema.Struct({
    loads: Schema.Array(Schema.Struct({ lawyerId: Id, load: Schema.Int })),
    maxLoad: Schema.Int,
    minLoad: Schema.Int,
    groups: Schema.Array(Schema.Struct({ lawyers: Schema.Array(Id), spread: Schema.Int })),
    maxSpread: Schema.Int,
    lowerBound: Schema.Int,
    gap: Schema.Int,
    firmShares: Schema.optionalKey(Schema.Array(Schema.Struct({ firmId: Id, seats: Schema.Int, quota: Schema.optionalKey(Schema.String) }))),
    quotaMisses: Schema.optionalKey(Schema.Array(Schema.Struct({ firmId: Id, quota: Schema.String, share: Schema.String, seats: Schema.Int, reason: Schema.String }))),
    stoppedEarly: Schema.optionalKey(Schema.Struct({ reason: Schema.Literals(["steps", "time"]), steps: Schema.Int }))
  })
})

/** The stored JSON of a roster. */
export const encodeRosterJson = (roster: Roster): string => JSON.stringify({ schemaVersion: 1, ...roster })
/** A stored roster without its schema version: the roster. */
export const rosterOfStored = (stored: typeof StoredRoster.Type): Roster => {
  const { schemaVersion: _, ...roster } = stored
  return roster
}

/**
 * A duty shift a lawyer worked.
 *
 * @category schemas
 */
export const WorkedShift = Schema.Struct({ region: Region.RegionCode, ...ShiftFields, lawyerId: Id, rosterId: Schema.optionalKey(Id) })

/** @category models */
export type WorkedShift = typeof WorkedShift.Type

/**
 * No roster with this id in the scope.
 *
 * @category errors
 */
export class RosterNotFound extends Data.TaggedError("RosterNotFound")<{ readonly rosterId: string }> {
  override get message(): string {
    return `no roster ${this.rosterId} in this scope`
  }
}

/**
 * A span of days, both ends inclusive.
 *
 * @category models
 */
export interface DateSpan {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
}

/**
 * What an adapter provides for rosters.
 *
 * @category models
 */
export interface RosterStoreShape {
  /** Stores (or replaces: a re-plan) a roster under an id for a region. */
  readonly put: (region: Region.RegionCode, rosterId: string, roster: Roster) => Effect.Effect<void, StoreError>
  /** A roster inside `scope`. */
  readonly get: (scope: Region.RegionCode, rosterId: string) => Effect.Effect<Roster, RosterNotFound | CorruptRecord | StoreError>
  /** Stores worked shifts, keyed by seat: a shift already stored for its seat is replaced, never doubled. */
  readonly putWorked: (shifts: ReadonlyArray<WorkedShift>) => Effect.Effect<void, StoreError>
  /** Worked shifts inside `scope` from `range.from` to `range.to` (inclusive), by date, site, slot, seat. */
  readonly listWorked: (scope: Region.RegionCode, range: DateSpan) => Effect.Effect<ReadonlyArray<WorkedShift>, StoreError>
}

/**
 * The roster store service.
 *
 * @category services
 */
export class RosterStore extends Context.Service<RosterStore, RosterStoreShape>()("fayuan/RosterStore") {}

/** The key a worked shift is stored under: its seat (region, date, site, slot, seat). */
export const seatKey = (w: WorkedShift): string => `${w.region}|${w.date}|${w.siteId}|${w.slot}|${w.seat}`

/** Orders worked shifts canonically. */
export const compareWorked = (a: WorkedShift, b: WorkedShift): number =>
  a.date !== b.date
    ? a.date < b.date ? -1 : 1
    : a.region !== b.region
      ? a.region < b.region ? -1 : 1
      : a.siteId !== b.siteId
        ? a.siteId < b.siteId ? -1 : 1
        : a.slot !== b.slot
          ? a.slot < b.slot ? -1 : 1
          : a.seat - b.seat

/**
 * The shifts of a roster as worked: one per assignment (within `range` when given), for the
 * duty subsidies. Pass the seats someone else covered or nobody worked through `changes` (each
 * replaces the lawyer of a seat, or with `lawyerId: undefined` drops it).
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * import { workedShifts, type Roster } from "fayuan/roster"
 * declare const roster: Roster
 * const worked = workedShifts(roster, Region.makeUnsafe("530103"), "PL-2018-duty")
 * ```
 *
 * @category worked shifts
 */
export const workedShifts = (
  roster: Roster,
  region: Region.RegionCode,
  rosterId: string,
  options: {
    readonly range?: DateSpan
    readonly changes?: ReadonlyArray<{ readonly date: CalendarDate.CalendarDate; readonly siteId: string; readonly slot: (typeof slots)[number]; readonly seat: number; readonly lawyerId: string | undefined }>
  } = {}
): ReadonlyArray<WorkedShift> => {
  const changed = new Map((options.changes ?? []).map((c) => [`${c.date}|${c.siteId}|${c.slot}|${c.seat}`, c.lawyerId]))
  const out: Array<WorkedShift> = []
  for (const a of roster.assignments) {
    if (options.range !== undefined && (a.date < options.range.from || a.date > options.range.to)) continue
    const key = `${a.date}|${a.siteId}|${a.slot}|${a.seat}`
    const lawyerId = changed.has(key) ? changed.get(key) : a.lawyerId
    if (lawyerId === undefined) continue
    out.push({ region, date: a.date, siteId: a.siteId, slot: a.slot, seat: a.seat, lawyerId, rosterId })
  }
  return out.sort(compareWorked)
}

/**
 * Records a stored roster's shifts as worked (within `range`, with `changes` as in
 * {@link workedShifts}): reads the roster from the store and stores its shifts, keyed by seat, so
 * recording a day twice changes nothing. Returns the shifts recorded.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { recordWorked } from "fayuan/roster"
 * const done = recordWorked(Region.makeUnsafe("530103"), "PL-2018-duty", { range: { from: CalendarDate.makeUnsafe("2018-01-01"), to: CalendarDate.makeUnsafe("2018-01-31") } })
 * ```
 *
 * @category worked shifts
 */
export const recordWorked = (
  region: Region.RegionCode,
  rosterId: string,
  options: Parameters<typeof workedShifts>[3] = {}
): Effect.Effect<ReadonlyArray<WorkedShift>, RosterNotFound | CorruptRecord | StoreError, RosterStore> =>
  EffectModule.gen(function* () {
    const store = yield* RosterStore
    const roster = yield* store.get(region, rosterId)
    const shifts = workedShifts(roster, region, rosterId, options)
    yield* store.putWorked(shifts)
    return shifts
  })
