"""Test the web pages in a real headless Chromium (Debian ``chromium`` + ``chromium-driver``) via Selenium.

The service is the same real gunicorn the API tests use. Screenshots go to ``$KG_TEST_ARTIFACTS`` (or a
temporary directory) so a person can look at what the browser drew.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser import headless_chromium, require_chromium
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from servers import LiveService, no_traceback_logged

pytestmark = pytest.mark.slow

WAIT = 60  # seconds; the first question in a worker may wait on its engine


@pytest.fixture(scope="session")
def service(live_service: LiveService) -> LiveService:
    """The service under gunicorn, ready (shared with the API tests)."""
    return live_service


@pytest.fixture(autouse=True)
def no_traceback_in_the_log(service: LiveService) -> Iterator[None]:
    """Fail a test whose requests made the service log a traceback (an unhandled error), whichever runs."""
    with no_traceback_logged(service.log):
        yield


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$KG_TEST_ARTIFACTS`` for CI to keep, else a temporary directory."""
    directory = Path(os.environ.get("KG_TEST_ARTIFACTS") or tmp_path_factory.mktemp("screenshots"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session", autouse=True)
def chromium_is_installed() -> None:
    """Check for Chromium before the service starts, so a missing browser costs no wait."""
    require_chromium()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh profile, its console log kept for the checks below."""
    driver = headless_chromium(tmp_path_factory.mktemp("chromium-profile"), console_log=True)
    try:
        yield driver
    finally:
        driver.quit()


def wait(browser: webdriver.Chrome, seconds: float = WAIT) -> WebDriverWait:
    return WebDriverWait(browser, seconds)


@dataclass
class Console:
    """What a test expects the browser console to report: the failed requests it provokes on purpose."""

    #: ``(path, status)`` of each request the test makes fail, such as a malformed query answered 400.
    expected_failures: set[tuple[str, int]] = field(default_factory=set)

    def expect_failure(self, path: str, status: int) -> None:
        """Let a request to ``path`` answered ``status`` be logged without failing the test."""
        self.expected_failures.add((path, status))

    def unexpected(self, entries: list[dict]) -> list[str]:
        """Return the severe entries (script errors, failed requests) other than the failures expected.

        A failed request reads ``<url> - Failed to load resource: the server responded with a status of
        <status> (...)``; a missing script, style or image is one, so only those the test expects are let
        through.
        """
        errors = []
        for entry in entries:
            if entry["level"] != "SEVERE":
                continue
            failed = re.match(r"(\S+) - Failed to load resource: .*status of (\d+)", entry["message"])
            if failed and (urlparse(failed[1]).path, int(failed[2])) in self.expected_failures:
                continue
            errors.append(entry["message"])
        return errors


@pytest.fixture(autouse=True)
def console(browser: webdriver.Chrome) -> Iterator[Console]:
    """Fail a test when the browser reports a script error or a failed request the test did not provoke."""
    browser.get_log("browser")  # start clean: what earlier tests left is theirs
    expected = Console()
    yield expected
    assert expected.unexpected(browser.get_log("browser")) == []


def ask_on_page(browser: webdriver.Chrome, service: LiveService, question: str) -> None:
    """Open the question page, type the question, press Enter and wait for the answer."""
    browser.get(service.url("/"))
    box = wait(browser).until(ec.element_to_be_clickable((By.ID, "question")))
    box.clear()
    box.send_keys(question, Keys.ENTER)
    wait(browser).until(lambda b: b.find_element(By.ID, "asked").text == question)


# -- the question page -----------------------------------------------------------------------------------
def test_asking_shows_the_answer_confidence_sources_sparql_and_evidence_picture(
    browser: webdriver.Chrome, service: LiveService, artifacts: Path
):
    ask_on_page(browser, service, "What does an AMI create?")
    assert browser.find_element(By.ID, "result").is_displayed()
    assert "EC2 instance" in browser.find_element(By.ID, "answer-text").text
    confidence = browser.find_element(By.ID, "confidence-value").text
    assert confidence.endswith("%") and int(confidence[:-1]) >= 50
    chip = browser.find_element(By.CSS_SELECTOR, "#answers a.chip.answer")
    assert chip.text == "EC2 instance"
    assert urlparse(chip.get_attribute("href")).path == "/id/ec2-instance"
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "#sources blockquote")]
    assert quotes and all(quotes)
    assert "compute.md" in browser.find_element(By.CSS_SELECTOR, "#sources cite").text
    assert "SELECT" in browser.find_element(By.ID, "sparql").text

    # The evidence picture: an SVG with the asked-about concept, the answer, and a labelled edge.
    picture = browser.find_element(By.CSS_SELECTOR, "#graph-frame svg.kg-graph")
    assert picture.is_displayed() and picture.size["width"] > 300 and picture.size["height"] > 100
    assert int(picture.get_attribute("data-nodes")) >= 2
    assert len(picture.find_elements(By.CSS_SELECTOR, ".node circle")) >= 2
    answer_node = picture.find_element(By.CSS_SELECTOR, ".node.answer")
    assert answer_node.find_element(By.TAG_NAME, "text").text == "EC2 instance"
    assert picture.find_element(By.CSS_SELECTOR, ".node.topic text").text == "Amazon Machine Image"
    edge_labels = [t.text for t in picture.find_elements(By.CSS_SELECTOR, ".edge text")]
    assert edge_labels and all(edge_labels)

    screenshot = artifacts / "ask-page.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def test_one_click_opens_the_sparql_in_the_query_page_and_runs_it(browser: webdriver.Chrome, service: LiveService):
    ask_on_page(browser, service, "What does an AMI create?")
    sparql = browser.find_element(By.ID, "sparql").text
    browser.find_element(By.ID, "open-query").click()
    wait(browser).until(ec.url_contains("/query"))
    assert parse_qs(urlparse(browser.current_url).query)["query"] == [sparql]
    cell = wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results td a")))
    assert cell.get_attribute("title") == "https://kgqa.dev/id/ec2-instance"
    assert browser.find_element(By.ID, "query-editor").get_attribute("value") == sparql


def test_an_unanswerable_question_says_so_without_a_picture(browser: webdriver.Chrome, service: LiveService):
    ask_on_page(browser, service, "Who wrote Hamlet?")
    assert "know" in browser.find_element(By.ID, "answer-text").text.lower()
    assert "abstained" in browser.find_element(By.ID, "answer-card").get_attribute("class")
    assert not browser.find_element(By.ID, "evidence-card").is_displayed()
    assert not browser.find_element(By.ID, "sparql-card").is_displayed()


def test_an_empty_question_is_refused_in_words(browser: webdriver.Chrome, service: LiveService):
    browser.get(service.url("/"))
    box = wait(browser).until(ec.element_to_be_clickable((By.ID, "question")))
    box.send_keys("   ", Keys.ENTER)
    status = wait(browser).until(lambda b: b.find_element(By.ID, "status").text and b.find_element(By.ID, "status"))
    assert "error" in status.get_attribute("class") and status.text


def test_the_page_works_from_the_keyboard(browser: webdriver.Chrome, service: LiveService):
    browser.get(service.url("/"))
    body = wait(browser).until(ec.presence_of_element_located((By.TAG_NAME, "body")))
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to content"
    # Tab onwards reaches the question box, which has a label; focus is visible.
    for _ in range(10):
        if browser.switch_to.active_element.get_attribute("id") == "question":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    box = browser.switch_to.active_element
    assert box.get_attribute("id") == "question"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=question]").text
    assert browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", box) != "none"
    box.send_keys("What is EC2?", Keys.ENTER)
    wait(browser).until(lambda b: b.find_element(By.ID, "asked").text == "What is EC2?")
    assert browser.switch_to.active_element.get_attribute("id") == "question"  # ready for the next question
    # Nodes of the picture are links a keyboard can reach.
    links = browser.find_elements(By.CSS_SELECTOR, "#graph-frame svg a")
    assert links and all(link.get_attribute("href") for link in links)


def test_the_page_loads_nothing_from_elsewhere_and_fits_a_phone(
    browser: webdriver.Chrome, service: LiveService, artifacts: Path
):
    browser.set_window_size(390, 900)
    try:
        ask_on_page(browser, service, "What does an AMI create?")
        resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert resources and all(url.startswith(service.base) for url in resources)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
        assert browser.save_screenshot(str(artifacts / "ask-page-phone.png"))
    finally:
        browser.set_window_size(1280, 1100)


# -- the query page and concept pages --------------------------------------------------------------------
def test_the_query_page_runs_with_ctrl_enter_and_from_examples(
    browser: webdriver.Chrome, service: LiveService, artifacts: Path, console: Console
):
    browser.get(service.url("/query"))
    editor = wait(browser).until(ec.element_to_be_clickable((By.ID, "query-editor")))
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys(
        "SELECT ?label WHERE { <https://kgqa.dev/id/ec2-instance> <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    )
    editor.send_keys(Keys.CONTROL, Keys.ENTER)
    cell = wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results td")))
    assert cell.text == "EC2 instance"
    assert browser.find_element(By.CSS_SELECTOR, "#results th").text == "?label"
    assert browser.find_element(By.ID, "results-status").text.startswith("1 row")

    example = browser.find_element(By.XPATH, "//button[contains(., '(ASK)')]")
    example.click()
    answer = wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results .boolean")))
    assert answer.text == "Yes (true)"

    editor = browser.find_element(By.ID, "query-editor")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    console.expect_failure("/sparql", 400)  # the malformed query below: the page shows the error instead
    editor.send_keys("SELECT * WHERE { ?s ?p }", Keys.CONTROL, Keys.ENTER)
    error = wait(browser).until(
        lambda b: b.find_element(By.ID, "query-error").text and b.find_element(By.ID, "query-error")
    )
    assert "1:" in error.text  # the parser's line and column
    browser.find_element(By.XPATH, "//button[contains(., 'Relations between concepts')]").click()
    wait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#results tbody tr")) > 5)
    assert browser.save_screenshot(str(artifacts / "query-page.png"))


def test_a_concept_page_shows_names_relations_sources_and_a_picture(
    browser: webdriver.Chrome, service: LiveService, artifacts: Path
):
    browser.get(service.url("/id/amazon-machine-image"))
    title = wait(browser).until(ec.presence_of_element_located((By.ID, "concept-title")))
    assert title.text == "Amazon Machine Image"
    assert "AMI" in browser.find_element(By.TAG_NAME, "main").text
    assert "An image creates an instance." in browser.find_element(By.CSS_SELECTOR, ".sources").text
    picture = browser.find_element(By.CSS_SELECTOR, "#graph-frame svg.kg-graph")
    assert int(picture.get_attribute("data-edges")) >= 2  # "creates" and "is created from", drawn apart
    assert picture.find_element(By.CSS_SELECTOR, ".node.topic text").text == "Amazon Machine Image"
    browser.find_element(By.CSS_SELECTOR, ".relations a[href='/id/ec2-instance']").click()
    wait(browser).until(ec.text_to_be_present_in_element((By.ID, "concept-title"), "EC2 instance"))
    picture = browser.find_element(By.CSS_SELECTOR, "#graph-frame svg.kg-graph")
    assert int(picture.get_attribute("data-nodes")) >= 5
    assert browser.save_screenshot(str(artifacts / "concept-page.png"))
    browser.back()
    wait(browser).until(ec.text_to_be_present_in_element((By.ID, "concept-title"), "Amazon Machine Image"))
