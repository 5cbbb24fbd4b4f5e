namespace Nija.Api.Hosting;

/// <summary>
/// The interactive page at /openapi: lists every operation of /openapi/v1.json and lets a signed-in
/// user send a request with a bearer token. Self-contained (no CDN), so it works offline.
/// </summary>
internal static class OpenApiPage
{
    public const string Html = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nija API</title>
<style>body{font:14px system-ui;margin:2rem;max-width:70rem}details{border:1px solid #ccc;border-radius:6px;margin:.4rem 0;padding:.4rem .8rem}
summary{cursor:pointer}code{background:#f3f3f3;padding:0 .3rem}textarea,input{width:100%;font:13px monospace}pre{background:#111;color:#eee;padding:.6rem;overflow:auto}</style></head>
<body><h1>Nija API v1</h1><p>The document: <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
<label>Bearer token <input id="token" placeholder="accessToken from POST /api/v1/auth/login"></label>
<div id="ops">Loading…</div>
<script>
fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
  const ops = document.getElementById('ops'); ops.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
    const d = document.createElement('details');
    d.innerHTML = `<summary><code>${method.toUpperCase()}</code> ${path}</summary><label>Path<input value="${path}"></label>` +
      `<label>Body (JSON)<textarea rows="4"></textarea></label><button>Send</button><pre></pre>`;
    const [url, body] = d.querySelectorAll('input,textarea'); const out = d.querySelector('pre');
    d.querySelector('button').onclick = async () => {
      const headers = {'Content-Type': 'application/json'}; const t = document.getElementById('token').value; if (t) headers.Authorization = 'Bearer ' + t;
      const r = await fetch(url.value, {method: method.toUpperCase(), headers, body: ['get','delete'].includes(method) ? undefined : body.value || undefined});
      out.textContent = r.status + ' ' + r.statusText + '\n' + await r.text();
    };
    ops.appendChild(d);
  }
});
</script></body></html>
""";
}
