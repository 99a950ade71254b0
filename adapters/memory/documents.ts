/**
 * The in-memory `DocumentStore`: the reference model of document numbering.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type { DocumentStoreShape, IssuedNumber } from "../../src/documents/Store.ts"
import { compareIssued, requestProblem } from "../../src/documents/Store.ts"
import * as Region from "../../src/Region.ts"
import { StoreError } from "../../src/Storage.ts"

/**
 * A new, empty in-memory document store.
 *
 * @example
 * ```ts
 * import { makeMemoryDocumentStore } from "fayuan/adapters/memory"
 * const documents = makeMemoryDocumentStore()
 * ```
 *
 * @category constructors
 */
export const makeMemoryDocumentStore = (): DocumentStoreShape => {
  const byKey = new Map<string, IssuedNumber>()
  const top = new Map<string, number>()
  return {
    number: (request) =>
      Effect.suspend(() => {
        const problem = requestProblem(request)
        if (problem !== undefined) return Effect.fail(new StoreError({ store: "documents", operation: "number", reason: problem }))
        const k = `${request.region}\u0000${request.key}`
        const given = byKey.get(k)
        if (given !== undefined) return Effect.succeed(given)
        const sequence = `${request.region}\u0000${request.year}\u0000${request.kind}`
        const n = (top.get(sequence) ?? 0) + 1
        top.set(sequence, n)
        const issued: IssuedNumber = { region: request.region, year: request.year, kind: request.kind, n, key: request.key, caseId: request.caseId, issuedOn: request.issuedOn }
        byKey.set(k, issued)
        return Effect.succeed(issued)
      }),
    list: (scope, caseId) =>
      Effect.sync(() => [...byKey.values()].filter((d) => Region.contains(scope, d.region) && (caseId === undefined || d.caseId === caseId)).sort(compareIssued))
  }
}
