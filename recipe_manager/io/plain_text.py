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
    r"^\s*(?:serves|servings|yield|yields|makes|portions)\s*:?\s*(?P<n>\d{1,6})\b.*$"
    r"|^\s*(?P<m>\d{1,6})\s+(?:servings|portions|people)\s*$",
    re.I,
)
_META = re.compile(
    r"^\s*(?P<key>category|course|method|cuisine|keywords|tags)\s*:\s*(?P<value>.+)$", re.I
)
_TIME = re.compile(r"^\s*(?P<key>prep|cook|total)(?:\s*time)?\s*:\s*(?P<value>.+)$", re.I)
_SECTION_WORD = re.compile(
    r"^\s*(?:ingredients?|instructions?|directions?|method|steps|preparation|notes?)\s*:?\s*$",
    re.I,
)
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
    cards, notes_after = _cards(body)
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
    gap = False
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
            continue
        lines.append(_Line(line, gap))
        gap = False
    return lines


def _apply_meta(lines: list[_Line], recipe: Recipe) -> list[_Line]:
    """Category, Method, Cuisine and Keywords lines filled in and taken out."""
    kept: list[_Line] = []
    for line in lines:
        text = _BULLET.sub("", line.text)
        meta = _META.match(text)
        timing = _TIME.match(text)
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
            from .jsonld import parse_duration

            minutes = parse_duration(timing["value"])
            setattr(recipe, f"{timing['key'].lower()}_minutes", minutes)
        else:
            kept.append(line)
    return kept


def _cards(lines: list[_Line]) -> tuple[list[_Card], list[str]]:
    """Each run of ingredient bullets with the title and serves line before it and the
    steps after it; a numbered list after the last steps is taken as notes."""
    runs = _bullet_runs(lines)
    cards: list[_Card] = []
    for number, (start, end) in enumerate(runs):
        card = _Card(ingredients=[_BULLET.sub("", line.text) for line in lines[start:end]])
        card.start = _head(lines, start, card)
        cards.append(card)
        stop = runs[number + 1][0] if number + 1 < len(runs) else len(lines)
        runs_head = _head(lines, stop, _Card()) if number + 1 < len(runs) else stop
        card.steps, leftover = _steps(lines[end:runs_head])
        if number + 1 == len(runs):
            return cards, leftover
    return cards, []


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
            card.servings = int(serves["n"] or serves["m"])
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
