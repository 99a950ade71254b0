/**
 * Opening an adapter: a Kysely database, migrated, with its stores and a layer providing them.
 *
 * @since 0.1.0
 */
import { Layer } from "effect"
import type { Kysely } from "kysely"
import { CaseStore } from "../../src/lifecycle/Store.ts"
import type { CaseStoreShape } from "../../src/lifecycle/Store.ts"
import type { Flavour, Hooks } from "./case-store.ts"
import { makeCaseStore } from "./case-store.ts"
import { migrate } from "./migrations.ts"
import type { FayuanDatabase } from "./schema.ts"

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
  readonly layer: Layer.Layer<CaseStore>
  readonly close: () => Promise<void>
}

/**
 * Migrates `db` to the latest schema (unless `migrate: false`) and builds the stores.
 *
 * @category constructors
 */
export const openWith = async (
  db: Kysely<FayuanDatabase>,
  flavour: Flavour,
  options: { readonly migrate?: boolean; readonly hooks?: Hooks } = {}
): Promise<Opened> => {
  try {
    if (options.migrate !== false) await migrate(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  const caseStore = makeCaseStore(db, flavour, options.hooks)
  return {
    name: flavour.name,
    db,
    caseStore,
    layer: Layer.succeed(CaseStore, caseStore),
    close: () => db.destroy()
  }
}
