"""The participant's rights: the export of everything Werkpad holds about one person."""
