// ExcelJS as the CLI bundle has it (scripts/cli-bundle.js aliases `exceljs` to this file): its Workbook, which is
// all the .xlsx adapter uses (to write a sheet's frame; sheets are read without it), loaded when first asked
// for. ExcelJS's main module also loads its streaming reader and writer and what they need (unzipper, archiver,
// …): 0.18 s of every command's start-up for nothing (require('exceljs') 0.28 s,
// require('exceljs/lib/doc/workbook') 0.10 s); and a command that writes nothing (check, fix without --yes)
// does not load it at all.
//
// Through createRequire, not require('exceljs/lib/…'): the bundle's alias would send those paths here too.
const { createRequire } = require('node:module');

const requireExcelJs = createRequire(__filename);

let workbook;

module.exports = {
  get Workbook() {
    workbook ??= requireExcelJs('exceljs/lib/doc/workbook');
    return workbook;
  },
};
