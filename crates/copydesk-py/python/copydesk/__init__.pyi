"""Type stubs of the copydesk package: the records are the JSON Lines schema
(`copydesk/1`) as TypedDicts. Every offset is a UTF-8 byte offset into the
record's `text` (see `char_span`)."""

from typing import Iterable, Literal, Optional, Sequence, Tuple, TypedDict, Union

__version__: str
SCHEMA: str

Page = Union[str, bytes, bytearray]

class CopydeskError(Exception):
    """A page yielded no document (empty, binary, undecodable)."""

    kind: str
    """The error record's kind: `empty`, `binary`, `encoding`, `internal`, ..."""
    source: "Source"
    """The record's source: the page's path and URL."""

class _Span(TypedDict):
    start: int
    end: int
    text: str

class Mention(_Span):
    """A stretch of the record's text."""

class Sentence(_Span):
    """A sentence and its span."""

class _SourceBase(TypedDict):
    path: str

class Source(_SourceBase, total=False):
    """Where a document came from: `path` as given (`<input>`, `<input N>`
    by default), `uri` the URL given, `record_id` inside an archive."""

    record_id: str
    uri: str

class _SpeakerBase(_Span):
    kind: Literal["name", "pronoun", "description"]

class Speaker(_SpeakerBase, total=False):
    """Who said a quote: the mention nearest the cue, and the full name it
    stands for when the story gives one."""

    name: str

class _QuoteBase(_Span):
    kind: Literal["direct", "partial"]

class Quote(_QuoteBase, total=False):
    """A quote (marks included), its speaker and its cue ("said")."""

    speaker: Speaker
    cue: Mention

FigureKind = Literal[
    "money", "percent", "count", "quantity", "ratio", "multiplier", "range",
    "year", "date", "time", "age", "ordinal", "phone", "score", "identifier",
]

class _FigureBase(_Span):
    kind: FigureKind

class Figure(_FigureBase, total=False):
    """A number with what the text says about it: value, unit or currency,
    what it counts, bounds, approximation and direction of change."""

    value: float
    number: Mention
    exact: str
    low: float
    high: float
    range_of: FigureKind
    part: float
    whole: float
    currency: str
    unit: str
    dimension: str
    si_value: float
    si_low: float
    si_high: float
    si_unit: str
    per: Mention
    counted: Mention
    approx: bool
    bound: Literal["<", "<=", ">", ">="]
    change: Literal["up", "down"]
    qualifier: Mention

class ErrorInfo(TypedDict):
    kind: str
    message: str

class _RecordBase(TypedDict):
    schema: str
    source: Source

class Record(_RecordBase, total=False):
    """One document: the JSON Lines record of the `copydesk` binary. An error
    record holds `schema`, `source` and `error` only."""

    error: ErrorInfo
    lang: str
    title: str
    authors: list[str]
    published: str
    modified: str
    site_name: str
    url: str
    description: str
    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    figures: list[Figure]

def extract(page: Page, url: Optional[str] = None, path: Optional[str] = None) -> Record:
    """Every stage on one page (HTML or scraped text): its record. Raises
    `CopydeskError` when the page yields no document."""

def extract_many(
    pages: Iterable[Page],
    threads: Optional[int] = None,
    urls: Optional[Sequence[Optional[str]]] = None,
    paths: Optional[Sequence[Optional[str]]] = None,
) -> list[Record]:
    """`extract` over many pages in parallel (GIL released; every core, or
    `threads`); a failing page gets an error record instead of raising."""

def sentences(text: Page, lang: Optional[str] = None) -> list[Sentence]:
    """Sentences of text taken as it is (no cleaning)."""

def quotes(text: Page) -> list[Quote]:
    """Quotes, speakers and cues in text taken as it is (no cleaning)."""

def figures(text: Page) -> list[Figure]:
    """Figures in text taken as it is (no cleaning)."""

def char_span(text: str, item: _Span) -> Tuple[int, int]:
    """Code-point `(start, end)` of an item's byte span in `text`."""
