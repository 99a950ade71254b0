/**
 * `fayuan/lifecycle`: the case state machine, its statutory clocks, the case store port and the
 * workflow a host system calls.
 *
 * @since 0.1.0
 */
export type { Case, Clock } from "./Case.ts"
export { evolve, findRunning, isRunning, replay } from "./Case.ts"
export type { ClockStatus, DueItem } from "./Clock.ts"
export { clockStatus, dueOn, timeliness } from "./Clock.ts"
export * as Commands from "./Command.ts"
export type { Actor, Command, CommandOf, CommandType, Context } from "./Command.ts"
export { contextIssues, decodeActor, decodeCommand, InvalidActor, InvalidCommand, InvalidRequest } from "./Command.ts"
export * as Events from "./Event.ts"
export type { AssignmentRequirements, CaseEventType, ClockChange, EligibilitySummary } from "./Event.ts"
export { summarise } from "./summary.ts"
export { CaseEvent } from "./Event.ts"
export type { CommandSpec, Edge } from "./machine.ts"
export { hasEdge, machine, reachableFrom, specOf, toMermaid } from "./machine.ts"
export type { CaseHead, CaseStoreShape, LawyerCounts, WorkloadPeriod } from "./Store.ts"
export { CaseAlreadyExists, CaseNotFound, CaseStore, CorruptRecord, countWorkload, InvalidAppend, StoreError, VersionConflict } from "./Store.ts"
export { chinaDate, hoursBetween } from "./time.ts"
export type { RejectionReason } from "./transition.ts"
export { CommandRejected, step, transition } from "./transition.ts"
export * from "./vocabulary.ts"
export type { ExecuteError, ExecuteOptions, ExecuteRequest } from "./workflow.ts"
export { dueInScope, execute, executeMany, load, loadAll, RequestFailed } from "./workflow.ts"
export type { CitationId } from "../Citation.ts"
export type { WorkCalendar } from "../WorkCalendar.ts"
export type { PartyStoreShape } from "./Party.ts"
export { decodeParty, InvalidParty, masked, Party, PartyStore } from "./Party.ts"
export type { Expired, RetentionOptions } from "./retention.ts"
export { eraseExpired, expiredParties } from "./retention.ts"
export { eventJson } from "./eventJson.ts"
