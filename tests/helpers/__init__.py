"""Test helpers imported as `tests.helpers.NAME`: the shared corpus, real windows, the preview
sandbox, post-move blogs, Ruby's Psych as a YAML oracle, and the crash driver script.
No test module imports another test module or conftest."""
