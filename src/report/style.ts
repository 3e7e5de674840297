// The report's stylesheet, inline so the HTML stays one file. Logical properties, so it reads right to left as
// well; print rules so "Save as PDF" gives clean pages. Arabic-script text falls back to the reader's system fonts.
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1d2433;--muted:#5a6478;--line:#d5dae3;--accent:#1f4e8c;--stands:#1d6b3a;--not:#8a3a12}
body{margin:0;font:16px/1.55 "Public Sans","Noto Naskh Arabic","Noto Nastaliq Urdu",system-ui,sans-serif;color:var(--ink);background:#fff}
main{max-inline-size:60rem;margin-inline:auto;padding:1.5rem}
h1{font-size:1.6rem;margin-block:0 .25rem}h2{font-size:1.2rem;margin-block:1.75rem .5rem;border-block-end:1px solid var(--line);padding-block-end:.25rem}
h3{font-size:1rem;margin-block:.5rem}
.illustration{background:#fff4d6;border-inline-start:4px solid #c98a00;padding:.5rem .75rem}
.status{font-weight:600}.status.stands{color:var(--stands)}.status.not{color:var(--not)}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}
ul.tally{padding-inline-start:1.2rem}small{color:var(--muted)}
table{border-collapse:collapse;inline-size:100%;font-size:.9rem;margin-block:1rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:start;vertical-align:top}th{background:#f3f5f9}
figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.85rem}
svg.map .sea{fill:#eef3f8}svg.map .land{fill:#e3e0d6;stroke:#9aa3b2;stroke-width:.6}svg.map .dots circle{fill:#b3261e;stroke:#fff;stroke-width:1.5}
svg.timeline rect{fill:var(--accent)}svg.timeline text{font-size:11px;fill:var(--muted)}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f5f9;padding:.75rem;font-size:.8rem}
a{color:var(--accent)}
@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{display:none}td{border:0;padding:.1rem 0}tr{border-block-end:1px solid var(--line);padding-block:.4rem}}
@media print{main{max-inline-size:none;padding:0}a{color:inherit;text-decoration:none}h2{break-after:avoid}table,figure{break-inside:avoid}}
`;
