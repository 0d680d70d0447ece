"""kramdown behaviours as Python-Markdown extensions, one module per behaviour. Must not import
Qt."""
