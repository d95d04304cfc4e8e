"""Closed word lists of English news style that the rule-based extractors read.

These are properties of the language and of wire style, never of any one story.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"Sept": 9}

# Verbs that introduce speech or a claim. Kept as written in the text: "said" is never shown as "claimed".
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding state states stated
    warn warns warned warning emphasize emphasizes emphasized emphasise emphasises emphasised
    note notes noted argue argues argued explain explains explained insist insists insisted
    claim claims claimed declare declares declared announce announces announced reveal reveals
    revealed confirm confirms confirmed deny denies denied acknowledge acknowledged admit admitted
    ask asks asked reply replied write writes wrote tweet tweeted post posted express expresses
    expressed condemn condemned criticize criticized criticise criticised urge urges urged
    describe described suggest suggested stress stresses stressed underline underlined predict
    predicted estimate estimated report reported caution cautioned agree agreed recall recalled
    conclude concluded continue continued observe observed remark remarked maintain maintained
    allege alleged vow vowed pledge pledged promise promised threaten threatened demand demanded
    assert asserted contend contended counter countered concede conceded accuse accused
    testify testified rule ruled find found conclude concluded calling called""".split()
)

# Capitalised words that head a title before a name: "Foreign Minister X", "Judge Y".
HEAD_ROLES = frozenset(
    """President Minister Secretary Chancellor Governor Senator Mayor Ambassador Envoy Spokesman
    Spokeswoman Spokesperson Chief CEO Chairman Chairwoman Chair Director General Commander Admiral
    Colonel Lieutenant Major Captain Sergeant King Queen Prince Princess Pope Cardinal Bishop
    Archbishop Sheikh Emir Premier Leader Speaker Judge Justice Attorney Prosecutor Professor Prof
    Prof. Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Sir Dame Lord Representative Rep. Sen. Gen. Lt. Col. Capt.
    Sgt. Gov. Officer Inspector Superintendent Coach Manager Founder Head Commissioner Administrator
    Counsel President-elect Treasurer Marshal Detective Editor Dean Rector Astronaut Economist
    Analyst Deputy Vice Crown Chancellor Lawmaker Congressman Congresswoman MP""".split()
)
# Capitalised words that qualify a title: "Foreign Affairs Minister", "Secretary of State".
ROLE_MODIFIERS = frozenset(
    """Foreign Affairs Defense Defence Interior Finance Economy Economic Trade Justice Health Home
    State National Intelligence Homeland Security Energy Environment Education Transport
    Agriculture Labor Labour Culture Science Technology Industry Treasury Commerce Prime Vice
    Deputy Acting Former Supreme Chief Executive Senior Special Central Bank Army Navy Air Force
    Joint Staff Armed Forces Opposition Minority Majority Attorney General Public Information
    Presidential Military Police Fire Emergency Unification Digital Development International
    Relations Operating Financial Technical Communications Press Research Principal Associate
    Assistant Managing Ruling""".split()
)

# Lower-case nouns that make an apposition a role: "X, president of the University of Y, said".
ROLE_NOUNS = frozenset(
    """president minister spokesman spokeswoman spokesperson professor researcher scientist analyst
    director head chief chairman chairwoman chair expert economist lawyer official commander
    ambassador envoy secretary governor leader founder ceo executive member seismologist geologist
    judge prosecutor attorney doctor engineer manager editor adviser advisor fellow lecturer mayor
    senator lawmaker candidate author historian deputy coach officer strategist astronaut physicist
    biologist chemist volcanologist meteorologist epidemiologist virologist spokesperson negotiator
    representative correspondent owner partner vice-president chancellor dean rector analyst
    strategist diplomat general colonel captain pilot farmer resident witness survivor teacher
    student nurse surgeon physician architect trader banker investor counsel""".split()
)

# Capitalised words that make a name an organisation: "X University", "Y Agency".
ORG_WORDS = frozenset(
    """University Council Agency Ministry Bank Court Committee Party Institute Corporation Corp Corp.
    Inc Inc. Company Co. Group Association Foundation Commission Organization Organisation Union Fund
    Army Navy Police Service Services Office Department Authority Board Network News Times Post
    Academy Hospital School College Airlines Airways Motors Exchange Parliament Congress Senate
    Assembly Cabinet Government Forum Alliance Federation League Club Trust Laboratory Laboratories
    Labs Systems Technologies Industries Holdings Partners Reserve Studies Center Centre Institution
    Observatory Survey Administration Bureau Tribunal Command Guard Corps Front Movement Coalition
    Society Press Journal Television Radio Broadcasting Ltd Ltd. LLC PLC AG SA GmbH Electronics
    Pharmaceuticals Energy Petroleum Oil Gas Telecom Communications Media Studio Studios Museum""".split()
)

