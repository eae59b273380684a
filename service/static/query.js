/* The SPARQL page: run the editor's query on /sparql (SPARQL JSON results, Turtle for graphs) and show a
 * table, a yes/no, or the triples. Ctrl+Enter (or ⌘+Enter) runs; ?query= in the URL fills and runs. */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const form = $("query-form");
  const editor = $("query-editor");
  const runButton = $("run-query");
  const card = $("results-card");
  const statusLine = $("results-status");
  const errorBox = $("query-error");
  const results = $("results");
  const prefixes = Object.entries(JSON.parse($("prefixes").textContent));
  const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

  function compact(iri) {
    for (const [prefix, ns] of prefixes) {
      if (iri.startsWith(ns) && iri.length > ns.length) return prefix + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  function cell(binding) {
    const td = document.createElement("td");
    if (!binding) return td;
    if (binding.type === "uri") {
      const a = document.createElement("a");
      a.href = window.KGGraph.pageUrl(binding.value);
      a.title = binding.value;
      a.className = "mono";
      a.textContent = compact(binding.value);
      td.append(a);
    } else if (binding.type === "bnode") {
      td.className = "mono muted";
      td.textContent = "_:" + binding.value;
    } else {
      td.append(binding.value);
      const tag = binding["xml:lang"] ? "@" + binding["xml:lang"] : binding.datatype && binding.datatype !== XSD_STRING ? compact(binding.datatype) : "";
      if (tag) {
        const small = document.createElement("span");
        small.className = "lang";
        small.textContent = " " + tag;
        td.append(small);
      }
    }
    return td;
  }

  function table(vars, rows) {
    const wrap = document.createElement("div");
    wrap.className = "table-wrap";
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = "?" + v;
      head.append(th);
    }
    const body = t.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) tr.append(cell(row[v]));
    }
    wrap.append(t);
    return wrap;
  }

  function say(parts) {
    statusLine.textContent = parts.filter(Boolean).join(" · ");
  }

  async function run() {
    const query = editor.value.trim();
    if (!query) {
      editor.focus();
      return;
    }
    runButton.disabled = true;
    card.hidden = false;
    errorBox.textContent = "";
    results.textContent = "";
    say(["Running…"]);
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: new URLSearchParams({ query }),
      });
      const ms = Math.round(performance.now() - started);
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {
        const data = await response.json().catch(() => null);
        say([`Error ${response.status}`, `${ms} ms`]);
        errorBox.textContent = data && data.error ? data.error.message : response.statusText;
        return;
      }
      const truncated = response.headers.get("X-KG-Truncated") === "true";
      const cap = truncated ? `cut at ${response.headers.get("X-KG-Row-Cap") || "the row cap"} rows` : "";
      if (type.includes("sparql-results+json")) {
        const data = await response.json();
        if ("boolean" in data) {
          const p = document.createElement("p");
          p.className = "boolean";
          p.textContent = data.boolean ? "Yes (true)" : "No (false)";
          results.append(p);
          say(["ASK", `${ms} ms`]);
        } else {
          const rows = data.results.bindings;
          results.append(table(data.head.vars, rows));
          say([`${rows.length} ${rows.length === 1 ? "row" : "rows"}`, `${ms} ms`, cap]);
        }
      } else {
        const text = await response.text();
        const pre = document.createElement("pre");
        pre.textContent = text || "(no triples)";
        results.append(pre);
        say([type.split(";")[0], `${ms} ms`, cap]);
      }
      history.replaceState(null, "", "?query=" + encodeURIComponent(query));
    } catch (err) {
      say(["Error"]);
      errorBox.textContent = "The server could not be reached: " + err.message;
    } finally {
      runButton.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });

  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });

  for (const button of document.querySelectorAll("button.example-query")) {
    button.addEventListener("click", () => {
      editor.value = button.dataset.query;
      editor.focus();
      run();
    });
  }

  const initial = new URLSearchParams(location.search).get("query");
  if (initial) {
    editor.value = initial;
    run();
  }
})();
