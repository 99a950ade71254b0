/**
 * One PGlite instance for every PGlite contract (starting one takes a second or two): a "fresh"
 * database is the same instance with its schema dropped and made again, and the adapters handed
 * out leave the instance open when closed (it is closed once, after the file).
 */
import { PGlite } from "@electric-sql/pglite"
import { afterAll } from "vitest"
import { openPglite } from "../../adapters/pglite/index.ts"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"

let instance: PGlite | undefined

afterAll(async () => {
  await instance?.close()
  instance = undefined
})

/** The shared instance, emptied: no tables, no migrations recorded. */
export const freshPglite = async (): Promise<PGlite> => {
  instance ??= new PGlite()
  await instance.exec("drop schema public cascade; create schema public")
  return instance
}

/** An adapter on the shared instance (`fresh`: emptied first); its `close` leaves the instance open. */
export const openSharedPglite = async (options: OpenOptions = {}, fresh = true): Promise<Opened> => {
  const pglite = fresh ? await freshPglite() : (instance ??= new PGlite())
  const adapter = await openPglite({ pglite, ...options })
  return { ...adapter, close: async () => {} }
}
