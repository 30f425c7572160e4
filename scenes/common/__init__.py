"""Shared scene code: theme, base scene and mobject factories (one look for the course)."""
