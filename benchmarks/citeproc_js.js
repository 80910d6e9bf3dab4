// Format a CSL-JSON file with citeproc-js (the reference processor) as a whole process.
// usage: node citeproc_js.js STYLE.csl items.json LOCALES_DIR
const CSL = require('citeproc'); const fs = require('fs');
const [style, itemsPath, locdir] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {
  retrieveLocale: l => { try { return fs.readFileSync(`${locdir}/locales-${l}.xml`, 'utf8'); }
                         catch (e) { return fs.readFileSync(`${locdir}/locales-en-US.xml`, 'utf8'); } },
  retrieveItem: id => byId[id] };
const engine = new CSL.Engine(sys, fs.readFileSync(style, 'utf8'));
engine.updateItems(items.map(i => i.id));
const [, entries] = engine.makeBibliography();
process.stderr.write(`${entries.length} entries\n`);
