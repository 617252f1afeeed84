/**
 * The web UI: server-rendered pages over the same store calls as the API, so a page shows and
 * offers exactly what the signed-in role may see and do. Sign-in keeps the token in an HttpOnly,
 * SameSite=Strict cookie; forms post back and redirect. Everything that comes from a bundle or a
 * user is HTML-escaped; pages load nothing from the network.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountAllows, appAllows, StoreError, type AppAction, type Principal, type Store, type VersionRecord } from '@bmplint/store';
import { withZipBundle } from './audit.js';

const COOKIE = 'bmplint_token';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A template whose interpolations are escaped unless they are already `Html`. */
class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    const rendered = Array.isArray(value) ? value.map((v) => (v instanceof Html ? v.text : escapeHtml(v))).join('') : value instanceof Html ? value.text : escapeHtml(value);
    out += rendered + strings[i + 1];
  });
  return new Html(out);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
header a{color:#fff;text-decoration:none}header .me{margin-left:auto;opacity:.8}
main{padding:20px;max-width:1200px}h1{font-size:20px}h2{font-size:16px;margin-top:24px}
table{border-collapse:collapse;background:#fff;width:100%}td,th{border:1px solid #dde1e7;padding:6px 8px;text-align:left;vertical-align:top}
.state{display:inline-block;padding:1px 8px;border-radius:10px;background:#e4e8ef;font-size:12px}
.state.online{background:#c8f0d2}.state.review{background:#fff1c2}.state.approved{background:#d3e6ff}.state.offline{background:#eee;color:#777}
.error{color:#b3261e;font-weight:600}.warning{color:#a15c00;font-weight:600}.info{color:#35618f}
.new{background:#b3261e;color:#fff;border-radius:3px;padding:0 5px;font-size:11px;margin-left:6px}
.finding{background:#fff;border:1px solid #dde1e7;margin:10px 0;padding:8px 10px}
pre.code{background:#0f1420;color:#d7dce5;padding:8px;overflow:auto;margin:6px 0 0;font-size:12px}
pre.code .hit{background:#5a2a2a;display:block}
form.inline{display:inline;margin:0 4px 0 0}button{cursor:pointer}
input[type=text],textarea{width:100%;box-sizing:border-box}.flash{background:#ffe9e7;border:1px solid #f0b3ac;padding:8px;margin-bottom:12px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}`;

function page(title: string, me: Principal | undefined, body: Html, flash?: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · bmplint portal</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:">
<style>${new Html(STYLE)}</style></head><body>
<header><a href="/"><b>bmplint portal</b></a>${me ? html`<a href="/">Apps</a>${me.platformRole ? html`<a href="/reviews">Review queue</a>` : ''}
<span class="me">${me.name} (${me.email}${me.platformRole ? `, ${me.platformRole}` : ''})</span><form class="inline" method="post" action="/logout"><button>Sign out</button></form>` : ''}</header>
<main>${flash ? html`<div class="flash" role="alert">${flash}</div>` : ''}${body}</main></body></html>`.text;
}

export function registerUi(app: FastifyInstance, store: Store): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const principalOf = async (request: FastifyRequest) => {
    const token = cookies(request)[COOKIE];
    return token ? store.authenticate(token) : undefined;
  };
  const form = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;
  const flashOf = (request: FastifyRequest) => (request.query as Record<string, string | undefined>).flash;
  const back = (reply: FastifyReply, to: string, flash?: string) => reply.redirect(flash ? `${to}${to.includes('?') ? '&' : '?'}flash=${encodeURIComponent(flash)}` : to, 303);

  /** A page for signed-in users: store errors become the page's message (404 and 403 keep their status). */
  const view = (render: (me: Principal, request: FastifyRequest) => Promise<[string, Html]>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const me = await principalOf(request);
    reply.type('text/html; charset=utf-8');
    if (!me) return reply.code(401).send(page('Sign in', undefined, signIn(), flashOf(request)));
    try {
      const [title, body] = await render(me, request);
      return reply.send(page(title, me, body, flashOf(request)));
    } catch (error) {
      if (error instanceof StoreError) return reply.code(error.status).send(page('Not available', me, html`<p>${error.message}</p>`));
      throw error;
    }
  };
  /** A form action: runs, then redirects back with the outcome. */
  const act = (to: (request: FastifyRequest) => string, run: (me: Principal, request: FastifyRequest) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const me = await principalOf(request);
    if (!me) return back(reply, '/', 'Sign in first');
    try {
      await run(me, request);
      return back(reply, to(request));
    } catch (error) {
      if (error instanceof StoreError) return back(reply, to(request), error.message);
      throw error;
    }
  };
  const P = (request: FastifyRequest) => request.params as Record<string, string>;

  app.post('/login', async (request, reply) => {
    const token = form(request).token?.trim() ?? '';
    if (!token || !(await store.authenticate(token))) return back(reply, '/', 'That token is not valid');
    reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return back(reply, '/');
  });
  app.post('/logout', async (_request, reply) => {
    reply.header('set-cookie', `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    return back(reply, '/');
  });

  app.get('/', view(async (me) => {
    const accounts = await store.listAccounts(me);
    const mine = await store.myApps(me);
    const listed = [];
    for (const account of accounts) {
      if (me.platformRole || accountAllows(account.role ?? undefined, 'account.apps.list')) listed.push(...(await store.listApps(me, account.id)).map((a) => ({ ...a, role: null as string | null })));
    }
    const apps = new Map([...listed, ...mine].map((a) => [a.id, a]));
    return ['Apps', html`<h1>Applications</h1>
      <table><tr><th>App</th><th>Status</th><th>Account</th></tr>
      ${[...apps.values()].map((a) => html`<tr><td><a href="/apps/${a.id}">${a.name}</a></td><td>${a.status}</td><td>${a.accountId}</td></tr>`)}</table>
      ${apps.size ? '' : html`<p>No applications yet.</p>`}
      <h2>Developer accounts</h2><ul>${accounts.map((a) => html`<li>${a.name} (${a.id})${a.role ? ` · ${a.role}` : ''}</li>`)}</ul>`];
  }));

  app.get('/reviews', view(async (me) => {
    const queue = await store.reviewQueue(me);
    return ['Review queue', html`<h1>Review queue</h1><p>Versions waiting for review, riskiest first.</p>
      <table><tr><th>Risk</th><th>App</th><th>Version</th><th>Errors</th><th>Warnings</th><th>Submitted version uploaded</th></tr>
      ${queue.map((v) => html`<tr><td>${v.audit.risk}</td><td><a href="/apps/${v.appId}">${v.appName}</a></td>
        <td><a href="/apps/${v.appId}/versions/${v.versionId}">${v.version}</a></td><td>${v.audit.summary.errors}</td><td>${v.audit.summary.warnings}</td><td>${v.createdAt}</td></tr>`)}
      </table>${queue.length ? '' : html`<p>Nothing to review.</p>`}`];
  }));

  app.get('/apps/:appId', view(async (me, request) => {
    const appRecord = await store.getApp(me, P(request).appId);
    const versions = await store.listVersions(me, appRecord.id);
    const can = (action: AppAction) => me.platformRole === 'admin' || appAllows(appRecord.role ?? undefined, action);
    const reviewer = Boolean(me.platformRole);
    const base = `/apps/${appRecord.id}`;
    return [appRecord.name, html`<h1>${appRecord.name}</h1>
      <p>${appRecord.description}</p>
      <p>Status: <b>${appRecord.status}</b> · your role: ${appRecord.role ?? (me.platformRole ?? appRecord.accountRole ?? 'none')}
      · <a href="${base}/settings">Settings</a> · <a href="${base}/events">Events</a></p>
      ${can('version.release') && appRecord.status === 'active' && appRecord.onlineVersionId ? html`<form class="inline" method="post" action="${base}/shutdown"><button>Shut down</button></form>` : ''}
      <h2>Versions</h2>
      <table><tr><th>Version</th><th>State</th><th>Audit</th><th>Risk</th><th>Actions</th></tr>
      ${versions.map((v) => html`<tr data-version="${v.version}"><td><a href="${base}/versions/${v.versionId}">${v.version}</a>${v.experience ? html` <span class="state">experience</span>` : ''}</td>
        <td><span class="state ${v.state}">${v.state}</span></td><td>${auditText(v)}</td><td>${v.audit.risk}</td>
        <td>${actionsFor(v, base, can, reviewer, true)}</td></tr>`)}</table>
      ${can('version.upload') ? uploadForm(appRecord.id) : ''}`];
  }));

  app.get('/apps/:appId/versions/:versionId', view(async (me, request) => {
    const { appId, versionId } = P(request);
    const report = await store.getReport(me, appId, versionId);
    const appRecord = await store.getApp(me, appId);
    const can = (action: AppAction) => me.platformRole === 'admin' || appAllows(appRecord.role ?? undefined, action);
    const v = report.version;
    const base = `/apps/${appId}`;
    const excerpts = await codeExcerpts(store, versionId, report.findings);
    const newCount = report.findings.filter((f) => f.isNew).length;
    return [`${appRecord.name} ${v.version}`, html`<h1><a href="${base}">${appRecord.name}</a> · version ${v.version}</h1>
      <p>State: <span class="state ${v.state}">${v.state}</span> · audit: ${auditText(v)} · risk ${v.audit.risk}
      · sha256 <code>${v.bundleSha256.slice(0, 16)}…</code></p>
      <p>${actionsFor(v, base, can, Boolean(me.platformRole))}</p>
      <p>${report.baseline ? `Compared with the last approved version ${report.baseline.version}: ${newCount} new finding(s).` : 'No approved version before this one: every finding is new.'}</p>
      ${report.decisions.map((d) => html`<p>Review: <b>${d.decision}</b> by ${d.reviewer}${d.reason ? `: “${d.reason}”` : ''} (${d.at})</p>`)}
      <h2>Findings (${report.findings.length})</h2>
      ${report.findings.map((f, i) => html`<div class="finding" data-new="${f.isNew}">
        <span class="${f.severity}">${f.severity}</span>${f.isNew ? html`<span class="new">new</span>` : ''}
        <b>${f.ruleId}</b> (${f.clauses.join(', ')})${f.confidence ? ` · ${f.confidence} confidence` : ''}
        <div>${f.message}</div><div><code>${f.file ? `${f.file}:${f.line}:${f.column}` : '(whole bundle)'}</code></div>
        ${excerpts[i] ?? ''}</div>`)}
      ${report.findings.length ? '' : html`<p>No findings.</p>`}`];
  }));

  app.get('/apps/:appId/settings', view(async (me, request) => {
    const a = await store.getApp(me, P(request).appId);
    const can = (action: AppAction) => me.platformRole === 'admin' || appAllows(a.role ?? undefined, action);
    const base = `/apps/${a.id}`;
    const disabled = (action: AppAction) => (can(action) ? '' : new Html(' disabled'));
    return [`${a.name} settings`, html`<h1><a href="${base}">${a.name}</a> · settings</h1><div class="grid">
      <form method="post" action="${base}/settings/listing"><h2>Listing</h2>
        <label>Name <input type="text" name="name" value="${a.name}"${disabled('app.settings')}></label>
        <label>Description <textarea name="description" rows="3"${disabled('app.settings')}>${a.description}</textarea></label>
        <label>Logo (path in the bundle) <input type="text" name="logo" value="${a.logo ?? ''}"${disabled('app.settings')}></label>
        <label>Category <input type="text" name="category" value="${a.category ?? ''}"${disabled('app.settings')}></label>
        <label>Tags (comma-separated) <input type="text" name="tags" value="${a.tags.join(', ')}"${disabled('app.settings')}></label>
        ${can('app.settings') ? html`<button>Save listing</button>` : ''}</form>
      <form method="post" action="${base}/settings/domains"><h2>Development settings</h2>
        <label>Service Domains (one per line) <textarea name="serviceDomains" rows="4"${disabled('app.devsettings')}>${a.serviceDomains.join('\n')}</textarea></label>
        <label>Business Domains (one per line) <textarea name="businessDomains" rows="4"${disabled('app.devsettings')}>${a.businessDomains.join('\n')}</textarea></label>
        ${can('app.devsettings') ? html`<button>Save domains</button>` : ''}</form></div>
      <h2>Members</h2><table><tr><th>User</th><th>Role</th><th></th></tr>
      ${a.members.map((m) => html`<tr><td>${m.name} (${m.email})</td><td>${m.role}</td><td>${can('app.members') ? html`<form class="inline" method="post" action="${base}/members/${m.userId}/remove"><button>Remove</button></form>` : ''}</td></tr>`)}</table>
      ${can('app.members') ? html`<form method="post" action="${base}/members"><p>Add a member of the developer account:
        <input name="userId" placeholder="user id" required> <select name="role"><option>developer</option><option>operator</option><option>owner</option></select> <button>Add</button></p></form>` : ''}`];
  }));

  app.get('/apps/:appId/events', view(async (me, request) => {
    const events = await store.events(me, P(request).appId);
    return ['Events', html`<h1>Events</h1><table><tr><th>#</th><th>When</th><th>Action</th><th>Actor</th><th>Version</th><th>Data</th></tr>
      ${events.map((e) => html`<tr><td>${e.id}</td><td>${e.at}</td><td>${e.action}</td><td>${e.actorId ?? 'system'}</td><td>${e.versionId ?? ''}</td><td><code>${JSON.stringify(e.data)}</code></td></tr>`)}</table>`];
  }));

  const appPage = (request: FastifyRequest) => `/apps/${P(request).appId}`;
  const versionPage = (request: FastifyRequest) => `/apps/${P(request).appId}/versions/${P(request).versionId}`;
  const versionAction = (name: string, run: (me: Principal, appId: string, versionId: string, input: Record<string, string>) => Promise<unknown>) =>
    app.post(`/apps/:appId/versions/:versionId/${name}`, act(
      (request) => (form(request).return === 'app' ? appPage(request) : versionPage(request)),
      (me, request) => run(me, P(request).appId, P(request).versionId, form(request)),
    ));
  versionAction('submit', (me, a, v) => store.submit(me, a, v));
  versionAction('approve', (me, a, v, input) => store.approve(me, a, v, { reason: input.reason ?? '' }));
  versionAction('reject', (me, a, v, input) => store.reject(me, a, v, { reason: input.reason }));
  versionAction('release', (me, a, v) => store.release(me, a, v));
  versionAction('experience', (me, a, v) => store.setExperience(me, a, v));
  versionAction('rollback', (me, a, v) => store.rollback(me, a, { versionId: v }));
  app.post('/apps/:appId/shutdown', act(appPage, (me, request) => store.shutdown(me, P(request).appId)));
  const lines = (text: string | undefined) => (text ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  app.post('/apps/:appId/settings/listing', act((r) => `${appPage(r)}/settings`, (me, request) => {
    const f = form(request);
    return store.updateSettings(me, P(request).appId, { name: f.name, description: f.description, logo: f.logo || null, category: f.category || null, tags: lines(f.tags) });
  }));
  app.post('/apps/:appId/settings/domains', act((r) => `${appPage(r)}/settings`, (me, request) =>
    store.updateSettings(me, P(request).appId, { serviceDomains: lines(form(request).serviceDomains), businessDomains: lines(form(request).businessDomains) })));
  app.post('/apps/:appId/members', act((r) => `${appPage(r)}/settings`, (me, request) => store.setAppMember(me, P(request).appId, form(request))));
  app.post('/apps/:appId/members/:userId/remove', act((r) => `${appPage(r)}/settings`, (me, request) => store.removeAppMember(me, P(request).appId, P(request).userId)));

  // The upload form sends the file with fetch (forms cannot post raw bytes); the cookie signs it.
  app.post('/apps/:appId/upload', async (request, reply) => {
    const me = await principalOf(request);
    if (!me) return reply.code(401).send({ error: 'sign in first' });
    const query = request.query as Record<string, string | undefined>;
    const response = await app.inject({
      method: 'POST', url: `/api/apps/${encodeURIComponent(P(request).appId)}/versions?${new URLSearchParams({ version: query.version ?? '', description: query.description ?? '' })}`,
      headers: { authorization: `Bearer ${cookies(request)[COOKIE]}`, 'content-type': 'application/zip' }, payload: request.body as Buffer,
    });
    return reply.code(response.statusCode).type('application/json').send(response.body);
  });
}

function signIn(): Html {
  return html`<h1>Sign in</h1><form method="post" action="/login"><p><label>API token <input type="password" name="token" autocomplete="off" required></label></p><button>Sign in</button></form>`;
}

function auditText(v: VersionRecord): Html {
  if (v.audit.status !== 'done') return html`${v.audit.status}${v.audit.failure ? `: ${v.audit.failure}` : ''}`;
  const s = v.audit.summary;
  return html`<span class="${s.errors ? 'error' : ''}">${s.errors} error(s)</span>, ${s.warnings} warning(s), ${s.infos} info(s)`;
}

function actionsFor(v: VersionRecord, base: string, can: (action: AppAction) => boolean, reviewer: boolean, onAppPage = false): Html {
  const back = onAppPage ? html`<input type="hidden" name="return" value="app">` : '';
  const button = (name: string, label: string, extra: Html | string = '') =>
    html`<form class="inline" method="post" action="${base}/versions/${v.versionId}/${name}">${back}${extra}<button name="action" value="${name}">${label}</button></form>`;
  const out: Html[] = [];
  if (v.state === 'develop' && can('version.submit')) out.push(button('submit', 'Submit for review'));
  if (v.state === 'review' && reviewer) {
    out.push(button('approve', 'Approve'));
    out.push(button('reject', 'Reject', html`<input name="reason" placeholder="reason" required> `));
  }
  if (v.state === 'approved' && can('version.release')) out.push(button('release', 'Release'));
  if (v.state !== 'offline' && v.state !== 'online' && !v.experience && can('version.release')) out.push(button('experience', 'Set as experience'));
  if (v.state === 'offline' && v.releasedAt && can('version.release')) out.push(button('rollback', 'Roll back to this'));
  return html`${out}`;
}

function uploadForm(appId: string): Html {
  return html`<h2>Upload a new version</h2>
  <form id="upload" data-app="${appId}"><input type="file" name="bundle" accept=".zip" required>
  <input name="version" placeholder="1.0.0" required size="10"> <input name="description" placeholder="description" size="30"> <button>Upload</button> <span id="upload-status"></span></form>
  <script>
  document.getElementById('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target, status = document.getElementById('upload-status');
    const query = new URLSearchParams({ version: form.version.value, description: form.description.value });
    status.textContent = 'uploading…';
    const response = await fetch('/apps/' + encodeURIComponent(form.dataset.app) + '/upload?' + query, { method: 'POST', headers: { 'content-type': 'application/zip' }, body: form.bundle.files[0] });
    const body = await response.json().catch(() => ({}));
    if (response.ok) location.href = '/apps/' + encodeURIComponent(form.dataset.app) + '/versions/' + encodeURIComponent(body.versionId);
    else status.textContent = body.error || ('failed: ' + response.status);
  });
  </script>`;
}

/** The lines around each finding, from the stored bundle (read once per page). */
async function codeExcerpts(store: Store, versionId: string, findings: Array<{ file: string; line: number }>): Promise<Array<Html | undefined>> {
  const wanted = findings.filter((f) => f.file);
  if (!wanted.length) return [];
  const { bytes } = await store.bundleOf(versionId);
  return withZipBundle(bytes, async (bundle) => {
    const texts = new Map<string, string[] | null>();
    return findings.map((finding) => {
      if (!finding.file) return undefined;
      if (!texts.has(finding.file)) {
        let text: string[] | null = null;
        try {
          const content = bundle.has(finding.file) ? Buffer.from(bundle.read(finding.file)) : null;
          if (content && !content.subarray(0, 8000).includes(0)) text = content.toString('utf8').split('\n');
        } catch {}
        texts.set(finding.file, text);
      }
      const text = texts.get(finding.file);
      if (!text) return undefined;
      const from = Math.max(1, finding.line - 2);
      const to = Math.min(text.length, finding.line + 2);
      const rows = [];
      for (let line = from; line <= to; line++) {
        const content = text[line - 1].length > 300 ? `${text[line - 1].slice(0, 300)}…` : text[line - 1];
        // The hit line is a block of its own; the others end with their newline.
        rows.push(line === finding.line ? html`<span class="hit">${String(line).padStart(4)}  ${content}</span>` : html`<span>${String(line).padStart(4)}  ${content}</span>\n`);
      }
      return html`<pre class="code">${rows}</pre>`;
    });
  });
}

function cookies(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      try {
        out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
      } catch {}
    }
  }
  return out;
}
