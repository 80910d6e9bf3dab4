// The reference side of tools/oracle.py: citeproc-js (npm package `citeproc`) formats a job.
// usage: node oracle.js JOB.json > RESULT.json
// JOB: {style: path, locales: dir, lang: "en-US", items: [CSL-JSON], clusters: [{note, cites: [{id, locator, label}]}]}
// RESULT: {bibliography: [[id, html]], citations: [html]} (HTML as citeproc-js prints it)
const CSL = require('citeproc');
const fs = require('fs');
const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// citeproc-js drops an entry that renders to nothing but keeps its id in entry_ids, which then no
// longer pair with the entries: each entry is tagged with its id instead (embedBibliographyEntry)
const byId = Object.fromEntries(job.items.map(i => [String(i.id), Object.assign({}, i, { system_id: String(i.id) })]));
const TAG = /\n?@@ID:(.*?)@@\n?/;
const sys = {
  retrieveLocale: l => {
    for (const name of [l, 'en-US']) {
      try { return fs.readFileSync(`${job.locales}/locales-${name}.xml`, 'utf8'); } catch (e) { /* next */ }
    }
    return null;
  },
  retrieveItem: id => byId[String(id)],
  embedBibliographyEntry: id => `@@ID:${id}@@`,
};
const style = fs.readFileSync(job.style, 'utf8');
const out = { bibliography: [], citations: [] };

const bibEngine = new CSL.Engine(sys, style, job.lang || undefined);
if (bibEngine.bibliography) {
  bibEngine.updateItems(job.items.map(i => String(i.id)));
  const [meta, entries] = bibEngine.makeBibliography();
  for (const entry of entries) {
    const tag = TAG.exec(entry);
    out.bibliography.push([tag ? tag[1] : null, entry.replace(TAG, '')]);
  }
}
if (job.clusters && job.clusters.length) {
  const engine = new CSL.Engine(sys, style, job.lang || undefined);
  const citations = job.clusters.map((c, n) => ({
    citationID: `c${n}`,
    citationItems: c.cites.map(x => Object.assign({ id: String(x.id) }, x.locator ? { locator: x.locator, label: x.label || 'page' } : {})),
    properties: { noteIndex: c.note || 0 },
  }));
  const rendered = engine.rebuildProcessorState(citations, 'html');
  const byCitation = Object.fromEntries(rendered.map(([id, , text]) => [id, text]));
  out.citations = citations.map(c => byCitation[c.citationID]);
}
process.stdout.write(JSON.stringify(out));
