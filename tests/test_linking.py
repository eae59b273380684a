"""Entity linking on a tiny catalog, word matching for relations, and the text helpers they stand on."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.catalog import Catalog
from kg.linking import EntityLinker, Link, content_words, name_matches, phrase_support, words_match
from kg.store import open_store
from kg.text import (
    STOPWORDS,
    lemmas,
    name_key,
    noun_key,
    plural,
    slug,
    split_sentences,
    tokenize,
)

EX = "http://example.org/"
CATALOG = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:ec2 rdfs:label "Amazon Elastic Compute Cloud" ; skos:altLabel "EC2" ; ex:provisions ex:instance .
ex:instance rdfs:label "EC2 instance" ; skos:altLabel "instance" .
ex:ami rdfs:label "Amazon Machine Image" ; skos:altLabel "AMI", "image" ; ex:creates ex:instance .
ex:vpc rdfs:label "default VPC" ; skos:altLabel "VPC" .
ex:worker-node rdfs:label "worker node" .
ex:node rdfs:label "node" .
ex:stop rdfs:label "stop" .
ex:stop-hibernate rdfs:label "stop-hibernate" .
ex:up rdfs:label "Up" .
ex:it rdfs:label "It" .
ex:ontology <https://kgqa.dev/ontology#brandPrefix> "Amazon" .
"""


@pytest.fixture(scope="module")
def linker() -> EntityLinker:
    graph = Graph(identifier=URIRef(EX + "graph"))
    graph.parse(data=CATALOG, format="turtle")
    store = open_store(None)
    store.replace_graphs([(graph.identifier, graph)])
    return EntityLinker(Catalog(store))


def link(linker: EntityLinker, question: str) -> list[Link]:
    return linker.link(tokenize(question))


def spans(links: list[Link]) -> list[tuple[str, str, str]]:
    """Return (text, best entity's local name, method) per link, in question order."""
    return [(lk.text, str(lk.best[0]).removeprefix(EX), lk.method) for lk in links]


# -- entity linking ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does an AMI create?", [("AMI", "ami", "exact")]),
        ("What do AMIs create?", [("AMIs", "ami", "exact")]),
        ("Which Amazon Machine Images are there?", [("Amazon Machine Images", "ami", "exact")]),
        ("Where are EC2 instances placed?", [("EC2 instances", "instance", "exact")]),
        ("Is the default VPC public?", [("default VPC", "vpc", "exact")]),
        ("Is the vpc public?", [("vpc", "vpc", "exact")]),
        ("What is a worker node?", [("worker node", "worker-node", "exact")]),
        ("Does stop-hibernate keep the data?", [("stop-hibernate", "stop-hibernate", "exact")]),
        ("What does EC2 provision for an AMI?", [("EC2", "ec2", "exact"), ("AMI", "ami", "exact")]),
    ],
)
def test_names_link_exactly_by_label_alias_acronym_and_plural(linker, question, expected):
    assert spans(link(linker, question)) == expected


def test_exact_case_scores_higher_than_another_case(linker):
    (same,) = link(linker, "What does an AMI create?")
    (other,) = link(linker, "what does an ami create")

    assert same.best == (URIRef(EX + "ami"), 1.0)
    assert other.best[0] == URIRef(EX + "ami")
    assert 0.9 <= other.best[1] < 1.0


def test_longest_mention_wins_over_the_names_inside_it(linker):
    links = link(linker, "Which worker node runs on an EC2 instance in the default VPC?")

    assert [lk.text for lk in links] == ["worker node", "EC2 instance", "default VPC"]
    taken = [i for lk in links for i in range(lk.start, lk.end)]
    assert len(taken) == len(set(taken))


def test_a_name_that_goes_on_past_the_link_names_something_else(linker):
    # "EC2 Turbo" is no name of the graph: EC2 stays linked, to place the question, but too weakly for
    # any answer about it to pass the line.
    partial = link(linker, "How much does an EC2 Turbo instance cost?")
    whole = link(linker, "How much does an EC2 instance cost?")
    titled = link(linker, "How Much Does An EC2 Turbo Cost?")  # capitals throughout tell nothing

    assert spans(partial)[0] == ("EC2", "ec2", "partial") and partial[0].best[1] <= 0.5
    assert spans(whole) == [("EC2 instance", "instance", "exact")] and whole[0].best[1] == 1.0
    assert titled[0].method == "exact"


def test_a_word_no_dictionary_knows_links_fuzzily(linker):
    (found,) = link(linker, "where are the instnces placed")

    assert (found.text, found.method) == ("instnces", "fuzzy")
    assert found.best[0] == URIRef(EX + "instance")
    assert 0.5 < found.best[1] < 0.9


def test_a_typo_inside_a_longer_name_links_the_longer_name(linker):
    assert [(text, iri) for text, iri, _ in spans(link(linker, "where r ec2 instnces placed"))] == [
        ("ec2 instnces", "instance")
    ]


def test_an_inflected_word_links_by_its_lemma(linker):
    links = link(linker, "What happens to a stopped instance?")

    assert spans(links) == [("stopped", "stop", "lemma"), ("instance", "instance", "exact")]
    assert links[0].best[1] < 1.0


def test_a_lowercase_common_word_naming_a_title_is_a_weak_link(linker):
    (title,) = link(linker, "What is Up about?")
    (word,) = link(linker, "What came up?")

    assert title.best == (URIRef(EX + "up"), 1.0)
    assert word.best[0] == URIRef(EX + "up") and word.best[1] < 0.7


