/**
 * Versioned migrations, run forward from any earlier version by Kysely's `Migrator`. Each is
 * portable SQL through the query builder, so the same list serves SQLite, PostgreSQL and PGlite.
 *
 * - `0001_case_events`: the event log, keyed by (region, case, sequence);
 * - `0002_case_heads`: one row per case (version, state, kind, dates, snapshot), back-filled by
 *   folding the logs already stored;
 * - `0003_parties`: the parties' personal data, apart from the log;
 * - `0004_rosters`: duty rosters and the worked shifts duty subsidies are paid from;
 * - `0005_ledger`: budgets, their lines, and the ledger of commitments and payments (its index
 *   covers the execution totals);
 * - `0006_evaluation`: the case facts an evaluation groups by (beside the heads, back-filled),
 *   the clocks table, the evaluation records, and covering indexes (see `case-facts.ts`);
 * - `0007_case_identity`: a case id is unique in the deployment (refused, with the count, when a
 *   database already holds one id in two regions).
 *
 * @since 0.1.0
 */
import { type Kysely, sql } from "kysely"
import { text } from "./internal/dialect.ts"
import type { Migration, MigrationProvider, MigrationResultSet } from "kysely/migration"
import { Migrator } from "kysely/migration"
import { Result, Schema } from "effect"
import { replay } from "../../src/lifecycle/Case.ts"
import { CaseEvent } from "../../src/lifecycle/Event.ts"
import { evaluationMigration } from "./case-facts.ts"
import type { FayuanDatabase } from "./schema.ts"

const decodeEvent = Schema.decodeUnknownResult(Schema.fromJsonString(CaseEvent))

