"""What rewrites doctrees: heading numbers while a document is read, and
placeholders filled with tables once every document is read."""
