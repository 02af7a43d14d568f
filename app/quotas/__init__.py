"""How often one person may run the costly, data-heavy requests: exports to files."""
