"""Build steps of Meldcodewijzer in plain Python; the MkDocs hook
(overrides/hooks/meldcodewijzer.py) calls them, and so can any other build tool."""
