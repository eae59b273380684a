"""Question answering with the real embedding model, over the bundled graph and a small MetaQA-style graph.

One engine per graph for the whole module (building one loads the model and embeds the graph); the
movie graph reuses the compute engine's embedder, so the model loads once.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import URIRef

from kg.answer import Answer, QuestionError
from kg.api import KnowledgeGraph
from kg.build import collect
from kg.evaluate import evaluate, judge, load_questions
from kg.qa import MAX_QUESTION_CHARS, Engine, clean_question
from kg.question import asked_type
from kg.store import KGStore, open_store
from kg.text import tokenize

pytestmark = pytest.mark.slow

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "qa" / "compute_dev.jsonl"
DEV_THRESHOLD = 0.9
#: Measured 26/33 (0.79) when written; set a little below so one more miss passes and two fail.
PARAPHRASE_THRESHOLD = 0.75


@pytest.fixture(scope="module")
def store() -> KGStore:
    """The bundled build (ontology, figures, compute.md, inferred facts) in an in-memory store."""
    store = open_store(None)
    store.replace_graphs(collect(None, []).graphs.items())
    return store


@pytest.fixture(scope="module")
def engine(store: KGStore, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine(store, cache_dir=tmp_path_factory.mktemp("vectors"))


def ask(engine: Engine, question, session: str | None = None) -> dict:
    return engine.ask(question, session).to_dict()


def labels(reply: dict) -> list:
    return [a.get("label", a.get("value")) for a in reply["answers"]]


def report(results: list[tuple[bool, dict, dict]]) -> str:
    lines = []
    for ok, item, reply in results:
        got = labels(reply)[:3]
        lines.append(f"{'ok  ' if ok else 'MISS'} {item['id']:<22} {item['q']!r} -> {got}")
    return "\n".join(lines)


# -- scored question sets ---------------------------------------------------------------------------
def test_compute_dev_set_accuracy_stays_at_least_90_percent(engine: Engine):
    items = load_questions(DEV_SET)

    summary = evaluate(lambda q: ask(engine, q), items)

    assert summary["total"] == len(items) >= 30
    assert summary["accuracy"] >= DEV_THRESHOLD, (summary["by_category"], summary["misses"])


# Other words than the dev set, written as people ask; "expect" uses the judging rules of kg.evaluate.
PARAPHRASES = [
    ("p-def-ami", "definition", "Tell me what an Amazon Machine Image is.", {"keywords": [["model", "define"]]}),
    ("p-def-vpc", "definition", "Explain the default VPC.", {"keywords": [["network"]]}),
    ("p-def-pod", "definition", "What is a pod?", {"keywords": [["ECS Container", "Kubernetes"]]}),
    ("p-acr-ec2", "acronym", "What does EC2 stand for?", {"any": ["Amazon Elastic Compute Cloud"]}),
    ("p-acr-ecs", "acronym", "ECS is an abbreviation of what?", {"any": ["Amazon Elastic Container Service"]}),
    ("p-acr-ram", "acronym", "What is RAM short for?", {"any": ["memory", "random access memory"]}),
    ("p-rel-produce", "relation", "What does an Amazon Machine Image produce?", {"any": ["EC2 instance"]}),
    ("p-rel-back", "relation", "What is an EC2 instance launched from?", {"any": ["Amazon Machine Image"]}),
    ("p-rel-image", "relation", "What does an image create?", {"any": ["EC2 instance"]}),
    ("p-rel-run", "relation", "On what do containers run in AWS?", {"any": ["EC2 instance"]}),
    ("p-rel-hosts", "relation", "What hosts containers?", {"any": ["EC2 instance", "container runtime"]}),
    ("p-rel-live", "relation", "In which network do EC2 instances live by default?", {"any": ["VPC"]}),
    ("p-rel-provision", "relation", "What can you provision with EC2?", {"any": ["EC2 instance"]}),
    ("p-rel-tech", "relation", "What technology does ECS rely on?", {"any": ["AWS native technology"]}),
    ("p-list-compute", "list", "Which kinds of compute options exist?",
     {"all": [["virtual machine", "VM"], ["container service"], ["serverless"]]}),
    ("p-list-orch", "list", "Name the container orchestration services.", {"all": [["ECS"], ["EKS"]]}),
    ("p-list-states", "list", "List the lifecycle states.",
     {"all": [["pending"], ["running"], ["stopping"], ["stopped"], ["shutting-down"], ["terminated"],
              ["rebooting"]]}),
    ("p-eq-pod", "equivalence", "In ECS terms, what is a pod?", {"any": ["task"]}),
    ("p-eq-wn", "equivalence", "Which ECS term corresponds to a worker node?", {"any": ["container instance"]}),
    ("p-eq-ci", "equivalence", "What is a container instance called in EKS?", {"any": ["worker node"]}),
    ("p-bool-kernel", "boolean", "Do containers have their own kernel?", {"bool": False}),
    ("p-bool-os", "boolean", "Do containers share the operating system with the host?", {"bool": True}),
    ("p-bool-keep", "boolean", "Does stop keep the data in memory?", {"bool": False}),
    ("p-bool-erase", "boolean", "Does stop-hibernate erase the RAM?", {"bool": False}),
    ("p-bool-not", "boolean", "Doesn't stop-hibernate preserve the data in RAM?", {"bool": True}),
    ("p-hop-ecs", "multihop", "What do the containers orchestrated by ECS run on?",
     {"any": ["EC2 instance", "container instance"]}),
    ("p-hop-pod", "multihop", "Which service uses pods?", {"any": ["EKS"]}),
    ("p-tax-ecs", "taxonomy", "What sort of service is ECS?",
     {"any": ["orchestration service", "container orchestration service", "container service"]}),
    ("p-tax-instance", "taxonomy", "What type of thing is an EC2 instance?", {"any": ["instance", "virtual machine"]}),
    ("p-life-next", "lifecycle", "What state comes after stopping?", {"any": ["stopped"]}),
    ("p-life-prev", "lifecycle", "Which state precedes running?", {"any": ["pending", "rebooting"]}),
    ("p-life-action", "lifecycle", "What does the stop action result in?", {"any": ["stopping"]}),
    ("p-cmp", "comparison", "Which is more lightweight, a container or a virtual machine?", {"any": ["container"]}),
]  # fmt: skip


def test_paraphrased_questions_stay_above_the_measured_accuracy(engine: Engine):
    items = [{"id": i, "cat": c, "q": q, "expect": e} for i, c, q, e in PARAPHRASES]

    results = []
    for item in items:
        reply = ask(engine, item["q"])
        results.append((judge(item["expect"], reply), item, reply))
    print(report(results))  # shown with -s or -rP: the per-question record

    hits = sum(ok for ok, _, _ in results)
    assert hits / len(items) >= PARAPHRASE_THRESHOLD, f"{hits}/{len(items)}\n{report(results)}"


# -- abstention -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "What is AWS Lambda?",
        "How much does an instance cost?",
        "Who wrote Hamlet?",
        "What is the SLA of Amazon S3?",
        "asdkjh qwe zxcv plorf",
        "Qu'est-ce qu'une instance EC2 ?",
        "¿Qué es un contenedor?",
        "Wie viel kostet eine Instanz?",
        "这是什么？",
        "🙂🙂🙂",
        "SELECT * WHERE { ?s ?p ?o }",
        "Where is it placed by default?",  # "it" with no earlier question to refer to
    ],
)
def test_questions_the_graph_cannot_answer_get_no_answer(engine: Engine, question: str):
    reply = ask(engine, question)

    assert reply["answers"] == []
    assert reply["confidence"] < 0.3
    assert reply["answer"].startswith("I don't know")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Do containers run on EC2 instances?", [True]),
        ("Is EKS based on Kubernetes?", [True]),
        ("Does an AMI create an EC2 instance?", [True]),
        ("Do containers have their own kernel?", [False]),
        ("Does Kubernetes run on ECS?", []),  # both are concepts, but no fact joins them this way: no answer
    ],
)
def test_a_yes_no_question_gets_yes_no_or_nothing_never_an_entity(engine: Engine, question: str, expected: list):
    reply = ask(engine, question)

    assert reply["answers"] == [{"value": value} for value in expected], labels(reply)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The fact's sentence says "the host": a possessive asks nothing more.
        ("Do containers share the host's kernel?", [True]),
        # Conditions no fact or sentence covers could turn the answer: no yes.
        ("Do containers share the kernel with several hypervisors at once?", []),
        # A third concept the fact does not name is such a condition too.
        ("Does the kernel share containers when the hypervisor stops?", []),
    ],
)
def test_a_yes_no_answer_accounts_for_every_condition_the_question_names(engine: Engine, question: str, expected: list):
    assert [a["value"] for a in ask(engine, question)["answers"]] == expected


def test_which_n_asks_for_things_that_are_n_and_what_is_n_for_what_n_is(engine: Engine):
    listed = ask(engine, "What compute options are there?")
    defined = ask(engine, "What is a compute option?")

    assert listed["kind"] == "list"
    assert set(labels(listed)) == {"container service", "serverless", "virtual machine"}
    # The note lists compute options but never says what one is (the definition it had was the ontology's,
    # removed with the other one-note entries): "what is N" must not answer with Ns or anything else.
    assert defined["kind"] != "list" and labels(defined) in ([], ["compute option"])


def test_a_yes_no_question_respects_the_direction_of_the_relation(engine: Engine):
    forward = ask(engine, "Do containers run on EC2 instances?")
    backward = ask(engine, "Do EC2 instances run on containers?")

    assert labels(forward) == [True]  # the fact as stated, so the other way round has something to differ from
    assert labels(backward) in ([], [False])


# -- follow-ups -------------------------------------------------------------------------------------
def test_a_concept_the_question_mentions_by_another_name_is_no_answer(engine: Engine):
    # "EC2" links to the node labelled "Amazon Elastic Compute Cloud"; reached from "cloud", it would
    # answer the question with its own subject.
    reply = ask(engine, "What is EC2 providing in the cloud?")

    assert "Amazon Elastic Compute Cloud" not in labels(reply)


def test_a_follow_up_resolves_it_to_the_previous_answer(engine: Engine):
    first = ask(engine, "What does an AMI create?", session="follow-up")
    second = ask(engine, "Where is it placed by default?", session="follow-up")

    assert labels(first) == ["EC2 instance"]
    assert labels(second)[:1] == ["Amazon Virtual Private Cloud"]
    assert "VPC" in second["answers"][0]["aliases"]
    assert second["session"] == "follow-up"


def test_sessions_do_not_leak_into_each_other(engine: Engine):
    ask(engine, "What does an AMI create?", session="one")

    assert ask(engine, "Where is it placed by default?", session="two")["answers"] == []
    assert labels(ask(engine, "Where is it placed by default?", session="one"))[:1] == ["Amazon Virtual Private Cloud"]


# -- bad input --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("", "empty_question"),
        ("   \n\t  ", "empty_question"),
        ("\x00\x01\x02\x7f", "empty_question"),
        ("x" * 10_000, "question_too_long"),
        ("What does an AMI create? " * 400, "question_too_long"),
        ("a" * (MAX_QUESTION_CHARS + 1), "question_too_long"),
        (42, "invalid_question"),
        (None, "invalid_question"),
        (b"What does an AMI create?", "invalid_question"),
        (["What does an AMI create?"], "invalid_question"),
    ],
)
def test_bad_questions_raise_a_question_error_with_a_code(engine: Engine, question, code: str):
    with pytest.raises(QuestionError) as caught:
        engine.ask(question)

    assert caught.value.code == code
    assert caught.value.message and "\n" not in caught.value.message


def test_control_characters_inside_a_question_count_as_spaces(engine: Engine):
    reply = ask(engine, "What does\x00 an AMI\x07 create?\x1b")

    assert labels(reply) == ["EC2 instance"]


@pytest.mark.parametrize(
    "question",
    [
        "?",
        "!!! ???",
        "'; DROP GRAPH <https://kgqa.dev/graph/ontology> ; --",
        "<script>alert(1)</script>",
        "\u202eWhat does an AMI create?",
        "a" * MAX_QUESTION_CHARS,
        "AMI " * (MAX_QUESTION_CHARS // 4),
        "Is it?",
        "Which which which?",
        "What does an AMI create?" + "\u0301" * 5,
    ],
)
def test_odd_questions_get_an_answer_or_an_abstention_never_a_crash(engine: Engine, store: KGStore, question):
    triples = store.triple_count()

    answer = engine.ask(question)

    assert isinstance(answer, Answer)
    assert 0.0 <= answer.confidence <= 1.0
    assert store.triple_count() == triples  # nothing a question says ever changes the graph


# -- what an answer stands on -----------------------------------------------------------------------
def rerun(store: KGStore, sparql: str):
    """Run an answer's SPARQL as-is; return the ASK value or the first column's values as strings."""
    result = store.query(sparql)
    if result.type == "ASK":
        return result.askAnswer
    return {str(row[0]) for row in result}


@pytest.mark.parametrize(
    ("question", "exact"),
    [
        ("What does an AMI create?", True),
        ("What is an EC2 instance created from?", True),
        ("What do containers managed by EKS run on?", True),
        ("Which state follows pending?", True),
        ("List the compute options.", True),
        ("Are containers or VMs lighter?", True),
        ("What kind of service is EKS?", False),  # answers are filtered to the asked type
    ],
)
def test_the_sparql_of_an_entity_answer_returns_its_answers(engine: Engine, store: KGStore, question, exact):
    answer = engine.ask(question)
    iris = {a["iri"] for a in answer.answers}

    returned = rerun(store, answer.sparql)

    assert iris, answer.answer
    assert iris == returned if exact else iris <= returned


def test_the_sparql_of_definition_acronym_and_yes_no_answers_returns_them(engine: Engine, store: KGStore):
    definition = engine.ask("Define EC2.")
    acronym = engine.ask("What does the abbreviation EKS mean?")
    yes = engine.ask("Is the default VPC public?")
    no = engine.ask("Do containers have their own kernel?")

    assert definition.answers[0]["value"] in rerun(store, definition.sparql)
    assert rerun(store, acronym.sparql) == {acronym.answers[0]["label"]} == {"Amazon Elastic Kubernetes Service"}
    assert [rerun(store, yes.sparql), yes.answers[0]["value"]] == [True, True]
    assert [rerun(store, no.sparql), no.answers[0]["value"]] == [False, False]


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What does an AMI create?", "An image creates an instance."),
        ("Where are EC2 instances placed by default?", "By default, your EC2 instances are placed in a network"),
        ("What is the EKS equivalent of an ECS task?", "ECS Container | task | pod"),
        ("Does stop-hibernate save the data in RAM?", "stop-hibernate won't"),
        ("Which state follows pending?", "Figure ec2-lifecycle"),
        ("Define EC2.", "Amazon Elastic Compute Cloud (EC2) is a web service"),
    ],
)
def test_answers_carry_evidence_and_the_sentences_they_stand_on(engine: Engine, question: str, sentence: str):
    reply = ask(engine, question)

    assert reply["answers"], reply["answer"]
    assert reply["evidence"], "no triples"
    for triple in reply["evidence"]:
        assert {"subject", "predicate", "object"} <= set(triple)
        assert triple["predicate"]["iri"]
    assert any(sentence in source["text"] for source in reply["sources"]), reply["sources"]
    assert all(source["document"] == "compute.md" and source["section"] for source in reply["sources"])
    assert 0.5 <= reply["confidence"] <= 1.0


def test_answers_name_their_entities_by_iri_label_and_aliases(engine: Engine, store: KGStore):
    (answer,) = ask(engine, "What does an AMI create?")["answers"]

    assert set(answer) == {"iri", "label", "aliases"}
    assert {"EC2 instances", "instance"} <= set(answer["aliases"])
    found = store.query("ASK { ?x rdfs:label ?l }", {"x": URIRef(answer["iri"])})
    assert found.askAnswer


# -- any graph: a small MetaQA-style graph ----------------------------------------------------------
MOVIES = [
    ("The Glass Harbor", "directed_by", "Mira Castellanos"),
    ("The Glass Harbor", "starred_actors", "Tom Reyes"),
    ("The Glass Harbor", "starred_actors", "Anna Ivers"),
    ("The Glass Harbor", "has_genre", "Drama"),
    ("Night Orchard", "directed_by", "Mira Castellanos"),
    ("Night Orchard", "starred_actors", "Anna Ivers"),
    ("Night Orchard", "has_genre", "Thriller"),
    ("Paper Comets", "directed_by", "Jonas Whitfield"),
    ("Paper Comets", "starred_actors", "Tom Reyes"),
    ("Paper Comets", "starred_actors", "Lena Okafor"),
    ("Paper Comets", "written_by", "Lena Okafor"),
    ("Paper Comets", "has_genre", "Comedy"),
    ("Salt and Iron", "directed_by", "Jonas Whitfield"),
    ("Salt and Iron", "has_genre", "Western"),
    ("Salt and Iron", "release_year", "1998"),
    ("Salt and Iron", "written_by", "Lena Okafor"),
    ("Night Orchard", "has_tags", "orchards"),
    ("Paper Comets", "has_tags", "night orchard"),  # a tag spelt like a title, in lower case
    ("Salt and Iron", "has_tags", "director"),  # a tag that is also a word for a relation
]
ENTITY = "http://example.org/movies/entity/"
RELATION = "http://example.org/movies/relation/"


@pytest.fixture(scope="module")
def movies(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """The movie graph as N-Triples: names as rdfs:label, predicates with no label at all."""
    lines = [f"<{ENTITY}{quote(s)}> <{RELATION}{p}> <{ENTITY}{quote(o)}> ." for s, p, o in MOVIES]
    for name in sorted({n for s, _, o in MOVIES for n in (s, o)}):
        lines.append(f'<{ENTITY}{quote(name)}> <http://www.w3.org/2000/01/rdf-schema#label> "{name}" .')
    path = tmp_path_factory.mktemp("movies") / "movies.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return KnowledgeGraph.open(
        docs=[], rdf=[path], embedder=engine.embedder, cache_dir=tmp_path_factory.mktemp("movie-vectors")
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who directed The Glass Harbor", {"Mira Castellanos"}),
        ("which films did Anna Ivers act in", {"The Glass Harbor", "Night Orchard"}),
        ("what is the genre of Night Orchard", {"Thriller"}),
        ("who wrote Paper Comets", {"Lena Okafor"}),
        ("what films did Mira Castellanos direct", {"The Glass Harbor", "Night Orchard"}),
        ("when was Salt and Iron released", {"1998"}),
    ],
)
def test_movie_graph_answers_one_hop_questions(movies: KnowledgeGraph, question: str, expected: set):
    assert set(labels(movies.ask(question).to_dict())) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what genres are the films directed by Jonas Whitfield", {"Comedy", "Western"}),
        ("who starred in films directed by Mira Castellanos", {"Tom Reyes", "Anna Ivers"}),
        ("who directed the movies starred by Tom Reyes", {"Jonas Whitfield", "Mira Castellanos"}),
        # The graph does not say what a movie is: the question says the topic is one ("the movie X").
        ("which movies share actors with the movie Night Orchard", {"The Glass Harbor"}),
    ],
)
def test_movie_graph_answers_two_hop_questions(movies: KnowledgeGraph, question: str, expected: set):
    answer = movies.ask(question)

    assert set(labels(answer.to_dict())) == expected
    assert {a["iri"] for a in answer.answers} <= rerun(movies.store, answer.sparql)


@pytest.mark.parametrize("question", ["who directed Casablanca", "What does an AMI create?", "who is Anna"])
def test_movie_graph_abstains_on_what_it_does_not_hold(movies: KnowledgeGraph, question: str):
    assert movies.ask(question).answers == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The asking word at the end: its neighbour is the last hop, the topic's neighbour the first.
        ("the films directed by Jonas Whitfield were released in which years", {"1998"}),
        ("the films that share actors with Night Orchard are directed by who", {"Mira Castellanos"}),
        # "the same" asks for things that share the director with the topic: the path goes out and back.
        ("which films have the same director as Night Orchard", {"The Glass Harbor"}),
        ("who acted together with Lena Okafor", {"Tom Reyes"}),
        ("can you name a film directed by Mira Castellanos", {"The Glass Harbor", "Night Orchard"}),
        # "Night Orchard" spells the film's name, not the tag's; a tag has no tags of its own.
        ("what is Night Orchard about", {"orchards"}),
    ],
)
def test_movie_graph_reads_where_the_question_asks_and_what_kind_it_asks_for(
    movies: KnowledgeGraph, question: str, expected: set
):
    assert set(labels(movies.ask(question).to_dict())) == expected


@pytest.mark.parametrize(
    "question",
    [
        "who directed the movies written by the writer of Paper Comets",
        "who directed movies for the writer of Paper Comets",
    ],
)
def test_movie_graph_answers_three_hop_questions_in_the_order_english_names_them(movies: KnowledgeGraph, question: str):
    # Paper Comets -written by-> Lena Okafor <-written by- Salt and Iron -directed by-> Jonas Whitfield
    answer = movies.ask(question)

    assert labels(answer.to_dict()) == ["Jonas Whitfield"]
    assert [p.rsplit("/", 1)[-1] for p in re.findall(r"<(" + RELATION + r"[^>]+)>", answer.sparql)] == [
        "written_by", "written_by", "directed_by",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # No name of "written by" holds "screenwriter": the word names it by meaning (the embedding).
        ("who are the screenwriters of Paper Comets", {"Lena Okafor"}),
        ("which films did the screenwriter of Paper Comets write", {"Salt and Iron"}),  # not the topic itself
        # The capital opening a question is the sentence's: "Director" is the word, not the tag "director".
        ("Director of Night Orchard", {"Mira Castellanos"}),
        # The graph gives a film no class: what kind of film it is, is its genre.
        ("what kind of film is Night Orchard", {"Thriller"}),
    ],
)
def test_movie_graph_reads_relation_words_by_meaning_and_sentence_capitals_as_words(
    movies: KnowledgeGraph, question: str, expected: set
):
    answer = movies.ask(question)

    assert set(labels(answer.to_dict())) == expected
    assert answer.confidence >= movies.engine.threshold


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # No word names a relation, by letters or alone by meaning; the whole question means "starring".
        ("name the people on screen in Night Orchard", {"Anna Ivers"}),
        # The kind asked for ("words") is what only the keywords relation gives (kgo:about's object kind).
        ("Which words are attached to Night Orchard", {"orchards"}),
        # A definite classifier asks for the film's own kind, not for kinds of it.
        ("what was the type of Salt and Iron", {"Western"}),
    ],
)
def test_movie_graph_chooses_the_relation_the_whole_question_means(
    movies: KnowledgeGraph, question: str, expected: set
):
    answer = movies.ask(question)

    assert set(labels(answer.to_dict())) == expected
    assert answer.confidence >= movies.engine.threshold


def test_a_question_with_no_word_besides_the_name_means_no_relation(movies: KnowledgeGraph):
    # "by" fits an author and a director alike: without a content word there is no meaning to compare.
    assert movies.ask("Who is Paper Comets by").answers == []


def test_the_whole_question_is_not_compared_when_a_word_names_a_relation(
    movies: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
):
    # "screenwriter" names "written by": the paths over it were judged (Night Orchard has no writer).
    # Even a comparison that would choose a relation must not answer in their place.
    from kg.relation_meaning import MeaningChoice

    engine = movies.engine
    chosen = MeaningChoice(URIRef(RELATION + "directed_by"), 0.5, 0.2)
    monkeypatch.setattr(engine.meanings, "choose", lambda *args, **kwargs: chosen)

    assert engine._by_meaning(engine._read("Who is the screenwriter of Night Orchard", None)) is None
    assert engine._by_meaning(engine._read("name the people on screen in Night Orchard", None)) is not None


def test_the_meaning_of_a_relation_is_its_description_or_its_aligned_relations(movies: KnowledgeGraph):
    catalog = movies.engine.catalog

    assert "performer" in catalog.predicates[URIRef(RELATION + "starred_actors")].description
    assert "keyword" in catalog.predicates[URIRef(RELATION + "has_tags")].description


@pytest.mark.parametrize("question", ["who are the gardeners of Paper Comets", "who are the dentists of Paper Comets"])
def test_a_word_far_in_meaning_from_every_relation_names_none(movies: KnowledgeGraph, question: str):
    assert movies.ask(question).answers == []


def test_aligned_predicates_inherit_the_kinds_of_their_subjects_and_objects(movies: KnowledgeGraph):
    directed = movies.engine.catalog.predicates[URIRef(RELATION + "directed_by")]

    assert "work" in directed.subject_kinds
    assert "person" in directed.object_kinds


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("which films did Anna Ivers act in", ("films", 0)),
        ("the films directed by Jonas Whitfield were released in which years", ("years", 9)),
        ("what kind of movie is Night Orchard", ("kind", 0)),  # a kind of movie: a genre, not a movie
        ("what film genre is Night Orchard", ("genre", 0)),  # the head of the compound
        ("who are movie co-writers of Lena Okafor", ("co-writers", 0)),
        ("who directed The Glass Harbor", (None, 0)),
        ("Salt and Iron, when was it released", (None, 3)),
    ],
)
def test_the_asked_type_and_where_the_question_asks(question: str, asked: tuple):
    words = [t for t in tokenize(question) if t.is_word]

    assert asked_type(words, set()) == asked


@pytest.mark.parametrize(
    ("question", "named", "asked"),
    [
        # A name modifying the asked noun: the head of the wh-phrase's parse is what is asked for.
        ("which steel grade does the Brightwell have", {1}, ("grade", 0)),
        ("which Okafor films were released in 1990", {1}, ("films", 0)),
        # A name with no noun after it asks for no type.
        ("which Okafor directed Night Orchard", {1}, (None, 0)),
    ],
)
def test_a_name_before_the_asked_noun_leaves_the_noun_asked(question: str, named: set, asked: tuple):
    words = [t for t in tokenize(question) if t.is_word]

    assert asked_type(words, named, question) == asked


# -- a held-out style graph: documents the engine was not developed on ----------------------------------
@pytest.fixture(scope="module")
def held_out(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """The storage and networking notes of tests/fixtures, with the bundled ontology and no other document."""
    fixtures = Path(__file__).parent / "fixtures"
    return KnowledgeGraph.open(
        docs=[fixtures / "storage.md", fixtures / "networking.md"], embedder=engine.embedder,
        cache_dir=tmp_path_factory.mktemp("held-out-vectors"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is Amazon S3?", "Amazon Simple Storage Service"),  # "Amazon" is a brand word, not a question word
        ("What does a VPC belong to?", "Region"),  # a kind of location, not "location"
        ("Where is a subnet placed?", "Availability Zone"),
        ("What does a bucket contain?", "object"),
        ("What is the EBS equivalent of a bucket?", "volume"),
    ],
)
def test_held_out_documents_answer_in_their_own_words(held_out: KnowledgeGraph, question: str, expected: str):
    assert labels(held_out.ask(question).to_dict())[:1] == [expected]


def test_held_out_documents_answer_a_relation_no_vocabulary_names(held_out: KnowledgeGraph):
    # The notes say EC2 instances "can mount" EFS; no ontology phrase names "mount", the open extractor
    # mints it from the verb, and the answer cites the sentence that says so.
    reply = held_out.ask("What can mount EFS?").to_dict()

    assert labels(reply)[:1] == ["EC2 instance"]
    assert any("mount" in source["text"] for source in reply["sources"]), reply["sources"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which technology is EKS built on?", ["Kubernetes"]),
        ("Which technology is ECS based on?", ["AWS native technology"]),
        # The notes list what AWS offers, which the engine does not read yet (None: any members, or nothing);
        # an answer that is no service ("speed") would answer another question.
        ("Which services does AWS offer for containers?", None),
    ],
)
def test_a_which_class_question_answers_members_of_the_class_or_nothing(
    engine: Engine, store: KGStore, question: str, expected: list | None
):
    reply = ask(engine, question)
    # The class the question's noun names, whether the ontology or the document's own structure made it.
    noun = {"services": "service", "technology": "technology"}[question.split()[1]]
    query = f"SELECT ?x WHERE {{ ?x a/rdfs:subClassOf* ?c . ?c rdfs:label '{noun}' }}"
    members = {str(x) for (x,) in store.query(query)}

    assert members
    assert [a["iri"] for a in reply["answers"] if a["iri"] not in members] == []
    if expected is not None:
        assert labels(reply) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What's a container?", "container"),  # "what's" is "what is"
        ("What is the full form of AMI?", "Amazon Machine Image"),
        ("Expand the acronym ECS.", "Amazon Elastic Container Service"),
        ("What do containers share with their host?", "operating system"),  # "their" stands inside the name
        ("Which state precedes running?", "pending"),  # "precedes": the other way round from "follows"
    ],
)
def test_paraphrases_read_like_their_plain_forms(engine: Engine, question: str, expected: str):
    assert expected in labels(ask(engine, question))


def test_a_relation_matched_only_loosely_by_the_embedding_gives_no_answer(engine: Engine):
    # No word of "price" names a relation; "provides" is only somewhat similar in meaning.
    assert ask(engine, "What is the price of EC2?")["answers"] == []


def test_only_an_opening_contraction_is_expanded():
    # Inside a question the words may be a title's: "Guess Who's Coming to Dinner" keeps its "Who's".
    assert clean_question("What's a pod?") == "What is a pod?"
    assert clean_question("who directed Guess Who's Coming to Dinner") == "who directed Guess Who's Coming to Dinner"


# -- kinds: "what kind of N is X" and "which kinds of X" -------------------------------------------
KINDS_TTL = """
@prefix ex: <http://example.org/kinds/> .
@prefix kgo: <https://kgqa.dev/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Technology rdfs:label "technology" ; rdfs:subClassOf kgo:Concept .
ex:StreamingPlatform rdfs:label "streaming platform" ; rdfs:subClassOf ex:Technology .
ex:MessageBroker rdfs:label "message broker" ; rdfs:subClassOf ex:Technology .
ex:DeliveryGuarantee rdfs:label "delivery guarantee" ; rdfs:subClassOf kgo:Concept .
ex:kafka rdfs:label "Apache Kafka" ; a ex:StreamingPlatform, ex:Technology, kgo:Concept .
ex:rabbit rdfs:label "RabbitMQ" ; a ex:MessageBroker, ex:Technology, kgo:Concept .
ex:once rdfs:label "exactly-once delivery" ; a ex:DeliveryGuarantee, kgo:Concept .
"""


@pytest.fixture(scope="module")
def kinds(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """Classes under a root that nearly everything belongs to (as kgo:Concept is in built graphs)."""
    fillers = "".join(f'ex:item{n} rdfs:label "item number {n}" ; a kgo:Concept .\n' for n in range(24))
    path = tmp_path_factory.mktemp("kinds") / "kinds.ttl"
    path.write_text(KINDS_TTL + fillers, encoding="utf-8")
    return KnowledgeGraph.open(
        docs=[], rdf=[path], embedder=engine.embedder, cache_dir=tmp_path_factory.mktemp("kind-vectors")
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # X's class, and only one that is a platform: not "technology", not the classes of its siblings.
        ("What kind of platform is Apache Kafka?", ["streaming platform"]),
        # "thing" stands for anything: any class of X, never the root every concept belongs to.
        ("What kind of thing is exactly-once delivery?", ["delivery guarantee"]),
        # Kafka is no broker: no class of it answers.
        ("What kind of broker is Apache Kafka?", []),
    ],
)
def test_what_kind_of_n_answers_a_class_of_x_that_is_an_n(kinds: KnowledgeGraph, question: str, expected: list):
    assert labels(kinds.ask(question).to_dict()) == expected


def test_which_kinds_of_x_never_answers_the_classes_x_belongs_to(kinds: KnowledgeGraph):
    reply = kinds.ask("Which kinds of technology are there?").to_dict()

    assert set(labels(reply)) <= {"streaming platform", "message broker", "Apache Kafka", "RabbitMQ"}
    assert "concept" not in labels(reply)


QUILLBASE = """# Quillbase

