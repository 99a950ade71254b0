/**
 * The `DocumentStore` port on any Kysely dialect: one row per document number. A number is the
 * largest of its sequence plus one, inserted in the transaction that read it; the primary key
 * (region, year, kind, number) makes a second writer of the same number fail and retry, and the
 * unique document key makes a re-issue find the number it was given. Numbers only exist once
 * committed, so none is skipped.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type { Kysely, Transaction } from "kysely"
import type * as CalendarDate from "../../src/CalendarDate.ts"
import type { DocumentKind } from "../../src/documents/Document.ts"
import type { DocumentStoreShape, IssuedNumber } from "../../src/documents/Store.ts"
import { compareIssued, requestProblem } from "../../src/documents/Store.ts"
import type * as Region from "../../src/Region.ts"
import { StoreError } from "../../src/Storage.ts"
import type { Flavour } from "./case-store.ts"
import { backoff, databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import type { DocumentsTable, FayuanDatabase } from "./schema.ts"

const issuedOf = (r: DocumentsTable): IssuedNumber => ({
  region: r.region as Region.RegionCode,
  year: Number(r.year),
  kind: r.kind as DocumentKind,
  n: Number(r.seq),
  key: r.doc_key,
  caseId: r.case_id,
  issuedOn: r.issued_on as CalendarDate.CalendarDate
})

/**
 * A `DocumentStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeDocumentStore = (db: Kysely<FayuanDatabase>, flavour: Flavour): DocumentStoreShape => {
  const withRetry = async <A>(body: (trx: Transaction<FayuanDatabase>) => Promise<A>): Promise<A> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction().execute(body)
      } catch (error) {
        // A lost race on a number or a key, or a lock: read again and retry.
        if ((flavour.isBusy(error) || flavour.isUniqueViolation(error)) && attempt < 200) {
          await backoff(attempt)
          continue
        }
        throw error
      }
    }
  }
  return {
    number: (request) =>
      Effect.suspend(() => {
        const problem = requestProblem(request)
        if (problem !== undefined) return Effect.fail(new StoreError({ store: "documents", operation: "number", reason: problem }))
        return Effect.tryPromise({
          try: () =>
            withRetry(async (trx) => {
              const given = await trx.selectFrom("fayuan_documents").selectAll().where("region", "=", request.region).where("doc_key", "=", request.key).executeTakeFirst()
              if (given !== undefined) return issuedOf(given)
              const top = await trx
                .selectFrom("fayuan_documents")
                .select((eb) => eb.fn.max("seq").as("top"))
                .where("region", "=", request.region)
                .where("year", "=", request.year)
                .where("kind", "=", request.kind)
                .executeTakeFirst()
              const row: DocumentsTable = {
                region: request.region,
                year: request.year,
                kind: request.kind,
                seq: Number(top?.top ?? 0) + 1,
                doc_key: request.key,
                case_id: request.caseId,
                issued_on: request.issuedOn
              }
              await trx.insertInto("fayuan_documents").values(row).execute()
              return issuedOf(row)
            }),
          catch: (error) => new StoreError({ store: "documents", operation: "number", reason: databaseError(error) })
        })
      }),
    list: (scope, caseId) =>
      Effect.tryPromise({
        try: async () => {
          const { from, to } = regionRange(scope)
          let q = db.selectFrom("fayuan_documents").selectAll().where("region", ">=", from).where("region", "<", to)
          if (caseId !== undefined) q = q.where("case_id", "=", caseId)
          return (await q.execute()).map(issuedOf).sort(compareIssued)
        },
        catch: (error) => new StoreError({ store: "documents", operation: "list", reason: databaseError(error) })
      })
  }
}
