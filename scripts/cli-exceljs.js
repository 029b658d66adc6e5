// ExcelJS as the CLI bundle has it (scripts/cli-bundle.js aliases `exceljs` to this file): its Workbook and its
// enums (ValueType, …), which is all the .xlsx adapter uses. ExcelJS's main module also loads its streaming
// reader and writer and what they need (unzipper, archiver, …): 0.18 s of every command's start-up for
// nothing (require('exceljs') 0.28 s, require('exceljs/lib/doc/workbook') 0.10 s).
//
// Through createRequire, not require('exceljs/lib/…'): the bundle's alias would send those paths here too.
const { createRequire } = require('node:module');

const requireExcelJs = createRequire(__filename);

module.exports = {
  Workbook: requireExcelJs('exceljs/lib/doc/workbook'),
  ...requireExcelJs('exceljs/lib/doc/enums'),
};
