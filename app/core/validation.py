"""Pydantic's validation errors as Werkpad field errors: a stable ``code`` and its ``params``.

Pydantic names each error by a ``type`` (``missing``, ``string_too_long`` ...) with the numbers
in ``ctx``; the API promises its own, smaller list of codes (see app/core/errors.py), so a
Pydantic upgrade or a new constraint does not change what a client has to translate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.core.errors import CodedValueError, FieldError, ParamValue

# Pydantic type → (our code, {our param: Pydantic's ctx key}).
_BY_TYPE: dict[str, tuple[str, dict[str, str]]] = {
    "missing": ("required", {}),
    "extra_forbidden": ("unknown_field", {}),
    "string_too_long": ("too_long", {"max": "max_length"}),
    "string_too_short": ("too_short", {"min": "min_length"}),
    "too_long": ("too_many_items", {"max": "max_length"}),
    "too_short": ("too_few_items", {"min": "min_length"}),
    "greater_than_equal": ("too_small", {"min": "ge"}),
    "less_than_equal": ("too_large", {"max": "le"}),
    "greater_than": ("must_be_above", {"limit": "gt"}),
    "less_than": ("must_be_below", {"limit": "lt"}),
    "string_pattern_mismatch": ("bad_format", {}),
    "string_type": ("not_text", {}),
    "string_unicode": ("invalid_unicode", {}),
    "int_type": ("not_an_integer", {}),
    "int_parsing": ("not_an_integer", {}),
    "int_from_float": ("not_an_integer", {}),
    "float_type": ("not_a_number", {}),
    "float_parsing": ("not_a_number", {}),
    "finite_number": ("number_out_of_range", {}),
    "decimal_type": ("not_a_number", {}),
    "decimal_parsing": ("not_a_number", {}),
    "decimal_max_places": ("too_many_decimals", {"max": "decimal_places"}),
    "decimal_max_digits": ("too_many_digits", {"max": "max_digits"}),
    "decimal_whole_digits": ("too_many_digits", {"max": "whole_digits"}),
    "bool_type": ("not_a_boolean", {}),
    "bool_parsing": ("not_a_boolean", {}),
    "date_type": ("not_a_date", {}),
    "date_parsing": ("not_a_date", {}),
    "date_from_datetime_parsing": ("not_a_date", {}),
    "date_from_datetime_inexact": ("not_a_date", {}),
    "datetime_type": ("not_a_datetime", {}),
    "datetime_parsing": ("not_a_datetime", {}),
    "datetime_from_date_parsing": ("not_a_datetime", {}),
    "datetime_object_invalid": ("not_a_datetime", {}),
    "timezone_aware": ("not_a_datetime", {}),
    "uuid_type": ("not_a_uuid", {}),
    "uuid_parsing": ("not_a_uuid", {}),
    "uuid_version": ("not_a_uuid", {}),
    "list_type": ("not_a_list", {}),
    "set_type": ("not_a_list", {}),
    "tuple_type": ("not_a_list", {}),
    "dict_type": ("not_an_object", {}),
    "model_type": ("not_an_object", {}),
    "model_attributes_type": ("not_an_object", {}),
    "json_invalid": ("invalid_json", {}),
    "json_type": ("invalid_json", {}),
}
_CHOICE_TYPES = {"literal_error", "enum"}
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _simple(value: Any) -> ParamValue:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _allowed(expected: Any) -> str | None:
    """Pydantic writes the choices as "'a', 'b' or 'c'": keep the values, not the English."""
    if not isinstance(expected, str):
        return None
    values = _QUOTED.findall(expected)
    return ", ".join(values) if values else None


def code_for(issue: Mapping[str, Any]) -> tuple[str, dict[str, ParamValue]]:
    """The code and params of one Pydantic error (an item of ``ValidationError.errors()``)."""
    kind = str(issue.get("type", ""))
    ctx: Mapping[str, Any] = issue.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        if isinstance(error, CodedValueError):
            return error.code, dict(error.params)
        if "email address" in str(issue.get("msg", "")):
            return "invalid_email", {}
        return "invalid", {}
    if kind in _CHOICE_TYPES:
        allowed = _allowed(ctx.get("expected"))
        return "not_allowed", ({"allowed": allowed} if allowed else {})
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "blank", {}
    code, names = _BY_TYPE.get(kind, ("invalid", {}))
    params = {ours: _simple(ctx[theirs]) for ours, theirs in names.items() if theirs in ctx}
    return code, params


def field_name(location: Sequence[int | str]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def field_errors(issues: Sequence[Mapping[str, Any]]) -> list[FieldError]:
    """Pydantic's errors as field errors, Pydantic's message kept as the English text."""
    errors = []
    for issue in issues:
        code, params = code_for(issue)
        errors.append(
            FieldError(
                field_name(tuple(issue.get("loc", ()))),
                str(issue.get("msg", "invalid")),
                code,
                params,
            )
        )
    return errors
