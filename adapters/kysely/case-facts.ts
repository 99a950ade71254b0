/**
 * The case facts an evaluation aggregates, kept beside the case heads: the columns the case store
 * writes with every head, the clocks table it keeps in the same transaction, and the migration
 * (`0006_evaluation`) that adds them, the record table and the indexes the aggregates use.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import type { Insertable, Kysely, Transaction } from "kysely"
import type { Migration } from "kysely/migration"
import type { Case } from "../../src/lifecycle/Case.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import { CaseEvent } from "../../src/lifecycle/Event.ts"
import type { CaseDates } from "../../src/evaluation/CaseFacts.ts"
import { caseDates, caseFacts, clockFactsAt, encodeGroups } from "../../src/evaluation/CaseFacts.ts"
import { text, upsert } from "./internal/dialect.ts"
import { rowsStatement } from "./internal/statements.ts"
import type { CaseClocksTable, CaseHeadsTable, FayuanDatabase } from "./schema.ts"

/** The evaluation columns of a head. */
export type HeadFacts = Pick<
  Insertable<CaseHeadsTable>,
  | "groups"
  | "eligibility_outcome"
  | "granted"
  | "lawyer_assigned"
  | "ended_on"
  | "concluded_on"
  | "outcome"
  | "grade"
  | "complaints"
  | "granted_on"
  | "lawyer_assigned_on"
  | "graded_on"
  | "decided_on"
  | "assignment_due_on"
>

/** The evaluation columns of a head, in the order an upsert sets them. */
export const headFactColumns = [
  "groups",
  "eligibility_outcome",
  "granted",
  "lawyer_assigned",
  "ended_on",
  "concluded_on",
  "outcome",
  "grade",
  "complaints",
  "granted_on",
  "lawyer_assigned_on",
  "graded_on",
  "decided_on",
  "assignment_due_on"
] as const

/** The date columns of a head that carry a case's {@link CaseDates} from one append to the next. */
export const headDateColumns = ["granted_on", "lawyer_assigned_on", "graded_on", "decided_on"] as const

/**
 * A case's dates as its head stores them.
 *
 * @category rows
 */
export const datesOfHead = (row: { readonly [K in (typeof headDateColumns)[number]]: string | null }): CaseDates => ({
  grantedOn: (row.granted_on ?? undefined) as CaseDates["grantedOn"],
  lawyerAssignedOn: (row.lawyer_assigned_on ?? undefined) as CaseDates["lawyerAssignedOn"],
  gradedOn: (row.graded_on ?? undefined) as CaseDates["gradedOn"],
  decidedOn: (row.decided_on ?? undefined) as CaseDates["decidedOn"]
})

/**
 * The dates of a stored case, folded from its log up to a version (for a head whose snapshot could not be
 * used). An event that does not decode is skipped here: the fold of the case reports it.
 *
 * @category rows
 */
export const loadDates = async (trx: Transaction<FayuanDatabase> | Kysely<FayuanDatabase>, region: string, caseId: string, upTo: number): Promise<CaseDates> => {
  const rows = await trx
    .selectFrom("fayuan_case_events")
    .select(["payload"])
    .where("region", "=", region)
    .where("case_id", "=", caseId)
    .where("sequence", "<=", upTo)
    .orderBy("sequence")
    .execute()
  const events: Array<CaseEvent> = []
  for (const row of rows) {
    const e = decodeEvent(row.payload)
    if (Result.isSuccess(e)) events.push(e.success)
  }
  return caseDates(events)
}

/**
 * The evaluation columns of a case's head, given its dates folded from its log.
 *
 * @category rows
 */
export const headFacts = (c: Case, dates: CaseDates): HeadFacts => {
  const f = caseFacts(c, dates)
  return {
    groups: encodeGroups(f.groups),
    eligibility_outcome: f.eligibilityOutcome ?? null,
    granted: f.granted ? 1 : 0,
    lawyer_assigned: f.lawyerAssigned ? 1 : 0,
    ended_on: f.endedOn ?? null,
    concluded_on: f.concludedOn ?? null,
    outcome: f.outcome ?? null,
    grade: f.grade ?? null,
    complaints: f.complaints,
    granted_on: f.grantedOn ?? null,
    lawyer_assigned_on: f.lawyerAssignedOn ?? null,
    graded_on: f.gradedOn ?? null,
    decided_on: f.decidedOn ?? null,
    assignment_due_on: f.assignmentDueOn ?? null
  }
}

/**
 * The row of a case's clock `idx`.
 *
 * @category rows
 */
