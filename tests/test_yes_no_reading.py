"""Yes/no questions read by grammar: the main verb names the relation; a quality's opposite answers no."""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph
from kg.embeddings import SentenceTransformerEmbedder
from kg.qa import ANSWER_THRESHOLD
from kg.question import parse, subordinator_words
from kg.sentence_answer import MEANT_PENALTY, SENTENCE_CONFIDENCE, VERDICT_WORD_SIMILARITY, SentenceAnswerer
from kg.sentence_slots import Asked, keeps_roles

pytestmark = pytest.mark.slow

NOTE = """# Tugboats

The **Kestrel** does not tow barges. The **Osprey** tows barges and ferries.

A **tow** is a thick rope between two boats.
"""


def note_graph(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp(name)
    (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / f"{name}.md"], cache_dir=folder / "vectors")


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "tugboats", NOTE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "tow" links to the rope the note defines; read as the question's verb, it names the relation.
        ("Does the Kestrel tow barges?", False),
        ("Does Osprey tow barges?", True),
    ],
)
def test_the_verb_of_a_yes_no_question_names_its_relation(graph: KnowledgeGraph, question: str, expected: bool):
    answer = graph.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer


def test_the_word_still_names_the_thing_where_it_is_a_noun(graph: KnowledgeGraph):
    answer = graph.ask("What is a tow?")

    assert answer.kind == "definition" and "rope" in answer.answer


GATES = """# Gates

The **Finch gate** is unlocked. The **Wren gate** is stateless and heavy.
"""


@pytest.fixture(scope="module")
def gates(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "gates", GATES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the Finch gate locked?", False),  # "un-": the opposite holds
        ("Is the Wren gate stateful?", False),  # "-less" / "-ful"
        ("Is the Wren gate light?", False),  # a WordNet antonym
        ("Is the Wren gate stateless?", True),  # the quality itself, as before
    ],
)
def test_a_quality_whose_opposite_holds_answers_no(gates: KnowledgeGraph, question: str, expected: bool):
    answer = gates.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer


def test_a_quality_nothing_opposes_stays_unsettled(gates: KnowledgeGraph):
    assert gates.ask("Is the Wren gate painted?").answers == []


KETTLES = """# Kettles

| Property | Brightwell | Copperline |
| --- | --- | --- |
| safe on induction hobs | yes | no |
| boil time | four minutes | three minutes |
"""


@pytest.fixture(scope="module")
def kettles(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "kettles", KETTLES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the Brightwell safe on induction hobs?", True),
        ("Is the Copperline safe on induction hobs?", False),
    ],
)
def test_a_yes_no_cell_of_a_property_table_answers(kettles: KnowledgeGraph, question: str, expected: bool):
    answer = kettles.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer
    assert answer.kind == "boolean"


def test_a_row_the_question_does_not_name_settles_nothing(kettles: KnowledgeGraph):
    assert kettles.ask("Is the Copperline safe?").answers == []


LANTERNS = """# Lanterns

| Property | Glimmer | Dusklight |
| --- | --- | --- |
| repaired by the maker | yes | no |
| weight | two kilograms | one kilogram |
"""


@pytest.fixture(scope="module")
def lanterns(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "lanterns", LANTERNS)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "mended" is a WordNet synonym of the row's "repaired": the question names the row in its own verb.
        ("Is the Glimmer mended by the maker?", True),
        ("Is the Dusklight mended by the maker?", False),
    ],
)
def test_a_property_table_row_named_by_a_synonym_answers(lanterns: KnowledgeGraph, question: str, expected: bool):
    answer = lanterns.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer
    assert answer.kind == "boolean" and "repaired by the maker" in answer.answer


def test_a_row_word_no_question_word_means_settles_nothing(lanterns: KnowledgeGraph):
    assert lanterns.ask("Is the Dusklight painted by the maker?").answers == []


# -- a verdict from the one sentence that answers, where no fact does ---------------------------------

