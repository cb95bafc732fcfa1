"""The Dutch and English catalogues say the same things: same keys, same placeholders."""

from string import Formatter

import pytest

from bot.policy.scope import Intent
from bot.services.replies import choice_synonyms, intent_label
from bot.texts import en, nl


def placeholders(sentence: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(sentence) if field is not None}


def test_both_catalogues_have_the_same_keys() -> None:
    assert set(nl.TEXTS) - set(en.TEXTS) == set(), "missing in en.py"
    assert set(en.TEXTS) - set(nl.TEXTS) == set(), "missing in nl.py"


@pytest.mark.parametrize("key", sorted(nl.TEXTS))
def test_every_key_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert placeholders(nl.TEXTS[key]) == placeholders(en.TEXTS[key])


@pytest.mark.parametrize("catalogue", [nl.TEXTS, en.TEXTS], ids=["nl", "en"])
def test_no_sentence_is_empty_or_has_stray_whitespace(catalogue: dict[str, str]) -> None:
    for key, sentence in catalogue.items():
        assert sentence.strip() == sentence and sentence, key


def test_the_synonym_lists_cover_the_same_choice_values() -> None:
    assert set(nl.SYNONYMS) == set(en.SYNONYMS)


@pytest.mark.parametrize("catalogue", [nl.SYNONYMS, en.SYNONYMS], ids=["nl", "en"])
def test_synonyms_are_lower_case_and_trimmed(catalogue: dict[str, tuple[str, ...]]) -> None:
    for value, words in catalogue.items():
        assert words, value
        assert all(word == word.strip().lower() and word for word in words), value


def test_choice_synonyms_lead_with_the_given_language_and_include_the_other() -> None:
    dutch, english = choice_synonyms("nl"), choice_synonyms("en")
    assert dutch["emergency"][0] == "noodgeval" and "emergency" in dutch["emergency"]
    assert english["emergency"][0] == "emergency" and "noodgeval" in english["emergency"]
    assert {"ja", "yes", "klopt"} <= set(dutch["yes"])
    assert {"nee", "no", "niet"} <= set(english["no"])
    assert len(dutch["no"]) == len(set(dutch["no"]))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("intent", list(Intent))
def test_every_intent_has_a_label_in_both_languages(lang: str, intent: Intent) -> None:
    label = intent_label(lang, intent)
    assert label and label != intent.value
    assert nl.TEXTS[f"intent_{intent.value}"] != en.TEXTS[f"intent_{intent.value}"]


def test_there_are_eighteen_intents() -> None:
    assert len(Intent) == 18