export const clockRow = (c: Case, idx: number): Insertable<CaseClocksTable> => {
  const f = clockFactsAt(c, idx)
  return {
    region: f.region,
    case_id: f.caseId,
    idx,
    kind: f.kind,
    started_on: f.startedOn,
    due_on: f.dueOn,
    stopped_on: f.stoppedOn ?? null,
    cancelled_on: f.cancelledOn ?? null,
    met: f.met === undefined ? null : f.met ? 1 : 0
  }
}

/**
 * The clock rows an append must write: clocks new since `before`, and clocks it stopped or
 * cancelled. Clocks are only ever added or stopped, so this is usually one or two rows.
 *
 * @category rows
 */
export const changedClockRows = (before: Case | undefined, after: Case): ReadonlyArray<Insertable<CaseClocksTable>> => {
  const rows: Array<Insertable<CaseClocksTable>> = []
  const old = before?.clocks ?? []
  for (let i = 0; i < after.clocks.length; i++) {
    const was = old[i]
    const now = after.clocks[i]!
    if (was === undefined || was.stoppedOn !== now.stoppedOn || was.cancelledOn !== now.cancelledOn || was.met !== now.met || was.kind !== now.kind) rows.push(clockRow(after, i))
  }
  return rows
}

const CHUNK = 500

/**
 * Upserts clock rows (by region, case and place).
 *
 * @category rows
 */
const upsertClocks = rowsStatement((trx, rows: ReadonlyArray<Insertable<CaseClocksTable>>) =>
  upsert(trx, trx.insertInto("fayuan_case_clocks").values(rows), ["region", "case_id", "idx"], ["kind", "started_on", "due_on", "stopped_on", "cancelled_on", "met"])
)

export const writeClocks = async (trx: Transaction<FayuanDatabase> | Kysely<FayuanDatabase>, rows: ReadonlyArray<Insertable<CaseClocksTable>>): Promise<void> => {
  for (let i = 0; i < rows.length; i += CHUNK) await upsertClocks(trx, rows.slice(i, i + CHUNK))
}

const decodeEvent = Schema.decodeUnknownResult(Schema.fromJsonString(CaseEvent))

/** Cases back-filled per round of the migration. */
const PAGE = 500

/**
 * `0006_evaluation`: the evaluation columns of the heads (back-filled by folding every stored log,
 * which also refreshes the snapshots so later appends carry the new facts on), the clocks table,
 * the record table, and covering indexes that lead with the region for the aggregates.
 *
 * @category migrations
 */
