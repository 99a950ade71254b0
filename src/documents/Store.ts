/**
 * The port for document numbers: one sequence per issuing centre (its region), year and kind of
 * document, without gaps or duplicates under concurrent issue from many processes, and the same
 * number again for the same document (issuing is idempotent by its key). The store keeps the
 * number, the case and the day — never the document's text, which names the parties and is made
 * again from the case whenever it is needed.
 *
 * @since 0.2.0
 */
import { Context } from "effect"
import type { Effect } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type * as Region from "../Region.ts"
import type { StoreError } from "../Storage.ts"
import { documentKinds } from "./Document.ts"
import type { DocumentKind } from "./Document.ts"

/**
 * A number asked for: the sequence (`region`, `year`, `kind`) and the document's `key` (its case,
 * kind and event), with the case and the day of issue to record.
 *
 * @category models
 */
export interface NumberRequest {
  readonly region: Region.RegionCode
  readonly year: number
  readonly kind: DocumentKind
  readonly key: string
  readonly caseId: string
  readonly issuedOn: CalendarDate.CalendarDate
}

/**
 * A number given: `n` in its sequence, and the day it was first issued (a re-issue keeps both).
 *
 * @category models
 */
export interface IssuedNumber {
  readonly region: Region.RegionCode
  readonly year: number
  readonly kind: DocumentKind
  readonly n: number
  readonly key: string
  readonly caseId: string
  readonly issuedOn: CalendarDate.CalendarDate
}

/**
 * What an adapter provides.
 *
 * @category models
 */
export interface DocumentStoreShape {
  /**
   * The number of the document under `key`: the one it was given before, or the next of its
   * sequence (one more than the largest given), atomically — two processes never get one number,
   * and no number is skipped.
   */
  readonly number: (request: NumberRequest) => Effect.Effect<IssuedNumber, StoreError>
  /** The documents issued inside `scope`, for one case or all, by region, year, kind and number. */
  readonly list: (scope: Region.RegionCode, caseId?: string) => Effect.Effect<ReadonlyArray<IssuedNumber>, StoreError>
}

/**
 * The document store service.
 *
 * @category services
 */
export class DocumentStore extends Context.Service<DocumentStore, DocumentStoreShape>()("fayuan/DocumentStore") {}

/** Orders issued numbers canonically: region, year, kind, number. */
export const compareIssued = (a: IssuedNumber, b: IssuedNumber): number =>
  a.region !== b.region ? (a.region < b.region ? -1 : 1) : a.year !== b.year ? a.year - b.year : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.n - b.n

/**
 * What is wrong with a number request, naming the field, or `undefined`: the same checks on
 * every adapter, before anything is stored.
 */
export const requestProblem = (r: NumberRequest): string | undefined => {
  if (!/^\d{6}$/.test(r.region)) return "region: not a six-digit GB/T 2260 code"
  if (!Number.isInteger(r.year) || r.year < 1990 || r.year > 9999) return "year: not a year from 1990 on"
  if (!(documentKinds as ReadonlyArray<string>).includes(r.kind)) return "kind: not a kind of document"
  if (r.key.length === 0 || r.key.length > 200) return "key: empty or longer than 200 characters"
  if (r.caseId.length === 0 || r.caseId.length > 128) return "caseId: empty or longer than 128 characters"
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.issuedOn) || r.issuedOn.slice(0, 4) !== String(r.year)) return "issuedOn: not a day of the year"
  return undefined
}
