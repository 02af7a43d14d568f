"""Placeholder: filled by the employment slice of issue 3."""
