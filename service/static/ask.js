/* The question page: send the question to /api/ask, show the answer, its confidence, the evidence
 * picture, the sources and the SPARQL. Keeps the conversation's session so follow-ups ("what does it
 * run on?") work, and the question in the URL (?q=) so answers can be linked and the Back button works. */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const input = $("question");
  const button = $("ask-button");
  const status = $("status");
  const result = $("result");
  const RETRIES = 30;
  let session = sessionStorage.getItem("kg-session");
  let pending = null;

  function setStatus(text, kind, busy) {
    status.textContent = "";
    status.className = "notice" + (kind ? " " + kind : "");
    if (!text) return;
    if (busy) {
      const spin = document.createElement("span");
      spin.className = "spinner";
      spin.setAttribute("aria-hidden", "true");
      status.append(spin, " ");
    }
    status.append(text);
  }

  function setBusy(busy) {
    button.disabled = busy;
    result.setAttribute("aria-busy", busy ? "true" : "false");
  }

  async function ask(question, push, attempt) {
    question = question.trim();
    if (!question) {
      setStatus("Type a question first.", "error");
      input.focus();
      return;
    }
    if (pending) pending.abort();
    const controller = new AbortController();
    pending = controller;
    setBusy(true);
    setStatus("Looking in the graph…", "", true);
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(session ? { question, session } : { question }),
        signal: controller.signal,
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        const error = (data && data.error) || { code: "http_" + response.status, message: response.statusText };
        if (error.code === "not_ready" && (attempt || 0) < RETRIES && response.headers.get("Retry-After")) {
          setStatus("The question-answering engine is still loading; asking again in a moment…", "", true);
          setTimeout(() => ask(question, push, (attempt || 0) + 1), 2000);
          return;
        }
        setStatus(error.message, "error");
        return;
      }
      session = data.session || session;
      if (session) sessionStorage.setItem("kg-session", session);
      setStatus("");
      render(data);
      if (push) history.pushState({ q: question }, "", "?q=" + encodeURIComponent(question));
    } catch (err) {
      if (err.name !== "AbortError") setStatus("The server could not be reached: " + err.message, "error");
    } finally {
      if (pending === controller) {
        pending = null;
        setBusy(false);
      }
    }
  }

  function link(iri, text, className) {
    const a = document.createElement("a");
    a.href = window.KGGraph.pageUrl(iri);
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }

  function term(node) {
    return node.iri ? link(node.iri, node.label || node.iri) : document.createTextNode(node.value);
  }

  function render(data) {
    result.hidden = false; // first: the picture measures its labels, which needs them displayed
    const abstained = data.answers.length === 0;
    $("answer-card").classList.toggle("abstained", abstained);
    $("asked").textContent = data.question;
    $("answer-text").textContent = data.answer;

    const percent = Math.round((data.confidence || 0) * 100);
    $("confidence").classList.toggle("low", data.confidence < 0.5);
    $("confidence-fill").style.width = percent + "%";
    $("confidence-value").textContent = percent + "%";
    const meter = $("confidence-meter");
    meter.setAttribute("aria-valuenow", String(percent));
    meter.setAttribute("aria-valuetext", percent + " percent");

    const chips = $("answers");
    chips.textContent = "";
    const shown = abstained ? data.topics || [] : data.answers;
    chips.setAttribute("aria-label", abstained ? "Concepts the question seems to be about" : "Answers, best first");
    for (const answer of shown.slice(0, 12)) {
      const li = document.createElement("li");
      if (typeof answer.value === "boolean") {
        const span = document.createElement("span");
        span.className = "chip answer";
        span.textContent = answer.value ? "Yes" : "No";
        li.append(span);
      } else if (answer.iri) {
        li.append(link(answer.iri, answer.label || answer.iri, abstained ? "chip" : "chip answer"));
      } else {
        continue; // a literal answer is already the answer text
      }
      chips.append(li);
    }

    const hasEvidence = data.evidence.length > 0;
    $("evidence-card").hidden = !hasEvidence;
    const frame = $("graph-frame");
    const tbody = $("evidence-table").tBodies[0];
    tbody.textContent = "";
    if (hasEvidence) {
      // A definition answer is the literal (its concept is what was asked about); else the entity.
      const answerIds = data.answers.map((a) => (typeof a.value === "string" ? a.value : a.iri)).filter(Boolean);
      window.KGGraph.draw(frame, data.evidence, {
        topics: (data.topics || []).map((t) => t.iri),
        answers: answerIds,
        title: `Evidence for the answer: ${data.evidence.length} facts`,
      });
      for (const t of data.evidence) {
        const tr = tbody.insertRow();
        for (const part of [t.subject, t.predicate, t.object]) tr.insertCell().append(term(part));
      }
    } else {
      frame.textContent = "";
    }

    const sources = $("sources");
    sources.textContent = "";
    for (const s of data.sources) {
      const li = document.createElement("li");
      const quote = document.createElement("blockquote");
      quote.textContent = s.text;
      const cite = document.createElement("cite");
      cite.textContent = [s.document, s.section, s.figure].filter(Boolean).join(" · ");
      li.append(quote, cite);
      sources.append(li);
    }
    $("no-sources").hidden = data.sources.length > 0;
    sources.closest("section").hidden = !hasEvidence && data.sources.length === 0;

    $("sparql-card").hidden = !data.sparql;
    $("sparql").textContent = data.sparql || "";
    $("open-query").href = "/query?query=" + encodeURIComponent(data.sparql || "");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault(); // Enter in the box submits; the page stays, the answer appears below
    ask(input.value, true);
  });

  for (const example of document.querySelectorAll("button.example")) {
    example.addEventListener("click", () => {
      input.value = example.textContent;
      ask(input.value, true);
      input.focus();
    });
  }

  $("copy-sparql").addEventListener("click", async (event) => {
    const copy = event.currentTarget;
    try {
      await navigator.clipboard.writeText($("sparql").textContent);
      copy.textContent = "Copied";
    } catch (_) {
      const range = document.createRange();
      range.selectNodeContents($("sparql"));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      copy.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => (copy.textContent = "Copy"), 2000);
  });

  window.addEventListener("popstate", (event) => {
    const q = (event.state && event.state.q) || new URLSearchParams(location.search).get("q");
    if (q) {
      input.value = q;
      ask(q, false);
    }
  });

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    ask(initial, false);
  }
})();
