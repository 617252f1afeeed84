/** The HTML report's inline style and script. Kept apart from the markup so their CSP hashes are of exactly this text. */

export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b57d0;
  --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5; --info: #0969da; --info-bg: #ddf4ff; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--fg); background: #fff; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
.topbar { display: flex; justify-content: space-between; align-items: center; padding: 10px 32px; background: #0d1117; color: #e6edf3; font-size: 13px; }
.topbar strong { font-size: 15px; letter-spacing: .2px; }
.topbar .meta { color: #9198a1; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; }
.listing { display: flex; gap: 20px; align-items: flex-start; padding: 20px; border: 1px solid var(--line); border-radius: 10px; }
.logo { width: 72px; height: 72px; flex: none; border-radius: 16px; object-fit: cover; border: 1px solid var(--line); }
.logo.placeholder { display: flex; align-items: center; justify-content: center; font-size: 30px; font-weight: 600; color: #fff; background: linear-gradient(135deg, #f0b90b, #c99400); border: 0; }
.listing h1 { margin: 0 0 4px; font-size: 22px; }
.listing .description { margin: 0 0 12px; color: var(--muted); white-space: pre-wrap; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; font-size: 13px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.chip { display: inline-block; padding: 0 8px; margin: 0 4px 2px 0; border-radius: 999px; background: var(--soft); border: 1px solid var(--line); font-size: 12px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
.card { padding: 14px 16px; border: 1px solid var(--line); border-radius: 10px; }
.card .n { font-size: 28px; font-weight: 600; line-height: 1.1; }
.card .label { color: var(--muted); font-size: 13px; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); }
.verdict { margin: 16px 0 0; padding: 10px 14px; border-radius: 8px; font-weight: 600; }
.verdict.fail { background: var(--error-bg); color: var(--error); } .verdict.pass { background: #dafbe1; color: #1a7f37; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; width: 80px; font-variant-numeric: tabular-nums; }
td.zero { color: #afb8c1; }
button.clause-link { border: 0; background: none; padding: 0; color: var(--accent); cursor: pointer; font: inherit; font-weight: 600; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; margin: 24px 0 8px; padding: 10px 14px; background: rgba(255,255,255,.96); border: 1px solid var(--line); border-radius: 10px; }
.filters label { color: var(--muted); font-size: 13px; }
.filters select { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; max-width: 240px; }
.toggle { font: inherit; font-size: 13px; padding: 3px 10px; border-radius: 999px; border: 1px solid var(--line); background: #fff; color: var(--muted); cursor: pointer; }
.toggle[aria-pressed="true"].error { background: var(--error-bg); border-color: var(--error); color: var(--error); }
.toggle[aria-pressed="true"].warning { background: var(--warning-bg); border-color: #d4a72c; color: var(--warning); }
.toggle[aria-pressed="true"].info { background: var(--info-bg); border-color: var(--info); color: var(--info); }
#f-count { margin-left: auto; color: var(--muted); font-size: 13px; }
.clause { margin-top: 28px; }
.clause > h3 { font-size: 16px; margin: 0 0 4px; }
.clause > .clause-text { margin: 0 0 12px; color: var(--muted); font-size: 13px; }
.file { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 14px; overflow: hidden; }
.file > h4 { margin: 0; padding: 8px 14px; background: var(--soft); border-bottom: 1px solid var(--line); font-size: 13px; overflow-wrap: anywhere; }
.finding { padding: 10px 14px; border-top: 1px solid var(--line); }
.file > h4 + .finding { border-top: 0; }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.sev { flex: none; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px; padding: 1px 8px; border-radius: 4px; }
.sev.error { background: var(--error-bg); color: var(--error); } .sev.warning { background: var(--warning-bg); color: var(--warning); } .sev.info { background: var(--info-bg); color: var(--info); }
.msg { flex: 1 1 420px; overflow-wrap: anywhere; }
.loc, .rule { color: var(--muted); font-size: 12px; }
.tag { font-size: 11px; padding: 0 6px; border-radius: 4px; background: var(--soft); border: 1px solid var(--line); color: var(--muted); }
.also { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
pre.code { margin: 8px 0 0; padding: 6px 0; background: #f6f8fa; border: 1px solid #eaeef2; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
pre.code span.l { display: block; padding: 0 12px 0 0; white-space: pre; }
pre.code span.l.hit { background: #fff8c5; }
pre.code span.no { display: inline-block; width: 52px; padding-right: 12px; text-align: right; color: #8c959f; user-select: none; }
pre.code mark { background: #ffd8b5; color: inherit; border-radius: 2px; }
.empty { padding: 24px; text-align: center; color: var(--muted); border: 1px dashed var(--line); border-radius: 10px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { .filters { display: none; } .finding[hidden], .file[hidden], .clause[hidden] { display: none; } }
`;

export const REPORT_JS = `
(() => {
  const rows = Array.from(document.querySelectorAll('.finding'));
  const severities = new Set(['error', 'warning', 'info']);
  const clause = document.getElementById('f-clause');
  const rule = document.getElementById('f-rule');
  const marked = document.getElementById('f-marked');
  const count = document.getElementById('f-count');
  const empty = document.getElementById('f-empty');
  function apply() {
    let shown = 0;
    for (const row of rows) {
      const visible = severities.has(row.dataset.severity)
        && (!clause.value || row.dataset.clauses.split(' ').includes(clause.value))
        && (!rule.value || row.dataset.rule === rule.value)
        && (marked.checked || row.dataset.state === 'active');
      row.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of document.querySelectorAll('.file, .clause')) group.hidden = !group.querySelector('.finding:not([hidden])');
    count.textContent = shown + ' of ' + rows.length + ' shown';
    empty.hidden = shown > 0;
  }
  for (const button of document.querySelectorAll('[data-severity-filter]')) {
    button.addEventListener('click', () => {
      const severity = button.dataset.severityFilter;
      if (severities.has(severity)) severities.delete(severity); else severities.add(severity);
      button.setAttribute('aria-pressed', String(severities.has(severity)));
      apply();
    });
  }
  for (const link of document.querySelectorAll('[data-clause-filter]')) {
    link.addEventListener('click', () => { clause.value = link.dataset.clauseFilter; apply(); clause.scrollIntoView({ block: 'start' }); });
  }
  for (const input of [clause, rule, marked]) input.addEventListener('change', apply);
  apply();
})();
`;
