"""Recipes from a saved web page: JSON-LD first, then microdata/RDFa, then the page's lists.

The page is only parsed, never run: scripts are dropped except JSON-LD, which is read as
data, and no address in the page is ever fetched.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..domain import Component, Recipe
from ..domain.limits import MAX_RECIPES_PER_IMPORT
from .errors import RecipeImportError
from .html_tree import BLOCKS, Element, Page, parse_html
from .jsonld import (
    NOT_A_STEP,
    WORDY_DURATION,
    build_components,
    find_recipe_nodes,
    ingredient_groups,
    parse_duration,
    read_yield,
    recipe_from_schema,
    split_numbered,
    without_recipe_word,
)
from .safe_read import load_json
from .text_clean import clean_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Pages over this many characters whose structured data is whole are not read further.
_BIG_PAGE = 900_000
# Raw text longer than this is no heading or label, however much markup it holds.
_SHORT = 600
# Headings naming the ingredient list, in the languages of the pages seen so far.
_INGREDIENTS_WORD = re.compile(
    r"(?i)^\s*(ingredients?|zutaten|ingrédients|ingredientes|ingrediënten|ingredienti|"
    r"ingredienser|ingredienci|hozzávalók|sestavine|składniki|suroviny|what you.ll need)\b"
)
# Headings naming the method.
_STEPS_WORD = re.compile(
    r"(?i)^\s*(instructions?|directions?|method|preparation|steps|how to make( it)?|"
    r"zubereitung|anleitung|préparation|étapes|modo de preparo|preparação|preparación|"
    r"elaboración|procedimiento|bereiding(swijze)?|werkwijze|preparazione|procedimento|"
    r"istruzioni|fremgangsmåde|fremgangsmåte|tillagning|gör så här|elkészítés|postup|"
    r"priprema|příprava|przygotowanie|slik gjør du|sådan gør du|zo maak je het|so geht.s|"
    r"pasos|valmistus|ohjeet|sposób przygotowania|mod de preparare|preparare|hazırlanışı|"
    r"yapılışı|приготовление|способ приготовления|οδηγίες|εκτέλεση)\b"
)
# A method heading ending in the method's word ("Step-by-Step Instructions").
_STEPS_LAST_WORD = re.compile(r"(?i)\b(instructions|directions|method|preparation)\s*$")
_MAKING = re.compile(
    r"(?i)^\s*(how to make|making)\b|\b(maken|bereiden|zubereiten|machen|faire|fazer|preparar)\b"
    r"|\bhow to make\b"
)
_ASIDE = re.compile(
    r"(?i)^\s*(notes?|nutrition|tips?|video|related|more\b|you may also|reviews?|comments?|"
    r"(?:recipe\s+)?variations?|substitutions?|storage|storing|how to store|make.ahead|faqs?|"
    r"serving suggestions?|(?:commonly|frequently) asked)"
)
_LABEL_TAGS = {"b", "dt", "div", "em", "h3", "h4", "h5", "h6", "label", "li", "p", "span",
               "strong", "td", "th"}  # fmt: skip
_TIME_LABELS = {
    "prep": re.compile(
        r"(?i)^(prep(aration)?(\s*time)?|tempo de preparo|voorbereiding(stijd)?|"
        r"temps de pr[ée]paration|vorbereitung(szeit)?|arbeitszeit|tiempo de preparaci[óo]n)$"
    ),
    "cook": re.compile(
        r"(?i)^(cook(ing)?(\s*time)?|bak(e|ing)\s*time|tempo de (coc[çc][ãa]o|cozimento)|kooktijd|"
        r"baktijd|oventijd|temps de cuisson|kochzeit|backzeit|tiempo de cocci[óo]n)$"
    ),
    "total": re.compile(
        r"(?i)^(total(\s*time)?|prep\s*(&|and)\s*cook\s*time|ready in|tempo total|totale tijd|"
        r"totaaltijd|temps total|gesamtzeit|tiempo total)$"
    ),
}
_YIELD_LABEL = re.compile(
    r"(?i)^(serves|servings?|makes|yields?|portions?|porties|personen|rendimento|"
    r"por[çc][õo]es|portionen|personnes|raciones|porzioni)$"
)
_CHECKBOX = re.compile(r"^[\u2022\u25a0-\u25ff\u2610-\u2612\u2713\u2714]+\s*")
_JOINER = re.compile(r"(?i)[\s,&]*(and|e|en|und|et)?\s*")
_GROUP_CLASS = re.compile(r"group-name|group-title|section-title|heading|subheader|-header\b")
_EQUIPMENT = re.compile(
    r"(?i)^\s*(equipment|[ée]quipement|tools|utensils|you will need|you.ll need|kitchen tools)\b"
)
_STEP_CLASS = re.compile(r"instruction|direction|method|preparation|preparo|steps")


def recipes_from_html(text: str, source: str | Path) -> list[Recipe]:
    """Every recipe the page holds; raises RecipeImportError when it holds none."""
    if len(text) > _BIG_PAGE:
        recipes = [recipe_from_schema(n) for n in _json_ld_nodes_fast(text, source)]
        if recipes and len(recipes) <= MAX_RECIPES_PER_IMPORT and all(map(_whole, recipes)):
            # A big page whose structured data is whole: the page itself is not parsed,
            # as building its tree costs time in proportion to the page.
            return _unique(recipes, source)
    page = parse_html(text)
    url = _canonical_url(page.root)
    nodes = (
        _json_ld_nodes(page, source)
        or _meta_json_ld_nodes(page.root, source)
        or _microdata_nodes(page.root)
    )
    if len(nodes) > MAX_RECIPES_PER_IMPORT:
        raise RecipeImportError(
            source,
            f"the page holds {len(nodes):,} recipes; one import takes at most "
            f"{MAX_RECIPES_PER_IMPORT:,}",
        )
    recipes = [recipe_from_schema(node, url) for node in nodes]
    if len(text) > _BIG_PAGE and recipes and all(_whole(recipe) for recipe in recipes):
        # The structured data gives every recipe whole on a big page: its own lists are not
        # read, as reading them costs time in proportion to the page. (On smaller pages
        # they still correct data that lumps the method into fewer steps.)
        return _unique(recipes, source)
    fallback = _fallback(page.root)
    recipes = [_with_steps(_completed(recipe, fallback), page.root) for recipe in recipes]
    if not recipes and not fallback.steps:
        fallback.steps = _prose_after_ingredients(page.root.iter(), fallback.groups)
        fallback.sections = [("", fallback.steps)] if fallback.steps else []
    if not recipes and fallback.looks_like_recipe():
        recipes.append(_completed(Recipe(components=[Component()], source=url), fallback))
    # The page's h1s name its one recipe; on a page of many recipes they name none of them
    # (and comparing each title with each heading would grow with their product).
    headings = [
        clean_text(element.text())
        for element in page.root.iter()
        if len(recipes) == 1 and element.tag == "h1" and len(element.text()) <= _SHORT
    ]
    site = _site_names(page.root, url) if headings else set()
    recipes = [_without_site_name(recipe, headings, site) for recipe in recipes]
    return _unique([_without_labels(recipe) for recipe in recipes], source)


# A product's label row set among a kit's ingredients ("Composition : farine, sel",
# "Conservation : au frais"): what the product is, not a line of the recipe.
_PRODUCT_ROW = re.compile(
    r"(?i)^\s*(composition|conservation|allerg[eè]nes?|allergens?|allergy advice|storage|"
    r"stockage|origine?|provenance|nutrition(al)?( facts| information)?|"
    r"valeurs? nutritionnelles?|n[äa]hrwerte|zusammensetzung|aufbewahrung|allergene|"
    r"may contain|peut contenir|kann spuren)\s*:"
)


def _names_a_list(text: str, word: re.Pattern[str]) -> bool:
    """Whether a line is nothing but a list's name ("Ingrédients", "Équipement:")."""
    match = word.match(text)
    return match is not None and not text[match.end() :].strip(" :")


def _without_labels(recipe: Recipe) -> Recipe:
    """The recipe without lines that are no ingredient: the list's own name set as a line
    ("Ingrédients"), an equipment list set as lines under its name ("Équipement", then the
    tools), and a product's label rows ("Composition : …"). A titled equipment group with
    no steps goes too."""
    for component in recipe.components:
        kept = []
        tools = False
        for ingredient in component.ingredients:
            text = ingredient.text.strip()
            if ingredient.is_heading:
                tools = _names_a_list(text, _EQUIPMENT)
                if not tools:
                    kept.append(ingredient)
            elif _names_a_list(text, _EQUIPMENT):
                tools = True
            elif not (tools or _PRODUCT_ROW.match(text) or _names_a_list(text, _INGREDIENTS_WORD)):
                kept.append(ingredient)
        component.ingredients = kept
    components = [
        c
        for c in recipe.components
        if c.steps or not _names_a_list(c.title, _EQUIPMENT) or not c.title
    ]
    recipe.components = [
        c for c in components if c.title or c.ingredients or c.steps or c.servings
    ] or [Component()]
    return recipe


