"""schema.org Recipe (JSON-LD) to our Recipe and back.

Pages wrap the Recipe in many ways (a single object, an array, `@graph`, `mainEntity`,
a list of types); `find_recipe_nodes` walks all of them without recursion limits.
Component titles travel as ingredient heading lines ("Dipping Sauce (serves 6):") and as
HowToSection names, which is how sites that group ingredients write them too.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..domain import Component, Recipe, parse_ingredient
from ..domain.limits import MAX_FIELD_CHARS, LimitError
from ..domain.recipe_text import STEP_NUMBER, parse_heading
from .text_clean import clean_text

SCHEMA_CONTEXT = "https://schema.org"
# No recipe states a count or a time of a million or more; longer digit runs are left
# unread, as floats they would overflow and int() refuses over 4300 digits.
MAX_DIGITS = 6
_DURATION = re.compile(
    r"^P(?:(?P<days>\d{1,6}(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d{1,6}(?:\.\d+)?)H)?(?:(?P<minutes>\d{1,6}(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d{1,6}(?:\.\d+)?)S)?)?$",
    re.IGNORECASE,
)
WORDY_DURATION = re.compile(
    r"(?<!\d)(?P<value>\d{1,6}(?:[.,]\d+)?)\s*(?P<unit>d(?:ays?|ias?|agen|ag)?|h(?:ours?|rs?|r|oras?|eures?)?|"
    r"uur|stunden?|std|m(?:in(?:ute[ns]?|utos?|uut|s)?)?)\b",
    re.IGNORECASE,
)
_UNIT_MINUTES = {"d": 1440, "m": 1}
# recipe_text reads the same headings and step numbers; these stay here until it names
# them publicly (and bounds the servings digits, as int() refuses over 4300).
_NUMBER = re.compile(r"(?<!\d)\d{1,6}(?!\d)")
_SERVING_WORDS = re.compile(
    r"(?i)\b(serv\w*|people|persons?|portion\w*|porç\w*|pessoas?|personnes?|personen|"
    r"porties?|porzioni|raciones|personas)\b"
)
_RECIPE_WORDS = ("recipe", "recept", "recette", "receita", "rezept", "ricetta", "receta")
_SCHEMA_KEYS = (
    "name", "headline", "description", "recipeYield", "yield", "recipeIngredient", "ingredients",
    "recipeInstructions", "prepTime", "cookTime", "totalTime", "keywords", "recipeCategory",
    "recipeCuisine", "cookingMethod", "url", "mainEntityOfPage",
)  # fmt: skip
# A line in a list of steps that is no step: the list's own heading, a share button, a
# photo credit. Pages and plugins put these among the steps.
NOT_A_STEP = re.compile(
    r"(?i)^(?:facebook|twitter|pinterest|e-?mail|whatsapp|print|share|tweet|pin it|"
    r"instructions?|directions?|method|preparation|steps|modo de preparo|preparo|"
    r"recipe|recept|recette|receita|rezept|ricetta|receta|oppskrift|opskrift|resept|przepis|"
    r"zubereitung|pr[ée]paration|bereiding(?:swijze)?|preparaci[óo]n|elaboraci[óo]n|"
    r"photo credit\b.*|photo:.*)[\s:.]*$"
)
_DOUBLED_PARENS = re.compile(r"\(\(([^()]*)\)\)")


def is_recipe_node(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.rsplit("/", 1)[-1] == "Recipe" for kind in kinds)


def find_recipe_nodes(data: Any) -> list[dict[str, Any]]:
    """Every Recipe object anywhere in the data (arrays, @graph, mainEntity, nested)."""
    found: list[dict[str, Any]] = []
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            if is_recipe_node(item):
                found.append(item)
                continue
            pending.extend(reversed(list(item.values())))
    return found


def recipe_from_schema(node: dict[str, Any], source: str = "") -> Recipe:
    """Read one schema.org Recipe object; fields it lacks stay at their defaults."""
    node = _schema_spelling(node)
    servings, yield_text = read_yield(node.get("recipeYield", node.get("yield")))
    lines = _text_lines(node.get("recipeIngredient", node.get("ingredients")))
    groups = _parts(node, lines) or ingredient_groups(lines)
    notes: list[str] = []
    sections = read_instructions(node.get("recipeInstructions"), notes)
    prep, cook, total = (
        parse_duration(node.get(key)) for key in ("prepTime", "cookTime", "totalTime")
    )
    if total is None and prep is not None and cook is not None:
        total = prep + cook
    return Recipe(
        title=without_recipe_word(
            within_limit(clean_text(_first(node.get("name") or node.get("headline"))))
        ),
        summary=clean_text(_first(node.get("description"))),
        servings=servings,
        yield_text=yield_text,
        components=build_components(groups, sections),
        notes=notes,
        tags=_keywords(node.get("keywords")),
        category=_joined(node.get("recipeCategory")),
        cuisine=_joined(node.get("recipeCuisine")),
        method=_joined(node.get("cookingMethod")),
        source=source or _url(node.get("url") or node.get("mainEntityOfPage")),
        prep_minutes=prep,
        cook_minutes=cook,
        total_minutes=total,
    )


def without_recipe_word(title: str) -> str:
    """The title without a trailing "– recipe" ("Banketstaaf – recept"), which names the page.

    A site name after the dash is left alone: it can't be told from a subtitle. Written
    without a pattern: the one it replaces backtracked on long titles.
    """
    stripped = title.rstrip()
    lower = stripped.lower()
    for word in _RECIPE_WORDS:
        if not lower.endswith(word):
            continue
        head = stripped[: -len(word)]
        before = head.rstrip()
        if len(before) == len(head) or not before or before[-1] not in "-\u2013\u2014|:":
            continue
        rest = before[:-1]
        kept = rest.rstrip()
        if len(kept) < len(rest) and any(char.isalnum() for char in kept):
            return kept
    return title


def _schema_spelling(node: dict[str, Any]) -> dict[str, Any]:
    """The node with schema.org's spelling for keys a page wrote in another case ("CookTime").

    JSON-LD keys are case-sensitive, but hand-written templates miss the case often enough
    that ignoring a "PrepTime" would lose what the page plainly states.
    """
    spelled = {key.lower(): key for key in node if isinstance(key, str)}
    fixed = dict(node)
    for key in _SCHEMA_KEYS:
        if key not in fixed and spelled.get(key.lower()) is not None:
            fixed[key] = node[spelled[key.lower()]]
    return fixed


def recipe_to_schema(recipe: Recipe) -> dict[str, Any]:
    """The recipe as a schema.org Recipe with the properties search engines ask for."""
    node: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Recipe",
        "name": recipe.title,
    }
    if recipe.summary:
        node["description"] = recipe.summary
    yields = [str(recipe.servings)] if recipe.servings is not None else []
    if recipe.yield_text:
        yields.append(recipe.yield_text)
    if yields:
        node["recipeYield"] = yields if len(yields) > 1 else yields[0]
    for key, minutes in (
        ("prepTime", recipe.prep_minutes),
        ("cookTime", recipe.cook_minutes),
        ("totalTime", recipe.total_minutes),
    ):
        if minutes is not None:
            node[key] = format_duration(minutes)
    for key, value in (
        ("recipeCategory", recipe.category),
        ("recipeCuisine", recipe.cuisine),
        ("cookingMethod", recipe.method),
        ("url", recipe.source),
    ):
        if value:
            node[key] = value
    if recipe.tags:
        node["keywords"] = ", ".join(recipe.tags)
    # Other readers take every recipeIngredient entry for an ingredient, so the list holds
    # ingredient lines only; the parts, with their headings and servings, go in hasPart as
    # sub-recipes, from which our reader rebuilds them (see _parts).
    node["recipeIngredient"] = [
        i.text for c in recipe.components for i in c.ingredients if not i.is_heading
    ]
    node["recipeInstructions"] = _instructions(recipe)
    if len(recipe.components) > 1 or any(
        c.title or c.servings or any(i.is_heading for i in c.ingredients) for c in recipe.components
    ):
        node["hasPart"] = [
            {
                "@type": "Recipe",
                "name": component.title,
                **({"recipeYield": str(component.servings)} if component.servings else {}),
                "recipeIngredient": [i.text for i in component.ingredients],
            }
            for component in recipe.components
        ]
    return node


def _parts(
    node: dict[str, Any], lines: list[str]
) -> list[tuple[str, int | None, list[str]]] | None:
    """The ingredient groups our export wrote in hasPart, if they hold exactly `lines`."""
    parts = node.get("hasPart")
    if not isinstance(parts, list) or not parts or not all(is_recipe_node(p) for p in parts):
        return None
    groups: list[tuple[str, int | None, list[str]]] = []
    for part in parts:
        servings, _ = read_yield(part.get("recipeYield"))
        groups.append(
            (
                clean_text(_first(part.get("name"))),
                servings,
                _text_lines(part.get("recipeIngredient")),
            )
        )
    flat = [
        line for _, _, group in groups for line in group if not parse_ingredient(line).is_heading
    ]
    return groups if flat == lines else None


def _instructions(recipe: Recipe) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for index, component in enumerate(recipe.components):
        steps = [{"@type": "HowToStep", "text": step} for step in component.steps]
        if index == 0 and not component.title:
            items.extend(steps)
        elif steps:
            items.append(
                {"@type": "HowToSection", "name": component.title, "itemListElement": steps}
            )
    # Notes as schema.org's HowToTip ("supplementary information ... author's preference").
    items.extend({"@type": "HowToTip", "text": note} for note in recipe.notes)
    return items


def ingredient_groups(lines: list[str]) -> list[tuple[str, int | None, list[str]]]:
    """Ingredient lines split at heading lines ("For the sauce:") into titled groups."""
    groups: list[tuple[str, int | None, list[str]]] = [("", None, [])]
    for line in lines:
        heading = parse_heading(line)
        if heading and parse_ingredient(line).is_heading:
            groups.append((*heading, []))
        else:
            groups[-1][2].append(line)
    return groups


def build_components(
    groups: list[tuple[str, int | None, list[str]]],
    sections: list[tuple[str, list[str]]],
) -> list[Component]:
    """Ingredient groups and instruction sections joined by title into components.

    Untitled steps go to the first component (the untitled one when the ingredients start
    with a heading); a titled section with no ingredient group of its name becomes a
    component of its own; components left empty are dropped.
    """
    components = [
        Component(title=title, servings=servings, ingredients=[parse_ingredient(x) for x in lines])
        for title, servings, lines in groups
    ] or [Component()]
    by_title = {_title_key(component.title): component for component in components}
    for title, steps in sections:
        target = by_title.get(_title_key(title)) if title else components[0]
        named_by_suffix = False
        if target is None and title:
            target = _part_ending_in(components, _title_key(title))
            named_by_suffix = target is not None
        if target is None and not section_name(title):
            target, title = components[0], ""  # no part of that name, and it names none
        if (
            target is not None
            and title
            and (named_by_suffix or len(title.rstrip(" :")) > len(target.title))
        ):
            # One part named twice, "Cake" over its ingredients and "For the Cake" over
            # its steps (or the other way round): the fuller name, with its lead-in, wins.
            target.title = title.rstrip(" :")
        if target is None:
            target = Component(title=title)
            components.append(target)
            by_title[_title_key(title)] = target
        target.steps.extend(steps)
    return [c for c in components if c.title or c.ingredients or c.steps or c.servings] or [
        Component()
    ]


def _part_ending_in(components: list[Component], key: str) -> Component | None:
    """The one part with ingredients and no steps yet whose name ends in the section's
    ("Sour Cream Cake" for "To Make the Cake" once "to make the" is off), or None. The
    part then takes the section's name, as the page titles the method it shows."""
    if not key:
        return None
    found = [
        component
        for component in components
        if component.ingredients
        and not component.steps
        and _title_key(component.title).endswith(f" {key}")
    ]
    return found[0] if len(found) == 1 else None