# Lower-case nouns after a demonym that make it stand for the state: "Chinese diplomacy".
INSTITUTION_NOUNS = frozenset(
    """diplomacy government military army navy forces troops soldiers officials authorities ministry
    media leaders leadership diplomats police intelligence president counterparts counterpart
    territory regime administration embassy prime foreign state""".split()
)

# Words that open sentences in capitals without being names.
STOPWORDS = frozenset(
    """a an the this that these those under according citing additionally earlier later meanwhile
    despite however but and or in on at for with from by after before during as if while when where
    it its he she they we i you his her their our my your there here also yet still speaking asked
    some many most all both each other another such no not one two three four five six seven eight
    nine ten calling talks make let what who why how which whose whom since until unless although
    though because so then thus instead indeed moreover furthermore nevertheless nonetheless
    overall today yesterday tomorrow tonight last next new more less few several following amid
    among across against around about above below between beyond into through toward towards upon
    within without once twice even just only perhaps maybe now again already elsewhere asked
    separately similarly likewise finally first second third is are was were be been has have had
    do does did will would could should may might must can shall year years month months week weeks
    day days hour hours people officials police""".split()
)

# Adjectives that look like names but never stand for an actor on their own.
NON_ACTOR_ADJECTIVES = frozenset(
    """Western Eastern Northern Southern Arab Muslim Christian Jewish Islamic Catholic Protestant
    Orthodox Sunni Shiite Shia Hindu Buddhist European Asian African Latin Nordic Baltic Balkan
    Pacific Atlantic Arctic Allied Soviet Communist Democratic Republican Liberal Conservative
    Socialist""".split()
)

# Qualifiers kept with a figure: "up to 8,000" is never shown as "8,000".
QUALIFIERS = (
    "no fewer than", "no more than", "as many as", "as much as", "as few as", "as little as",
    "more than", "fewer than", "less than", "greater than", "higher than", "lower than",
    "upwards of", "in excess of", "close to", "nearly", "almost", "about", "around",
    "roughly", "approximately", "some", "at least", "at most", "up to", "just over",
    "just under", "well over", "over", "under", "an estimated", "estimated", "barely",
    "only", "just", "a total of", "a record",
)  # fmt: skip

# Words that signal a claim is reported rather than established; they travel with the claim.
HEDGES = ("reportedly", "allegedly", "according to", "is believed to", "are believed to",
          "is thought to", "are thought to", "purportedly", "apparently", "an estimated",
          "unconfirmed", "claimed", "said to be")  # fmt: skip

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a thousand": 1000, "a million": 1_000_000, "a dozen": 12,
    "half a million": 500_000, "a billion": 1_000_000_000,
}  # fmt: skip
VAGUE_AMOUNTS = ("tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions",
                 "dozens", "scores", "hundreds", "thousands", "millions", "billions")  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "m": 1e6, "bln": 1e9}
CURRENCY_SYMBOLS = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₩": "won", "₹": "rupees"}
CURRENCY_WORDS = frozenset(
    "dollars dollar euros euro pounds pound yen yuan won rupees rupee francs franc roubles rubles "
    "pesos reais rand naira shekels lira dirhams riyals".split()
)
MEASURE_UNITS = frozenset(
    """kilometers kilometres km miles meters metres m feet foot inches centimeters cm millimeters mm
    kilograms kg tonnes tons pounds lbs grams liters litres gallons barrels hectares acres degrees
    percent per cent percentage points point points magnitude knots mph kph celsius fahrenheit
    megawatts gigawatts watts kilowatts volts years months weeks days hours minutes seconds
    decades centuries light-years""".split()
)


@lru_cache(maxsize=1)
def places() -> dict[str, Any]:
    """The gazetteer shipped with the package (countries, demonyms, capitals, organisations)."""
    text = resources.files("explainer").joinpath("data/places.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data
