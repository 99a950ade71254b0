/**
 * The response schemas of `fayuan/adapters/http` fit the library's own values: every `Case`,
 * `DueItem` and `Decision` the library can produce is a value its schema describes (the OpenAPI
 * document cannot promise less than the service sends), and misuse of the service's options is
 * rejected. Run by vitest's typecheck mode.
 */
import { describe, expectTypeOf, it } from "vitest"
import {
  AssignedResponse,
  CaseResponse,
  DecisionResponse,
  DocumentResponse,
  DueItemResponse,
  EvaluationResponse,
  IssuedResponse,
  LedgerTotalsResponse,
  RecordOutcomeResponse,
  ReplannedResponse,
  RosterResponse,
  SubsidyResponse
} from "../adapters/http/responses.ts"
import type { LedgerTotals, RecordOutcome } from "../src/budget/Ledger.ts"
import type { ExecutionReport } from "../src/budget/execution.ts"
import type { Assigned } from "../src/assignment/Outcome.ts"
import type { DocumentModel } from "../src/documents/Document.ts"
import type { IssuedNumber } from "../src/documents/Store.ts"
import type { Change } from "../src/roster/replan.ts"
import type { Roster } from "../src/roster/Roster.ts"
import type { Subsidy } from "../src/subsidy/Subsidy.ts"
import type { ServiceOptions } from "../adapters/http/index.ts"
import type { Decision } from "../src/eligibility/Decision.ts"
import type { Measured } from "../src/evaluation/Measure.ts"
import type { Evaluation } from "../src/evaluation/score.ts"
import type { Case } from "../src/lifecycle/Case.ts"
import type { DueItem } from "../src/lifecycle/Clock.ts"

type Json<T> = T extends { readonly numerator: number; readonly denominator: number }
  ? { readonly numerator: number; readonly denominator: number }
  : T extends string
    ? string
    : T extends number
    ? number
    : T extends ReadonlyArray<infer A>
      ? ReadonlyArray<Json<A>>
      : T extends object
        ? { readonly [K in keyof T]: Json<Exclude<T[K], undefined>> }
        : T

describe("response schemas", () => {
  it("describe every value the library produces, as JSON carries it", () => {
    expectTypeOf<Json<Case>>().toExtend<Json<typeof CaseResponse.Type>>()
    expectTypeOf<Json<DueItem>>().toExtend<Json<typeof DueItemResponse.Type>>()
    expectTypeOf<Json<Decision>>().toExtend<Json<typeof DecisionResponse.Type>>()
    expectTypeOf<Json<Roster>>().toExtend<Json<typeof RosterResponse.Type>>()
    expectTypeOf<Json<{ roster: Roster; changes: ReadonlyArray<Change> }>>().toExtend<Json<typeof ReplannedResponse.Type>>()
    expectTypeOf<Json<Subsidy>>().toExtend<Json<typeof SubsidyResponse.Type>>()
    expectTypeOf<Json<RecordOutcome>>().toExtend<Json<typeof RecordOutcomeResponse.Type>>()
    expectTypeOf<Json<LedgerTotals>>().toExtend<Json<typeof LedgerTotalsResponse.Type>>()
    expectTypeOf<Json<DocumentModel>>().toExtend<Json<typeof DocumentResponse.Type>>()
    expectTypeOf<Json<Pick<IssuedNumber, "kind" | "year" | "n" | "issuedOn">>>().toExtend<Json<typeof IssuedResponse.Type>>()
    expectTypeOf<Json<Evaluation>>().toExtend<Json<(typeof EvaluationResponse.Type)["evaluation"]>>()
    expectTypeOf<Json<Measured>>().toExtend<Json<(typeof EvaluationResponse.Type)["measures"][string]>>()
    expectTypeOf<Json<Assigned>>().toExtend<Json<(typeof AssignedResponse.Type)["assignment"]>>()
    expectTypeOf<Json<ExecutionReport>>().toExtend<Json<NonNullable<(typeof EvaluationResponse.Type)["execution"]>>>()
  })

  it("and every field they name is one the library has (no invented field)", () => {
    expectTypeOf<keyof typeof CaseResponse.Type>().toEqualTypeOf<keyof Case>()
    expectTypeOf<keyof typeof DueItemResponse.Type>().toEqualTypeOf<keyof DueItem>()
    expectTypeOf<keyof typeof DecisionResponse.Type>().toEqualTypeOf<keyof Decision>()
    expectTypeOf<keyof typeof RosterResponse.Type>().toEqualTypeOf<keyof Roster>()
    expectTypeOf<keyof typeof SubsidyResponse.Type>().toEqualTypeOf<keyof Subsidy>()
    expectTypeOf<keyof typeof DocumentResponse.Type>().toEqualTypeOf<keyof DocumentModel>()
    expectTypeOf<keyof typeof LedgerTotalsResponse.Type>().toEqualTypeOf<keyof LedgerTotals>()
    expectTypeOf<keyof (typeof EvaluationResponse.Type)["evaluation"]>().toEqualTypeOf<keyof Evaluation>()
  })
})

describe("service options", () => {
  it("need a way to verify tokens", () => {
    // @ts-expect-error: no verification
    const none: ServiceOptions = {}
    // @ts-expect-error: an issuer without a key
    const noKey: ServiceOptions = { verification: { issuer: "https://portal.example" } }
    void none
    void noKey
  })
})
