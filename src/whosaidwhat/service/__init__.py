"""The web service: JSON API and article reader over a corpus (``whosaidwhat serve``)."""
