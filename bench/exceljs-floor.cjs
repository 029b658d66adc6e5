#!/usr/bin/env node
// The floor for any .xlsx tool: ExcelJS merely reading a workbook and writing it back, nothing else.
// Usage: node bench/exceljs-floor.cjs IN.xlsx OUT.xlsx
const fs = require('node:fs');
const ExcelJS = require('exceljs');

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: exceljs-floor.cjs IN.xlsx OUT.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(input));
  fs.writeFileSync(output, Buffer.from(await workbook.xlsx.writeBuffer()));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
