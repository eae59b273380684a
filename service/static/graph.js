/* Draw a small graph of labelled nodes and edges in SVG: the evidence behind an answer, or a concept's
 * neighbourhood. Hand-written (no library) so the pages work offline: a Fruchterman–Reingold force
 * layout, run to rest before drawing, suits the few dozen nodes an answer uses. Exposes window.KGGraph. */
(function () {
  "use strict";

  const SVG_NS = "http://www.w3.org/2000/svg";
  const MAX_LABEL = 30;
  const MAX_EDGE_LABEL = 34;
  const MAX_LITERAL = 24; // a definition is a sentence: show its start, the rest on hover
  const MIN_WIDTH = 560;
  const IDEAL_EDGE = 110; // px between related nodes, before the sideways stretch
  const STRETCH = 1.7;
  const GRAVITY = 0.04;
  const LABEL_CHAR_WIDTH = 8.2; // px per character, where a label cannot be measured
  const LABEL_HEIGHT = 44; // px a node and its label take up and down
  const MIN_HEIGHT = 240;
  let uid = 0;

  function svg(name, attrs, parent) {
    const node = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Return the URL of the page of an IRI: /id/<local> for the graph's own concepts, else /concept?iri=. */
  function pageUrl(iri) {
    const ns = document.body.dataset.conceptNamespace || "";
    if (ns && iri.startsWith(ns) && iri.length > ns.length) {
      return "/id/" + iri.slice(ns.length).split("/").map(encodeURIComponent).join("/");
    }
    return "/concept?iri=" + encodeURIComponent(iri);
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
  }

  /** Turn triples ({subject, predicate, object} of {iri, label} or {value}) into nodes and edges. */
  function toGraph(triples, roles) {
    const nodes = new Map();
    const edges = [];
    function node(term) {
      const key = term.iri ? "iri:" + term.iri : "lit:" + term.value;
      if (!nodes.has(key)) {
        const text = term.iri ? term.label || term.iri : String(term.value);
        nodes.set(key, {
          key,
          iri: term.iri || null,
          text,
          label: shorten(text, term.iri ? MAX_LABEL : MAX_LITERAL),
          role: roles(term),
          x: 0,
          y: 0,
        });
      }
      return nodes.get(key);
    }
    // Relations from one node to another share one arrow, labelled with all of them ("provides · has"):
    // a picture with an arrow per relation turns into a hairball around well-connected concepts.
    const byPair = new Map();
    for (const t of triples) {
      const source = node(t.subject);
      const target = node(t.object);
      const label = t.predicate.label || t.predicate.iri || "";
      const pair = source.key + "|" + target.key;
      if (!byPair.has(pair)) {
        const edge = { source, target, labels: [] };
        byPair.set(pair, edge);
        edges.push(edge);
      }
      const edge = byPair.get(pair);
      if (!edge.labels.includes(label)) edge.labels.push(label);
    }
    for (const e of edges) {
      e.paired = byPair.has(e.target.key + "|" + e.source.key);
      e.label = e.labels.join(" · ");
      e.source.degree = (e.source.degree || 0) + 1;
      e.target.degree = (e.target.degree || 0) + 1;
    }
    return { nodes: [...nodes.values()], edges };
  }

  /**
   * Place nodes with a Fruchterman–Reingold layout around (0, 0), then stretch it sideways: labels are
   * wide and screens are landscape. Deterministic: the same triples always give the same picture.
   */
  function layout(nodes, edges) {
    const n = nodes.length;
    const k = IDEAL_EDGE;
    // Start on a circle, topics first (at the left), so runs agree and no two nodes coincide.
    const order = [...nodes].sort((a, b) => rank(a) - rank(b));
    const start = (k * Math.max(n, 2)) / (2 * Math.PI);
    order.forEach((d, i) => {
      const angle = Math.PI + (2 * Math.PI * i) / n;
      d.x = n === 1 ? 0 : Math.cos(angle) * start;
      d.y = n === 1 ? 0 : Math.sin(angle) * start;
    });
    let temperature = k;
    for (let step = 0; step < 400 && n > 1; step++) {
      for (const d of nodes) {
        d.dx = -d.x * GRAVITY; // a weak pull to the centre keeps separate pieces together
        d.dy = -d.y * GRAVITY;
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i];
          const b = nodes[j];
          const dx = a.x - b.x;
          const dy = a.y - b.y;
          const dist = Math.max(Math.hypot(dx, dy), 0.01);
          const force = (k * k) / dist;
          a.dx += (dx / dist) * force;
          a.dy += (dy / dist) * force;
          b.dx -= (dx / dist) * force;
          b.dy -= (dy / dist) * force;
        }
      }
      for (const e of edges) {
        if (e.source === e.target) continue;
        const dx = e.source.x - e.target.x;
        const dy = e.source.y - e.target.y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const force = (dist * dist) / k;
        e.source.dx -= (dx / dist) * force;
        e.source.dy -= (dy / dist) * force;
        e.target.dx += (dx / dist) * force;
        e.target.dy += (dy / dist) * force;
      }
      for (const d of nodes) {
        const disp = Math.max(Math.hypot(d.dx, d.dy), 0.01);
        d.x += (d.dx / disp) * Math.min(disp, temperature);
        d.y += (d.dy / disp) * Math.min(disp, temperature);
      }
      temperature = Math.max(temperature * 0.98, 0.5);
    }
    landscape(nodes);
    for (const d of nodes) d.x *= STRETCH;
    separateLabels(nodes, edges);
  }

  /** Turn the layout so its longest extent runs left to right (labels are wide, screens landscape). */
  function landscape(nodes) {
    if (nodes.length < 2) return;
    const mx = nodes.reduce((sum, d) => sum + d.x, 0) / nodes.length;
    const my = nodes.reduce((sum, d) => sum + d.y, 0) / nodes.length;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (const d of nodes) {
      sxx += (d.x - mx) ** 2;
      syy += (d.y - my) ** 2;
      sxy += (d.x - mx) * (d.y - my);
    }
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const cos = Math.cos(-angle);
    const sin = Math.sin(-angle);
    for (const d of nodes) {
      const x = d.x - mx;
      const y = d.y - my;
      d.x = x * cos - y * sin;
      d.y = x * sin + y * cos;
    }
  }

  /** Record the drawn width of every node and edge label (an estimate where the page cannot tell). */
  function measure(root, nodes, edges) {
    const probe = (className, items) => {
      const group = svg("g", { class: className }, root);
      const text = svg("text", {}, group);
      for (const item of items) {
        text.textContent = item.shown;
        let width = 0;
        try {
          width = text.getComputedTextLength();
        } catch (_) {
          width = 0;
        }
        item.width = width || item.shown.length * LABEL_CHAR_WIDTH;
      }
      group.remove();
    };
    for (const d of nodes) d.shown = d.label;
    for (const e of edges) e.shown = shorten(e.label, MAX_EDGE_LABEL);
    probe("node", nodes);
    probe("edge", edges);
  }

  /** Push apart nodes whose labels would overlap, and ends of edges too short for their label. */
  function separateLabels(nodes, edges) {
    const width = (d) => (d.width || d.label.length * LABEL_CHAR_WIDTH) + 14;
    for (let round = 0; round < 80; round++) {
      let moved = false;
      for (const e of edges) {
        if (e.source === e.target) continue;
        const dx = e.target.x - e.source.x;
        const dy = e.target.y - e.source.y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        // A pair of opposite arrows bends apart and one label drops below the line, to where the node
        // labels are: such a pair needs room for its label between the two node labels.
        const need = e.paired
          ? (e.width || 0) + (width(e.source) + width(e.target)) / 2 + 20
          : (e.width || 0) + 2 * (radius(e.source) + 8);
        if (dist >= need) continue;
        moved = true;
        const push = (need - dist) / 2;
        e.source.x -= (dx / dist) * push;
        e.source.y -= (dy / dist) * push;
        e.target.x += (dx / dist) * push;
        e.target.y += (dy / dist) * push;
      }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i];
          const b = nodes[j];
          const overlapX = (width(a) + width(b)) / 2 - Math.abs(a.x - b.x);
          const overlapY = LABEL_HEIGHT - Math.abs(a.y - b.y);
          if (overlapX <= 0 || overlapY <= 0) continue;
          moved = true;
          // Move along the cheaper axis, each node half the way.
          if (overlapX < overlapY * 2) {
            const push = (overlapX / 2 + 1) * (a.x <= b.x ? -1 : 1);
            a.x += push;
            b.x -= push;
          } else {
            const push = (overlapY / 2 + 1) * (a.y <= b.y ? -1 : 1);
            a.y += push;
            b.y -= push;
          }
        }
      }
      if (!moved) break;
    }
  }

  function rank(d) {
    return d.role === "topic" ? 0 : d.role === "answer" ? 1 : 2;
  }

  function radius(d) {
    return d.role === "other" ? 9 : 12;
  }

  /** Return a quadratic curve from a to b bent by `bend` pixels, trimmed to the node borders. */
  function curve(a, b, bend, trimEnd, labelAt) {
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.max(Math.hypot(dx, dy), 0.01);
    const c = { x: mx - (dy / len) * bend, y: my + (dx / len) * bend };
    const start = toward(a, c, radius(a) + 2);
    const end = toward(b, c, radius(b) + trimEnd);
    const t = labelAt;
    const u = 1 - t;
    const mid = {
      x: u * u * start.x + 2 * u * t * c.x + t * t * end.x,
      y: u * u * start.y + 2 * u * t * c.y + t * t * end.y,
    };
    // Which side the curve bulges to, so its label can sit outside it rather than on the line.
    const below = bend !== 0 && c.y > my;
    return { d: `M${fx(start.x)},${fx(start.y)} Q${fx(c.x)},${fx(c.y)} ${fx(end.x)},${fx(end.y)}`, mid, below };
  }

  function toward(from, to, distance) {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len = Math.max(Math.hypot(dx, dy), 0.01);
    return { x: from.x + (dx / len) * distance, y: from.y + (dy / len) * distance };
  }

  function fx(v) {
    return v.toFixed(1);
  }

  /**
   * Draw triples into `container` (emptied first) and return the SVG element.
   * options.topics / options.answers: IRIs (or literal values) to highlight; options.title: accessible name.
   */
  function draw(container, triples, options) {
    const opts = options || {};
    const topics = new Set(opts.topics || []);
    const answers = new Set(opts.answers || []);
    const roles = (term) => {
      const id = term.iri || term.value;
      if (answers.has(id)) return "answer";
      if (topics.has(id)) return "topic";
      return "other";
    };
    const { nodes, edges } = toGraph(triples, roles);
    container.textContent = "";
    const id = ++uid;
    const root = svg("svg", {
      class: "kg-graph",
      role: "group",
      "aria-label": opts.title || `Evidence graph: ${nodes.length} nodes, ${edges.length} relations`,
      "data-nodes": String(nodes.length),
      "data-edges": String(edges.length),
    });
    container.appendChild(root); // in the document, so labels can be measured in the page's own font
    measure(root, nodes, edges);
    layout(nodes, edges);
    const defs = svg("defs", {}, root);
    const marker = svg(
      "marker",
      {
        id: `arrow-${id}`,
        viewBox: "0 0 10 10",
        refX: "8.5",
        refY: "5",
        markerWidth: "7",
        markerHeight: "7",
        orient: "auto-start-reverse",
      },
      defs,
    );
    svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow" }, marker);

    // Edges between the same two nodes bend apart, so "creates" and "is created from" both show.
    const pairs = new Map();
    for (const e of edges) {
      const key = [e.source.key, e.target.key].sort().join("~");
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    }
    const edgeLayer = svg("g", { class: "edges" }, root);
    const labelLayer = svg("g", { class: "edge-labels" }, root);
    for (const group of pairs.values()) {
      group.forEach((e, i) => {
        const g = svg("g", { class: "edge" }, edgeLayer);
        let path;
        let mid;
        let below = false;
        if (e.source === e.target) {
          const r = radius(e.source);
          const { x, y } = e.source;
          const lift = 34 + 14 * i;
          path = `M${fx(x - r * 0.7)},${fx(y - r * 0.7)} C${fx(x - 28)},${fx(y - lift)} ${fx(x + 28)},${fx(y - lift)} ${fx(x + r * 0.7)},${fx(y - r * 0.7)}`;
          mid = { x, y: y - lift * 0.78 };
        } else {
          // Bend parallel edges symmetrically; keep a single edge straight.
          const sign = e.source.key < e.target.key ? 1 : -1;
          const bend = group.length === 1 ? 0 : (i - (group.length - 1) / 2) * 64 * sign;
          // A single edge's label sits nearer the less connected end, where labels do not pile up around
          // a hub; bent edges keep theirs mid-way, where the curves are furthest apart.
          const skew = group.length === 1 ? Math.sign((e.source.degree || 0) - (e.target.degree || 0)) * 0.14 : 0;
          ({ d: path, mid, below } = curve(e.source, e.target, bend, 5, 0.5 + skew));
        }
        svg("path", { d: path, "marker-end": `url(#arrow-${id})` }, g);
        const eg = svg("g", { class: "edge" }, labelLayer);
        svg("title", {}, eg).textContent = e.label;
        const text = svg("text", { x: fx(mid.x), y: fx(below ? mid.y + 14 : mid.y - 5), "text-anchor": "middle" }, eg);
        text.textContent = e.shown;
      });
    }

    const nodeLayer = svg("g", { class: "nodes" }, root);
    for (const d of nodes) {
      const wrapper = d.iri
        ? svg("a", { href: pageUrl(d.iri), "aria-label": `${d.text}${d.role === "other" ? "" : ` (${d.role === "topic" ? "asked about" : "answer"})`}` }, nodeLayer)
        : nodeLayer;
      const r = radius(d);
      if (d.iri) {
        // The keyboard focus ring, shown by CSS on :focus-visible: a dark ring on a light halo, set off from
        // the node, so it stands out against every node colour and the background alike.
        const ring = svg("g", { class: "focus-ring", "aria-hidden": "true" }, wrapper);
        svg("circle", { class: "halo", cx: fx(d.x), cy: fx(d.y), r: r + 6 }, ring);
        svg("circle", { class: "ring", cx: fx(d.x), cy: fx(d.y), r: r + 6 }, ring);
      }
      const g = svg("g", { class: `node ${d.role}${d.iri ? "" : " literal"}`, "data-key": d.key }, wrapper);
      svg("title", {}, g).textContent = d.iri ? `${d.text}\n${d.iri}` : d.text;
      if (d.iri) {
        svg("circle", { cx: fx(d.x), cy: fx(d.y), r }, g);
      } else {
        svg("rect", { x: fx(d.x - r), y: fx(d.y - r), width: 2 * r, height: 2 * r, rx: 4 }, g);
      }
      const label = svg("text", { x: fx(d.x), y: fx(d.y + r + 16), "text-anchor": "middle" }, g);
      label.textContent = d.shown;
    }

    fit(root, nodes);
    return root;
  }

  /** Size the viewBox to what was drawn (measured, so long labels never clip), with a minimum size. */
  function fit(root, nodes) {
    let box;
    try {
      box = root.getBBox();
    } catch (_) {
      box = null;
    }
    if (!box || !box.width) {
      const xs = nodes.map((d) => d.x);
      const ys = nodes.map((d) => d.y);
      box = { x: Math.min(...xs) - 100, y: Math.min(...ys) - 30, width: Math.max(...xs) - Math.min(...xs) + 200, height: Math.max(...ys) - Math.min(...ys) + 70 };
    }
    const pad = 18;
    let { x, y, width, height } = { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
    if (width < MIN_WIDTH) {
      x -= (MIN_WIDTH - width) / 2;
      width = MIN_WIDTH;
    }
    if (height < MIN_HEIGHT * 0.75) {
      y -= (MIN_HEIGHT * 0.75 - height) / 2;
      height = MIN_HEIGHT * 0.75;
    }
    root.setAttribute("viewBox", `${fx(x)} ${fx(y)} ${fx(width)} ${fx(height)}`);
  }

  window.KGGraph = { draw, pageUrl };
})();
