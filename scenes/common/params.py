"""Scene parameters and variant files: the schema machinery, the loader, the hand-over.

A parametric scene declares its parameters once, as a frozen dataclass whose
defaults are the course example (``scenes/common/schemas.py``); fields are made
with :func:`param`, which records the kind, bounds and description that
``make params`` prints and the README reference is generated from.

A variant is a TOML file::

    scene = "DeltaMethod"
    name = "cubic"

    [params]
    f = "x^3 - 3x"

:func:`load_variant` reads one and refuses, with a message naming the parameter,
unknown or missing keys, wrong types, values out of bounds and (through the
schema's ``check``) functions or data the scene cannot use. A variant is
untrusted: expressions are read by :func:`mathkit.expr.parse`, which refuses one
over its bounds before sympy evaluates it, and CSV files by
:func:`mathkit.guard.read_scores_csv`.

A scene reads ``self.params`` (see ``scenes/common/base.py``): the parameters of
the variant named by the ``LECTURE_VARIANT`` environment variable when it is for
this scene, otherwise the defaults. Nothing here imports manim.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Final, Self

ENV_VAR: Final = "LECTURE_VARIANT"
"""Environment variable naming the variant file a render subprocess uses."""
STOP_AFTER_ENV: Final = "LECTURE_STOP_AFTER"
"""A beat name: the render ends when that beat does (a section still, tools.render)."""
BEATS_FILE_ENV: Final = "LECTURE_BEATS_FILE"
"""Where a render writes the beats it has begun (JSON list), for the caller to check."""
MAX_FILE_BYTES: Final = 64 * 1024
"""Largest variant TOML file."""
NAME_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
"""A variant's name: it becomes part of file names (``DeltaMethod--cubic.mp4``)."""
TOP_LEVEL: Final = ("scene", "name", "params")
KINDS: Final = ("expr", "number", "numbers", "range", "csv")


class ParamError(ValueError):
    """A parameter value the scene refuses; ``param`` names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"parameter {param!r} {message}")
        self.param = param


class VariantError(ValueError):
    """A variant file that cannot be used (unreadable, bad keys, bad parameter)."""


# -- declaring parameters -----------------------------------------------------------------
def param(
    default: Any = dataclasses.MISSING,
    description: str = "",
    *,
    kind: str,
    lo: float | None = None,
    hi: float | None = None,
    length: int | None = None,
    required: bool = False,
    derived: bool = False,
    factory: Callable[[], Any] | None = None,
    shown: str | None = None,
    variables: tuple[str, ...] = ("x",),
    columns: tuple[str, ...] = ("label", "score"),
) -> Any:
    """A schema field with its metadata.

    ``kind`` is one of: ``expr`` (an expression in x, as a string), ``number`` (a
    TOML number, or a string of constants such as ``"pi/2"``), ``numbers`` (an
    array of ``length`` numbers), ``range`` (``[start, end, step]`` of an axis),
    ``csv`` (a path, relative to the variant file, to a ``label,score`` CSV).
    ``lo``/``hi`` bound numbers (each element of an array). ``required``
    parameters must appear in every variant; ``derived`` ones are computed by the
    schema's ``complete`` and cannot be set. ``shown`` describes the default
    where its value is too big to print (a data set). ``variables`` are the
    names an ``expr`` may use (``("x", "y")`` for f(x, y)); ``columns`` the
    header of a ``csv`` (``("x", "y")`` for data points, read by
    :func:`mathkit.guard.read_points_csv`).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown parameter kind {kind!r}")
    meta = {
        "kind": kind,
        "lo": lo,
        "hi": hi,
        "length": length,
        "required": required,
        "derived": derived,
        "description": description,
        "shown": shown,
        "variables": variables,
        "columns": columns,
    }
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True)
class Spec:
    """One parameter as ``make params`` shows it."""

    name: str
    kind: str
    type: str
    default: str
    bounds: str
    description: str
    required: bool
    derived: bool


class Schema:
    """Base of the scene parameter dataclasses (declare fields with :func:`param`).

    Subclasses set ``scene`` and may override :meth:`check` (refuse what the scene
    cannot draw, naming the parameter) and :meth:`complete` (fill derived fields).
    """

    scene: ClassVar[str] = ""

    def check(self) -> None:
        """Refuse values the scene cannot use: raise :class:`ParamError`."""

    def complete(self, given: frozenset[str]) -> Self:
        """Fill derived fields for a variant that set the parameters in ``given``."""
        return self


def _type_name(
    kind: str,
    length: int | None,
    variables: tuple[str, ...] = ("x",),
    columns: tuple[str, ...] = ("label", "score"),
) -> str:
    return {
        "expr": f"expression in {', '.join(variables)} (string)",
        "number": "number",
        "numbers": f"array of {length} numbers",
        "range": "[start, end, step]",
        "csv": f"path to a {','.join(columns)} CSV",
    }[kind]


