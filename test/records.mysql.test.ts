import { openMysql } from "../adapters/mysql/index.ts"
import { freshMysqlDatabase, mysqlUrl } from "./support/mysql.ts"
import { recordsSuites } from "./support/server-suites.ts"

recordsSuites({ name: "mysql", url: mysqlUrl, fresh: freshMysqlDatabase, open: (url, options, connectionLimit) => openMysql({ uri: url, ...(connectionLimit === undefined ? {} : { connectionLimit }), ...options }) })
