"""Analyses: functions that take the blueprint graph first and return plain data."""

from .stats import stats

__all__ = ["stats"]
