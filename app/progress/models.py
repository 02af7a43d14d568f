"""Placeholder: filled by the progress slice of issue 3."""
