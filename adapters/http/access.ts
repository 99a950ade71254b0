/**
 * Who may do what beyond the lifecycle (whose commands the library checks itself): the roles of
 * the service's own routes, who issues which document, and the actor's region around a body's.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type { DocumentKind } from "../../src/documents/Document.ts"
import type { Actor } from "../../src/lifecycle/Command.ts"
import type { Role } from "../../src/lifecycle/vocabulary.ts"
import * as Region from "../../src/Region.ts"
import type { RosterInput } from "../../src/roster/Roster.ts"
import type { Failure } from "./answers.ts"

/** Refuses an actor whose role is not among those that may. */
export const mayAct = (actor: Actor, roles: ReadonlyArray<Role>, what: string): Effect.Effect<void, Failure> =>
  roles.includes(actor.role) ? Effect.void : Effect.fail({ _tag: "Forbidden", message: `the ${actor.role} role may not ${what} (roles that may: ${roles.join(", ")})` })

/** Refuses a region outside the actor's. */
export const within = (actor: Actor, region: Region.RegionCode, path: string): Effect.Effect<void, Failure> =>
  Region.contains(actor.region, region) ? Effect.void : Effect.fail({ _tag: "Forbidden", message: `${path} is outside the actor's region` })

/** A roster's sites and lawyers all in the actor's region. */
export const rosterWithin = (actor: Actor, input: RosterInput, prefix = ""): Effect.Effect<void, Failure> => {
  const outside = [
    ...input.sites.flatMap((site, i) => (Region.contains(actor.region, site.region) ? [] : [`${prefix}sites[${i}].region`])),
    ...input.lawyers.flatMap((lawyer, i) => (Region.contains(actor.region, lawyer.region) ? [] : [`${prefix}lawyers[${i}].region`]))
  ]
  return outside.length === 0 ? Effect.void : Effect.fail({ _tag: "Forbidden", message: "the roster reaches outside the actor's region", issues: outside.map((path) => ({ path, reason: "is outside the actor's region" })) })
}

/** Who may do what beyond the lifecycle (whose commands the library checks itself). */
export const routeRoles = {
  rosters: ["dispatcher", "bureau"],
  budgets: ["finance", "bureau"],
  entries: ["finance"],
  totals: ["finance", "bureau", "auditor"],
  subsidies: ["finance", "dispatcher", "bureau", "auditor"],
  evaluation: ["intake", "reviewer", "bureau", "dispatcher", "quality", "finance", "auditor"],
  documents: ["intake", "reviewer", "bureau", "dispatcher", "quality"]
} as const satisfies Record<string, ReadonlyArray<Role>>

/** Who issues each document: decisions by the reviewer (or the bureau), notices by who does the step. */
export const issuerRoles: { readonly [K in DocumentKind]: ReadonlyArray<Role> } = {
  "grant-decision": ["reviewer", "bureau"],
  "refusal-decision": ["reviewer", "bureau"],
  "termination-decision": ["reviewer", "bureau"],
  "materials-notice": ["intake", "reviewer"],
  "assignment-notice": ["dispatcher"],
  "official-letter": ["dispatcher"],
  "replacement-notice": ["dispatcher"],
  "closing-form": ["quality", "reviewer"]
}
