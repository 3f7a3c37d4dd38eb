"""Build steps of Meldcodewijzer in plain Python; overrides/hooks/meldcodewijzer.py calls them."""