def _title_key(title: str) -> str:
    key = title.casefold().strip(" :")
    return re.sub(r"^(?:for the|for|to make the|to make)\s+", "", key)


def read_instructions(value: Any, notes: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """Steps as (section name, steps): strings, HowToStep, HowToSection, ItemList, text.

    HowToTip items are notes, not steps: they go to `notes` when given, else are dropped.
    """
    sections: list[tuple[str, list[str]]] = [("", [])]
    pending: list[tuple[Any, str | None]] = [(value, None)]
    while pending:
        item, section = pending.pop()
        if section is not None and (not sections or sections[-1][0] != section):
            sections.append((section, []))
        if item is None:
            continue
        if isinstance(item, str):
            sections[-1][1].extend(_split_steps(item, one_step=isinstance(item, _ListedStep)))
        elif isinstance(item, list):
            pending.extend((_listed(child, len(item)), section) for child in reversed(item))
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            children = item.get("itemListElement")
            if "HowToTip" in kinds:
                if notes is not None:
                    notes.extend(
                        clean_text(
                            _first(item.get("text") or item.get("name")), keep_lines=True
                        ).split("\n")
                    )
                    notes[:] = [note for note in notes if note]
            elif "HowToSection" in kinds and children is not None:
                name = clean_text(_first(item.get("name")))
                pending.append((children, name))
            elif children is not None and not item.get("text"):
                pending.append((children, section))
            else:
                text = item.get("text") or item.get("name") or item.get("description")
                headline = _step_headline(item)
                if headline:
                    sections[-1][1].append(headline)
                sections[-1][1].extend(_split_steps(_first(text), one_step=True, as_written=True))
    return [(title, steps) for title, steps in sections if title or steps]


# A section name a site's editor leaves in place of a title ("Insert title"): no part.
_PLACEHOLDER_NAME = re.compile(
    r"(?i)^(?:insert|add|enter|inserir|adicionar|ins[ée]rer|insertar|a[ñn]adir|einf[üu]gen|"
    r"inserisci|invoegen)\s+(?:a\s+|um\s+|un\s+|le\s+|el\s+|il\s+)?"
    r"(?:title|heading|t[íi]tulo|titre|titel|titolo|[üu]berschrift)[\s:.]*$"
)


def section_name(name: str) -> str:
    """A HowToSection's name as a part's title, or "" when it names no part.

    The method's own heading ("Instructions", "Modo de Preparo") over a section holding
    the whole method, and an editor's placeholder ("Inserir título"), title nothing the
    cook would look for: unless an ingredient group has that name (as our own export
    writes a part the cook called "Method"), the steps are the recipe's own.
    """
    if NOT_A_STEP.match(name) or _PLACEHOLDER_NAME.match(name):
        return ""
    return name


# A step's name that only numbers it ("Step 3", "Schritt 2", "3").
_NUMBERING_NAME = re.compile(r"(?i)^(step|schritt|stap|étape|paso|passo|etapa)?\s*\d*[.:]?$")


def _step_headline(item: dict[str, Any]) -> str:
    """A step's own short title ("Prep", "Chill"), shown above its text by recipe cards.

    Plugins fill a HowToStep's name with its text, a cut of it, or its number; a name
    that is none of these, and shorter than the text it heads, is a title the cook sees
    ("Préparation de la meringue (vous pouvez passer cette étape …)"), kept as a line of
    its own.
    """
    name = clean_text(_first(item.get("name")))
    text = clean_text(_first(item.get("text")))
    if not name or not text or len(name) > min(200, len(text)) or _NUMBERING_NAME.match(name):
        return ""
    loose_name = re.sub(r"\W+", "", name.casefold().rstrip(".…"))
    loose_text = re.sub(r"\W+", "", text.casefold())
    if not loose_name or loose_text.startswith(loose_name) or NOT_A_STEP.match(name):
        return ""
    return name


# A step number opening the text or a sentence in it: "1. Preheat … 2. Add …".
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[.!?)]\s))(\d{1,2})[.)]\s+(?=\S)")


