/**
 * `fayuan/assignment`: case assignment (指派) — the filters that say who may take a case, and
 * rotation by weighted assignment count among those who may.
 *
 * @since 0.1.0
 */
export { assign, explainRationale, recordAssignment } from "./assign.ts"
export { assignMany, explainAt } from "./batch.ts"
export { filters } from "./Outcome.ts"
export type { Assigned, Assignment, AssignOptions, BatchResult, Candidate, Exclusion, ExclusionRule, Filter, NoQualifiedLawyer, Placement, Unplaced } from "./Outcome.ts"
export { AssignmentInput, BatchInput, CaseToAssign, decodeAssignmentInput, decodeBatchInput, InvalidAssignmentInput, Lawyer } from "./Input.ts"
export { compareCandidates, tieBreak } from "./rotation.ts"
export type { Issue } from "../eligibility/Application.ts"
export type { CitationId } from "../Citation.ts"
export type { MatterKind } from "../RuleSet.ts"
export type { RegionCode } from "../Region.ts"
export { assignCommand, caseToAssign, reassignCommand } from "./lifecycle.ts"
export type { AssignCaseOptions, LawyerProfile, Period, Workload } from "./workflow.ts"
export { assignCase, poolOf, reassignCase, workload } from "./workflow.ts"
