/**
 * The tables fayuan keeps, as Kysely sees them. Every table that grows with cases carries the
 * region code (GB/T 2260) and leads its primary key with it: that is the distribution key on a
 * distributed database (Citus, TiDB, OceanBase), and every case query filters on it.
 *
 * @since 0.1.0
 */

/** The event log: one row per event, the payload as versioned JSON text. */
export interface CaseEventsTable {
  readonly region: string
  readonly case_id: string
  readonly sequence: number
  readonly type: string
  readonly occurred_at: string
  readonly recorded_at: string
  readonly schema_version: number
  readonly payload: string
}

/** One row per case: its version and the fields queries group by, written with its events. */
export interface CaseHeadsTable {
  readonly region: string
  readonly case_id: string
  readonly version: number
  readonly state: string
  readonly kind: string
  readonly origin: string
  readonly received_on: string
  readonly last_occurred_at: string
  /** The folded case as JSON, so an append need not replay the log. */
  readonly snapshot: string
}

/** Personal data of a case's party, apart from the log (see `PartyStore`). */
export interface PartiesTable {
  readonly region: string
  readonly case_id: string
  /** The party as JSON, the resident ID number in full: protect it with the database's own access control and encryption at rest. */
  readonly data: string
}

/** Rosters, whole, as versioned JSON. */
export interface RostersTable {
  readonly region: string
  readonly roster_id: string
  readonly period_from: string
  readonly period_to: string
  readonly data: string
}

/** Worked duty shifts, one row per seat. */
export interface DutyShiftsTable {
  readonly region: string
  readonly date: string
  readonly site_id: string
  readonly slot: string
  readonly seat: number
  readonly lawyer_id: string
  readonly roster_id: string | null
}

/** The database fayuan's migrations build. */
export interface FayuanDatabase {
  readonly fayuan_case_events: CaseEventsTable
  readonly fayuan_case_heads: CaseHeadsTable
  readonly fayuan_parties: PartiesTable
  readonly fayuan_rosters: RostersTable
  readonly fayuan_duty_shifts: DutyShiftsTable
}
