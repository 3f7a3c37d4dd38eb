"""Texts that more than one check uses, written once."""

from __future__ import annotations

# Step 3 of the basismodel: the conversation before a melding may be skipped
# on either of two grounds.
SKIP_TALK = (
    "Bespreek de melding vooraf met je cliënt. Dat mag je alleen overslaan als de veiligheid van je cliënt, "
    "van jou of van iemand anders in gevaar komt, of als je goede redenen hebt om te denken dat je cliënt "
    "dan het contact met je verbreekt."
)

# Lines the record asks to fill in.
TALK_FIELD = "Vooraf besproken met de cliënt (ja/nee, reactie):"
SKIP_GROUND_FIELD = (
    "Zo nee, grond: veiligheid van cliënt, professional of ander in gevaar / "
    "verwachting dat de cliënt het contact verbreekt:"
)
CHILDREN_FIELD = "Kinderen (aantal, leeftijden, wie de zorg deelt):"
FINDINGS_FIELD = "Signalen (feiten en interpretaties apart):"
