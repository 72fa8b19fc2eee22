"""Builders of docutils nodes from consultation data, one module per part."""