def _show(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def specs(schema: type[Schema]) -> list[Spec]:
    """The parameters of ``schema`` with type, default, bounds and description."""
    out = []
    defaults = schema()
    for f in dataclasses.fields(schema):  # type: ignore[arg-type]
        m = f.metadata
        lo, hi = m["lo"], m["hi"]
        bounds = ""
        if m["kind"] == "expr":
            from mathkit.expr import MAX_LENGTH

            bounds = f"<= {MAX_LENGTH} characters (mathkit.expr bounds)"
        elif m["kind"] == "csv":
            from mathkit.guard import MAX_ROWS

            bounds = f"<= {MAX_ROWS:,} rows"
        elif lo is not None and hi is not None:
            bounds = f"{lo:g} to {hi:g}"
        elif lo is not None:
            bounds = f">= {lo:g}"
        elif hi is not None:
            bounds = f"<= {hi:g}"
        out.append(
            Spec(
                name=f.name,
                kind=m["kind"],
                type=_type_name(m["kind"], m["length"], m["variables"], m["columns"]),
                default=m["shown"] or _show(getattr(defaults, f.name)),
                bounds=bounds,
                description=m["description"],
                required=m["required"],
                derived=m["derived"],
            )
        )
    return out


# -- converting TOML values ---------------------------------------------------------------
def _number(name: str, value: Any, lo: float | None, hi: float | None) -> float:
    if isinstance(value, bool):
        raise ParamError(name, f"must be a number, got a boolean ({value!r})")
    if isinstance(value, str):
        from mathkit.expr import parse

        try:
            number = float(parse(value, ()))
        except (ValueError, TypeError) as exc:
            raise ParamError(
                name, f"must be a number or constant expression: {value!r} {exc}"
            ) from None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ParamError(
            name, f"must be a number, got {type(value).__name__} {value!r}"
        )
    if not math.isfinite(number):
        raise ParamError(name, f"must be finite, got {value!r}")
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        raise ParamError(
            name,
            f"is {number:g}, outside its bounds {_bounds(lo, hi)}",
        )
    return number


def _bounds(lo: float | None, hi: float | None) -> str:
    return (
        f"[{'-inf' if lo is None else f'{lo:g}'}, {'inf' if hi is None else f'{hi:g}'}]"
    )


def convert(schema: type[Schema], name: str, value: Any, base: Path | None) -> Any:
    """The TOML ``value`` of parameter ``name`` as the schema's type (or ParamError)."""
    field = {f.name: f for f in dataclasses.fields(schema)}[name]  # type: ignore[arg-type]
    m = field.metadata
    kind, lo, hi = m["kind"], m["lo"], m["hi"]
    if kind == "expr":
        from mathkit.expr import parse

        variables = m["variables"]
        if not isinstance(value, str):
            raise ParamError(
                name,
                f"must be an expression in {', '.join(variables)} (a string),"
                f" got {type(value).__name__}",
            )
        try:
            parse(value, variables)
        except ValueError as exc:
            raise ParamError(name, f"is not a usable expression: {exc}") from None
        return value.strip()
    if kind == "number":
        return _number(name, value, lo, hi)
    if kind in ("numbers", "range"):
        length = 3 if kind == "range" else m["length"]
        if not isinstance(value, list):
            raise ParamError(
                name,
                f"must be an array of {length} numbers, got {type(value).__name__}",
            )
        if length is not None and len(value) != length:
            raise ParamError(name, f"must have {length} numbers, got {len(value)}")
        return tuple(_number(f"{name}[{i}]", v, lo, hi) for i, v in enumerate(value))
    if kind == "csv":
        from mathkit.guard import read_points_csv, read_scores_csv

        if not isinstance(value, str) or not value.strip():
            raise ParamError(name, "must be a path to a CSV file (a string)")
        path = (base or Path.cwd()) / value
        if not path.is_file():
            raise ParamError(name, f"names {value!r}, but there is no file {path}")
        try:
            if m["columns"] == ("x", "y"):
                return read_points_csv(path)
            return read_scores_csv(path)
        except (ValueError, OSError) as exc:
            raise ParamError(name, f"({value}) {exc}") from None
    raise ParamError(name, f"has unknown kind {kind!r}")  # pragma: no cover


# -- variants -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, eq=False)
class Variant:
    """A loaded, validated variant: its file, name, scene and parameters."""

    path: Path
    scene: str
    name: str
    params: Schema
    given: dict[str, Any]
    files: tuple[Path, ...]
    """The variant file and every file it names (CSV data): inputs of the render."""


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML table in ``path`` (VariantError if missing, too big or invalid)."""
    if not path.is_file():
        raise VariantError(f"variant file {str(path)!r} does not exist")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise VariantError(
            f"variant file {path} is {size} bytes (at most {MAX_FILE_BYTES})"
        )
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VariantError(f"variant file {path} is not valid TOML: {exc}") from None


def check_top_level(data: dict[str, Any], path: Path) -> tuple[str, str]:
    """Check the ``scene``/``name``/``[params]`` keys; return (scene, name)."""
    unknown = [k for k in data if k not in TOP_LEVEL]
    if unknown:
        raise VariantError(
            f"{path}: unknown key {unknown[0]!r} (a variant has: scene, name, [params])"
        )
    missing = [k for k in TOP_LEVEL if k not in data]
    if missing:
        raise VariantError(f"{path}: missing key {missing[0]!r}")
    scene, name = data["scene"], data["name"]
    if not isinstance(scene, str):
        raise VariantError(f"{path}: 'scene' must be a string, got {scene!r}")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise VariantError(
            f"{path}: 'name' must be 1-40 lowercase letters, digits, '-' or '_'"
            f" (it becomes part of file names), got {name!r}"
        )
    if not isinstance(data["params"], dict):
        raise VariantError(f"{path}: 'params' must be a table ([params])")
    return scene, name


def build(
    schema: type[Schema], raw: dict[str, Any], *, base: Path | None = None
) -> tuple[Schema, dict[str, Any]]:
    """Validate ``raw`` parameters against ``schema``; return (params, given values)."""
    fields = {f.name: f for f in dataclasses.fields(schema)}  # type: ignore[arg-type]
    settable = [n for n, f in fields.items() if not f.metadata["derived"]]
    for key in raw:
        if key not in fields:
            close = difflib.get_close_matches(key, settable, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise ParamError(
                key,
                f"is unknown for {schema.scene}.{hint} Parameters: {', '.join(settable)}",
            )
        if fields[key].metadata["derived"]:
            raise ParamError(key, "is computed by the scene and cannot be set")
    for name in settable:
        if fields[name].metadata["required"] and name not in raw:
            raise ParamError(name, f"is missing: every {schema.scene} variant sets it")
    values = {k: convert(schema, k, v, base) for k, v in raw.items()}
    params = dataclasses.replace(schema(), **values)  # type: ignore[type-var]
    params = params.complete(frozenset(values))
    params.check()
    return params, dict(raw)


def load_variant(path: Path | str, *, scene: str | None = None) -> Variant:
    """Load and validate the variant file at ``path`` (for ``scene``, if given).

    Raises
    ------
    VariantError
        With a one-line message: the file, and the parameter at fault.
    """
    from scenes.common.schemas import SCHEMAS

    p = Path(path).resolve()
    data = read_toml(p)
    variant_scene, name = check_top_level(data, p)
    if scene is not None and variant_scene != scene:
        raise VariantError(f"{p} is a variant of {variant_scene}, not of {scene}")
    if variant_scene not in SCHEMAS:
        raise VariantError(
            f"{p}: scene {variant_scene!r} takes no parameters."
            f" Parametric scenes: {', '.join(sorted(SCHEMAS))}"
        )
    schema = SCHEMAS[variant_scene]
    try:
        params, given = build(schema, data["params"], base=p.parent)
    except ParamError as exc:
        raise VariantError(f"{p.name}: {variant_scene} {exc}") from None
    files = [p]
    for f in dataclasses.fields(schema):  # type: ignore[arg-type]
        if f.metadata["kind"] == "csv" and f.name in given:
            files.append((p.parent / given[f.name]).resolve())
    return Variant(p, variant_scene, name, params, given, tuple(files))


_CURRENT: dict[str, Variant] = {}


def current(scene: str, schema: type[Schema]) -> Schema:
    """The parameters for ``scene``: from ``$LECTURE_VARIANT`` if it is for this scene,
    else the defaults (the course example)."""
    path = os.environ.get(ENV_VAR)
    if not path:
        return schema()
    if path not in _CURRENT:
        _CURRENT[path] = load_variant(path)
    variant = _CURRENT[path]
    return variant.params if variant.scene == scene else schema()


def tag(mob: Any, *names: str) -> Any:
    """Mark ``mob`` (and its family) as drawn from the parameters ``names``.

    The layout gate reports these names when it finds the mobject off-frame or
    overlapping, so a refused variant says which parameter to change.
    """
    for sub in mob.get_family():
        sub.variant_params = tuple(names)
    return mob


def tags_of(mobs: Iterable[Any]) -> tuple[str, ...]:
    """The parameter names tagged on any of ``mobs`` (in order, without repeats)."""
    out: list[str] = []
    for mob in mobs:
        for name in getattr(mob, "variant_params", ()):
            if name not in out:
                out.append(name)
    return tuple(out)


__all__ = [
    "ENV_VAR",
    "ParamError",
    "Schema",
    "Spec",
    "Variant",
    "VariantError",
    "build",
    "current",
    "load_variant",
    "param",
    "specs",
    "tag",
    "tags_of",
]