/** The migrations, by name, in order. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001_case_events": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_case_events")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("case_id", "varchar(128)", (c) => c.notNull())
        .addColumn("sequence", "integer", (c) => c.notNull())
        .addColumn("type", "varchar(64)", (c) => c.notNull())
        .addColumn("occurred_at", "varchar(40)", (c) => c.notNull())
        .addColumn("recorded_at", "varchar(40)", (c) => c.notNull())
        .addColumn("schema_version", "integer", (c) => c.notNull())
        .addColumn("payload", text(db), (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_case_events_pk", ["region", "case_id", "sequence"])
        .execute()
      await db.schema.createIndex("fayuan_case_events_type").on("fayuan_case_events").columns(["region", "type"]).execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_case_events").execute()
    }
  },
  "0002_case_heads": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_case_heads")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("case_id", "varchar(128)", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("state", "varchar(32)", (c) => c.notNull())
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("origin", "varchar(16)", (c) => c.notNull())
        .addColumn("received_on", "varchar(10)", (c) => c.notNull())
        .addColumn("last_occurred_at", "varchar(40)", (c) => c.notNull())
        .addColumn("snapshot", text(db), (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_case_heads_pk", ["region", "case_id"])
        .execute()
      await db.schema.createIndex("fayuan_case_heads_received").on("fayuan_case_heads").columns(["region", "received_on"]).execute()
      // Back-fill: fold every stored log into its head (region by region, case by case).
      const typed = db as unknown as Kysely<FayuanDatabase>
      const rows = await typed
        .selectFrom("fayuan_case_events")
        .select(["region", "case_id", "sequence", "payload"])
        .where("region", ">=", "")
        .orderBy("region")
        .orderBy("case_id")
        .orderBy("sequence")
        .execute()
      let i = 0
      while (i < rows.length) {
        const { region, case_id } = rows[i]!
        const events: Array<CaseEvent> = []
        let bad = false
        for (; i < rows.length && rows[i]!.region === region && rows[i]!.case_id === case_id; i++) {
          const e = decodeEvent(rows[i]!.payload)
          if (Result.isFailure(e)) bad = true
          else events.push(e.success)
        }
        // A log that does not decode keeps its events; its head waits for a repair.
        if (bad) continue
        const c = replay(events)
        if (c === undefined) continue
        await typed
          .insertInto("fayuan_case_heads")
          .values({
            region,
            case_id,
            version: c.version,
            state: c.state,
            kind: c.kind,
            origin: c.origin,
            received_on: c.receivedOn,
            last_occurred_at: c.lastOccurredAt,
            snapshot: JSON.stringify(c)
          })
          .execute()
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_case_heads").execute()
    }
  },
  "0003_parties": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_parties")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("case_id", "varchar(128)", (c) => c.notNull())
        .addColumn("data", text(db), (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_parties_pk", ["region", "case_id"])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_parties").execute()
    }
  },
  "0004_rosters": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_rosters")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("roster_id", "varchar(64)", (c) => c.notNull())
        .addColumn("period_from", "varchar(10)", (c) => c.notNull())
        .addColumn("period_to", "varchar(10)", (c) => c.notNull())
        .addColumn("data", text(db), (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_rosters_pk", ["region", "roster_id"])
        .execute()
      await db.schema
        .createTable("fayuan_duty_shifts")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("date", "varchar(10)", (c) => c.notNull())
        .addColumn("site_id", "varchar(64)", (c) => c.notNull())
        .addColumn("slot", "varchar(4)", (c) => c.notNull())
        .addColumn("seat", "integer", (c) => c.notNull())
        .addColumn("lawyer_id", "varchar(64)", (c) => c.notNull())
        .addColumn("roster_id", "varchar(64)")
        .addPrimaryKeyConstraint("fayuan_duty_shifts_pk", ["region", "date", "site_id", "slot", "seat"])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_duty_shifts").execute()
      await db.schema.dropTable("fayuan_rosters").execute()
    }
  },
  "0005_ledger": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_budgets")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("budget_id", "varchar(64)", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("data", text(db), (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_budgets_pk", ["region", "budget_id"])
        .execute()
      await db.schema
        .createTable("fayuan_budget_lines")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("budget_id", "varchar(64)", (c) => c.notNull())
        .addColumn("line_id", "varchar(64)", (c) => c.notNull())
        .addColumn("category", "varchar(32)", (c) => c.notNull())
        .addColumn("amount_fen", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_budget_lines_pk", ["region", "budget_id", "line_id"])
        .execute()
      // One row per entry, under its budget's region; `spent_region` is where the money went.
      await db.schema
        .createTable("fayuan_ledger_entries")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("budget_id", "varchar(64)", (c) => c.notNull())
        .addColumn("entry_key", "varchar(200)", (c) => c.notNull())
        .addColumn("line_id", "varchar(64)", (c) => c.notNull())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("amount_fen", "bigint", (c) => c.notNull())
        .addColumn("on_date", "varchar(10)", (c) => c.notNull())
        .addColumn("source_kind", "varchar(16)", (c) => c.notNull())
        .addColumn("source_ref", "varchar(200)")
        .addColumn("spent_region", "varchar(6)")
        .addColumn("lawyer_id", "varchar(64)")
        .addColumn("memo", text(db))
        .addColumn("settles", "varchar(200)")
        .addPrimaryKeyConstraint("fayuan_ledger_entries_pk", ["region", "budget_id", "entry_key"])
        .execute()
      // Leads with (region, budget, line) for queries by line and date, and covers the execution
      // totals (GROUP BY line_id, kind; sums of amount_fen, settled or not) so they never touch the table.
      await db.schema
        .createIndex("fayuan_ledger_entries_line")
        .on("fayuan_ledger_entries")
        .columns(["region", "budget_id", "line_id", "kind", "on_date", "amount_fen", "settles"])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_ledger_entries").execute()
      await db.schema.dropTable("fayuan_budget_lines").execute()
      await db.schema.dropTable("fayuan_budgets").execute()
    }
  },
  "0006_evaluation": evaluationMigration,
  "0007_case_identity": {
    // A case id is unique in a deployment, whatever its region: a second case opened under an id
    // is a conflict on every adapter, and a city or province reads each id as one case.
    async up(db: Kysely<unknown>) {
      const typed = db as unknown as Kysely<FayuanDatabase>
      const shared = await typed
        .selectFrom("fayuan_case_events")
        .select(["case_id"])
        .where("region", ">=", "0")
        .where("sequence", "=", 1)
        .groupBy("case_id")
        .having((eb) => eb.fn.count("region"), ">", 1)
        .execute()
      if (shared.length > 0) {
        throw new Error(
          `0007_case_identity: ${shared.length} case id(s) are used in more than one region; give each case its own id (for example, prefix the region code) and migrate again`
        )
      }
      await db.schema.createIndex("fayuan_case_heads_case_id").on("fayuan_case_heads").column("case_id").unique().execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("fayuan_case_heads_case_id").execute()
    }
  },
  "0008_case_workload": {
    // The lawyer on each case and since when, so the assignment pool's counts come from a listing.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_case_heads").addColumn("lawyer_id", "varchar(64)").execute()
      await db.schema.alterTable("fayuan_case_heads").addColumn("lawyer_since", "varchar(10)").execute()
      const typed = db as unknown as Kysely<FayuanDatabase>
      const rows = await typed.selectFrom("fayuan_case_heads").select(["region", "case_id", "snapshot"]).where("region", ">=", "0").execute()
      for (const row of rows) {
        let lawyer: { lawyerId?: unknown; since?: unknown } | undefined
        try {
          lawyer = (JSON.parse(row.snapshot ?? "null") as { lawyer?: { lawyerId?: unknown; since?: unknown } } | null)?.lawyer
        } catch {
          lawyer = undefined
        }
        if (typeof lawyer?.lawyerId !== "string" || typeof lawyer.since !== "string") continue
        await typed
          .updateTable("fayuan_case_heads")
          .set({ lawyer_id: lawyer.lawyerId, lawyer_since: lawyer.since })
          .where("region", "=", row.region)
          .where("case_id", "=", row.case_id)
          .execute()
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_case_heads").dropColumn("lawyer_since").execute()
      await db.schema.alterTable("fayuan_case_heads").dropColumn("lawyer_id").execute()
    }
  },
  "0009_documents": {
    // Document numbers: one sequence per issuing centre (region), year and kind; the key makes a re-issue idempotent.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("fayuan_documents")
        .addColumn("region", "varchar(6)", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("doc_key", "varchar(200)", (c) => c.notNull())
        .addColumn("case_id", "varchar(128)", (c) => c.notNull())
        .addColumn("issued_on", "varchar(10)", (c) => c.notNull())
        .addPrimaryKeyConstraint("fayuan_documents_pk", ["region", "year", "kind", "seq"])
        .addUniqueConstraint("fayuan_documents_key", ["region", "doc_key"])
        .execute()
      await db.schema.createIndex("fayuan_documents_case").on("fayuan_documents").columns(["region", "case_id"]).execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("fayuan_documents").execute()
    }
  },
  "0010_append_path": {
    // The write path keeps no snapshot of the case in its head (an append carries on from the
    // case the process wrote last, or folds the log), and checks the head's version in the same
    // statement that writes it: \`appended\` is how many events the last append added.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_case_heads").addColumn("appended", "integer", (c) => c.notNull().defaultTo(0)).execute()
      await db.schema.alterTable("fayuan_case_heads").dropColumn("snapshot").execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_case_heads").addColumn("snapshot", text(db), (c) => c.notNull().defaultTo("{}")).execute()
      await db.schema.alterTable("fayuan_case_heads").dropColumn("appended").execute()
    }
  },
  "0011_ledger_recorded": {
    // Every budget keeps the total of the entries recorded on it, raised in the statement that
    // checks it stays exact: no sum of its entries a store reads can leave the safe integers.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_budgets").addColumn("recorded_fen", "bigint", (c) => c.notNull().defaultTo(0)).execute()
      await sql`update fayuan_budgets set recorded_fen = coalesce((select sum(e.amount_fen) from fayuan_ledger_entries e where e.region = fayuan_budgets.region and e.budget_id = fayuan_budgets.budget_id), 0)`.execute(db)
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("fayuan_budgets").dropColumn("recorded_fen").execute()
    }
  }
}

/** The name of the newest migration: the schema version of this release. */
export const latestMigration = Object.keys(migrations).at(-1)!

const provider = (upTo?: string): MigrationProvider => ({
  getMigrations: async () => {
    const names = Object.keys(migrations)
    const end = upTo === undefined ? names.length : names.indexOf(upTo) + 1
    return Object.fromEntries(names.slice(0, end).map((n) => [n, migrations[n]!]))
  }
})

/**
 * Runs every migration not yet applied (or up to `upTo`), in order, each in its own transaction
 * where the database allows. Fails with the first error.
 *
 * @example
 * import type { Kysely } from "kysely"
 * import { migrate, type FayuanDatabase } from "fayuan/adapters/kysely"
 * declare const db: Kysely<FayuanDatabase>
 * await migrate(db)
 */
export const migrate = async (db: Kysely<FayuanDatabase>, upTo?: string): Promise<MigrationResultSet> => {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: provider(upTo),
    migrationTableName: "fayuan_migration",
    migrationLockTableName: "fayuan_migration_lock"
  })
  const result = await migrator.migrateToLatest()
  if (result.error !== undefined) throw result.error
  return result
}
