#!/bin/sh
# Start the kgqa service next to a SPARQL store: wait for the store, build the graph into it on first start
# (when it holds no named graph yet), then replace this shell with the server command (the image's CMD).
#
#   KG_ENDPOINT     the store's SPARQL query endpoint, e.g. http://oxigraph:7878/query (required)
#   KG_STORE_WAIT   seconds to wait for the store to answer (default 120)
#   KG_BUILD_ARGS   extra `kg build` arguments for the first build, e.g. "--docs /docs --rdf /rdf/extra.ttl"
set -eu

: "${KG_ENDPOINT:?set KG_ENDPOINT to the SPARQL query endpoint of the store}"

# Exit status of the probe: 0 the store holds a graph, 1 it is empty, 2 it never answered.
status=0
python - <<'PY' || status=$?
import json, os, sys, time, urllib.parse, urllib.request

endpoint = os.environ["KG_ENDPOINT"]
deadline = time.monotonic() + float(os.environ.get("KG_STORE_WAIT", "120"))
body = urllib.parse.urlencode({"query": "ASK { GRAPH ?g { ?s ?p ?o } }"}).encode()
headers = {"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"}
while True:
    try:
        request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            sys.exit(0 if json.load(response)["boolean"] else 1)
    except (OSError, ValueError, KeyError) as exc:
        if time.monotonic() > deadline:
            print(f"kg-entrypoint: the store at {endpoint} did not answer: {exc}", file=sys.stderr)
            sys.exit(2)
        time.sleep(1)
PY

case "$status" in
    0) echo "kg-entrypoint: the store at $KG_ENDPOINT holds a graph; serving it" >&2 ;;
    1)
        echo "kg-entrypoint: the store at $KG_ENDPOINT is empty; building the graph into it" >&2
        # KG_BUILD_ARGS is split into words on purpose: it holds several options.
        # shellcheck disable=SC2086
        kg build --endpoint "$KG_ENDPOINT" ${KG_BUILD_ARGS:-}
        ;;
    *) exit "$status" ;;
esac

exec "$@"