export const evaluationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per statement.
    const add = (name: string, type: "varchar(200)" | "varchar(16)" | "varchar(32)" | "varchar(10)" | "integer", notNullDefault?: string | number) =>
      db.schema
        .alterTable("fayuan_case_heads")
        .addColumn(name, type, (c) => (notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault)))
        .execute()
    await add("groups", "varchar(200)", "")
    await add("eligibility_outcome", "varchar(16)")
    await add("granted", "integer", 0)
    await add("lawyer_assigned", "integer", 0)
    await add("ended_on", "varchar(10)")
    await add("concluded_on", "varchar(10)")
    await add("outcome", "varchar(32)")
    await add("grade", "varchar(16)")
    await add("complaints", "integer", 0)
    await add("granted_on", "varchar(10)")
    await add("lawyer_assigned_on", "varchar(10)")
    await add("graded_on", "varchar(10)")
    await add("decided_on", "varchar(10)")
    await add("assignment_due_on", "varchar(10)")
    await db.schema
      .createTable("fayuan_case_clocks")
      .addColumn("region", "varchar(6)", (c) => c.notNull())
      .addColumn("case_id", "varchar(128)", (c) => c.notNull())
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("kind", "varchar(32)", (c) => c.notNull())
      .addColumn("started_on", "varchar(10)", (c) => c.notNull())
      .addColumn("due_on", "varchar(10)", (c) => c.notNull())
      .addColumn("stopped_on", "varchar(10)")
      .addColumn("cancelled_on", "varchar(10)")
      .addColumn("met", "integer")
      .addPrimaryKeyConstraint("fayuan_case_clocks_pk", ["region", "case_id", "idx"])
      .execute()
    await db.schema
      .createTable("fayuan_records")
      .addColumn("region", "varchar(6)", (c) => c.notNull())
      .addColumn("record_type", "varchar(32)", (c) => c.notNull())
      .addColumn("id", "varchar(64)", (c) => c.notNull())
      .addColumn("on_date", "varchar(10)", (c) => c.notNull())
      .addColumn("until_date", "varchar(10)")
      .addColumn("category", "varchar(32)", (c) => c.notNull())
      .addColumn("point_id", "varchar(64)")
      .addColumn("quantity", "integer", (c) => c.notNull())
      .addColumn("portion", "integer")
      .addColumn("data", text(db), (c) => c.notNull())
      .addPrimaryKeyConstraint("fayuan_records_pk", ["region", "record_type", "id"])
      .execute()
    // Covering indexes: each aggregate reads only its index, never the table, and groups in the
    // index's order (no sort): heads by kind and origin, clocks by kind and outcome, records by
    // type and category; the point index answers "any consultation at this point in the period".
    // The record indexes put the type before the region: the one table holds seven kinds of
    // record, and each query reads one kind within the region range (as a table per kind would).
    await db.schema
      .createIndex("fayuan_case_heads_eval_received")
      .on("fayuan_case_heads")
      .columns(["region", "kind", "origin", "received_on", "groups", "eligibility_outcome", "decided_on", "granted_on", "lawyer_assigned_on", "assignment_due_on", "complaints"])
      .execute()
    await db.schema.createIndex("fayuan_case_heads_eval_concluded").on("fayuan_case_heads").columns(["region", "concluded_on", "grade", "graded_on"]).execute()
    await db.schema
      .createIndex("fayuan_case_clocks_eval")
      .on("fayuan_case_clocks")
      .columns(["region", "kind", "met", "started_on", "due_on", "stopped_on", "cancelled_on"])
      .execute()
    await db.schema
      .createIndex("fayuan_records_eval")
      .on("fayuan_records")
      .columns(["record_type", "region", "category", "point_id", "on_date", "until_date", "quantity", "portion"])
      .execute()
    await db.schema.createIndex("fayuan_records_point").on("fayuan_records").columns(["record_type", "region", "point_id", "on_date"]).execute()

    // Back-fill: fold every stored log, a page of heads at a time.
    const typed = db as unknown as Kysely<FayuanDatabase>
    let after: { region: string; caseId: string } | undefined
    for (;;) {
      let q = typed.selectFrom("fayuan_case_heads").select(["region", "case_id"]).where("region", ">=", "")
      if (after !== undefined) {
        const a = after
        q = q.where((eb) => eb.or([eb("region", ">", a.region), eb.and([eb("region", "=", a.region), eb("case_id", ">", a.caseId)])]))
      }
      const heads = await q.orderBy("region").orderBy("case_id").limit(PAGE).execute()
      if (heads.length === 0) break
      after = { region: heads.at(-1)!.region, caseId: heads.at(-1)!.case_id }
      for (const region of [...new Set(heads.map((h) => h.region))]) {
        const ids = heads.filter((h) => h.region === region).map((h) => h.case_id)
        const rows = await typed
          .selectFrom("fayuan_case_events")
          .select(["case_id", "payload"])
          .where("region", "=", region)
          .where("case_id", "in", ids)
          .orderBy("case_id")
          .orderBy("sequence")
          .execute()
        let i = 0
        while (i < rows.length) {
          const caseId = rows[i]!.case_id
          const events: Array<CaseEvent> = []
          let bad = false
          for (; i < rows.length && rows[i]!.case_id === caseId; i++) {
            const e = decodeEvent(rows[i]!.payload)
            if (Result.isFailure(e)) bad = true
            else events.push(e.success)
          }
          // A log that does not decode keeps its head as it was; it waits for a repair.
          if (bad) continue
          let c: Case | undefined
          try {
            c = replay(events)
          } catch {
            continue
          }
          if (c === undefined) continue
          await typed
            .updateTable("fayuan_case_heads")
            .set({ ...headFacts(c, caseDates(events)), version: c.version, state: c.state, last_occurred_at: c.lastOccurredAt, snapshot: JSON.stringify(c) })
            .where("region", "=", region)
            .where("case_id", "=", caseId)
            .execute()
          await writeClocks(typed, c.clocks.map((_, idx) => clockRow(c, idx)))
        }
      }
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("fayuan_records").execute()
    await db.schema.dropTable("fayuan_case_clocks").execute()
    await db.schema.dropIndex("fayuan_case_heads_eval_concluded").execute()
    await db.schema.dropIndex("fayuan_case_heads_eval_received").execute()
    for (const column of [...headFactColumns].reverse()) await db.schema.alterTable("fayuan_case_heads").dropColumn(column).execute()
  }
}
