"""``kg ask`` and ``kg eval``: the question-answering engine from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.answer import QuestionError, clean_question
from service.cli import CLIError, cache_dir_option, docs_option, rdf_option, store_options, target

_SOURCE_OPTIONS = [
    docs_option("Answer over these Markdown documents (built in memory) instead of a built store."),
    rdf_option("Answer over these RDF files too (built in memory with the bundled documents)."),
    cache_dir_option("Where embedding vectors are kept between runs (env KG_CACHE_DIR)."),
]


def source_options(func):
    """Add --store/--endpoint and --docs/--rdf/--cache-dir to a command."""
    for option in reversed(_SOURCE_OPTIONS):
        func = option(func)
    return store_options(func)


def open_graph(ctx: click.Context, docs, rdf_files, cache_dir, preload_model: bool = True):
    """Open the graph the options name: files built in memory, or a built store or endpoint."""
    from kg.api import KnowledgeGraph

    options = {"cache_dir": cache_dir, "preload_model": preload_model}
    if docs or rdf_files:
        return KnowledgeGraph.open(docs=list(docs) or None, rdf=list(rdf_files), **options)
    store_dir, endpoint = target(ctx)
    if endpoint:
        return KnowledgeGraph.open(endpoint=endpoint, **options)
    if not (Path(store_dir) / "CURRENT").is_file():
        return KnowledgeGraph.open(**options)  # no store yet: the bundled documents
    return KnowledgeGraph.open(store_dir, **options)


@click.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the whole answer as JSON (the /api/ask contract).")
@click.option("--session", metavar="ID", help="A conversation id, so a later question can say 'it'.")
@source_options
@click.pass_context
def ask_command(ctx, question, as_json, session, store_dir, endpoint, docs, rdf_files, cache_dir):
    """Answer QUESTION from the graph, with the sentences the answer stands on."""
    try:
        clean_question(question)  # an empty or oversized question fails before anything loads
    except QuestionError as exc:
        raise CLIError(exc.message) from exc
    # One question: the model loads only if this question needs a vector (most need none).
    graph = open_graph(ctx, docs, rdf_files, cache_dir, preload_model=False)
    answer = graph.ask(question, session)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(answer.answer)
    if answer.answers:
        click.echo(f"confidence: {answer.confidence:.2f}")
    for n, source in enumerate(answer.sources, 1):
        click.echo(f"[{n}] {source['text']} ({source['document']}, {source['section']})")


@click.command("eval")
@click.argument("questions", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--limit", type=int, default=0, help="Score an evenly spaced sample of this many questions.")
@click.option("--show-misses", is_flag=True, help="List the questions answered wrongly.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@source_options
@click.pass_context
def eval_command(ctx, questions, limit, show_misses, as_json, store_dir, endpoint, docs, rdf_files, cache_dir):
    """Score the engine on QUESTIONS (JSONL as in shared/qa, or MetaQA's question<TAB>answers lines)."""
    from kg.evaluate import evaluate, load_questions

    graph = open_graph(ctx, docs, rdf_files, cache_dir)
    items = load_questions(questions, limit)

    summary = evaluate(lambda question: graph.ask(question).to_dict(), items)
    if as_json:
        click.echo(json.dumps({k: v for k, v in summary.items() if k != "misses" or show_misses}))
        return
    for cat, frac in summary["by_category"].items():
        click.echo(f"{cat:14s} {frac}")
    click.echo(f"latency p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms")
    click.echo(f"accuracy {summary['accuracy']:.1%} ({summary['hits']}/{summary['total']})")
    if show_misses:
        for miss in summary["misses"]:
            click.echo(f"MISS {miss['id']}: {miss['q']!r} expected {miss['expected']} got {miss['got']}")