HARBOUR = """# Harbour

The **tide clock** records the water level, but it does not alter the **harbour chart**.

Opening a **berth** does not paint any **hulls**, so berths are cheap.

A **dinghy** is never hoisted by the **harbour crane** when its hull is wet: dinghies are hoisted after they dry.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "harbour", HARBOUR)


def test_a_verb_the_sentence_says_in_other_words_gives_a_less_sure_verdict(harbour: KnowledgeGraph):
    # "modify" is said "alter" (a synonym, by meaning): the same "no" as the sentence's own verb gives, less sure.
    meant = harbour.ask("Does the tide clock modify the harbour chart?")
    own = harbour.ask("Does the tide clock alter the harbour chart?")

    assert [a["value"] for a in meant.answers] == [False], meant.answer
    assert [a["value"] for a in own.answers] == [False], own.answer
    # The sentence's own verb names its denial fact ("does not alter"), which answers surely; the other
    # word is read out of the quoted sentence, less sure than a sentence read in its own words.
    assert own.kind == "boolean" and own.confidence >= ANSWER_THRESHOLD
    assert meant.kind == "sentence"
    assert meant.confidence <= SENTENCE_CONFIDENCE - MEANT_PENALTY < ANSWER_THRESHOLD


def test_a_passive_question_is_answered_by_a_sentence_that_keeps_its_roles_in_another_order(harbour: KnowledgeGraph):
    # The hulls are what is painted in both, though the sentence names the berth first.
    answer = harbour.ask("Are hulls painted when a berth is opened?")

    assert [a["value"] for a in answer.answers] == [False], answer.answer
    assert "does not paint any hulls" in answer.sources[0]["text"]


def test_a_sentence_that_swaps_the_roles_settles_nothing(harbour: KnowledgeGraph):
    # The chart is what the clock does not alter, never the one that alters.
    assert harbour.ask("Does the harbour chart alter the tide clock?").answers == []


def test_the_adverb_of_a_subordinator_is_grammar_the_sentence_need_not_repeat(harbour: KnowledgeGraph):
    answer = harbour.ask("Is a dinghy hoisted by the harbour crane as soon as its hull is wet?")

    assert [a["value"] for a in answer.answers] == [False], answer.answer
    assert answer.kind == "sentence"


@pytest.mark.parametrize(
    ("question", "grammar"),
    [
        ("Does the crane lift a boat as soon as it is wet?", {"soon"}),
        ("Does the crane lift a boat as long as it is dry?", {"long"}),
        # Comparisons: the adverb is the quality compared.
        ("Does the crane lift boats as quickly as the old crane lifts them?", set()),
        ("Does the crane lift boats as quickly as the old one does?", set()),
        ("Does the crane lift boats as quickly as the old one?", set()),
        ("Does the crane lift boats quickly?", set()),
    ],
)
def test_subordinator_words_are_read_by_grammar(question: str, grammar: set[str]):
    assert subordinator_words(question) == grammar


@pytest.mark.parametrize(
    ("sentence", "question", "subject", "kept"),
    [
        # The hulls are what is painted, though named last.
        ("Opening a berth does not paint any hulls.", "Are hulls painted when a berth opens?", ["hulls"], True),
        # The berth is what is opened, not what is painted.
        ("Opening a berth does not paint any hulls.", "Is a berth painted?", ["berth"], False),
        ("The pilot boat is towed by the harbour tug.", "Does the harbour tug tow the pilot boat?", ["tug"], True),
        ("The pilot boat is towed by the harbour tug.", "Does the pilot boat tow the tug?", ["boat"], False),
        ("The tug tows the pilot boat.", "Does the pilot boat tow the tug?", ["boat"], False),
        # The buoy stands in a clause added to the verb's: it says nothing of needing a buoy.
        (
            "The ferry does not need a pilot, because its route is marked by a buoy.",
            "Does a ferry need a buoy?",
            ["ferry"],
            False,
        ),
    ],
)
def test_a_sentence_keeps_the_questions_roles_by_grammar(sentence, question, subject, kept):
    words = question.lower().rstrip("?").split()
    passive = question.startswith(("Are", "Is"))
    nouns = [w for w in words if w in ("hulls", "berth", "harbour", "tug", "pilot", "boat", "ferry", "buoy")]
    asked = Asked(content=[], words=words, mention_words=nouns, subject_words=subject, passive=passive)

    assert keeps_roles(sentence, asked, parse) is kept


@pytest.fixture(scope="module")
def answerer() -> SentenceAnswerer:
    return SentenceAnswerer(None, SentenceTransformerEmbedder().encode)


@pytest.mark.parametrize(
    ("word", "sentence_word", "meant"),
    [
        ("modify", "alter", True),
        ("remove", "delete", True),
        ("inbound", "outbound", False),  # 0.88 by embedding: a shared stem under another prefix
        ("encrypt", "decrypt", False),
        ("enable", "disable", False),  # WordNet antonyms
        ("paint", "coat", False),  # related, not the same
    ],
)
def test_a_verdict_reads_through_a_synonym_never_an_opposite(answerer, word, sentence_word, meant):
    found = answerer.meant_words([word], [sentence_word], VERDICT_WORD_SIMILARITY, same_stem=False)

    assert (found == {word: sentence_word}) is meant
