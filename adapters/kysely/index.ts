/**
 * `fayuan/adapters/kysely`: fayuan's schema, migrations and Store ports on any Kysely dialect.
 * The SQLite, PostgreSQL and PGlite entry points wrap this with a dialect and a `Flavour`.
 *
 * @since 0.1.0
 */
export type { Flavour, Hooks } from "./case-store.ts"
export { makeCaseStore } from "./case-store.ts"
export { latestMigration, migrate, migrations } from "./migrations.ts"
export type * from "./schema.ts"
export type { Opened, OpenOptions } from "./open.ts"
export type { PartyKey, PartyProtection } from "./internal/seal.ts"
export { openWith, queryLog } from "./open.ts"
export { makePartyStore } from "./party-store.ts"
export { makeRosterStore } from "./roster-store.ts"
export { postgresFlavour, sqliteFlavour } from "./flavours.ts"
export { makeLedgerStore } from "./ledger-store.ts"
export { makeRecordStore } from "./records-store.ts"
export { makeEvaluationSource } from "./evaluation-source.ts"
export { makeDocumentStore } from "./document-store.ts"
