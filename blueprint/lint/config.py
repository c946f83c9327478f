"""Lint configuration: ``.blueprintlint.yaml`` with ``extends:`` and per-rule settings.

`blueprint lint` reads `-c FILE`, else the first `.blueprintlint.yaml` (or `.yml`) in the current
directory or a parent, else uses the defaults. A config file looks like this:

    extends: default          # or strict: every warning becomes an error, every info a warning
    rules:
      open-loop: disable
      empty-lane: enable      # the rule at its default level
      cycle: {level: error}
      dead-end: {level: warning, zones: [backstage, support]}   # level and the rule's options

`yaml-syntax`, `duplicate-key`, `input-limit` and `rule-error` cannot be configured: a file that
does not load, or a rule that fails, is always an error. Anything wrong in a config is an error
that starts `invalid config:` and names the file, line and column (exit status 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..controls import visible
from ..errors import BlueprintError, Pos, brief, did_you_mean
from ..safeyaml import YMap, read_yaml
from . import registry

__all__ = ["Config", "ConfigError", "CONFIG_NAMES", "PRESETS", "as_config", "find_config",
           "load_config", "parse_config"]


#: File names searched from the current directory upward.
CONFIG_NAMES = (".blueprintlint.yaml", ".blueprintlint.yml")
PRESETS = ("default", "strict")
_TOP_KEYS = ("extends", "rules")
_LEVELS = ("error", "warning", "info")
_STRICTER = {"error": "error", "warning": "error", "info": "warning"}


class ConfigError(Exception):
    """A config that cannot be used; ``str()`` is ``invalid config: path:line:col: message``."""

    def __init__(self, message: str, pos: Pos | str | None = None):
        where = f"{pos}: " if pos else ""
        super().__init__(visible(f"invalid config: {where}{message}"))
        self.message = message
        self.pos = pos


@dataclass(frozen=True)
class Config:
    """The level of every rule (None: disabled) and the options of every rule."""

    levels: Mapping[str, str | None]
    rule_options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    path: str | None = None

    @classmethod
    def default(cls) -> "Config":
        return _preset("default")

    @classmethod
    def strict(cls) -> "Config":
        return _preset("strict")

    def level(self, rule_id: str) -> str | None:
        """The level findings of ``rule_id`` get, or None when it is disabled."""
        if rule_id in self.levels:
            return self.levels[rule_id]
        module = registry.RULES.get(rule_id)
        return module.LEVEL if module is not None else "error"

    def options(self, rule_id: str) -> dict[str, object]:
        """The rule's options: its defaults, overridden by the config."""
        module = registry.RULES.get(rule_id)
        options = dict(getattr(module, "OPTIONS", {}))
        options.update(self.rule_options.get(rule_id, {}))
        return options


def _preset(name: str) -> Config:
    levels = {}
    for rule_id, module in registry.RULES.items():
        level = module.LEVEL
        levels[rule_id] = _STRICTER[level] if name == "strict" and registry.configurable(rule_id) else level
    return Config(MappingProxyType(levels))


def as_config(config: "Config | Mapping | None") -> Config:
    """A :class:`Config` from a Config, a mapping written like the file, or None (the defaults)."""
    if config is None:
        return Config.default()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return parse_config(config)
    raise TypeError(f"config must be a Config, a mapping or None, not {type(config).__name__}")


def find_config(start: str | os.PathLike | None = None) -> str | None:
    """The first ``.blueprintlint.yaml`` in ``start`` (the current directory) or a parent."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load_config(path: str | os.PathLike) -> Config:
    """Read and check a config file; every problem is a :class:`ConfigError`."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"cannot read the config file: {reason}", name) from None
    try:
        data = read_yaml(text, name)
    except BlueprintError as exc:
        raise ConfigError(exc.message, exc.pos) from None
    if data is None:
        return Config.default()
    return parse_config(data, name)


def parse_config(data: Mapping, path: str | None = None) -> Config:
    """Check config data (positions are used when it comes from :func:`read_yaml`)."""
    checker = _Checker(path)
    return checker.config(data)


