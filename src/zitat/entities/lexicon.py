"""Word lists for reading speaker names: articles, function words, roles, name particles.

Everything here is casefolded. The lists are deliberately small and closed; docs/entities.md
says how each one is used.
"""

from __future__ import annotations

__all__ = [
    "CONJUNCTIONS",
    "FUNCTION_WORDS",
    "NAME_PARTICLES",
    "PRONOUNS",
    "ROLE_HEADS",
    "ROLE_WORDS",
    "TITLES",
    "TRANSLITERATIONS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Articles, determiners, possessives, prepositions, conjunctions, modal and auxiliary verbs,
#: and adverbs that start a sentence with a capital letter but are never part of a name.
FUNCTION_WORDS: frozenset[str] = _words(
    """
    der die das den dem des ein eine einer eines einem einen
    sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren
    unser unsere unserer unseres unserem unseren euer eure dessen deren
    dieser diese dieses diesem diesen jener jene jenes jenem jenen
    beide beiden beider
    und oder sowie sowohl als auch aber doch denn sondern
    in im an am auf aus bei beim mit nach von vom vor zu zum zur für über unter gegen laut
    zufolge gemäß wie
    wenn weil da als nachdem indem ob dass damit während obwohl sobald falls
    so auch noch nur schon bereits dann zudem außerdem jedoch allerdings
    sollte sollten soll sollen könnte könnten kann können würde würden wird werden
    hatte hatten hat haben war waren ist sind
    """
)

#: Personal pronouns: a name that is only a pronoun names no one across documents.
PRONOUNS: frozenset[str] = _words(
    "er sie es ihm ihn ihr ihnen wir uns man jemand niemand dieser jener"
)

#: Courtesy and academic titles, dropped wherever they stand before a name.
TITLES: frozenset[str] = _words("dr. dr prof. prof herr frau sir mr. mr mrs. ms. dame")

#: Particles that belong to a surname ("von der Leyen", "de Maizière", "bin Salman").
NAME_PARTICLES: frozenset[str] = _words(
    "von vom van der den de del della di da dos du la le ten ter zu bin ibn al el"
)

#: Words that join the members of a group ("die USA und ihre Verbündeten").
CONJUNCTIONS: frozenset[str] = frozenset({"und", "sowie", "&", "and"})

#: Role nouns, matched as whole words, after a country prefix ("US-", "EU-") is cut.
ROLE_WORDS: frozenset[str] = _words(
    """
    präsident präsidentin präsidenten staatspräsident kanzler kanzlerin bundeskanzler
    bundeskanzlerin premier premierminister premierministerin regierungschef regierungschefin
    staatschef staatschefin minister ministerin ministers außenminister außenministerin
    außenministers amtskollege amtskollegen amtskollegin kollege kollegen kollegin
    chefdiplomat chefdiplomaten chefdiplomatin diplomat diplomaten diplomatin
    sprecher sprecherin sprechers regierungssprecher regierungssprecherin
    politiker politikerin politikers abgeordnete abgeordneter senator senatorin
    botschafter botschafterin gesandte gesandter vertreter vertreterin delegationsleiter
    generalsekretär generalsekretärin sekretär sekretärin berater beraterin
    leiter leiterin chef chefin vorsitzende vorsitzender parteichef parteichefin
    general generalin admiral kommandeur
    analyst analystin experte expertin beobachter beobachterin korrespondent korrespondentin
    nachrichtenagentur agentur zeitung sender
    könig königin papst kardinal bischof
    seite seiten landrat landrätin stadtrat stadträtin gemeinderat gemeinderätin
    """
)

#: Heads of compounds that make a word a role ("Kremlchef", "Grünen-Politikerin",
#: "Verteidigungsministerin"): a word ending in one of these, longer than it, is a role.
ROLE_HEADS: tuple[str, ...] = (
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "minister",
    "ministerin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "diplomat",
    "diplomatin",
    "politiker",
    "politikerin",
    "kollege",
    "kollegin",
    "botschafter",
    "botschafterin",
    "sekretär",
    "sekretärin",
    "vorsitzende",
    "vorsitzender",
    "berater",
    "beraterin",
    "leiter",
    "leiterin",
    "bürgermeister",
    "bürgermeisterin",
)

#: Spelling variants of the same name in German and English transliteration (from Russian
#: and Ukrainian), mapped to one form. Keys and values are casefolded; the value is only a
#: key for comparison, the displayed name stays as written.
TRANSLITERATIONS: dict[str, str] = {
    # surnames
    "lavrov": "lawrow",
    "lawrov": "lawrow",
    "selensky": "selenskyj",
    "selenski": "selenskyj",
    "selenskij": "selenskyj",
    "zelensky": "selenskyj",
    "zelenskyy": "selenskyj",
    "zelenskiy": "selenskyj",
    "zelenskyj": "selenskyj",
    "peskov": "peskow",
    "shoigu": "schoigu",
    "medvedev": "medwedew",
    "medwedjew": "medwedew",
    "ryabkov": "rjabkow",
    "klitschkow": "klitschko",
    "klychko": "klitschko",
    # given names
    "sergei": "sergej",
    "sergey": "sergej",
    "sergeij": "sergej",
    "vladimir": "wladimir",
    "volodymyr": "wolodymyr",
    "wolodimir": "wolodymyr",
    "dmitry": "dmitri",
    "dmitrij": "dmitri",
    "dimitri": "dmitri",
    "tatiana": "tatjana",
    "tatyana": "tatjana",
    "anthony": "antony",
}
