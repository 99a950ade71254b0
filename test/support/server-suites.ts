/**
 * The suites every database server runs (PostgreSQL, the MySQL family): the case-store contract
 * on one database, SQL reliability and document numbering on a fresh database per test (each
 * writer on a connection of its own), and the records contract with its migration test.
 */
import { afterAll, describe } from "vitest"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import { caseStoreContract } from "../contract/case-store.ts"
import { documentStoreContract } from "../contract/document-store.ts"
import { recordsContract, sharedRecordsSubject } from "../contract/records-store.ts"
import type { SqlTarget } from "../contract/sql-reliability.ts"
import { sqlReliability } from "../contract/sql-reliability.ts"
import { sharedSubject } from "./sql-subject.ts"

/** A server the suites can make databases on. */
export interface Server {
  readonly name: string
  /** The server's URL, or undefined when the suites are skipped. */
  readonly url: string | undefined
  readonly fresh: (label: string) => Promise<{ readonly url: string; readonly drop: () => Promise<void> }>
  /** Opens an adapter on a database's URL with at most `connections` connections. */
  readonly open: (url: string, options: OpenOptions, connections?: number) => Promise<Opened>
}

export const storeSuites = (server: Server): void => {
  describe.runIf(server.url !== undefined)(server.name, () => {
    const database = server.url === undefined ? undefined : server.fresh("contract")
    afterAll(async () => {
      await (await database)?.drop()
    })
    caseStoreContract(server.name, sharedSubject(async (options) => server.open((await database!).url, options)))

    const many: SqlTarget = {
      openMany: async (count, options = {}) => {
        const fresh = await server.fresh("reliability")
        // Each writer has its own pool of one connection.
        const first = await server.open(fresh.url, options, 1)
        const rest = await Promise.all(Array.from({ length: count - 1 }, () => server.open(fresh.url, { ...options, migrate: false }, 1)))
        const adapters = [first, ...rest]
        return {
          adapters,
          closeAll: async () => {
            await Promise.all(adapters.map((a) => a.close()))
            await fresh.drop()
          }
        }
      }
    }
    sqlReliability(server.name, many)
    documentStoreContract(server.name, {
      openMany: async (count) => {
        const { adapters, closeAll } = await many.openMany(count)
        return { stores: adapters.map((a) => a.documentStore), closeAll }
      }
    })
  })
}

export const recordsSuites = (server: Server): void => {
  describe.runIf(server.url !== undefined)(server.name, () => {
    const database = server.url === undefined ? undefined : server.fresh("records")
    afterAll(async () => {
      await (await database)?.drop()
    })
    recordsContract(
      server.name,
      sharedRecordsSubject(
        async (options) => server.open((await database!).url, options),
        async () => {
          const fresh = await server.fresh("records_migration")
          const adapter = await server.open(fresh.url, { migrate: false }, 2)
          return {
            adapter,
            close: async () => {
              await adapter.close()
              await fresh.drop()
            }
          }
        }
      )
    )
  })
}
