"""The terms of the figures and lists the campaign publishes: free to reuse, naming the campaign."""

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
ATTRIBUTION = "#CohesionAlliance"
