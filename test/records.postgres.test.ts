import { openPostgres } from "../adapters/postgres/index.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"
import { recordsSuites } from "./support/server-suites.ts"

recordsSuites({ name: "postgres", url: pgUrl, fresh: freshDatabase, open: (url, options, max) => openPostgres({ connectionString: url, ...(max === undefined ? {} : { max }), ...options }) })