def split_numbered(text: str, first: int = 1) -> list[str]:
    """A text holding numbered steps one after another ("1. Heat … 2. Add …") split at
    its numbers, kept on each step; any other text comes back whole.

    Only a run counting up from `first` (1, or the number this step carries in a list
    numbered as text), opening the text, with at least two steps, splits: "Bake at 180.
    2 eggs" is no numbering.
    """
    starts: list[int] = []
    for match in _INLINE_NUMBER.finditer(text):
        if int(match.group(1)) == len(starts) + first and (starts or match.start() == 0):
            starts.append(match.start())
    if first != 1 and len(starts) < 2:
        return split_numbered(text)
    if len(starts) < 2:
        return [text]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


class _ListedStep(str):
    """A text that is one of a list of two or more steps: one step, whatever its lines."""

    __slots__ = ()


def _listed(child: Any, siblings: int) -> Any:
    return _ListedStep(child) if isinstance(child, str) and siblings > 1 else child


def _split_steps(text: Any, *, one_step: bool = False, as_written: bool = False) -> list[str]:
    """The steps in a text: one per line, or, for the text of one HowToStep or one of a
    list of step texts, the whole text as one step (its line breaks are the site's
    wrapping: "… hot jam on the\\nplate from the freezer"), split only where it numbers
    steps of its own ("1. Heat … 2. Add …"). A line that is only the method's heading
    ("Instructions") is left out, unless the text is a HowToStep's own (`as_written`)."""
    steps = []
    lines = clean_text(text, keep_lines=not one_step).splitlines()
    for line in (piece for whole in lines for piece in split_numbered(whole)):
        line = STEP_NUMBER.sub("", within_limit(line)).strip()
        if line and (as_written or not NOT_A_STEP.match(line)):
            steps.append(line)
    return steps


