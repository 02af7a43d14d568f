"""The participant's rights over time: erasure on request and retention per data class."""
