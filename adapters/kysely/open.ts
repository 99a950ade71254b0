/**
 * Opening an adapter: a Kysely database, migrated, with its stores and a layer providing them.
 *
 * @since 0.1.0
 */
import { Layer } from "effect"
import type { Kysely } from "kysely"
import type { PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { PartyStore } from "../../src/lifecycle/Party.ts"
import { CaseStore } from "../../src/lifecycle/Store.ts"
import type { RosterStoreShape } from "../../src/roster/Store.ts"
import { RosterStore } from "../../src/roster/Store.ts"
import type { CaseStoreShape } from "../../src/lifecycle/Store.ts"
import type { Flavour, Hooks } from "./case-store.ts"
import type { PartyProtection } from "./internal/seal.ts"
import { makeCaseStore } from "./case-store.ts"
import { migrate } from "./migrations.ts"
import { makePartyStore } from "./party-store.ts"
import { makeRosterStore } from "./roster-store.ts"
import type { LedgerStoreShape } from "../../src/budget/Store.ts"
import { LedgerStore } from "../../src/budget/Store.ts"
import { makeLedgerStore } from "./ledger-store.ts"
import type { RecordStoreShape } from "../../src/evaluation/RecordStore.ts"
import { RecordStore } from "../../src/evaluation/RecordStore.ts"
import type { EvaluationSourceShape } from "../../src/evaluation/Source.ts"
import { EvaluationSource } from "../../src/evaluation/Source.ts"
import { makeEvaluationSource } from "./evaluation-source.ts"
import { makeRecordStore } from "./records-store.ts"
import type { FayuanDatabase } from "./schema.ts"
import type { DocumentStoreShape } from "../../src/documents/Store.ts"
import { DocumentStore } from "../../src/documents/Store.ts"
import { makeDocumentStore } from "./document-store.ts"

/**
 * An open adapter: its stores, a layer providing them to Effect programs, the Kysely instance
 * (for queries of your own), and `close`.
 *
 * @category models
 */
export interface Opened {
  readonly name: string
  readonly db: Kysely<FayuanDatabase>
  readonly caseStore: CaseStoreShape
  readonly partyStore: PartyStoreShape
  readonly rosterStore: RosterStoreShape
  readonly ledgerStore: LedgerStoreShape
  readonly recordStore: RecordStoreShape
  /** The measures of an evaluation, computed in SQL. */
  readonly evaluationSource: EvaluationSourceShape
  /** Document numbers (`fayuan/documents`). */
  readonly documentStore: DocumentStoreShape
  readonly layer: Layer.Layer<CaseStore | PartyStore | RosterStore | LedgerStore | RecordStore | EvaluationSource | DocumentStore>
  /**
   * Key rotation: rewrites every party sealed under a previous key (or stored in clear) under the
   * current key; returns how many were rewritten. Then the previous key can be destroyed, and any
   * copy of an old row left on the disk stays unreadable.
   */
  readonly reencryptParties: () => Promise<number>
  readonly close: () => Promise<void>
}

/**
 * Options every SQL adapter's `open` takes.
 *
 * @category models
 */
export interface OpenOptions {
  /** Run the migrations on open (default `true`). */
  readonly migrate?: boolean
  readonly hooks?: Hooks
  /**
   * How the parties' personal data is kept at rest: `{ keys: { current: { id, key } } }` seals it
   * (AES-256-GCM, a 32-byte key the host holds; `previous` keys still open older rows, see
   * `reencryptParties`), `{ encryption: "off" }` stores it in clear. Without either, the party
   * store refuses to store or read personal data (a `StoreError` saying so).
   */
  readonly parties?: PartyProtection
  /** Called with the SQL of every query (for audits and tests; never with parameter values). */
  readonly onQuery?: (sql: string) => void
  /**
   * How many cases the case store remembers as it last wrote them (default 50,000; 0 for none):
   * an append to one of them at that version does not read the case back.
   */
  readonly caseCache?: number
}

/** Kysely's `log` option for `onQuery` (spread into the Kysely config). */
export const queryLog = (options: OpenOptions): { log?: (event: { readonly query: { readonly sql: string } }) => void } =>
  options.onQuery === undefined ? {} : { log: (event) => options.onQuery!(event.query.sql) }

/**
 * Migrates `db` to the latest schema (unless `migrate: false`) and builds the stores.
 *
 * @category constructors
 */
export const openWith = async (
  db: Kysely<FayuanDatabase>,
  flavour: Flavour,
  options: OpenOptions = {}
): Promise<Opened> => {
  try {
    if (options.migrate !== false) await migrate(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  const caseStore = makeCaseStore(db, flavour, options.hooks, options.caseCache)
  const partyStore = makePartyStore(db, options.parties, flavour)
  const rosterStore = makeRosterStore(db)
  const ledgerStore = makeLedgerStore(db, flavour)
  const recordStore = makeRecordStore(db)
  const evaluationSource = makeEvaluationSource(db, { groupInIndexOrder: flavour.name === "sqlite" })
  const documentStore = makeDocumentStore(db, flavour)
  return {
    name: flavour.name,
    db,
    caseStore,
    partyStore,
    rosterStore,
    ledgerStore,
    recordStore,
    evaluationSource,
    documentStore,
    layer: Layer.mergeAll(
      Layer.succeed(CaseStore, caseStore),
      Layer.succeed(PartyStore, partyStore),
      Layer.succeed(RosterStore, rosterStore),
      Layer.succeed(LedgerStore, ledgerStore),
      Layer.succeed(RecordStore, recordStore),
      Layer.succeed(EvaluationSource, evaluationSource),
      Layer.succeed(DocumentStore, documentStore)
    ),
    reencryptParties: () => partyStore.reencrypt(),
    close: () => db.destroy()
  }
}