def test_stopwords_alone_never_link_even_when_something_is_named_so(linker):
    assert link(linker, "What is it?") == []
    assert link(linker, "") == []


def test_nothing_links_in_unrelated_text(linker):
    assert link(linker, "Who wrote Hamlet in Elsinore?") == []


# -- words of relations -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question_word", "name_word", "low", "high"),
    [
        ("create", "create", 1.0, 1.0),
        ("creates", "create", 1.0, 1.0),
        ("created", "creates", 1.0, 1.0),
        ("placed", "place", 1.0, 1.0),
        ("director", "directed", 0.8, 0.8),  # shared stem
        ("lighter", "lightweight", 0.8, 0.8),
        ("equivalant", "equivalent", 0.8, 0.9),  # typo
        ("runs", "hosts", 0.0, 0.0),
        ("cat", "car", 0.0, 0.0),  # short words are never fuzzy
    ],
)
def test_words_match_scores_lemma_stem_and_typo(question_word, name_word, low, high):
    assert low <= words_match(question_word, name_word) <= high


def test_name_matches_finds_the_question_words_of_each_content_word():
    words = ["what", "ami", "created", "instance"]

    assert name_matches(words, "is created from") == [{2}]
    assert name_matches(["director", "film", "directed"], "directed by") == [{0, 2}]
    assert name_matches(["genre"], "written by") == [set()]


def test_phrase_support_is_the_share_of_a_names_words_found():
    share, used = phrase_support(["created", "ami"], "is created from")
    assert (share, used) == (1.0, {"created"})

    share, used = phrase_support(["release"], "release year")
    assert share == pytest.approx(0.5)
    assert used == {"release"}


def test_content_words_skip_mentions_and_stopwords_and_double_co_words():
    tokens = tokenize("What is created by an AMI?")
    assert content_words(tokens, skip={5}) == ["created"]

    tokens = tokenize("Who co-directed Paper Comets?")
    assert content_words(tokens, skip={2, 3}) == ["directed", "directed"]


# -- text helpers -----------------------------------------------------------------------------------
def test_tokens_carry_their_offsets_and_keep_hyphens_and_contractions():
    text = "Stop-hibernate won't lose data (RAM), e.g. 3.5 GB."
    tokens = tokenize(text)

    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:7] == ["Stop-hibernate", "won't", "lose", "data", "(", "RAM", ")"]
    assert [t.is_word for t in tokens][:5] == [True, True, True, True, False]
    assert tokenize("It won’t")[1].lower == "won't"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("created", "create"), ("running", "run"), ("AMIs", "ami"), ("VMs", "vm"), ("placed", "place")],
)
def test_lemmas_include_the_base_form(word, lemma):
    assert lemma in lemmas(word)
    assert word.lower() in lemmas(word)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("instances", "instance"),
        ("AMIs", "ami"),
        ("services", "service"),
        ("Kubernetes", "kubernetes"),
        ("policies", "policy"),
        ("VMs", "vm"),
        ("EC2", "ec2"),
        ("stop-hibernate", "stop-hibernate"),
    ],
)
def test_noun_key_is_the_lowercase_singular(word, key):
    assert noun_key(word) == key


def test_name_key_and_plural_and_slug():
    assert name_key("Amazon EC2 Instances") == "amazon ec2 instance"
    assert name_key("  secure, resizable  capacity ") == "secure resizable capacity"
    assert plural("EC2 instance") == "EC2 instances"
    assert plural("AMI") == "AMIs"
    assert plural("Policy") == "Policies"
    assert plural("serverless") == "serverless"
    assert plural("worker nodes") == "worker nodes"
    assert slug("Stop-Hibernate") == "stop-hibernate"
    assert slug("!!!") == "concept"


def test_split_sentences_keeps_abbreviations_inside_a_sentence():
    text = "Use a store, e.g. S3 or EBS. Containers vs. VMs differ, i.e. in kernels. Why? 3 times!"

    found = split_sentences(text)

    assert [s for _, s in found] == [
        "Use a store, e.g. S3 or EBS.",
        "Containers vs. VMs differ, i.e. in kernels.",
        "Why?",
        "3 times!",
    ]
    assert all(text[offset : offset + len(s)] == s for offset, s in found)


def test_split_sentences_of_a_lowercase_continuation_and_of_nothing():
    assert [s for _, s in split_sentences("It stops. then it starts.")] == ["It stops. then it starts."]
    assert split_sentences("   ") == []


def test_stopwords_cover_question_words_but_not_content():
    assert {"what", "which", "does", "the", "it"} <= STOPWORDS
    assert not {"create", "instance", "run", "kernel"} & STOPWORDS


def test_a_word_with_a_privative_suffix_never_matches_its_opposite():
    # "stateless" shares the stem "state" with "stateful" but means its opposite.
    assert words_match("stateful", "stateless") == 0.0
    assert words_match("serverless", "server") == 0.0
    assert words_match("stateless", "stateless") == 1.0


def test_a_dictionary_word_is_no_typo_of_a_similar_word():
    # "movie" is not a misspelt "move"; "equivalant" is a misspelt "equivalent".
    assert words_match("movie", "move") == 0.0
    assert words_match("equivalant", "equivalent") >= 0.8


def test_a_brand_word_before_a_name_belongs_to_the_mention(linker):
    # "Amazon EC2" names EC2; "Amazon" alone names nothing, so it must not be left as a question word.
    assert spans(link(linker, "What is Amazon EC2?")) == [("Amazon EC2", "ec2", "exact")]