def _without_site_name(recipe: Recipe, headings: list[str], site: set[str]) -> Recipe:
    """The recipe with the page's own heading as its title where the data's name is that
    heading plus what names the site ("Tepsis krumpli Recept képpel - Mindmegette.hu"), and
    without a wiki's namespace ("Cookbook:Pumpkin Pie").
    """
    title = recipe.title
    for heading in headings:
        rest = title[len(heading) :]
        if (
            heading
            and title.startswith(heading)
            and rest[:1].isspace()
            and _SITE_SEPARATOR.search(rest)
            and any(name in rest.casefold() for name in site)
        ):
            title = heading
            break
    namespace = _WIKI_NAMESPACE.match(title)
    if namespace:
        title = title[namespace.end() :]
    recipe.title = title
    return recipe


def _site_names(root: Element, url: str) -> set[str]:
    """The site's names as a page states them: og:site_name and its address's domain."""
    names: set[str] = set()
    host = re.sub(r"^https?://(www\.)?", "", url).split("/", 1)[0]
    if "." in host:
        names.add(host.rsplit(".", 2)[-2].casefold())
    for element in root.iter():
        if element.tag == "meta" and element.get("property").lower() == "og:site_name":
            names.add(clean_text(element.get("content")).casefold())
    return {name for name in names if len(name) >= 3}


# What sets a site's name apart from a page's title: " - ", " | ", " – ", " — ", " · ".
_SITE_SEPARATOR = re.compile(r"\s[-|\u2013\u2014\u00b7]\s")
# A wiki page's namespace before its name: "Cookbook:" (a colon with no space after it).
_WIKI_NAMESPACE = re.compile(r"^[A-Z][A-Za-z]+:(?=[^\s/])")


def _with_steps(recipe: Recipe, root: Element) -> Recipe:
    """A recipe still without steps takes the method the page shows after its last
    ingredient line (found by the data's lines when the page's own ingredient list was
    not: a list of linked ingredient names elsewhere can look more like one)."""
    lines = [i.text for c in recipe.components for i in c.ingredients if not i.is_heading]
    if lines and not any(c.steps for c in recipe.components):
        recipe.components[0].steps = _steps_after_ingredients(root.iter(), [("", None, lines)])
    return recipe


def _unique(recipes: list[Recipe], source: str | Path) -> list[Recipe]:
    unique = {repr(recipe.to_dict()): recipe for recipe in recipes if _has_content(recipe)}
    if not unique and any(recipe.title for recipe in recipes):
        raise RecipeImportError(
            source,
            "the page names a recipe but shows none of its ingredients or steps "
            "(the site may draw them with a script, which is never run)",
        )
    if not unique:
        raise RecipeImportError(source, "no recipe found in this page")
    return list(unique.values())


def _whole(recipe: Recipe) -> bool:
    """Title, ingredient lines and more than one step (a single step is often the whole
    method lumped together, which the page's own list splits)."""
    steps = sum(len(c.steps) for c in recipe.components)
    return bool(recipe.title) and any(c.ingredients for c in recipe.components) and steps > 1


def _has_content(recipe: Recipe) -> bool:
    return bool(recipe.title) and any(c.ingredients or c.steps for c in recipe.components)


class _Fallback:
    """What a reader sees on the page itself: the title, ingredient groups and steps."""

    def __init__(
        self,
        title: str,
        groups: list[tuple[str, int | None, list[str]]],
        steps: list[str],
        minutes: dict[str, int],
        yield_text: str,
        sections: list[tuple[str, list[str]]] | None = None,
    ):
        self.title = title
        self.groups = groups
        self.steps = steps
        self.minutes = minutes
        self.yield_text = yield_text
        # The steps as the page groups them under its own sub-headings ("2. Make the
        # meringue:"); untitled when it has none.
        self.sections = sections or [("", list(steps))]

    def looks_like_recipe(self) -> bool:
        return bool(self.title) and any(lines for _, _, lines in self.groups) and bool(self.steps)

    def line_count(self) -> int:
        return sum(len(lines) for _, _, lines in self.groups)


