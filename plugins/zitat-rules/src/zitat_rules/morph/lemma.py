"""Verb lemmas for finite forms: simplemma first, a checked suffix-stripping fallback second.

What simplemma 2.0 (``simplemma.lemmatize(word, lang="de")``) returns for finite forms was
checked by hand: it is right for regular, strong, modal and subjunctive forms ("kündigte" ->
kündigen, "wies" -> weisen, "sei"/"seien"/"wäre" -> sein, "habe"/"hätten" -> haben, "stehe"/
"stünde" -> stehen, "warte" -> warten, "liege"/"läge" -> liegen, "werde"/"würde" -> werden),
for joined particle verbs ("zurückweise" -> zurückweisen) and for rare verbs ("monierte").
Its failure modes, and what this module does about them:

* unknown words come back unchanged ("xyzzyt" -> "xyzzyt", ``is_known`` False);
* some forms get a non-verb lemma ("äußere" -> "äußer", the adjective stem);
* possessives and other homographs get a verb or a non-verb lemma ("seine" -> sein,
  "meine" -> mein).

So a simplemma lemma is accepted only if simplemma knows the word and ablaut's paradigm of that
lemma really contains the form (an unknown "russlandfeindlichen" comes back unchanged and looks
like an infinitive). Otherwise candidate infinitives are guessed by stripping inflection endings
(-e, -st, -t, -est, -et, -te, -test, -ten, -tet, -en, -n) and adding -en/-n (-ere/-ele ->
-ern/-eln), and the first candidate whose paradigm contains the form *and* that simplemma knows
as a lemma (it lemmatizes to itself, so "seinen" or "lagen" do not count) is taken; ablaut alone
is not trusted for this because it conjugates any string ending in -en. For words simplemma
*knows* (but lemmatised to a non-verb) only candidates from ``common_verbs.txt`` are accepted,
so "äußere" -> äußern is repaired while "besondere" does not become a form of "besondern".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import simplemma

from .paradigm import finite_forms, is_plausible_infinitive

__all__ = ["candidate_infinitives", "common_verbs", "verb_lemma"]

_ENDINGS = ("test", "ten", "tet", "est", "te", "st", "et", "en", "e", "t", "n", "")


@lru_cache(maxsize=65536)
def verb_lemma(form: str) -> str | None:
    """Infinitive of the finite verb ``form`` (lower-cased), or None if none can be verified."""
    word = form.lower()
    if not word.isalpha():
        return None
    guess = simplemma.lemmatize(word, lang="de")
    known = bool(simplemma.is_known(word, lang="de"))
    if known and is_plausible_infinitive(guess) and word in finite_forms(guess):
        return guess
    allowed = _known if not known else _common
    for candidate in candidate_infinitives(word):
        if candidate != guess and word in finite_forms(candidate) and allowed(candidate):
            return candidate
    return None


def candidate_infinitives(word: str) -> tuple[str, ...]:
    """Infinitives that ``word`` could be a finite form of, by ending stripping (unverified)."""
    seen: dict[str, None] = {}
    for ending in _ENDINGS:
        if ending and not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)] if ending else word
        if len(stem) < 2:
            continue
        if stem.endswith(("er", "el")):
            seen[stem + "n"] = None
        seen[stem + "en"] = None
        if stem.endswith("e"):
            seen[stem + "n"] = None
    return tuple(c for c in seen if is_plausible_infinitive(c))


@lru_cache(maxsize=1)
def common_verbs() -> frozenset[str]:
    """Frequent verbs listed in common_verbs.txt (package data)."""
    text = resources.files(__package__).joinpath("common_verbs.txt").read_text("utf-8")
    return frozenset(x.strip() for x in text.splitlines() if x.strip() and x[0] != "#")


def _common(word: str) -> bool:
    return word in common_verbs()


def _known(word: str) -> bool:
    """simplemma knows ``word`` and takes it for a lemma of its own (not "seinen" -> sein)."""
    known = bool(simplemma.is_known(word, lang="de"))
    return known and simplemma.lemmatize(word, lang="de") == word
