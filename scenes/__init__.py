"""Manim scenes of the course, one module per syllabus item (see ``scenes/outline.toml``)."""
