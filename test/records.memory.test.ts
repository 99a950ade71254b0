import { makeMemoryRosterStore, makeMemoryStore } from "../adapters/memory/index.ts"
import { makeMemoryEvaluationSource, makeMemoryRecordStore } from "../adapters/memory/records.ts"
import { recordsContract } from "./contract/records-store.ts"

recordsContract("memory", () => {
  const cases = makeMemoryStore()
  const rosters = makeMemoryRosterStore()
  const records = makeMemoryRecordStore()
  return {
    cases,
    rosters,
    records,
    source: makeMemoryEvaluationSource({ cases, rosters, records }),
    corruptRecord: (type, id) => records.tamper(type as never, id, '{"type":')
  }
})