def _completed(recipe: Recipe, fallback: _Fallback) -> Recipe:
    """Fill what the structured data lacks, or gets wrong, from the page itself.

    The structured lines are kept as written, but only those the page also shows (some
    plugins add the equipment to the data), split into the page's ingredient groups when
    the page's lines match them one for one.
    Times and yield come from the page's card only when the data gives none of them.
    """
    lines = [i.text for c in recipe.components for i in c.ingredients]
    sections = [(c.title, list(c.steps)) for c in recipe.components if c.steps]
    if _page_steps_read_better(sections, fallback.steps):
        # With the page's sub-headings ("2. Make the meringue:") as the parts' names.
        sections = [(title, list(steps)) for title, steps in fallback.sections]
        recipe.components = _with_sections(recipe.components, sections)
    titled = any(c.title for c in recipe.components if c.ingredients)
    page_lines = [line for _, _, group in fallback.groups for line in group]
    if not recipe.title:
        recipe.title = without_recipe_word(fallback.title)
    page_titled = sum(1 for title, _, group in fallback.groups if title and group)
    data_titled = sum(1 for c in recipe.components if c.title and c.ingredients)
    if (
        (not lines and page_lines)
        or (not titled and _page_lines_fuller(lines, page_lines))
        or (page_titled >= data_titled and _page_writes_better(lines, page_lines))
    ):
        recipe.components = build_components(fallback.groups, sections)
    elif page_lines and not titled and _covers(lines, page_lines):
        shown = Counter(_loose(line) for line in page_lines)
        kept = []
        for line in lines:
            if shown[_loose(line)] > 0:
                shown[_loose(line)] -= 1
                kept.append(line)
        groups, start = [], 0
        for title, servings, group_lines in fallback.groups:
            groups.append((title, servings, kept[start : start + len(group_lines)]))
            start += len(group_lines)
        recipe.components = build_components(groups, sections)
    if (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == (None, None, None):
        recipe.prep_minutes = fallback.minutes.get("prep")
        recipe.cook_minutes = fallback.minutes.get("cook")
        recipe.total_minutes = fallback.minutes.get("total")
    if recipe.servings is None and not recipe.yield_text and fallback.yield_text:
        recipe.servings, recipe.yield_text = read_yield(fallback.yield_text)
    return recipe


def _with_sections(
    components: list[Component], sections: list[tuple[str, list[str]]]
) -> list[Component]:
    """The components with their steps replaced by the sections, which join the parts
    of their names (or become parts of their own), as structured data's sections do."""
    groups = [(c.title, c.servings, [i.text for i in c.ingredients]) for c in components]
    return build_components(groups, sections)


def _page_steps_read_better(sections: list[tuple[str, list[str]]], page: list[str]) -> bool:
    """Whether the page's own step list should replace the structured steps.

    It does when the data has none; when the data lumps the method into one step; when
    the data holds the same text with fewer step boundaries; and when the data is the
    whole article around the page's steps (every step inside it, and much more besides).
    Titled sections in the data are kept: they carry structure the page list lacks.
    """
    if not page:
        return False
    if not sections:
        return True
    if any(title for title, _ in sections):
        return False
    steps = [step for _, group in sections for step in group]
    data, shown = _loose("".join(steps)), _loose("".join(page))
    if len(page) > len(steps) and (len(steps) == 1 or data == shown):
        return True
    return len(data) > 1.5 * len(shown) and all(_loose(step) in data for step in page)


def _page_lines_fuller(structured: list[str], shown: list[str]) -> bool:
    """Whether the page's lines are the structured lines with their amounts, one for one.

    Some sites put only the ingredient's name in the data ("gin") while the page shows
    the whole line ("16 cl gin, Beefeater"): the page's list replaces the data only when
    it is such a clear superset, line by line in the same order, when no data line has
    an amount and most page lines start with one. Data lines with amounts are kept as
    written, even where the page shows more (a note, a pack size).
    """
    if not structured or len(structured) != len(shown):
        return False
    if any(_AMOUNT_START.match(line) for line in structured):
        return False  # the data gives amounts: its lines are whole as written
    if 2 * sum(1 for line in shown if _AMOUNT_START.match(line)) <= len(shown):
        return False  # the page adds no amounts to most lines
    pairs = [(_loose(data), _loose(page)) for data, page in zip(structured, shown, strict=True)]
    return all(data and data in page for data, page in pairs) and any(
        len(page) > len(data) for data, page in pairs
    )


def _page_writes_better(structured: list[str], shown: list[str]) -> bool:
    """Whether the page shows the structured lines as a cook writes them, one for one.

    The import transcribes what the page shows, but keeps the data's lines where both say
    the same (the data's own punctuation of notes, say). The page's lines replace them
    when, line for line, each says what its data line says and several are written
    better: the words in the page's order where the data puts the name first ("múka
    hladká, 460 g" shown as "460 g múka hladká"; never the other way), a whole number
    where the data writes a float ("500.0 g"),
    or the second measure the data dropped where the data also rewrote the page's
    fractions ("1 1/4 cup flour" shown as "1 ¼ cup (315 mL) flour"): plugins that add a
    converted measure to the page alone, keeping the author's fractions in the data, keep
    the data's lines. A single line that says something else keeps the data.
    """
    if len(structured) < 2 or len(structured) != len(shown):
        return False
    kinds: list[str] = []
    for data, page in zip(structured, shown, strict=True):
        if _loose(data) == _loose(page):
            continue
        kind = _says_better(data, page)
        if not kind:
            return False
        kinds.append(kind)
    if "measure" in kinds and not any(
        _VULGAR.search(page) and not _VULGAR.search(data)
        for data, page in zip(structured, shown, strict=True)
    ):
        return False
    return len(kinds) >= 2 and 4 * len(kinds) > len(structured)


_FLOAT_WHOLE = re.compile(r"(?<![\d.,])(\d+)\.0+(?![\d])")
_MEASURE_NOTE = re.compile(r"\([^()]*\d[^()]*\)")
_VULGAR = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")


def _says_better(data: str, page: str) -> str:
    """How a page line says what the data line says, written as a cook writes it:
    "order", "float" or "measure" (see _page_writes_better); "" when it says otherwise."""
    if not _AMOUNT_START.match(data) and _words(data) == _words(page):
        return "order"  # the amount moved to the front, or the words in the page's order
    if _FLOAT_WHOLE.search(data) and _loose(_FLOAT_WHOLE.sub(r"\1", data)) == _loose(page):
        return "float"  # "500.0 g" shown as "500 g"
    known = _loose(data)
    fraction = unicodedata.normalize("NFKC", page).replace("\u2044", "/")
    without = _MEASURE_NOTE.sub(
        lambda note: note.group() if _loose(note.group()) in known else "", fraction
    )
    if without != fraction and _loose(without) == known:
        return "measure"  # "(315 mL)" added, "1 1/4" shown as "1 ¼"
    return ""


def _words(line: str) -> list[str]:
    return sorted(re.findall(r"\w+", unicodedata.normalize("NFKC", line).casefold()))


def _covers(structured: list[str], shown: list[str]) -> bool:
    """Whether each line shown on the page is one of the structured lines (or none are)."""
    if not structured:
        return True
    keys = Counter(_loose(line) for line in structured)
    return not Counter(_loose(line) for line in shown) - keys


def _loose(line: str) -> str:
    text = unicodedata.normalize("NFKC", line).replace("\u2044", "/").casefold()
    return "".join(char for char in text if char.isalnum() or char == "/")


_SCRIPT_TAG = re.compile(r"<script\b[^<>]*>", re.IGNORECASE)


def _json_ld_nodes_fast(text: str, source: str | Path) -> list[dict[str, Any]]:
    """Recipe nodes of the page's JSON-LD scripts, found without parsing the page."""
    lowered = text.lower()
    nodes: list[dict[str, Any]] = []
    for tag in _SCRIPT_TAG.finditer(text):
        if "ld+json" not in tag.group().lower():
            continue
        end = lowered.find("</script", tag.end())
        body = text[tag.end() : end if end >= 0 else len(text)]  # script text is raw
        nodes.extend(find_recipe_nodes(_script_data(body, source)))
    return nodes


def _json_ld_nodes(page: Page, source: str | Path) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for script in page.json_ld:
        nodes.extend(find_recipe_nodes(_script_data(script, source)))
    return nodes


# What pages wrap a JSON-LD script's text in, for browsers that would otherwise show it:
# a CDATA section, an HTML comment, each often behind a `//` or inside `/* */`.
_WRAPPER_START = re.compile(r"^\s*(?://|/\*|\*/|<!\[CDATA\[|<!--)")
_WRAPPER_END = re.compile(r"(?://|/\*|\*/|\]\]>|-->|;)\s*$")
_WRAPPER_PASSES = 6


def _script_data(text: str, source: str | Path) -> list[Any]:
    """The JSON values in a JSON-LD script, read as leniently as browsers' readers do.

    Sites wrap the JSON in a CDATA section or a comment ("// <![CDATA[ {…} // ]]>"),
    leave a comma before a closing bracket, or write two objects one after the other in
    one script; each is still read. Text that stays broken gives nothing.
    """
    body = text
    for _ in range(_WRAPPER_PASSES):  # a fixed number of wrappers: linear in the text
        stripped = _WRAPPER_END.sub("", _WRAPPER_START.sub("", body.strip()))
        if stripped == body:
            break
        body = stripped
    try:
        return [load_json(body, source)]
    except RecipeImportError:
        pass
    values = _json_values(_without_trailing_commas(body), source)
    return values


def _json_values(text: str, source: str | Path) -> list[Any]:
    """The JSON values written one after another in the text ("{…}{…}" or "{…}\n{…}")."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    position = 0
    while position < len(text):
        while position < len(text) and text[position] in " \t\r\n,;":
            position += 1
        if position >= len(text):
            break
        if len(values) >= _MAX_SCRIPT_VALUES:
            break
        try:
            load_json(_first_value_bound(text, position), source)  # the depth check
            value, position = decoder.raw_decode(text, position)
        except (RecipeImportError, json.JSONDecodeError, RecursionError):
            break
        values.append(value)
    return values


_MAX_SCRIPT_VALUES = 20


def _json_characters(text: str, start: int = 0) -> Iterator[tuple[int, str, bool]]:
    """Each character of JSON text from `start`, with whether it lies inside a string (the
    quote that opens a string does not; the one that closes it does). One pass."""
    in_string = False
    escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            yield index, char, True
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        yield index, char, False
        if char == '"':
            in_string = True


def _first_value_bound(text: str, start: int) -> str:
    """The text from `start` to the end of the first JSON value there (or to the end):
    what load_json checks the nesting depth of before it is decoded."""
    depth = 0
    for index, char, inside in _json_characters(text, start):
        if inside:
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth <= 0:
                return text[start : index + 1]
    return text[start:]


def _without_trailing_commas(text: str) -> str:
    """The JSON text without commas just before a closing bracket ("[1, 2,]"), strings
    left as they are; one pass."""
    out: list[str] = []
    pending_comma = ""
    for _, char, inside in _json_characters(text):
        if inside:
            out.append(char)
            continue
        if pending_comma:
            if char in " \t\r\n":
                pending_comma += char
                continue
            if char not in "]}":
                out.append(pending_comma)
            else:
                out.append(pending_comma[1:])
            pending_comma = ""
        if char == ",":
            pending_comma = ","
            continue
        out.append(char)
    out.append(pending_comma)
    return "".join(out)


def _meta_json_ld_nodes(root: Element, source: str | Path) -> list[dict[str, Any]]:
    """Recipe nodes of JSON-LD a page keeps in a meta tag's content
    (`<meta name="application/ld+json" content="{&quot;@type&quot;: …}">`)."""
    nodes: list[dict[str, Any]] = []
    for element in root.iter():
        if element.tag == "meta" and "ld+json" in element.get("name").lower():
            nodes.extend(find_recipe_nodes(_script_data(element.get("content"), source)))
    return nodes


def _microdata_nodes(root: Element) -> list[dict[str, Any]]:
    """schema.org Recipe items written as microdata (itemscope) or RDFa (typeof)."""
    scopes = [
        element
        for element in root.iter()
        if _is_scope(element) and _item_type(element).rsplit("/", 1)[-1].endswith("Recipe")
    ]
    ids: dict[str, Element] = {}
    if any(scope.get("itemref") for scope in scopes):
        for element in root.iter():
            ids.setdefault(element.get("id"), element)
    return [_item(scope, refs=_referenced(scope, ids)) for scope in scopes]


def _referenced(scope: Element, ids: dict[str, Element]) -> list[Element]:
    """The elements a microdata item names in its `itemref` (properties set elsewhere on
    the page, such as an ingredient list outside the recipe's block), each once."""
    found = {name: ids[name] for name in scope.get("itemref").split() if name in ids}
    return [element for element in found.values() if element is not scope]


def _is_scope(element: Element) -> bool:
    return "itemscope" in element.attrs or "typeof" in element.attrs


def _item_type(element: Element) -> str:
    kind = element.get("itemtype") or element.get("typeof")
    return kind.split()[0].split(":")[-1] if kind else ""


def _item(scope: Element, depth: int = 0, refs: list[Element] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": _item_type(scope).rsplit("/", 1)[-1]}
    children = [child for child in scope.children if isinstance(child, Element)]
    pending = [*reversed(refs or []), *reversed(children)]
    while pending:
        element = pending.pop()
        names = (element.get("itemprop") or element.get("property")).split()
        nested = _is_scope(element)
        if names:
            value = _item(element, depth + 1) if nested and depth < 20 else _value(element)
            if isinstance(value, str) and _INGREDIENT_PROPS.intersection(names):
                value = _whole_line(element, scope, value)
            for name in names:
                item.setdefault(name.rsplit(":", 1)[-1].rsplit("/", 1)[-1], []).append(value)
        if not nested:
            pending.extend(c for c in reversed(element.children) if isinstance(c, Element))
    if depth and item["@type"] in _STEP_TYPES and "text" not in item:
        # A step marked as a HowToStep with no `text` of its own: its text is what it shows.
        item["text"] = [clean_text(scope.text())]
    return item


_STEP_TYPES = {"HowToStep", "HowToDirection", "HowToTip"}


_INGREDIENT_PROPS = {"recipeIngredient", "ingredients", "schema:recipeIngredient"}


def _whole_line(element: Element, scope: Element, value: str) -> str:
    """An ingredient's whole line where the page marks only its name.

    Some pages mark the name alone (`<li>6 cl <span itemprop=recipeIngredient>Kokoslikör
    </span></li>`): the cook reads the list item, amount and all. The item's text is taken
    when it holds this one ingredient and adds to it; otherwise the marked text stays.
    """
    node = element.parent
    for _ in range(3):
        if node is None or node is scope:
            return value
        if node.tag == "li":
            break
        node = node.parent
    else:
        return value
    if node is None or len(node.text()) > _SHORT:
        return value
    marked = sum(
        1 for e in node.iter() if _INGREDIENT_PROPS.intersection(e.get("itemprop").split())
    )
    line = _line(node)
    if marked != 1 or len(line) <= len(value) or _loose(value) not in _loose(line):
        return value
    return line


def _value(element: Element) -> str:
    for attribute in ("content", "datetime", "value"):
        if attribute in element.attrs:
            return element.get(attribute)
    if element.tag in {"a", "link"}:
        return element.get("href")
    if element.tag in {"img", "audio", "video", "source"}:
        return element.get("src")
    if element.tag == "tr":
        return _line(element)  # a row's cells are one line, not one line each
    return clean_text(element.text(), keep_lines=True)


def _canonical_url(root: Element) -> str:
    for element in root.iter():
        rel = element.get("rel").lower()
        if element.tag == "link" and "canonical" in rel.split():
            return _http(element.get("href"))
        if element.tag == "meta" and element.get("property").lower() == "og:url":
            return _http(element.get("content"))
    return ""


def _http(value: str) -> str:
    value = value.strip()
    return value if value.startswith(("http://", "https://")) else ""


def _fallback(root: Element) -> _Fallback:
    elements = root.iter()
    minutes, yield_text = _card_fields(elements)
    groups = _ingredient_groups(elements)
    if not any(lines for _, _, lines in groups):
        groups = ingredient_groups(_amount_list(elements))
    sections = _page_steps(elements) or [("", _steps_after_ingredients(elements, groups))]
    last, trailing_yield = _without_trailing_yield(sections[-1][1])
    sections[-1] = (sections[-1][0], last)
    sections = [(title, steps) for title, steps in sections if steps]
    yield_text = yield_text or trailing_yield
    steps = [step for _, group in sections for step in group]
    return _Fallback(_page_title(elements, groups), groups, steps, minutes, yield_text, sections)


# "Serves 4" / "Makes 12 cookies" closing the method, after the last step's last sentence.
_YIELD_PHRASE = (
    r"(?:serves|makes|yields?|servings?|portions?|porties|personen|rendimento|rinde|"
    r"por[çc][õo]es)\s*:?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s+[^\W\d]+){0,2}"
)
_TRAILING_YIELD = re.compile(rf"(?i)(?<=[.!?)])\s*({_YIELD_PHRASE})\s*\.?$")
_WHOLE_YIELD = re.compile(rf"(?i)\s*({_YIELD_PHRASE})\s*\.?")


def _without_trailing_yield(steps: list[str]) -> tuple[list[str], str]:
    """The steps without a yield the page writes at the end of the last one ("… freeze
    for up to 3 months. Serves 4"), and that yield: it says how much the recipe makes,
    not what to do. Only the last 80 characters are looked at."""
    if not steps:
        return steps, ""
    last = steps[-1]
    if len(last) <= 80 and (whole := _WHOLE_YIELD.fullmatch(last)):
        return steps[:-1], whole.group(1)
    tail = last[-80:]
    found = _TRAILING_YIELD.search(tail)
    if found is None:
        return steps, ""
    kept = last[: len(last) - len(tail) + found.start()].rstrip()
    return [*steps[:-1], kept], found.group(1)


# An ingredient line's opening amount: "2 cups", "½ lemon", "1,5 kilo", "200g".
_AMOUNT_START = re.compile(r"^\s*(\d|[\u00bc-\u00be\u2150-\u215e])")
# The mean length of a list's items above which they read as steps, not ingredients.
_STEP_LENGTH = 40


def _list_of(item: Element) -> Element | None:
    """The list (ul/ol) an item belongs to: its nearest list ancestor, a step or two up."""
    parent = item.parent
    for _ in range(3):
        if parent is None:
            return None
        if parent.tag in {"ul", "ol"}:
            return parent
        parent = parent.parent
    return None


def _amount_list(elements: list[Element]) -> list[str]:
    """The lines of the list most of whose items start with an amount, on a page with no
    ingredient heading or markup: the list with the most such items wins, when it has at
    least three and they are most of its items. Each item is looked at once."""
    counts: dict[int, list[int]] = {}
    lists: dict[int, Element] = {}
    for element in elements:
        if element.tag != "li":
            continue
        owner = _list_of(element)
        if owner is None:
            continue
        tally = counts.setdefault(id(owner), [0, 0])
        lists[id(owner)] = owner
        raw = element.text()
        tally[1] += 1
        if len(raw) <= _SHORT and _AMOUNT_START.match(clean_text(raw)):
            tally[0] += 1
    best = max(
        (key for key, (amounts, items) in counts.items() if amounts >= 3 and 2 * amounts > items),
        key=lambda key: counts[key][0],
        default=None,
    )
    if best is None:
        return []
    owner = lists[best]
    return _alike_lists(owner, counts)


def _alike_lists(owner: Element, counts: dict[int, list[int]]) -> list[str]:
    """The lines of the amount list and of the lists beside it that are mostly amounts too,
    each after the heading above it ("Custard"): one recipe's ingredients split in groups.
    """
    node = owner
    for _ in range(_WRAPPERS):  # out of the wrappers that hold only this list
        parent = node.parent
        if parent is None or len([c for c in parent.children if isinstance(c, Element)]) > 1:
            break
        node = parent
    parent = node.parent
    siblings = [c for c in parent.children if isinstance(c, Element)] if parent else [node]
    lines: list[str] = []
    heading = ""
    for sibling in siblings:
        inner = _innermost(sibling)
        amounts, items = counts.get(id(inner), (0, 0))
        if sibling is node or (inner.tag in {"ul", "ol"} and amounts and 2 * amounts > items):
            if heading and lines:
                lines.append(f"{heading}:")
            lines.extend(
                _line(child)
                for child in (owner if sibling is node else inner).children
                if isinstance(child, Element) and child.tag == "li"
            )
            heading = ""
        elif inner.tag in _HEADINGS or _is_heading(inner):
            heading = clean_text(inner.text()).rstrip(":")
            if lines and _ends_ingredients(heading):
                break  # "Nutrition", "Method": what follows is no ingredient group
    return lines


# How many wrappers around a single element are looked through (page builders nest a list
# or a heading in several blocks of its own).
_WRAPPERS = 6


def _innermost(element: Element) -> Element:
    """The element inside the wrappers that hold only it (a div holding a div holding a ul)."""
    for _ in range(_WRAPPERS):
        children = [c for c in element.children if isinstance(c, Element)]
        if len(children) != 1 or any(isinstance(c, str) and c.strip() for c in element.children):
            return element
        if element.tag in _HEADINGS or element.tag in {"ul", "ol"}:
            return element
        element = children[0]
    return element


def _steps_after_ingredients(
    elements: list[Element], groups: list[tuple[str, int | None, list[str]]]
) -> list[str]:
    """The first list after the ingredient list whose items read as sentences.

    For pages that give the method no heading a reader could find ("Recipe", an icon):
    the method is the next list of long lines after the last ingredient.
    """
    lines = [line for _, _, group in groups for line in group]
    if not lines:
        return []
    last = lines[-1]
    start = next(
        (
            index
            for index in range(len(elements) - 1, -1, -1)
            if elements[index].tag == "li"
            and len(elements[index].text()) <= _SHORT
            and _line(elements[index]) == last
        ),
        None,
    )
    if start is None:
        return []
    headed = False
    for element in elements[start + 1 :]:
        if element.tag in _HEADINGS and not headed:
            # The first heading after the ingredients, over paragraphs: the method written
            # as prose under the dish's name ("Kohlrabi-Fenchel-Carpaccio").
            headed = True
            if texts := _prose_steps(element):
                return texts
        if element.tag not in {"ul", "ol"}:
            continue
        items = [c for c in element.children if isinstance(c, Element) and c.tag == "li"]
        if 2 * sum(1 for item in items if _link_item(item)) >= len(items):
            continue  # a list of links (teasers, tags) with a line of text among them
        texts = _step_texts(items)
        if texts and sum(map(len, texts)) / len(texts) >= _STEP_LENGTH:
            return texts
    return []


def _prose_after_ingredients(
    elements: list[Element], groups: list[tuple[str, int | None, list[str]]]
) -> list[str]:
    """The method written as paragraphs after the ingredient list, on a page with no
    structured data and no method heading: the first paragraph of sentences after the
    last ingredient, with the paragraphs that follow it in the same block.
    """
    lines = [line for _, _, group in groups for line in group]
    if not lines:
        return []
    last = next(
        (
            index
            for index in range(len(elements) - 1, -1, -1)
            if elements[index].tag == "li"
            and len(elements[index].text()) <= _SHORT
            and _line(elements[index]) == lines[-1]
        ),
        None,
    )
    if last is None:
        return []
    first = next(
        (
            element
            for element in elements[last + 1 :]
            if element.tag == "p" and _reads_as_steps([clean_text(element.text())] * 2)
        ),
        None,
    )
    if first is None or first.parent is None:
        return []
    siblings = [c for c in first.parent.children if isinstance(c, Element)]
    steps: list[str] = []
    for sibling in siblings[siblings.index(first) :]:
        if sibling.tag != "p":
            break
        text = clean_text(sibling.text())
        if text and not NOT_A_STEP.match(text):
            steps.append(text)
    return steps


def _prose_steps(heading: Element) -> list[str]:
    """The paragraphs right after a heading, when they read as steps: up to the next
    heading or other block, at least one, as long on average as steps are. A heading
    naming notes, tips or comments heads no method."""
    if _ASIDE.match(clean_text(heading.text())):
        return []
    paragraphs: list[Element] = []
    for sibling in _following(heading):
        if _is_heading(sibling):
            break
        if sibling.tag == "p":
            paragraphs.append(sibling)
        elif sibling.text().strip():
            break
    texts = _step_texts(paragraphs)
    return texts if texts and sum(map(len, texts)) / len(texts) >= _STEP_LENGTH else []


def _page_title(elements: list[Element], groups: list[tuple[str, int | None, list[str]]]) -> str:
    for element in _title_headings(elements, groups):
        if element.tag == "h1":
            # A <small> in the heading is a byline or a subtitle, not the name.
            title = clean_text(
                "".join(
                    c if isinstance(c, str) else c.text()
                    for c in element.children
                    if isinstance(c, str) or c.tag != "small"
                )
            )
            if title:
                return title
    for element in elements:
        if element.tag == "meta" and element.get("property").lower() == "og:title":
            return clean_text(element.get("content"))
    for element in elements:
        if element.tag == "title":
            return clean_text(element.text())
    return ""


def _title_headings(
    elements: list[Element], groups: list[tuple[str, int | None, list[str]]]
) -> list[Element]:
    """The elements with the h1 nearest before the ingredient list first.

    A page may set its section's name as an h1 above the recipe's own ("For Your Table",
    then "Chicken Salad"); the recipe's name is the heading closest above its ingredients.
    An h1 that only names a list ("Ingredients") is no title.
    """
    first = next((line for _, _, group in groups for line in group), None)
    nearest: Element | None = None
    for element in elements:
        if element.tag == "h1" and len(element.text()) <= _SHORT:
            text = clean_text(element.text())
            if text and not _INGREDIENTS_WORD.match(text) and not _STEPS_WORD.match(text):
                nearest = element
        elif (
            first is not None
            and element.tag == "li"
            and len(element.text()) <= _SHORT
            and _line(element) == first
        ):
            break
    return [nearest, *elements] if nearest is not None else elements


# A table of contents (a plugin's list of the post's headings, "ez-toc-container-direction")
# names every section, the method's too, and is none of them.
_CONTENTS_CLASS = re.compile(r"(?:^|[\s_-])toc(?:$|[\s_-])|table-of-contents|tableofcontents")


def _class_container(
    elements: list[Element], word: re.Pattern[str], *, measured: bool = False
) -> Element | None:
    """The element whose class or id names the list and that holds the most list items.

    With `measured` (the ingredients), a list whose items mostly start with an amount
    comes before one whose items do not: a post's own block of ingredient talk
    ("Ripe bananas – you want the spotty ones", class "ingredients") beside the recipe
    card's list ("1 cup mashed bananas") is not the recipe's list.
    """
    best: tuple[tuple[bool, int], Element] | None = None
    measures: dict[int, bool] = {}  # each row's reading, once, however many boxes hold it
    for element in elements:
        if element.tag in {"body", "html", "main", "article", "li"}:
            continue  # a list item is one field ("Method: simmer"), never the whole list
        if not word.search(element.classes) or _CONTENTS_CLASS.search(element.classes):
            continue
        rows = [e for e in element.iter() if e.tag == "li" or _is_row(e)]
        if not rows:
            continue
        amounts = sum(1 for row in rows if _measured_row(row, measures)) if measured else 0
        key = (2 * amounts > len(rows), len(rows))
        if best is None or key > best[0]:
            best = (key, element)
    return best[1] if best is not None else None


def _measured_row(row: Element, seen: dict[int, bool]) -> bool:
    """Whether a list row starts with an amount (remembered in `seen`)."""
    if id(row) not in seen:
        raw = row.text()
        seen[id(row)] = len(raw) <= _SHORT and bool(_AMOUNT_START.match(clean_text(raw)))
    return seen[id(row)]


def _is_heading(element: Element) -> bool:
    """A heading tag, or a line that is bold all through (`<p><strong>Glaze</strong></p>`)."""
    if element.tag in _HEADINGS:
        return True
    # The length first: a long element is no heading, and looking inside it would make
    # asking every element of a deeply nested page quadratic.
    if element.tag not in {"p", "div", "strong", "b"}:
        return False
    raw = element.text()
    if len(raw) > _SHORT or not raw.strip():
        return False
    if any(e.tag == "li" for e in element.iter()):
        return False
    text = clean_text(element.text())
    bold = " ".join(clean_text(e.text()) for e in element.iter() if e.tag in {"strong", "b"})
    return bool(text) and len(text) <= 80 and clean_text(bold) == text


def _headed(elements: list[Element], *words: re.Pattern[str]) -> list[Element]:
    """Headings naming a list, those matching the first pattern before the others.

    The h1 is left out: it titles the page ("How to make jam"), not a list in it.
    """
    found: dict[int, Element] = {}
    places: dict[int, dict[int, int]] = {}
    headings = [
        (element, clean_text(element.text()).rstrip(":"))
        for element in elements
        if (_is_heading(element) and not _run_in(element, places)) or _is_label_paragraph(element)
    ]
    for word in words:
        for element, text in headings:
            match = word.search(text)
            if match and (element.tag != "h1" or _names_only(match, text)):
                found.setdefault(id(element), element)
    return list(found.values())


def _run_in(element: Element, places: dict[int, dict[int, int]]) -> bool:
    """Whether a bold label runs into the text after it on its line ("**Method:** simmer",
    a recipe card's detail field): a label of that line, not a heading over a list.

    `places` keeps each parent's children's positions, built once per parent, so a line
    of many labels is read in time proportional to it.
    """
    parent = element.parent
    if element.tag not in {"strong", "b"} or parent is None:
        return False
    siblings = parent.children
    if id(parent) not in places:
        places[id(parent)] = {id(child): i for i, child in enumerate(siblings)}
    index = places[id(parent)].get(id(element), len(siblings))
    for child in siblings[index + 1 :]:
        if isinstance(child, str):
            if child.strip():
                return True
            continue
        # A line break or a block after the label: it heads what follows ("Bereiding").
        return child.tag not in BLOCKS and bool(child.text().strip())
    return False


def _names_only(match: re.Match[str], text: str) -> bool:
    """Whether a heading is nothing but the list's name ("Hozzávalók", "Ingredients").

    An h1 is the page's title ("How to make jam") unless it says no more than that: some
    pages set every section heading as an h1.
    """
    return not text[: match.start()].strip() and not text[match.end() :].strip(" :")


def _is_label_paragraph(element: Element) -> bool:
    """A short paragraph ending in a colon ("Ingredientes:"): a heading written as text."""
    if element.tag != "p" or len(element.text()) > 60:
        return False
    text = clean_text(element.text())
    return text.endswith(":") and len(text) <= 40


def _following(heading: Element) -> list[Element]:
    """What comes after a heading in its section, climbing out of a wrapper it ends.

    A wrapper that holds only the heading and its trimmings (an "edit" link, an icon)
    ends too: what follows the wrapper is read after them.
    """
    node = heading
    found: list[Element] = []
    for _ in range(3):
        parent = node.parent
        if parent is None:
            break
        siblings = [c for c in parent.children if isinstance(c, Element)]
        found.extend(siblings[siblings.index(node) + 1 :])
        if any(_substantial(element) for element in found):
            break
        node = parent
    return found


def _substantial(element: Element) -> bool:
    """Whether an element holds more than a heading's trimmings: a list or some prose."""
    return element.tag in {"ul", "ol", "li", "p", "table"} or len(element.text().strip()) > 40


def _items(element: Element) -> list[Element]:
    """The list items in an element that are not inside another item."""
    return [e for e in element.iter() if e.tag == "li" and not _inside(e, "li", element)]


def _is_row(element: Element) -> bool:
    """A table row of two or more cells: one ingredient line drawn as amount, unit and name
    in cells of their own ("1 | each | celery stalks"); its cells are read as one line."""
    return (
        element.tag == "tr"
        and len(_cells(element)) >= 2
        and any(cell.tag == "td" for cell in _cells(element))
    )


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if isinstance(c, Element) and c.tag in {"td", "th"}]


def _rows(element: Element) -> list[Element]:
    """The list items, table rows and tick-box rows in an element that are not inside a
    list item."""
    return [
        e
        for e in element.iter()
        if (e.tag == "li" or _is_row(e) or _is_tick_row(e)) and not _inside(e, "li", element)
    ]


def _is_tick_row(element: Element) -> bool:
    """A block drawn as a list item without list markup: a tick box, then the line
    (`<div><input type=checkbox><div>50 g</div><div>vaj</div></div>`). The line's parts
    sit in blocks of their own, so the row's text is read as one line."""
    if element.tag not in {"div", "label", "p", "span"} or len(element.text()) > _SHORT:
        return False
    return any(
        isinstance(child, Element)
        and child.tag == "input"
        and child.get("type").lower() == "checkbox"
        for child in element.children
    ) and bool(element.text().strip())


def _line(item: Element) -> str:
    """A list item's text without the tick box or bullet a recipe card draws before it.

    A table row's cells are joined with single spaces; a cell with no letter or digit
    (a "*" beside a photo icon) is left out.
    """
    if item.tag == "tr":
        cells = (clean_text(cell.text()) for cell in _cells(item))
        return " ".join(cell for cell in cells if any(char.isalnum() for char in cell))
    return _CHECKBOX.sub("", clean_text(_without_separator(item) or item.text()))


def _item_lines(item: Element) -> list[str]:
    """A list item's line; or, for an item that holds a list of its own (a group drawn as
    `<li><h3>Brownies</h3><ul><li>…</li></ul></li>`), the group's heading and its lines."""
    if item.tag != "li":
        return [_line(item)]
    nested = next((e for e in item.iter() if e.tag in {"ul", "ol"}), None)
    if nested is None:
        return [_line(item)]
    head = clean_text(
        "".join(
            c if isinstance(c, str) else c.text()
            for c in item.children
            if isinstance(c, str) or (c is not nested and c.tag not in {"ul", "ol"})
        )
    ).rstrip(":")
    if _AMOUNT_START.match(head):
        return [_line(item)]  # an ingredient with a list of its own (alternatives, notes)
    lines = [f"{head}:"] if head and len(head) <= 80 else []
    for element in item.iter():
        if element.tag == "li" and element is not item and _list_of(element) is nested:
            lines.append(_line(element))
    return lines


_SEPARATOR = {"-", "\u2013", "\u2014", "|", "\u00b7", "\u2022"}


def _without_separator(item: Element) -> str:
    """A list item's text without the dash set between its amount and its name
    (`<li><strong>200g</strong> - <a>rhubarb</a></li>` reads "200g rhubarb"): a glyph
    drawn apart from both, not part of either. Empty when the item is not so drawn."""
    children = [c for c in item.children if not (isinstance(c, str) and not c.strip())]
    if len(children) < 3 or not isinstance(children[0], Element):
        return ""
    first, glyph = children[0], children[1]
    if not isinstance(glyph, str) or glyph.strip() not in _SEPARATOR:
        return ""
    if len(first.text()) > 40 or not _AMOUNT_START.match(first.text().strip()):
        return ""
    rest = "".join(c if isinstance(c, str) else c.text() for c in children[2:])
    return f"{first.text()} {rest}"


def _ingredient_groups(elements: list[Element]) -> list[tuple[str, int | None, list[str]]]:
    container = _class_container(elements, re.compile("ingredient"), measured=True)
    if container is not None:
        lines = [line for part in _alike_siblings(container) for line in _container_lines(part)]
    else:
        lines = _measured_section(_headed(elements, _INGREDIENTS_WORD))
    groups = ingredient_groups([line for line in lines if line])
    return [group for group in groups if not _EQUIPMENT.match(group[0])]


# How many sections named "Ingredients" are read before the first with lines is taken.
_SECTIONS_TRIED = 6


def _measured_section(headings: list[Element]) -> list[str]:
    """The lines of the first section named "Ingredients" whose lines mostly start with an
    amount, else of the first with any lines.

    A blog post often talks the ingredients through under an "Ingredients" heading of
    its own ("Ripe bananas – you want the spotty brown ones") before the recipe card's
    list under the same name ("1 cup mashed overripe bananas"): the card's list, with
    its amounts, is the recipe's. Only the first few such sections are read, so the
    time stays in proportion to the page.
    """
    first: list[str] = []
    for heading in headings[:_SECTIONS_TRIED]:
        found = _section_lines(heading)
        if not found:
            continue
        lines = [line for line in found if not line.endswith(":")]
        if 2 * sum(1 for line in lines if _AMOUNT_START.match(line)) > len(lines):
            return found
        first = first or found
    return first


def _alike_siblings(container: Element) -> list[Element]:
    """The container and its siblings of the same tag and class, in page order.

    Pages draw each ingredient group as a box of its own (`<div class="ingredients-wrap">`
    once per group); the box with the most lines is found first, the others are its
    siblings.
    """
    parent = container.parent
    if parent is None or not container.get("class"):
        return [container]
    return [
        child
        for child in parent.children
        if isinstance(child, Element)
        and child.tag == container.tag
        and child.get("class") == container.get("class")
    ]


def _container_lines(container: Element) -> list[str]:
    lines: list[str] = []
    for element in container.iter():
        if (element.tag == "li" or _is_row(element)) and not _inside(element, "li", container):
            lines.extend(_item_lines(element))
        elif _is_group_heading(element, container):
            title = clean_text(element.text()).rstrip(":")
            if title and not _INGREDIENTS_WORD.match(title):
                lines.append(f"{title}:")
    return lines


def _section_lines(heading: Element) -> list[str]:
    """Ingredient lines after an "Ingredients" heading, through every list in its section.

    Pages often split the ingredients into several lists under sub-headings ("Crosses",
    "Glaze") at the same level as "Ingredients"; the section ends at a heading that names
    something else (the method, notes), or at prose once lines were found.
    """
    lines: list[str] = []
    title = ""
    from_paragraphs = False
    for sibling in _following(heading):
        text = clean_text(sibling.text())
        items = _rows(sibling)
        if _is_heading(sibling) and not items:
            if _ends_ingredients(text):
                break
            title = text.rstrip(":")
        elif _is_tab_list(sibling, items):
            continue  # "US | Metric": switches between the lists that follow
        elif _is_titled_block(sibling, text):
            title = text.rstrip(":")
        elif items and lines and _reads_as_steps([_line(item) for item in items]):
            break  # the method, under a heading no word names ("Recipe", an icon)
        elif items:
            if title:
                lines.append(f"{title}:")
                title = ""
            lines.extend(line for item in items for line in _item_lines(item))
        elif text.endswith(":") and len(text) <= 60:
            if _ends_ingredients(text.rstrip(":")):
                break
            title = text.rstrip(":")
        elif any(_names_a_list(text, word) for word in (_STEPS_WORD, _EQUIPMENT, _ASIDE)):
            break  # the method's name set as plain text ("Sådan gør du")
        elif (not lines or from_paragraphs) and (found := _paragraph_lines(sibling)):
            # Lines written as paragraphs: one line each, or lines broken by <br>.
            if title:
                lines.append(f"{title}:")
                title = ""
            lines.extend(found)
            from_paragraphs = True
        elif text and lines:
            break
    return lines


# A class naming a block as a title: "recipe-ingredients__title", "group-title".
_TITLE_CLASS = re.compile(r"[-_]title\b")


def _is_titled_block(element: Element, text: str) -> bool:
    """A short block among ingredient lines whose class calls it a title or heading: a
    group's name set as a line of its own ("Apple slaw" above the slaw's lines)."""
    classes = element.get("class").lower()
    return (
        element.tag in {"div", "p", "span", "h6", "h5", "h4", "h3", "strong"}
        and 0 < len(text) <= 80
        and bool(_TITLE_CLASS.search(classes) or _GROUP_CLASS.search(classes))
        and not _AMOUNT_START.match(text)
        and not any(e.tag == "li" for e in element.iter())
    )


def _is_tab_list(element: Element, items: list[Element]) -> bool:
    """A row of tabs ("US", "Metric") that switches between the lists after it: marked as
    a tab list, or every item a link to a part of the same page."""
    if element.get("role").lower() == "tablist":
        return True
    if not items:
        return False
    for item in items:
        links = [e for e in item.iter() if e.tag in {"a", "button"}]
        if not links or not all(
            link.get("role").lower() == "tab" or link.get("href").startswith("#") for link in links
        ):
            return False
    return True


def _reads_as_steps(lines: list[str]) -> bool:
    """Whether a list's lines are sentences (the method), not ingredient lines: long on
    average, most of them ending as a sentence ends, and most not opening with an amount."""
    if len(lines) < 2:
        return False
    ended = sum(1 for line in lines if line.rstrip().endswith((".", "!", "?")))
    amounts = sum(1 for line in lines if _AMOUNT_START.match(line))
    return (
        sum(map(len, lines)) / len(lines) >= _STEP_LENGTH
        and 2 * ended > len(lines)
        and 2 * amounts <= len(lines)
    )


# A paragraph holding ingredient lines is no longer than this, and none of its lines is
# longer than a line of prose.
_PARAGRAPH_LIMIT = 4000
_LINE_LIMIT = 100


def _paragraph_lines(element: Element) -> list[str]:
    """The lines of a paragraph that is a list written without list markup.

    Pages without a recipe plugin write the ingredients as a paragraph of lines broken
    by <br>, or one short paragraph per line. A line bold all through ("Meatballs") names
    a group. A paragraph with a line of prose in it is not a list.
    """
    raw = element.text()
    if element.tag not in {"p", "div"} or len(raw) > _PARAGRAPH_LIMIT:
        return []
    if any(e.tag in {"button", "input", "select"} for e in element.iter()):
        return []  # a control ("− 2 servings +"), not a list
    lines = clean_text(raw, keep_lines=True).splitlines()
    if not lines or any(len(line) > _LINE_LIMIT for line in lines):
        return []
    bold = {clean_text(e.text()).rstrip(" :") for e in element.iter() if e.tag in {"strong", "b"}}
    return [f"{line.rstrip(' :')}:" if line.rstrip(" :") in bold else line for line in lines]


def _ends_ingredients(heading: str) -> bool:
    return any(pattern.search(heading) for pattern in (_STEPS_WORD, _EQUIPMENT, _ASIDE, _MAKING))


def _is_group_heading(element: Element, container: Element) -> bool:
    if _inside(element, "li", container):
        return False
    if element.tag in _HEADINGS:
        return True
    return (
        element.tag in {"div", "p", "span", "strong"}
        and bool(_GROUP_CLASS.search(element.get("class").lower()))
        and not any(child.tag == "li" for child in element.iter())
    )


def _inside(element: Element, tag: str, container: Element) -> bool:
    parent = element.parent
    while parent is not None and parent is not container:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _page_steps(elements: list[Element]) -> list[tuple[str, list[str]]]:
    """The page's method as (sub-heading, steps) sections; [] when none is found."""
    container = _class_container(elements, _STEP_CLASS)
    if container is not None:
        found = _titled_lists([container]) or _untitled(
            _step_texts([e for e in container.iter() if e.tag == "p"])
        )
        if found:
            return found
    headed = _headed(elements, _STEPS_WORD, _MAKING, _STEPS_LAST_WORD)
    # A heading that is only the method's name ("Instructions") heads the recipe's own
    # method; one that says more ("How to Make Vegan Jambalaya") is often the post's
    # walk-through before the recipe, and is read only when no such heading has steps.
    named = [heading for heading in headed if _names_the_method(heading)]
    for heading in named + [heading for heading in headed if not _names_the_method(heading)]:
        steps = _section_steps(heading)
        if steps:
            return steps
    return []


def _names_the_method(heading: Element) -> bool:
    """Whether a heading is nothing but the method's name ("Instructions", "Zubereitung")."""
    text = clean_text(heading.text()).rstrip(" :")
    match = _STEPS_WORD.match(text)
    return match is not None and _names_only(match, text)


def _untitled(steps: list[str]) -> list[tuple[str, list[str]]]:
    return [("", steps)] if steps else []


def _titled_lists(blocks: list[Element]) -> list[tuple[str, list[str]]]:
    """The list items in the blocks, grouped under the headings between them ("1. Do some
    prep:", a list, "2. Make the meringue:", a list): each heading titles the items after
    it. Each element is looked at once.

    A heading only over all the steps titles the method, not a part of it ("How to make
    it"), and so do headings that only number a step ("Step 2") or name an aside
    ("Notes"): those items stay with the steps before them, untitled.
    """
    parts: list[tuple[str, list[Element]]] = [("", [])]
    method_level = 0  # the rank of the method's own heading ("Directions"), once seen
    # Items inside an item, and headings inside one, by the item that holds them.
    inner: dict[int, list[Element]] = {}
    inner_headings: dict[int, list[Element]] = {}
    for block, element in ((b, e) for b in blocks for e in b.iter()):
        if element.tag not in _HEADINGS and element.tag != "li":
            continue
        holder = _holding_item(element, block)
        if holder is not None:
            held = inner if element.tag == "li" else inner_headings
            held.setdefault(id(holder), []).append(element)
            continue
        if element.tag == "li":
            parts[-1][1].append(element)
            continue
        title = clean_text(element.text()).rstrip(" :")
        if _INGREDIENTS_WORD.match(title) or _EQUIPMENT.match(title):
            break  # the method is over: another list begins
        if _ASIDE.match(title) and any(items for _, items in parts):
            break  # an aside after the steps ends them ("Recipe Variations", "More recipes")
        if not method_level and (_STEPS_WORD.match(title) or _MAKING.search(title)):
            method_level = _level(element)
            if _STEPS_WORD.match(title) or _STEPS_LAST_WORD.search(title):
                continue  # the method's own heading ("Steps to Make It") is no part's name
        if _part_title(title):
            parts.append((title, []))
    parts = _unwrapped(parts, inner, inner_headings)
    # The items are read as one list (a page numbers its steps on through its parts),
    # then dealt back to their parts.
    texts = _item_steps([item for _, items in parts for item in items])
    sections: list[tuple[str, list[str]]] = []
    start = 0
    for title, items in parts:
        steps = [text for pieces in texts[start : start + len(items)] for text in pieces]
        start += len(items)
        if steps:
            sections.append((title, steps))
    if len(sections) == 1:
        return _untitled(sections[0][1])
    return sections


def _holding_item(element: Element, block: Element) -> Element | None:
    """The outermost list item inside the block that holds the element, if any (a step
    list's items are its outermost ones; the items and headings inside them are looked at
    by _unwrapped). Walks up once per element, as _inside does."""
    holder = None
    parent = element.parent
    while parent is not None and parent is not block:
        if parent.tag == "li":
            holder = parent
        parent = parent.parent
    return holder


def _unwrapped(
    parts: list[tuple[str, list[Element]]],
    inner: dict[int, list[Element]],
    inner_headings: dict[int, list[Element]],
) -> list[tuple[str, list[Element]]]:
    """The parts with each item that only wraps a list replaced by that list's items.

    Step lists are often nested: a list of parts, each item a heading over a list of its
    steps ("Brownies", then its steps; "Fudgey Icing", then its own), or a single item
    holding the whole numbered list. Such an item is no step: its heading, when it has
    one, titles the items it holds. An item with text of its own beside its inner list
    (a step with a list of sub-points) stays one step.
    """
    unwrapped: list[tuple[str, list[Element]]] = []
    for title, items in parts:
        unwrapped.append((title, []))
        for item in items:
            held = [li for li in inner.get(id(item), []) if _holding_item_below(li, item) is None]
            headings = inner_headings.get(id(item), [])
            heading = clean_text(headings[0].text()).rstrip(" :") if headings else ""
            own = len(_loose(item.text())) - sum(len(_loose(li.text())) for li in held)
            if not held or len(headings) > 1 or own > len(_loose(heading)):
                unwrapped[-1][1].append(item)
                continue
            if heading and _part_title(heading):
                unwrapped.append((heading, list(held)))
                unwrapped.append((title, []))
            else:
                unwrapped[-1][1].extend(held)
    return [(title, items) for title, items in unwrapped if items]


def _holding_item_below(element: Element, top: Element) -> Element | None:
    """The list item between the element and `top` that holds it, if any."""
    parent = element.parent
    while parent is not None and parent is not top:
        if parent.tag == "li":
            return parent
        parent = parent.parent
    return None


# A heading that only numbers a step ("Step 2", "Schritt 3", "2").
_NUMBERING_HEADING = re.compile(r"(?i)^(step|schritt|stap|étape|paso|passo|etapa)?\s*\d*[.:]?$")


def _part_title(title: str) -> bool:
    return bool(title) and not (_NUMBERING_HEADING.match(title) or _ASIDE.match(title))


def _section_steps(heading: Element) -> list[tuple[str, list[str]]]:
    """The steps after a method heading: its lists' items, or else its paragraphs.

    The section ends at the next heading as high as this one; lower headings between
    its lists title the steps after them. A paragraph bold all through is a label (a
    photo credit, a sub-heading), not a step.
    """
    level = _level(heading)
    blocks: list[Element] = []
    paragraphs: list[Element] = []
    following = _following(heading)
    for sibling in following:
        if _is_heading(sibling) and _level(sibling) <= level:
            break
        blocks.append(sibling)
        # Paragraphs, the heading's siblings or wrapped in a block of their own.
        paragraphs.extend(e for e in sibling.iter() if e.tag == "p" and not _is_heading(e))
    found = _titled_lists(blocks)
    if found:
        return found
    prose = _untitled(_step_texts(paragraphs))
    return prose + _stages(following[len(blocks) :], heading) if prose else []


def _stages(siblings: list[Element], method: Element) -> list[tuple[str, list[str]]]:
    """Further stages of a method written as prose, each under a heading of the method
    heading's own tag ("Abrikozenvlaai maken", then "Abrikozenvlaai bakken").

    A stage is read only while it holds nothing but paragraphs (and pictures) that read
    as steps; a heading naming an aside, the ingredients or the equipment, a list, a
    table or a short paragraph ends the method.
    """
    stages: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(siblings) and siblings[index].tag == method.tag:
        title = clean_text(siblings[index].text()).rstrip(" :")
        if not _part_title(title) or _EQUIPMENT.match(title) or _INGREDIENTS_WORD.match(title):
            break
        paragraphs: list[Element] = []
        index += 1
        while index < len(siblings) and not (
            _is_heading(siblings[index]) and _level(siblings[index]) <= _level(method)
        ):
            sibling = siblings[index]
            if any(e.tag in {"li", "table"} for e in sibling.iter()):
                return stages
            if sibling.tag == "p" and not _is_heading(sibling):
                paragraphs.append(sibling)
            index += 1
        steps = _step_texts(paragraphs)
        if not steps or min(map(len, steps)) < _STEP_LENGTH:
            break
        stages.append((title, steps))
    return stages


def _step_texts(elements: list[Element]) -> list[str]:
    """The elements' texts that are steps (not empty, not a share button or heading).

    An item holding the next numbered step too ("6. Preheat … 7. Bake …" after steps
    1 to 5) is split at that number.
    """
    return [text for pieces in _item_steps(elements) for text in pieces]


def _item_steps(elements: list[Element]) -> list[list[str]]:
    """The steps in each element, one list per element (see _step_texts)."""
    kept = [e for e in elements if not _link_item(e)]
    lines = iter(_without_counter([_step_item_lines(e) for e in kept]))
    texts: list[str] = []
    found: list[list[str]] = []
    for element in elements:
        if _link_item(element):
            found.append([])
            continue
        pieces = split_numbered(next(lines), first=_next_number(texts))
        texts.extend(pieces)
        found.append([text for text in pieces if text and not NOT_A_STEP.match(text)])
    return found


def _link_item(element: Element) -> bool:
    """A list item that only links elsewhere ("Summer", "Main Meals", a card to another
    recipe): a menu or a tag list beside the method, never a step."""
    return element.tag == "li" and _all_links(element)


def _all_links(element: Element) -> bool:
    """Whether all of an element's text is link text ("more recipes >>>")."""
    text = _loose(element.text())
    if not text:
        return False
    linked = sum(len(_loose(e.text())) for e in element.iter() if e.tag == "a")
    return linked >= len(text)


_LEADING_NUMBER = re.compile(r"(\d{1,2})[.)]?\s")


def _next_number(texts: list[str]) -> int:
    """The number the next step would carry if the steps so far are numbered as text."""
    found = _LEADING_NUMBER.match(texts[-1]) if texts else None
    return int(found.group(1)) + 1 if found else 1


def _step_item_lines(element: Element) -> list[str]:
    """A step item's lines, without the blocks closing it that only link elsewhere (a
    heading of "more recipes >>>" links after the last step's text)."""
    children = element.children
    end = len(children)
    while end and _closing_trimming(children[end - 1]):
        end -= 1
    pictured = _holding_pictures(element)
    if (end == len(children) or not end) and not pictured:
        return clean_text(element.text(), keep_lines=True).splitlines()
    raw = _text_beside_pictures(children[: end or len(children)], pictured)
    return clean_text(raw, keep_lines=True).splitlines()


# A picture and its caption: what the photo shows and who took it ("The Spruce Eats /
# Julia Hartbeck"), never what the cook does.
_PICTURES = {"figure", "figcaption", "picture"}


def _aside_of_step(element: Element) -> bool:
    """A picture, or a block listing the ingredients a step uses (WP Recipe Maker sets
    "2 tablespoons olive oil" under the step's text in a box of that class): shown with
    the step, but not what it says to do. Inline marks on an ingredient's name inside
    the text (a span) stay."""
    if element.tag in _PICTURES:
        return True
    return element.tag in BLOCKS and "ingredient" in element.classes


def _holding_pictures(element: Element) -> set[int]:
    """The ids of the elements inside `element` (and itself) that hold a picture or a
    step's ingredient box; each element is visited once, walking up from each only to a
    holder already seen."""
    holders: set[int] = set()
    for inner in element.iter():
        if inner is element or not _aside_of_step(inner):
            continue
        parent = inner.parent
        while parent is not None and id(parent) not in holders:
            holders.add(id(parent))
            if parent is element:
                break
            parent = parent.parent
    return holders


def _text_beside_pictures(children: list[Element | str], pictured: set[int]) -> str:
    """The text of the children, less their pictures and captions (line breaks kept where
    blocks part it, as Element.text() keeps them)."""
    pieces: list[str] = []
    pending: list[Element | str] = list(reversed(children))
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            pieces.append(node)
        elif _aside_of_step(node):
            pieces.append("\n")
        elif id(node) not in pictured:
            pieces.append(node.text())
        else:
            edge = "\n" if node.tag in BLOCKS else ""
            pieces.append(edge)
            pending.append(edge)
            pending.extend(reversed(node.children))
    return "".join(pieces)


def _closing_trimming(child: Element | str) -> bool:
    """Blank text, or a block that only links elsewhere."""
    if isinstance(child, str):
        return not child.strip()
    return child.tag in BLOCKS and _all_links(child)


_COUNTER = re.compile(r"\d{1,2}[.)]?")


def _without_counter(items: list[list[str]]) -> list[str]:
    """Each item's text without the number a page draws apart before it (a "1" in a
    badge of its own, on its own line), which is the list's numbering, not the step.

    Only when every step starts with its own number so drawn, counting up from 1. A
    number written on the step's own line ("1 Prak de tofu", "1- Versez") is the text
    the page shows and is kept, as is a lone step starting with a number.
    """
    drawn = len(items) >= 2 and all(
        len(lines) >= 2 and _COUNTER.fullmatch(lines[0]) and int(lines[0].rstrip(".)")) == index
        for index, lines in enumerate(items, start=1)
    )
    if drawn:
        return [" ".join(lines[1:]) for lines in items]
    if _labelled(items):
        return [
            " ".join([_STEP_LABEL.sub("", lines[0], count=1), *lines[1:]]).strip()
            for lines in items
        ]
    return [" ".join(lines) for lines in items]


# A step's label, drawn before its text as the list's numbering: "Step 1", "STEP 2:",
# "Schritt 3", "Étape 4" (often in a span of its own, so fused: "Step 1Preheat").
_STEP_LABEL = re.compile(
    r"(?i)^(?:step|schritt|stap|[ée]tape|paso|passo|etapa|krok|trin|steg|vaihe|korak|"
    r"adım|lépés)\s*(\d{1,2})(?!\d)[.:)\-–]?\s*"
)


def _labelled(items: list[list[str]]) -> bool:
    """Whether every item opens with a step label counting up from 1 (again from 1 where
    a new part starts its own count, "Brownies: Step 1, 2; Icing: Step 1")."""
    if len(items) < 2:
        return False
    previous = 0
    for lines in items:
        label = _STEP_LABEL.match(lines[0]) if lines else None
        if label is None or int(label.group(1)) not in {1, previous + 1}:
            return False
        previous = int(label.group(1))
    return True


def _level(element: Element) -> int:
    """A heading's rank (h1 = 1); bold lines rank below every heading tag."""
    return int(element.tag[1]) if element.tag in _HEADINGS else 7


def _card_fields(elements: list[Element]) -> tuple[dict[str, int], str]:
    """Times and yield from a recipe card's labelled fields ("Prep Time 20 mins", "Serves 4").

    A label is an element whose whole text is the field's name; its value is the text
    after it in its parent (or a parent's parent, for a label wrapped on its own).
    """
    minutes: dict[str, int] = {}
    yield_text = ""
    for element in elements:
        raw = element.text()
        if element.tag not in _LABEL_TAGS or len(raw) > _SHORT or not raw.strip():
            continue
        label = clean_text(element.text()).rstrip(" :")
        if not label or len(label) > 40:
            continue
        key = next((k for k, pattern in _TIME_LABELS.items() if pattern.match(label)), None)
        if key and key not in minutes:
            found = _card_minutes(_value_after(element))
            if found is not None:
                minutes[key] = found
        elif not yield_text and _YIELD_LABEL.match(label):
            value = _value_after(element)
            if re.search(r"\d", value[:40]):
                yield_text = value
    return minutes, yield_text


def _value_after(label: Element) -> str:
    """The text following a label up to the next label, climbing out of its wrappers."""
    node = label
    for _ in range(3):
        parent = node.parent
        if parent is None:
            return ""
        index = next(i for i, child in enumerate(parent.children) if child is node)
        rest = "".join(c if isinstance(c, str) else c.text() for c in parent.children[index + 1 :])
        lines: list[str] = []
        for line in clean_text(rest, keep_lines=True).splitlines()[:3]:
            if _is_label(line.rstrip(" :")):
                break
            lines.append(line)
        if lines:
            return " ".join(lines)
        node = parent
    return ""


def _is_label(text: str) -> bool:
    return bool(_YIELD_LABEL.match(text)) or any(p.match(text) for p in _TIME_LABELS.values())


def _card_minutes(text: str) -> int | None:
    """Minutes in the first duration written out ("1 hour 20 minutes"), ignoring what follows."""
    total: int | None = None
    end: int | None = None
    for piece in WORDY_DURATION.finditer(text):
        if end is not None and not _JOINER.fullmatch(text[end : piece.start()]):
            break
        total = (total or 0) + (parse_duration(piece.group()) or 0)
        end = piece.end()
    return total
