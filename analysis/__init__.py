"""Same Story: comparative analysis of how news outlets tell the same story.

Modules are named for what a reader asks about: ``corpus`` (loading, cleaning, sentences),
``plots`` (outlet colours, figures saved with their data), ``report`` (the main job).
"""

__version__ = "0.1.0"
