"""A tiny nl/en detector: function-word and character-profile scoring.

Why not a model: messages are short and only two languages matter; a few
hundred frequent words decide almost every case in microseconds.
"""

from __future__ import annotations

import re

DEFAULT_LANGUAGE = "nl"
_WORD = re.compile(r"[a-z']+")

NL_WORDS = frozenset(
    """de het een en van ik je jij u mijn mn m'n me mij we wij ons onze jullie hij zij ze is
    zijn was waren niet geen wel nog al ook maar of dat die dit deze er hier daar met voor
    naar bij op aan in uit om te tot over door kan kun kunnen wil wilt willen moet moeten
    heb hebt heeft hebben krijg krijgt kom komt gaat doet werkt hoe wat wie waar wanneer
    waarom welke graag aub alsjeblieft bedankt dank dankje dankjewel hoi hallo goedemorgen
    goedemiddag goedenavond doei niks niets iets alles iedereen niemand sinds meer weer
    even steeds nu gisteren vandaag vanochtend morgen collega collegas toegang wachtwoord
    inloggen melding storing probleem foutmelding zegt staat blijft lukt ligt eruit heel
    nieuwe nieuw oude mee zo als dan toch want omdat zonder tijdens na ja nee oke top
    hele alle elke bericht bestanden map vergadering afspraak agenda account aanmaken""".split()
)
EN_WORDS = frozenset(
    """the a an and of i you my me we our us your he she they it is are was were not no
    yes can cant can't could would should will wont won't do does doesnt don't didnt dont
    have has had get gets got keep keeps how what who where when why which please pls thanks
    thank thx hi hello hey morning bye nothing everything anyone everyone nobody since
    again still now yesterday today this that these there here with for to from at on in
    out about into by just only all any some new old working work works broken down
    stuck error anymore isnt it's its im i'm i've ive need want help access password
    sign log login locked mailbox file files folder meeting calendar issue problem
    ticket update news status someone whole office company staff users user be been
    good afternoon evening day great cheers goodbye ty hiya heya hiii complaint escalate
    allow give rights links suspicious overnight compromised during calls freezes
    constantly annoying""".split()
)


def detect_language(normalized_text: str) -> str:
    """'nl' or 'en' for already normalised text; ties and empty input give 'nl'."""
    nl = en = 0.0
    for word in _WORD.findall(normalized_text):
        nl += word in NL_WORDS
        en += word in EN_WORDS
        if len(word) > 3:
            nl += 0.3 * (word.endswith(("ijk", "heid", "tje", "ijn", "ij")) or "oe" in word
                         or "ui" in word or word.endswith("en") or "aa" in word or "ee" in word)
            en += 0.3 * (word.endswith(("ing", "tion", "ed", "'s")) or "th" in word
                         or "sh" in word or word.endswith("y"))
    return "en" if en > nl else DEFAULT_LANGUAGE
