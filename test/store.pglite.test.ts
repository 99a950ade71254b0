import { openPglite } from "../adapters/pglite/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { sharedSubject } from "./support/sql-subject.ts"

caseStoreContract("pglite", sharedSubject(() => openPglite()))
