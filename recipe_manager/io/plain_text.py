"""A recipe from a blog post pasted as text (or Markdown): the post's title, the recipe
card's serves line, ingredient bullets, numbered or plain steps, Category/Method/Cuisine/
Keywords lines, and a second recipe in the post (a sauce) as a component.

Blog chrome (comment forms, share buttons, "Leave a Reply") ends the recipe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain import Component, Recipe, parse_ingredient

_BULLET = re.compile(r"^\s*(?:[•·▪‣◦●○∙*▢☐□■]|[-–—+](?=\s)|\[\s?[xX]?\s?\])\s*")
_NUMBERED = re.compile(r"^\s*(?:step\s*)?(?P<n>\d{1,2})\s*[.):]\s+(?P<text>\S.*)$", re.I)
_SERVES = re.compile(
    r"^\s*(?:serves|servings|yield|yields|makes|portions)\s*:?\s*(?:about\s+)?(?P<n>\d{1,6})\b.*$"
    r"|^\s*(?P<m>\d{1,6})\s+(?:servings|portions|people)\s*$",
    re.I,
)
# "Makes 30 dumplings", "Yield: 2 loaves": a count of things, not of people to feed.
_MAKES_THINGS = re.compile(
    r"^\s*(?:makes|yields?)\s*:?\s*(?:about\s+)?\d{1,6}\s+(?!(?:servings?|portions?|people|"
    r"persons?)\b)[^\W\d_]",
    re.I,
)
_META = re.compile(
    r"^\s*(?P<key>category|course|method|cuisine|keywords|tags)\s*:\s*(?P<value>.+)$", re.I
)
# A time label ("Prep 45 minutes", "Cook time: 10 mins", "Total: 1 hour"); a line of them
# alone ("Prep 45 minutes, Cook 10 minutes") keeps each, never their sum.
_TIME_LABEL = re.compile(
    r"\b(?P<key>prep(?:aration)?|cook(?:ing)?|total)(?:\s+time)?\s*(?:[:=\-–]\s*)?", re.I
)
_TIME_FILLER = re.compile(r"(?i)[\s,;|/·•]*(?:and\s*)?[\s,;|/·•]*")
_SECTION_WORD = re.compile(
    r"^\s*(?:ingredients?|instructions?|directions?|method|steps|preparation|notes?)\s*:?\s*$",
    re.I,
)
_METHOD_WORD = re.compile(
    r"^\s*(?:instructions?|directions?|method|steps|preparation)\s*:?\s*$", re.I
)
# Words that say nothing about which part a heading names ("For the sauce", "To make it").
_PART_FILLER = {"for", "the", "a", "an", "to", "make", "making", "of", "and", "with", "&"}
_CHROME = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|\d+\s+comments?|one comment|one thought on|"
    r"\d+ thoughts on|comments|share this|like this|related( posts)?|post navigation|"
    r"fill in your details|your email address will not be published|"
    r"you are commenting using|reply|you may also like)\b",
    re.I,
)
_NOISE = re.compile(
    r"^\s*(?:print( recipe)?|pin( it)?|share|tweet|email|jump to recipe|save|rate this recipe|"
    r"facebook|twitter|pinterest)\s*$",
    re.I,
)
_HASHTAGS = re.compile(r"(?:\s+#\w+)+\s*$")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass
class _Line:
    text: str
    gap_before: bool
    # The line follows a "Method" / "Instructions" heading (which is itself dropped).
    after_method: bool = False


@dataclass
class _Card:
    title: str = ""
    servings: int | None = None
    serves_text: str = ""
    description: str = ""
    ingredients: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    start: int = 0


def recipes_from_text(text: str, *, markdown: bool = False) -> list[Recipe]:
    """One recipe from the text (its cards become components); empty when none is there."""
    lines = _lines(text, markdown)
    if not lines:
        return []
    # Markdown's backslash escapes stay in while the lines are told apart ("\\- 2 eggs" is
    # no bullet, "1\\. Mix" no step number) and go from each text taken.
    plain = _unescaped if markdown else _as_is
    title = plain(lines[0].text)
    recipe = Recipe(title=title)
    body = _apply_meta(lines[1:], recipe)
    cards, notes_after = _cards(body, title)
    if not cards:
        return []
    intro = [line.text for line in body[: cards[0].start] if _is_prose(line.text)]
    first = cards[0]
    recipe.servings = first.servings
    recipe.yield_text = first.serves_text
    recipe.summary = plain(first.description or (intro.pop(0) if intro else ""))
    recipe.notes = [plain(note) for note in intro + notes_after]
    recipe.components = [
        Component(
            title="" if index == 0 else _side_title(plain(card.title), title),
            servings=None if index == 0 else card.servings,
            ingredients=[parse_ingredient(plain(line)) for line in card.ingredients],
            steps=[plain(step) for step in card.steps],
        )
        for index, card in enumerate(cards)
    ]
    return [recipe]


def _unescaped(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def _as_is(text: str) -> str:
    return text


def _lines(text: str, markdown: bool) -> list[_Line]:
    lines: list[_Line] = []
    gap = method = False
    for raw in text.replace("\u00a0", " ").splitlines():
        line = " ".join(raw.split())
        if markdown:
            line = _MARKDOWN_HEADING.sub("", line).replace("**", "")
        if not line:
            gap = True
            continue
        if _CHROME.match(line):
            break
        if _NOISE.match(line) or _SECTION_WORD.match(line):
            gap = True
            method = bool(_METHOD_WORD.match(line)) or (method and not _SECTION_WORD.match(line))
            continue
        lines.append(_Line(line, gap, method))
        gap = method = False
    return lines


def _apply_meta(lines: list[_Line], recipe: Recipe) -> list[_Line]:
    """Category, Method, Cuisine and Keywords lines filled in and taken out."""
    kept: list[_Line] = []
    for line in lines:
        text = _BULLET.sub("", line.text)
        meta = _META.match(text)
        timing = _times(text)
        if meta:
            key, value = meta["key"].lower(), meta["value"].strip()
            if key in {"keywords", "tags"}:
                words = [word.strip() for word in value.split(",") if word.strip()]
                seen = {tag.casefold() for tag in recipe.tags}
                for word in words:
                    if word.casefold() not in seen:
                        seen.add(word.casefold())
                        recipe.tags.append(word)
            elif key == "method":
                recipe.method = value
            elif key == "cuisine":
                recipe.cuisine = value
            else:
                recipe.category = recipe.category or value
        elif timing:
            for key, minutes in timing.items():
                setattr(recipe, f"{key}_minutes", minutes)
        else:
            kept.append(line)
    return kept


def _times(text: str) -> dict[str, int] | None:
    """{"prep": 45, "cook": 10} from a line of time labels and durations alone, else None.

    Each label's value is what runs to the next label, so "Prep 45 minutes, Cook 10
    minutes" keeps both times apart; a line with anything else in it is no time line.
    """
    from .jsonld import WORDY_DURATION, parse_duration

    labels = list(_TIME_LABEL.finditer(text))
    if not labels or text[: labels[0].start()].strip():
        return None
    found: dict[str, int] = {}
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = text[label.end() : end]
        rest = WORDY_DURATION.sub(" ", value)
        minutes = parse_duration(value)
        if minutes is None or not _TIME_FILLER.fullmatch(rest):
            return None
        key = label["key"].lower()
        key = "prep" if key.startswith("prep") else "cook" if key.startswith("cook") else key
        found.setdefault(key, minutes)
    return found


def _cards(lines: list[_Line], title: str = "") -> tuple[list[_Card], list[str]]:
    """Each run of ingredient bullets with the title and serves line before it and the
    steps after it; a numbered list after the last steps is taken as notes.

    Steps follow the part they belong to: those under a heading naming a part ("For the
    dipping sauce:") go to that part, and those after a "Method" heading naming none go
    to the main part while it has no steps yet (a post that lists every part's
    ingredients first and then the method).
    """
    runs = _bullet_runs(lines)
    cards: list[_Card] = []
    segments: list[list[_Line]] = []
    for number, (start, end) in enumerate(runs):
        card = _Card(ingredients=[_BULLET.sub("", line.text) for line in lines[start:end]])
        card.start = _head(lines, start, card)
        cards.append(card)
        stop = runs[number + 1][0] if number + 1 < len(runs) else len(lines)
        runs_head = _head(lines, stop, _Card()) if number + 1 < len(runs) else stop
        segments.append(lines[end:runs_head])
    if cards and not cards[0].title:
        cards[0].title = title  # the post's title names the main part
    leftover: list[str] = []
    for number, segment in enumerate(segments):
        for target, part in _by_part(segment, number, cards):
            steps, rest = _steps(part)
            cards[target].steps.extend(steps)
            if number + 1 == len(segments):
                leftover = rest
    return cards, leftover


def _by_part(
    segment: list[_Line], current: int, cards: list[_Card]
) -> list[tuple[int, list[_Line]]]:
    """The segment's lines split at part headings, each piece with the card it belongs to."""
    pieces: list[tuple[int, list[_Line]]] = [(current, [])]
    for line in segment:
        named = _named_part(line.text, cards)
        if named is not None:
            pieces.append((named, []))
            continue
        if line.after_method and pieces[-1][0] == current and current > 0:
            main = 0 if not cards[0].steps and not _pending(pieces, 0) else current
            if main != current:
                pieces.append((main, []))
        pieces[-1][1].append(line)
    return [(target, lines) for target, lines in pieces if lines]


def _pending(pieces: list[tuple[int, list[_Line]]], target: int) -> bool:
    return any(lines for number, lines in pieces if number == target)


def _named_part(text: str, cards: list[_Card]) -> int | None:
    """The card a short heading line names ("For the dipping sauce:"), if any.

    The heading's words, less "for the" and the like, must all be words of one card's
    title; the first card is named by the recipe's own title too (kept in its title).
    """
    if len(text) > 60 or text.rstrip()[-1:] in ".!?":
        return None
    words = {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in _PART_FILLER}
    if not words or len(cards) < 2:
        return None
    for number, card in enumerate(cards):
        title = {w for w in re.findall(r"[^\W\d_]+", card.title.casefold())}
        if title and words <= title:
            return number
    return None


def _bullet_runs(lines: list[_Line]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if _BULLET.match(lines[index].text) and not _NUMBERED.match(lines[index].text):
            end = index
            while end < len(lines) and _BULLET.match(lines[end].text):
                end += 1
            if any(parse_ingredient(_BULLET.sub("", x.text)).quantity for x in lines[index:end]):
                runs.append((index, end))
            index = end
        else:
            index += 1
    return runs


def _head(lines: list[_Line], start: int, card: _Card) -> int:
    """Read back from a bullet run: serves line, description, card title. Returns where
    the card begins."""
    index = start - 1
    description: list[str] = []
    while index >= 0 and start - index <= 4:
        text = _HASHTAGS.sub("", lines[index].text)
        serves = _SERVES.match(text)
        if serves:
            # "Makes 30 dumplings" is a yield: the count is of dumplings, not of people.
            card.servings = None if _MAKES_THINGS.match(text) else int(serves["n"] or serves["m"])
            card.serves_text = text
        elif _is_heading(text):
            card.title = text
            card.description = " ".join(reversed(description))
            return index
        elif _is_prose(text) and not description:
            description.append(text)
        else:
            break
        index -= 1
    return index + 1 + len(description)


def _steps(lines: list[_Line]) -> tuple[list[str], list[str]]:
    """Numbered steps (or plain paragraphs) and whatever numbered list follows them."""
    steps: list[str] = []
    rest: list[str] = []
    numbered = bool(lines) and _NUMBERED.match(lines[0].text) is not None
    for index, line in enumerate(lines):
        match = _NUMBERED.match(line.text)
        if numbered and (match is None or (line.gap_before and match["n"] == "1" and index)):
            rest = [
                (_NUMBERED.match(x.text) or {"text": x.text})["text"]
                for x in lines[index:]
                if _is_prose(x.text) or _NUMBERED.match(x.text)
            ]
            break
        text = match["text"] if match else line.text
        if numbered or _is_prose(text) or len(text.split()) > 3:
            steps.append(text)
    return steps, rest


def _is_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 10
        and text[0].isupper()
        and not text.endswith((".", "!", "?", ",", ";"))
        and not _BULLET.match(text)
        and not _NUMBERED.match(text)
    )


def _is_prose(text: str) -> bool:
    """A sentence a person wrote, not an image caption ("crispy pork belly over rice")."""
    return len(text.split()) >= 6 and text[0].isupper() and text.rstrip()[-1:] in ".!?…)\"'”"


def _side_title(title: str, recipe_title: str) -> str:
    """ "Chilli Garlic Dipping Sauce for Roast Pork Belly" → "Chilli Garlic Dipping Sauce"
    when the words after "for" name the main dish."""
    match = re.match(r"^(?P<head>.+?)\s+for\s+(?:the\s+)?(?P<dish>.+)$", title, re.I)
    if match is None:
        return title
    dish = {word.casefold() for word in match["dish"].split()}
    main = {word.casefold() for word in recipe_title.split()}
    return match["head"] if len(dish & main) * 2 >= len(dish) else title
