"""Placeholder: filled by the outflow slice of issue 3."""
