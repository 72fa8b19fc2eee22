"""What pubcomment.compat reads of Sphinx's and docutils' private API is
still there in the installed versions (``make test-compat`` runs this on the
newest).  A failure here means: read the new version, adapt compat.py, then
widen the pin in pyproject.toml."""

from __future__ import annotations

import docutils
import sphinx
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator

from pubcomment import compat


def test_the_installed_versions_are_the_supported_ones() -> None:
    assert (9, 0) <= sphinx.version_info[:2] <= (9, 2), sphinx.__version__
    assert (0, 21) <= docutils.__version_info__[:2] <= (0, 23), docutils.__version__


def test_config_still_keeps_the_namespace_of_conf_py() -> None:
    config = Config({"latex_show_urls": "no"}, {"project": "x"})
    assert compat.raw_config(config) is not None
    assert compat.user_set(config, "latex_show_urls")
    assert compat.user_set(config, "project")  # an override (-D)
    config.add("pc_test_value", "default", "env", ())
    assert not compat.user_set(config, "pc_test_value")


def test_the_html_writer_still_counts_rows_on_a_stack() -> None:
    translator = HTML5Translator.__new__(HTML5Translator)
    assert compat.table_row_counter(translator) is None  # nothing before __init__
    translator._table_row_indices = [0]
    assert compat.table_row_counter(translator) == [0]
    source = HTML5Translator.visit_row.__code__.co_names + HTML5Translator.visit_table.__code__.co_names
    assert "_table_row_indices" in source


def test_docutils_visit_entry_is_the_one_html_a11y_copied() -> None:
    assert compat.visit_entry_digest() in compat.VISIT_ENTRY_DIGESTS, (
        f"docutils {docutils.__version__} changed HTMLTranslator.visit_entry: compare html/a11y.py's copy with it, "
        f"then add {compat.visit_entry_digest()!r} to compat.VISIT_ENTRY_DIGESTS"
    )


def test_sphinx_build_still_reads_its_arguments_with_the_helpers_the_preview_uses(tmp_path) -> None:
    arguments = compat.build_arguments(["-q", "-b", "html", "-D", "html_title=見本", "-t", "draft", str(tmp_path), str(tmp_path / "out")])
    assert arguments is not None
    assert arguments.builder == "html" and arguments.confoverrides == {"html_title": "見本"} and "draft" in arguments.tags
    assert str(arguments.doctreedir).endswith(".doctrees")


def test_an_application_still_counts_warnings_where_the_preview_resets_them() -> None:
    from sphinx.application import Sphinx

    assert "_warncount" in Sphinx.__init__.__code__.co_names and "_warncount" in Sphinx.build.__code__.co_names


def test_a_builder_still_writes_in_the_order_write_documents_gives() -> None:
    from sphinx.builders import Builder

    assert "_write_serial" in Builder.write_documents.__code__.co_names
    written: list[str] = []

    class Stub:
        parallel_ok = False

        def write_documents(self, docnames: object) -> None:
            raise AssertionError("replaced")

        def _write_serial(self, docnames: list[str]) -> None:
            written.extend(docnames)

    builder = Stub()
    assert compat.write_first(builder, lambda docname: docname.startswith("opinions/"))
    builder.write_documents({"index", "opinions/t01-02", "about", "opinions/t01-01"})
    assert written == ["opinions/t01-01", "opinions/t01-02", "about", "index"]


def test_the_search_index_read_back_is_still_the_state_the_preview_copies() -> None:
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.search import IndexBuilder

    assert {"load", "prune"} <= set(StandaloneHTMLBuilder.load_indexer.__code__.co_names)
    assert set(compat.SEARCH_INDEX_STATE) <= set(IndexBuilder.load.__code__.co_names)
