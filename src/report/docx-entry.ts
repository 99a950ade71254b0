/**
 * `fayuan/report/docx`: the self-evaluation report as a Word document. Needs the optional peer
 * dependency `docx` (`npm install docx`); the rest of `fayuan/report` does not.
 *
 * @since 0.2.0
 */
export { renderDocx } from "./docx.ts"