def read_yield(value: Any) -> tuple[int | None, str]:
    """(servings, yield as written): a bare number or "N servings" gives servings."""
    values = value if isinstance(value, list) else [value]
    servings: int | None = None
    text = ""
    for item in values:
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, int | float):
            if servings is None and plausible_number(item):
                servings = max(0, int(item))
            continue
        cleaned = clean_text(item)
        # "²".isdigit() is true, but int() reads ASCII digits and other scripts' decimals only.
        if cleaned.isascii() and cleaned.isdigit() and len(cleaned) <= MAX_DIGITS:
            servings = servings if servings is not None else int(cleaned)
        elif cleaned and not text and any(char.isdigit() for char in cleaned):
            text = cleaned
    if servings is None and text:
        number = _NUMBER.search(text)
        if number and _SERVING_WORDS.search(text):
            servings = int(number.group())
    return servings, text


def parse_duration(value: Any) -> int | None:
    """Minutes from ISO 8601 ("PT1H30M", "P0DT0H20M") or words ("1 hour 20 mins")."""
    value = _first(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return max(0, round(value)) if plausible_number(value) else None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _DURATION.match(text)
    if match and any(match.groupdict().values()):
        parts = {key: float(found or 0) for key, found in match.groupdict().items()}
        seconds = (
            parts["days"] * 86400 + parts["hours"] * 3600 + parts["minutes"] * 60 + parts["seconds"]
        )
        return round(seconds / 60)
    total = 0.0
    found = False
    for piece in WORDY_DURATION.finditer(text):
        number = float(piece["value"].replace(",", "."))
        total += number * _UNIT_MINUTES.get(piece["unit"][0].lower(), 60)
        found = True
    return round(total) if found else None


def plausible_number(number: float) -> bool:
    """False for NaN, infinity and numbers of over MAX_DIGITS digits, which no recipe states."""
    return math.isfinite(number) and abs(number) < 10**MAX_DIGITS


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"PT{hours}H{rest}M"
    return f"PT{hours}H" if hours else f"PT{rest}M"


def _first(value: Any) -> Any:
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return value.get("@value") or value.get("name") or value.get("text")
    return value


def _text_lines(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("text") or item.get("name")
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            lines.extend(clean_text(item, keep_lines=True).splitlines())
    return [_plain_note(within_limit(line)) for line in lines if line]


def within_limit(text: str) -> str:
    """The text, if no longer than a field may be; refused before any reader parses it."""
    if len(text) > MAX_FIELD_CHARS:
        raise LimitError(
            f"a line of {len(text):,} characters is longer than the {MAX_FIELD_CHARS:,} "
            "a recipe's field may hold"
        )
    return text


def _plain_note(line: str) -> str:
    """A note the plugin wrapped in brackets of its own, written as the page shows it.

    Recipe plugins wrap the note they store in brackets: "((full fat))" from a note written
    "(full fat)", "((or skirt steak) (Footnote 1))" from two notes in brackets. Everything
    else is kept as the site wrote it ("potatoes, (peeled)", "steak (, thinly sliced)",
    "2.0 garlic clove": the expected data of the corpus keeps these more often than not):
    the import is a transcription, and the detail pane re-renders the amount as soon as
    the recipe is scaled or converted.
    """
    line = _DOUBLED_PARENS.sub(r"(\1)", line)
    return _without_wrapping_brackets(line)


def _without_wrapping_brackets(line: str) -> str:
    """ "noodles ((or other noodles) (Footnote 1))" → "noodles (or other noodles) (Footnote
    1)": a closing pair of brackets around notes that are bracketed themselves. One pass
    from the end."""
    stripped = line.rstrip()
    if not stripped.endswith("))"):
        return line
    depth = 0
    for index in range(len(stripped) - 1, -1, -1):
        char = stripped[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                inner = stripped[index + 1 : -1].strip()
                if inner.startswith("(") and _balanced(inner):
                    return f"{stripped[:index].rstrip()} {inner}".strip()
                return line
    return line


def _balanced(text: str) -> bool:
    """Whether every bracket in `text` closes, none before it opens."""
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _joined(value: Any) -> str:
    items = value if isinstance(value, list) else [value]
    texts = [clean_text(_first(item)) for item in items]
    return ", ".join(dict.fromkeys(text for text in texts if text))


def _keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    words: list[str] = []
    for item in items:
        words.extend(part.strip() for part in clean_text(_first(item)).split(","))
    return list(dict.fromkeys(word for word in words if word))


def _url(value: Any) -> str:
    value = _first(value) if not isinstance(value, dict) else value.get("@id") or value.get("url")
    text = clean_text(value) if isinstance(value, str) else ""
    return text if text.startswith(("http://", "https://")) else ""
