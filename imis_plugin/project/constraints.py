"""The database's CHECK constraints as QGIS field constraints, with messages people can act on.

The database stays the guard; the form only warns earlier. A CHECK whose SQL has no QGIS equivalent
(geometry validity, array operators) is left to the server, whose trigger messages are readable too.
"""

from __future__ import annotations

import re

from qgis.PyQt.QtCore import QCoreApplication

from .catalog import Check

#: SQL functions/operators a translated expression may not contain (no QGIS equivalent with SQL meaning).
_UNSUPPORTED = re.compile(r"\bst_\w+|\bcardinality\b|<@|@>|\bARRAY\[(?!')", re.IGNORECASE)
_STRING = re.compile(r"'(?:[^']|'')*'")
_TOKEN = re.compile(
    r"'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*|::[a-z_]+(?: varying)?(?:\[\])?|\d+(?:\.\d+)?"
    r"|>=|<=|<>|!=|\S"
)
_SQL_WORDS = {
    "and",
    "or",
    "not",
    "is",
    "null",
    "true",
    "false",
    "in",
    "like",
    "ilike",
    "coalesce",
    "trim",
    "between",
    "regexp_match",
    "lower",
    "upper",
    "length",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ImisForms", text)


def sql_to_expression(definition: str, columns: set[str]) -> str | None:
    """`CHECK ((volume_m3 > (0)::numeric))` -> `"volume_m3" > (0)`; None when QGIS cannot say the same."""
    body = definition.strip()
    if not body.upper().startswith("CHECK"):
        return None
    body = body[5:].strip()
    if body.endswith("NOT VALID"):
        body = body[: -len("NOT VALID")].strip()
    if _UNSUPPORTED.search(_STRING.sub("''", body)):
        return None
    # x = ANY (ARRAY['a'::text, 'b'::text])  ->  x IN ('a', 'b')
    body = re.sub(r"=\s*ANY\s*\(ARRAY\[(.*?)\]\)", lambda m: "IN (" + m.group(1) + ")", body)
    out = []
    tokens = _TOKEN.findall(body)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("::"):
            pass  # casts carry no meaning for QGIS
        elif token.startswith("'"):
            # standard SQL strings keep backslashes literally; QGIS strings treat them as escapes
            out.append(token.replace("\\", "\\\\"))
        elif token == "~" and out:
            # col ~ 'regex'  ->  regexp_match(col, 'regex')
            operand = out.pop()
            pattern = tokens[i + 1].replace("\\", "\\\\")
            out.append(f"regexp_match({operand}, {pattern})")
            i += 1
            while i + 1 < len(tokens) and tokens[i + 1].startswith("::"):
                i += 1
        elif token.lower() == "btrim":
            out.append("trim")
        elif re.match(r"[A-Za-z_]", token):
            if token in columns:
                out.append(f'"{token}"')
            elif token.lower() in _SQL_WORDS:
                out.append(
                    token.upper()
                    if token.lower() in {"and", "or", "not", "is", "null", "in"}
                    else token.lower()
                )
            else:
                return None  # a function or name QGIS does not know
        else:
            out.append(token)
        i += 1
    expression = " ".join(out)
    expression = re.sub(r"\( ", "(", expression)
    expression = re.sub(r" \)", ")", expression)
    expression = re.sub(r" , ", ", ", expression)
    expression = re.sub(r"\b(trim|coalesce|regexp_match|lower|upper|length) \(", r"\1(", expression)
    # SQL passes a CHECK whose result is NULL; QGIS would fail it
    return f"coalesce({expression}, true)"


_SUFFIX_MESSAGES = (
    ("_not_blank", "{field} cannot be blank"),
    ("_positive", "{field} must be greater than 0"),
    ("_not_negative", "{field} cannot be negative"),
    ("_at_least_one", "{field} must be at least 1"),
    ("_phone_format", "{field}: digits, spaces or dashes, with an optional leading + (6 to 20 characters)"),
    ("_email_format", "{field}: an e-mail address such as name@example.org"),
    ("_national_id_format", "{field}: 10, 13 or 17 digits"),
)

#: Messages of rules whose name alone does not say enough.
_NAMED_MESSAGES = {
    "ck_holding_code_standard_or_legacy": "Holding code: use the standard form XX-XXX-XXXX-XX (ward-zone-holding-"
    "extension), or tick “Legacy code”",
    "ck_building_population_sum": "Population must equal female + male + other population",
    "ck_building_use_category_needs_functional_use": "Choose the functional use before the use category",
    "ck_building_construction_year_plausible": "Construction year must be between 1800 and 2100",
    "ck_application_building_or_holding": "An application needs a building or a holding",
    "ck_application_cancel_reason_only_if_cancelled": "A cancel reason is only for cancelled applications",
    "ck_feedback_satisfaction_1_to_5": "Satisfaction is a score from 1 (poor) to 5 (excellent)",
    "ck_plant_test_ph_range": "pH must be between 0 and 14",
    "ck_road_carrying_width_within_width": "The carrying width cannot exceed the road width",
    "ck_emptying_end_after_start": "The end time must be after the start time",
    "ck_disposal_exit_after_entry": "The exit time must be after the entry time",
}


def message(check: Check, table: str, alias) -> str:
    """A readable message for a CHECK constraint: `alias(column)` gives a field's label."""
    if check.name in _NAMED_MESSAGES:
        return tr(_NAMED_MESSAGES[check.name])
    first = alias(check.columns[0]) if check.columns else ""
    for suffix, template in _SUFFIX_MESSAGES:
        if check.name.endswith(suffix):
            return tr(template).format(field=first)
    # ordered(): ck_<table>_<later>_after_<earlier> / ck_<table>_left_after_joined ...
    if len(check.columns) == 2 and "_after_" in check.name:
        later, earlier = _ordered_columns(check)
        return tr("{later} cannot be before {earlier}").format(later=alias(later), earlier=alias(earlier))
    rule = check.name.removeprefix("ck_").removeprefix(table + "_").replace("_", " ")
    return tr("Rule “{rule}” is not met").format(rule=rule)


def _ordered_columns(check: Check) -> tuple[str, str]:
    """(later, earlier) of a `later >= earlier` CHECK."""
    match = re.search(r"\(\((\w+) >=? (\w+)\)\)", check.definition)
    if match:
        return match.group(1), match.group(2)
    return check.columns[0], check.columns[1]
