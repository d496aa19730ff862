"""The drift rules, registered explicitly in ``RULES`` (one module per rule)."""

from __future__ import annotations

from checker.rules import (
    action_changed,
    added_clause,
    actor_changed,
    antonym_swap,
    attempt_to_fact,
    attribution_changed,
    attribution_dropped,
    causal_link,
    certainty_lowered,
    description_moved,
    entity_changed,
    factive_upgrade,
    hedge_dropped,
    mixed_up,
    negation_dropped,
    negation_flipped,
    number_changed,
    omitted,
    quote_altered,
    quote_speaker,
    referent_missing,
    relation_changed,
    role_swap,
    scope_changed,
    strength_lowered,
    strength_raised,
    term_swap,
    title_changed,
    unsupported_action,
    unsupported_content,
    unsupported_entity,
    unsupported_number,
    unsupported_superlative,
)
from checker.rules.base import Context, Rule
from checker.selectors import matches

RULES: tuple[Rule, ...] = (
    attribution_dropped.RULE,
    attribution_changed.RULE,
    quote_speaker.RULE,
    hedge_dropped.RULE,
    factive_upgrade.RULE,
    attempt_to_fact.RULE,
    certainty_lowered.RULE,
    strength_raised.RULE,
    strength_lowered.RULE,
    causal_link.RULE,
    entity_changed.RULE,
    role_swap.RULE,
    actor_changed.RULE,
    referent_missing.RULE,
    term_swap.RULE,
    title_changed.RULE,
    relation_changed.RULE,
    mixed_up.RULE,
    description_moved.RULE,
    number_changed.RULE,
    negation_flipped.RULE,
    negation_dropped.RULE,
    antonym_swap.RULE,
    quote_altered.RULE,
    unsupported_content.RULE,
    unsupported_action.RULE,
    action_changed.RULE,
    added_clause.RULE,
    unsupported_entity.RULE,
    unsupported_number.RULE,
    unsupported_superlative.RULE,
    omitted.RULE,
    scope_changed.RULE,
)

BY_CODE = {r.code: r for r in RULES}

__all__ = ["RULES", "BY_CODE", "Context", "Rule", "select_rules"]


def select_rules(select=(), ignore=()) -> tuple[Rule, ...]:
    """The enabled rules, narrowed by ``select`` and ``ignore`` (codes, code prefixes or kinds)."""

    def hit(rule: Rule, items) -> bool:
        return any(matches(i, code=rule.code, kind=rule.kind, name=rule.name) for i in items)

    rules = [r for r in RULES if (r.enabled or hit(r, select))]
    if select:
        rules = [r for r in rules if hit(r, select)]
    if ignore:
        rules = [r for r in rules if not hit(r, ignore)]
    return tuple(rules)