**Quillbase** is a document store for small teams.

- Quillbase supports JSON.
- Quillbase does not support SQL.
- Quillbase is not durable by design.
- Quillbase is fast.
"""


@pytest.fixture(scope="module")
def quillbase(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """A note of our own whose facts are stated both ways: supported and not, a quality and its denial."""
    note = tmp_path_factory.mktemp("quillbase") / "quillbase.md"
    note.write_text(QUILLBASE, encoding="utf-8")
    return KnowledgeGraph.open(docs=[note], embedder=engine.embedder, cache_dir=tmp_path_factory.mktemp("qv"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "does not support" is stated under a relation that denies "support": it says no, never yes.
        ("Does Quillbase support SQL?", False),
        ("Does Quillbase support JSON?", True),
        # A denied quality answers no to the quality.
        ("Is Quillbase durable?", False),
        ("Is Quillbase fast?", True),
    ],
)
def test_a_fact_stated_negated_answers_no(quillbase: KnowledgeGraph, question: str, expected: bool):
    reply = quillbase.ask(question).to_dict()

    assert reply["kind"] == "boolean"
    assert reply["answers"] == [{"value": expected}]


def test_a_concept_typed_by_a_defining_sentence_is_defined_by_that_sentence(engine: Engine, tmp_path: Path):
    # "A heated locker is a locker that ..." typed the concept; its kind alone would say less than the note.
    note = tmp_path / "lockers.md"
    note.write_text(
        "# Storage lockers\n\nLockers keep parcels for collection.\n\n## Locker kinds\n\n"
        "- A heated locker is a locker that keeps food warm until collection.\n"
        "- Parcel lockers are listed in the app: the heated locker, the cold locker.\n",
        encoding="utf-8",
    )
    lockers = KnowledgeGraph.open(docs=[note], embedder=engine.embedder, cache_dir=tmp_path / "vectors")

    reply = lockers.ask("What is a heated locker?").to_dict()

    assert reply["kind"] == "definition"
    assert "keeps food warm" in reply["answer"]
