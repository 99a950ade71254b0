/**
 * `fayuan/roster`: duty rosters for the duty sites — fair, explainable, deterministic.
 *
 * @since 0.1.0
 */
export type { Absence, Change } from "./replan.ts"
export { replan } from "./replan.ts"
export type { Assignment, FairnessCertificate, QuotaMiss, Roster, Shift, Slot, Unfilled } from "./Roster.ts"
export { decodeRosterInput, Firm, InvalidRosterInput, Lawyer, limits, Pinned, RosterInput, Site, slots } from "./Roster.ts"
export type { SolveOptions } from "./solve.ts"
export { defaultMaxSteps, defaults, solve } from "./solve.ts"
export type { DateSpan, RosterStoreShape } from "./Store.ts"
export { recordWorked, RosterNotFound, RosterStore, StoredRoster, WorkedShift, workedShifts } from "./Store.ts"
