"""Built-in rule families (and the built-in readers and output formats). Each module
is a pluggy plugin using the public hooks."""

BUILTIN_FAMILIES = [
    "corpuslint.outputs",
    "corpuslint.readers",
    "corpuslint.families.input",
    "corpuslint.families.whitespace",
    "corpuslint.families.artifact",
    "corpuslint.families.duplicate",
    "corpuslint.families.spelling",
    "corpuslint.families.translation",
    "corpuslint.families.custom",
    "corpuslint.baseline",  # U100 unused-suppression
]
