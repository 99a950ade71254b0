/**
 * The parties of a case: the personal data of the applicant or recipient (name, resident ID
 * number, phone), kept apart from the event log. Events never hold personal data, so the log can
 * be read, exported and audited freely, and a party's data can be erased (PIPL) without touching
 * the record of what the centre did.
 *
 * Personal data never appears in errors or logs: every error here names the case and the field,
 * never a value; `ResidentId` prints masked.
 *
 * @since 0.1.0
 */
import { Context, Data, Result, Schema } from "effect"
import type { Effect } from "effect"
import { issuesOf } from "../eligibility/Application.ts"
import type { Issue } from "../eligibility/Application.ts"
import type * as Region from "../Region.ts"
import { ResidentIdFromString } from "../ResidentId.ts"
import type { CorruptRecord, StoreError } from "../Storage.ts"
import type { CaseNotFound } from "./Store.ts"

/**
 * A party's personal data.
 *
 * @category schemas
 */
export const Party = Schema.Struct({
  name: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
  residentId: ResidentIdFromString,
  phone: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isPattern(/^\+?\d[\d -]{5,19}$/))))
})

/** @category models */
export type Party = typeof Party.Type

/** The name as printed: its first character, the rest masked (`张**`). */
const maskName = (name: string): string => {
  const chars = [...name]
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`
}

/** The phone as printed: the first three and last four digits (`139****5678`). */
const maskPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, "")
  return digits.length <= 7 ? "*".repeat(digits.length) : `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`
}

/**
 * A party that prints masked: `JSON.stringify` and `util.inspect` (and so `console.log`) show
 * `张**`, `110105********002X`, `139****5678`; the fields themselves read in full. Every party
 * fayuan hands out (decoded, or read from a store) is one.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { decodeParty } from "fayuan/lifecycle"
 * const p = Result.getOrThrow(decodeParty({ name: "张三", residentId: "11010519491231002X", phone: "13912345678" }))
 * JSON.stringify(p) // {"name":"张*","residentId":"110105********002X","phone":"139****5678"}
 * p.name            // "张三"
 * ```
 *
 * @category models
 */
export const masked = (party: Party): Party => {
  const shown = () => ({ name: maskName(party.name), residentId: party.residentId.masked, ...(party.phone === undefined ? {} : { phone: maskPhone(party.phone) }) })
  return Object.defineProperties(party, {
    toJSON: { value: shown, enumerable: false },
    [Symbol.for("nodejs.util.inspect.custom")]: { value: () => shown(), enumerable: false },
    toString: { value: () => `Party(${maskName(party.name)})`, enumerable: false }
  })
}

/**
 * Input that is not a valid party: the fields and reasons, never the values.
 *
 * @category errors
 */
export class InvalidParty extends Data.TaggedError("InvalidParty")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid party: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const decodePartyStruct = Schema.decodeUnknownResult(Party)

/**
 * Decodes a party from unknown input.
 *
 * @example
 * import { decodeParty } from "fayuan/lifecycle"
 * decodeParty({ name: "张三", residentId: "11010519491231002X" })
 *
 * @category decoding
 */
export const decodeParty = (input: unknown): Result.Result<Party, InvalidParty> => {
  const r = decodePartyStruct(input, { errors: "all", onExcessProperty: "error" })
  return Result.isFailure(r) ? Result.fail(new InvalidParty({ issues: issuesOf(r.failure) })) : Result.succeed(masked({ ...r.success }))
}

/** The stored form: JSON with the raw ID number (storage is where it must be). */
export const encodePartyJson = Schema.encodeSync(Schema.fromJsonString(Party))

/**
 * What an adapter provides for parties.
 *
 * @category models
 */
export interface PartyStoreShape {
  /** Sets the party of a case in `region` (replacing any). */
  readonly put: (region: Region.RegionCode, caseId: string, party: Party) => Effect.Effect<void, StoreError>
  /** The party of a case inside `scope`. */
  readonly get: (scope: Region.RegionCode, caseId: string) => Effect.Effect<Party, CaseNotFound | CorruptRecord | StoreError>
  /**
   * Erases the party of a case inside `scope` (its events stay): `CaseNotFound` when no party of
   * that case is inside the scope, so an erasure asked of the wrong office never reports success.
   */
  readonly erase: (scope: Region.RegionCode, caseId: string) => Effect.Effect<void, CaseNotFound | StoreError>
}

/**
 * The party store service.
 *
 * @category services
 */
export class PartyStore extends Context.Service<PartyStore, PartyStoreShape>()("fayuan/PartyStore") {}
