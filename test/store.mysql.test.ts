import { openMysql } from "../adapters/mysql/index.ts"
import { freshMysqlDatabase, mysqlUrl } from "./support/mysql.ts"
import { storeSuites } from "./support/server-suites.ts"

storeSuites({ name: "mysql", url: mysqlUrl, fresh: freshMysqlDatabase, open: (url, options, connectionLimit) => openMysql({ uri: url, ...(connectionLimit === undefined ? {} : { connectionLimit }), ...options }) })
