/* Concept pages: draw the concept's neighbourhood (its relations both ways) with the evidence renderer. */
(function () {
  "use strict";

  const MAX_EDGES = 24; // beyond this the picture stops being readable; the lists beside show them all
  const concept = JSON.parse(document.getElementById("concept-data").textContent);
  const self = { iri: concept.iri, label: concept.label };
  const triples = [
    ...concept.outgoing.map((r) => ({ subject: self, predicate: r.predicate, object: r.object })),
    ...concept.incoming.map((r) => ({ subject: r.subject, predicate: r.predicate, object: self })),
  ].slice(0, MAX_EDGES);
  window.KGGraph.draw(document.getElementById("graph-frame"), triples, {
    topics: [concept.iri],
    title: `${concept.label} and the concepts it relates to`,
  });
})();
