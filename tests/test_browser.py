"""The web pages in real headless Chromium (Debian's chromium + chromedriver) against `letopis serve` on loopback.

Screenshots are saved in tests/artifacts/ (or $LETOPIS_ARTIFACTS) for people to look at.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, served

ARTIFACTS = Path(os.environ.get("LETOPIS_ARTIFACTS", ROOT / "tests" / "artifacts"))


@pytest.fixture(scope="module")
def server(sample_db):
    with served("--db", f"sqlite:///{sample_db}") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "Debian chromium and chromium-driver are needed: `make test` installs them"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000


def wait(driver, css: str, timeout: float = 15):
    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_home_page_lists_events_and_stories(server, browser):
    browser.get(server + "/")
    assert browser.title.startswith("Chronicle")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tr.event-row")
    assert len(rows) >= 8
    assert browser.find_elements(By.CSS_SELECTOR, "ul.stories li a")
    shot(browser, "home")


def test_event_page_shows_evidence_side_by_side(server, browser):
    browser.get(server + "/events?actor=e-vladimir-putin")
    links = browser.find_elements(By.CSS_SELECTOR, "a.evidence-link")
    assert links
    # follow the event reported in both languages
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.event-row")
    row = next(r for r in rows if r.find_elements(By.TAG_NAME, "td")[5].text == "2")
    row.find_element(By.CSS_SELECTOR, "a.evidence-link").click()
    wait(browser, "article.evidence")
    cards = browser.find_elements(By.CSS_SELECTOR, "article.evidence")
    assert {c.get_attribute("lang") for c in cards} == {"ru", "en"}
    assert all(c.find_element(By.TAG_NAME, "blockquote").text for c in cards)
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "2022-11-25" in facts and "Moscow" in facts
    shot(browser, "event")


def test_actor_page_with_timeline_and_counterparts(server, browser):
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Kassym-Jomart Tokayev").click()
    wait(browser, "ul.counterparts")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Kassym-Jomart Tokayev")
    canvas = wait(browser, "canvas#timeline[data-rendered='yes']")
    assert canvas.size["height"] > 50
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.counterparts li > a:first-child")]
    assert "Vladimir Putin" in names
    shot(browser, "actor")
    browser.find_element(By.CSS_SELECTOR, "a.dyad-link").click()
    wait(browser, "canvas#dyad-chart[data-rendered='yes']")
    assert "–" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "dyad")


def test_network_page_draws_the_graph(server, browser):
    browser.get(server + "/network")
    wait(browser, "#network[data-rendered='yes']")
    nodes = browser.execute_script("return window.letopisNetwork.nodes().length")
    edges = browser.execute_script("return window.letopisNetwork.edges().length")
    assert nodes >= 5 and edges >= 4
    assert int(browser.find_element(By.ID, "network").get_attribute("data-nodes")) == nodes
    shot(browser, "network")


def test_search_finds_an_inflected_name(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("Токаеву")
    box.submit()
    wait(browser, "ul.entities")
    assert "Kassym-Jomart Tokayev" in browser.find_element(By.CSS_SELECTOR, "ul.entities").text
    assert browser.find_elements(By.CSS_SELECTOR, "ul.articles li a")
    shot(browser, "search")


def test_article_page_highlights_entities_and_greys_boilerplate(server, browser):
    browser.get(server + "/search?q=санкции")
    browser.find_element(By.CSS_SELECTOR, "ul.articles li a").click()
    wait(browser, ".article-text")
    marks = browser.find_elements(By.CSS_SELECTOR, ".article-text mark")
    assert marks and {m.get_attribute("class") for m in marks} & {"PER", "ORG", "LOC"}
    removed = browser.find_elements(By.CSS_SELECTOR, "ul.removed li")
    assert removed
    shot(browser, "article")
