/**
 * The tables fayuan keeps, as Kysely sees them. Every table that grows with cases carries the
 * region code (GB/T 2260) and leads its primary key with it: that is the distribution key on a
 * distributed database (Citus, TiDB, OceanBase), and every case query filters on it.
 *
 * @since 0.1.0
 */
import type { Generated } from "kysely"

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
  /** The folded case as JSON: written by the migrations before `0010_append_path`, which drops it. */
  readonly snapshot?: string
  // What an evaluation groups by (0006_evaluation; see `CaseFacts`), written with the head.
  /** Special groups as `|minor|disabled|`, or empty. */
  readonly groups: Generated<string>
  readonly eligibility_outcome: string | null
  /** 1 when aid was granted at some point, else 0. */
  readonly granted: Generated<number>
  /** 1 when a lawyer is assigned, else 0. */
  readonly lawyer_assigned: Generated<number>
  /** The day aid was first granted (`CaseDates`), so a past period counts only what happened by its end. */
  readonly granted_on: string | null
  /** The day a lawyer was first assigned. */
  readonly lawyer_assigned_on: string | null
  /** The day of the latest quality grade. */
  readonly graded_on: string | null
  /** The day of the eligibility decision behind `eligibility_outcome`. */
  readonly decided_on: string | null
  /** The due date of the first assignment clock. */
  readonly assignment_due_on: string | null
  readonly ended_on: string | null
  /** The day the closing materials were filed. */
  readonly concluded_on: string | null
  readonly outcome: string | null
  readonly grade: string | null
  /** Lawyers replaced after the recipient's complaint. */
  readonly complaints: Generated<number>
  /** The lawyer on the case now, and since when (0008_case_workload): the assignment pool's counts. */
  readonly lawyer_id: string | null
  readonly lawyer_since: string | null
}

/** The clocks of the cases, one row per clock (its place in the case's clocks), written with the head. */
export interface CaseClocksTable {
  readonly region: string
  readonly case_id: string
  readonly idx: number
  readonly kind: string
  readonly started_on: string
  readonly due_on: string
  readonly stopped_on: string | null
  readonly cancelled_on: string | null
  /** 1 met, 0 missed, once known (a stopped clock; an hour clock at once); else null. */
  readonly met: number | null
}

/**
 * Evaluation records of every type, keyed by (region, type, id): the columns the aggregates read
 * and the whole record as canonical JSON (what reads decode).
 */
export interface RecordsTable {
  readonly region: string
  readonly record_type: string
  readonly id: string
  /** The record's date, or the day a point opened or a position was filled. */
  readonly on_date: string
  /** The last day a point or a position counts (null while it lasts). */
  readonly until_date: string | null
  /** Level, channel, document kind, activity kind, audience, staff kind or survey topic. */
  readonly category: string
  /** The network point a consultation, document or activity belongs to (a point's sub-district office). */
  readonly point_id: string | null
  /** Person-times, quantity, participants or respondents (1 for the others). */
  readonly quantity: number
  /** Articles adopted, or positive answers. */
  readonly portion: number | null
  readonly data: string
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

/** Budgets, whole, as versioned JSON (ids are unique across regions). */
export interface BudgetsTable {
  readonly region: string
  readonly budget_id: string
  readonly year: number
  readonly data: string
  /** The total of the entries recorded on the budget, in fen (migration `0011_ledger_recorded`). */
  readonly recorded_fen: Generated<number | string | bigint>
}

/** The lines of the budgets, for queries (the budget's JSON is the record). */
export interface BudgetLinesTable {
  readonly region: string
  readonly budget_id: string
  readonly line_id: string
  readonly category: string
  /** bigint: PostgreSQL returns it as a string. */
  readonly amount_fen: number | string
}

/** The ledger: one row per entry, under its budget's region, keyed by its idempotency key. */
export interface LedgerEntriesTable {
  readonly region: string
  readonly budget_id: string
  readonly entry_key: string
  readonly line_id: string
  readonly kind: string
  /** bigint: PostgreSQL returns it as a string. */
  readonly amount_fen: number | string
  readonly on_date: string
  readonly source_kind: string
  readonly source_ref: string | null
  /** Where the money went (a division within the budget's region), when given. */
  readonly spent_region: string | null
  readonly lawyer_id: string | null
  readonly memo: string | null
  /** The key of the commitment a payment settles. */
  readonly settles: string | null
}

/** One row per document number given (0009_documents): never the document's text. */
export interface DocumentsTable {
  readonly region: string
  readonly year: number
  readonly kind: string
  /** The number in its sequence (region, year, kind). */
  readonly seq: number
  /** The document: its case, kind and event (`2024-0001/grant-decision/3`). */
  readonly doc_key: string
  readonly case_id: string
  readonly issued_on: string
}

/** The database fayuan's migrations build. */
export interface FayuanDatabase {
  readonly fayuan_case_events: CaseEventsTable
  readonly fayuan_case_heads: CaseHeadsTable
  readonly fayuan_parties: PartiesTable
  readonly fayuan_rosters: RostersTable
  readonly fayuan_duty_shifts: DutyShiftsTable
  readonly fayuan_budgets: BudgetsTable
  readonly fayuan_budget_lines: BudgetLinesTable
  readonly fayuan_ledger_entries: LedgerEntriesTable
  readonly fayuan_case_clocks: CaseClocksTable
  readonly fayuan_records: RecordsTable
  readonly fayuan_documents: DocumentsTable
}
