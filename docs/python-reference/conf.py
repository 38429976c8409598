# The Python reference of sfcore: Sphinx autodoc over the built module (make docs).
# Every public name of the package is documented from the module's own docstrings and
# signatures, so the reference cannot say what the module does not.
import sfcore

project = "sfcore"
copyright = "sfcore contributors"
release = version = sfcore.__version__
extensions = ["sphinx.ext.autodoc"]
autodoc_default_options = {"members": True, "undoc-members": True, "member-order": "bysource"}
autodoc_docstring_signature = True
autodoc_typehints = "signature"
html_theme = "alabaster"
html_theme_options = {"nosidebar": False, "show_relbars": True}
html_sidebars = {"**": ["localtoc.html", "searchbox.html"]}  # the page's own table of contents
html_static_path = []
templates_path = []
nitpicky = False
