"""The Discord layer: the only package that imports discord. It calls the core, never the reverse."""