class _Checker:
    def __init__(self, path: str | None):
        self.path = path

    def at(self, mapping: object, key: object = None, value: bool = True) -> Pos | str | None:
        """The position of a key's value (or the key, or the mapping) when there is one."""
        if not isinstance(mapping, YMap) or self.path is None:
            return self.path
        if key is None:
            return Pos(self.path, *mapping.pos)
        found = (mapping.value_pos if value else mapping.key_pos).get(key)
        return Pos(self.path, *found) if found else Pos(self.path, *mapping.pos)

    def config(self, data: object) -> Config:
        if not isinstance(data, Mapping):
            where = Pos(self.path, *getattr(data, "pos", (1, 1))) if self.path else None
            raise ConfigError("the config must be a mapping with 'extends' and 'rules'", where)
        for key in data:
            if key not in _TOP_KEYS:
                raise ConfigError(f"unknown key {brief(key)}{did_you_mean(key, _TOP_KEYS)}: "
                                  "a config has 'extends' and 'rules'", self.at(data, key, value=False))
        extends = data.get("extends", "default")
        if extends not in PRESETS or not isinstance(extends, str):
            raise ConfigError(f"'extends' must be one of {', '.join(PRESETS)}, not {brief(extends)}"
                              f"{did_you_mean(extends, PRESETS)}", self.at(data, "extends"))
        base = _preset(extends)
        levels = dict(base.levels)
        options: dict[str, dict] = {}
        rules = data.get("rules")
        if rules is None:
            rules = {}
        if not isinstance(rules, Mapping):
            raise ConfigError("'rules' must be a mapping of rule ids to enable, disable or "
                              "{level: ..., options}", self.at(data, "rules"))
        for rule_id, setting in rules.items():
            level, rule_options = self.rule(rules, rule_id, setting, base)
            levels[rule_id] = level
            if rule_options:
                options[rule_id] = rule_options
        return Config(MappingProxyType(levels), MappingProxyType(options), self.path)

    def rule(self, rules: Mapping, rule_id: object, setting: object, base: Config):
        module = registry.RULES.get(rule_id) if isinstance(rule_id, str) else None
        if module is None:
            raise ConfigError(f"rule {brief(rule_id)} does not exist{did_you_mean(rule_id, registry.RULES)}",
                              self.at(rules, rule_id, value=False))
        if not registry.configurable(rule_id):
            raise ConfigError(f"rule '{rule_id}' cannot be configured: a file that does not load, "
                              "or a rule that fails, is always an error",
                              self.at(rules, rule_id, value=False))
        default_level = base.level(rule_id)
        if setting == "enable":
            return default_level, {}
        if setting == "disable":
            return None, {}
        if not isinstance(setting, Mapping):
            raise ConfigError(f"rule '{rule_id}' must be enable, disable or a mapping like "
                              f"{{level: warning}}, not {brief(setting)}", self.at(rules, rule_id))
        level = setting.get("level", default_level)
        if level not in _LEVELS or not isinstance(level, str):
            raise ConfigError(f"rule '{rule_id}': 'level' must be one of {', '.join(_LEVELS)}, not "
                              f"{brief(level)}{did_you_mean(level, _LEVELS)}", self.at(setting, "level"))
        defaults = getattr(module, "OPTIONS", {})
        choices = getattr(module, "OPTION_CHOICES", {})
        options = {}
        for key, value in setting.items():
            if key == "level":
                continue
            if key not in defaults:
                known = ", ".join(defaults) if defaults else "none"
                raise ConfigError(f"rule '{rule_id}' has no option {brief(key)}{did_you_mean(key, defaults)} "
                                  f"(its options: {known})", self.at(setting, key, value=False))
            self.check_option(rule_id, key, value, defaults[key], choices.get(key), setting)
            options[key] = list(value) if isinstance(value, list) else value
        return level, options

    def check_option(self, rule_id, key, value, default, choices, setting) -> None:
        where = self.at(setting, key)
        name = f"rule '{rule_id}': option '{key}'"
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"{name} must be true or false, not {brief(value)}", where)
        elif isinstance(default, int):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{name} must be a whole number of 0 or more, not {brief(value)}", where)
        elif isinstance(default, (list, tuple)):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{name} must be a list of names, not {brief(value)}", where)
            for item in value:
                if choices and item not in choices:
                    raise ConfigError(f"{name}: {brief(item)} is not one of {', '.join(choices)}"
                                      f"{did_you_mean(item, choices)}", where)
        elif isinstance(default, str) and not isinstance(value, str):
            raise ConfigError(f"{name} must be text, not {brief(value)}", where)
